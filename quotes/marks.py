"""The quotation-mark scanner: pairs marks over the raw text (DESIGN principle 2).

It never rewrites the text and never looks at syntax. It knows « » ‹ › “ ” „ " ‘ ’ with any
spacing (plain, no-break U+00A0, narrow no-break U+202F), nesting (“ ” or " " inside « »),
quotes that run over several paragraphs (a paragraph opening with « continues the open quote),
and apostrophes (l’, aujourd’hui), which are never closing marks. Unbalanced marks never
crash it and never let one quote swallow the rest of the article: a quote still open at the
end of its paragraph ends there, flagged `closed=False`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

import regex

SPACES = " \t\u00a0\u202f\u2009\u2007\u2002\u2003\u200a\u2008\u2006\u2005\u2004\u3000\r\f\v"
OPENERS = "«‹“„‘\""
OPENING_TOKENS = frozenset("«‹“\"")  # marks as the tokenizer leaves them, opening a quote
CLOSING_TOKENS = frozenset("»›”\"")  # and closing one
_SCAN = regex.compile(r'[«»‹›“”„‘’"]|\n')
# Marks whose span can continue into the next paragraph when that paragraph opens with the same mark.
_CONTINUABLE = "«‹“\""
_TERMINAL = ".!?:;…»”\"›)"
_CLOSER_FOLLOW = ",.;:!?)]}…"
# A dialogue line: a paragraph that opens with a dash, then a space and speech (French dialogue
# convention: « opens the exchange, each reply starts with a dash, » closes it).
_DASH_LINE = regex.compile(r"[-—–][ \u00a0\u202f]+(?=[\p{Lu}\p{Ll}«\"“])")
DIALOGUE = "—"


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """A paired (or paragraph-ended) quotation. Offsets are half-open into the raw text.

    `open_start` is the opening mark; `[start, end)` the content with its edge spaces trimmed;
    `close_end` is just after the closing mark (== `end` when the quote was never closed).
    """

    open_start: int
    start: int
    end: int
    close_end: int
    mark: str
    depth: int
    closed: bool

    @property
    def close_start(self) -> int:
        return self.close_end - 1 if self.close_end > self.end else self.end


@dataclass(slots=True)
class _Open:
    mark: str
    pos: int


def _is_space(ch: str) -> bool:
    return ch in SPACES or ch == "\n"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return start, end


def _next_visible(text: str, pos: int) -> str:
    """The first character at or after `pos` that is not a space (a newline counts)."""
    n = len(text)
    while pos < n and text[pos] in SPACES:
        pos += 1
    return text[pos] if pos < n else "\n"


def _closes(closer: str, opener: str) -> bool:
    if closer == "»":
        return opener in "«" + DIALOGUE
    if closer == "›":
        return opener == "‹"
    if closer == "”":
        return opener in "“„”"
    if closer == "“":
        return opener in "„“"
    if closer == "’":
        return opener == "‘"
    return closer == '"' and opener == '"'


# The openers each closer can close (`_closes`), to skip the walk down the stack when none is open.
_OPENED_BY = {c: "".join(o for o in OPENERS + "”" + DIALOGUE if _closes(c, o)) for c in "»›”“’\""}


class _Stack(list):
    """The open marks, with a count of each kind kept up to date, so asking whether a kind is open
    costs nothing however deep the stack (40,000 « in a row)."""

    def __init__(self):
        super().__init__()
        self.count: dict[str, int] = {}

    def append(self, entry: _Open) -> None:
        super().append(entry)
        self.count[entry.mark] = self.count.get(entry.mark, 0) + 1

    def cut(self, k: int) -> None:
        """Drop the entries from index k up."""
        for entry in self[k:]:
            self.count[entry.mark] -= 1
        del self[k:]

    def has(self, marks: str) -> bool:
        return any(self.count.get(m) for m in marks)


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.stack = _Stack()
        self.spans: list[MarkSpan] = []
        self.skip: set[int] = set()

    def emit(self, entry: _Open, close_pos: int | None, line_end: int, depth: int,
             closed: bool = False) -> None:
        end = close_pos if close_pos is not None else line_end
        start, end = _trim(self.text, entry.pos + 1, end)
        if end <= start:
            return
        closed = closed or close_pos is not None or entry.mark == DIALOGUE
        close_end = close_pos + 1 if close_pos is not None else end
        self.spans.append(MarkSpan(entry.pos, start, end, close_end, entry.mark, depth, closed))

    def has_open(self, marks: str) -> bool:
        return self.stack.has(marks)

    def close(self, closer: str, pos: int) -> bool:
        openers = _OPENED_BY.get(closer, "")
        for k in range(len(self.stack) - 1, -1, -1) if self.stack.has(openers) else ():
            if _closes(closer, self.stack[k].mark):
                entry = self.stack[k]
                self.stack.cut(k)  # inner marks left open are unbalanced: dropped, never emitted
                self.emit(entry, pos, pos, depth=k)
                return True
        if closer == "»":
            # a reply that opens with a dash and closes with » (- Oui, c’est ça. », dit-elle.)
            line_start = self.text.rfind("\n", 0, pos) + 1
            dash = _DASH_LINE.match(self.text, self._skip_spaces(line_start))
            if dash and not self.stack:
                self.emit(_Open(DIALOGUE, dash.start()), pos, pos, depth=0)
                return True
        return False

    def _skip_spaces(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in SPACES:
            pos += 1
        return pos

    def role(self, ch: str, pos: int) -> str:
        """'open', 'close' or 'skip' for the mark `ch` at `pos`, from its neighbours and the stack."""
        text = self.text
        prev = text[pos - 1] if pos > 0 else "\n"
        nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
        after = _next_visible(text, pos + 1)
        left_open = _is_space(prev) or prev in "([{—–-/'’«‹“„" or prev == "\n"
        right_close = _is_space(nxt) or nxt in _CLOSER_FOLLOW or nxt in "»›”\"’"
        if ch == "«":
            # « written for » (« … les deux « , a-t-il dit): a closer when it ends a clause.
            if self.has_open("«") and _is_space(prev) and (after in _CLOSER_FOLLOW or after == "\n"):
                return "close"
            return "open"
        if ch in "»›":
            return "close"
        if ch in "‹„":
            return "open"
        if ch == "“":
            if self.stack and self.stack[-1].mark == "„":
                return "close"
            if self.stack and self.stack[-1].mark == "“" and not left_open and right_close:
                return "close"
            return "open"
        if ch == "”":
            if self.has_open("“„”"):
                return "close"
            return "open_rdq" if left_open and not right_close else "skip"
        if ch == "‘":
            return "skip" if prev.isalpha() and nxt.isalpha() else "open"
        if ch == "’":
            return "close" if self.has_open("‘") and not nxt.isalpha() else "skip"
        # straight double quote: toggles; a lone closer-looking one (an inch mark, 12") is skipped
        if self.has_open('"'):
            return "close"
        if not left_open and right_close:
            return "skip"
        return "open"

    def newline(self, pos: int) -> None:
        if not self.stack:
            return
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        nxt = pos + 1
        blank = False
        while nxt < len(text) and (text[nxt] in SPACES or text[nxt] == "\n"):
            blank = blank or text[nxt] == "\n"
            nxt += 1
        first = text[nxt] if nxt < len(text) else ""
        bottom = self.stack[0]
        if bottom.mark in "«" + DIALOGUE and _DASH_LINE.match(text, nxt):
            # dialogue: the reply on this paragraph ends here, the next one opens with its dash
            for k in range(len(self.stack) - 1, -1, -1):
                self.emit(self.stack[k], None, pos, depth=k, closed=k == 0)
            self.stack.cut(0)
            self.stack.append(_Open(DIALOGUE, nxt))
            return
        if first and first == bottom.mark and first in _CONTINUABLE:
            # French convention: each new paragraph of a long quote opens with « again.
            self.skip.add(nxt)
            for k in range(len(self.stack) - 1, 0, -1):
                self.emit(self.stack[k], None, pos, depth=k)
            self.stack.cut(1)
            return
        last = text[line_start:pos].rstrip(SPACES)[-1:]
        if not blank and first.islower() and last and last not in _TERMINAL \
                and any(c.isalnum() for c in text[line_start:pos]):
            return  # a hard-wrapped line inside a sentence: the quote goes on (a line of words, not a lone mark)
        for k in range(len(self.stack) - 1, -1, -1):
            self.emit(self.stack[k], None, pos, depth=k)
        self.stack.cut(0)

    def run(self) -> list[MarkSpan]:
        for m in _SCAN.finditer(self.text):
            pos, ch = m.start(), m.group()
            if ch == "\n":
                self.newline(pos)
                continue
            if pos in self.skip:
                continue
            role = self.role(ch, pos)
            if role == "open":
                self.stack.append(_Open(ch, pos))
            elif role == "open_rdq":
                self.stack.append(_Open("”", pos))
            elif role == "close":
                self.close("»" if ch == "«" else ch, pos)
        end = len(self.text)
        for k in range(len(self.stack) - 1, -1, -1):
            self.emit(self.stack[k], None, end, depth=k)
        self.dialogue_lines()
        return sorted(self.spans, key=lambda s: (s.open_start, -s.close_end))

    def dialogue_lines(self) -> None:
        """Replies of a dialogue written with dashes only, beside a paragraph that quotes."""
        text = self.text
        lines = [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]
        lines = [(a, b) for a, b in lines if text[a:b].strip(SPACES)]
        covered = merge_open((s.open_start - 1, s.close_end) for s in self.spans)  # [open_start, close_end)
        opens = sorted(s.open_start for s in self.spans)

        def quoting(a: int, b: int) -> bool:
            return bool(_DASH_LINE.match(text, self._skip_spaces(a))) or bisect_left(opens, a) < bisect_left(opens, b)

        for i, (a, b) in enumerate(lines):
            dash = _DASH_LINE.match(text, self._skip_spaces(a))
            if not dash or strictly_inside(covered, dash.start()):
                continue
            body = text[dash.end():b].rstrip(SPACES)
            if len(body.split()) < 4 or body[-1:] not in ".!?…":
                continue
            if any(quoting(*lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines)):
                self.emit(_Open(DIALOGUE, dash.start()), None, b, depth=0)


def scan(text: str) -> list[MarkSpan]:
    """Every quotation in `text`, outer before inner, in text order."""
    return _Scanner(text).run()


# Work bounds for pathological texts (10,000 unbalanced «, marks nested hundreds deep): the later
# stages look at each quote's content, so their cost grows with the total length of all quotes.
MAX_DEPTH = 4           # real nesting stops at 2 or 3 (“ ” inside « »)
UNCLOSED_BUDGET = 4     # unclosed quotes may cover at most this many times the text, in total


def bounded(spans: list[MarkSpan], text_len: int) -> list[MarkSpan]:
    """`spans` without those no real text has: nested deeper than MAX_DEPTH, or unclosed ones past
    a total length of UNCLOSED_BUDGET × the text (the longest are dropped first)."""
    kept = [s for s in spans if s.depth <= MAX_DEPTH]
    unclosed = sorted((s for s in kept if not s.closed), key=lambda s: s.end - s.start)
    budget, drop = UNCLOSED_BUDGET * max(text_len, 1000), set()
    for s in unclosed:
        budget -= s.end - s.start
        if budget < 0:
            drop.add(id(s))
    return [s for s in kept if id(s) not in drop] if drop or len(kept) < len(spans) else spans


def merge_open(intervals) -> list[tuple[int, int]]:
    """The union of the open intervals (a, b), sorted and disjoint: a position lies strictly inside
    one of `intervals` exactly when it lies strictly inside one of these."""
    merged: list[list[int]] = []
    for a, b in sorted(intervals):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def strictly_inside(merged: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies strictly inside one of `merged` (from `merge_open`), by bisection."""
    k = bisect_right(merged, (pos, float("inf"))) - 1
    return k >= 0 and merged[k][0] < pos < merged[k][1]


