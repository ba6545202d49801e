"""Output models: the contract of DESIGN.md, one `Quote` a JSONL line.

Pydantic lives at the edges only (what we read in, what we write out); the hot loops inside
work on plain dataclasses (`nlp.doc`, `marks`), and are turned into these models at the end.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "anonymous", "unknown"]


class Speaker(BaseModel):
    """Who said it: `name` is the entity's canonical (fullest) name, `mention` the words near the quote."""

    model_config = ConfigDict(frozen=True)

    name: str | None
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    kind: SpeakerKind = "unknown"


class Cue(BaseModel):
    """The speech verb or source phrase that introduces the quote, as written."""

    model_config = ConfigDict(frozen=True)

    text: str
    lemma: str
    start: int
    end: int


class Quote(BaseModel):
    """One attributed quote. `text == article_text[start:end]` always holds."""

    doc_id: str
    id: str
    type: QuoteType
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: Speaker | None = None
    role: str | None = None
    cue: Cue | None = None
    rule: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    boilerplate: bool = False
    sentence: int | None = None
    entity: int | None = None
    trace: list[str] | None = None

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False, exclude={"trace"} if self.trace is None else set())


class Article(BaseModel):
    """An article as we received it. `text` is never rewritten: every offset indexes it."""

    doc_id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
