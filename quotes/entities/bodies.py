"""Bare body nouns that refer back: « l'entreprise », « le syndicat » name the company or union
the article has named, not a generic body of their own."""
from __future__ import annotations

import regex

from .. import lexicon
from ..lexicon import fold
from ..marks import CLOSING_TOKENS, OPENING_TOKENS

WORD = regex.compile(r"\w+")

# Classes whose bare noun, in an article, is a body already named there. Government, police,
# courts, media and documents are not: « le gouvernement », « la police », « le parquet » are
# said of their own and the scorer names them so.
REFERRING = {"company", "union", "collective", "party"}


def bare_body(name: str) -> str | None:
    """The class of a body said with its noun alone (l'entreprise, le syndicat, le groupe
    français): one body noun, at most one lowercase word after it."""
    words = WORD.findall(name)
    if not words or len(words) > 2 or name[:1].isupper():
        return None
    cls = lexicon.bodies().get(fold(words[0]))
    if cls not in REFERRING or (len(words) == 2 and not words[1].islower()):
        return None
    return cls


def _head_class(name: str) -> str | None:
    words = WORD.findall(name)
    return lexicon.bodies().get(fold(words[0])) if words else None


def named_bodies(doc, entities, pos: int, reach: int = 1500) -> list[tuple[int, str]]:
    """(position, name) of the bodies named by a proper name in the `reach` characters before
    `pos`: organizations the parser tagged, and those the article's speakers already are."""
    found = [(e.start, doc.text[e.start:e.end]) for e in doc.ents
             if e.label == "ORG" and pos - reach <= e.start and e.end <= pos]
    for ent in entities:
        last = ent.last_before(pos)
        if ent.kind == "organization" and last is not None and pos - last <= reach:
            found.append((last, ent.name or ""))
    return found


def antecedent_body(doc, entities, cls: str, pos: int) -> str | None:
    """The name of the body of that class named last before `pos`: a name with a body noun of
    the same class (le syndicat → le syndicat Unsa; a union may be an alliance or a fédération of
    unions), or for a company a bare name too (Google)."""
    countries = set(lexicon.capitals()) | set(lexicon.capitals().values())
    best = None
    for where, name in named_bodies(doc, entities, pos):
        if not name[:1].isupper() or name in countries or len(name) < 2:
            continue
        head = _head_class(name)
        if head != cls and not (head is None and cls == "company") and (head, cls) != ("collective", "union"):
            continue  # a bare name (Google, la SNCF) is taken for a company, not for a union or a party
        if best is None or where > best[0]:
            best = (where, name)
    return best[1] if best else None


# Bodies that French news names in quotation marks: « le collectif des « gilets jaunes libres » »,
# « l'association « Droit au logement » ». The marked words are the body's name, not a quote.
NAMED_IN_MARKS = {"collectif", "association", "mouvement", "groupe", "page", "compte", "liste", "reseau"}
MAX_NAME_WORDS = 6


def marked_name(doc, last: int, limit: int) -> tuple[str, int] | None:
    """The name in marks right after a body noun ending at `last` (after « des », « du », « de » if
    any), and the index after its closing mark."""
    toks = doc.tokens
    k = last
    if k < limit and toks[k].text.lower() in ("des", "du", "de", "d'", "d’"):
        k += 1
    if k >= limit or toks[k].text not in OPENING_TOKENS:
        return None
    close = next((j for j in range(k + 1, min(limit, k + 2 + MAX_NAME_WORDS)) if toks[j].text in CLOSING_TOKENS), None)
    if close is None or close == k + 1 or any(t.pos in ("VERB", "AUX") for t in toks[k + 1:close]):
        return None
    return doc.text[toks[k + 1].start:toks[close - 1].end], close + 1


def voice_of(doc, k: int, limit: int) -> int | None:
    """« le gouvernement par la voix de son porte-parole Paul Roy »: where the person who speaks
    through « (par) la voix de » at `k` starts (a body speaks through a person, who is the
    speaker), else None."""
    lows = doc.lowered
    if k < limit and lows[k] == "par":
        k += 1
    if k + 2 >= limit or lows[k] != "la" or lows[k + 1] != "voix" or lows[k + 2] not in ("de", "d'", "du", "des"):
        return None
    return k + 3 - (lows[k + 2] in ("du", "des"))
