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
from typing import Iterable

from ..errors import QuotesError
from ..model import Article, Quote
from . import ingest, parts, search as _search
from .fts import enable_fts
from .records import ArticleRef, Occurrence, SearchPage, SpeakerRecord, StoredQuote
from .schema import connect, migrate


class QuoteDB:
    """A quotes database file; creates and migrates it on open unless `readonly`."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise QuotesError(f"{self.path}: no such database", "create it with `quotes extract ... --db FILE`")
        self.conn = connect(self.path, readonly=readonly)
        try:
            if not readonly:
                migrate(self.conn)
                enable_fts(self.conn, "quotes", ["text", "speaker_name", "variants"], create_triggers=True)
            elif self.conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                raise QuotesError(f"{self.path}: not a quotes database", "create it with `quotes db add`")
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
               since: str | None = None, page: int = 1, per_page: int = 20) -> SearchPage:
        """Full-text search (accents ignored) with filters; see `search.search`."""
        return _search.search(self.conn, text, speaker=speaker, outlet=outlet, since=since, page=page,
                              per_page=per_page)

    def speakers(self, top: int | None = None) -> list[SpeakerRecord]:
        """Speakers across articles, most quoted first."""
        return _search.speakers(self.conn, top)

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


__all__ = ["ArticleRef", "Occurrence", "QuoteDB", "SearchPage", "SpeakerRecord", "StoredQuote"]
