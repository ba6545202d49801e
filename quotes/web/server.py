"""`quotes serve`: the web app on waitress (a kept production WSGI server), behind one guard.

waitress reads every connection in one event loop and hands complete requests to a pool of
THREADS threads, so an idle or half-sent connection holds no thread; it is dropped after TIMEOUT
seconds without activity. The listen backlog is BACKLOG, and up to CONNECTIONS connections are
open at once (past that, new ones wait in the backlog).

`Guard` wraps the app: a request whose `Host` is not allowed (loopback names and the address we
listen on, plus `--allow-host` names) gets a 400, so a hostile page cannot reach the server
through DNS rebinding; every response, errors included, carries the security headers and, for an
error, a JSON body; an exception in the app is logged and answered with a 500 whose body says
only "internal error". Errors waitress answers itself (a malformed request) get the same.
"""
from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path
from typing import Callable, Iterable, Sequence

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from ..errors import QuotesError
from .app import HEADERS, App

THREADS = 8
BACKLOG = 1024
CONNECTIONS = 1000
TIMEOUT = 20  # seconds a connection may sit idle (or half-sent) before it is closed
LOOPBACK = ("localhost", "127.0.0.1", "::1")
_SECURITY = {name.lower() for name, _ in HEADERS}
log = logging.getLogger("quotes.web")


def host_name(header: str) -> str:
    """`Host: [::1]:8765` → `::1`; `Example.org.:80` → `example.org`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


def _json_error(start_response: Callable, status: str, message: str, exc_info=None) -> list[bytes]:
    body = json.dumps({"error": message}).encode("utf-8")
    start_response(status, [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store"), *HEADERS], exc_info)
    return [body]


class Guard:
    """WSGI middleware: Host allowlist, security headers on every response, JSON 500s."""

    def __init__(self, app: Callable, allowed_hosts: Iterable[str] = LOOPBACK):
        self.app = app
        self.hosts = {host_name(h) for h in allowed_hosts}

    def allowed(self, host: str | None) -> bool:
        return "*" in self.hosts or (host is not None and host_name(host) in self.hosts)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        host = environ.get("HTTP_HOST")
        if not self.allowed(host):
            return _json_error(start_response, "400 Bad Request", f"host not allowed: {(host or '')[:100]!r}")

        def start(status: str, headers: list, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() not in _SECURITY]
            return start_response(status, [*headers, *HEADERS], exc_info)

        try:
            return self.app(environ, start)
        except Exception:
            log.exception("error serving %s", environ.get("PATH_INFO"))
            return _json_error(start_response, "500 Internal Server Error", "internal error", sys.exc_info())


class _ErrorTask(ErrorTask):
    """waitress's own error responses (a malformed request, a header too large) as JSON, with the headers."""

    def execute(self) -> None:
        e = self.request.error
        body = json.dumps({"error": e.reason.lower()}).encode("utf-8")
        self.status = f"{e.code} {e.reason}"
        self.response_headers.extend([("Content-Type", "application/json; charset=utf-8"), *HEADERS])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _Channel(HTTPChannel):
    error_task_class = _ErrorTask


class _Waitress(TcpWSGIServer):
    channel_class = _Channel


class Server:
    """`db` served on host:port (port 0: a free one, see `server_port`) until `shutdown()`."""

    def __init__(self, db: str | Path, host: str = "127.0.0.1", port: int = 8765,
                 allowed_hosts: Sequence[str] = (), threads: int = THREADS):
        hosts = [*LOOPBACK, *allowed_hosts] + ([host] if host not in ("0.0.0.0", "::", "") else [])
        try:
            adj = Adjustments(host=host, port=port, threads=threads, backlog=BACKLOG, connection_limit=CONNECTIONS,
                              channel_timeout=TIMEOUT, cleanup_interval=max(1, TIMEOUT // 2), ident="quotes",
                              expose_tracebacks=False, asyncore_use_poll=True)
            self._map: dict = {}
            self._dispatcher = ThreadedTaskDispatcher()
            self._dispatcher.set_thread_count(threads)
            self._server = _Waitress(Guard(App(db), hosts), map=self._map, dispatcher=self._dispatcher, adj=adj)
        except (OSError, ValueError) as e:
            raise QuotesError(f"cannot listen on {host}:{port}: {getattr(e, 'strerror', None) or e}",
                              "try another --port") from None
        self.host, self.server_port = host, self._server.effective_port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.server_port}/"

    def serve_forever(self) -> None:
        self._server.run()

    def shutdown(self) -> None:
        """Stop serving (from another thread too): close every connection, then the worker threads."""
        while self._map:
            for channel in list(self._map.values()):
                channel.handle_close()
        self._dispatcher.shutdown(timeout=5)

    server_close = shutdown


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8765, allowed_hosts: Sequence[str] = (),
          announce: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted."""
    server = Server(db, host, port, allowed_hosts)
    if announce:
        announce(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def serve_in_thread(db: str | Path, host: str = "127.0.0.1", port: int = 0,
                    allowed_hosts: Sequence[str] = ()) -> tuple[Server, str]:
    """Start a server in a daemon thread (for tests and notebooks); returns it and its URL."""
    server = Server(db, host, port, allowed_hosts)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.url


__all__ = ["Guard", "Server", "serve", "serve_in_thread"]
