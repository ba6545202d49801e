"""The `quotes` command line: each command builds its options, calls the library, reports errors.

CLI mirrors the library: `quotes extract` ↔ `Extractor.extract()`, `quotes eval` ↔ `evaluate.score()`.
Commands live in the modules of this package, one per family, registered on the one `app`.
A `QuotesError` becomes one line with a hint and a non-zero exit; no traceback reaches the user.
"""
from __future__ import annotations

import os
import sys

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import QuotesError

# rich_markup_mode=None: plain click help, which shows no `<bool>` beside flags
app = typer.Typer(help="Extract attributed quotes from French news.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
err = Console(stderr=True, soft_wrap=True)


def error(label: str, text: str) -> None:
    """`error: text` on stderr, the text escaped so rich prints `pip install 'quotes[stanza]'` whole."""
    err.print(f"[red]{label}[/red]{escape(text)}", highlight=False)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"quotes {version('quotes')}")
        raise typer.Exit()


@app.callback()
def _root(show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                            help="Print the version and exit.")) -> None:
    """Extract attributed quotes from French news."""


def main() -> None:
    """Entry point: no traceback reaches the user (QUOTES_DEBUG=1 shows them)."""
    try:
        app(prog_name="quotes")  # usage errors and exit codes are handled by typer; ours are below
    except QuotesError as e:
        error("error", f": {e.message}" + (f" ({e.hint})" if e.hint else ""))
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:  # the last guard: one line, not a traceback
        if os.environ.get("QUOTES_DEBUG"):
            raise
        error("internal error", f": {type(e).__name__}: {e}\n  hint: re-run with QUOTES_DEBUG=1 for details, "
              "and report it")
        sys.exit(3)


from . import extract as _extract  # noqa: E402,F401  (registers the commands)
from . import store as _store  # noqa: E402,F401  (db add, search, speakers, serve)
from . import bench as _bench  # noqa: E402,F401
from . import spark as _spark  # noqa: E402,F401  (quotes spark)
from . import learn as _learn  # noqa: E402,F401  (train)
