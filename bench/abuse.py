"""Availability under abuse: `storyline serve` on loopback, hostile requests next to normal ones.

Builds a temp store (the demo corpus plus, with --multinews, up to --docs real
articles), starts `storyline serve` in a subprocess, and for --seconds runs:

  normal traffic   /api/stats, /api/search, /api/documents/{id}, a cached brief,
                   the index page and a static file, one request at a time per worker;
  hostile traffic  huge and repeated-term queries (search and brief), briefs of
                   everything, briefs of new selections, big uploads (unique texts),
                   URL fetches of a local server that drips one byte a second,
                   NUL bytes, malformed URLs and foreign Host headers.

It reports the p50/p99 of the normal requests, every status by kind, 5xx
counts, the server's peak RSS (sampled every 0.2 s) and documents lost: uploads
answered 201 whose ids are not in the store afterwards.

    python bench/abuse.py --multinews ../shared/eval/multinews/dev.jsonl --docs 300 \
        --seconds 60 --json abuse.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(db: Path, multinews: str | None, limit: int) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from storyline.ingest import document_from_text, read
    from storyline.model import Document
    from storyline.store import Store

    with Store(db) as store:
        for doc in read([str(ROOT / "storyline" / "demo")]):
            if isinstance(doc, Document):
                store.add(doc)
        if multinews:
            with open(multinews, encoding="utf-8") as f:
                n = 0
                for line in f:
                    context = json.loads(line)["context"]
                    for part in context.split("Passage ")[1:]:
                        text = part.split(":\n", 1)[-1].replace(" NEWLINE_CHAR ", "\n").strip()
                        if n >= limit or len(text) < 400:
                            continue
                        try:
                            store.add(document_from_text(text, f"multinews:{n}"))
                            n += 1
                        except Exception:
                            pass
        return [ref.id for ref in store.list()]


class Drip(BaseHTTPRequestHandler):
    """Sends headers, then one byte a second: each read is quick, the whole never ends."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()
        self.normal: list[float] = []
        self.by_path: dict[str, list[float]] = {}
        self.normal_errors: Counter[str] = Counter()
        self.accepted: set[str] = set()
        self.refused_uploads = 0

    def status(self, kind: str, code: int | str) -> None:
        with self.lock:
            self.statuses[f"{kind} {code}"] += 1


def run(args: argparse.Namespace) -> dict:
    rec = Recorder()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "abuse.db"
        ids = build_store(db, args.multinews, args.docs)
        drip = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
        drip.daemon_threads = True
        threading.Thread(target=drip.serve_forever, daemon=True).start()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STORYLINE_ALLOW_PRIVATE_URLS": "1"}
        env.pop("STORYLINE_TOKEN", None)
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            try:
                result = _drive(args, rec, base, ids, server, drip.server_address[1])
            finally:
                server.terminate()
                try:
                    server.wait(20)
                except subprocess.TimeoutExpired:
                    server.kill()
                drip.shutdown()
                drip.server_close()
        with __import__("storyline.store", fromlist=["Store"]).Store(db) as store:
            stored = {ref.id for ref in store.list()}
        lost = sorted(rec.accepted - stored)
        log_tail = log_path.read_text(errors="replace")[-3000:] if log_path.exists() else ""
    result.update(
        load_average_1m=os.getloadavg()[0],
        cpus=os.cpu_count(),
        documents_before=len(ids),
        uploads_accepted=len(rec.accepted),
        uploads_refused_retry_later=rec.refused_uploads,
        documents_lost=len(lost),
        server_errors_logged=log_tail.count("Traceback"),
    )
    return result


