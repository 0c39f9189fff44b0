"""`/api/stories` and `/api/stories/{id}` over a clustered store."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from story_threads import thread_doc

import storyline
from storyline.config import Settings
from storyline.web import create_app


def test_stories_api_lists_and_shows_stories(tmp_path: Path):
    db = tmp_path / "news.db"
    with storyline.Store(db) as store:
        for n, day in enumerate(["2024-03-01", "2024-03-02", "2024-03-03"]):
            store.add(thread_doc("bridge", n, day, "Bay News"))
            store.add(thread_doc("comet", n, day))
        store.add(thread_doc("comet", 3, "2024-03-05"))
        expected = storyline.stories(store)  # clusters the documents
    app = create_app(Settings(db=str(db), allowed_hosts="testserver"), token="")
    with TestClient(app) as client:
        listed = client.get("/api/stories").json()
        assert listed["count"] == 2
        assert [s["id"] for s in listed["stories"]] == [s.id for s in expected]
        first = listed["stories"][0]
        assert {"id", "label", "first", "last", "documents", "events", "activity"} <= set(first)
        assert client.get("/api/stories", params={"min_docs": 4}).json()["count"] == 1
        assert client.get("/api/stories", params={"since": "2024-03-04"}).json()["count"] == 1
        one = client.get(f"/api/stories/{first['id']}")
        assert one.status_code == 200 and one.json() == first
        missing = client.get("/api/stories/snope")
        assert missing.status_code == 404 and "no such story" in missing.text
