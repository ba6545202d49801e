"""The working record of one quote between detection and output (a plain dataclass: hot loop)."""
from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields

from .cues import CueMatch, Incise
from .entities.mentions import Mention
from .marks import MarkSpan


@dataclass(slots=True)
class Candidate:
    type: str  # direct | indirect | mixed
    start: int  # the content, half-open, into the raw text
    end: int
    span: MarkSpan | None = None  # the marks around a direct quote
    outer_start: int = 0  # the content with its marks (direct) or its cue clause (reported)
    outer_end: int = 0
    found_by: str = "marks"  # the detector: marks, incise-inside, reported:que, source:selon, …
    cue: CueMatch | None = None
    speaker: Mention | None = None
    rule: str | None = None
    confidence: float = 0.0
    incise: Incise | None = None  # an incise inside the marks that split them
    fragments: list[MarkSpan] = field(default_factory=list)
    sentence: int | None = None
    trace: list[str] = field(default_factory=list)
    # filled by resolution: the entity, and what is written out
    entity: int | None = None
    name: str | None = None
    kind: str = "unknown"
    role: str | None = None
    cue_span: tuple[int, int] = (0, 0)

    @property
    def attributed(self) -> bool:
        return self.rule is not None

    def __copy__(self) -> Candidate:
        # a shallow copy, as copy.copy's generic path makes, without its __reduce_ex__ detour
        # (decide copies every candidate of an article)
        return Candidate(*_FIELDS(self))

    @property
    def cue_start(self) -> int:
        return self.cue_span[0]

    @property
    def cue_end(self) -> int:
        return self.cue_span[1]


_FIELDS = operator.attrgetter(*(f.name for f in fields(Candidate)))
