"""Stories on the web: /stories, /stories/{id} and their /api twins.

The store holds the bundled demo corpus (one story over two years), the
hand-written ferry-terminal articles and a hand-written water-outage pair
dated later, all ingested and clustered as `storyline ingest` does. Briefs are
the hand-built one (no spaCy), so these tests take a second or two.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_samples import ARTICLES, hand_builder, make_document

from storyline.config import Settings
from storyline.errors import StorylineError
from storyline.model import Document

DEMO = Path(__file__).resolve().parents[2] / "storyline" / "demo"
KEYS = {"id", "label", "first", "last", "documents", "outlets", "events", "activity"}

OUTAGE = [
    {
        "title": "Glenmoor taps run dry after main bursts",
        "outlet": "Glenmoor Gazette",
        "published": "2026-02-03",
        "text": (
            "A burst water main left 9,000 homes in Glenmoor without running water on Tuesday. "
            "Glenmoor Water said engineers were working through the night to repair the main.\n\n"
            '"We are sorry for the disruption," said Priya Nand, the Glenmoor Water operations '
            "director. Bottled water is being handed out at the Glenmoor leisure centre."
        ),
    },
    {
        "title": "Glenmoor water restored, inquiry into burst main",
        "outlet": "Valley Courier",
        "published": "2026-02-05",
        "text": (
            "Running water returned to Glenmoor homes on Thursday after the burst water main was "
            "repaired, Glenmoor Water said.\n\n"
            "Priya Nand, the Glenmoor Water operations director, said an inquiry would look at why "
            "the main burst and why bottled water ran short at the leisure centre."
        ),
    },
]


def _docs(articles: list[dict[str, object]], prefix: str) -> list[Document]:
    return [
        make_document(
            str(a["text"]), f"{prefix}:{i}", **{k: v for k, v in a.items() if k != "text"}
        )
        for i, a in enumerate(articles)
    ]


@pytest.fixture(scope="module")
def stories_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo corpus + ferry articles + outage pair, stored and clustered (the ingest steps)."""
    from storyline.clustering import cluster_pending
    from storyline.ingest import read
    from storyline.store import Store

    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store(db) as store:
        for doc in read([str(DEMO)]):
            assert isinstance(doc, Document), doc
            store.add(doc)
        for doc in _docs(ARTICLES, "ferry") + _docs(OUTAGE, "outage"):
            store.add(doc)
        cluster_pending(store)
    return db


@pytest.fixture()
def app(stories_db: Path):
    from storyline.web import create_app

    app = create_app(Settings(db=str(stories_db), allowed_hosts="testserver"), token="")
    app.state.storyline.briefs.builder = hand_builder
    return app


@pytest.fixture()
def web(app) -> TestClient:
    with TestClient(app) as c:
        yield c


def _demo_ids() -> set[str]:
    from storyline.ingest import read

    return {d.id for d in read([str(DEMO)]) if isinstance(d, Document)}


def _story_of(stories: list[dict], doc_id: str) -> dict:
    found = [s for s in stories if doc_id in s["documents"]]
    assert len(found) == 1, f"{doc_id} is in {len(found)} stories"
    return found[0]


def test_api_stories_have_the_public_shape(web: TestClient) -> None:
    body = web.get("/api/stories").json()
    stories = body["stories"]
    assert body["count"] == len(stories) >= 3
    for s in stories:
        assert set(s) >= KEYS, s.keys()
        assert s["first"] <= s["last"]
        assert s["outlets"] >= 1
        assert sum(n for _, n in s["activity"]) == len(s["documents"])
        event_docs = [d for e in s["events"] for d in e["documents"]]
        assert {"id", "label", "documents"} <= set(s["events"][0])
        assert sorted(event_docs) == sorted(s["documents"])  # every document in one event
    every = [d for s in stories for d in s["documents"]]
    assert len(every) == len(set(every))  # a document is in exactly one story
    demo = _story_of(stories, next(iter(_demo_ids())))
    assert set(demo["documents"]) == _demo_ids()  # the demo corpus is one story
    assert demo["first"] == "2023-03-14" and demo["last"] == "2025-01-15"


