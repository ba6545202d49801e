"""The Extractor: wires the rooms together, and nothing else.

Stages, in order (DESIGN.md data flow):
  1. marks      pair the quotation marks over the raw text (marks.scan)
  2. parse      parse the sentences that can matter (focus.py: quotes, speech verbs, sources, names)
                with the backend; no sentence starts inside a quote
  3. direct     direct-quote candidates, split where an incise sits inside the marks
  3b. reported  indirect and mixed candidates: cue + clause, selon X, incises, c'est ce que
  4. entities   the article's entity model (names, titles, roles)
  5. sieves     attribution, most precise sieve first; speakers resolved to entities
  6. fragments  words in marks that are terms, labels or titles, not speech, are dropped (learned)
  7. speakers   the discourse model adds candidates; the learned speaker scorer decides
  8. records    Quote models with offsets into the raw text; `boilerplate` where a quote lies in a
                zone (zones.py: menus, teasers, footers), dropped with `main_only`
Stages 1-5 are `analyse` (parse and rules), 6-7 `decide` (learned weights): training and
cross-validation parse each article once and decide many times.
Fallbacks: a missing model raises ModelMissing (a one-line hint); missing or corrupt weights a
QuotesError naming the file; an empty text gives no quotes; an article past its time budget
(`time_limit`, budget.py) raises ArticleTimeout.

Threads: an Extractor may be shared between threads. The parser (whose caches are not
thread-safe) is used by one thread at a time, under the Extractor's lock; the other stages work
on each call's own document. For parallel work use processes (`workers.Pool`, `quotes extract
--workers N`). The default Extractor of `extract()` is built once, under a lock.
"""
from __future__ import annotations

import copy
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import budget, direct, focus, marks, reported, scoring, zones
from .attribution import attribute
from .candidate import Candidate
from .entities import EntityModel
from .errors import QuotesError
from .ingest.text import InputError
from .model import Article, Cue, Quote, Speaker
from .nlp import Backend, Doc, load_backend
from .segments import guard, paragraphs
from .sieves import Sieve, by_name, default_sieves


@dataclass
class Analysis:
    """An article after the rules (stages 1-5): what the learned decisions start from."""

    doc: Doc
    quotes: list[Candidate]
    entities: EntityModel


def _outside(items: list[Candidate], spans: list[tuple[int, int]], strict: bool = False) -> list[Candidate]:
    """`items` that lie inside none of `spans` (a <= item.start and item.end <= b; with `strict`,
    a < item.start): one bisection each, over the furthest end reached by the spans opening before
    the item, so overlapping or nested spans need no second pass."""
    spans = sorted(spans)
    starts, reach, furthest = [a for a, _ in spans], [], -1
    for _, b in spans:
        furthest = max(furthest, b)
        reach.append(furthest)
    find = bisect_left if strict else bisect_right
    out = []
    for d in items:
        k = find(starts, d.start) - 1
        if not (k >= 0 and d.end <= reach[k]):
            out.append(d)
    return out


