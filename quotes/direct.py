"""Direct quotes: candidates from the paired marks, split where an incise sits inside them.

`« A, a-t-il indiqué. B »` is two quotes with one speaker (ANNOTATION.md), so an incise found
inside the marks splits the span and is kept for the `incise-inside` sieve. Whether words in
marks are a quote at all (not a title, a nickname or a scare-quoted term) is decided after
attribution, by `is_quote`, because a cue is the best evidence there is.
"""
from __future__ import annotations

import regex

from .candidate import Candidate
from .cues import CLAUSE_END, Incise, incise_after, is_clitic
from .entities.bodies import NAMED_IN_MARKS
from .lexicon import fold
from .marks import DIALOGUE, MarkSpan
from .nlp import Doc

SPLIT_BEFORE = {",", "?", "!", "…", "...", "—", "–"}


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Edge spaces and a single final period or comma go; '…', '?' and '!' stay (ANNOTATION.md)."""
    while start < end and text[start] in " \t\n\u00a0\u202f\u2009":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0\u202f\u2009":
        end -= 1
    if end - start > 1 and text[end - 1] in ".,;:" and text[end - 2] != ".":
        end -= 1
        while end > start and text[end - 1] in " \t\u00a0\u202f":
            end -= 1
    return start, end


def _inner_incises(doc: Doc, span: MarkSpan) -> list[Incise]:
    toks = doc.tokens
    inside = doc.tokens_between(span.start, span.end)
    found: list[Incise] = []
    p = inside.start + 1
    while p < inside.stop:
        if toks[p - 1].text in SPLIT_BEFORE and not is_clitic(toks[p]):
            inc = incise_after(doc, p, inside.stop, inverted_only=True)
            if inc and (inc.speaker is not None or inc.cue.clitic is not None) and \
                    (inc.last >= inside.stop or toks[inc.last].text in CLAUSE_END) and inc.cue.first > inside.start:
                found.append(inc)
                p = inc.last + 1
                continue
        p += 1
    return found


def candidates(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """One candidate per quoted segment: a span, or its parts around incises inside it."""
    out: list[Candidate] = []
    text = doc.text
    for span in spans:
        incises = _inner_incises(doc, span) if doc.tokens else []
        start = span.start
        for n, inc in enumerate(incises + [None]):
            if inc is None:
                a, b = trim_content(text, start, span.end)
            else:
                before = doc.tokens[inc.first - 1]
                cut = before.start if before.text in (",", "—", "–") else before.end
                a, b = trim_content(text, start, cut)
                nxt = inc.last
                while nxt < len(doc.tokens) and doc.tokens[nxt].text in CLAUSE_END and \
                        doc.tokens[nxt].start < span.end:
                    nxt += 1
                start = doc.tokens[nxt].start if nxt < len(doc.tokens) and doc.tokens[nxt].start < span.end \
                    else span.end
            if span.mark == DIALOGUE and inc is None:
                a, b = _drop_stage_direction(text, a, b)
            if b <= a:
                continue
            q = Candidate("direct", a, b, span=span,
                          outer_start=span.open_start if n == 0 else a,
                          outer_end=span.close_end if inc is None else b,
                          found_by="incise-inside" if incises else "marks")
            q.incise = inc if inc is not None else (incises[-1] if incises else None)
            out.append(q)
    return out


def _drop_stage_direction(text: str, start: int, end: int) -> tuple[int, int]:
    """A dialogue reply ends at its paragraph, where the narrator may add '(d'une voix forte)'."""
    if text[end - 1:end] == ")":
        opening = text.rfind("(", start, end)
        if opening > start and text[start:opening].strip()[-1:] in ".!?…":
            return trim_content(text, start, opening)
    return start, end


def _words(text: str) -> list[str]:
    return [w for w in text.replace("’", "'").split() if any(c.isalnum() for c in w)]


NAMING = {"dit", "dite", "surnommé", "surnommée", "appelé", "appelée", "baptisé", "baptisée", "intitulé",
          "intitulée", "nommé", "nommée", "mode", "opération", "comme", "titre", "mot", "terme",
          "expression", "slogan", "hashtag", "mention", "label", "programme", "plan", "projet", "film",
          "livre", "émission", "série", "chanson", "album", "roman", "campagne", "thème", "formule",
          "qualificatif", "concept", "notion", "statut", "catégorie", "juriste", "dossier"}
