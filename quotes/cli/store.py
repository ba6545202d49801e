"""`quotes db add`, `quotes search`, `quotes speakers`, `quotes stats`, `quotes serve`: the database doors.

Each mirrors the library: `quotes search` ↔ `QuoteDB.search()` (`--all` ↔ `search_all()`),
`quotes speakers` ↔ `QuoteDB.speakers()`, `quotes stats` ↔ `QuoteDB.figures()`, `quotes db add` ↔
`QuoteDB.add_jsonl()` (JSONL or Parquet), `quotes serve` ↔ `web.serve()`.
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import QuotesError
from ..store.search import DEFAULT_MIN_CONFIDENCE
from . import app, err, error
from . import display as show

DB = typer.Option(Path(os.environ.get("QUOTES_DB", "quotes.db")), "--db",
                  help="The quotes database (default: $QUOTES_DB or quotes.db).")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Order(str, Enum):
    relevance = "relevance"
    newest = "newest"
    oldest = "oldest"


FORMAT = typer.Option(Format.table, "--format", "-f", help="table (for a terminal), jsonl (one record a line) or csv.")

db_app = typer.Typer(help="Manage the quote database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _open(path: Path, readonly: bool = True):
    from ..store import QuoteDB

    return QuoteDB(path, readonly=readonly)


@db_app.command("add")
def db_add(paths: list[Path] = typer.Argument(..., help="JSONL files of quotes (`quotes extract`), or directories "
                                                      "of JSONL or Parquet part files (`quotes spark`)."),
           db: Path = DB) -> None:
    """Add the quotes of PATHS to the database (re-adding an article replaces it)."""
    from ..store import parts

    tried = failed = 0
    with _open(db, readonly=False) as store:
        for path in paths:
            try:
                found = parts.files(path)
            except QuotesError as e:
                found = [e]
            added = []
            for f in found:  # one bad part file never loses the others
                try:
                    if isinstance(f, QuotesError):
                        raise f
                    added.append(store.add_jsonl(f))
                except QuotesError as e:
                    error("error", f" {e}")
            tried, failed = tried + len(found), failed + len(found) - len(added)
            if added:
                err.print(f"{path}: {sum(a for a, _ in added)} article(s), {sum(q for _, q in added)} quote(s)"
                          + (f" from {len(added)} part file(s)" if path.is_dir() else ""), highlight=False)
        c = store.counts()
    err.print(f"{db}: {c['articles']} articles, {c['quotes']} quotes ({c['occurrences']} occurrences), "
              f"{c['speakers']} speakers", highlight=False)
    if failed == tried:
        raise typer.Exit(1)


@app.command()
def search(text: str = typer.Argument("", help="Words to find in quotes and speaker names (accents ignored)."),
           speaker: Optional[str] = typer.Option(None, "--speaker", help="Only quotes by speakers whose name has this."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Only quotes reported by this outlet."),
           since: Optional[str] = typer.Option(None, "--since", help="Only quotes in articles dated on or after YYYY-MM-DD."),
           min_confidence: float = typer.Option(DEFAULT_MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
                                                help="Only quotes attributed with at least this confidence "
                                                     "(0 shows the unattributed ones too)."),
           known: bool = typer.Option(False, "--known", help="Only quotes with a named speaker."),
           order: Optional[Order] = typer.Option(None, "--order", help="relevance (the default with TEXT), newest "
                                                 "(the default without) or oldest."),
           limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many quotes to show."),
           page: int = typer.Option(1, "--page", min=1, help="Which page of results."),
           every: bool = typer.Option(False, "--all", help="Every match, not one page (for --format csv or jsonl)."),
           format: Format = FORMAT, db: Path = DB) -> None:
    """Search the quote database, best match first."""
    from ..store import export

    filters = dict(speaker=speaker, outlet=outlet, since=since, min_confidence=min_confidence, known=known,
                   order=order.value if order else None)
    if every and format is Format.table:
        raise QuotesError("--all is for exports", "add --format csv or --format jsonl")
    with _open(db) as store:
        if format is not Format.table:
            quotes = store.search_all(text, **filters) if every else \
                store.search(text, **filters, page=page, per_page=limit).quotes
            for line in export.csv_lines(quotes) if format is Format.csv else export.jsonl_lines(quotes):
                sys.stdout.write(line)
            return
        result = store.search(text, **filters, page=page, per_page=limit)
        hidden = store.search(text, **{**filters, "min_confidence": 0}, per_page=1).total - result.total \
            if min_confidence > 0 else 0
    out = Console(soft_wrap=False)
    table = Table(show_lines=True, title=f"{result.total} quote(s)" + (f", page {result.page}" if result.page > 1 else ""))
    table.add_column("#", justify="right", style="dim")
    table.add_column("Quote", ratio=3)
    table.add_column("Speaker", ratio=1)
    table.add_column("Cue", ratio=1)
    table.add_column("Articles", ratio=1)
    for q in result.quotes:
        table.add_row(str(q.id), show.quote(q), show.speaker(q), Text(show.cue(q.cue)), show.articles(q))
    out.print(table)
    if hidden:
        err.print(f"{hidden} quote(s) attributed with a confidence under {min_confidence:g} hidden "
                  "(--min-confidence 0 shows them)", highlight=False)


@app.command()
def speakers(top: Optional[int] = typer.Option(None, "--top", min=1, help="Only the N most quoted."),
             format: Format = FORMAT, db: Path = DB) -> None:
    """List speakers across articles: roles seen, quote and article counts, first and last date."""
    with _open(db) as store:
        rows = store.speakers(top)
    if format is Format.jsonl:
        for s in rows:
            typer.echo(s.model_dump_json())
        return
    if format is Format.csv:
        raise QuotesError("quotes speakers writes a table or jsonl", "use --format jsonl")
    table = Table(title=f"{len(rows)} speaker(s)")
    for col, just in (("Speaker", "left"), ("Kind", "left"), ("Roles", "left"), ("Quotes", "right"),
                      ("Articles", "right"), ("First", "left"), ("Last", "left")):
        table.add_column(col, justify=just)
    for s in rows:
        table.add_row(Text(s.name, style="bold"), show.KINDS.get(s.kind, s.kind), Text("; ".join(s.roles)),
                      str(s.quotes), str(s.articles), s.first_date or "", s.last_date or "")
    Console().print(table)


@app.command()
def stats(top: int = typer.Option(10, "--top", min=1, help="How many of the most quoted speakers to list."),
          format: Format = FORMAT, db: Path = DB) -> None:
    """The figures page in the terminal: most quoted speakers, quotes by outlet and kind of source, per week."""
    with _open(db) as store:
        figures = store.figures(top)
    if format is Format.jsonl:
        typer.echo(figures.model_dump_json())
        return
    if format is Format.csv:
        raise QuotesError("quotes stats writes tables or jsonl", "use --format jsonl")
    show.figures(Console(), figures)


@app.command()
def serve(db: Path = DB,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
          port: int = typer.Option(8765, "--port", help="Port to listen on (0: any free port)."),
          allow_host: list[str] = typer.Option([], "--allow-host", help="A Host name the server answers to besides "
                                               "the loopback names and --host (repeat it; see docs/deploy.md)."),
          ) -> None:
    """Serve the searchable quote list (and its JSON API) on http://HOST:PORT/."""
    from ..web.server import serve as run

    _open(db).close()  # a missing or foreign file is a one-line error, before we listen
    run(db, host, port, allow_host,
        announce=lambda url: err.print(f"serving {db} on {url} (Ctrl-C to stop)", highlight=False))
