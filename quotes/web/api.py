"""What each address of `quotes serve` answers: the pages, and the API as `QuoteDB` calls.

    GET /  /figures  /speaker/ID      the pages (static/*.html)
    GET /api/quotes?q=&speaker=&outlet=&since=&min_confidence=&known=&order=&page=&per_page=
    GET /api/quotes.csv?…  /api/quotes.jsonl?…   every quote of that search, as a download
    GET /api/speakers?q=&page=&per_page=         speakers whose name holds q, most quoted first
    GET /api/speakers/ID                         one speaker: record, outlets, quotes per week
    GET /api/figures?top=                        the figures page's counts (`quotes stats`)
    GET /api/outlets                             outlet names (or sites)

Parameters mean what the CLI's options mean (`quotes search --min-confidence` …); the same
`QuoteDB` methods answer, so the page, the CLI and Python agree.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, NamedTuple

from ..errors import QuotesError
from ..store import QuoteDB, export
from ..store.search import DEFAULT_MIN_CONFIDENCE

PAGES = {"/": "index.html", "/index.html": "index.html", "/figures": "figures.html"}
SPEAKER_PAGE = re.compile(r"/speaker/\d{1,18}")
SPEAKER_API = re.compile(r"/api/speakers/(\d{1,18})")
DOWNLOADS = {"/api/quotes.csv": ("text/csv; charset=utf-8", "csv"),
             "/api/quotes.jsonl": ("application/x-ndjson; charset=utf-8", "jsonl")}


class Answer(NamedTuple):
    """JSON data, or a download's lines with its content type and file name."""

    data: object = None
    lines: Iterable[str] | None = None
    content_type: str | None = None
    filename: str | None = None
    status: str = "200 OK"


def page(path: str) -> str | None:
    """The static page an address shows, if it is one."""
    if path in PAGES:
        return PAGES[path]
    return "speaker.html" if SPEAKER_PAGE.fullmatch(path) else None


def answer(db: Path, path: str, args: dict[str, str]) -> Answer | None:
    """The API's answer for `path`, or None when there is no such endpoint."""
    if path == "/api/quotes":
        with QuoteDB(db, readonly=True) as store:
            return Answer(store.search(args.get("q"), **search_filters(args), page=_int(args.get("page"), 1),
                                       per_page=_int(args.get("per_page"), 20)).model_dump())
    if path in DOWNLOADS:
        content_type, ext = DOWNLOADS[path]
        with QuoteDB(db, readonly=True) as store:
            quotes = list(store.search_all(args.get("q"), **search_filters(args)))
        lines = export.csv_lines(quotes) if ext == "csv" else export.jsonl_lines(quotes)
        return Answer(lines=list(lines), content_type=content_type, filename=f"citations.{ext}")
    if path == "/api/speakers":
        with QuoteDB(db, readonly=True) as store:
            return Answer(store.find_speakers(args.get("q"), _int(args.get("page"), 1),
                                              _int(args.get("per_page"), 10)).model_dump())
    if m := SPEAKER_API.fullmatch(path):
        with QuoteDB(db, readonly=True) as store:
            try:
                return Answer(store.speaker(int(m.group(1))).model_dump())
            except QuotesError as e:
                return Answer({"error": e.message, "hint": e.hint}, status="404 Not Found")
    if path == "/api/figures":
        with QuoteDB(db, readonly=True) as store:
            return Answer(store.figures(max(1, min(_int(args.get("top"), 10), 100))).model_dump())
    if path == "/api/outlets":
        with QuoteDB(db, readonly=True) as store:
            return Answer(store.outlets())
    return None


def search_filters(args: dict[str, str]) -> dict:
    """The search filters of a query string, as `QuoteDB.search` keywords."""
    return dict(speaker=args.get("speaker"), outlet=args.get("outlet"), since=args.get("since"),
                min_confidence=_confidence(args.get("min_confidence")),
                known=args.get("known", "") in ("1", "true", "on"), order=args.get("order") or None)


def _confidence(value: str | None) -> float:
    if value in (None, ""):
        return DEFAULT_MIN_CONFIDENCE
    try:
        got = float(value)
    except ValueError:
        got = -1.0
    if not 0.0 <= got <= 1.0:
        raise QuotesError(f"not a confidence: {value!r}", "use a number from 0 to 1")
    return got


def _int(value: str | None, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise QuotesError(f"not a number: {value!r}", "use a whole number") from None
