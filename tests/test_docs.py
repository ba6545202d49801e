"""The docs show real output: generated parts are up to date, every command is documented and has help."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.model
def test_docs_generated_parts_are_up_to_date():
    r = subprocess.run([sys.executable, str(ROOT / "docs" / "generate.py"), "--check"], capture_output=True,
                       text=True, cwd=ROOT, timeout=900)
    assert r.returncode == 0, f"{r.stdout}{r.stderr} — run: python docs/generate.py"


def test_every_command_is_documented_and_has_help():
    import typer.main

    from quotes.cli import app

    group = typer.main.get_command(app)
    docs = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for name, command in group.commands.items():
        assert command.help, f"`quotes {name}` has no help"
        assert f"quotes {name}" in docs, f"`quotes {name}` is not shown in docs/"
