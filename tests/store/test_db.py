"""Store: exact round trips, reading, deleting, the analysis cache, stats and threads."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from store_helpers import article, build_doc, dump, row_counts

from storyline.config import Settings
from storyline.errors import ConfigError, StoreError
from storyline.model import Document, Sentence, Span, Turn
from storyline.store import Store
from storyline.store.schema import SCHEMA_VERSION


def full_doc() -> Document:
    text = (
        "HOST: Welcome back. Today we talk about the new bridge.\n\n"
        "ANA DÍAZ: The council approved €3.2 million on Tuesday. Work starts in May."
    )
    return Document(
        id="0123456789abcdef",
        source="/data/radio/bridge.txt",
        text=text,
        kind="transcript",
        title="Bridge «funding» approved",
        outlet="Radio Nord",
        author="Staff",
        published="2014-05-07",
        published_granularity="day",
        published_source="metadata",
        url="https://example.org/bridge",
        paragraphs=[Span(0, 55), Span(57, len(text))],
        sentences=[
            Sentence(6, 19, 0, "HOST"),
            Sentence(20, 55, 0, "HOST"),
            Sentence(67, 118, 1, "ANA DÍAZ"),
            Sentence(119, len(text), 1, "ANA DÍAZ"),
        ],
        turns=[
            Turn("HOST", None, None, 6, 55),
            Turn("ANA DÍAZ", "councillor", "City Council", 67, len(text)),
        ],
        content_hash="f" * 64,
        meta={
            "feed": {"name": "Nord", "tags": ["local", "transport"]},
            "score": 0.5,
            "n": 3,
            "empty": None,
            "flag": True,
        },
    )


def test_store_roundtrip_is_exact(new_store):
    doc = full_doc()
    with new_store() as store:
        result = store.add(doc)
        assert (result.status, result.id, result.duplicate_of) == ("added", doc.id, None)
        assert store.get(result.id) == doc


def test_store_roundtrip_survives_reopen(new_store):
    doc = full_doc()
    with new_store() as store:
        store.add(doc)
    with new_store() as store:
        assert store.get(doc.id) == doc
        assert store.documents() == [doc]


def test_store_file_pragmas(db_path):
    with Store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    with Store(db_path) as store:
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_get_unknown_id_names_it(new_store):
    with new_store() as store:
        with pytest.raises(StoreError, match="nope"):
            store.get("nope")
        with pytest.raises(StoreError, match="nope"):
            store.documents(["nope"])
        with pytest.raises(StoreError, match="nope"):
            store.links("nope")


def test_store_list_orders_by_published_then_title_undated_last(new_store):
    docs = [
        build_doc("One.", title="Zeta", published="2014-05-07"),
        build_doc("Two.", title="Alpha", published="2014-05-07"),
        build_doc("Three.", title="Beta", published="2013"),
        build_doc("Four.", title="Aardvark"),
        build_doc("Five.", title="Gamma", published="2014-05"),
    ]
    with new_store() as store:
        store.add_many(docs)
        assert [r.title for r in store.list()] == ["Beta", "Gamma", "Alpha", "Zeta", "Aardvark"]
        assert store.list()[0] == docs[2].ref()
        assert [d.title for d in store.documents()] == [r.title for r in store.list()]


def test_store_documents_keeps_requested_order_and_counts(new_store):
    docs = [build_doc(article(i, 30), source=f"s{i}") for i in range(3)]
    with new_store() as store:
        seen = []
        results = store.add_many(docs, on_result=seen.append)
        assert seen == results and [r.status for r in results] == ["added"] * 3
        ids = [docs[2].id, docs[0].id]
        assert store.documents(ids) == [docs[2], docs[0]]
        assert store.count() == len(store) == 3
        assert docs[1].id in store and "missing" not in store


def test_store_delete_removes_everything(db_path):
    doc = build_doc("The harbour festival drew a record crowd. Officials were pleased.")
    with Store(db_path) as store:
        store.add(doc)
        store.save_analysis({"document": doc.id, "entities": []}, "v1")
        store.add(build_doc(doc.text, id=doc.id, source="copy.txt"))
        assert store.links(doc.id)
        store.delete(doc.id)
        assert store.count() == 0 and store.search("harbour") == []
        assert store.stats().sentences == 0 and store.stats().duplicates == 0
        assert store.load_analysis(doc.id, "v1") is None
        with pytest.raises(StoreError, match=doc.id):
            store.delete(doc.id)
        assert store.verify() == []
    counts = row_counts(db_path)
    assert [
        counts[t] for t in ("documents", "sentences", "minhashes", "duplicates", "analyses")
    ] == [0, 0, 0, 0, 0]
    with Store(db_path) as store:  # and it can come back
        assert store.add(doc).status == "added" and store.get(doc.id) == doc


def test_store_analysis_cache_is_versioned(new_store):
    doc = build_doc("The mayor opened the new library.")
    analysis = {"document": doc.id, "entities": [{"text": "mayor", "start": 4}], "quotes": []}
    with new_store() as store:
        store.add(doc)
        assert store.load_analysis(doc.id, "v1") is None
        store.save_analysis(analysis, "v1")
        assert store.load_analysis(doc.id, "v1") == analysis
        assert store.load_analysis(doc.id, "v2") is None
        store.save_analysis({**analysis, "quotes": [1]}, "v2")
        assert store.load_analysis(doc.id, "v1") is None
        assert store.load_analysis(doc.id, "v2")["quotes"] == [1]
        with pytest.raises(StoreError, match="unknown"):
            store.save_analysis({"document": "unknown"}, "v1")
        with pytest.raises(StoreError):
            store.save_analysis({"entities": []}, "v1")
        with pytest.raises(StoreError, match=doc.id):
            store.save_analysis({"document": doc.id, "bad": {1, 2}}, "v1")
        assert store.load_analysis(doc.id, "v2")["quotes"] == [1]


@pytest.mark.parametrize(
    "bad",
    [
        lambda d: d.sentences.append(Sentence(0, len(d.text) + 5)),
        lambda d: d.paragraphs.append(Span(-1, 3)),
        lambda d: d.turns.append(Turn("X", None, None, 5, 2)),
        lambda d: d.meta.update(tags={"a", "b"}),
        lambda d: setattr(d, "id", ""),
    ],
    ids=["sentence-out-of-range", "negative-paragraph", "reversed-turn", "set-in-meta", "empty-id"],
)
def test_store_bad_document_leaves_store_intact(db_path, bad):
    good = build_doc("The school board met on Monday. It voted to repair the roof.")
    broken = build_doc("The river rose overnight. Roads were closed.")
    bad(broken)
    with Store(db_path) as store:
        store.add(good)
        before = dump(db_path)
        with pytest.raises(StoreError):
            store.add(broken)
        assert dump(db_path) == before
        assert store.get(good.id) == good and store.verify() == []


def test_store_same_id_different_text_is_refused(new_store):
    with new_store() as store:
        store.add(build_doc("Original text here.", id="x1"))
        with pytest.raises(StoreError, match="x1"):
            store.add(build_doc("Another text entirely.", id="x1"))
        assert store.get("x1").text == "Original text here."


def test_store_stats_counts_and_size(new_store, db_path):
    docs = [build_doc(article(i, 60), source=f"s{i}") for i in range(4)]
    with Store(db_path) as store:
        store.add_many(docs)
        store.add(build_doc(docs[0].text, id=docs[0].id, source="elsewhere"))
        stats = store.stats()
        assert (stats.documents, stats.duplicates) == (4, 1)
        assert stats.sentences == sum(len(d.sentences) for d in docs)
        assert stats.size_bytes >= db_path.stat().st_size > 0
    with new_store() as store:
        assert store.stats().size_bytes > 0


def test_store_threshold_from_settings_and_validation(db_path):
    with Store.from_settings(Settings(db=str(db_path), near_duplicate_threshold=0.9)) as store:
        assert store.near_duplicate_threshold == 0.9 and store.path == str(db_path)
    with Store(":memory:") as store:
        assert store.near_duplicate_threshold == Settings().near_duplicate_threshold
    with pytest.raises(ConfigError):
        Store(":memory:", near_duplicate_threshold=1.5)


def test_store_shared_across_threads(new_store):
    per_thread, threads = 15, 4
    errors: list[BaseException] = []
    with new_store() as store:

        def work(t: int) -> None:
            try:
                for i in range(per_thread):
                    seed = 1000 + t * per_thread + i
                    store.add(build_doc(article(seed, 40), source=f"t{t}-{i}"))
                    store.search("council budget")
                    store.count()
            except BaseException as exc:
                errors.append(exc)

        workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert errors == []
        assert store.count() == per_thread * threads
        assert store.verify() == []


def test_older_store_banded_once_while_threads_add(new_store):
    """Writers racing the one-off band backfill of an older store neither fail nor double-band."""
    with new_store() as store:
        store.add_many([build_doc(article(1200 + i, 40), source=f"old{i}") for i in range(6)])
        with store.transaction() as conn:  # as a store written before bands were kept
            bands = conn.execute("SELECT count(*) FROM lsh_bands").fetchone()[0]
            conn.execute("DELETE FROM lsh_bands")
            conn.execute("DELETE FROM store_state WHERE name = 'lsh_bands'")
    errors: list[BaseException] = []
    with new_store() as store:

        def work(t: int) -> None:
            try:
                for i in range(5):
                    store.add(build_doc(article(1300 + t * 5 + i, 40), source=f"t{t}-{i}"))
            except BaseException as exc:
                errors.append(exc)

        workers = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert errors == []
        with store.reading() as conn:
            per_doc = conn.execute(
                "SELECT count(*) FROM lsh_bands WHERE doc_pk IN "
                "(SELECT pk FROM documents WHERE source LIKE ?)",
                ("old%",),
            ).fetchone()[0]
            unbanded = conn.execute(
                "SELECT count(*) FROM documents WHERE pk NOT IN (SELECT doc_pk FROM lsh_bands)"
            ).fetchone()[0]
        assert (per_doc, unbanded) == (bands, 0)
        assert store.count() == 26 and store.verify() == []
