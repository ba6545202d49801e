"""What a search may ask, checked before SQLite sees it: the store's doors (CLI, web API, Python)
call these, so a hostile value is a `QuotesError` (a 400 on the web, a one-line error in the CLI),
never an overflow, a match-all, or minutes of FTS work.

Dates are parsed as dates (the formats articles carry: 2018-12-07, 7-12-2018, 07/12/2018,
7 décembre 2018, RFC 2822 and ISO timestamps; day before month when numeric) and written as ISO
`YYYY-MM-DD`, so comparing them as text orders them in time.
"""
from __future__ import annotations

import re
from datetime import date

from ..errors import QuotesError

MAX_QUERY_CHARS = 1_000   # a search text longer than this is refused…
MAX_QUERY_WORDS = 64      # …and so is one with more words: FTS cost grows faster than their number
MAX_NAME_CHARS = 200      # a speaker or outlet filter (SQLite's LIKE refuses patterns past 50,000)
MAX_INT = 2**63 - 1       # SQLite's largest integer
MAX_PAGE = 10**9          # with per_page <= 500 the offset stays far below MAX_INT

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_PARTIAL = re.compile(r"\d{4}(-\d{2})?$")
_DIGITS = re.compile(r"[0-9]+")


def _text(value: str, what: str) -> str:
    """`value`, refused when it holds lone surrogates (a name or argument that was not UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QuotesError(f"{what} is not valid UTF-8 text", "type it again, or pass it from a UTF-8 terminal") from None
    return value


def query(text: str | None) -> str:
    """A full-text search within MAX_QUERY_CHARS and MAX_QUERY_WORDS."""
    text = _text(text or "", "the search text")
    if len(text) > MAX_QUERY_CHARS:
        raise QuotesError(f"search text too long: {len(text):,} characters (limit {MAX_QUERY_CHARS:,})",
                          "search for a few distinctive words")
    words = len(text.split())
    if words > MAX_QUERY_WORDS:
        raise QuotesError(f"search text has {words:,} words (limit {MAX_QUERY_WORDS})",
                          "search for a few distinctive words")
    return text


def name(value: str | None, what: str) -> str | None:
    """A speaker or outlet filter, None when blank; within MAX_NAME_CHARS."""
    if value is None or not value.strip():
        return None
    value = _text(value, what)
    if len(value) > MAX_NAME_CHARS:
        raise QuotesError(f"{what} too long: {len(value):,} characters (limit {MAX_NAME_CHARS})",
                          "give part of a name")
    return value.strip()


def speaker_id(value: str) -> int | None:
    """The speaker id a filter names: ASCII digits only (not -1, not a full-width １), within SQLite."""
    if _DIGITS.fullmatch(value) and int(value) <= MAX_INT:
        return int(value)
    return None


def clamp(value: int | str | None, default: int, low: int = 1, high: int = MAX_INT) -> int:
    """An integer parameter kept inside [low, high] (page 99999999999999999999 is the last page
    SQLite can count, so an empty one); text that is not a number is an error."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"[+-]?[0-9]{1,30}", value):
            raise QuotesError(f"not a number: {value[:40]!r}")
        value = int(value)
    return max(low, min(int(value), high))


def iso_date(value: str | None) -> str | None:
    """An article's date as ISO `YYYY-MM-DD` (or its `YYYY` / `YYYY-MM` as given), None when it is
    not a date (the raw value is kept beside it by the store)."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if _PARTIAL.fullmatch(value):
        return value if len(value) == 4 or 1 <= int(value[5:]) <= 12 else None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    import dateparser

    got = dateparser.parse(value[:100], languages=["fr", "en"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
        "PARSERS": ["absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False})
    return got.date().isoformat() if got else None


def since(value: str | None) -> str | None:
    """A `since` filter: a date in any form `iso_date` reads, or YYYY / YYYY-MM; else an error."""
    if value is None or not value.strip():
        return None
    got = iso_date(_text(value, "the date"))
    if got is None:
        raise QuotesError(f"not a date: {value[:40]!r}", "use YYYY-MM-DD, YYYY-MM or YYYY")
    return got


__all__ = ["MAX_NAME_CHARS", "MAX_QUERY_CHARS", "MAX_QUERY_WORDS", "clamp", "iso_date", "name", "query", "since",
           "speaker_id"]
