"""Attribution sieves: quote → cue and speaker mention, most precise first (DESIGN principle 3).

Each sieve is small: a `name` (the output `rule`), a `confidence`, a French example in its
docstring, and `attribute(quote, ctx)` returning an `Attribution` or None. The driver in
`attribution.py`, not the sieve, skips quotes already attributed and stamps `rule` and
`confidence`, so provenance cannot be forgotten. Mention → entity is the entity model's job.
"""
from __future__ import annotations

from ..errors import QuotesError
from .base import Attribution, Context, Sieve
from .clause import CueSubject, Selon
from .context import Continuation, DialogueTurn, Heading, NearestMention, PrecedingSubject, Repeated, SentenceSubject
from .incise import AttributionLine, CeQue, ColonIntro, InciseAfter, InciseInside, Interview, Parenthetical

SIEVES: tuple[Sieve, ...] = (
    Interview(), InciseInside(), CeQue(), InciseAfter(), ColonIntro(), Parenthetical(), AttributionLine(), Selon(),
    CueSubject(), DialogueTurn(), Continuation(), PrecedingSubject(), Repeated(), Heading(), SentenceSubject(), NearestMention(),
)


def by_name(names: list[str]) -> tuple[Sieve, ...]:
    table = {s.name: s for s in SIEVES}
    unknown = [n for n in names if n not in table]
    if unknown:
        raise QuotesError(f"unknown sieve(s): {', '.join(unknown)}", "see `quotes sieves` for the list")
    return tuple(table[n] for n in names)


def default_sieves() -> tuple[Sieve, ...]:
    return tuple(s for s in SIEVES if s.enabled)


__all__ = ["Attribution", "Context", "SIEVES", "Sieve", "by_name", "default_sieves"]
