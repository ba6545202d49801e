"""Time the web page's views in headless chromium over a database, and screenshot them.

    python docs/page_timing.py /tmp/bench.db --search retraites --rounds 5

Starts `quotes serve` on a free port, opens each view (the first page, a search, the most quoted
speaker's page, the figures page) `--rounds` times in a fresh tab and prints the median time
from navigation to the first results (or charts) on screen. Screenshots go to test-artifacts/
(git-ignored: a screenshot of a private archive must not land in the repository).
Needs chromium (/usr/bin/chromium, or $QUOTES_CHROMIUM) and playwright (`pip install .[browser]`).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.store import QuoteDB  # noqa: E402
from quotes.web.app import serve_in_thread  # noqa: E402

CHROMIUM = os.environ.get("QUOTES_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--search", default="retraites", help="words for the search view")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "test-artifacts"), help="folder for the screenshots")
    ap.add_argument("--prefix", default="bench", help="screenshot file names start with this")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with QuoteDB(a.db, readonly=True) as db:
        counts = db.counts()
        top = db.speakers(1)
    print(f"{a.db}: {counts['articles']} articles, {counts['quotes']} quotes, {counts['speakers']} speakers")
    server, url = serve_in_thread(a.db)
    views = [("home", "", "#results li.quote"), ("search", f"?q={quote(a.search)}", "#results li.quote")]
    if top:
        views.append(("speaker", f"speaker/{top[0].id}", "#results li.quote"))
    views.append(("figures", "figures", "#outlets-table table"))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for name, path, ready in views:
                times = []
                for k in range(a.rounds):
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    t0 = time.perf_counter()
                    page.goto(url + path)
                    page.wait_for_selector(ready, timeout=60_000)
                    times.append(time.perf_counter() - t0)
                    if k == a.rounds - 1:
                        page.screenshot(path=str(out / f"{a.prefix}-{name}.png"))
                        page.screenshot(path=str(out / f"{a.prefix}-{name}-full.png"), full_page=True)
                    page.close()
                print(f"{name:8s} /{path:24s} median {statistics.median(times):.2f} s "
                      f"(min {min(times):.2f}, max {max(times):.2f}, {a.rounds} loads)")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    print(f"screenshots in {out}/{a.prefix}-*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
