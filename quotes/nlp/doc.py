"""Our document model: what every backend produces and every later room reads.

Plain slotted dataclasses (they sit in hot loops). Token offsets index the raw article text;
for a word of a multi-word token (stanza splits `du` into `de le`) both words carry the
surface token's offsets and `mwt=True`, so `text[start:end]` is the surface form.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..lexicon import fold


@dataclass(slots=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    morph: str
    head: int
    dep: str
    ent: str = ""
    sent: int = 0
    mwt: bool = False

    def feat(self, name: str) -> str | None:
        return _feat(self.morph, name)

    @property
    def lower(self) -> str:
        return self.text.lower()


@lru_cache(maxsize=1 << 12)
def _feat(morph: str, name: str) -> str | None:
    """A feature's value in a morphology string (Gender=Fem|Number=Sing): a few hundred strings
    in all, asked about again and again, so the answers are cached on the strings."""
    for pair in morph.split("|"):
        key, _, value = pair.partition("=")
        if key == name:
            return value
    return None


@dataclass(slots=True)
class Sentence:
    i: int
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start: int  # char offsets
    end: int


@dataclass(slots=True)
class EntitySpan:
    label: str
    start: int
    end: int
    first: int
    last: int


@dataclass
class Doc:
    text: str
    tokens: list[Token] = field(default_factory=list)
    sents: list[Sentence] = field(default_factory=list)
    ents: list[EntitySpan] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False)  # per-document caches of the rooms (cues)
    # The char ranges that were parsed (sorted), or None for the whole text. Parts of an article
    # left unparsed (focus.py) have no tokens: a position there has no token either.
    parsed: list[tuple[int, int]] | None = None

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def lowered(self) -> list[str]:
        """Each token's text lowercased, ’ made ': how the rooms compare words, computed once."""
        return [t.text.lower().replace("’", "'") for t in self.tokens]

    @cached_property
    def folded(self) -> list[str]:
        """Each token's lexicon key (`lexicon.fold`), computed once."""
        return [fold(t.text) for t in self.tokens]

    @cached_property
    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t.i)
        return kids

    @cached_property
    def _ents_by_first(self) -> tuple[list[int], list[int], int]:
        """Entity indices sorted by first token, their first tokens, and the longest entity's length."""
        order = sorted(range(len(self.ents)), key=lambda n: (self.ents[n].first, n))
        longest = max((e.last - e.first for e in self.ents), default=0)
        return order, [self.ents[n].first for n in order], longest

    def ents_from(self, a: int, b: int) -> list[EntitySpan]:
        """The entities whose first token lies in [a, b), in `ents` order (a bisection, not a scan)."""
        order, firsts, _ = self._ents_by_first
        picked = order[bisect_left(firsts, a):bisect_left(firsts, b)]
        return [self.ents[n] for n in sorted(picked)]

    def ents_over(self, a: int, b: int) -> list[EntitySpan]:
        """The entities sharing a token with [a, b) (first < b and last > a), in `ents` order."""
        order, firsts, longest = self._ents_by_first
        picked = order[bisect_left(firsts, a - longest):bisect_left(firsts, b)]
        return [self.ents[n] for n in sorted(picked) if self.ents[n].last > a]

    def token_at(self, char: int) -> int | None:
        """Index of the token covering `char`, else of the first token after it, else None
        (None too for a position in a part of the text that was not parsed)."""
        if self.parsed is not None:
            r = bisect_right(self.parsed, (char, float("inf"))) - 1
            if r < 0 or char >= self.parsed[r][1]:
                return None
        k = bisect_right(self._starts, char) - 1
        if k >= 0 and self.tokens[k].end > char:
            return k
        return k + 1 if k + 1 < len(self.tokens) else None

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens lying inside the char range [start, end)."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        while hi > lo and self.tokens[hi - 1].end > end:
            hi -= 1
        return range(lo, hi)

    def subtree(self, i: int) -> list[int]:
        out, todo = [], [i]
        while todo:
            k = todo.pop()
            out.append(k)
            todo.extend(self.children[k])
        return sorted(out)

    def sent_of(self, i: int) -> Sentence:
        return self.sents[self.tokens[i].sent]

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        while self.tokens[i].head != i and self.tokens[i].head not in seen:
            i = self.tokens[i].head
            seen.add(i)
            out.append(i)
        return out


def build_sentences(tokens: list[Token], starts: list[bool]) -> list[Sentence]:
    """Sentences from per-token 'starts a sentence' flags; stamps `Token.sent`."""
    sents: list[Sentence] = []
    for t, is_start in zip(tokens, starts):
        if is_start or not sents:
            sents.append(Sentence(len(sents), t.i, t.i + 1, t.start, t.end))
        else:
            s = sents[-1]
            s.last, s.end = t.i + 1, t.end
        t.sent = sents[-1].i
    return sents


SENTENCE_END = {".", "!", "?", "…", "...", ":", ";", "»", "\"", "”", ")", "]"}


def mend_breaks(text: str, tokens: list[Token], starts: list[bool]) -> list[bool]:
    """Clear sentence starts the parser put where no sentence ends: after a word or a comma, before a
    lowercase word or a comma (« …samedi, a fait savoir l'Intérieur » is one sentence), nor between two
    words with one space (Selon Marine Le Pen). A line break always starts one."""
    out = list(starts)
    for k in range(1, len(tokens)):
        prev, cur = tokens[k - 1], tokens[k]
        if not out[k]:
            continue  # (an opening mark after a full stop is a start: forbid_breaks sets it from the guards)
        if "\n" in text[prev.end:cur.start] or prev.text in SENTENCE_END:
            continue
        if cur.text[:1].islower() or cur.text[:1] in (",", ";"):
            out[k] = False
        elif prev.text[-1:].isalnum() and cur.text[:1].isalnum() and text[prev.end:cur.start] == " ":
            # « … », soupire Anne Sicher / Selon Marine Le Pen, …: no sentence starts right after a word
            out[k] = False
        elif k > 1 and prev.text in ("-", "‑") and tokens[k - 2].end == prev.start and prev.end == cur.start:
            out[k] = False  # Anne-Marie Idrac, split at its hyphen: one word
    return out


def _ends_sentence(before: str, last: str) -> bool:
    """`last` ends a sentence: a full stop, alone or glued (`RTL.`), not an initial's (`M.`, `J.`)."""
    if last[-1:] not in (".", "!", "?", "…"):
        return False
    word = last.rstrip(".!?…") or before
    return not (len(word) == 1 and word.isupper())


def forbid_breaks(tokens: list[Token], starts: list[bool], guards: list[tuple[int, int]]) -> list[bool]:
    """Clear sentence starts that fall strictly inside a guard (a quote and its incise). A guard's
    opening mark after a full stop starts one, straight marks too (`…pantois. "Le …`, `…Bel-RTL."Chacun`)."""
    from ..marks import merge_open

    merged = merge_open(guards)
    opening = {a for a, _ in guards}
    out, g = list(starts), 0
    for k, t in enumerate(tokens):
        if t.start in opening and 2 <= k and _ends_sentence(tokens[k - 2].text, tokens[k - 1].text):
            out[k] = True
        while g < len(merged) and merged[g][1] <= t.start:
            g += 1
        if g < len(merged) and merged[g][0] < t.start:
            out[k] = False
    return out
