"""`quotes spark`'s engine: article files in, part files of quote records out, as `quotes extract`
would write them for the same inputs.

Inputs are read by the workers with the readers of `quotes extract`: local files and directories
are listed as it lists them (`ingest.expand`); a `.parquet` path (or a local directory of Parquet
files) is read by Spark, one article a row (`id`, `text` or `html`, metadata columns); any other
URI (s3a://, hdfs://, gs://, abfss://) is read by Spark as whole files (`binaryFiles`: split big
JSONL files into parts of a few hundred MB) and then by the same readers.

Order: the items are numbered in input order and cut into partitions of whole batches of
`workers.BATCH`, kept in order. Each batch is then the batch `quotes extract` parses, and the part
files, concatenated, are the JSONL `quotes extract` writes.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import ingest
from .errors import QuotesError
from .ingest import InputError
from .ingest.jsonl import META
from .model import Article
from .spark import first_line, quote_row, row_article, run_items, schema, worker_extractor
from .workers import BATCH, _peak_rss

FORMATS = ("jsonl", "parquet")
PER_CORE = 4  # default partitions per core (docs/spark.md: what this trades)


@dataclass
class Summary:
    """What a run read and wrote; `errors` are (input, error) pairs, in input order."""

    inputs: int = 0
    articles: int = 0
    quotes: int = 0
    partitions: int = 0
    errors: list[tuple[str, InputError]] = field(default_factory=list)


def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file:")


def is_parquet(path: str) -> bool:
    if path.rstrip("/").endswith(".parquet"):
        return True
    p = Path(path)
    return not is_remote(path) and p.is_dir() and any(p.rglob("*.parquet"))


def _read_local(max_bytes: int | None, item) -> Iterator[tuple[str, Any]]:
    return ingest.sourced([item], max_bytes)


def _read_remote(max_bytes: int | None, path_data: tuple[str, bytes]) -> list[tuple[str, Any]]:
    path, data = path_data
    got = [(path, a) for a in ingest.read_bytes(path, data, max_bytes)]
    return got or [(path, InputError(path, "no articles in this file"))]


def read(spark, paths: Iterable[str], max_bytes: int | None = ingest.MAX_BYTES):
    """An RDD of (input, Article | InputError) over `paths`, in input order."""
    sc = spark.sparkContext
    parts, files = [], []

    def local_files():
        if files:
            parts.append(sc.parallelize(list(files), min(len(files), 4 * sc.defaultParallelism))
                         .flatMap(partial(_read_local, max_bytes)))
            files.clear()

    for path in paths:
        if is_parquet(path):
            local_files()
            parts.append(_parquet(spark, path, max_bytes))
        elif is_remote(path):
            local_files()
            parts.append(sc.binaryFiles(path).filter(lambda pd: ingest.kind_of(pd[0]) is not None)
                         .flatMap(partial(_read_remote, max_bytes)))
        else:
            files.extend(ingest.expand([path]))
    local_files()
    return sc.union(parts)


def _parquet(spark, path: str, max_bytes: int | None):
    try:
        df = spark.read.parquet(path)
    except Exception as e:
        raise QuotesError(f"{path}: not readable as Parquet ({first_line(e)})") from None
    if "id" not in df.columns or not {"text", "html"} & set(df.columns):
        raise QuotesError(f"{path}: no `id` and `text` (or `html`) columns ({', '.join(df.columns)})",
                          "a Parquet input holds one article a row")
    cols = [c for c in ("id", "text", "html", *META) if c in df.columns]
    return df.select(*cols).rdd.map(lambda r: (path, row_article(r.asDict(), path, max_bytes)))


def layout(total: int, partitions: int, batch: int = BATCH) -> tuple[int, int]:
    """(partitions, batches) for `total` items: at most one partition per batch."""
    batches = max(1, -(-total // batch))
    return max(1, min(partitions, batches)), batches


def _slot(partitions: int, batches: int, batch: int, index: int) -> int:
    """Partition of the item numbered `index`: whole batches, in order, evenly spread."""
    return (index // batch) * partitions // batches


def _article_id(entry) -> list:
    index, (source, item) = entry
    return [(item.doc_id, (index, source))] if isinstance(item, Article) else []


def repeated_ids(indexed) -> dict[int, tuple[str, str]]:
    """{index: (doc_id, input of the first article with it)} for each article whose id an earlier
    article of another input has: what `ingest.sourced` reports within one input, across all."""
    ids = indexed.flatMap(_article_id)
    twice = set(ids.mapValues(lambda _: 1).reduceByKey(lambda a, b: a + b).filter(lambda kv: kv[1] > 1).keys().collect())
    first: dict[str, str] = {}
    later = {}
    for doc_id, (index, source) in sorted(ids.filter(lambda kv: kv[0] in twice).collect(), key=lambda kv: kv[1][0]):
        if doc_id in first:
            later[index] = (doc_id, first[doc_id])
        else:
            first[doc_id] = source
    return later


def _unique(later: dict[int, tuple[str, str]], indexed: Iterable) -> Iterator[tuple[str, Any]]:
    for index, (source, item) in indexed:
        yield source, ingest.duplicate(source, *later[index]) if index in later else item


def _results(fmt: str, options: dict, batch: int, metadata: tuple[str, ...], later: dict, indexed: Iterable):
    """On a worker: (input, error or None, quotes, payload) for each item of a partition."""
    explain = bool(options.get("explain"))
    for source, item, result in run_items(options, batch, _unique(later, indexed)):
        if isinstance(result, InputError):
            yield source, result, 0, []
        elif fmt == "jsonl":
            yield source, None, len(result), [q.to_json() for q in result]
        else:
            yield source, None, len(result), [quote_row(q, item, metadata, explain) for q in result]


def extract_files(spark, paths: Iterable[str], output: str, fmt: str = "jsonl", partitions: int | None = None,
                  max_bytes: int | None = ingest.MAX_BYTES, batch: int = BATCH, **options) -> Summary:
    """Extract the quotes of every article under `paths` into part files in `output` (JSONL lines
    of the output contract, or Parquet rows of `spark.schema()` with the article metadata)."""
    from pyspark import StorageLevel

    if fmt not in FORMATS:
        raise QuotesError(f"unknown format {fmt!r}", "use jsonl or parquet")
    if not is_remote(output) and Path(output).exists():
        raise QuotesError(f"{output}: already exists", "give a new directory: part files are never overwritten")
    items = read(spark, paths, max_bytes).persist(StorageLevel.MEMORY_AND_DISK)
    total = items.count()
    n, batches = layout(total, partitions or PER_CORE * spark.sparkContext.defaultParallelism, batch)
    indexed = items.zipWithIndex().map(lambda x: (x[1], x[0]))
    later = repeated_ids(indexed)
    ordered = indexed.repartitionAndSortWithinPartitions(n, partial(_slot, n, batches, batch))
    results = ordered.mapPartitions(partial(_results, fmt, dict(options), batch, META, later)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    try:
        out = results.flatMap(lambda r: r[3])
        if fmt == "jsonl":
            out.saveAsTextFile(output)
        else:
            spark.createDataFrame(out, schema(bool(options.get("explain")), META, error=False)).write.parquet(output)
        summary = Summary(partitions=n)
        summary.errors = results.filter(lambda r: r[1] is not None).map(lambda r: (r[0], r[1])).collect()
        summary.articles, summary.quotes = results.filter(lambda r: r[1] is None) \
            .map(lambda r: (1, r[2])).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        summary.inputs = results.filter(lambda r: r[1] is None).map(lambda r: r[0]).distinct().count()
    finally:
        results.unpersist()
        items.unpersist()
    return summary


def _warm(options: dict, _) -> list[int]:
    worker_extractor(options)
    return [os.getpid()]


def _stats(options: dict, batch: int, indexed) -> list[tuple[int, int, int, int]]:
    """On a worker: (pid, peak RSS, quotes, failed articles) of a partition's JSONL run."""
    quotes = failed = 0
    for _, error, n, _ in _results("jsonl", options, batch, META, {}, indexed):
        quotes, failed = quotes + n, failed + (error is not None)
    return [(os.getpid(), _peak_rss(), quotes, failed)]


def timed(spark, articles: list[Article], options: dict, partitions: int | None = None,
          batch: int = BATCH) -> tuple[float, list[tuple[int, int, int, int]]]:
    """Seconds to extract `articles` (held by the driver) as `extract_files` does, once every Python
    worker has loaded its model; and `_stats` of each partition."""
    sc = spark.sparkContext
    slots = sc.defaultParallelism
    for _ in range(3):  # concurrent tasks go to distinct workers: each loads its model now
        if len(set(sc.parallelize(range(slots), slots).mapPartitions(partial(_warm, options)).collect())) >= slots:
            break
    n, batches = layout(len(articles), partitions or PER_CORE * slots, batch)
    slices: list[list] = [[] for _ in range(n)]
    for i, a in enumerate(articles):
        slices[_slot(n, batches, batch, i)].append((i, (a.doc_id, a)))
    t0 = time.perf_counter()
    stats = sc.parallelize(slices, n).flatMap(lambda s: s).mapPartitions(partial(_stats, options, batch)).collect()
    return time.perf_counter() - t0, stats


__all__ = ["FORMATS", "Summary", "extract_files", "read", "timed"]
