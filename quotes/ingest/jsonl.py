"""JSONL: one article a line, `{"id", "text" | "html", "url"?, "date"?, "title"?, "outlet"?}`.

Records are read one at a time (memory stays flat in the number of articles); a bad line is one
`InputError` (`PATH:LINE: reason`) and the lines after it are still read.
"""
from __future__ import annotations

import json
from typing import IO, Iterator

from ..model import Article
from . import html as html_reader
from .text import InputError, _checked, surrogate_in

META = ("url", "date", "title", "outlet")


def looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    return first == "{"


def record(line: str, n: int, source: str, stem: str, max_chars: int | None = None) -> Article | InputError | None:
    """The article on line `n`, an error, or None for a blank line."""
    where = f"{source}:{n}"
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(where, f"invalid JSON ({e.msg}, column {e.colno})")
    if not isinstance(obj, dict):
        return InputError(where, "a JSONL record must be an object")
    return from_dict(obj, where, f"{stem}-{n}", max_chars)


def from_dict(obj: dict, where: str, default_id: str, max_chars: int | None = None) -> Article | InputError:
    """The article in one record (a JSONL line's object, a Parquet row), or why there is none."""
    for key in ("id", "doc_id", "text", "html", *META):
        bad = surrogate_in(obj[key]) if isinstance(obj.get(key), str) else None
        if bad:
            return InputError(where, f"`{key}` holds a lone surrogate ({bad}), which is not text")
    doc_id = obj.get("id", obj.get("doc_id"))
    doc_id = str(doc_id) if doc_id not in (None, "") else default_id
    meta = {k: str(obj[k]) for k in META if obj.get(k) not in (None, "")}
    text, markup = obj.get("text"), obj.get("html")
    if text is not None and not isinstance(text, str) or markup is not None and not isinstance(markup, str):
        return InputError(where, "`text` and `html` must be strings")
    if max_chars is not None and len(text or markup or "") > max_chars:
        return InputError(where, f"too large: {len(text or markup):,} chars (limit {max_chars:,})")
    if text:
        checked = _checked(text, where)
        if isinstance(checked, InputError):
            return checked
        return Article(doc_id=doc_id, text=checked, **meta)
    if markup:
        return html_reader.parse(markup, doc_id, where, **meta)
    return InputError(where, "no `text` or `html` field")


def records(stream: IO[str], source: str, stem: str, max_chars: int | None = None) -> Iterator[Article | InputError]:
    for n, line in enumerate(stream, 1):
        got = record(line, n, source, stem, max_chars)
        if got is not None:
            yield got


__all__ = ["from_dict", "looks_like_jsonl", "record", "records"]
