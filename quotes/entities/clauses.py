"""Where a mention sits in its clause: the subject of its verb, or the source of a speech verb.

The md model's attachments wander, so both read the tags around the mention as much as the parse.
Pure functions of the document and a character position (the entity model stores positions).
"""
from __future__ import annotations

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc
from .phrases import DE, is_title, np_end
from .roles import role_head


def _present_participle(t) -> bool:
    return t.pos == "VERB" and t.feat("VerbForm") == "Part" and t.feat("Tense") == "Pres"


def subject_at(doc: Doc, pos: int) -> bool:
    """Whether the mention at `pos` is the subject of its clause."""
    i = doc.token_at(pos)
    if i is None:
        return False
    toks = doc.tokens
    sent = doc.sent_of(i)
    b = i - 1
    while b >= sent.first and is_title(toks[b]):
        b -= 1
    if b >= sent.first and (toks[b].pos == "ADP" or toks[b].text.lower() == "et" and any(
            toks[k].pos == "ADP" for k in range(max(sent.first, b - 5), b))):
        return False  # une rencontre entre MM. Kerry et Poutine: a complement, whatever follows
    if b >= sent.first and _present_participle(toks[b]):
        return False  # qualifiant Emmanuel Macron de « président flashball »: an object, whatever the parser says
    last = min(len(toks), i + 4, sent.last)
    if any(toks[k].dep in ("nsubj", "nsubj:pass") for k in range(i, last)):
        return True
    k = i  # the parser's attachments wander: a name right before its finite verb is its subject
    while k < sent.last and (toks[k].text[:1].isupper() or toks[k].pos == "PROPN"):
        k += 1
    return k < sent.last and k > i and toks[k].pos in ("AUX", "VERB") and toks[k].feat("VerbForm") == "Fin"


def source_at(doc: Doc, pos: int) -> bool:
    """Whether the mention at `pos` is a source: the subject of a speech verb (X estime, a déclaré X,
    selon X), not its object (qualifiant X de « président flashball »)."""
    from ..cues import _verb_group, cue_at  # (cues read mentions: imported here, not at the top)
    i = doc.token_at(pos)
    if i is None:
        return False
    sent = doc.sent_of(i)
    k = i - 1
    while k > sent.first and k >= i - 4 and cue_at(doc, k) is None and (
            is_title(doc.tokens[k]) or doc.tokens[k].pos == "ADV" or fold(doc.tokens[k].text) in lexicon.time_words()):
        k -= 1  # a assené mardi Me Paul Girard: past the title and the time words
    before = doc.tokens[k] if k >= sent.first else None
    if before is not None and (cue_at(doc, k) is not None and not _present_participle(before)
                               or before.text.lower() in ("selon", "après")):
        return True
    return _verb_group(doc, np_end(doc, i, sent.last), sent.last) is not None


def completed_role(doc: Doc, first: int, last: int, name: str) -> str | None:
    """The role whose complement a name is: « les avocats de l'accusé Mehdi Nemmouche » → avocat.
    The article speaks of that person's lawyers: a later « l'avocat » is one of them, not him."""
    toks = doc.tokens
    word = name.split()[0] if name.split() else ""
    j = next((k for k in range(first, last) if toks[k].text == word), first)
    if j >= 1 and is_title(toks[j - 1]):
        j -= 1  # (les avocats de M. Girard)
    if j >= 2 and toks[j - 1].pos == "NOUN" and role_head(toks[j - 1].text):
        j -= 1 + (toks[j - 2].pos == "DET")  # (les avocats de l'accusé Paul Girard)
    if j < 2 or toks[j - 1].text.lower() not in DE or toks[j - 2].pos != "NOUN":
        return None
    return role_head(toks[j - 2].text)


def named_later(doc: Doc, first: int, end: int, positions: list[int]) -> bool:
    """« elle ordonnera à l'expert de prélever la voix de Paul Girard »: a description (its first
    token, its end) and a later name in one sentence are two people."""
    sent = doc.sent_of(first)
    return any(end <= p < sent.end for p in positions)


def after_preposition(doc: Doc, first: int, pos: int) -> bool:
    """« comparées par l'expert », « ordonnera à l'expert »: a description after a preposition
    (not a source's: selon, pour) brings in someone the sentence acts on, not the one named."""
    return first > 0 and doc.tokens[first - 1].pos == "ADP" and not source_at(doc, pos)
