"""The docs show real output: generated parts are up to date, every command is documented and has help."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", text, re.S)


@pytest.mark.model
def test_readme_database_section_runs_line_by_line_after_the_main_job(tmp_path):
    """A new user's shell: the main job's extraction, then each line of the database section as typed."""
    venv_quotes = Path(sys.prefix) / "bin" / "quotes"
    if not venv_quotes.exists():
        pytest.skip(f"{venv_quotes} is not installed (the README installs it in .venv)")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    main_job = _bash_blocks(readme)[0].strip().split(" && ")[-1]
    assert main_job.startswith(".venv/bin/quotes extract") and "--db quotes.db" in main_job
    section = readme[readme.index("## The quote database"):]
    lines = [line.split("  #")[0].strip() for line in _bash_blocks(section)[0].splitlines() if line.strip()]
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("QUOTES_DB", None)
    for line in [main_job, *lines]:
        if line.endswith("quotes serve"):
            continue
        r = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=900)
        assert r.returncode == 0, f"{line}\n{r.stdout}{r.stderr}"
    assert "John Kerry" in subprocess.run(["bash", "-c", lines[0]], cwd=tmp_path, capture_output=True, text=True,
                                          env=env).stdout
    assert (tmp_path / "kerry.csv").read_text(encoding="utf-8").startswith("id,type,text,")
    serve = next(line for line in lines if line.endswith("quotes serve"))
    # as typed, on a free port (8765 may be taken on this machine): it must find quotes.db and listen
    proc = subprocess.Popen(["bash", "-c", f"exec {serve} --port 0"], cwd=tmp_path, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        announce = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert announce.startswith("serving quotes.db on http://127.0.0.1:"), announce


def test_gitignore_covers_what_the_readme_writes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = set(re.findall(r"(?:--output|--db|>)\s+([\w.-]+\.(?:jsonl|db|csv))", readme))
    assert {"quotes.jsonl", "quotes.db", "kerry.csv"} <= written
    for name in written:
        r = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT)
        assert r.returncode == 0, f"{name} is not in .gitignore"
