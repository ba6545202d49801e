"""Boilerplate zones: the parts of a captured page that are not the article (menus, "Articles
similaires", teasers of other articles, share buttons, log-in and ad blurbs, footers).

Zones are char ranges `[start, end)` over the raw text; nothing is ever deleted. Quotes whose span
lies mostly in a zone are emitted with `boilerplate: true` (`--main-only` drops them). The cue
phrases are data (`lexicon/boilerplate.tsv`); the shapes are here:

  tail   a heading cue (Articles similaires) once the article has begun: to the end of the text
  line   a cue line (Lire aussi - <title>, Partager): that line, from the cue (at most LINE_MAX chars)
  menu   runs of short bulleted lines (• Accueil, • Monde): navigation

    >>> text = "Le maire a parlé longuement du budget. " * 5 + "\\nArticles similaires\\nUn autre titre"
    >>> [(z.kind, text[z.start:z.start + 19]) for z in zones(text)]
    [('tail', 'Articles similaires')]
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Sequence

import regex

from . import lexicon

PROSE_MIN = 150          # a line this long, of PROSE_WORDS words or more, is article prose
PROSE_WORDS = 20
HEADING_TAIL = 40        # a tail cue is a heading: at most this many chars after it on its line
SHORT_LINE = 80          # `short` cues: the whole line is a label or a button
LINE_MAX = 180           # a line zone stops here when the line runs on (glued scraped text)
MENU_LINE = 80
BULLETS = "•·▪►›‣◦*"
_LEAD = r"[ \t\u00a0\u202f" + regex.escape(BULLETS) + r"»>|\-–—]*"
_GLUE = r"[.!?…»”\"')]"

_FOLD = {"a": "aàâä", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "c": "cç"}


@dataclass(frozen=True, slots=True)
class Zone:
    start: int
    end: int
    kind: str  # tail | line | menu
    cue: str | None = None


def _phrase_pattern(phrase: str) -> str:
    out = []
    for ch in phrase:
        low = ch.lower()
        base = next((k for k, v in _FOLD.items() if low in v), None)
        if base:
            out.append(f"[{_FOLD[base]}{_FOLD[base].upper()}]")
        elif ch in "'’":
            out.append("['’]")
        elif ch == " ":
            out.append(r"[ \u00a0\u202f]+")
        elif ch == "-":
            out.append(r"[-‐‑]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


@dataclass(frozen=True)
class _Cue:
    phrase: str
    cls: str
    flags: frozenset[str]


@cache
def cues() -> tuple[tuple[_Cue, ...], "regex.Pattern"]:
    """The cues, and one pattern finding any of them (group `c<i>` for cue i) as a whole word."""
    table, alts = [], []
    for i, e in enumerate(lexicon.load("boilerplate").entries):
        table.append(_Cue(e["phrase"], e["class"], e.flags))
        alts.append(f"(?P<c{i}>{_phrase_pattern(e['phrase'])})")
    return tuple(table), regex.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", regex.IGNORECASE)


_LEAD_RE = regex.compile(_LEAD + r"\Z")


def _placed(text: str, a: int, at: int, cue: _Cue) -> bool:
    """Whether a cue found at `at` (its line starting at `a`) stands where its class wants it."""
    if "anywhere" in cue.flags or _LEAD_RE.match(text, a, at):
        return True  # anywhere, or opening its line (after spaces, bullets, dashes)
    if at > a and regex.match(_GLUE, text[at - 1]):
        return True  # glued to the sentence before it (scraped text: "…sterren.Aussi dans l'actualité")
    # a line cue after a sentence end and one space: "…mémoriel. Lire aussi l'opinion: …"
    return cue.cls == "line" and "short" not in cue.flags and at - 2 >= a and text[at - 1] == " " \
        and regex.match(_GLUE, text[at - 2]) is not None


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_prose(line: str) -> bool:
    s = line.strip()
    return len(s) >= PROSE_MIN and len(s.split()) >= PROSE_WORDS


def zones(text: str) -> list[Zone]:
    """The boilerplate zones of `text`, sorted by start (they may overlap)."""
    lines = _lines(text)
    starts = [a for a, _ in lines]
    prose_at = next((a for a, b in lines if _is_prose(text[a:b])), None)
    found: list[Zone] = []
    tail_from = len(text)
    table, pattern = cues()
    for m in pattern.finditer(text):
        cue = table[int(m.lastgroup[1:])]
        i = bisect.bisect_right(starts, m.start()) - 1
        a, b = lines[i]
        if not _placed(text, a, m.start(), cue):
            continue
        line = text[a:b]
        at = a if _LEAD_RE.match(text, a, m.start()) else m.start()
        if "short" in cue.flags and (len(line.strip()) > SHORT_LINE or _has_marks(line)):
            continue
        if cue.cls == "tail":
            if prose_at is None or m.start() < prose_at or len(text[m.end():b].strip()) > HEADING_TAIL:
                continue
            tail_from = min(tail_from, at)
        else:
            found.append(Zone(at, min(b, m.end() + LINE_MAX), "line", cue.phrase))
    if tail_from < len(text):
        found.append(Zone(tail_from, len(text), "tail", _cue_at(text, tail_from)))
    found.extend(_menus(text, lines))
    return sorted(found, key=lambda z: (z.start, z.end))


def _has_marks(line: str) -> bool:
    return any(c in line for c in "«»“”")


def _cue_at(text: str, start: int) -> str | None:
    table, pattern = cues()
    m = pattern.search(text, start, min(len(text), start + 200))
    return table[int(m.lastgroup[1:])].phrase if m else None


def _menus(text: str, lines: list[tuple[int, int]]) -> list[Zone]:
    """Runs of two or more short bulleted lines."""
    out, run = [], []
    for a, b in lines + [(len(text), len(text))]:
        s = text[a:b].strip()
        if s and s[0] in BULLETS and len(s) <= MENU_LINE and not _has_marks(s):
            run.append((a, b))
            continue
        if not s and run and a < len(text):
            continue  # blank lines inside a menu
        if len(run) >= 2:
            out.append(Zone(run[0][0], run[-1][1], "menu"))
        run = []
    return out


def spans(text: str) -> list[tuple[int, int]]:
    """The zones as merged, sorted `[start, end)` ranges."""
    merged: list[list[int]] = []
    for z in zones(text):
        if merged and z.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], z.end)
        else:
            merged.append([z.start, z.end])
    return [(a, b) for a, b in merged]


def of_doc(doc) -> list[tuple[int, int]]:
    """`spans(doc.text)`, computed once per parsed document: focus, the entity model and the records
    all ask for it."""
    if "zones" not in doc.memo:
        doc.memo["zones"] = spans(doc.text)
    return doc.memo["zones"]


def covered(ranges: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """How many chars of `[start, end)` lie in the merged `ranges`."""
    i = bisect.bisect_right(ranges, (start, len(ranges) and 1 << 62)) - 1
    total = 0
    for a, b in ranges[max(i, 0):]:
        if a >= end:
            break
        total += max(0, min(b, end) - max(a, start))
    return total


def is_boilerplate(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """A span is boilerplate when at least half of it lies in a zone (an empty span: its position)."""
    if end <= start:
        return covered(ranges, start, start + 1) > 0
    return 2 * covered(ranges, start, end) >= end - start


__all__ = ["Zone", "covered", "cues", "is_boilerplate", "of_doc", "spans", "zones"]
