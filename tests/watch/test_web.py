"""The "What's new" and feeds pages (and their JSON twins) over a store a watch run filled."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from feedsite import STORIES, publish

from storyline.config import Settings
from storyline.store import Store
from storyline.store import feeds as state_db
from storyline.watch.config import Target, WatchOptions
from storyline.watch.loop import run
from storyline.web import create_app
from storyline.web.watch_pages import parse_since


@pytest.fixture
def watched(site, db):
    """Two polls of a growing feed plus a failing feed, with briefs off (fast)."""
    options = WatchOptions(
        targets=[
            Target(site.base + "/feed.xml", "Wrenfield Gazette", ("ferry",)),
            Target(site.base + "/gone.xml", "Gone <b>away</b>"),
        ],
        allow_hosts=[site.host],
        briefs=False,
    )
    settings = Settings(db=db, allow_private_urls=True)
    publish(site, 2)
    run(options, settings, once=True)
    publish(site, 3)
    run(options, settings, once=True)
    # a hostile title arrives with a stored update
    with Store(db) as store:
        state_db.save_update(
            store,
            state_db.UpdateRecord(
                "2026-11-29T00:00:00.000000+00:00",
                "hostile",
                "<script>alert(1)</script>",
                [],
                {
                    "new_documents": [],
                    "brief": {
                        "summary": [{"text": "<img src=x onerror=alert(1)>", "citations": []}]
                    },
                },
                None,
                datetime.now(UTC).isoformat(),
            ),
        )
    return db


def test_web_whats_new_lists_changed_stories_newest_first(watched):
    with TestClient(
        create_app(Settings(db=watched, allowed_hosts="testserver"), token="")
    ) as client:
        html = client.get("/whats-new?since=1d").text
        assert html.count('class="update"') >= 3  # 2 polls (one update per story) + the hostile
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
        assert "<img" not in html
        newest_gazette = html.index(STORIES[2][0])
        assert newest_gazette < html.index(STORIES[0][0])  # the second poll's update comes first
        data = client.get("/api/whats-new", params={"since": "2000-01-01"}).json()
        polls = [u["poll"] for u in data["updates"] if u["story"]["id"] != "hostile"]
        assert polls == sorted(polls, reverse=True) and len(polls) == 2
        titles = [
            d["title"]
            for d in data["updates"][0 if data["updates"][0]["story"]["id"] != "hostile" else 1][
                "new_documents"
            ]
        ]
        assert titles == [STORIES[2][0]]
        assert client.get("/api/whats-new", params={"since": "2999-01-01"}).json()["updates"] == []
        bad = client.get("/whats-new?since=yesterday-ish")
        assert bad.status_code == 400 and "since must be" in bad.text


def test_web_feeds_page_shows_each_feeds_health(watched):
    with TestClient(
        create_app(Settings(db=watched, allowed_hosts="testserver"), token="")
    ) as client:
        feeds = {f["url"].rsplit("/", 1)[-1]: f for f in client.get("/api/feeds").json()["feeds"]}
        assert feeds["feed.xml"]["health"] == "ok" and feeds["feed.xml"]["added"] == 3
        assert feeds["feed.xml"]["tags"] == ["ferry"]
        gone = feeds["gone.xml"]
        assert gone["health"].startswith("failing") and "HTTP 404" in gone["last_error"]
        html = client.get("/feeds").text
        assert html.index("Gone") < html.index("Wrenfield Gazette")  # failing ones first
        assert "Gone &lt;b&gt;away&lt;/b&gt;" in html and "HTTP 404" in html


def test_web_parse_since():
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert parse_since("24h", now) == "2026-11-28T12:00:00+00:00"
    assert parse_since("2w", now) == "2026-11-15T12:00:00+00:00"
    assert parse_since("2026-11-01", now) == "2026-11-01T00:00:00+00:00"
    assert parse_since("2026-11-01T08:00+02:00", now) == "2026-11-01T06:00:00+00:00"
    for bad in ("soon", "2026-13-45", "1" * 100):
        with pytest.raises(ValueError):
            parse_since(bad, now)
