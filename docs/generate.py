"""Regenerate the generated parts of docs/ from the code and from real runs on corpus/.

A generated part sits between `<!-- generated: KIND ARG -->` and `<!-- end -->`:
  schema            the output contract as the pydantic JSON schema of `Quote`
  sieves            the sieve table, from `quotes.sieves.SIEVES`
  run COMMAND...    the command's real output (run from the repository root)
  steps A ;; B ...  commands run in turn in a new directory holding corpus/, each with its output
  help COMMAND      `quotes COMMAND --help`

    python docs/generate.py           rewrite docs/*.md
    python docs/generate.py --check   exit 1 if any generated part is stale (the docs test runs this)
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"(<!-- generated: (?P<spec>[^>]*?) -->\n)(?P<body>.*?)(<!-- end -->)", re.S)


def _schema() -> str:
    from quotes.model import Quote

    return "```json\n" + json.dumps(Quote.model_json_schema(), indent=2, ensure_ascii=False) + "\n```\n"


def _sieves() -> str:
    from quotes.sieves import SIEVES

    rows = ["| rule | confidence | on by default | what it recognises |", "| --- | --- | --- | --- |"]
    for s in SIEVES:
        doc = " ".join((s.__doc__ or "").split()).replace("|", "\\|")
        rows.append(f"| `{s.name}` | {s.confidence:.2f} | {'yes' if s.enabled else 'no'} | {doc} |")
    return "\n".join(rows) + "\n"


def _run(command: str, cwd: Path = ROOT) -> str:
    return f"```console\n{_step(command, cwd)}\n```\n"


def _step(command: str, cwd: Path) -> str:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    command, _, stdin = command.partition(" <<< ")  # `quotes extract - <<< text`: the text on stdin
    args = shlex.split(command)
    stdin = stdin or None
    exe = [sys.executable, "-c", "from quotes.cli import main; main()"] + args[1:] if args[0] == "quotes" else args
    r = subprocess.run(exe, input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    out = (r.stdout + r.stderr).rstrip("\n")
    shown = command + (f" <<< '{stdin}'" if stdin else "")
    return f"$ {shown}" + (f"\n{out}" if out else "")


def _steps(commands: str) -> str:
    """Commands run one after the other in a new empty directory holding `corpus/` (what they write
    stays out of the repository, and a second run finds the directory as the first did)."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "corpus").symlink_to(ROOT / "corpus")
        shown = [_step(c.strip(), Path(tmp)) for c in commands.split(";;")]
    return "```console\n" + "\n".join(shown) + "\n```\n"


def render(spec: str) -> str:
    kind, _, arg = spec.partition(" ")
    if kind == "schema":
        return _schema()
    if kind == "sieves":
        return _sieves()
    if kind == "run":
        return _run(arg)
    if kind == "steps":
        return _steps(arg)
    if kind == "help":
        return _run(f"quotes {arg} --help")
    raise SystemExit(f"unknown generated part {spec!r}")


def main(check: bool) -> int:
    stale = []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        new = BLOCK.sub(lambda m: m.group(1) + render(m.group("spec")) + m.group(4), text)
        if new != text:
            stale.append(path.name)
            if not check:
                path.write_text(new, encoding="utf-8")
    if stale:
        print(("stale: " if check else "rewrote: ") + ", ".join(stale))
    return 1 if stale and check else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
