"""Bounded brief building in storyline.web.briefs: one build per brief, few at once, few per window."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient
from web_samples import hand_brief

from storyline.config import Settings
from storyline.web.briefs import BriefCache, Busy


class FakeStore:
    """Just what BriefCache asks of a store."""

    def __init__(self, docs) -> None:
        self.docs = {d.id: d for d in docs}

    def count(self) -> int:
        return len(self.docs)

    def documents(self, ids):
        return [self.docs[i] for i in ids]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class GatedBuilder:
    """A builder that blocks until released, counting the builds running at once."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Semaphore(0)
        self.running = 0
        self.most = 0
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self, store, ids, query, settings, check=None):
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        self.started.release()
        assert self.gate.wait(5)
        with self._lock:
            self.running -= 1
        return hand_brief(store.documents(ids), query)


def in_thread(fn, *args):
    """Run fn in a thread; return (thread, box) where box gets the result or the error."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args)
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, box


def test_new_briefs_per_window_are_capped_but_cached_ones_are_served(documents) -> None:
    clock = Clock()
    cache = BriefCache(
        Settings(),
        builder=lambda s, i, q, *_: hand_brief(s.documents(i), q),
        builds_per_window=2,
        window=60,
        clock=clock,
    )
    store, ids = FakeStore(documents), [d.id for d in documents]
    cache.get(store, ids, "ferry")
    clock.now += 10
    cache.get(store, ids, "harbour")
    with pytest.raises(Busy) as caught:
        cache.get(store, ids, "council")
    assert caught.value.status == 429 and caught.value.retry_after == 50
    assert cache.get(store, ids, "ferry").brief.query == "ferry"  # cached: no limit applies
    assert cache.builds == 2
    clock.now += 50  # the first build leaves the window
    assert cache.get(store, ids, "council").brief.query == "council"
    assert cache.builds == 3


def test_a_slow_build_does_not_block_another_and_extra_builds_are_refused(documents) -> None:
    builder = GatedBuilder()
    cache = BriefCache(Settings(), builder=builder, max_builds=2, slot_wait=0.05)
    store, ids = FakeStore(documents), [d.id for d in documents]
    cache.builder = lambda s, i, q, *_: hand_brief(s.documents(i), q)
    cache.get(store, ids, "cached")
    cache.builder = builder
    first, box1 = in_thread(cache.get, store, ids, "one")
    second, box2 = in_thread(cache.get, store, ids, "two")
    assert builder.started.acquire(timeout=5) and builder.started.acquire(
        timeout=5
    )  # both run at once
    with pytest.raises(Busy) as caught:
        cache.get(store, ids, "three")  # no free slot within slot_wait
    assert caught.value.status == 429
    assert cache.get(store, ids, "cached").brief.query == "cached"  # served while both build
    builder.gate.set()
    first.join(5)
    second.join(5)
    assert box1["value"].brief.query == "one" and box2["value"].brief.query == "two"
    assert builder.most == 2 and cache.builds == 3


def test_requests_for_a_brief_being_built_wait_for_that_one_build(documents) -> None:
    builder = GatedBuilder()
    cache = BriefCache(Settings(), builder=builder, max_builds=1)
    store, ids = FakeStore(documents), [d.id for d in documents]
    threads = [
        in_thread(cache.get, store, list(reversed(ids)) if n % 2 else ids, "same") for n in range(4)
    ]
    assert builder.started.acquire(timeout=5)
    builder.gate.set()
    for thread, _ in threads:
        thread.join(5)
    views = [box["value"] for _, box in threads]
    assert builder.calls == 1 and cache.builds == 1
    assert all(view is views[0] for view in views)


def test_a_failed_build_raises_and_is_not_cached(documents) -> None:
    def broken(store, ids, query, settings, check=None):
        raise ValueError("analysis failed")

    cache = BriefCache(Settings(), builder=broken)
    store, ids = FakeStore(documents), [d.id for d in documents]
    with pytest.raises(ValueError, match="analysis failed"):
        cache.get(store, ids, None)
    cache.builder = lambda s, i, q, *_: hand_brief(s.documents(i), q)
    assert cache.get(store, ids, None).brief is not None and cache.builds == 1


def test_api_answers_429_with_retry_after_and_refuses_long_queries(make_app) -> None:
    with TestClient(make_app(token="", builds_per_minute=1)) as c:
        assert c.get("/api/brief", params={"q": "ferry"}).status_code == 200
        r = c.get("/api/brief", params={"q": "accountant"})
        assert r.status_code == 429 and "too many new briefs" in r.json()["error"]
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert c.get("/api/brief", params={"q": "ferry"}).status_code == 200  # cached
        page = c.get("/brief", params={"q": "accountant"})
        assert (
            page.status_code == 429 and page.headers["retry-after"] and "<html" in page.text.lower()
        )
        r = c.get("/api/brief", params={"q": "ferry " * 50})
        assert r.status_code == 400 and "longer than 200" in r.json()["error"]
        r = c.get("/api/brief", params={"ids": ",".join(f"{n:016x}" for n in range(101))})
        assert r.status_code == 400 and "at most 100" in r.json()["error"]


@pytest.mark.parametrize(
    ("title", "source", "shown"),
    [
        ("Ferry vote", "/srv/articles/a.html", "Ferry vote"),
        (None, "/srv/articles/a.html", "a.html"),
        (None, "C:\\news\\b.txt", "b.txt"),
        (None, "https://news.example/a/b", "https://news.example/a/b"),
        (None, "pasted text", "pasted text"),
    ],
)
def test_pages_name_untitled_documents_by_file_name_not_server_path(title, source, shown) -> None:
    from storyline.web.briefs import label

    assert label(title, source) == shown
