"""`quotes serve`: the JSON API, the page's safety, and an end-to-end run in a real chromium."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib import resources
from pathlib import Path

import pytest

from quotes.store import QuoteDB
from quotes.web.app import STATIC
from quotes.web.server import serve_in_thread

from test_store import LA_VEILLE, LE_JOUR, article
from test_store_views import ANONYMOUS, NOBODY, PARAPHRASE

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("QUOTES_CHROMIUM", "/usr/bin/chromium")
CHART_SHA256 = "48444a82d4edcb5bec0f1965faacdde18d9c17db3063d042abada2f705c9f54a"  # chart.js@4.5.1 dist/chart.umd.min.js

# Article-derived text that would run as HTML if the page were careless.
HOSTILE = article("piege-1", [('<img id="pwned" src=x onerror="document.title=\'pwned\'"> nous refusons ce texte',
                               "«»", "Léa <b id=\"bold\">Roux</b>", "<i>porte-parole</i>")],
                  outlet='<script>document.title="pwned"</script>', url="javascript:alert(1)", date="2024-04-01",
                  title='<a id="live" href="javascript:alert(2)">Titre piégé</a>')
ARTICLES = (LE_JOUR, LA_VEILLE, HOSTILE, PARAPHRASE, ANONYMOUS, NOBODY)


def fill(path: Path, bulk: int) -> None:
    """The test articles, and `bulk` one-quote articles by Hugo Petit (enough for a second page)."""
    with QuoteDB(path) as db:
        for art in ARTICLES:
            db.add_article(*art)
        for i in range(bulk):
            db.add_article(*article(f"bulk-{i}", [(f"Le chantier numéro {i} avance selon le calendrier prévu "
                                                   f"par la mairie", "«»", "Hugo Petit", "maire")],
                                    outlet="Le Quartier", date=f"2023-01-{i + 1:02d}"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    fill(path, 25)
    srv, url = serve_in_thread(path)
    yield url
    srv.shutdown()
    srv.server_close()


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_api_quotes_search_and_filters(server):
    status, headers, body = get(server + "api/quotes?q=etape+importante")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    data = json.loads(body)
    assert data["total"] == 1
    q = data["quotes"][0]
    assert q["speaker"] == "Claire Durand" and len(q["occurrences"]) == 2
    assert json.loads(get(server + "api/quotes?outlet=Quartier")[2])["total"] == 25
    assert json.loads(get(server + "api/quotes?speaker=petit&since=2023-01-20")[2])["total"] == 6
    page2 = json.loads(get(server + "api/quotes?outlet=Quartier&page=2")[2])
    assert page2["page"] == 2 and len(page2["quotes"]) == 5


def test_api_speakers_is_a_page_of_names(server):
    page = json.loads(get(server + "api/speakers")[2])
    assert page["total"] == 5 and len(page["speakers"]) == 5
    assert page["speakers"][0]["name"] == "Hugo Petit" and page["speakers"][0]["quotes"] == 25
    durand = json.loads(get(server + "api/speakers?q=DUR%C3%80ND&per_page=1")[2])
    assert durand["total"] == 1 and durand["speakers"][0]["name"] == "Claire Durand"
    second = json.loads(get(server + "api/speakers?per_page=2&page=2")[2])
    assert second["page"] == 2 and len(second["speakers"]) == 2
    assert "Le Jour" in json.loads(get(server + "api/outlets")[2])


def test_api_speaker_and_figures(server):
    sid = json.loads(get(server + "api/speakers?q=petit")[2])["speakers"][0]["id"]
    detail = json.loads(get(server + f"api/speakers/{sid}")[2])
    assert detail["speaker"]["quotes"] == 25 and detail["outlets"] == [{"label": "Le Quartier", "quotes": 25}]
    assert sum(w["quotes"] for w in detail["weeks"]) == 25
    assert get(server + "api/speakers/987654")[0] == 404
    figures = json.loads(get(server + "api/figures?top=2")[2])
    assert [s["name"] for s in figures["top_speakers"]][0] == "Hugo Petit" and len(figures["top_speakers"]) == 2
    assert {"outlet": "journal.example", "quotes": 1, "person": 0, "organization": 0, "anonymous": 1,
            "unattributed": 0} in figures["outlets"]


def test_api_search_options(server):
    assert json.loads(get(server + "api/quotes?q=vallee")[2])["total"] == 0             # 0.2 < the default 0.5
    assert json.loads(get(server + "api/quotes?q=vallee&min_confidence=0")[2])["total"] == 1
    every = json.loads(get(server + "api/quotes?min_confidence=0&per_page=100")[2])["total"]
    known = json.loads(get(server + "api/quotes?min_confidence=0&known=1&per_page=100")[2])["total"]
    assert every - known == 2  # the anonymous source and the unattributed quote
    oldest = json.loads(get(server + "api/quotes?order=oldest&outlet=Quartier")[2])["quotes"][0]
    assert oldest["first_date"] == "2023-01-01"


def test_api_exports_the_whole_search(server):
    status, headers, body = get(server + "api/quotes.csv?outlet=Quartier")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert headers["Content-Disposition"] == 'attachment; filename="citations.csv"'
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert len(rows) == 25 and {r["speaker"] for r in rows} == {"Hugo Petit"}  # every page, not the first 20
    status, headers, body = get(server + "api/quotes.jsonl?q=etape+importante")
    lines = body.decode("utf-8").splitlines()
    assert status == 200 and len(lines) == 1 and json.loads(lines[0])["speaker"] == "Claire Durand"


def test_export_is_the_same_from_the_page_and_the_cli(server, tmp_path):
    db = tmp_path / "same.db"
    with QuoteDB(db) as store:
        for art in ARTICLES:
            store.add_article(*art)
    srv, url = serve_in_thread(db)
    try:
        page = get(url + "api/quotes.csv?q=reforme&min_confidence=0")[2].decode("utf-8")
    finally:
        srv.shutdown()
        srv.server_close()
    cli = subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", "search", "reforme",
                          "--format", "csv", "--all", "--min-confidence", "0", "--db", str(db)],
                         capture_output=True)
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.decode("utf-8") == page and page.count("\r\n") == 2  # the header, the quote both outlets report


@pytest.mark.parametrize("path, status", [("api/quotes?since=hier", 400), ("api/quotes?page=x", 400),
                                          ("api/quotes?min_confidence=2", 400), ("api/quotes?order=abc", 400),
                                          ("nowhere", 404), ("static/../app.py", 404), ("speaker/x", 404)])
def test_api_errors_are_json(server, path, status):
    got, _, body = get(server + path)
    assert got == status and "error" in json.loads(body)


def test_page_is_self_contained_and_locked_down(server):
    status, headers, body = get(server)
    assert status == 200 and b'id="q"' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    for name in STATIC:
        text = resources.files("quotes.web").joinpath("static", name).read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", text), f"{name} loads something from the network"
        if not name.startswith("vendor/"):
            assert "innerHTML" not in text and "insertAdjacentHTML" not in text
        assert get(server + "static/" + name)[0] == 200
    for page in ("figures", "speaker/1"):
        assert get(server + page)[0] == 200


def test_chart_library_is_the_pinned_release_with_its_licence():
    static = resources.files("quotes.web").joinpath("static", "vendor")
    code = static.joinpath("chart.umd.min.js").read_bytes()
    assert hashlib.sha256(code).hexdigest() == CHART_SHA256 and code.startswith(b"/*!\n * Chart.js v4.5.1")
    licence = static.joinpath("chart.js-LICENSE.md").read_text(encoding="utf-8")
    assert CHART_SHA256 in licence and licence.count("The MIT License") == 2


def test_serve_cli_on_a_missing_db_is_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", "serve", "--db",
                          str(tmp_path / "absent.db")], capture_output=True, text=True)
    assert out.returncode != 0 and "no such database" in out.stderr and "Traceback" not in out.stderr


