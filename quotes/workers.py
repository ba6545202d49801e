"""Many articles, N processes: one `Extractor` (one loaded model) per worker, results in input order.

`run()` streams: at most `window` articles are in flight at a time, so memory stays flat in the
number of articles, and each result is yielded as soon as it and all before it are done. An
article whose extraction raises becomes an `InputError` for that article; the batch goes on.
With `workers=1` everything runs in this process (no pool, same results) unless `force_processes`.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import sys
from collections import deque
from typing import Any, Hashable, Iterable, Iterator, TypeVar

from .ingest import InputError
from .model import Article, Quote

Tag = TypeVar("Tag", bound=Hashable)
Result = list[Quote] | InputError
BATCH = 8  # articles a worker task parses in one batch

_extractor = None  # the worker's own Extractor, built once by _init


def _build(options: dict[str, Any]):
    from .pipeline import Extractor

    return Extractor(**options)


_barrier = None


def _init(options: dict[str, Any], barrier=None) -> None:
    global _extractor, _barrier
    _extractor = _build(options)
    _barrier = barrier


def _loaded(_: object) -> int:
    """Blocks until every worker has built its Extractor (so each worker takes one of these)."""
    _barrier.wait(timeout=900)
    return os.getpid()


def _extract_many(extractor, articles: list[Article]) -> list[Result]:
    """One batch parse for all; if that fails, article by article, so only the bad one fails."""
    return [result for _, result in extractor.pipe(articles, max(1, len(articles)), keep_going=True)]


def extract_items(extractor, items: Iterable[tuple[Tag, Article | InputError]],
                  batch: int = BATCH) -> Iterator[tuple[Tag, Article | InputError, Result]]:
    """`Pool.run` in this process with a given Extractor: `batch` items at a time (the same batches
    as a pool's), an `InputError` item passing through as its result."""
    for chunk in _chunks(items, batch):
        results = iter(_extract_many(extractor, [item for _, item in chunk if not isinstance(item, InputError)]))
        for tag, item in chunk:
            yield tag, item, item if isinstance(item, InputError) else next(results)


def _work(articles: list[Article]) -> tuple[int, int, list[Result]]:
    results = _extract_many(_extractor, articles)
    return os.getpid(), _peak_rss(), results


def _peak_rss(_: object = None) -> int:
    """This process's peak resident set size, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


class Pool:
    """A pool of `workers` processes, each holding one Extractor built from `options`."""

    def __init__(self, options: dict[str, Any] | None = None, workers: int = 1, window: int | None = None,
                 force_processes: bool = False, batch: int = BATCH):
        self.options = dict(options or {})
        self.workers = max(1, workers)
        self.batch = max(1, batch)
        self.window = window or 3 * self.workers
        self._pool = None
        self._local = None
        self._rss: dict[int, int] = {}
        if self.workers == 1 and not force_processes:
            self._local = _build(self.options)
        else:
            ctx = _context()
            self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(self.options, ctx.Barrier(self.workers)))
            self._pool.map(_loaded, range(self.workers), chunksize=1)  # every model loaded before work starts

    def run(self, items: Iterable[tuple[Tag, Article | InputError]]) -> Iterator[tuple[Tag, Article | InputError, Result]]:
        """(tag, item, result) for each item in order; an `InputError` item passes through as its result.
        Articles go to the workers `batch` at a time (one parser batch each)."""
        if self._pool is None:
            yield from extract_items(self._local, items, self.batch)
            return
        pending: deque = deque()
        for chunk in _chunks(items, self.batch):
            articles = [item for _, item in chunk if not isinstance(item, InputError)]
            job = self._pool.apply_async(_work, (articles,)) if articles else None
            pending.append((chunk, job))
            while len(pending) >= self.window or (pending and _ready(pending[0][1])):
                yield from self._finish(*pending.popleft())
        while pending:
            yield from self._finish(*pending.popleft())

    def _finish(self, chunk, job):
        if job is None:
            results = []
        else:
            pid, rss, results = job.get()
            self._rss[pid] = max(rss, self._rss.get(pid, 0))
        it = iter(results)
        for tag, item in chunk:
            yield tag, item, item if isinstance(item, InputError) else next(it)

    def peak_rss(self) -> list[int]:
        """Peak RSS of each worker process that did work (this process when workers=1), in bytes."""
        if self._pool is None:
            return [_peak_rss()]
        return sorted(self._rss.values(), reverse=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None and exc[0] is not None:
            self._pool.terminate()
        self.close()


def _ready(job) -> bool:
    return job is None or job.ready()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(items: Iterable[tuple[Tag, Article | InputError]], options: dict[str, Any] | None = None,
        workers: int = 1) -> Iterator[tuple[Tag, Article | InputError, Result]]:
    """Extract from every article of `items` with `workers` processes, in order (see `Pool.run`)."""
    with Pool(options, workers) as pool:
        yield from pool.run(items)


__all__ = ["Pool", "run"]
