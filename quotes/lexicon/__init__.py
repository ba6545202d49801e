"""Language resources as data: one TSV file a list, loaded, validated and cached here.

Each file declares its own schema in `#!` header lines (`#! columns: lemma class flags`,
`#! classes: say opinion …`); `load()` checks every row against it and fails with `file:line`.
Rows are tab-separated; `#` starts a comment; a flags cell holds comma-separated flags or `-`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lowercase without accents, apostrophes unified, soft hyphens dropped (a scrape's invisible
    « secrétaire \xadgénéral »): the key lexicons sort and match on."""
    if s.isascii():
        return s.lower()  # (most words: nothing to decompose, and casefold is lower in ASCII)
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("\xad", ""))
    # the combining marks dropped in one pass (a whole article is folded too: each distinct
    # character is looked at once, not each character)
    marks = {ord(c): None for c in set(s) if unicodedata.combining(c)}
    return (s.translate(marks) if marks else s).casefold()


@dataclass(frozen=True, slots=True)
class Entry:
    values: dict[str, str]
    flags: frozenset[str]
    comment: str
    line: int

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    @property
    def key(self) -> str:
        return next(iter(self.values.values()))


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    allowed: dict[str, frozenset[str]]
    entries: tuple[Entry, ...]


_SCHEMA_KEYS = {"classes": "class"}


def _parse(name: str, text: str) -> Table:
    where = f"{name}.tsv"
    columns: tuple[str, ...] = ()
    allowed: dict[str, frozenset[str]] = {}
    entries: list[Entry] = []
    seen: dict[tuple[str, ...], int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#!"):
            key, _, values = raw[2:].partition(":")
            if key.strip() == "columns":
                columns = tuple(values.split())
            else:
                allowed[_SCHEMA_KEYS.get(key.strip(), key.strip())] = frozenset(values.split())
            continue
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        if not columns:
            raise LexiconError(f"{where}:{n}: a row before the '#! columns:' header")
        if unicodedata.normalize("NFC", body) != body:
            raise LexiconError(f"{where}:{n}: not in Unicode NFC")
        cells = [c.strip() for c in body.rstrip().split("\t")]
        if len(cells) != len(columns) or not all(cells):
            raise LexiconError(f"{where}:{n}: expected {len(columns)} tab-separated cells "
                               f"({', '.join(columns)}), got {len(cells)}")
        values = dict(zip(columns, cells))
        flags: frozenset[str] = frozenset()
        for column, cell in values.items():
            check = allowed.get(column)
            if column == "flags":
                flags = frozenset() if cell == "-" else frozenset(cell.split(","))
                bad = flags - check if check is not None else frozenset()
                if bad:
                    raise LexiconError(f"{where}:{n}: unknown flag(s) {', '.join(sorted(bad))}")
            elif check is not None and cell not in check:
                raise LexiconError(f"{where}:{n}: unknown {column} {cell!r}")
        key = tuple(cells[:2]) if name == "roles" else (cells[0],)
        if key in seen:
            raise LexiconError(f"{where}:{n}: duplicate entry {cells[0]!r} (first at line {seen[key]})")
        seen[key] = n
        entries.append(Entry(values, flags, comment.strip(), n))
    return Table(name, columns, allowed, tuple(entries))


@cache
def load(name: str) -> Table:
    """The lexicon `quotes/lexicon/<name>.tsv`, validated."""
    try:
        text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon named {name!r}") from None
    return _parse(name, text)


NAMES = ("boilerplate", "bodies", "capitals", "first_names", "nationalities", "office_holders", "pronouns",
         "role_equivalents", "roles", "seats", "sources", "speech_nouns", "speech_verbs", "time_words", "titles")

from .index import (  # noqa: E402  (the typed views are built on load())
    Role, SpeechVerb, bodies, capitals, first_names, nationalities, office_holders, pronouns, role_equivalents, roles,
    seats, sources, speech_nouns,
    speech_verbs, time_words, titles,
)

__all__ = ["Entry", "LexiconError", "NAMES", "Role", "SpeechVerb", "Table", "bodies", "capitals",
           "first_names", "fold", "load", "nationalities", "office_holders", "pronouns", "role_equivalents", "roles",
           "seats", "sources", "speech_nouns", "speech_verbs", "time_words", "titles"]
