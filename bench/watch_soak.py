"""Soak bench for `storyline watch`: many polls against local feeds that grow; is memory flat?

Starts a loopback HTTP server with `--feeds` RSS feeds (ETag, robots.txt,
article pages), then runs the real watch loop (`storyline.watch.loop.run`,
one store, one fetcher, as `storyline watch` does) for `--polls` polls. Every
`--grow-every` polls each feed gains `--per-poll` new articles (so the polls in
between are answered 304); a feed lists only its latest 20 items, as real
feeds do. After each poll it records the process RSS and the poll's wall
time. Articles are synthetic (pseudo-words from a seeded generator): this
measures the loop, not language.

    .venv/bin/python bench/watch_soak.py --polls 200 --json soak.json
    .venv/bin/python bench/watch_soak.py --polls 200 --briefs --json soak-briefs.json

Reported: RSS after the first poll, at 25%, 50%, 75% and at the end, the
growth over the second half (MB per 100 polls: near 0 means flat), time per
poll (median, p95, max; growth and 304 polls apart), documents and items.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.config import Settings
from storyline.watch.config import Target, WatchOptions
from storyline.watch.loop import Round, run

FEED_LENGTH = 20
SYLLABLES = [
    "ka",
    "lo",
    "ven",
    "dri",
    "sta",
    "mor",
    "quel",
    "bi",
    "tan",
    "rue",
    "fen",
    "os",
    "par",
    "li",
    "shen",
    "da",
]


class Corpus:
    """Seeded pseudo-articles: distinct enough that no two are near-duplicates."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = sorted(
            {
                "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
                for _ in range(6000)
            }
        )

    def article(self, n: int) -> tuple[str, list[str]]:
        rng = self.rng
        title = " ".join(rng.choice(self.words) for _ in range(6)).capitalize()
        paragraphs = []
        for _ in range(4):
            sentences = [
                " ".join(rng.choice(self.words) for _ in range(rng.randint(10, 18))).capitalize()
                + "."
                for _ in range(3)
            ]
            paragraphs.append(" ".join(sentences))
        return f"{title} {n}", paragraphs


