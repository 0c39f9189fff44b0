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
