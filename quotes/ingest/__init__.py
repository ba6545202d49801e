"""Readers: paths and stdin in, `Article`s out, one `InputError` per bad input (never an exception).

Kinds, by suffix (stdin and unknown suffixes are sniffed): `.txt` (text.py: UTF-8, UTF-8 with BOM,
Windows-1252/Latin-1 detected), `.html`/`.htm` (html.py: trafilatura), `.jsonl`/`.ndjson`
(jsonl.py: one article a line). Directories are walked recursively for those suffixes, in a
stable order. A file's `doc_id` is its stem (bytes of a name that are not UTF-8 written as `\\xNN`:
`caf\\xe9`); a JSONL record's is its `id`.

The text is decoded and handed on untouched (a byte-order mark is the only thing dropped), so
every offset later emitted indexes exactly the `Article.text` we return.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article
from . import html as html_reader
from . import jsonl as jsonl_reader
from .text import InputError, decode, file_name

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
# A news article is under 100,000 chars; past ten times that an input is refused, so the work
# stays bounded (about a minute of parsing at most). --max-bytes raises it.
MAX_BYTES = 1_000_000


def kind_of(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def expand(paths: list[str]) -> Iterator[str | InputError]:
    """The files named, with directories walked for known suffixes, in a stable order."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                yield InputError(p, f"no {'/'.join(SUFFIXES)} files in this directory")
            yield from (str(f) for f in found)
        elif path.is_file():
            yield str(path)
        else:
            yield InputError(p, "no such file or directory")


def _too_large(size: int, source: str, max_bytes: int | None) -> InputError | None:
    if max_bytes is not None and size > max_bytes:
        return InputError(source, f"too large: {size:,} bytes (limit {max_bytes:,}; raise it with --max-bytes)")
    return None


def _jsonl_lines(lines: Iterable[bytes], path: str, max_bytes: int | None) -> Iterator[Article | InputError]:
    stem = file_name(Path(path).stem)
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield InputError(where, f"undecodable bytes: invalid UTF-8 at byte {e.start} of the line")
            continue
        got = jsonl_reader.record(line, n, path, stem, max_bytes)
        if got is not None:
            yield got


def _from_text(text: str, kind: str | None, doc_id: str, source: str) -> Iterator[Article | InputError]:
    if kind is None:
        kind = "html" if html_reader.looks_like_html(text) else "jsonl" if jsonl_reader.looks_like_jsonl(text) else "txt"
    if kind == "html":
        yield html_reader.parse(text, doc_id, source)
    elif kind == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            got = jsonl_reader.record(line, n, source, doc_id)
            if got is not None:
                yield got
    else:
        yield Article(doc_id=doc_id, text=text)


def iter_read(path: str, max_bytes: int | None = MAX_BYTES) -> Iterator[Article | InputError]:
    """The articles one input holds, streamed; bad inputs (or bad JSONL lines) as `InputError`s."""
    if path == "-":
        data = sys.stdin.buffer.read()
        bad = _too_large(len(data), "<stdin>", max_bytes)
        text = bad or decode(data, "<stdin>")
        if isinstance(text, InputError):
            yield text
        else:
            yield from _from_text(text, None, "stdin", "<stdin>")
        return
    try:
        if kind_of(path) == "jsonl":
            with open(path, "rb") as f:
                yield from _jsonl_lines(f, path, max_bytes)
            return
        size = Path(path).stat().st_size
        bad = _too_large(size, path, max_bytes)
        if bad:
            yield bad
            return
        data = Path(path).read_bytes()
    except OSError as err:
        yield InputError(path, err.strerror or str(err))
        return
    yield from read_bytes(path, data, max_bytes)


def read_bytes(path: str, data: bytes, max_bytes: int | None = MAX_BYTES) -> Iterator[Article | InputError]:
    """The articles of a file whose bytes were read elsewhere (a Spark executor reading object storage)."""
    if kind_of(path) == "jsonl":
        yield from _jsonl_lines(io.BytesIO(data), path, max_bytes)
        return
    bad = _too_large(len(data), path, max_bytes)
    text = bad or decode(data, path)
    if isinstance(text, InputError):
        yield text
    else:
        yield from _from_text(text, kind_of(path), file_name(Path(path).stem), path)


def read(path: str, max_bytes: int | None = MAX_BYTES) -> list[Article | InputError] | InputError:
    """The article(s) one input holds; an `InputError` when the input as a whole is bad. A list can
    hold `InputError`s for bad records of a JSONL file whose other records are good."""
    got = list(iter_read(path, max_bytes))
    if len(got) == 1 and isinstance(got[0], InputError) and got[0].source in (path, "<stdin>"):
        return got[0]
    if not got:
        return InputError(path, "no articles in this file")
    return got


def sourced(files: Iterable[str | InputError], max_bytes: int | None = MAX_BYTES
            ) -> Iterator[tuple[str, Article | InputError]]:
    """(file, Article | InputError) for every file of `expand()`, streamed; a file with nothing in it
    is an error, and so is an article whose id an earlier one of the batch has (its quote ids would collide)."""
    seen: dict[str, str] = {}
    for item in files:
        if isinstance(item, InputError):
            yield item.source, item
            continue
        n = 0
        for got in iter_read(item, max_bytes):
            n += 1
            if isinstance(got, Article):
                if got.doc_id in seen:
                    got = duplicate(item, got.doc_id, seen[got.doc_id])
                else:
                    seen[got.doc_id] = item
            yield item, got
        if n == 0:
            yield item, InputError(item, "no articles in this file")


def duplicate(source: str, doc_id: str, first: str) -> InputError:
    """The error for an article of `source` whose id an article of `first` already had."""
    return InputError(source, f"duplicate id {doc_id!r}: an article of {first} has it already in this batch "
                              "(give each article its own id)")


def articles(paths: list[str], max_bytes: int | None = MAX_BYTES) -> Iterator[Article | InputError]:
    """Every article of every input, streamed, with an `InputError` in place of each bad one."""
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from iter_read(item, max_bytes)


__all__ = ["InputError", "SUFFIXES", "articles", "expand", "iter_read", "kind_of", "read", "read_bytes", "sourced", "duplicate"]
