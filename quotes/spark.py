"""The Spark door: a DataFrame of articles in, one row per quote out (archive scale, same records).

    >>> from quotes.spark import extract
    >>> rows = extract(spark.read.parquet("s3a://archive/articles/"), id="id", text="text")
    >>> rows.write.parquet("s3a://archive/quotes/")

Each Python worker process builds one Extractor (one loaded model, about 550 MB) the first time a
task needs it, and keeps it for every later task and partition: Spark reuses its Python workers.
A partition's articles go through `Extractor.pipe` in batches (`workers.extract_items`, the batches
of `quotes extract`). An article that fails is a row with `doc_id` and `error` set; the job goes on.
`quotes spark` (files in, part files out) is `extract_files()`, in `spark_files.py`.
"""
from __future__ import annotations

import inspect
import json
import os
import shutil
import sys
import threading
import types
import typing
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from pydantic import BaseModel

from .errors import QuotesError
from .ingest import InputError
from .ingest.jsonl import META, from_dict
from .model import Article, Quote
from .workers import BATCH, extract_items

LOADS_ENV = "QUOTES_SPARK_LOADS"  # a directory: each model load in a worker writes a marker file there
LOG4J = Path(__file__).with_name("spark_log4j2.properties")
INSTALL_HINT = "install it with: pip install '.[spark]' (in the quotes source directory)"
JAVA_HINT = "Spark needs Java 17 or 21; on Debian: apt-get install -y default-jre-headless"

_lock = threading.Lock()
_extractors: dict[str, Any] = {}


