"""The page in a real headless chromium: each view, the display rules, the type-ahead, shared
links, exports, hostile article text, and an axe-core accessibility check. Screenshots of each
view go to test-artifacts/ (git-ignored)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_web import CHROMIUM, fill

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`quotes serve` (the real command) over the test articles; its base URL."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install .[browser])")
    db = tmp_path_factory.mktemp("browser") / "browser.db"
    fill(db, 22)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from quotes.cli import main; main()", "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    ARTIFACTS.mkdir(exist_ok=True)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM,
                                                   headless=True, args=ARGS, viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def expect(locator):
    from playwright.sync_api import expect as _expect  # locator waits: our CSP forbids wait_for_function's eval

    return _expect(locator)


def card(page, text: str):
    return page.locator("#results li.quote", has_text=text).first


def test_browser_search_filters_and_screenshot(site, page):
    page.goto(site)
    expect(page.locator("#status")).to_have_text("28 citations")   # of 29: 0.5 by default hides the 0.2 one
    page.fill("#q", "etape importante")
    page.press("#q", "Enter")
    expect(page.locator("#status")).to_have_text("1 citation")
    item = card(page, "étape importante")
    expect(item).to_contain_text("Claire Durand")
    expect(item.locator(".where a")).to_have_text("Retraites : le bras de fer")
    expect(item.locator(".where")).to_contain_text("Le Jour · 1 mars 2024")
    expect(item.locator(".also li")).to_have_count(1)
    expect(item.locator(".also li")).to_contain_text("La Veille · 2 mars 2024")
    page.screenshot(path=str(ARTIFACTS / "web-search.png"), full_page=True)
    page.fill("#q", "")
    page.select_option("#outlet", "La Veille")
    expect(page.locator("#status")).to_have_text("2 citations")
    page.fill("#since", "2024-03-03")
    page.press("#since", "Enter")
    expect(page.locator("#status")).to_have_text("0 citation")


def test_browser_each_type_is_shown_honestly(site, page):
    page.goto(site + "?min_confidence=0")
    paraphrase = card(page, "le pont rouvrirait en mai")
    expect(paraphrase.locator(".type")).to_contain_text("Discours rapporté")
    expect(paraphrase.locator(".text")).to_have_text("le pont rouvrirait en mai")   # no « » around a paraphrase
    expect(paraphrase.locator(".context mark")).to_have_text("le pont rouvrirait en mai")
    expect(paraphrase.locator(".context")).to_have_text("La maire Lucie Fortin a affirmé que le pont rouvrirait en "
                                                        "mai. Les travaux ont pris du retard.")
    expect(paraphrase.locator(".conf")).to_have_text("confiance élevée (0,90)")
    paraphrase.locator("summary").click()
    expect(paraphrase.locator("details")).to_contain_text("cue-subject")
    direct = card(page, "Nous ne céderons rien")
    expect(direct.locator(".text")).to_have_text("« Nous ne céderons rien »")
    expect(direct.locator(".type")).to_have_text("Citation directe")
    anonymous = card(page, "rien n'est encore décidé")
    expect(anonymous.locator(".who")).to_have_text("source anonyme (un haut responsable)")
    expect(anonymous.locator(".where")).to_contain_text("journal.example · 8 mai 2024")
    nobody = card(page, "une étape décisive")
    expect(nobody.locator(".who")).to_have_text("orateur non identifié")
    expect(nobody.locator(".conf")).to_have_text("confiance faible (0,20)")
    page.screenshot(path=str(ARTIFACTS / "web-types.png"), full_page=True)


def test_browser_speaker_typeahead_toggle_order_and_shared_link(site, page, browser):
    page.goto(site + "?min_confidence=0")
    page.fill("#speaker-input", "dura")
    option = page.locator("#speaker-list [role=option]", has_text="Claire Durand")
    expect(option).to_be_visible()
    expect(page.locator("#speaker-list [role=option]")).to_have_count(1)
    page.press("#speaker-input", "ArrowDown")
    page.press("#speaker-input", "Enter")
    expect(page.locator("#status")).to_have_text("2 citations")
    assert re.search(r"speaker=\d+", page.url)
    page.check("#known")
    page.select_option("#order", "oldest")
    expect(page).to_have_url(re.compile(r"known=1.*order=oldest"))
    shared = browser.new_page()
    shared.goto(page.url)  # the link gives the same search, and the form shows it
    expect(shared.locator("#status")).to_have_text("2 citations")
    expect(shared.locator("#speaker-input")).to_have_value("Claire Durand")
    assert shared.is_checked("#known") and shared.input_value("#order") == "oldest"
    href = shared.get_attribute("#export-csv", "href")
    assert re.search(r"^/api/quotes\.csv\?speaker=\d+&min_confidence=0&known=1&order=oldest", href), href
    csv = shared.request.get(site.rstrip("/") + href).text()
    assert csv.startswith("id,type,text,") and len(csv.strip().splitlines()) == 3
    shared.close()


def test_browser_speaker_page(site, page):
    page.goto(site + "?q=chantier")
    card(page, "chantier").locator("a.who").click()
    expect(page).to_have_url(re.compile(r"/speaker/\d+$"))
    expect(page.locator("h1")).to_have_text("Hugo Petit")
    expect(page.locator("#facts")).to_contain_text("Le Quartier (22)")
    expect(page.locator("#status")).to_have_text("22 citations")
    expect(page.locator("#pageinfo")).to_have_text("page 1 / 2")
    assert page.locator("#weeks-chart").bounding_box()["height"] > 100  # Chart.js drew into it
    page.screenshot(path=str(ARTIFACTS / "web-speaker.png"), full_page=True)
    page.fill("#q", "numéro 7")
    page.press("#q", "Enter")
    expect(page.locator("#status")).to_have_text("1 citation")


def test_browser_figures_page(site, page):
    page.goto(site + "figures")
    expect(page.locator("#top-table tbody tr").first).to_contain_text("Hugo Petit")
    row = page.locator("#outlets-table tr", has_text="journal.example")
    expect(row).to_contain_text("1 (100 %)")
    expect(page.locator("#weeks-table tbody tr")).not_to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "web-figures.png"), full_page=True)


def test_browser_hostile_article_is_text_without_live_links(site, page):
    page.goto(site + "?q=refusons")
    item = card(page, "refusons")
    expect(item).to_contain_text('<img id="pwned"')
    expect(item.locator(".where")).to_contain_text('<a id="live" href="javascript:alert(2)">Titre piégé</a>')
    assert page.locator("#pwned").count() == 0 and page.locator("#bold").count() == 0
    assert page.locator("#live").count() == 0 and page.locator("a[href^='javascript']").count() == 0
    assert item.locator(".where a").count() == 0  # a javascript: url gives no link at all
    assert page.title() != "pwned"
    page.screenshot(path=str(ARTIFACTS / "web-escaped.png"), full_page=True)


@pytest.mark.parametrize("view", ["?min_confidence=0", "speaker/1", "figures"])
def test_browser_views_have_no_serious_accessibility_violation(site, browser, view):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="pip install .[browser]")
    page = browser.new_page()
    try:
        page.goto(site + view)
        page.locator("#results li.quote, #outlets-table table").first.wait_for()
        results = axe.Axe().run(page)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in bad)
    finally:
        page.close()


def test_browser_tests_skip_cleanly_without_chromium(tmp_path):
    """Where chromium is missing the browser tests must skip, not fail."""
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                          f"{__file__}::test_browser_figures_page"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QUOTES_CHROMIUM": str(tmp_path / "no-chromium")})
    assert out.returncode == 0, out.stdout
    assert "1 skipped" in out.stdout and "is not installed" in out.stdout
