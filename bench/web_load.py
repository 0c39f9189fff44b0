"""Load test of the web app on loopback: requests/s and p50/p99 latency.

Builds a temp store from the articles at DATA (default: the demo corpus),
starts `storyline serve` on a free 127.0.0.1 port in a subprocess, builds the
brief once (cold: analysis + brief), then sends a fixed number of requests per
endpoint from an asyncio + httpx client with bounded concurrency.

    python bench/web_load.py storyline/demo --requests 2000 --concurrency 16 --json web_load.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(data: str, db: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from storyline.ingest import read
    from storyline.model import Document
    from storyline.store import Store

    with Store(db) as store:
        for doc in read([data]):
            if isinstance(doc, Document):
                store.add(doc)
        return store.count()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def hammer(base: str, path: str, requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker() -> None:
            nonlocal errors
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                r = await client.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return {
        "requests": requests,
        "concurrency": concurrency,
        "errors": errors,
        "seconds": round(wall, 3),
        "rps": round(requests / wall, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data", nargs="?", default=str(ROOT / "storyline" / "demo"), help="articles to store"
    )
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--query", default="turbines", help="search query for /api/search")
    parser.add_argument("--json", dest="json_path", help="write the results here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        count = build_store(args.data, db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("STORYLINE_TOKEN", None)
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 (open for the server's lifetime)
        server = subprocess.Popen(
            [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/api/stats", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(
                            f"server did not start: {(Path(tmp) / 'server.log').read_text()[-2000:]}"
                        ) from None
                    time.sleep(0.2)
            t0 = time.perf_counter()
            cold = httpx.get(f"{base}/brief", timeout=600)
            cold.raise_for_status()
            cold_s = time.perf_counter() - t0
            endpoints = {
                "brief page (/brief, cached)": "/brief",
                f"search API (/api/search?q={args.query})": f"/api/search?q={args.query}",
                "brief JSON (/api/brief, cached)": "/api/brief?format=json",
            }
            results = {}
            for name, path in endpoints.items():
                results[name] = asyncio.run(hammer(base, path, args.requests, args.concurrency))
                print(f"{name}: {results[name]}", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()

    report = {
        "documents": count,
        "cold_brief_seconds": round(cold_s, 2),
        "endpoints": results,
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}",
    }
    print(f"{count} documents; first /brief (analysis + brief): {cold_s:.2f} s")
    print(f"{'endpoint':45} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for name, r in results.items():
        print(f"{name:45} {r['rps']:8.1f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} {r['errors']:6d}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
