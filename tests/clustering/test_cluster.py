"""Incremental clustering in the store: threads become stories, ids stay, crashes resume."""

from __future__ import annotations

import pytest
from story_threads import build_doc, thread_doc

from storyline.analysis.furniture import is_furniture
from storyline.clustering import Params, cluster_pending, get_story, list_stories, rebuild
from storyline.clustering import cluster as cluster_module
from storyline.errors import StoreError
from storyline.store import Store
from storyline.store import stories as rows

THREAD_TEXT = [
    "The Kestrel Bay council approved the harbour bridge rebuild budget on Tuesday.",
    "Mayor Alda Voss said Corvane Engineering would start work on the bridge in spring.",
    "Ferry crossings in Kestrel Bay will double while the harbour bridge is closed.",
]
DAYS = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-09", "2024-03-10"]


def mixed() -> list:
    docs = []
    for n, day in enumerate(DAYS):
        for thread, outlet in (("bridge", "Bay News"), ("strike", "Health Wire"), ("comet", None)):
            docs.append(thread_doc(thread, n, day, outlet))
    return docs


def members(store: Store) -> dict[str, str | None]:
    with store.reading() as conn:
        return {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT d.id, s.id FROM documents AS d JOIN story_members AS m ON m.doc_pk = d.pk "
                "LEFT JOIN stories AS s ON s.pk = m.story"
            )
        }


def test_threads_become_one_story_each():
    with Store(":memory:") as store:
        store.add_many(mixed())
        report = cluster_pending(store)
        assert report.clustered == 18 and not report.skipped
        found = list_stories(store)
    assert len(found) == 3
    assert sorted(len(s.documents) for s in found) == [6, 6, 6]
    by_thread = {s.documents[0]: s for s in found}
    for thread in ("bridge", "strike", "comet"):
        story = next(s for s in found if thread_doc(thread, 0, DAYS[0]).id in s.documents)
        assert {thread_doc(thread, n, d).id for n, d in enumerate(DAYS)} == set(story.documents)
        assert (story.first, story.last) == (DAYS[0], DAYS[-1])
        assert sum(len(e.documents) for e in story.events) == 6
    assert by_thread
    labels = " ".join(s.label for s in found)
    assert "Kestrel" in labels or "bridge" in labels.lower()
    bridge = next(
        s for s in found if "Bay News" and thread_doc("bridge", 0, DAYS[0]).id in s.documents
    )
    assert bridge.outlets == 1 and bridge.activity == [(d, 1) for d in DAYS]


def test_story_keeps_its_id_as_documents_arrive_and_rebuild_agrees():
    docs = mixed()
    with Store(":memory:") as store:
        store.add_many(docs[:9])
        cluster_pending(store)
        before = {s.id: set(s.documents) for s in list_stories(store)}
        store.add_many(docs[9:])
        cluster_pending(store)
        after = {s.id: set(s.documents) for s in list_stories(store)}
        assert set(before) == set(after)
        assert all(before[k] <= after[k] for k in before)
        rebuild(store)
        again = {s.id: set(s.documents) for s in list_stories(store)}
    assert again == after


def test_documents_are_clustered_in_date_order_and_unclusterable_ones_say_why():
    early = thread_doc("comet", 0, "2024-01-01")
    late = thread_doc("comet", 1, "2024-02-01")
    empty = build_doc("12 34 56 -- 78", source="numbers.txt", published="2024-01-15")
    undated = thread_doc("comet", 2)
    with Store(":memory:") as store:
        store.add_many([late, undated, empty, early])  # arrival order is not date order
        report = cluster_pending(store)
        assert report.skipped == [(empty.id, cluster_module.NO_TEXT)]
        [story] = list_stories(store)
        with store.reading() as conn:
            assert rows.unclustered(conn) == [(empty.id, cluster_module.NO_TEXT)]
    assert story.id == "s" + early.id[:12]  # the earliest document founded it
    assert set(story.documents) == {early.id, late.id, undated.id}
    assert story.documents[-1] == undated.id  # undated documents come last


CRAWL_NOTICE = (
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period."
)