def test_sort_most_active_or_newest(web: TestClient) -> None:
    active = web.get("/api/stories").json()["stories"]
    sizes = [len(s["documents"]) for s in active]
    assert sizes == sorted(sizes, reverse=True)
    assert set(active[0]["documents"]) == _demo_ids()
    newest = web.get("/api/stories", params={"sort": "newest"}).json()["stories"]
    lasts = [s["last"] for s in newest]
    assert lasts == sorted(lasts, reverse=True)
    assert newest[0]["last"] == "2026-02-05"  # the outage: newest, though smaller
    assert {s["id"] for s in newest} == {s["id"] for s in active}
    assert web.get("/api/stories", params={"sort": "random"}).status_code == 422


def test_filters_and_pages(web: TestClient) -> None:
    everything = web.get("/api/stories").json()
    ferry = web.get("/api/stories", params={"query": "ferry terminal"}).json()["stories"]
    assert web.get("/api/stories", params={"q": "ferry terminal"}).json()["stories"] == ferry
    assert ferry and any("Bayside" in s["label"] or "ferry" in s["label"].lower() for s in ferry)
    outage_ids = {d.id for d in _docs(OUTAGE, "outage")}
    assert all(not outage_ids & set(s["documents"]) for s in ferry)
    recent = web.get("/api/stories", params={"since": "2026-01-01"}).json()["stories"]
    assert [set(s["documents"]) for s in recent] == [outage_ids]
    big = web.get("/api/stories", params={"min_docs": 3}).json()["stories"]
    assert big and all(len(s["documents"]) >= 3 for s in big)
    assert len(big) < everything["count"]
    second = web.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert second["count"] == everything["count"]
    assert [s["id"] for s in second["stories"]] == [everything["stories"][1]["id"]]
    assert web.get("/api/stories", params={"limit": 1000}).status_code == 422
    bad = web.get("/api/stories", params={"since": "last tuesday"})
    assert bad.status_code == 400 and "since" in bad.json()["error"]


def test_one_story_and_unknown_ids(web: TestClient) -> None:
    listed = web.get("/api/stories").json()["stories"][0]
    one = web.get(f"/api/stories/{listed['id']}")
    assert one.status_code == 200
    body = one.json()
    assert body == listed
    for path in ("/api/stories/s0000nothere", "/stories/s0000nothere"):
        missing = web.get(path)
        assert missing.status_code == 404, path
        assert "script-src 'self'" in missing.headers["content-security-policy"]
        assert missing.headers["x-content-type-options"] == "nosniff"
    assert "no such story" in web.get("/api/stories/s0000nothere").json()["error"]


def test_stories_page(web: TestClient) -> None:
    page = web.get("/stories")
    assert page.status_code == 200
    html = page.text
    assert '<a href="/stories">Stories</a>' in html  # the site navigation
    stories = web.get("/api/stories").json()["stories"]
    links = re.findall(r'class="story-link" href="/stories/([^"]+)"', html)
    assert links == [s["id"] for s in stories]
    assert html.count('<svg class="activity"') == len(stories)  # every story here is dated
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script (CSP)
    newest = web.get("/stories", params={"sort": "newest"}).text
    order = re.findall(r'class="story-link" href="/stories/([^"]+)"', newest)
    assert order[0] == web.get("/api/stories", params={"sort": "newest"}).json()["stories"][0]["id"]
    paged = web.get("/stories", params={"limit": 1}).text
    assert len(re.findall(r'class="story-link"', paged)) == 1
    assert 'rel="next"' in paged and "offset=1" in paged


def test_story_page_shows_events_documents_and_brief(app, web: TestClient) -> None:
    ferry = _docs(ARTICLES, "ferry")[0]
    story = _story_of(web.get("/api/stories").json()["stories"], ferry.id)
    html = web.get(f"/stories/{story['id']}").text
    assert len(re.findall(r'<li id="story-event-\d+"', html)) == len(story["events"])
    assert html.count('<a href="#story-event-') == len(story["events"])  # on the SVG timeline
    for doc_id in story["documents"]:
        assert f'href="/documents/{doc_id}"' in html
    assert 'id="story-brief"' in html and 'class="passages"' in html
    assert "approved the Bayside ferry terminal." in html  # the hand-built brief's summary
    assert f'href="/documents/{ferry.id}?start=' in html  # its citations link to passages
    builds = app.state.storyline.briefs.builds
    full = re.search(r'href="(/brief\?ids=[^"]+)"', html)
    assert full is not None
    assert web.get(full.group(1).replace("&amp;", "&")).status_code == 200
    assert app.state.storyline.briefs.builds == builds  # the full brief came from the cache


