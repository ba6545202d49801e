"""Who the subject of a journalist's clause stands for, where the parse alone says too little: a
relative after a comma (« …, estime le spécialiste de Victor Hugo, qui ajoute »), and the impersonal
« on » that speaks for a place (« a-t-on indiqué à la préfecture », « À l'Élysée, on assure »)."""
from __future__ import annotations

import dataclasses

from . import lexicon
from .entities.mentions import Mention, mention_at
from .entities.phrases import _low
from .entities.roles import role_head
from .lexicon import fold
from .nlp import Doc


def relative_antecedent(doc: Doc, k: int) -> Mention | None:
    """« …, estime le spécialiste de George Orwell, qui ajoute »: after a comma, « qui » stands for
    the whole phrase before the comma, not for the name at its end (which the parse often picks).
    A phrase that cannot speak gives way to the name in it: « les propos de M. Rossi, qui… »."""
    if _low(doc.tokens[k]) != "qui" or k < 2 or doc.tokens[k - 1].text != ",":
        return None
    comma, first = k - 1, doc.sent_of(k).first
    ending = [m for start in range(comma - 1, max(first, comma - 15) - 1, -1)
              if (m := mention_at(doc, start, comma)) is not None and m.last == comma]
    speaking = [m for m in ending if m.kind in ("person", "organization") or m.role and role_head(m.role)]
    return speaking[-1] if speaking else None  # the longest phrase that ends at the comma and can speak


def _place(doc: Doc, k: int, limit: int, openers: tuple[str, ...]) -> int | None:
    """Where the place after a preposition at `k` starts: « à la préfecture », « au Château » (the
    article is inside « au »), « chez X », « dans l'entourage de X », « du côté de la police »."""
    lows = doc.lowered
    if k >= limit or lows[k] not in openers:
        return None
    if lows[k] == "du":
        if k + 2 >= limit or lows[k + 1] != "côté" or lows[k + 2] not in ("de", "d'", "du", "des"):
            return None
        return k + 3 - (lows[k + 2] in ("du", "des"))
    return k + 1 if k + 1 < limit else None


def where_on_speaks(doc: Doc, k: int, limit: int) -> Mention | None:
    """« …, a-t-on indiqué à la préfecture », « fait-on savoir à l'Élysée », « souligne-t-on du côté de
    la police »: the impersonal « on » is the body where it was said."""
    k = _place(doc, _past_time_words(doc, k, limit), limit, ("à", "au", "aux", "chez", "du"))
    m = mention_at(doc, k, limit) if k is not None else None
    return m if m is not None and m.kind == "organization" and m.name else None


def fronted_place(doc: Doc, on: int) -> Mention | None:
    """« Dans l'entourage de Marine Roux, on estime que… », « À l'Élysée, on assure que… »: the
    impersonal « on » after a place or circle that opens its sentence speaks for it: the body, or
    the circle (an unnamed « entourage de Marine Roux »)."""
    toks, first = doc.tokens, doc.sent_of(on).first
    if on < first + 3 or toks[on - 1].text != ",":
        return None
    k = _place(doc, first, on - 1, ("dans", "à", "au", "chez", "du"))
    m = mention_at(doc, k, on - 1) if k is not None else None
    if m is None or m.last != on - 1:
        return None
    head = k + (doc.lowered[k] in ("l'", "le", "la", "les"))
    if fold(toks[head].text) == "entourage":  # l'entourage de X: people around X, not X
        return dataclasses.replace(m, kind="anonymous", name=None, role=doc.text[toks[head].start:toks[on - 2].end],
                                   gender="x", title=None)
    return m if m.kind == "organization" and m.name else None


def _past_time_words(doc: Doc, k: int, limit: int) -> int:
    """Past time words and adverbs only (a-t-on indiqué mardi à la préfecture)."""
    times = lexicon.time_words()
    while k < limit and (doc.folded[k] in times or doc.tokens[k].pos == "ADV"):
        k += 1
    return k


__all__ = ["fronted_place", "relative_antecedent", "where_on_speaks"]