def require() -> None:
    """pyspark and a Java runtime, or a one-line QuotesError saying how to install them."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise QuotesError("pyspark is not installed", INSTALL_HINT) from None
    home = os.environ.get("JAVA_HOME")
    if not (home and Path(home, "bin", "java").is_file()) and shutil.which("java") is None:
        raise QuotesError("no Java runtime found (no java on PATH, no JAVA_HOME)", JAVA_HINT)


def session(master: str | None = "local[*]", conf: dict[str, str] | None = None):
    """(the SparkSession, whether we started it): an active session (a notebook's, a test's) is reused
    as it is; otherwise one is started on `master` (None: spark-submit's), its logs cut to errors."""
    require()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("quotes")
    if master:
        builder = builder.master(master)
    if (master or "").startswith("local"):  # the workers run this Python, where quotes is installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = {"spark.ui.showConsoleProgress": "false"}
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # we start the JVM (spark-submit has started its own)
        settings["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile={LOG4J.as_uri()}"
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate(), True
    except Exception as e:
        why = first_line(e)
        raise QuotesError(f"Spark did not start: {why}",
                          JAVA_HINT if "java" in why.lower() else "check --master and --conf") from None


def first_line(e: BaseException) -> str:
    """The gist of a Spark or Py4J error (they run to pages of Java stack)."""
    text = str(getattr(e, "java_exception", None) or e).strip()
    return (text.splitlines() or [type(e).__name__])[0][:300]


def worker_extractor(options: dict[str, Any]):
    """This process's Extractor for `options`, built on first use and then reused."""
    from .pipeline import Extractor

    defaults = {n: p.default for n, p in inspect.signature(Extractor).parameters.items()}
    key = json.dumps({**defaults, **options}, sort_keys=True, default=str)  # {} and the CLI's defaults: one model
    with _lock:
        if key not in _extractors:
            _extractors[key] = Extractor(**options)
            _count_load(key)
        return _extractors[key]


def _count_load(key: str) -> None:
    where = os.environ.get(LOADS_ENV)
    if where:
        Path(where, f"{os.getpid()}-{len(_extractors)}.load").write_text(key, encoding="utf-8")


class _Deferred:
    """The worker's Extractor, built only when a batch has articles (a partition of bad inputs
    loads nothing)."""

    def __init__(self, options: dict[str, Any]):
        self.options = options

    def pipe(self, articles, *args, **kwargs):
        return worker_extractor(self.options).pipe(articles, *args, **kwargs) if articles else iter(())


def run_items(options: dict[str, Any], batch: int, items: Iterable[tuple[Any, Article | InputError]]
              ) -> Iterator[tuple[Any, Article | InputError, list[Quote] | InputError]]:
    """On a worker: (tag, item, result) for each (tag, item) of a partition, in order."""
    return extract_items(_Deferred(options), items, batch)


# -- typed rows ---------------------------------------------------------------------------------

def _spark_type(annotation):
    from pyspark.sql import types as T

    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return _spark_type(args[0])
    if origin is typing.Literal or annotation is str:
        return T.StringType()
    if origin is list:
        return T.ArrayType(_spark_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return T.StructType([T.StructField(n, _spark_type(f.annotation)) for n, f in annotation.model_fields.items()])
    return {bool: T.BooleanType(), int: T.LongType(), float: T.DoubleType()}[annotation]


def _fields(explain: bool) -> list[str]:
    return [n for n in Quote.model_fields if explain or n != "trace"]


def schema(explain: bool = False, metadata: Iterable[str] = (), error: bool = True):
    """The row type: the output contract's fields (structs for `speaker` and `cue`), then the
    article metadata columns asked for, then `error`."""
    from pyspark.sql import types as T

    fields = [T.StructField(n, _spark_type(Quote.model_fields[n].annotation)) for n in _fields(explain)]
    fields += [T.StructField(m, T.StringType()) for m in metadata]
    return T.StructType(fields + ([T.StructField("error", T.StringType())] if error else []))


def _tuple(value):
    return tuple(_tuple(v) for v in value.values()) if isinstance(value, dict) else value


def quote_row(quote: Quote, article: Article, metadata: Iterable[str], explain: bool) -> tuple:
    dumped = quote.model_dump()
    return tuple(_tuple(dumped[n]) for n in _fields(explain)) + tuple(getattr(article, m) for m in metadata)


def error_row(doc_id: str, message: str, metadata: Iterable[str], explain: bool) -> tuple:
    return (doc_id,) + (None,) * (len(_fields(explain)) - 1 + len(list(metadata))) + (message,)


# -- the DataFrame door ------------------------------------------------------------------------------

def row_article(row: dict, source: str = "", max_chars: int | None = None) -> Article | InputError:
    """The article of a row with `id` and `text` (or `html`), or why there is none."""
    if row.get("id") in (None, ""):
        return InputError(source, "a row without `id`")
    return from_dict(row, f"{source}:{row['id']}" if source else str(row["id"]), str(row["id"]), max_chars)


def _frame_rows(options: dict[str, Any], batch: int, metadata: list[str], rows) -> Iterator[tuple]:
    explain = bool(options.get("explain"))
    for _, item, result in run_items(options, batch, ((None, row_article(r.asDict())) for r in rows)):
        if isinstance(result, InputError):
            yield error_row(result.source, result.message, metadata, explain)
        else:
            yield from (quote_row(q, item, metadata, explain) + (None,) for q in result)


def extract(df, id: str = "id", text: str = "text", batch: int = BATCH, **options):
    """One row per quote of each article of `df` (columns `id` and `text`, named otherwise with
    `id=`/`text=`), with the article's `url`/`date`/`title`/`outlet` when `df` has them, and an
    `error` row for an article that fails. `options` are the Extractor's (backend, sieves, ...)."""
    from pyspark.sql import functions as F

    missing = [c for c in (id, text) if c not in df.columns]
    if missing:
        raise QuotesError(f"no column {', '.join(map(repr, missing))} in the DataFrame ({', '.join(df.columns)})",
                          "name the article id and text columns with id= and text=")
    metadata = [m for m in META if m in df.columns and m not in (id, text)]
    cols = [F.col(id).cast("string").alias("id"), F.col(text).cast("string").alias("text")]
    selected = df.select(*cols, *(F.col(m).cast("string") for m in metadata))
    rows = selected.rdd.mapPartitions(partial(_frame_rows, dict(options), batch, metadata))
    return df.sparkSession.createDataFrame(rows, schema(bool(options.get("explain")), metadata))


__all__ = ["extract", "quote_row", "require", "row_article", "run_items", "schema", "session", "worker_extractor"]
