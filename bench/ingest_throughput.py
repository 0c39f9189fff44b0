"""Ingest throughput: Multi-News articles turned into Documents per second, on one core.

    python bench/ingest_throughput.py ../shared/eval/multinews/dev.jsonl [--limit N] [--json FILE]

Reads clusters with `storyline.ingest.multinews.iter_clusters` (LongBench
JSONL or Multi-News+ JSONL.gz), then times `document_from_text` (shape
detection, cleaning, segmentation, hashing) over every article in one
process. Articles that ingest rejects (e.g. a page holding only a video
player notice) are counted, not timed separately.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.errors import InputError
from storyline.ingest import document_from_text
from storyline.ingest.multinews import iter_clusters
from storyline.store import Store


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", help="Multi-News JSONL (LongBench dev.jsonl or Multi-News+ .jsonl.gz)"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    parser.add_argument("--json", dest="json_path", default=None, help="write the results here")
    parser.add_argument(
        "--store",
        action="store_true",
        help="also write each Document to a fresh SQLite store (FTS5 + dedupe), as `storyline ingest` does",
    )
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    articles: list[tuple[str, str]] = []
    for cluster_id, texts, _ in iter_clusters(args.data):
        for n, text in enumerate(texts):
            articles.append((f"multinews:{cluster_id}:{n}", text))
            if args.limit and len(articles) >= args.limit:
                break
        if args.limit and len(articles) >= args.limit:
            break

    document_from_text("Warm-up article. It has two sentences.", "warm-up")  # load nupunkt, ftfy
    kinds: collections.Counter[str] = collections.Counter()
    rejected = sentences = 0
    chars = sum(len(text) for _, text in articles)
    tmp = tempfile.TemporaryDirectory()
    store = Store(str(Path(tmp.name) / "bench.db")) if args.store else None
    statuses: collections.Counter[str] = collections.Counter()
    start = time.perf_counter()
    for source, text in articles:
        try:
            doc = document_from_text(text, source)
        except InputError:
            rejected += 1
            continue
        kinds[doc.kind] += 1
        sentences += len(doc.sentences)
        if store is not None:
            statuses[store.add(doc).status] += 1
    seconds = time.perf_counter() - start
    if store is not None:
        store.close()
    tmp.cleanup()
    result = {
        "data": str(args.data),
        "articles": len(articles),
        "rejected": rejected,
        "kinds": dict(kinds),
        "sentences": sentences,
        "input_chars": chars,
        "seconds": round(seconds, 3),
        "articles_per_second": round(len(articles) / seconds, 1),
        "chars_per_second": round(chars / seconds),
        "python": platform.python_version(),
        "stored": dict(statuses) if args.store else None,
    }
    print(f"{result['articles']} articles, {chars:,} chars in {seconds:.2f} s")
    print(
        f"{result['articles_per_second']} articles/s, {result['chars_per_second']:,} chars/s (one core)"
    )
    print(f"kinds: {dict(kinds)}; rejected: {rejected}; sentences: {sentences}")
    if args.store:
        print(f"store: {dict(statuses)}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
