"""The sieve contract: what a sieve returns and what it sees."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..candidate import Candidate
from ..cues import CueMatch
from ..entities.mentions import Mention, mention_at
from ..nlp import Doc


@dataclass(slots=True)
class Attribution:
    speaker: Mention | None
    cue: CueMatch | None
    sub: str | None = None  # a sub-pattern, written after a colon in `rule`
    same_as: Candidate | None = None  # the quote whose speaker this one continues
    prefer_last: bool = False  # a pronoun in an incise looks to the last speaker first


@dataclass
class Context:
    doc: Doc
    quotes: list[Candidate]
    index: int = 0
    previous: Candidate | None = None  # the last attributed quote before this one
    notes: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text

    def other_starts_in(self, q: Candidate, a: int, b: int) -> bool:
        """Whether a quote other than `q` starts in [a, b): a bisection over the quotes' starts
        (sorted once per document), not a pass over every quote for each quote."""
        memo = self.notes.get("starts")
        if memo is None or memo[0] != len(self.quotes):
            starts = [o.start for o in self.quotes]
            memo = self.notes["starts"] = (len(starts), starts, starts == sorted(starts))
        _, starts, ordered = memo
        if not ordered:
            return any(a <= o.start < b for o in self.quotes if o is not q)
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if 0 <= self.index < len(self.quotes) and self.quotes[self.index] is q:
            mine = int(a <= q.start < b)
        else:
            mine = sum(o is q for o in self.quotes[lo:hi])
        return hi - lo - mine > 0


def first_token_after(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    while i is not None and i < len(doc.tokens) and doc.tokens[i].start < pos:
        i += 1
    return i if i is not None and i < len(doc.tokens) else None


def last_token_before(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    if i is None:
        return len(doc.tokens) - 1 if doc.tokens else None
    while i >= 0 and doc.tokens[i].end > pos:
        i -= 1
    return i if i >= 0 else None


class Sieve:
    name = ""
    confidence = 0.5
    enabled = True

    def attribute(self, q: Candidate, ctx: Context) -> Attribution | None:  # pragma: no cover
        raise NotImplementedError


def nearest_subject(doc: Doc, first: int, before: int, quoted: frozenset[int] = frozenset()) -> Mention | None:
    """The last named person or body before a cue in its clause (a subject the parser missed);
    never one in `quoted`, the tokens inside quotes (« L'Europe est menacée », a-t-il estimé)."""
    best = None
    k = first
    while k < before:
        if k in quoted:
            k += 1
            continue
        m = mention_at(doc, k, before)
        governed = k > first and (doc.tokens[k - 1].pos == "ADP" or doc.tokens[k - 1].text.lower() in ("par", "de", "d'", "d’"))
        if governed and m is not None and _relative_after(doc, m.last, before):
            governed = False  # elle s'en remet à l'ancien président X (1981-1995) qui déclarait: the relative's
        if m and not governed and (m.name or m.kind == "pronoun") and m.kind in ("person", "organization", "pronoun"):
            best = m  # a subject is never the object of a preposition (accusé par Moscou)
            k = max(m.last, k + 1)
        elif m and (m.role and not m.name or governed):
            # le spécialiste de George Orwell: the name inside is what the role is of; sur le parvis de
            # la gare Saint-Charles: the whole governed phrase is a place, none of its words a subject
            k = max(m.last, k + 1)
        else:
            k += 1
    return best


def _relative_after(doc: Doc, k: int, limit: int) -> bool:
    """« qui » at `k`, past a bracket (François Mitterrand (1981-1995) qui…)."""
    toks = doc.tokens
    if k < limit and toks[k].text == "(":
        k = next((j + 1 for j in range(k, min(limit, k + 8)) if toks[j].text == ")"), limit)
    return k < limit and toks[k].text.lower() == "qui"


def quoted_tokens(ctx: Context) -> frozenset[int]:
    """The tokens inside the document's quotes: the speaker's words, never the journalist's subject."""
    found = ctx.notes.get("quoted")
    if found is None:
        toks, inside = ctx.doc.tokens, set()
        for q in ctx.quotes:
            k = first_token_after(ctx.doc, q.start)
            while k is not None and k < len(toks) and toks[k].start < q.end:
                inside.add(k)
                k += 1
        found = ctx.notes["quoted"] = frozenset(inside)
    return found
