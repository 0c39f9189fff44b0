"""A real HTTP server on 127.0.0.1 serving feeds and articles that a test changes as it runs.

Every route is a `Route`: a body with a status, headers, an optional delay and
an ETag (a matching If-None-Match gets 304). Every request is recorded in
`hits`, so a test can see what the watcher asked for and with which headers.
The articles are written for these tests (invented towns and people).
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None


class Site:
    """Routes served by a ThreadingHTTPServer on an ephemeral loopback port."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, str, dict[str, str]]] = []  # (method, path, headers)
        self.posts: list[tuple[str, bytes]] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _serve(self, method: str) -> None:
                with site._lock:
                    site.hits.append((method, self.path, dict(self.headers)))
                    route = site.routes.get(self.path)
                if method == "POST":
                    length = int(self.headers.get("content-length") or 0)
                    with site._lock:
                        site.posts.append((self.path, self.rfile.read(length)))
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.host = f"127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def set(self, path: str, body: str | bytes = b"", **kwargs: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self.routes[path] = Route(data, **kwargs)  # type: ignore[arg-type]

    def requests(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [h for m, p, h in self.hits if p == path and m == "GET"]


# ------------------------------------------------------------------ content

STORIES = [
    (
        "Harbour council approves the Wrenfield ferry terminal",
        "2026-03-02",
        [
            "The Wrenfield harbour council voted seven to two on Monday to approve a new ferry "
            "terminal on the north quay, ending a planning dispute that lasted three years.",
            "Council leader Maren Osterby said the terminal would cost 41 million euros and open "
            "in the spring of 2028. Opponents on the council said the budget left no room for "
            "flood defences along the old fish market.",
            "The regional transport board will pay half of the cost. Construction is due to start "
            "in September, once the dredging permit is granted by the coastal agency.",
        ],
    ),
    (
        "Wrenfield ferry terminal faces a dredging delay",
        "2026-04-14",
        [
            "The coastal agency has asked for a second survey of the seabed before it grants the "
            "dredging permit for the Wrenfield ferry terminal, pushing the start of work to 2027.",
            "Harbour engineer Tobias Lindqvist said the survey would take eleven weeks and cost "
            "about 600,000 euros. He said the opening date of spring 2028 could still be met.",
            "Fishermen at the old market welcomed the pause. They have argued since 2023 that "
            "dredging the north quay would silt up their moorings further down the estuary.",
        ],
    ),
    (
        "Ferry operator signs on for the Wrenfield route",
        "2026-05-20",
        [
            "Nordvik Lines has signed a fifteen-year contract to run ferries from the planned "
            "Wrenfield terminal to the islands, the harbour council announced on Wednesday.",
            "The operator will buy two electric ferries, each carrying 300 passengers and 60 cars. "
            "Chief executive Ilse Brandvold said crossings would take forty minutes.",
            "Council leader Maren Osterby called the contract proof that the terminal was worth "
            "its price, while critics said ticket prices had not yet been agreed.",
        ],
    ),
    (
        "Wrenfield terminal budget rises to 48 million euros",
        "2026-06-30",
        [
            "The cost of the Wrenfield ferry terminal has risen to 48 million euros, seven million "
            "more than approved in March, according to a report to the harbour council.",
            "The report blames the longer seabed survey and higher steel prices. Finance officer "
            "Petra Halvorsen said the council would borrow the difference over twenty years.",
            "Opposition councillors demanded a new vote. Council leader Maren Osterby said the "
            "rise was within the contingency set aside when the project was approved.",
        ],
    ),
]


def article_html(title: str, date: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>"
        f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{escape(title)}</h1><time datetime='{date}'>{date}</time>\n{body}</article>"
        "<footer>The Wrenfield Gazette</footer></body></html>"
    )


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Wrenfield Gazette") -> str:
    """An RSS 2.0 feed; items are (path, title, ISO date), newest first as feeds list them."""
    entries = []
    for path, item_title, date in items:
        when = format_datetime(datetime.fromisoformat(date).replace(hour=8, tzinfo=UTC))
        entries.append(
            f"<item><title>{escape(item_title)}</title><link>{base}{path}</link>"
            f"<guid isPermaLink='false'>wg{path}</guid><pubDate>{when}</pubDate></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>{base}/</link><description>News</description>"
        + "".join(reversed(entries))
        + "</channel></rss>"
    )


def publish(site: Site, n: int, feed_path: str = "/feed.xml", etag: bool = True) -> None:
    """Serve the first `n` stories as articles and list them in the feed (with an ETag)."""
    items = []
    for i, (title, date, paragraphs) in enumerate(STORIES[:n]):
        path = f"/news/{i + 1}.html"
        site.set(path, article_html(title, date, paragraphs))
        items.append((path, title, date))
    site.set(
        feed_path,
        rss(site.base, items),
        content_type="application/rss+xml",
        etag=f'"v{n}"' if etag else None,
    )
