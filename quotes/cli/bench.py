"""`quotes bench`: articles/s, words/s and peak RSS of extraction, against bare full parsing."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from .extract import BACKEND, MODEL, SIEVES, _options


@app.command()
def bench(
    paths: list[str] = typer.Argument(..., help="Files or directories of articles (any input kind)."),
    repeat: int = typer.Option(1, "--repeat", "-r", min=1, help="Repeat the articles this many times."),
    workers: str = typer.Option("1,2", "--workers", "-w", help="Comma-separated worker counts to run."),
    bare: bool = typer.Option(True, "--bare/--no-bare", help="Also time bare nlp.pipe full parsing."),
    rounds: int = typer.Option(1, "--rounds", min=1,
                               help="Time every run this many times, in turn, and report the medians."),
    spark: str = typer.Option("", "--spark", help="Comma-separated Spark masters to run too (local[1],local[2]): "
                                                  "`quotes spark`'s extraction, needs the spark extra."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Spark partitions [default: 4 per core]."),
    backend: str = BACKEND,
    model: Optional[str] = MODEL,
    sieves: Optional[str] = SIEVES,
) -> None:
    """Time extraction on PATHS with 1..N workers (and Spark masters) against the same texts parsed in
    full by nlp.pipe."""
    from .. import bench as b
    from ..errors import QuotesError

    try:
        counts = [int(w) for w in workers.split(",") if w.strip()]
    except ValueError:
        raise QuotesError(f"--workers {workers!r}: expected numbers like 1,2") from None
    articles, bad = b.load(paths, repeat)
    if not articles:
        raise QuotesError("no readable articles in " + " ".join(paths))
    out = Console(soft_wrap=True, width=160)
    out.print(f"{len(articles)} articles ({len(articles) // repeat} x {repeat}), {b.words(articles):,} words"
              + (f", {len(bad)} bad input(s) skipped" if bad else ""), highlight=False)
    options = _options(backend, model, sieves)
    masters = [m.strip() for m in spark.split(",") if m.strip()]
    if masters:
        from ..spark import require

        require()
    runs = b.timed(articles, counts, options, bare, rounds, masters, partitions)
    base = runs[0] if bare else None
    ones = {b.kind(r): r for r in runs if r.workers == 1 and r is not base}
    seconds = "seconds" if rounds == 1 else f"seconds (median of {rounds})"
    table = Table("run", seconds, "articles/s", "words/s", "peak RSS/process", "time vs bare", "speed-up",
                  "quotes")
    for r in runs:
        spread = f" ({min(r.samples):.1f}–{max(r.samples):.1f})" if rounds > 1 else ""
        table.add_row(r.name, f"{r.seconds:.1f}{spread}", f"{r.articles_per_s:.1f}", f"{r.words_per_s:,.0f}",
                      f"{r.max_rss_mb:.0f} MB",
                      f"{r.seconds / base.seconds:.2f}x" if base and r is not base else "",
                      f"{ones[b.kind(r)].seconds / r.seconds:.2f}x" if b.kind(r) in ones and r is not base else "",
                      str(r.quotes) if r is not base else "")
    out.print(table)
    for line in b.ratios(runs):
        out.print(line, highlight=False)
