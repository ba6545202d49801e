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

app = typer.Typer(help="Extract attributed quotes from French news.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)


def main() -> None:
    """Entry point: no traceback reaches the user (QUOTES_DEBUG=1 shows them)."""
    try:
        app(prog_name="quotes")  # usage errors and exit codes are handled by typer; ours are below
    except QuotesError as e:
        err.print(f"[red]error[/red]: {escape(e.message)}" + (f" ({escape(e.hint)})" if e.hint else ""),
                  highlight=False)  # escaped: a message may hold brackets ('.[spark]', a file name)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:  # the last guard: one line, not a traceback
        if os.environ.get("QUOTES_DEBUG"):
            raise
        err.print(f"[red]internal error[/red]: {type(e).__name__}: {e}\n  hint: re-run with QUOTES_DEBUG=1 "
                  "for details, and report it", highlight=False)
        sys.exit(3)


from . import extract as _extract  # noqa: E402,F401  (registers the commands)
from . import store as _store  # noqa: E402,F401  (db add, search, speakers, serve)
from . import bench as _bench  # noqa: E402,F401
from . import spark as _spark  # noqa: E402,F401  (quotes spark)
from . import learn as _learn  # noqa: E402,F401  (train)
