"""Stories on both backends: the same documents make the same stories in SQLite and PostgreSQL."""

from __future__ import annotations

from story_threads import thread_doc

from storyline.clustering import cluster_pending, get_story, list_stories

DAYS = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-09", "2024-03-10"]
THREADS = (("bridge", "Bay News"), ("strike", "Health Wire"), ("comet", None))


def test_stories_are_the_same_on_every_backend(new_store):
    docs = [thread_doc(t, n, day, outlet) for n, day in enumerate(DAYS) for t, outlet in THREADS]
    with new_store() as store:
        store.add_many(docs)
        report = cluster_pending(store)
        assert (report.clustered, report.new_stories) == (18, 3)
        stories = list_stories(store)
        assert sorted(len(s.documents) for s in stories) == [6, 6, 6]
        assert {(s.first, s.last) for s in stories} == {("2024-03-01", "2024-03-10")}
        by_thread = {get_story(store, s.id).label for s in stories}
        assert len(by_thread) == 3
        assert cluster_pending(store).clustered == 0  # nothing left: idempotent


def test_cli_stories_on_every_backend(new_store, store_url):
    import json

    from typer.testing import CliRunner

    from storyline.cli import app

    with new_store() as store:
        store.add_many([thread_doc("bridge", n, day, "Bay News") for n, day in enumerate(DAYS)])
    result = CliRunner().invoke(app, ["stories", "--db", store_url, "--json"])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.stdout)
    assert len(story["documents"]) == 6
    shown = CliRunner().invoke(app, ["stories", "show", story["id"], "--db", store_url, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == story["id"]


def test_dense_vectors_on_every_backend(new_store):
    """The dense migration (float32 bytes in BLOB / bytea) reads back what was written."""
    import numpy as np

    from storyline.clustering import Params
    from storyline.store import stories as rows

    def encoder(texts: list[str]) -> np.ndarray:
        out = np.array([[len(t) % 7 + 1.0, 1.0, 0.5] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    docs = [thread_doc(t, n, day, outlet) for n, day in enumerate(DAYS) for t, outlet in THREADS]
    with new_store() as store:
        store.add_many(docs)
        cluster_pending(store, Params(dense=True), embed=encoder)
        assert sorted(len(s.documents) for s in list_stories(store)) == [6, 6, 6]
        with store.reading() as conn:
            vectors = rows.dense_vectors(conn, rows.DOCUMENT, range(1, 40))
            sums = rows.dense_vectors(conn, rows.STORY, range(1, 40))
        assert len(vectors) == 18 and all(v.dtype == np.float32 for v in vectors.values())
        assert (
            abs(
                sum(float(v.sum()) for v in sums.values())
                - sum(float(v.sum()) for v in vectors.values())
            )
            < 1e-3
        )
