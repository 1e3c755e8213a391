"""A small web site for the fetcher's tests: a threading http.server on 127.0.0.1 and a random port, serving the
pages a test puts in it (never the internet). Each path answers a fixed status, headers and body; a body may be
sent slowly (`pause` before it) or be endless (`endless`: chunks until the client hangs up). Every request is
recorded with its path and User-Agent.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    pause: float = 0.0  # seconds before the status line: a server that never answers in time
    endless: bool = False  # no Content-Length, chunks of `body` forever


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, str, float]] = field(default_factory=list)  # (path, User-Agent, when)
    url: str = ""

    def requested(self, path: str) -> int:
        return sum(1 for seen, _, _ in self.requests if seen == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            page = site.pages.get(self.path, Page(b"not found", 404, "text/plain"))
            time.sleep(page.pause)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            for name, value in page.headers:
                self.send_header(name, value)
            if page.endless:
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    while True:
                        self.wfile.write(page.body)
                except OSError:
                    return
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

    return Handler


@contextmanager
def serve_site(pages: dict[str, Page], tls: ssl.SSLContext | None = None, host: str = "127.0.0.1") -> Iterator[Site]:
    """The site on 127.0.0.1; over HTTPS with `tls` (a server context), its URL then naming `host`."""
    site = Site(dict(pages))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]  # a client hanging up is fine
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.url = f"{'https' if tls else 'http'}://{host}:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