def test_page_furniture_joins_no_story_and_says_why():
    notice = build_doc(CRAWL_NOTICE, source="crawl.txt", published="2024-03-02")
    # an article with a widget line under it is still an article
    article = build_doc(
        " ".join(THREAD_TEXT) + "\nSign up for our newsletter",
        source="a.txt",
        published="2024-03-03",
    )
    docs = [thread_doc("bridge", n, d) for n, d in enumerate(DAYS[:3])]
    with Store(":memory:") as store:
        store.add_many([*docs, notice, article])
        report = cluster_pending(store)
        assert report.skipped == [(notice.id, cluster_module.FURNITURE)]
        with store.reading() as conn:
            assert rows.unclustered(conn) == [(notice.id, cluster_module.FURNITURE)]
        [story] = list_stories(store)
        assert article.id in story.documents and notice.id not in story.documents
        rebuild(store, Params(furniture_share=2.0))  # off: the notice is clustered
        assert any(notice.id in s.documents for s in list_stories(store))
    assert is_furniture(notice, 1.0)
    assert not is_furniture(article, 0.5)
    assert is_furniture(article, 0.05)  # its widget line is furniture


def test_crash_mid_clustering_leaves_whole_assignments_and_next_run_completes(monkeypatch):
    docs = mixed()
    original = rows.add_member
    calls = {"n": 0}

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt  # a crash after the centroid was updated, before commit
        return original(*args, **kwargs)

    with Store(":memory:") as store:
        store.add_many(docs)
        monkeypatch.setattr(rows, "add_member", crashing)
        with pytest.raises(KeyboardInterrupt):
            cluster_pending(store)
        monkeypatch.setattr(rows, "add_member", original)
        done = members(store)
        assert len(done) == 6  # six whole assignments, the seventh rolled back
        with store.reading() as conn:
            assert rows.pending_count(conn) == 12
            assert rows.clustered_count(conn) == 6  # frequencies rolled back with it
        cluster_pending(store)
        final = members(store)
        assert len(final) == 18 and all(final.values())
        assert store.count() == 18  # clustering never touches documents
        with Store(":memory:") as clean:
            clean.add_many(docs)
            cluster_pending(clean)
            assert final == members(clean)


@pytest.mark.parametrize(
    ("strict", "loose"),
    [
        (  # the hand bar
            Params(story_threshold=0.95, merge_threshold=0.0, size_decay=0.0, learned=False),
            Params(story_threshold=0.05, merge_threshold=0.0, size_decay=0.0, learned=False),
        ),
        (  # the learned link decision
            Params(link_probability=1.01, merge_threshold=0.0),  # no link
            Params(link_probability=0.001, merge_threshold=0.0),
        ),
    ],
)
def test_merged_story_id_still_resolves(strict, loose):
    a = thread_doc("bridge", 0, "2024-03-01")
    b = thread_doc("bridge", 3, "2024-03-02")  # shares no sentence with a
    bridge = thread_doc("bridge", 1, "2024-03-03")  # close to both
    with Store(":memory:") as store:
        store.add_many([a, b])
        cluster_pending(store, strict)
        ids = [s.id for s in list_stories(store)]
        assert len(ids) == 2
        store.add(bridge)
        cluster_pending(store, loose)
        [merged] = list_stories(store)
        assert merged.id in ids
        for old in ids:
            assert get_story(store, old).id == merged.id
        assert set(merged.documents) == {a.id, b.id, bridge.id}
        with pytest.raises(StoreError, match="no such story"):
            get_story(store, "snope")


def test_deleting_a_document_removes_it_from_its_story():
    docs = mixed()
    with Store(":memory:") as store:
        store.add_many(docs)
        cluster_pending(store)
        store.delete(docs[0].id)
        assert all(docs[0].id not in s.documents for s in list_stories(store))
        assert store.verify() == []


def test_a_story_is_as_close_as_its_nearest_recent_event():
    """A long thread's centroid is diffuse; a new development joins through its latest event."""
    vec = {"ferry": 0.8, "crossing": 0.6}
    with Store(":memory:") as store, store.transaction() as conn:
        story = rows.insert_story(conn, "s1", "2024-03-01", {"bridge": 5.0, "ferry": 0.5}, {}, "x")
        old = rows.insert_event(conn, "e1", story, "2024-01-01", {"ferry": 1.0}, {})
        new = rows.insert_event(
            conn, "e2", story, "2024-03-01", {"ferry": 0.8, "crossing": 0.6}, {}
        )
        centroid = {"bridge": 5.0, "ferry": 0.5}
        candidate = rows.Cluster(story, "s1", "2024-01-01", "2024-03-01", 9, centroid, {})
        clusterer = cluster_module.Clusterer(
            store, Params(story_threshold=0.5, size_decay=0.0, learned=False)
        )
        centroid_only = cluster_module.features.cosine(vec, candidate.centroid)
        assert centroid_only < 0.5
        [link] = clusterer._links(conn, vec, {}, cluster_module._day("2024-03-03"), [candidate])
        assert link.event is not None and link.event.pk == new  # the old event is out of window
        assert link.similarity == pytest.approx(1.0)
        assert old != new
        far = Params(story_threshold=0.5, size_decay=0.0, event_link=0.0, learned=False)
        assert cluster_module.Clusterer(store, far)._links(conn, vec, {}, None, [candidate]) == []


