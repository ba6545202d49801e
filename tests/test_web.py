"""`quotes serve`: the JSON API, the page's safety, and an end-to-end run in a real chromium."""
from __future__ import annotations

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
from quotes.web.server import serve_in_thread

from test_store import LA_VEILLE, LE_JOUR, article

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("QUOTES_CHROMIUM", "/usr/bin/chromium")

# Article-derived text that would run as HTML if the page were careless.
HOSTILE = article("piege-1", [('<img id="pwned" src=x onerror="document.title=\'pwned\'"> nous refusons ce texte',
                               "«»", "Léa <b id=\"bold\">Roux</b>", "<i>porte-parole</i>")],
                  outlet='<script>document.title="pwned"</script>', url="javascript:alert(1)", date="2024-04-01")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    with QuoteDB(path) as db:
        for art in (LE_JOUR, LA_VEILLE, HOSTILE):
            db.add_article(*art)
        for i in range(25):  # enough for a second page
            db.add_article(*article(f"bulk-{i}", [(f"Le chantier numéro {i} avance selon le calendrier prévu "
                                                   f"par la mairie", "«»", "Hugo Petit", "maire")],
                                    outlet="Le Quartier", date=f"2023-01-{i + 1:02d}"))
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


def test_api_speakers_and_outlets(server):
    speakers = json.loads(get(server + "api/speakers")[2])
    assert speakers[0]["name"] == "Hugo Petit" and speakers[0]["quotes"] == 25
    assert "Le Jour" in json.loads(get(server + "api/outlets")[2])


@pytest.mark.parametrize("path, status", [("api/quotes?since=hier", 400), ("api/quotes?page=x", 400),
                                          ("nowhere", 404), ("static/../app.py", 404)])
def test_api_errors_are_json(server, path, status):
    got, _, body = get(server + path)
    assert got == status and "error" in json.loads(body)


def test_page_is_self_contained_and_locked_down(server):
    status, headers, body = get(server)
    assert status == 200 and b'id="q"' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    for name in ("index.html", "app.js", "style.css"):
        text = resources.files("quotes.web").joinpath("static", name).read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", text), f"{name} loads something from the network"
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text
        assert get(server + "static/" + name)[0] == 200


def test_serve_cli_on_a_missing_db_is_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", "serve", "--db",
                          str(tmp_path / "absent.db")], capture_output=True, text=True)
    assert out.returncode != 0 and "no such database" in out.stderr and "Traceback" not in out.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_browser_search_shows_the_quote(tmp_path):
    """Start `quotes serve`, search in headless chromium, see the quote; screenshot in test-artifacts/."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install .[browser])")
    db = tmp_path / "browser.db"
    with QuoteDB(db) as store:
        for art in (LE_JOUR, LA_VEILLE, HOSTILE):
            store.add_article(*art)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from quotes.cli import main; main()", "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        ARTIFACTS.mkdir(exist_ok=True)
        with sync_api.sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            try:
                page = ctx.new_page()
                page.goto(url)
                page.wait_for_selector("#results li.quote")
                page.fill("#q", "etape importante")
                page.press("#q", "Enter")
                expect = sync_api.expect  # locator waits: our CSP forbids the eval wait_for_function needs
                expect(page.locator("#status")).to_have_text("1 citation")
                expect(page.locator("#results li.quote")).to_have_count(1)
                item = page.locator("#results li.quote").first
                assert "étape importante pour le pays" in item.inner_text()
                assert "Claire Durand" in item.inner_text() and "La Veille" in item.inner_text()
                assert "1 citation" in page.inner_text("#status")
                page.screenshot(path=str(ARTIFACTS / "web-search.png"), full_page=True)
                # the filters: an outlet, then a speaker, narrow the list
                page.fill("#q", "")
                page.select_option("#outlet", "La Veille")
                expect(page.locator("#status")).to_have_text("2 citations")
                page.select_option("#speaker", label="Claire Durand (2)")
                expect(page.locator("#status")).to_have_text("2 citations")
                page.fill("#since", "2024-03-03")
                page.press("#q", "Enter")
                expect(page.locator("#status")).to_have_text("0 citation")
                page.fill("#since", "")
                page.select_option("#outlet", "")
                page.select_option("#speaker", "")
                # hostile article text is shown as text, never run or parsed
                page.fill("#q", "refusons")
                page.press("#q", "Enter")
                expect(page.locator("#results li.quote").first).to_contain_text("refusons")
                assert page.locator("#pwned").count() == 0 and page.locator("#bold").count() == 0
                assert '<img id="pwned"' in page.inner_text("#results")
                assert page.title() != "pwned"
                assert page.locator("#results a[href^='javascript']").count() == 0
                page.screenshot(path=str(ARTIFACTS / "web-escaped.png"), full_page=True)
            finally:
                ctx.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert (ARTIFACTS / "web-search.png").stat().st_size > 1000


def test_browser_test_skips_cleanly_without_chromium(tmp_path):
    """Where chromium is missing the browser test must skip, not fail."""
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                          f"{__file__}::test_browser_search_shows_the_quote"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QUOTES_CHROMIUM": str(tmp_path / "no-chromium")})
    assert out.returncode == 0, out.stdout
    assert "1 skipped" in out.stdout and "is not installed" in out.stdout
