"""The sieve contract: what a sieve returns and what it sees."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..candidate import Candidate
from ..cues import CueMatch
from ..entities.mentions import Mention, mention_at
from ..nlp import Doc


@dataclass(slots=True)
class Attribution:
    speaker: Mention | None
    cue: CueMatch | None
    sub: str | None = None  # a sub-pattern, written after a colon in `rule`
    same_as: Candidate | None = None  # the quote whose speaker this one continues
    prefer_last: bool = False  # a pronoun in an incise looks to the last speaker first


@dataclass
class Context:
    doc: Doc
    quotes: list[Candidate]
    index: int = 0
    previous: Candidate | None = None  # the last attributed quote before this one
    notes: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text


def first_token_after(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    while i is not None and i < len(doc.tokens) and doc.tokens[i].start < pos:
        i += 1
    return i if i is not None and i < len(doc.tokens) else None


def last_token_before(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    if i is None:
        return len(doc.tokens) - 1 if doc.tokens else None
    while i >= 0 and doc.tokens[i].end > pos:
        i -= 1
    return i if i >= 0 else None


class Sieve:
    name = ""
    confidence = 0.5
    enabled = True

    def attribute(self, q: Candidate, ctx: Context) -> Attribution | None:  # pragma: no cover
        raise NotImplementedError


def nearest_subject(doc: Doc, first: int, before: int) -> Mention | None:
    """The last named person or body before a cue in its clause (a subject the parser missed)."""
    best = None
    k = first
    while k < before:
        m = mention_at(doc, k, before)
        governed = k > first and (doc.tokens[k - 1].pos == "ADP" or doc.tokens[k - 1].text.lower() in ("par", "de", "d'", "d’"))
        if m and not governed and (m.name or m.kind == "pronoun") and m.kind in ("person", "organization", "pronoun"):
            best = m  # a subject is never the object of a preposition (accusé par Moscou)
            k = max(m.last, k + 1)
        else:
            k += 1
    return best
