"""Many writers at once: nothing lost, nothing doubled, nobody waits on a hash."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from store_helpers import article, build_doc

from storyline.store import Store, nearest

HERE = Path(__file__).resolve().parent

WRITER = textwrap.dedent(
    """
    import random, sys
    sys.path.insert(0, {here!r})
    from store_helpers import article, build_doc
    from storyline.store import open_store

    worker = int(sys.argv[1])
    seeds = list(range({n}))
    random.Random(worker).shuffle(seeds)  # every writer adds every text, in its own order
    with open_store({target!r}) as store:
        for seed in seeds:
            text = article(seed, 80)
            store.add(build_doc(text, id=f"doc{{seed}}", source=f"w{{worker}}"))
            # and its own near copy of another text: one more sentence at the end
            near = article(1000 + seed, 80) + f" Writer {{worker}} adds one more sentence here."
            store.add(build_doc(near, source=f"w{{worker}}"))
    """
)


def test_concurrent_writer_processes_store_each_text_and_near_copy_once(store_url, new_store):
    n, writers = 30, 4
    script = WRITER.format(here=str(HERE), n=n, target=store_url)
    with new_store():  # create the schema first, as an operator would
        pass
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(w)], stderr=subprocess.PIPE, text=True)
        for w in range(writers)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with new_store() as store:
        assert store.count() == 2 * n  # each text once, and one of each group of near copies
        assert {f"doc{s}" for s in range(n)} <= {r.id for r in store.list()}
        assert store.stats().duplicates == 2 * n * (writers - 1)  # the other writers', linked
        assert store.verify() == []


def test_hashing_happens_outside_the_write_lock(new_store, monkeypatch):
    """A writer hashing a big text must not block another writer's commit."""
    entered, release = threading.Event(), threading.Event()
    real_of = nearest.Fingerprint.of

    def slow_of(text: str) -> nearest.Fingerprint:
        if text.startswith("SLOW"):
            entered.set()
            assert release.wait(20)
        return real_of(text)

    monkeypatch.setattr(nearest.Fingerprint, "of", staticmethod(slow_of))
    with new_store() as store:
        slow = threading.Thread(
            target=store.add, args=(build_doc("SLOW " + article(1, 100), source="slow"),)
        )
        slow.start()
        assert entered.wait(20)
        started = time.monotonic()
        result = store.add(build_doc(article(2, 100), source="fast"))
        assert result.status == "added" and time.monotonic() - started < 5
        release.set()
        slow.join(20)
        assert store.count() == 2


def test_near_duplicate_hashing_memory_is_bounded(new_store):
    text = article(7, 50_000)  # ~330 kB of words
    with new_store() as store:
        store.add(build_doc(article(8, 50)))
        tracemalloc.start()
        try:
            store.add(build_doc(text, source="big"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    # was ~200 bytes per input byte; the text, its sentences and rows dominate now
    assert peak < 40 * len(text), f"{peak / len(text):.0f} bytes per input byte"


def test_sqlite_writer_waits_for_a_busy_file(db_path):
    with Store(db_path) as store:
        other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        timer = threading.Timer(1.0, lambda: other.execute("COMMIT"))
        timer.start()
        try:
            assert store.add(build_doc(article(3, 40))).status == "added"
        finally:
            timer.join()
            other.close()


def test_sqlite_ingest_is_durable_by_default(db_path):
    with Store(db_path) as store:
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with Store(db_path, synchronous="normal") as store:
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_sqlite_threads_read_while_another_writes(db_path):
    """A thread reading is not serialised behind the store's writer (a connection per thread)."""
    with Store(db_path) as store:
        store.add(build_doc(article(4, 40)))
        conns = set()

        def read() -> None:
            conns.add(id(store._conn))
            assert store.count() == 1

        threads = [threading.Thread(target=read) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(conns) == 3


@pytest.mark.parametrize("limit, offset", [(2, 0), (2, 2), (10, 4), (None, 0)])
def test_list_pages_and_filters(new_store, limit, offset):
    docs = [
        build_doc(f"The council met about the {w} plan.", title=w, published=f"2014-0{i + 1}-01")
        for i, w in enumerate(["bridge", "river", "budget", "school", "harbour"])
    ]
    with new_store() as store:
        store.add_many(docs)
        everything = store.list()
        end = None if limit is None else offset + limit
        assert store.list(limit=limit, offset=offset) == everything[offset:end]
        assert [r.title for r in store.list(since="2014-03-01")] == ["budget", "school", "harbour"]
        assert [r.title for r in store.list(query="river plan")] == ["river"]
        assert store.list(query="council", since="2014-04", limit=1)[0].title == "school"
        assert store.list(query="''") == []
