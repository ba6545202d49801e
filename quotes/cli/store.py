"""`quotes db add`, `quotes search`, `quotes speakers`, `quotes serve`: the quote database doors.

Each mirrors the library: `quotes search` ↔ `QuoteDB.search()`, `quotes speakers` ↔
`QuoteDB.speakers()`, `quotes db add` ↔ `QuoteDB.add_jsonl()` (JSONL or Parquet), `quotes serve` ↔ `web.serve()`.
"""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import QuotesError
from . import app, err

DB = typer.Option(Path(os.environ.get("QUOTES_DB", "quotes.db")), "--db",
                  help="The quotes database (default: $QUOTES_DB or quotes.db).")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


FORMAT = typer.Option(Format.table, "--format", "-f", help="table (for a terminal) or jsonl (one record a line).")

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
                    err.print(f"[red]error[/red] {e}", highlight=False)
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
           limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many quotes to show."),
           page: int = typer.Option(1, "--page", min=1, help="Which page of results."),
           format: Format = FORMAT, db: Path = DB) -> None:
    """Search the quote database, best match first."""
    with _open(db) as store:
        result = store.search(text, speaker=speaker, outlet=outlet, since=since, page=page, per_page=limit)
    if format is Format.jsonl:
        for q in result.quotes:
            typer.echo(q.model_dump_json())
        return
    out = Console(soft_wrap=False)
    table = Table(show_lines=True, title=f"{result.total} quote(s)" + (f", page {page}" if page > 1 else ""))
    table.add_column("#", justify="right", style="dim")
    table.add_column("Quote", ratio=3)
    table.add_column("Speaker", ratio=1)
    table.add_column("Cue", ratio=1)
    table.add_column("Articles", ratio=1)
    for q in result.quotes:
        who = Text(q.speaker or "—", style="bold")
        if q.role:
            who.append(f"\n{q.role}", style="italic")
        where = "\n".join(filter(None, {(o.article.outlet or o.article.doc_id) + (f" {o.article.date}" if o.article.date
                                                                                   else ""): 1
                                        for o in q.occurrences}))
        table.add_row(str(q.id), Text(f"« {q.text} »"), who, Text(q.cue or ""), Text(where))
    out.print(table)


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
    table = Table(title=f"{len(rows)} speaker(s)")
    for col, just in (("Speaker", "left"), ("Roles", "left"), ("Quotes", "right"), ("Articles", "right"),
                      ("First", "left"), ("Last", "left")):
        table.add_column(col, justify=just)
    for s in rows:
        table.add_row(Text(s.name, style="bold"), Text("; ".join(s.roles)), str(s.quotes), str(s.articles),
                      s.first_date or "", s.last_date or "")
    Console().print(table)


@app.command()
def serve(db: Path = DB,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
          port: int = typer.Option(8765, "--port", help="Port to listen on (0: any free port)."),
          ) -> None:
    """Serve the searchable quote list (and its JSON API) on http://HOST:PORT/."""
    from ..web.app import serve as run

    _open(db).close()  # a missing or foreign file is a one-line error, before we listen
    run(db, host, port, announce=lambda url: err.print(f"serving {db} on {url} (Ctrl-C to stop)", highlight=False))
