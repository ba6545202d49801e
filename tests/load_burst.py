"""A bounded burst against `quotes serve` on 127.0.0.1 (never another host), with its figures.

    python tests/load_burst.py                       # 200 concurrent requests, then again beside 100 idle connections
    python tests/load_burst.py --requests 500 --idle 300 --db quotes.db

It builds a database from corpus/ (unless --db), starts `quotes serve` on a free loopback port,
opens --idle connections that send half a request and then nothing, and fires --requests GETs at
once (searches, speaker list, the page, a 5,000-word query that must be refused), each with a
30 s timeout. It prints, per round, the failures, p50/p95/max latency and the server's threads.
Not a pytest module: timings are measured here, not asserted in tests.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
PATHS = ["api/quotes?q=ministre", "api/quotes?q=etape+importante&speaker=kerry", "api/speakers?top=10",
         "api/outlets", "", "api/quotes?since=2015-01-01", "api/quotes?q=" + "+".join(["mot"] * 5000)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _get(url: str, out: list, start: threading.Barrier) -> None:
    start.wait()
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except OSError as e:
        status = type(e).__name__
    out.append((status, time.perf_counter() - t0, url))


def _threads(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return -1


def burst(base: str, n: int) -> dict:
    results: list = []
    start = threading.Barrier(n)
    workers = [threading.Thread(target=_get, args=(base + PATHS[k % len(PATHS)], results, start)) for k in range(n)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    wall = time.perf_counter() - t0
    times = sorted(t for _, t, _ in results)
    expected = {url: 400 if "mot+mot" in url else 200 for url in (base + p for p in PATHS)}
    failed = [r for r in results if r[0] != expected[r[2]]] + [None] * (n - len(results))
    long_query = [t for s, t, u in results if "mot+mot" in u]
    return {"requests": n, "failed": len(failed), "p50": statistics.median(times), "p95": times[int(0.95 * len(times)) - 1],
            "max": times[-1], "wall": wall, "long_query_max": max(long_query, default=0)}


def idle_connections(n: int) -> list[socket.socket]:
    """`n` connections that send half a request line and headers, then stay silent."""
    socks = []
    for _ in range(n):
        s = socket.create_connection((HOST, PORT), timeout=5)
        s.sendall(b"GET /api/outlets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        socks.append(s)
    return socks


def main() -> int:
    global PORT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--idle", type=int, default=100)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    if not (1 <= args.requests <= 2000 and 0 <= args.idle <= 2000):
        ap.error("--requests 1..2000, --idle 0..2000: this is a bounded burst")
    quotes = [sys.executable, "-c", "from quotes.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "burst.db"
            subprocess.run([*quotes, "extract", str(ROOT / "corpus"), "--db", str(db)], check=True,
                           capture_output=True)
        PORT = _free_port()
        server = subprocess.Popen([*quotes, "serve", "--db", str(db), "--host", HOST, "--port", str(PORT)],
                                  stderr=subprocess.PIPE, text=True)
        try:
            server.stderr.readline()  # "serving … on http://…": listening
            base = f"http://{HOST}:{PORT}/"
            urllib.request.urlopen(base + "api/outlets", timeout=30).read()  # warm: imports done
            rounds = [("burst", burst(base, args.requests))]
            socks = idle_connections(args.idle)
            rounds.append((f"burst beside {args.idle} idle connections", burst(base, args.requests)))
            threads = _threads(server.pid)
            for s in socks:
                s.close()
        finally:
            server.terminate()
            server.wait(10)
    for name, r in rounds:
        print(f"{name}: {r['requests']} requests, {r['failed']} failed, p50 {r['p50']:.3f} s, p95 {r['p95']:.3f} s, "
              f"max {r['max']:.3f} s, all done in {r['wall']:.2f} s; 5,000-word query answered within "
              f"{r['long_query_max']:.3f} s")
    print(f"server threads with {args.idle} idle connections open: {threads}")
    return 1 if any(r["failed"] for _, r in rounds) else 0


PORT = 0

if __name__ == "__main__":
    sys.exit(main())
