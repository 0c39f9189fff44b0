"""Crash safety: a failure or a kill mid-write never leaves half a document behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_helpers import article, build_doc, dump

from storyline.errors import StoreError
from storyline.store import Store, dedupe
from storyline.store import db as store_db
from storyline.store.rows import sentence_rows

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("error", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_crash_midway_through_sentences_rolls_back(db_path, monkeypatch, error):
    kept = build_doc(article(1, 60), source="kept.txt")
    doc = build_doc(article(2, 120), source="new.txt")
    assert len(doc.sentences) > 4

    def failing_rows(d):
        for i, row in enumerate(sentence_rows(d)):
            if i == 3:
                raise error
            yield row

    with Store(db_path) as store:
        store.add(kept)
        before = dump(db_path)
        monkeypatch.setattr(store_db, "sentence_rows", failing_rows)
        with pytest.raises(type(error)):
            store.add(doc)
        assert dump(db_path) == before
        assert store.verify() == []
        monkeypatch.setattr(store_db, "sentence_rows", sentence_rows)
        # the failed document was not half-remembered anywhere, the LSH index included
        assert store.add(doc).status == "added" and store.get(doc.id) == doc
        assert store.get(kept.id) == kept


def test_crash_at_signature_rolls_back(db_path, monkeypatch):
    doc = build_doc(article(3, 80))
    with Store(db_path) as store:
        before = dump(db_path)
        monkeypatch.setattr(dedupe, "to_blob", lambda mh: (_ for _ in ()).throw(OSError("boom")))
        with pytest.raises(OSError):
            store.add(doc)
        assert dump(db_path) == before and store.count() == 0


def test_crash_on_sqlite_error_becomes_store_error(db_path, monkeypatch):
    def bad_rows(d):
        yield (d.id, 0, 0, 1, 0, None)
        yield (d.id, 0, 0, 1, 0, None)  # same primary key twice

    doc = build_doc(article(4, 50))
    with Store(db_path) as store:
        before = dump(db_path)
        monkeypatch.setattr(store_db, "sentence_rows", bad_rows)
        with pytest.raises(StoreError, match=doc.id):
            store.add(doc)
        assert dump(db_path) == before


CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {here!r})
    from store_helpers import article, build_doc
    from storyline.store import Store

    store = Store({path!r})
    for seed in range(100000):
        doc = build_doc(article(seed, 400), source=f"s{{seed}}")
        store.add(doc)
        print(seed, flush=True)
    """
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_crash_killed_while_ingesting_leaves_a_sound_store(db_path, sig):
    script = CHILD.format(here=str(HERE), path=str(db_path))
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        committed = -1
        for line in child.stdout:  # wait until a good number are in, then strike mid-stream
            committed = int(line)
            if committed >= 25:
                break
        assert committed >= 25, "child stopped before it wrote enough documents"
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with Store(db_path) as store:
        assert store.verify() == []
        stored = {ref.id for ref in store.list()}
        assert len(stored) >= committed + 1  # everything reported as committed survived
        expected = {
            d.id: d
            for d in (build_doc(article(s, 400), source=f"s{s}") for s in range(len(stored) + 1))
        }
        assert stored <= set(expected)
        for doc_id in stored:
            assert store.get(doc_id) == expected[doc_id]
            phrase = '"' + " ".join(expected[doc_id].text.split()[:6]) + '"'
            assert doc_id in store.search_ids(phrase)


def test_crash_verify_reports_damage(db_path):
    doc = build_doc(article(5, 60))
    with Store(db_path) as store:
        store.add(doc)
        assert store.verify() == []
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DELETE FROM sentences WHERE idx = 0")
    conn.execute("DELETE FROM minhashes")
    conn.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
        "SELECT 'delete', pk, title, text FROM documents"
    )
    conn.close()
    with Store(db_path) as store:
        problems = store.verify()
    assert any("sentences stored" in p for p in problems)
    assert any("MinHash" in p for p in problems)
    assert any("full-text index" in p for p in problems)
