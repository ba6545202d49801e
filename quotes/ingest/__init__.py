"""Readers: paths and stdin in, `Article`s out, one error per bad input (never an exception).

A file's `doc_id` is its stem; directories are walked recursively for readable files. The text is
decoded and handed on untouched (a UTF-8 byte-order mark is the only thing dropped), so every
offset later emitted indexes exactly what a user can read back from the file.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..model import Article

SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class InputError:
    source: str
    message: str


def _decode(data: bytes, source: str) -> str | InputError:
    if b"\x00" in data[:4096]:
        return InputError(source, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputError(source, f"not valid UTF-8 (byte {err.start})")


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


def read(path: str) -> list[Article] | InputError:
    """The article(s) one input holds."""
    if path == "-":
        data = sys.stdin.buffer.read()
        text = _decode(data, "<stdin>")
        return text if isinstance(text, InputError) else [Article(doc_id="stdin", text=text)]
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return InputError(path, err.strerror or str(err))
    text = _decode(data, path)
    if isinstance(text, InputError):
        return text
    return [Article(doc_id=Path(path).stem, text=text)]


def articles(paths: list[str]) -> Iterator[Article | InputError]:
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        got = read(item)
        if isinstance(got, InputError):
            yield got
        else:
            yield from got


__all__ = ["InputError", "articles", "expand", "read"]
