"""Reported speech on the parse: indirect and mixed quotes (ANNOTATION.md).

Four constructions, each a detector that returns candidates with what it already knows:
  - a cue verb with its content: a que-clause, de/à + infinitive, a bare infinitive, an indirect
    question, an attribute (s'est dit préoccupé): `a affirmé que …`, `a promis de …`;
  - a source phrase: `Selon X, …` / `…, selon X.` / `D'après X, …` / `Pour X, …`;
  - an incise without marks: `La situation, a-t-il estimé, est grave.` / `…, a estimé Y.`;
  - `C'est ce qu'a réclamé X.`: the content is the sentence before.
Guards (each pinned by a test): negated cues, passive participles, noun-phrase objects (no clause,
no quote), states of mind, a journalist's question (subject `on`), speech nested inside marks.
A reported clause with words in marks inside is `mixed`; one that is all in marks is `direct`.
"""
from __future__ import annotations

from ..candidate import Candidate
from ..direct import trim_content
from ..marks import MarkSpan, opening_in
from ..nlp import Doc
from .clauses import from_cues
from .incises import from_ce_que, from_comme, from_incises, from_labels
from .interviews import from_interviews
from .nouns import from_nouns
from .sources import from_sources, source_mention


def candidates(doc: Doc, spans: list[MarkSpan], direct: list[Candidate]) -> list[Candidate]:
    """All reported-speech candidates, typed against the marks inside them, nested ones dropped."""
    found = (from_cues(doc, spans) + from_sources(doc, spans) + from_incises(doc, spans) + from_ce_que(doc, spans)
             + from_labels(doc, spans) + from_interviews(doc, spans) + from_comme(doc, spans)
             + from_nouns(doc, spans))
    # a clause reported by a verb beats the source phrase around it: in « …rappeler que « X », selon
    # son porte-parole », X is the quote and the porte-parole its source (the Selon sieve finds him)
    cued = [q for q in found if q.found_by.startswith("reported")]
    found = cued + [q for q in found if not q.found_by.startswith("source")
                    and q not in cued] + [q for q in found if q.found_by.startswith("source")
                                          and not any(c.start >= q.start and c.end <= q.end for c in cued)]
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Candidate] = []
    for q in found:
        # reports nested in another report are annotated once, at the outer level (ANNOTATION.md)
        if any(o.start <= q.start and q.end <= o.end for o in kept):
            continue
        if any(o.start < q.end and q.start < o.end for o in kept):
            continue
        kept.append(q)
    for q in kept:
        _type(doc.text, q, spans)
    return kept


def _type(text: str, q: Candidate, spans: list[MarkSpan]) -> None:
    inside = [s for s in opening_in(spans, q.start, q.end + 1) if s.depth == 0 and s.close_end <= q.end + 1]
    if not inside:
        return
    if len(inside) == 1:
        s = inside[0]
        rest = text[q.start:s.open_start] + text[s.close_end:q.end]
        if not any(c.isalnum() for c in rest):
            q.type, q.start, q.end, q.span = "direct", s.start, s.end, s
            a, b = trim_content(text, s.start, s.end)
            q.start, q.end = a, b
            return
    q.type = "mixed"
    q.fragments = inside
    last = inside[-1]
    if last.close_end == q.end + 1 and text[q.end:last.close_end].strip() in ("»", "\"", "”"):
        q.end = last.close_end  # the closing mark at the edge stays with the span


__all__ = ["candidates", "source_mention"]
