"""Store throughput on synthetic articles (not a test): add, re-add, search, LSH rebuild.

.venv/bin/python bench/store_throughput.py 2000
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "store"))
from store_helpers import article, build_doc

from storyline.store import Store


def main(n: int) -> None:
    docs = [build_doc(article(seed, 400), source=f"s{seed}") for seed in range(n)]
    queries = ["council budget", '"river bridge"', "storm flood village"] * 10
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        with Store(path) as store:
            t = time.perf_counter()
            store.add_many(docs)
            add = time.perf_counter() - t
            t = time.perf_counter()
            store.add_many(docs)
            readd = time.perf_counter() - t
            t = time.perf_counter()
            for q in queries:
                store.search(q)
            search = (time.perf_counter() - t) / len(queries)
            stats = store.stats()
        with Store(path) as store:
            t = time.perf_counter()
            store.add(build_doc(article(10**6, 400), source="new"))
            rebuild = time.perf_counter() - t
    print(
        f"{n} docs x 400 words: add {n / add:.0f} docs/s, re-add (unchanged) {n / readd:.0f} docs/s, "
        f"search {search * 1000:.1f} ms/query, reopen + first add (LSH rebuild) {rebuild:.2f} s, "
        f"{stats.size_bytes / 1e6:.1f} MB for {stats.sentences} sentences"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
