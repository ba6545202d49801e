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
    site: str | None = None   # the url's host, shown as the outlet when the input named none


class Occurrence(BaseModel):
    """One outlet's report of a quote: its own wording, offsets into that article, attribution."""

    article: ArticleRef
    record_id: str
    text: str
    start: int
    end: int
    type: str
    speaker_mention: str | None = None
    speaker_kind: str | None = None
    role: str | None = None
    cue: str | None = None
    rule: str | None = None
    confidence: float = 0.0
    context_before: str | None = None  # the article's text just before and after the quote (its
    context_after: str | None = None   # sentence or paragraph), stored at ingest; None if unknown


class StoredQuote(BaseModel):
    """One quote across articles: canonical text and attribution, and every occurrence."""

    id: int
    text: str
    type: str
    speaker: str | None = None
    speaker_id: int | None = None
    speaker_kind: str | None = None
    role: str | None = None
    cue: str | None = None
    confidence: float = 0.0            # the best of its occurrences'
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


class SpeakerPage(BaseModel):
    """A page of speakers matching a name (the page's type-ahead)."""

    total: int
    page: int
    per_page: int
    speakers: list[SpeakerRecord]


class Count(BaseModel):
    """One bar of a chart: a label (an outlet, None for none; a week's Monday) and how many quotes."""

    label: str | None
    quotes: int


class SpeakerDetail(BaseModel):
    """A speaker's page: the record, the outlets that quote them, their quotes week by week."""

    speaker: SpeakerRecord
    outlets: list[Count]
    weeks: list[Count]


class OutletFigures(BaseModel):
    """One outlet's quotes, split by the kind of source they are attributed to."""

    outlet: str | None   # None: the articles that name no outlet and have no url
    quotes: int
    person: int
    organization: int
    anonymous: int
    unattributed: int


class Figures(BaseModel):
    """The figures page and `quotes stats`: who is quoted, where, how often, from which sources."""

    articles: int
    quotes: int
    speakers: int
    top_speakers: list[SpeakerRecord]
    outlets: list[OutletFigures]
    weeks: list[Count]
