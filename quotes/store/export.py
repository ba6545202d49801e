"""A search as CSV (one quote a row, for a spreadsheet) or JSONL (one `StoredQuote` a line).

`quotes search --format csv|jsonl` and the page's `/api/quotes.csv` / `/api/quotes.jsonl` write
the same bytes. A CSV cell that a spreadsheet would run as a formula (it starts with = + - @, a
tab or a carriage return) gets a leading apostrophe, as OWASP advises: article text is untrusted.
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from .records import StoredQuote

COLUMNS = ("id", "type", "text", "speaker", "speaker_kind", "source", "role", "cue", "confidence", "first_date",
           "last_date", "occurrences", "articles", "outlets", "urls")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def row(q: StoredQuote) -> dict[str, object]:
    """One CSV row: the canonical quote, and its articles, outlets and urls joined by `; `."""
    occ = q.occurrences
    first = occ[0] if occ else None

    def each(values: Iterable[str | None]) -> str:
        return "; ".join(dict.fromkeys(v for v in values if v))

    return {"id": q.id, "type": q.type, "text": q.text, "speaker": q.speaker, "speaker_kind": q.speaker_kind,
            "source": first.speaker_mention if first else None, "role": q.role, "cue": q.cue,
            "confidence": q.confidence, "first_date": q.first_date, "last_date": q.last_date,
            "occurrences": len(occ), "articles": each(o.article.doc_id for o in occ),
            "outlets": each(o.article.outlet or o.article.site for o in occ), "urls": each(o.article.url for o in occ)}


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value
    return "" if value is None else value


def csv_lines(quotes: Iterable[StoredQuote]) -> Iterator[str]:
    """The header, then one line per quote (RFC 4180, CRLF line ends)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS)
    writer.writeheader()
    for q in quotes:
        writer.writerow({k: _cell(v) for k, v in row(q).items()})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def jsonl_lines(quotes: Iterable[StoredQuote]) -> Iterator[str]:
    for q in quotes:
        yield q.model_dump_json() + "\n"
