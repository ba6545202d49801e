"""The quote database: articles, one quote and one speaker across articles, full-text search.

    >>> db = QuoteDB("quotes.db")
    >>> db.add_article(article, quotes)          # one transaction; re-adding replaces
    >>> db.search("etape importante").quotes[0].speaker
    'John Kerry'

Embedded SQLite (standard `sqlite3`, WAL): readers query while a batch writes. The schema is
documented in docs/database.md; the file opens in Datasette with full-text search.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import QuotesError
from ..model import Article, Quote
from . import figures as _figures, ingest, parts, search as _search
from .fts import enable_fts
from .records import (ArticleRef, Count, Figures, Occurrence, OutletFigures, SearchPage, SpeakerDetail, SpeakerPage,
                      SpeakerRecord, StoredQuote)
from .schema import SCHEMA_VERSION, connect, migrate


class QuoteDB:
    """A quotes database file; creates it unless `readonly`, and migrates an older one."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise QuotesError(f"{self.path}: no such database", "create it with `quotes extract ... --db FILE`")
        self.conn = connect(self.path, readonly=readonly)
        try:
            if not readonly:
                migrate(self.conn)
                enable_fts(self.conn, "quotes", ["text", "speaker_name", "variants"], create_triggers=True)
            elif (version := self.conn.execute("PRAGMA user_version").fetchone()[0]) == 0:
                raise QuotesError(f"{self.path}: not a quotes database", "create it with `quotes db add`")
            elif version < SCHEMA_VERSION:  # a file from an older quotes: brought up to date once, then read
                self.conn.close()
                QuoteDB(self.path).close()
                self.conn = connect(self.path, readonly=True)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise QuotesError(f"{self.path}: not a usable quotes database ({e})", "give a quotes .db file") from None

    def add_article(self, article: Article, quotes: Iterable[Quote]) -> int:
        """Store one article and its quotes in one transaction, replacing an earlier version."""
        return ingest.add_article(self.conn, article, quotes)

    def add_jsonl(self, path: str | Path) -> tuple[int, int]:
        """Ingest a file of quote records, JSONL or Parquet; returns (articles, quotes) added."""
        groups = parts.read(path)
        for article, quotes in groups:
            self.add_article(article, quotes)
        return len(groups), sum(len(q) for _, q in groups)

    def search(self, text: str | None = None, *, speaker: str | None = None, outlet: str | None = None,
               since: str | None = None, page: int = 1, per_page: int = 20, min_confidence: float = 0.0,
               known: bool = False, order: str | None = None) -> SearchPage:
        """Full-text search (accents ignored) with filters; see `search.search`."""
        return _search.search(self.conn, text, speaker=speaker, outlet=outlet, since=since, page=page,
                              per_page=per_page, min_confidence=min_confidence, known=known, order=order)

    def search_all(self, text: str | None = None, **filters) -> Iterator[StoredQuote]:
        """Every quote of a search, page after page (for exports)."""
        page = 1
        while True:
            got = self.search(text, **filters, page=page, per_page=500)
            yield from got.quotes
            if page * got.per_page >= got.total or not got.quotes:
                return
            page += 1

    def speakers(self, top: int | None = None) -> list[SpeakerRecord]:
        """Speakers across articles, most quoted first."""
        return _search.speakers(self.conn, top)

    def find_speakers(self, name: str | None = None, page: int = 1, per_page: int = 10) -> SpeakerPage:
        """Speakers whose name holds `name`, most quoted first, a page at a time."""
        return _search.find_speakers(self.conn, name, page, per_page)

    def speaker(self, speaker_id: int) -> SpeakerDetail:
        """One speaker: record, outlets, quotes per week."""
        return _figures.speaker_detail(self.conn, speaker_id)

    def figures(self, top: int = 10) -> Figures:
        """Most quoted speakers, quotes by outlet and kind of source, quotes per week."""
        return _figures.figures(self.conn, top)

    def outlets(self) -> list[str]:
        return _search.outlets(self.conn)

    def counts(self) -> dict[str, int]:
        return _search.counts(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "QuoteDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["ArticleRef", "Count", "Figures", "Occurrence", "OutletFigures", "QuoteDB", "SearchPage", "SpeakerDetail",
           "SpeakerPage", "SpeakerRecord", "StoredQuote"]