class FeedSite:
    def __init__(self, feeds: int) -> None:
        self.pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
        self.feeds: dict[str, tuple[bytes, str]] = {}
        self.items: dict[int, list[tuple[str, str, datetime]]] = {f: [] for f in range(feeds)}
        self.lock = threading.Lock()
        self.corpus = Corpus()
        self.count = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with site.lock:
                    feed = site.feeds.get(self.path)
                    page = site.pages.get(self.path)
                if feed is not None:
                    body, etag = feed
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                        return
                    self._send(body, "application/rss+xml", etag)
                elif page is not None:
                    self._send(
                        page,
                        "text/html; charset=utf-8" if self.path != "/robots.txt" else "text/plain",
                    )
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def _send(self, body: bytes, ctype: str, etag: str | None = None) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def grow(self, per_feed: int) -> None:
        start = datetime(2026, 1, 1, tzinfo=UTC)
        for f, items in self.items.items():
            for _ in range(per_feed):
                self.count += 1
                title, paragraphs = self.corpus.article(self.count)
                when = start + timedelta(hours=self.count)
                path = f"/f{f}/a{self.count}.html"
                body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
                html = (
                    f"<!doctype html><html><head><title>{escape(title)}</title>"
                    f"<meta property='article:published_time' content='{when.isoformat()}'></head>"
                    f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
                )
                with self.lock:
                    self.pages[path] = html.encode()
                items.append((path, title, when))
            del items[:-FEED_LENGTH]
            entries = "".join(
                f"<item><title>{escape(t)}</title><link>{self.base}{p}</link><guid>{p}</guid>"
                f"<pubDate>{format_datetime(w)}</pubDate></item>"
                for p, t, w in reversed(items)
            )
            rss = (
                "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Soak feed {f}</title>{entries}</channel></rss>"
            )
            with self.lock:
                self.feeds[f"/feed{f}.xml"] = (rss.encode(), f'"{f}-{self.count}"')

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def soak(
    polls: int,
    feeds: int,
    per_poll: int,
    grow_every: int,
    briefs: bool,
    db: str,
    trace: bool = False,
) -> dict[str, Any]:
    site = FeedSite(feeds)
    site.grow(per_poll)
    options = WatchOptions(
        targets=[Target(f"{site.base}/feed{f}.xml", f"Soak feed {f}") for f in range(feeds)],
        every=0.001,
        allow_hosts=[site.host],
        briefs=briefs,
    )
    settings = Settings(db=db, allow_private_urls=True)
    process = psutil.Process()
    rows: list[dict[str, Any]] = []
    traced: dict[str, Any] = {}
    last = time.perf_counter()

    def on_round(result: Round) -> None:
        nonlocal last
        now = time.perf_counter()
        gc.collect()
        n = len(rows) + 1
        rows.append(
            {
                "poll": n,
                "seconds": now - last,
                "rss_mb": process.memory_info().rss / 2**20,
                "added": len(result.report.added),
                "updates": len(result.updates),
                "statuses": sorted({f.status for f in result.report.feeds}),
                "failed": sum(f.status == "failed" for f in result.report.feeds),
            }
        )
        if trace and n == max(1, polls // 4):
            tracemalloc.start()
            traced["start"] = tracemalloc.take_snapshot()
        if n % grow_every == 0:
            site.grow(per_poll)
        if n % 25 == 0:
            print(
                f"poll {n}: rss {rows[-1]['rss_mb']:.1f} MB, {rows[-1]['seconds'] * 1000:.0f} ms",
                file=sys.stderr,
            )
        last = time.perf_counter()

    try:
        run(options, settings, on_round=on_round, max_rounds=polls)
    finally:
        site.close()
    result = summarise(rows, db)
    if "start" in traced:
        # Python allocations that grew from a quarter of the way in to the end, by file:
        # tells the store's own growth (documents, index) from anything the loop leaks.
        end = tracemalloc.take_snapshot()
        tracemalloc.stop()
        stats = end.compare_to(traced["start"], "filename")
        result["traced_growth_kb_by_file"] = [
            {
                "file": str(st.traceback[0].filename).split("site-packages/")[-1],
                "kb": st.size_diff / 1024,
            }
            for st in stats[:12]
        ]
    return result


def summarise(rows: list[dict[str, Any]], db: str) -> dict[str, Any]:
    from storyline.store import Store
    from storyline.store import feeds as state_db

    def at(fraction: float) -> float:
        return rows[min(len(rows) - 1, int(len(rows) * fraction))]["rss_mb"]

    half = rows[len(rows) // 2 :]
    slope = (half[-1]["rss_mb"] - half[0]["rss_mb"]) / max(1, len(half) - 1) * 100
    grow = [r["seconds"] for r in rows if r["added"]]
    idle = [r["seconds"] for r in rows if not r["added"]]

    def stats(xs: list[float]) -> dict[str, float]:
        if not xs:
            return {}
        xs = sorted(xs)
        return {
            "n": len(xs),
            "median_ms": statistics.median(xs) * 1000,
            "p95_ms": xs[int(0.95 * (len(xs) - 1))] * 1000,
            "max_ms": xs[-1] * 1000,
        }

    with Store(db) as store:
        documents = store.count()
        items = state_db.item_count(store)
        problems = store.verify()
    return {
        "polls": len(rows),
        "rss_mb": {
            "after_first": rows[0]["rss_mb"],
            "25%": at(0.25),
            "50%": at(0.5),
            "75%": at(0.75),
            "end": rows[-1]["rss_mb"],
            "max": max(r["rss_mb"] for r in rows),
        },
        "rss_growth_mb_per_100_polls_second_half": slope,
        "time_per_poll": {
            "all": stats([r["seconds"] for r in rows]),
            "with_new_items": stats(grow),
            "no_new_items": stats(idle),
        },
        "documents": documents,
        "items_recorded": items,
        "feed_failures": sum(r["failed"] for r in rows),
        "store_problems": problems,
        "series": [{k: r[k] for k in ("poll", "seconds", "rss_mb", "added")} for r in rows],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polls", type=int, default=200)
    parser.add_argument("--feeds", type=int, default=5)
    parser.add_argument("--per-poll", type=int, default=1, help="new articles per feed per growth")
    parser.add_argument("--grow-every", type=int, default=2, help="feeds grow every N polls")
    parser.add_argument("--briefs", action="store_true", help="build update briefs (spaCy)")
    parser.add_argument("--db", help="store file (default: a temporary one)")
    parser.add_argument(
        "--trace", action="store_true", help="attribute Python allocation growth by file"
    )
    parser.add_argument("--json", help="write the full result here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "soak.db")
        result = soak(
            args.polls, args.feeds, args.per_poll, args.grow_every, args.briefs, db, args.trace
        )
    result["args"] = vars(args)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    printable = {k: v for k, v in result.items() if k != "series"}
    print(json.dumps(printable, indent=2))


if __name__ == "__main__":
    main()