def test_article_text_stays_escaped_on_story_pages(web: TestClient) -> None:
    hostile = _docs(ARTICLES, "ferry")[2]
    story = _story_of(web.get("/api/stories").json()["stories"], hostile.id)
    html = web.get(f"/stories/{story['id']}").text
    assert "<b>Hostile</b>" not in html and "&lt;b&gt;Hostile&lt;/b&gt;" in html
    assert "<i>Outlet</i>" not in html


def test_a_failed_brief_still_shows_the_story(app, web: TestClient) -> None:
    def broken(store, ids, query, settings, check=lambda: None):
        raise StorylineError("the analysis model is missing")

    app.state.storyline.briefs.builder = broken
    story = web.get("/api/stories", params={"sort": "newest"}).json()["stories"][0]
    page = web.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    assert "the analysis model is missing" in page.text
    assert 'id="story-event-1"' in page.text


def test_documents_added_later_are_clustered_on_read(client: TestClient, documents) -> None:
    """The conftest store was filled with Store.add only: the first request clusters it."""
    body = client.get("/api/stories").json()
    assert body["pending_documents"] == 0
    stories = body["stories"]
    assert sorted(d for s in stories for d in s["documents"]) == sorted(d.id for d in documents)


def test_a_big_backlog_is_clustered_over_several_requests(
    client: TestClient, documents, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.web import story_pages

    monkeypatch.setattr(story_pages, "CLUSTER_PER_REQUEST", 1)
    first = client.get("/api/stories").json()
    assert first["pending_documents"] == len(documents) - 1
    assert "not in a story yet" in client.get("/stories").text
    for _ in documents:
        last = client.get("/api/stories").json()
    assert last["pending_documents"] == 0
    assert sum(len(s["documents"]) for s in last["stories"]) == len(documents)


def test_activity_chart_geometry() -> None:
    from storyline.web.story_pages import activity_chart

    assert activity_chart([]) is None
    chart = activity_chart([("2024-05-01", 1), ("2024-05-03", 4), ("2024-05-10", 2)], width=100)
    assert chart is not None and chart.peak == 4
    xs = [b.x for b in chart.bars]
    assert xs == sorted(xs) and xs[0] == 0
    assert xs[1] == pytest.approx(2 * 100 / 10, abs=0.1)  # a gap day stays a gap
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.count == 4 and tallest.y == pytest.approx(chart.height - tallest.height)
    weekly = activity_chart([("2023-W11", 1), ("2025-W03", 1)])
    assert weekly is not None and weekly.bars[-1].x + weekly.bars[-1].width <= weekly.width + 0.1


def test_stories_pages_on_postgresql(pg_server) -> None:
    """The same pages over a PostgreSQL store (skipped where no server can be started)."""
    from pg_server import new_database

    from storyline.ingest import read
    from storyline.store import open_store
    from storyline.web import create_app

    url = new_database(pg_server)
    with open_store(url) as store:
        store.add_many([d for d in read([str(DEMO)]) if isinstance(d, Document)])
    app = create_app(Settings(db=url, allowed_hosts="testserver"), token="")
    app.state.storyline.briefs.builder = hand_builder
    with TestClient(app) as web:
        body = web.get("/api/stories").json()  # the documents are clustered by this request
        assert body["pending_documents"] == 0
        [story] = [s for s in body["stories"] if set(s["documents"]) == _demo_ids()]
        assert web.get(f"/api/stories/{story['id']}").json() == story
        page = web.get(f"/stories/{story['id']}")
        assert page.status_code == 200
        assert len(re.findall(r'<li id="story-event-\d+"', page.text)) == len(story["events"])
        assert web.get("/api/stories/snothere").status_code == 404


def test_pages_say_outlet_unknown_rather_than_counting_zero(web: TestClient) -> None:
    # the demo corpus: two documents name their outlet, three (plain files) do not
    demo = _story_of(web.get("/api/stories").json()["stories"], next(iter(_demo_ids())))
    assert demo["outlets"] == 2 and demo["outlet_unknown"] == 3
    said = "2 outlets (outlet unknown for 3 documents)"
    assert said in web.get(f"/stories/{demo['id']}").text
    assert said in web.get("/stories").text
