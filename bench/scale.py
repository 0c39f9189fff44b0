"""Ingest at scale: SQLite in one process, PostgreSQL in one process, PostgreSQL + Dask workers.

Builds a folder of N plain-text articles from ../shared/eval (Multi-News+ validation articles,
then Timeline17, PolNeAR and Multi-News dev; past the ~19k real articles, each further
document joins two real articles, so every text is a new one), then for each backend runs the
whole ingest path (read, clean, segment, dedupe, store) in a fresh process and reports:
articles/s, the driver's peak RSS, per-document cost, and time to first search (open the
store in a new process and run one query). PostgreSQL is a throw-away local server with fsync
on (like SQLite's synchronous=FULL), unless --pg names one.

nice .venv/bin/python bench/scale.py ../shared/eval --sizes 1000 10000 --json out/scale.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "store"))

MODES = ("sqlite", "postgresql", "dask")
QUERY = "president said"


def real_articles(eval_dir: Path):
    """Real article texts, in a fixed order."""
    from storyline.ingest.multinews import iter_clusters

    plus = eval_dir / "multinews" / "plus_val_truncated.jsonl.gz"
    if plus.exists():
        for _, articles, _ in iter_clusters(plus):
            yield from articles
    for path in sorted((eval_dir / "timeline17").glob("*/InputDocs/*/*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((eval_dir / "polnear").glob("*/text/*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")
    dev = eval_dir / "multinews" / "dev.jsonl"
    if dev.exists():
        for _, articles, _ in iter_clusters(dev):
            yield from articles


def build_corpus(eval_dir: Path, n: int, folder: Path) -> dict[str, int]:
    """Write n article files into `folder`; how many are real and how many joined pairs."""
    real = [t for t in real_articles(eval_dir) if len(t.split()) >= 20]
    folder.mkdir(parents=True, exist_ok=True)
    joined = 0
    for i in range(n):
        if i < len(real):
            text = real[i]
        else:  # two real articles, a different pair each time (round k shifts the partner)
            j = i - len(real)
            a, k = j % len(real), j // len(real)
            b = (a * 7919 + 1 + k * 104729) % len(real)
            text = real[a] + "\n\n" + real[b if b != a else (b + 1) % len(real)]
            joined += 1
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return {"real": n - joined, "joined_pairs": joined, "available_real": len(real)}


def peak_rss_mb() -> float:
    """This process's peak RSS since its exec (VmHWM). Not ru_maxrss: Linux carries that
    over from the forking parent, so a child would report the bench driver's own peak."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest_one(mode: str, folder: str, db: str, workers: int) -> dict:
    """One measured run, in this (fresh) process."""
    from storyline.config import Settings
    from storyline.errors import InputError
    from storyline.ingest import read
    from storyline.store import open_store

    settings = Settings(allow_private_urls=True)
    counts: dict[str, int] = {}
    stages = {"read_clean_s": 0.0, "hash_s": 0.0, "store_add_s": 0.0}
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    if mode == "dask":
        import distributed

        from storyline.distributed import ingest_on_cluster

        with (
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            ready = time.perf_counter()
            for outcome in ingest_on_cluster([folder], db, client, settings=settings):
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
            cluster_start = ready - started
    else:
        from storyline.store import nearest

        cluster_start = 0.0
        real_of = nearest.Fingerprint.of

        def timed_of(text: str) -> nearest.Fingerprint:
            t = time.perf_counter()
            try:
                return real_of(text)
            finally:
                stages["hash_s"] += time.perf_counter() - t

        nearest.Fingerprint.of = staticmethod(timed_of)  # type: ignore[method-assign]
        with open_store(db, settings=settings) as store:
            t = time.perf_counter()
            for item in read([folder], settings=settings):
                stages["read_clean_s"] += time.perf_counter() - t
                if isinstance(item, InputError):
                    counts["error"] = counts.get("error", 0) + 1
                else:
                    t = time.perf_counter()
                    status = store.add(item).status
                    stages["store_add_s"] += time.perf_counter() - t
                    counts[status] = counts.get(status, 0) + 1
                t = time.perf_counter()
    elapsed = time.perf_counter() - started
    if "store_add_s" in stages:
        stages["store_write_s"] = stages["store_add_s"] - stages["hash_s"]
    return {
        "seconds": elapsed,
        "stages": stages,
        "cluster_start_s": cluster_start,
        "loadavg_1m": [load_before, os.getloadavg()[0]],  # the machine is shared: say how busy
        "outcomes": counts,
        "driver_peak_rss_mb": peak_rss_mb(),
    }


def first_search(db: str) -> dict:
    """Open the store in this fresh process and run one query: the time until hits come back."""
    from storyline.store import open_store

    started = time.perf_counter()
    with open_store(db) as store:
        hits = store.search(QUERY, limit=10)
        first = time.perf_counter() - started
        t = time.perf_counter()
        for _ in range(5):
            store.search(QUERY, limit=10)
        warm = (time.perf_counter() - t) / 5
        stats = store.stats()
    return {
        "first_search_s": first,
        "warm_search_ms": warm * 1000,
        "hits": len(hits),
        "documents": stats.documents,
        "duplicates": stats.duplicates,
        "size_mb": stats.size_bytes / 1e6,
    }


def analysis_cost(eval_dir: Path, k: int) -> dict:
    """Per-article cost of the analysis stage (spaCy + components), one process, k articles."""
    from storyline.analysis.pipeline import analyze
    from storyline.ingest import document_from_text

    texts = [t for t in real_articles(eval_dir) if len(t.split()) >= 20][:k]
    docs = [document_from_text(t, f"a{i}.txt") for i, t in enumerate(texts)]
    list(analyze(docs[:2]))  # load the model outside the timing
    started = time.perf_counter()
    list(analyze(docs))
    elapsed = time.perf_counter() - started
    return {
        "analysis_articles": len(docs),
        "analysis_ms_per_doc": 1000 * elapsed / len(docs),
        "analysis_chars_per_doc": sum(len(d.text) for d in docs) / len(docs),
        "loadavg_1m": os.getloadavg()[0],
    }


def child(args: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, nargs="?", default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg", help="an existing server's postgresql:// URL (default: throw-away)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", nargs=4, metavar=("MODE", "FOLDER", "DB", "WORKERS"))
    parser.add_argument("--search", metavar="DB")
    parser.add_argument(
        "--analysis", type=int, default=0, metavar="K", help="also time analysis on K articles"
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(ingest_one(args.one[0], args.one[1], args.one[2], int(args.one[3]))))
        return
    if args.search:
        print(json.dumps(first_search(args.search)))
        return

    results: list[dict] = []
    if args.analysis:
        cost = analysis_cost(args.eval_dir, args.analysis)
        print(
            f"analysis: {cost['analysis_ms_per_doc']:.1f} ms/article over {args.analysis}",
            flush=True,
        )
        results.append({"mode": "analysis", **cost})
    with contextlib.ExitStack() as stack:
        pg = args.pg
        if pg is None and set(args.modes) - {"sqlite"} and args.sizes:
            from pg_server import throwaway_server

            pg = stack.enter_context(throwaway_server(fsync=True))
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="storyline-scale-")))
        for n in args.sizes:
            folder = tmp / f"in{n}"
            corpus = build_corpus(args.eval_dir, n, folder)
            for mode in args.modes:
                if mode == "sqlite":
                    db = str(tmp / f"scale{n}.db")
                else:
                    import psycopg

                    name = f"scale_{mode}_{n}_{os.getpid()}"
                    with psycopg.connect(pg, autocommit=True) as conn:
                        conn.execute(f'CREATE DATABASE "{name}"')
                    db = pg.rsplit("/", 1)[0] + "/" + name
                run = child(["--one", mode, str(folder), db, str(args.workers)])
                run.update(child(["--search", db]))
                run.update(
                    mode=mode, n=n, corpus=corpus, workers=args.workers if mode == "dask" else 1
                )
                run["articles_per_s"] = n / run["seconds"]
                run["articles_per_s_after_start"] = n / (run["seconds"] - run["cluster_start_s"])
                run["ms_per_doc"] = 1000 * run["seconds"] / n
                results.append(run)
                print(
                    f"{mode:<10} n={n:>6}: {run['articles_per_s']:7.1f} articles/s, "
                    f"{run['ms_per_doc']:6.2f} ms/doc, driver peak {run['driver_peak_rss_mb']:6.0f} MB, "
                    f"first search {run['first_search_s']:.3f} s (warm {run['warm_search_ms']:.1f} ms), "
                    f"{run['documents']} stored, {run['duplicates']} duplicates, {run['size_mb']:.0f} MB",
                    flush=True,
                )
                if mode == "sqlite":
                    for suffix in ("", "-wal", "-shm"):
                        with contextlib.suppress(FileNotFoundError):
                            os.remove(db + suffix)
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
