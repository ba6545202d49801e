"""Readers: text encodings, HTML, JSONL, directories, stdin; bad inputs become one-line errors."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import ingest
from quotes.ingest import InputError
from quotes.ingest.text import decode

ROOT = Path(__file__).resolve().parent.parent
TEXT = "« Nous irons à Noël », a déclaré l’élue. Œuvre déjà vue — été chaud.\n"
HTML = """<!DOCTYPE html><html><head><title>Le maire s'explique - Le Courrier</title>
<meta property="og:site_name" content="Le Courrier du Lac">
<meta property="og:title" content="Le maire s'explique">
<meta name="date" content="2024-03-01"></head>
<body><nav><ul><li>Accueil</li><li>Monde</li></ul></nav>
<article><h1>Le maire s'explique</h1>
<p>« Nous allons reconstruire le pont avant l'hiver », a déclaré mardi le maire, Paul Tremblay,
devant le conseil municipal réuni en séance extraordinaire pour l'occasion.</p>
<p>Il a ajouté que les travaux commenceraient dès le mois prochain, selon le calendrier présenté
aux élus, qui ont voté le budget à l'unanimité après un long débat.</p></article>
<footer>© 2024 Le Courrier. Tous droits réservés.</footer></body></html>"""


# -- decoding ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_decode_gives_the_same_text_in_every_encoding(encoding):
    assert decode(TEXT.encode(encoding), "x") == TEXT


def test_decode_latin1_text():
    text = "« Le député a répondu à la télé », a-t-il précisé.\n"
    assert decode(text.encode("latin-1"), "x") == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
    (bytes(range(1, 9)) * 400, "binary file"),
    ("« Déjà là », dit-il.".encode() + b"\xff\xfe\xfa" + "été".encode(), "undecodable bytes"),
])
def test_decode_refuses_what_is_not_text(data, reason):
    got = decode(data, "f.txt")
    assert isinstance(got, InputError)
    assert got.message.startswith(reason) and "\n" not in got.message


def test_decode_keeps_control_characters_when_few():
    text = "Le maire\x07 a parlé longuement du budget de la ville cette semaine. " * 50
    assert decode(text.encode(), "x") == text  # kept: offsets still index the text


# -- files and directories -----------------------------------------------------------------------

def test_txt_file_doc_id_is_stem_and_bom_dropped(tmp_path):
    (tmp_path / "article-1.txt").write_bytes(TEXT.encode("utf-8-sig"))
    [article] = ingest.read(str(tmp_path / "article-1.txt"))
    assert article.doc_id == "article-1" and article.text == TEXT


def test_directory_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    got = list(ingest.expand([str(tmp_path)]))
    assert [Path(p).relative_to(tmp_path).as_posix() for p in got] == ["a.txt", "b/z.txt", "c.html"]


def test_missing_path_and_empty_directory_are_errors(tmp_path):
    got = list(ingest.articles([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [type(g) for g in got] == [InputError, InputError]
    assert "no such file" in got[0].message and "no " in got[1].message


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Le maire a dit bonjour. " * 2000)
    [got] = list(ingest.iter_read(str(big), max_bytes=10_000))
    assert isinstance(got, InputError) and got.message.startswith("too large")


# -- HTML ----------------------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    [article] = ingest.read(str(page))
    assert article.doc_id == "page"
    assert "« Nous allons reconstruire le pont avant l'hiver »" in article.text
    assert "Accueil" not in article.text  # the menu is not the article
    assert article.title == "Le maire s'explique"
    assert article.date == "2024-03-01"
    assert article.outlet == "Le Courrier du Lac"


def test_html_without_text_is_an_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>",
                    encoding="utf-8")
    got = ingest.read(str(page))
    assert isinstance(got, InputError) and "no article text" in got.message


# -- JSONL ---------------------------------------------------------------------------------------

def test_jsonl_records_text_html_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": TEXT, "url": "https://ex.fr/a1", "date": "2024-01-02",
                    "title": "Noël", "outlet": "Ex"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": "a2", "html": HTML}),
        json.dumps({"id": "a3"}),
        json.dumps({"text": "Le préfet a parlé longuement."}),
        json.dumps([1, 2]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(ingest.iter_read(str(path)))
    good = [g for g in got if not isinstance(g, InputError)]
    bad = [g for g in got if isinstance(g, InputError)]
    assert [a.doc_id for a in good] == ["a1", "a2", "feed-6"]
    assert good[0].text == TEXT and good[0].url == "https://ex.fr/a1" and good[0].outlet == "Ex"
    assert "reconstruire le pont" in good[1].text and good[1].title == "Le maire s'explique"
    assert [b.source for b in bad] == [f"{path}:3", f"{path}:5", f"{path}:7"]
    assert "invalid JSON" in bad[0].message and "no `text` or `html`" in bad[1].message


def test_jsonl_line_with_bad_bytes_is_one_error(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "text": "Bonjour à tous."}).encode() + b"\n"
                     + b'{"id": "x", "text": "\xff\xfe"}\n')
    got = list(ingest.iter_read(str(path)))
    assert got[0].doc_id == "ok" and isinstance(got[1], InputError) and got[1].source.endswith(":2")


# -- stdin ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload, kind", [
    (TEXT.encode("cp1252"), "txt"),
    (HTML.encode(), "html"),
    ((json.dumps({"id": "s1", "text": TEXT}) + "\n").encode(), "jsonl"),
])
def test_stdin_is_sniffed(monkeypatch, payload, kind):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    [article] = ingest.read("-")
    if kind == "txt":
        assert article.doc_id == "stdin" and article.text == TEXT
    elif kind == "html":
        assert "reconstruire le pont" in article.text
    else:
        assert article.doc_id == "s1" and article.text == TEXT


# -- the command line on a mix of good and bad files ----------------------------------------------

def _quotes_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", *args],
                          input=stdin, capture_output=True, cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("messy")
    (d / "good.txt").write_text(TEXT, encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "good-1252.txt").write_bytes(TEXT.encode("cp1252"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 500)
    (d / "broken.txt").write_bytes("Déjà vu, été. ".encode() * 20 + b"\xff\xfe")
    (d / "controls.txt").write_bytes(bytes(range(1, 31)) * 100)
    (d / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": TEXT}) + "\nnot json\n", encoding="utf-8")
    return d


@pytest.mark.model
def test_cli_bad_files_reported_good_records_written(messy, tmp_path):
    out = tmp_path / "o.jsonl"
    run = _quotes_cli("extract", str(messy), "--output", str(out))
    err = run.stderr.decode()
    assert run.returncode == 0, err
    assert "Traceback" not in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({r["doc_id"] for r in records}) == ["good", "good-1252", "j1"]
    assert all(r["text"] == "Nous irons à Noël" for r in records)
    errors = [line for line in err.splitlines() if line.startswith("error ")]
    assert len(errors) == 5  # empty, binary, broken, controls, the bad JSONL line: one line each
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("feed.jsonl:2: invalid JSON" in e for e in errors)
    assert "failed" in err.splitlines()[-1]  # the summary comes last


@pytest.mark.model
def test_cli_strict_and_all_failed_exit_non_zero(messy, tmp_path):
    assert _quotes_cli("extract", str(messy), "--strict", "-o", str(tmp_path / "o.jsonl")).returncode == 1
    run = _quotes_cli("extract", str(messy / "empty.txt"), str(messy / "binary.txt"))
    assert run.returncode == 1 and b"Traceback" not in run.stderr


@pytest.mark.model
def test_cli_with_text_carries_the_article_and_offsets_index_it(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    run = _quotes_cli("extract", str(page), "--with-text")
    assert run.returncode == 0, run.stderr.decode()
    records = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert records, "the HTML page has a quote"
    for r in records:
        assert r["article"]["text"][r["start"]:r["end"]] == r["text"]
        assert r["article"]["title"] == "Le maire s'explique"


@pytest.mark.model
def test_windows_1252_copy_of_a_seed_gives_the_same_quotes(tmp_path):
    seed = (ROOT / "corpus" / "seed-000.txt").read_text(encoding="utf-8")
    (tmp_path / "utf8").mkdir()
    (tmp_path / "cp1252").mkdir()
    (tmp_path / "utf8" / "seed-000.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "cp1252" / "seed-000.txt").write_bytes(seed.encode("cp1252"))
    a = _quotes_cli("extract", str(tmp_path / "utf8"))
    b = _quotes_cli("extract", str(tmp_path / "cp1252"))
    assert a.returncode == b.returncode == 0
    assert a.stdout and a.stdout == b.stdout


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n\r\n"])
def test_line_ends_read_as_python_reads_a_text_file(tmp_path, eol):
    text = "« Nous irons », a dit le maire." + eol + "Il a ajouté que le budget serait voté." + eol
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    got = decode(path.read_bytes(), "a.txt")
    assert got == path.read_text(encoding="utf-8") == open(path, encoding="utf-8").read()
    assert "\r" not in got


def test_a_jsonl_text_keeps_its_carriage_returns(tmp_path):
    """Only files are read as Python's text mode reads them; a JSONL text is the text as given."""
    text = "« Nous irons », a dit le maire.\r\nIl a ajouté que le budget serait voté.\r\n"
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    (article,) = list(ingest.iter_read(str(path)))
    assert article.text == text
