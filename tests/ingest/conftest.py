"""Ingest fixtures: a local HTTP server (127.0.0.1, in a thread) serving test pages and feeds."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from ingest_examples import ARTICLE_HTML, FEED_XML, SECOND_HTML


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404)
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.routes = {
        "/article.html": ("text/html; charset=utf-8", ARTICLE_HTML.encode()),
        "/second.html": ("text/html; charset=utf-8", SECOND_HTML.encode()),
        "/feed.xml": ("application/rss+xml", FEED_XML.format(base=base).encode()),
        "/big.txt": ("text/plain", b"word " * 50_000),
        "/notes.txt": (
            "text/plain; charset=utf-8",
            b"A plain note about the harbour.\n\nIt has two paragraphs.",
        ),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()
