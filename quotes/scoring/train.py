"""`quotes train` and `quotes eval --folds`: the weights learned from gold, and their honest score.

Each article is parsed and run through the rules once (`Extractor.analyse`); the learned parts
are then fitted and applied as often as needed. Cross-validation splits by article, never by
quote: a fold's articles are decided with weights fitted on the other folds only.
Fitting needs scikit-learn (`pip install 'quotes[train]'`); nothing else here does.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..errors import QuotesError
from ..evaluate import GoldDoc, iou, speaker_ok
from ..pipeline import Analysis, Extractor
from . import discourse_of, fragments, keep_quotes, speakers
from .weights import LinearModel, Weights

C_FRAGMENT, C_SPEAKER = 0.1, 1.0  # inverse regularisation strength of the two regressions


@dataclass
class Example:
    doc_id: str
    features: dict[str, float]
    label: int
    group: int = 0  # the quote an option belongs to (speaker examples)


def analyse_all(extractor: Extractor, gold: dict[str, GoldDoc],
                progress: Callable[[], None] | None = None) -> dict[str, Analysis]:
    out = {}
    for doc_id, doc in gold.items():
        out[doc_id] = extractor.analyse(doc.text)
        if progress:
            progress()
    return out


def _matches(start: int, end: int, golds: Iterable[dict]) -> dict | None:
    best, best_o = None, 0.5
    for g in golds:
        o = iou((start, end), (g["start"], g["end"]))
        if o >= best_o:
            best, best_o = g, o
    return best


def fragment_examples(analyses: dict[str, Analysis], gold: dict[str, GoldDoc]) -> list[Example]:
    out = []
    for doc_id, a in analyses.items():
        ctx = fragments.ArticleWords(a.doc, a.quotes)
        for q in a.quotes:
            if q.type == "direct":
                label = _matches(q.start, q.end, gold[doc_id].quotes) is not None
                out.append(Example(doc_id, fragments.features(q, a.doc, ctx), int(label)))
    return out


def speaker_examples(analyses: dict[str, Analysis], gold: dict[str, GoldDoc], fragment: LinearModel) -> list[Example]:
    out, group = [], 0
    for doc_id, a in analyses.items():
        golds = [g for g in gold[doc_id].quotes if not g.get("boilerplate")]
        kept = keep_quotes([_copy(q) for q in a.quotes], a.doc, fragment)
        disc = discourse_of(kept, a.doc, a.entities)
        for q in kept:
            g = _matches(q.start, q.end, golds)
            if g is None:
                continue
            group += 1
            for opt in speakers.options(q, disc, a.entities):
                name = opt.entity.name if opt.entity is not None else None
                out.append(Example(doc_id, opt.features, int(speaker_ok(name, g["speaker"], strict=False)), group))
    return out


def _copy(q):
    import copy

    c = copy.copy(q)
    c.trace = []
    return c


def fit(examples: Sequence[Example], c: float) -> LinearModel:
    """A logistic regression over named features (scikit-learn), as plain weights."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise QuotesError("training needs scikit-learn", "pip install 'quotes[train]'") from None
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        raise QuotesError("the gold gives only one kind of example: nothing to learn",
                          "train on more articles, with quotes and with terms in marks")
    vec = DictVectorizer()
    x = vec.fit_transform([e.features for e in examples])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, labels)
    coef = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    return LinearModel(intercept=round(float(model.intercept_[0]), 5), coef=coef)


def train(analyses: dict[str, Analysis], gold: dict[str, GoldDoc], note: dict | None = None) -> Weights:
    """Fragment model first; the speaker model on the quotes it keeps (as at run time)."""
    fragment = fit(fragment_examples(analyses, gold), C_FRAGMENT)
    speaker = fit(speaker_examples(analyses, gold, fragment), C_SPEAKER)
    return Weights(fragment=fragment, speaker=speaker,
                   trained_on={"documents": len(analyses), **(note or {})})


def folds(doc_ids: Sequence[str], k: int, seed: int = 13) -> list[list[str]]:
    """Articles dealt into k folds (shuffled once, with a fixed seed): folds split articles, not quotes."""
    if k < 2 or k > len(doc_ids):
        raise QuotesError(f"--folds {k}: needs 2 to {len(doc_ids)} folds for {len(doc_ids)} articles")
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    return [sorted(ids[i::k]) for i in range(k)]


def cross_validate(extractor: Extractor, analyses: dict[str, Analysis], gold: dict[str, GoldDoc],
                   k: int) -> list[dict]:
    """Records of every article, each decided with weights trained without its fold."""
    records: list[dict] = []
    for held in folds(list(analyses), k):
        rest = {d: a for d, a in analyses.items() if d not in held}
        weights = train(rest, gold)
        for doc_id in held:
            a = analyses[doc_id]
            quotes = extractor.decide(a, weights)
            records.extend(q.model_dump() for q in extractor.records(a.doc, quotes, doc_id))
    return records


BANDS = ((0.9, 1.01), (0.8, 0.9), (0.6, 0.8), (0.0, 0.6))


def reliability(gold: dict[str, GoldDoc], records: Iterable[dict]) -> list[tuple[str, int, float]]:
    """For confidence bands, the share of matched quotes whose speaker is right (lenient)."""
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["doc_id"], []).append(r)
    hits = {b: [0, 0] for b in BANDS}
    for doc_id, doc in gold.items():
        golds = [g for g in doc.quotes if not g.get("boilerplate")]
        for r in by_doc.get(doc_id, []):
            g = _matches(r["start"], r["end"], golds)
            if g is None:
                continue
            name = (r.get("speaker") or {}).get("name")
            band = next(b for b in BANDS if b[0] <= r["confidence"] < b[1])
            hits[band][0] += 1
            hits[band][1] += speaker_ok(name, g["speaker"], strict=False)
    rows = []
    for (lo, hi), (n, ok) in hits.items():
        label = f"≥ {lo:.1f}" if hi > 1 else f"< {hi:.1f}" if lo == 0 else f"{lo:.1f}–{hi:.1f}"
        rows.append((label, n, ok / n if n else 0.0))
    return rows
