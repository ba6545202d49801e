"""The sieve driver: runs the sieves in order over the quotes, stamps provenance, resolves speakers.

The driver (not the sieves) skips what is already attributed and writes `rule` and
`confidence`, so no sieve can forget them. It runs twice: a heading quote can only borrow the
speaker of the quote that follows it once that one is attributed.
"""
from __future__ import annotations

from typing import Sequence

from .candidate import Candidate
from .entities import EntityModel
from .nlp import Doc
from .sieves import Attribution, Context, Sieve

# Confidence is the sieve's, lowered when the speaker had to be inferred.
PRONOUN_FACTOR = 0.92
UNRESOLVED_FACTOR = 0.8


def attribute(quotes: list[Candidate], doc: Doc, entities: EntityModel, sieves: Sequence[Sieve],
              explain: bool = False) -> None:
    ctx = Context(doc, quotes)
    for _ in range(2):
        previous = None
        for k, q in enumerate(quotes):
            ctx.index, ctx.previous = k, previous
            if q.rule is None:
                for sieve in sieves:
                    a = sieve.attribute(q, ctx)
                    if a is None:
                        if explain:
                            q.trace.append(f"{sieve.name}: declined")
                        continue
                    _apply(q, a, sieve, entities, previous)
                    if explain:
                        q.trace.append(f"{sieve.name}: attributed")
                    break
            if q.rule is not None:
                previous = q


def _apply(q: Candidate, a: Attribution, sieve: Sieve, entities: EntityModel, previous: Candidate | None) -> None:
    q.rule = sieve.name + (f":{a.sub}" if a.sub else "")
    q.cue = a.cue
    if a.cue is not None:
        q.cue_span = (entities.doc.tokens[a.cue.first].start, entities.doc.tokens[a.cue.last - 1].end)
    confidence = sieve.confidence
    if a.same_as is not None:
        src = a.same_as
        q.speaker, q.entity, q.name, q.kind, q.role = src.speaker, src.entity, src.name, src.kind, src.role
        q.confidence = round(min(confidence, src.confidence), 3)
        return
    q.speaker = a.speaker
    last = entities.entities[previous.entity] if previous is not None and previous.entity is not None else None
    res = entities.resolve(a.speaker, q.start, last, a.prefer_last)
    q.entity = res.entity.id if res.entity else None
    q.name, q.kind, q.role = res.name, res.kind, res.role
    if a.speaker is not None and a.speaker.kind == "pronoun":
        confidence *= PRONOUN_FACTOR
    if a.speaker is None or (res.name is None and res.kind not in ("anonymous",)):
        confidence *= UNRESOLVED_FACTOR
    q.confidence = round(confidence, 3)