class Spans(list):
    """The spans of one text (as `scan` orders them), with sorted views built on first use, so the
    questions later rooms ask for each token or sentence (is a quote opening here? which quote
    holds this?) cost a bisection, not a pass over every quote of the article.

    The views assume the `scan` order (by opening mark); a list in another order answers by
    scanning, with the same results."""

    @cached_property
    def _view(self):
        opens = [s.open_start for s in self]
        if opens != sorted(opens):
            return None
        top = [s for s in self if s.depth == 0]
        disjoint = all(a.close_end <= b.open_start for a, b in zip(top, top[1:]))
        closing = sorted(((s.close_end, n) for n, s in enumerate(self) if s.depth == 0))
        closers = merge_open((s.end - 1, s.close_end) for s in self if s.close_end > s.end)
        return opens, top, [s.open_start for s in top], disjoint, closing, closers


def opening_in(spans: list[MarkSpan], a: int, b: int) -> list[MarkSpan]:
    """The spans whose opening mark lies in [a, b), in list order."""
    view = spans._view if isinstance(spans, Spans) else None
    if view is None:
        return [s for s in spans if a <= s.open_start < b]
    opens = view[0]
    return spans[bisect_left(opens, a):bisect_left(opens, b)]


def closing_in(spans: list[MarkSpan], a: int, b: int) -> list[MarkSpan]:
    """The outermost (depth 0) spans whose `close_end` lies in [a, b], in list order."""
    view = spans._view if isinstance(spans, Spans) else None
    if view is None:
        return [s for s in spans if s.depth == 0 and a <= s.close_end <= b]
    closing = view[4]
    lo, hi = bisect_left(closing, (a, -1)), bisect_right(closing, (b, len(spans)))
    return [spans[n] for n in sorted(n for _, n in closing[lo:hi])]


