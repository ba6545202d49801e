"""`quotes spark`: `quotes extract` on Apache Spark, for archives (↔ `quotes.spark_files.extract_files`;
a DataFrame in Python: `quotes.spark.extract`)."""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import QuotesError
from ..workers import BATCH
from . import app, err
from .extract import (BACKEND, EXPLAIN, MAIN_ONLY, MAX_BYTES, MIN_CONFIDENCE, MODEL, SIEVES, STRICT, TIME_LIMIT,
                      WEIGHTS, _located, _options, _report, _tally)


class Format(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


def _settings(conf: list[str]) -> dict[str, str]:
    out = {}
    for item in conf:
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise QuotesError(f"--conf {item!r}: expected KEY=VALUE", "e.g. --conf spark.executor.memory=4g")
        out[key.strip()] = value
    return out


@app.command()
def spark(
    paths: list[str] = typer.Argument(..., help="JSONL files of articles, directories of .txt/.html/.jsonl, "
                                                "Parquet (*.parquet) with id and text columns; local paths or "
                                                "URIs (s3a://, hdfs://...)."),
    output: str = typer.Option(..., "--output", "-o", help="Directory of part files to create (a path or a URI)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL [default: local[*], or "
                                                                 "spark-submit's]."),
    partitions: Optional[int] = typer.Option(None, "--partitions", "-p", min=1,
                                             help="Partitions [default: 4 per core], each whole batches of "
                                                  f"{BATCH} articles."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (the lines of `quotes extract`) or "
                                                                        "parquet (typed columns, with metadata)."),
    conf: list[str] = typer.Option([], "--conf", help="A Spark setting KEY=VALUE (repeatable)."),
    backend: str = BACKEND,
    model: Optional[str] = MODEL,
    sieves: Optional[str] = SIEVES,
    weights: Optional[Path] = WEIGHTS,
    min_confidence: float = MIN_CONFIDENCE,
    explain: bool = EXPLAIN,
    main_only: bool = MAIN_ONLY,
    strict: bool = STRICT,
    max_bytes: int = MAX_BYTES,
    time_limit: float = TIME_LIMIT,
) -> None:
    """Extract quotes from PATHS with Apache Spark into part files, the records of `quotes extract`."""
    from .. import spark as door
    from ..spark_files import extract_files

    door.require()
    settings = _settings(conf)
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    session, started = door.session(master, settings)
    try:
        options = _options(backend, model, sieves, min_confidence, explain, main_only, weights, time_limit)
        summary = extract_files(session, paths, output, format.value, partitions, max_bytes, **options)
    except QuotesError:
        raise
    except Exception as e:
        if os.environ.get("QUOTES_DEBUG"):
            raise
        raise QuotesError(f"the Spark job failed: {door.first_line(e)}", "QUOTES_DEBUG=1 shows the trace") from None
    finally:
        if started:
            session.stop()
    failed = [_located(source, bad) for source, bad in summary.errors]
    for bad in failed:
        _report(bad)
    _tally(summary.inputs, summary.articles, summary.quotes, len(failed))
    err.print(f"{output}: {summary.partitions} part file(s), {format.value}", highlight=False)
    if failed and (strict or not summary.inputs):
        raise typer.Exit(1)
