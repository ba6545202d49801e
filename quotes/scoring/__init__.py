"""Learned decisions after the rules (DESIGN: the scorer decides among the rules' candidates).

  keep_quotes        words in marks: a quote, or a term / label / title (fragments.py)
  attribute_speakers each quote's speaker among the sieve's choice and the discourse's (speakers.py)
Both read weights learned from gold (weights.py, rebuilt by `quotes train`, see train.py).
"""
from __future__ import annotations

from ..candidate import Candidate
from ..direct import chanted, named, on_sign
from ..entities import EntityModel
from ..entities.discourse import Discourse
from ..nlp import Doc
from . import fragments, speakers
from .weights import DEFAULT, LinearModel, Weights, load_weights


def keep_quotes(quotes: list[Candidate], doc: Doc, model: LinearModel, explain: bool = False) -> list[Candidate]:
    """The candidates that are quotes: reported speech always; words in marks when the fragment
    model says so."""
    ctx = fragments.ArticleWords(doc, quotes)
    kept = []
    for q in quotes:
        if q.type != "direct":
            kept.append(q)
            continue
        x = fragments.features(q, doc, ctx)
        p = model.probability(x)
        if q.rule is None and (named(q, doc.text) or on_sign(q, doc.text)):
            p = 0.0  # la série « Réconcilier les deux France », a placard's « … », with nobody saying it
        elif chanted(q, doc.text):
            p = max(p, model.threshold)  # au cri de « Allah Akbar »: a chant is a quote, whatever else
        if explain:
            evidence = ", ".join(k for k, v in sorted(x.items()) if v and k != "log_words")
            q.trace.append(f"fragment: {'quote' if p >= model.threshold else 'term'} p={p:.2f} ({evidence})")
        if p >= model.threshold:
            kept.append(q)
    return kept


def discourse_of(quotes: list[Candidate], doc: Doc, entities: EntityModel) -> Discourse:
    """The article's discourse model, with the speakers the sieves found (the first pass)."""
    disc = Discourse.build(doc, entities)
    for q in quotes:
        disc.note_quote(q.start, q.entity)
    return disc


def attribute_speakers(quotes: list[Candidate], doc: Doc, entities: EntityModel, model: LinearModel,
                       explain: bool = False) -> None:
    """Each quote's speaker: the best of its candidates; confidence is that candidate's probability."""
    disc = discourse_of(quotes, doc, entities)
    for q in quotes:
        opts = speakers.options(q, disc, entities)
        best = speakers.choose(opts, model)
        if explain:
            for o in sorted(opts, key=lambda o: -o.score)[:3]:
                who = o.entity.name if o.entity is not None else ("unnamed" if "sieve" in o.origins else "nobody")
                q.trace.append(f"speaker: {who} p={o.score:.2f} ({', '.join(sorted(o.origins))})")
        _apply(q, best, entities)


def _apply(q: Candidate, best: speakers.SpeakerOption, entities: EntityModel) -> None:
    q.confidence = round(best.score, 3)
    if "sieve" in best.origins:
        return
    if best.entity is None:  # nobody: the sieve's cue is kept, its speaker dropped
        q.speaker, q.entity, q.name, q.kind, q.role, q.rule = None, None, None, "unknown", None, None
        return
    ent = best.entity
    q.rule = speakers.origin_rule(best)
    q.speaker = None  # no words near the quote name them: the discourse does
    q.entity, q.name, q.kind = ent.id, ent.name, ent.kind
    q.role = entities.specific_role(ent, q.start)


__all__ = ["DEFAULT", "LinearModel", "Weights", "attribute_speakers", "discourse_of", "keep_quotes", "load_weights"]