def outer_around(spans: list[MarkSpan], start: int, end: int) -> MarkSpan | None:
    """The first outermost span (list order) that holds [start, end): open_start <= start, end <= close_end."""
    view = spans._view if isinstance(spans, Spans) else None
    if view is None or not view[3] or end < start:
        return next((s for s in spans if s.depth == 0 and s.open_start <= start and end <= s.close_end), None)
    top, top_opens = view[1], view[2]
    k = bisect_right(top_opens, start)  # outermost spans do not overlap: only the last two can hold it
    return next((s for s in top[max(0, k - 2):k] if end <= s.close_end), None)


def in_closing_mark(spans: list[MarkSpan], pos: int) -> bool:
    """Whether `pos` lies in some span's closing part, [end, close_end)."""
    view = spans._view if isinstance(spans, Spans) else None
    if view is None:
        return any(s.end <= pos < s.close_end for s in spans)
    return strictly_inside(view[5], pos)


def opens_in(spans: list[MarkSpan], a: int, b: int) -> bool:
    """Whether some span's opening mark lies in [a, b) (a bisection, however many spans there are)."""
    view = spans._view if isinstance(spans, Spans) else None
    if view is None:
        return any(a <= s.open_start < b for s in spans)
    return bisect_left(view[0], a) < bisect_left(view[0], b)


def last_visible(text: str, a: int, b: int) -> str:
    """`text[a:b].strip()[-1:]` without copying the slice: the last non-blank character, or ""."""
    j = b - 1
    while j >= a and text[j].isspace():
        j -= 1
    return text[j] if j >= a else ""