NAMING = {fold(w) for w in NAMING}  # compared with folded words (série → serie)


def is_quote(q: Candidate, text: str) -> bool:
    """Words in marks that report speech, not a term, a title or a nickname (ANNOTATION.md)."""
    if q.type != "direct":
        return True
    content = text[q.start:q.end]
    words = _words(content)
    if not words:
        return False
    strong = q.rule is not None and q.rule.split(":")[0] in (
        "incise-inside", "incise-after", "colon-intro", "parenthetical", "attribution-line", "cue-subject",
        "selon")
    if chanted(q, text):
        return True
    if named(q, text):
        return strong and q.rule.split(":")[0] != "cue-subject"
    if strong:
        return True
    if len(words) >= 3:
        return not _title_like(words)
    # one or two words with no cue: a quote only when it stands alone (a heading) and is not a name
    alone = _line_is(text, q)
    return alone and not _title_like(words)


CHANTED = regex.compile(r"(?:\baux?\s+cris?\s+d[e'’]|\ben\s+(?:criant|scandant|hurlant|chantant)|"
                        r"\b(?:scand|hurl|cri|chant|entonn)(?:é|ée|és|ées|ant|ent|aient|ait|e|ez)?)\s*$", regex.I)


def chanted(q: Candidate, text: str) -> bool:
    """Words in marks right after a shout (au cri de « … », en criant « … », ont scandé « … »): a
    chant or a cry is a quote, whoever shouted it, however short or capitalised (Allah Akbar)."""
    return CHANTED.search(text[max(0, q.outer_start - 30):q.outer_start]) is not None


def named(q: Candidate, text: str) -> bool:
    """Words in marks right after a naming word (la série « … », baptisé « … », le slogan « … »)."""
    before = text[max(0, q.outer_start - 40):q.outer_start]
    prev = [fold(w).rsplit("'", 1)[-1] for w in _words(before)[-3:]]  # l'émission → emission
    if len(prev) > 1 and prev[-2] in AUXILIARY:
        return False  # il a appelé « solennellement » au calme, elle a dit « non »: the verb, not a name
    if not prev:
        return False
    last, before_last = prev[-1], prev[-2] if len(prev) > 1 else None
    if last in NAMING or last in NAMED_IN_MARKS:
        return True  # la série « … », l'association « Droit au logement »
    return before_last in NAMING and last in ("le", "la", "les", "l'", "un", "une") or \
        before_last in NAMED_IN_MARKS and last in ("des", "du", "de", "d")  # le collectif des « … »


def on_sign(q: Candidate, text: str) -> bool:
    """Words in marks read on a sign or a wall, in the same sentence (« … », pouvait-on lire sur une
    pancarte; une banderole proclamant « … »): a slogan with no speaker (ANNOTATION.md)."""
    before = SENTENCE_END.split(text[max(0, q.outer_start - 60):q.outer_start])[-1]
    after = SENTENCE_END.split(text[q.outer_end:q.outer_end + 40])[0]
    return SIGN.search(fold(before + " " + after)) is not None


SENTENCE_END = regex.compile(r"[.!?]\s|\n")
SIGN = regex.compile(r"\b(?:pancartes?|banderoles?|affiches?|affichettes?|panneaux?|ecriteaux?|slogans?|tags?|"
                     r"graffitis?|t-shirts?|tee-shirts?|autocollants?|stickers?|calicots?|"
                     r"(?:pouvait|peut|pourra)-on lire|lit-on|on (?:pouvait|peut) lire)\b")


AUXILIARY = {"a", "ai", "as", "ont", "avait", "avaient", "aura", "auront", "avons", "avez", "aurait"}


def _title_like(words: list[str]) -> bool:
    """Every word capitalised (a title of a work, an operation), or a single acronym."""
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) == len(words) and (len(words) > 1 or words[0].isupper())


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (between newlines) that holds [start, end)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _line_is(text: str, q: Candidate) -> bool:
    line_start, line_end = line_around(text, q.outer_start, q.outer_end)
    rest = text[line_start:q.outer_start] + text[q.outer_end:line_end]
    return not any(c.isalnum() for c in rest)