class Extractor:
    """Loads the parser once and extracts attributed quotes from many texts."""

    def __init__(self, backend: str | Backend = "spacy", model: str | None = None,
                 sieves: Sequence[str | Sieve] | None = None, min_confidence: float = 0.0,
                 explain: bool = False, main_only: bool = False, focus: bool = True,
                 weights: str | Path | scoring.Weights | None = None,
                 time_limit: float | None = budget.DEFAULT_SECONDS):
        self.weights = weights if isinstance(weights, scoring.Weights) else scoring.load_weights(weights)
        self.backend = load_backend(backend, model) if isinstance(backend, str) else backend
        if sieves is None:
            self.sieves = default_sieves()
        else:
            names = [s for s in sieves if isinstance(s, str)]
            resolved = iter(by_name(names))
            self.sieves = tuple(next(resolved) if isinstance(s, str) else s for s in sieves)
        self.min_confidence = min_confidence
        self.explain = explain
        self.main_only = main_only
        self.focus = focus  # parse only the sentences that can matter (focus.py); False: every paragraph
        self.time_limit = time_limit  # seconds per article (per batch in extract_many); None: no limit
        self._lock = threading.Lock()  # one thread at a time in the parser

    def parse(self, text: str) -> tuple[Doc, list[marks.MarkSpan]]:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[tuple[Doc, list[marks.MarkSpan]]]:
        """Parse several texts in one backend batch (faster than one at a time)."""
        jobs, all_spans, all_zones = [], [], []
        for text in texts:
            spans = marks.Spans(marks.bounded(marks.scan(text), len(text)))
            guards = [guard(text, s) for s in spans]
            regions = paragraphs(text, guards)
            boiler = zones.spans(text)
            if self.focus:
                regions = focus.regions(text, regions, guards, boiler)
            regions = focus.without_symbol_runs(text, regions)
            jobs.append((text, regions, guards))
            all_spans.append(spans)
            all_zones.append(boiler)
        budget.check()
        many = getattr(self.backend, "parse_many", None)
        with self._lock:
            docs = many(jobs) if many else [self.backend.parse(*job) for job in jobs]
        for doc, boiler in zip(docs, all_zones):
            doc.memo["zones"] = boiler  # zones.of_doc: the entity model and the records read them again
        return list(zip(docs, all_spans))

    def analyse(self, text: str, parsed=None, date: str | None = None) -> Analysis:
        """Stages 1-5: marks, parse, candidates, entities, sieves. `date` (ISO, as an Article's): the
        year tells which office holders the article can mean (office_holders.tsv)."""
        doc, spans = parsed if parsed is not None else self.parse(text)
        budget.check()
        marked = direct.candidates(doc, spans)
        said = reported.candidates(doc, spans, marked)
        budget.check()
        # a clause that opens inside marks and ends with them is those marks' words (accusant la France
        # « d'appauvrir l'Afrique »): the direct quote holds it
        said = _outside(said, [(m.outer_start, m.outer_end) for m in marked], strict=True)
        # a fragment in marks inside a reported clause is part of that (mixed) quote, never its own
        marked = _outside(marked, [(r.start, r.end) for r in said])
        quotes = sorted(marked + said, key=lambda q: (q.start, q.end))
        entities = EntityModel(doc, [(s.open_start, s.close_end) for s in spans if s.end - s.start > 30], _year(date))
        budget.check()
        attribute(quotes, doc, entities, self.sieves, self.explain)
        budget.check()
        for q in quotes:  # entities keep growing during attribution: names are final only now
            if q.entity is not None and q.name is not None:
                q.name = entities.entities[q.entity].name
        return Analysis(doc, quotes, entities)

    def decide(self, analysis: Analysis, weights: scoring.Weights | None = None) -> list[Candidate]:
        """Stages 6-7 on a copy of the analysis (it can be decided again with other weights)."""
        w = weights or self.weights
        quotes = [copy.copy(q) for q in analysis.quotes]
        for q in quotes:
            q.trace = list(q.trace)
        kept = scoring.keep_quotes(quotes, analysis.doc, w.fragment, self.explain)
        budget.check()
        scoring.attribute_speakers(kept, analysis.doc, analysis.entities, w.speaker, self.explain)
        budget.check()
        return kept

    def candidates(self, text: str, parsed=None, date: str | None = None) -> tuple[Doc, list[Candidate]]:
        analysis = self.analyse(text, parsed, date)
        return analysis.doc, self.decide(analysis)

    def extract(self, text: str, doc_id: str = "doc", parsed=None, date: str | None = None) -> list[Quote]:
        """The attributed quotes of `text` (published on `date`, if known); ArticleTimeout past
        `time_limit` seconds."""
        with budget.limit(self.time_limit):
            doc, quotes = self.candidates(text, parsed, date)
            return self.records(doc, quotes, doc_id)

    def records(self, doc: Doc, quotes: list[Candidate], doc_id: str) -> list[Quote]:
        """Stage 8: the output records, with boilerplate flags and the confidence floor."""
        boiler = zones.of_doc(doc)
        out = [to_quote(doc, q, doc_id, n, boiler) for n, q in enumerate(quotes, 1)]
        return [q for q in out if (q.confidence >= self.min_confidence or self.min_confidence <= 0)
                and not (self.main_only and q.boilerplate)]

    def extract_article(self, article: Article) -> list[Quote]:
        return self.extract(article.text, article.doc_id, date=article.date)

    def extract_many(self, articles: Sequence[Article]) -> list[list[Quote]]:
        """The quotes of each article; their texts are parsed in one batch."""
        with budget.limit(self.time_limit):
            parsed = self.parse_many([a.text for a in articles])
            return [self.extract(a.text, a.doc_id, p, a.date) for a, p in zip(articles, parsed)]

    def pipe(self, articles: Iterable[Article], batch_size: int = 8,
             keep_going: bool = False) -> Iterator[tuple[Article, list[Quote] | InputError]]:
        """(article, its quotes) in order, `batch_size` articles parsed in one batch. With `keep_going`
        an article whose extraction raises gives an `InputError` in place of its quotes (a failed
        batch is redone one article at a time), so one bad article never loses the others."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch, keep_going)
                batch = []
        if batch:
            yield from self._batch(batch, keep_going)

    def _batch(self, batch: list[Article], keep_going: bool) -> list[tuple[Article, list[Quote] | InputError]]:
        try:
            return list(zip(batch, self.extract_many(batch)))
        except Exception:
            if not keep_going:
                raise
        return [(a, self._one(a)) for a in batch]

    def _one(self, article: Article) -> list[Quote] | InputError:
        try:
            return self.extract_article(article)
        except QuotesError as e:  # its time budget spent (budget.py): one line for this article
            return InputError(article.doc_id, str(e))
        except Exception as e:
            return InputError(article.doc_id, f"extraction failed ({type(e).__name__}: {e})"[:300])


YEAR = re.compile(r"\s*(\d{4})(?:$|[-/T ])")


def _year(date: str | None) -> int | None:
    """The year of an ISO date (2019-01-15, 2019): None when there is none to read."""
    m = YEAR.match(date or "")
    return int(m[1]) if m else None


def to_quote(doc: Doc, q: Candidate, doc_id: str, n: int, boiler: Sequence[tuple[int, int]] = ()) -> Quote:
    text = doc.text
    speaker = None
    if q.speaker is not None or q.name is not None or q.kind == "anonymous":
        m = q.speaker
        speaker = Speaker(name=q.name, mention=text[m.start:m.end] if m else None,
                          start=m.start if m else None, end=m.end if m else None,
                          kind=q.kind if q.kind in ("person", "organization", "anonymous") else "unknown")
    cue = None
    if q.cue is not None:
        a, b = doc.tokens[q.cue.first].start, doc.tokens[q.cue.last - 1].end
        cue = Cue(text=text[a:b], lemma=q.cue.entry.name, start=a, end=b)
    first = doc.token_at(q.start)
    return Quote(
        doc_id=doc_id, id=f"{doc_id}:{n}", type=q.type, text=text[q.start:q.end], start=q.start, end=q.end,
        speaker=speaker, role=q.role, cue=cue, rule=q.rule,
        confidence=q.confidence, boilerplate=zones.is_boilerplate(boiler, q.start, q.end),
        sentence=doc.tokens[first].sent if first is not None else None, entity=q.entity,
        trace=q.trace or None,
    )


_default: Extractor | None = None
_default_lock = threading.Lock()


def extract(text: str, doc_id: str = "doc", **options) -> list[Quote]:
    """Attributed quotes of one French text. Loads the default parser once per process (once,
    however many threads call at the same time)."""
    global _default
    if options:
        return Extractor(**options).extract(text, doc_id)
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default.extract(text, doc_id)
