"""Regenerate the generated parts of README.md and docs/ from the code and from real runs.

A generated part sits between `<!-- generated: KIND ARG -->` and `<!-- end -->`:
  schema            the output contract as the pydantic JSON schema of `Quote`
  sieves            the sieve table, from `quotes.sieves.SIEVES`
  run COMMAND       the command's real output (stdout and stderr as a terminal shows them)
  help COMMAND      `quotes COMMAND --help`
  record FILE TEXT  the record of `quotes extract FILE` whose text starts with TEXT, a field a line
  python            the part's ```python block, run, and its output below it
  serve ARGS        the line `quotes serve ARGS` prints when it starts (it is then stopped)
  api PATH          what `curl -s http://127.0.0.1:8765/PATH` prints from `quotes serve` over quotes.db

Each file's commands run in order in a scratch folder of their own, as a new user's shell would
run them after the README's first command: `corpus/` and `docs/` are there, `quotes` is on PATH,
and a command's files (`quotes.db`, `out.jsonl`) are left for the next. `serve` listens on a free
port and shows it as the default 8765.

    python docs/generate.py           rewrite README.md and docs/*.md
    python docs/generate.py --check   exit 1 if any generated part is stale (the docs test runs this)
    python docs/generate.py database.md   only the files named
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
BLOCK = re.compile(r"(<!-- generated: (?P<spec>[^\n]*?) -->\n)(?P<body>.*?)(<!-- end -->)", re.S)
PYTHON = re.compile(r"```python\n(.*?)```\n", re.S)
DEFAULT_PORT = 8765


def files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


class Shell:
    """A scratch folder where one file's commands run in order, `quotes` on PATH."""

    def __init__(self, folder: Path):
        self.cwd = folder
        for name in ("corpus", "docs"):
            (folder / name).symlink_to(ROOT / name)
        bin_dir = folder / ".bin"
        bin_dir.mkdir()
        shim = bin_dir / "quotes"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "from quotes.cli import main; main()" "$@"\n')
        shim.chmod(0o755)
        self.env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1",
                        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
                        PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")

    def run(self, command: str, stdin: str | None = None) -> str:
        r = subprocess.run(["bash", "-c", "{ " + command + "\n} 2>&1"], input=stdin, stdout=subprocess.PIPE, text=True,
                           cwd=self.cwd, env=self.env, timeout=900)
        return r.stdout.rstrip("\n")

    def console(self, command: str) -> str:
        command, _, stdin = command.partition(" <<< ")  # `quotes extract - <<< text`: the text on stdin
        shown = command + (f" <<< '{stdin}'" if stdin else "")
        return f"```console\n$ {shown}\n{self.run(command, stdin or None)}\n```\n"

    def record(self, arg: str) -> str:
        """The record of `quotes extract FILE` whose text starts with the words given, a field a line."""
        path, start = shlex.split(arg)
        lines = self.run(f"quotes extract {shlex.quote(path)} 2>/dev/null").splitlines()
        found = next(rec for rec in map(json.loads, lines) if rec["text"].startswith(start))
        fields = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in found.items())
        return "```json\n{\n" + fields + "\n}\n```\n"

    def python(self, body: str) -> str:
        m = PYTHON.search(body)
        if not m:
            raise SystemExit("a `python` part needs a ```python block to run")
        r = subprocess.run([sys.executable, "-c", m.group(1)], capture_output=True, text=True, cwd=self.cwd,
                           env=self.env, timeout=600)
        out = (r.stdout + r.stderr).rstrip("\n")
        return f"```python\n{m.group(1)}```\n\n```text\n{out}\n```\n"

    def serve(self, args: str) -> str:
        command = f"quotes serve {args}"
        proc = subprocess.Popen(["bash", "-c", f"exec {command} --port 0"], stderr=subprocess.PIPE, text=True,
                                cwd=self.cwd, env=self.env)
        try:
            line = proc.stderr.readline().rstrip("\n")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        line = re.sub(r"(http://127\.0\.0\.1):\d+/", rf"\1:{DEFAULT_PORT}/", line)
        return f"```console\n$ {command}\n{line}\n```\n"

    def api(self, path: str) -> str:
        from quotes.web.app import App

        got: dict = {}
        route, _, query = path.partition("?")
        environ = {"PATH_INFO": "/" + route, "QUERY_STRING": query, "REQUEST_METHOD": "GET"}
        body = b"".join(App(self.cwd / "quotes.db")(environ, lambda status, headers: got.update(status=status)))
        return (f"```console\n$ curl -s 'http://127.0.0.1:{DEFAULT_PORT}/{path}'\n"
                f"{body.decode('utf-8').rstrip()}\n```\n")


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


def render(shell: Shell, spec: str, body: str) -> str:
    kind, _, arg = spec.partition(" ")
    if kind == "schema":
        return _schema()
    if kind == "sieves":
        return _sieves()
    if kind == "run":
        return shell.console(arg)
    if kind == "help":
        return shell.console(f"quotes {arg} --help")
    if kind == "record":
        return shell.record(arg)
    if kind == "python":
        return shell.python(body)
    if kind == "serve":
        return shell.serve(arg)
    if kind == "api":
        return shell.api(arg)
    raise SystemExit(f"unknown generated part {spec!r}")


def main(check: bool, only: list[str]) -> int:
    stale = []
    for path in files():
        if only and path.name not in only:
            continue
        text = path.read_text(encoding="utf-8")
        if not BLOCK.search(text):
            continue
        with tempfile.TemporaryDirectory(prefix="quotes-docs-") as scratch:
            shell = Shell(Path(scratch))
            new = BLOCK.sub(lambda m: m.group(1) + render(shell, m.group("spec"), m.group("body")) + m.group(4), text)
        if new != text:
            stale.append(path.name)
            if not check:
                path.write_text(new, encoding="utf-8")
    if stale:
        print(("stale: " if check else "rewrote: ") + ", ".join(stale))
    return 1 if stale and check else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv, [a for a in sys.argv[1:] if not a.startswith("--")]))