def test_only_a_story_active_near_the_date_lowers_its_bar_for_size():
    big = rows.Cluster(1, "s1", "2024-03-01", "2024-03-20", 64, {"bridge": 1.0}, {})
    params = Params(story_threshold=0.2, size_decay=0.5, min_bar=0.1, active_days=30, learned=False)
    with Store(":memory:") as store:
        clusterer = cluster_module.Clusterer(store, params)
        day = cluster_module._day
        assert clusterer._bar(big, day("2024-04-01")) == pytest.approx(0.025)
        assert clusterer._bar(big, day("2024-02-15")) == pytest.approx(0.025)
        assert clusterer._bar(big, day("2024-06-01")) == 0.2  # quiet for months: full bar
        assert clusterer._bar(big, None) == 0.2  # no date, no evidence from time
        anywhere = cluster_module.Clusterer(
            store, Params(story_threshold=0.2, active_days=-1, learned=False)
        )
        assert anywhere._bar(big, None) < 0.2


def test_an_older_event_links_its_story_but_is_not_joined():
    """Events within link_window_days link a document to their story; only events within
    event_window_days can take it in."""
    vec = {"ferry": 1.0}
    centroid = {"bridge": 5.0, "ferry": 0.5}  # diffuse, but over event_floor
    with Store(":memory:") as store, store.transaction() as conn:
        story = rows.insert_story(conn, "s1", "2024-02-20", centroid, {}, "x")
        rows.insert_event(conn, "e1", story, "2024-02-20", {"ferry": 1.0}, {})
        candidate = rows.Cluster(story, "s1", "2024-02-20", "2024-02-20", 5, centroid, {})
        day = cluster_module._day("2024-03-05")  # 14 days after the event
        params = Params(
            story_threshold=0.5, link_window_days=30, event_window_days=7, learned=False
        )
        [link] = cluster_module.Clusterer(store, params)._links(conn, vec, {}, day, [candidate])
        assert link.similarity == pytest.approx(1.0) and link.event is None
        short = Params(story_threshold=0.5, link_window_days=7, event_window_days=7, learned=False)
        assert cluster_module.Clusterer(store, short)._links(conn, vec, {}, day, [candidate]) == []


def _indexed_story(conn, sid: str, day: str, centroid: dict[str, float], size: int) -> int:
    pk = rows.insert_story(conn, sid, day, centroid, {}, "x")
    conn.execute("UPDATE stories SET size = ? WHERE pk = ?", (size, pk))
    rows.set_postings(conn, pk, [cluster_module.features.term_key(t) for t in centroid])
    rows.insert_event(conn, "e" + sid, pk, day, centroid, {})
    return pk


def test_a_grown_story_takes_in_the_small_stories_that_now_belong_to_it():
    """Consolidation: a story that grew is compared with the small stories its terms index,
    each as a document arriving now; one the link decision takes folds in, its lone event
    into the nearest recent event when close, and its id resolves to the grown story."""
    grown_centroid = {"bridge": 2.0, "ferry": 1.5, "harbour": 1.0}
    close = {"bridge": 0.8, "ferry": 0.6}
    far = {"bridge": 0.3, "comet": 0.95}
    for size, folds in ((1, True), (0, False)):
        params = Params(story_threshold=0.5, event_threshold=0.5, revisit_size=size, learned=False)
        with Store(":memory:") as store:
            with store.transaction() as conn:
                grown = _indexed_story(conn, "g", "2024-03-05", grown_centroid, 3)
                _indexed_story(conn, "s", "2024-03-04", close, 1)
                _indexed_story(conn, "u", "2024-03-04", far, 1)
            clusterer = cluster_module.Clusterer(store, params)
            clusterer._grown = {grown}
            report = cluster_module.Report()
            clusterer._revisit(report)
            with store.reading() as conn:
                assert (rows.resolve(conn, "s") == grown) is folds
                assert rows.resolve(conn, "u") != grown  # cosine 0.27: not taken
                events = [
                    tuple(r)
                    for r in conn.execute(
                        "SELECT id, size FROM story_events WHERE story = ? ORDER BY id", (grown,)
                    )
                ]
                story = rows.live_story(conn, grown)
        assert report.merges == int(folds) and clusterer._grown == set()
        assert story is not None and story.size == 3 + int(folds)
        assert events == ([("eg", 2)] if folds else [("eg", 1)])
