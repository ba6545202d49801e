"""The web door to the quote database: a WSGI app (standard library only); server.py serves it.

    GET /                     the page (static/index.html, app.js, style.css: package data, no CDN)
    GET /api/quotes?q=&speaker=&outlet=&since=&page=&per_page=   a SearchPage, as `quotes search`
    GET /api/speakers?top=    the speakers, as `quotes speakers`
    GET /api/outlets          the outlets seen

The page builds every element with `textContent`, so article-derived text is never parsed as
HTML; a Content-Security-Policy allowing only our own files is the second belt. Each request
opens the database read-only, so the page keeps working while a batch writes (WAL).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import parse_qs

from ..errors import QuotesError
from ..store import QuoteDB

STATIC = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
          "style.css": "text/css; charset=utf-8"}
HEADERS = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
           ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                                       "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; "
                                       "frame-ancestors 'none'")]


def _static(name: str) -> bytes:
    return resources.files(__package__).joinpath("static", name).read_bytes()


class App:
    """WSGI application over one database file."""

    def __init__(self, db: str | Path):
        self.db = Path(db)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        args = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return self._send(start_response, "405 Method Not Allowed", {"error": "only GET"})
        try:
            if path in ("/", "/index.html"):
                return self._file(start_response, "index.html")
            if path.startswith("/static/") and path[8:] in STATIC:
                return self._file(start_response, path[8:])
            if path == "/api/quotes":
                with QuoteDB(self.db, readonly=True) as db:
                    page = db.search(args.get("q"), speaker=args.get("speaker"), outlet=args.get("outlet"),
                                     since=args.get("since"), page=args.get("page"),
                                     per_page=args.get("per_page"))
                return self._send(start_response, "200 OK", page.model_dump())
            if path == "/api/speakers":
                with QuoteDB(self.db, readonly=True) as db:
                    rows = db.speakers(args.get("top"))
                return self._send(start_response, "200 OK", [s.model_dump() for s in rows])
            if path == "/api/outlets":
                with QuoteDB(self.db, readonly=True) as db:
                    return self._send(start_response, "200 OK", db.outlets())
        except QuotesError as e:
            return self._send(start_response, "400 Bad Request", {"error": e.message, "hint": e.hint})
        return self._send(start_response, "404 Not Found", {"error": f"no such page: {path}"})

    def _file(self, start_response: Callable, name: str) -> list[bytes]:
        body = _static(name)
        start_response("200 OK", [("Content-Type", STATIC[name]), ("Content-Length", str(len(body))),
                                  ("Cache-Control", "no-cache"), *HEADERS])
        return [body]

    def _send(self, start_response: Callable, status: str, data) -> list[bytes]:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        start_response(status, [("Content-Type", "application/json; charset=utf-8"),
                                ("Content-Length", str(len(body))), ("Cache-Control", "no-store"), *HEADERS])
        return [body]
