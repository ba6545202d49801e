"""What the store hands back: pydantic models at the edge (CLI JSONL, web API, Python callers)."""
from __future__ import annotations

from pydantic import BaseModel


class ArticleRef(BaseModel):
    """The article an occurrence sits in, with whatever metadata the input had."""

    doc_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None


class Occurrence(BaseModel):
    """One outlet's report of a quote: its own wording, offsets into that article, attribution."""

    article: ArticleRef
    record_id: str
    text: str
    start: int
    end: int
    type: str
    speaker_mention: str | None = None
    role: str | None = None
    cue: str | None = None
    rule: str | None = None
    confidence: float = 0.0


class StoredQuote(BaseModel):
    """One quote across articles: canonical text and attribution, and every occurrence."""

    id: int
    text: str
    type: str
    speaker: str | None = None
    speaker_id: int | None = None
    role: str | None = None
    cue: str | None = None
    article: ArticleRef | None = None
    first_date: str | None = None
    last_date: str | None = None
    occurrences: list[Occurrence] = []


class SpeakerRecord(BaseModel):
    """One speaker across articles, with the roles seen and how often they were quoted."""

    id: int
    name: str
    kind: str
    roles: list[str] = []
    quotes: int
    articles: int
    first_date: str | None = None
    last_date: str | None = None


class SearchPage(BaseModel):
    """A page of search results and the total, for pagination."""

    total: int
    page: int
    per_page: int
    quotes: list[StoredQuote]
