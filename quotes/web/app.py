"""The web door to the quote database: a WSGI app (standard library only); server.py serves it.

The addresses and what they answer are in `api.py`: the pages (index, /speaker/ID, /figures:
static/*.html and their scripts, package data, no CDN) and the JSON API and exports.

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
from . import api

_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".md": "text/plain; charset=utf-8"}
STATIC = {name: _TYPES[Path(name).suffix] for name in (
    "index.html", "speaker.html", "figures.html", "app.js", "common.js", "speaker.js", "figures.js", "style.css",
    "vendor/chart.umd.min.js", "vendor/chart.js-LICENSE.md")}
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
            if name := api.page(path):
                return self._file(start_response, name)
            if path.startswith("/static/") and path[8:] in STATIC:
                return self._file(start_response, path[8:])
            got = api.answer(self.db, path, args)
            if got is not None and got.lines is not None:
                return self._download(start_response, got)
            if got is not None:
                return self._send(start_response, got.status, got.data)
        except QuotesError as e:
            return self._send(start_response, "400 Bad Request", {"error": e.message, "hint": e.hint})
        return self._send(start_response, "404 Not Found", {"error": f"no such page: {path}"})

    def _download(self, start_response: Callable, got: "api.Answer") -> list[bytes]:
        body = "".join(got.lines).encode("utf-8")
        start_response("200 OK", [("Content-Type", got.content_type), ("Content-Length", str(len(body))),
                                  ("Content-Disposition", f'attachment; filename="{got.filename}"'),
                                  ("Cache-Control", "no-store"), *HEADERS])
        return [body]

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