def _drive(args, rec: Recorder, base: str, ids: list[str], server, drip_port: int) -> dict:
    deadline = time.monotonic() + 90
    while True:
        try:
            httpx.get(f"{base}/api/stats", timeout=2).raise_for_status()
            break
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("server did not start") from None
            time.sleep(0.2)
    proc = psutil.Process(server.pid)
    rss = [proc.memory_info().rss]
    warm_ids = ",".join(ids[:3])
    httpx.get(f"{base}/api/brief", params={"ids": warm_ids}, timeout=600)  # the cached brief
    stop = threading.Event()
    end = time.monotonic() + args.seconds

    def sample() -> None:
        while not stop.is_set():
            try:
                rss.append(proc.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.2)

    def normal(seed: int) -> None:
        rnd = random.Random(seed)
        paths = [
            "/api/stats",
            "/api/search?q=harbour+wind",
            "/api/search?q=police",
            f"/api/brief?ids={warm_ids}",
            "/",
            "/static/storyline.css",
        ]
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < end:
                path = rnd.choice([*paths, f"/api/documents/{rnd.choice(ids)}"])
                t0 = time.perf_counter()
                try:
                    r = c.get(path)
                    code: int | str = r.status_code
                except httpx.HTTPError as exc:
                    code = type(exc).__name__
                took = time.perf_counter() - t0
                with rec.lock:
                    rec.normal.append(took)
                    key = path.split("?")[0]
                    key = "/api/documents/{id}" if key.startswith("/api/documents/") else key
                    rec.by_path.setdefault(key, []).append(took)
                    if code != 200:
                        rec.normal_errors[f"{path.split('?')[0]} {code}"] += 1
                rec.status("normal", code)
                time.sleep(0.05)

    def hostile(kind: str, seed: int) -> None:
        rnd = random.Random(seed)
        with httpx.Client(base_url=base, timeout=httpx.Timeout(10.0)) as c:
            n = 0
            while time.monotonic() < end:
                n += 1
                try:
                    if kind == "huge-query":
                        words = rnd.choice([400, 2000])
                        r = c.get("/api/search", params={"q": "the " * words})
                    elif kind == "repeat-brief":
                        r = c.get("/api/brief", params={"q": "the " * 40})
                    elif kind == "brief-everything":
                        r = c.get("/api/brief", timeout=3)  # gives up: the build must stop
                    elif kind == "new-briefs":
                        chosen = ",".join(rnd.sample(ids, 4))
                        r = c.get("/api/brief", params={"ids": chosen}, timeout=5)
                    elif kind == "upload":
                        # random words: every upload is new, not a near-duplicate of another
                        body = f"Upload {seed}-{n}. " + " ".join(
                            "".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=rnd.randint(2, 9)))
                            + ("." if rnd.random() < 0.08 else "")
                            for _ in range(args.upload_bytes // 7)
                        )
                        r = c.post(
                            "/api/documents",
                            files={"file": (f"u{seed}-{n}.txt", body.encode(), "text/plain")},
                            timeout=120,
                        )
                        if r.status_code == 201:
                            for item in r.json()["results"]:
                                # a duplicate is kept as a link to the document it copies
                                kept = item.get("duplicate_of") or item.get("id")
                                if kept:
                                    with rec.lock:
                                        rec.accepted.add(kept)
                        elif r.status_code in (429, 503):
                            with rec.lock:
                                rec.refused_uploads += 1
                    elif kind == "slow-url":
                        r = c.post(
                            "/api/documents",
                            data={"url": f"http://127.0.0.1:{drip_port}/slow{n}"},
                            timeout=120,
                        )
                    elif kind == "junk":
                        r = rnd.choice(
                            [
                                lambda: c.get("/api/search?q=polic%00e"),
                                lambda: c.get("/brief?q=a%00b"),
                                lambda: c.post("/api/documents", data={"url": "http://[::1"}),
                                lambda: c.get("/api/stats", headers={"host": "evil.example"}),
                                lambda: c.get("/api/documents/nope"),
                            ]
                        )()
                    else:
                        raise ValueError(kind)
                    rec.status(kind, r.status_code)
                except httpx.TimeoutException:
                    rec.status(kind, "client-timeout")
                except httpx.HTTPError as exc:
                    rec.status(kind, type(exc).__name__)
                time.sleep(0.1)

    threads = [threading.Thread(target=sample, daemon=True)]
    threads += [threading.Thread(target=normal, args=(i,), daemon=True) for i in range(4)]
    kinds = ["huge-query", "repeat-brief", "brief-everything", "new-briefs", "junk"]
    kinds += ["upload"] * 2 + ["slow-url"] * args.slow_fetchers
    threads += [
        threading.Thread(target=hostile, args=(k, i), daemon=True) for i, k in enumerate(kinds)
    ]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads[1:]:
        t.join(args.seconds + 150)
    stop.set()
    five = {k: v for k, v in rec.statuses.items() if k.split()[-1].startswith("5")}
    return {
        "seconds": round(time.monotonic() - t0, 1),
        "normal_requests": len(rec.normal),
        "normal_p50_s": round(percentile(rec.normal, 0.5), 4),
        "normal_p99_s": round(percentile(rec.normal, 0.99), 4),
        "normal_max_s": round(max(rec.normal, default=float("nan")), 4),
        "normal_p99_by_path_s": {
            k: round(percentile(v, 0.99), 4) for k, v in sorted(rec.by_path.items())
        },
        "normal_not_200": dict(rec.normal_errors),
        "statuses": dict(sorted(rec.statuses.items())),
        "responses_5xx": five,
        "rss_start_mb": round(rss[0] / 2**20, 1),
        "rss_peak_mb": round(max(rss) / 2**20, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--multinews", help="Multi-News dev.jsonl to fill the store with")
    parser.add_argument("--docs", type=int, default=300, help="real articles to store")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--upload-bytes", type=int, default=2_000_000)
    parser.add_argument("--slow-fetchers", type=int, default=8)
    parser.add_argument("--json")
    args = parser.parse_args()
    result = run(args)
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
