"""Availability under hostile requests: every request bounded, every error a clear 4xx/5xx."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from web_samples import hand_brief

from storyline.config import Settings
from storyline.errors import StoreError
from storyline.web import app as web_app
from storyline.web import security
from storyline.web.briefs import BriefCache, Cancelled


@pytest.mark.parametrize(
    "path",
    ["/search?q=polic%00e", "/api/search?q=polic%00e", "/brief?q=a%00b", "/api/brief?q=a%00b"],
)
def test_nul_bytes_are_a_clear_400_with_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 400 and "NUL" in r.text
    assert r.headers["content-security-policy"] == security.CSP


def test_a_malformed_url_to_fetch_is_a_400(client: TestClient) -> None:
    r = client.post("/api/documents", data={"url": "http://[::1"})
    assert r.status_code == 400, r.text
    assert r.headers["content-security-policy"] == security.CSP


def test_an_unexpected_error_is_a_500_with_headers_and_no_trace(make_app, monkeypatch) -> None:
    app = make_app(token="")

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(web_app, "_paragraphs", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        doc_id = c.get("/api/documents").json()["documents"][0]["id"]
        r = c.get(f"/documents/{doc_id}")
    assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text
    assert r.headers["content-security-policy"] == security.CSP


def test_store_failures_are_503_and_only_not_found_is_404(make_app, monkeypatch) -> None:
    app = make_app(token="")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/documents/nope").status_code == 404
        from storyline.store import Store

        def broken(self, doc_id):
            raise StoreError("disk I/O error")

        monkeypatch.setattr(Store, "get", broken)
        r = c.get("/api/documents/nope")
    assert r.status_code == 503 and "disk" not in r.text
    assert r.headers["content-security-policy"] == security.CSP


@pytest.mark.parametrize("host", ["evil.example", "rebind.attacker.test:8000", ""])
def test_unknown_host_headers_are_refused_reads_included(make_app, documents, host: str) -> None:
    with TestClient(make_app(token="")) as c:
        read = c.get(f"/api/documents/{documents[0].id}", headers={"host": host})
        write = c.post("/api/documents", data={"text": "x " * 50}, headers={"host": host})
    assert read.status_code == 421 and write.status_code == 421
    assert documents[0].text[:20] not in read.text


def test_default_hosts_are_loopback_and_the_bind_address(store_path) -> None:
    from storyline.web import create_app

    app = create_app(Settings(db=str(store_path)), token="", bind_host="10.1.2.3")
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "[::1]:8000"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "localhost"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "10.1.2.3:8000"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "testserver"}).status_code == 421


def test_a_brief_with_no_selection_covers_a_bounded_recent_set(make_app, monkeypatch) -> None:
    monkeypatch.setattr(web_app, "MAX_BRIEF_DOCS", 2)
    app = make_app(token="")
    seen: list[list[str]] = []

    def builder(store, ids, query, settings, check=lambda: None):
        seen.append(ids)
        return hand_brief(store.documents(ids), query)

    app.state.storyline.briefs.builder = builder
    with TestClient(app) as c:
        total = c.get("/api/stats").json()["documents"]
        r = c.get("/api/brief")
    assert total > 2 and r.status_code == 200
    assert len(seen[0]) == 2
    assert any(f"2 most recent of {total}" in n for n in r.json()["notes"])


def test_a_write_keeps_cached_briefs_of_other_documents(make_app, documents) -> None:
    app = make_app(token="")
    with TestClient(app) as c:
        ids = ",".join(d.id for d in documents[:2])
        c.get("/api/brief", params={"ids": ids})
        r = c.post("/api/documents", data={"text": "A wholly new article. " * 20})
        assert r.status_code == 201
        c.get("/api/brief", params={"ids": ids})
    assert app.state.storyline.briefs.builds == 1


class _Store:
    def __init__(self, docs) -> None:
        self.docs = {d.id: d for d in docs}

    def documents(self, ids):
        return [self.docs[i] for i in ids]


def test_a_build_stops_when_its_client_goes_away_or_its_deadline_passes(documents) -> None:
    cancel = threading.Event()
    checked: list[int] = []

    def builder(store, ids, query, settings, check):
        for n, _ in enumerate(ids):
            checked.append(n)
            if n == 1:
                cancel.set()  # the client disconnects mid-build
            check()
        return hand_brief(store.documents(ids), query)

    cache = BriefCache(Settings(), builder=builder)
    store = _Store(documents)
    ids = [d.id for d in documents]
    with pytest.raises(Cancelled, match="went away"):
        cache.get(store, ids, None, cancel=cancel)  # type: ignore[arg-type]
    assert checked == [0, 1] and cache.builds == 0
    with pytest.raises(Cancelled, match="too long"):
        cache.get(store, ids, None, deadline=time.monotonic() - 1)  # type: ignore[arg-type]
    assert cache.get(store, ids[:1], None).brief is not None  # type: ignore[arg-type]


def test_url_fetches_at_once_are_capped(make_app, monkeypatch) -> None:
    gate, entered = threading.Event(), threading.Event()

    def slow_fetch(url, **kwargs):
        entered.set()
        gate.wait(10)
        raise security_input_error(url)

    monkeypatch.setattr(web_app, "fetch_url", slow_fetch)
    app = make_app(token="")
    app.state.storyline.fetch_slots = threading.BoundedSemaphore(1)
    with TestClient(app) as c:
        first: list[int] = []
        t = threading.Thread(
            target=lambda: first.append(
                c.post("/api/documents", data={"url": "https://slow.example/"}).status_code
            )
        )
        t.start()
        assert entered.wait(10)  # the first fetch holds the only slot
        second = c.post("/api/documents", data={"url": "https://slow.example/2"})
        gate.set()
        t.join(10)
    assert second.status_code == 429 and "Retry-After" in second.headers
    assert first == [400]


def security_input_error(url: str):
    from storyline.errors import InputError

    return InputError(url, "timed out")


def test_a_slow_search_does_not_block_stats(make_app, monkeypatch) -> None:
    """Reads use per-thread connections: no app-wide lock holds /api/stats behind a search."""
    from storyline.store import db

    gate, entered = threading.Event(), threading.Event()
    real = db._search

    def slow_search(*args, **kwargs):  # runs inside the store's read section
        entered.set()
        gate.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(db, "_search", slow_search)
    app = make_app(token="")
    with TestClient(app) as c:
        t = threading.Thread(target=lambda: c.get("/api/search", params={"q": "ferry"}))
        t.start()
        assert entered.wait(10)
        started = time.monotonic()
        assert c.get("/api/stats").status_code == 200
        took = time.monotonic() - started
        gate.set()
        t.join(10)
    assert took < 2.0


def test_a_follower_of_a_cancelled_build_is_asked_to_retry_not_failed(documents) -> None:
    from storyline.web.briefs import Busy

    started, release = threading.Event(), threading.Event()
    cancel = threading.Event()

    def builder(store, ids, query, settings, check):
        started.set()
        release.wait(5)
        check()
        return hand_brief(store.documents(ids), query)

    cache = BriefCache(Settings(), builder=builder)
    store = _Store(documents)
    ids = [d.id for d in documents[:2]]

    def own() -> None:
        with pytest.raises(Cancelled):
            cache.get(store, ids, None, cancel=cancel)  # type: ignore[arg-type]

    owner = threading.Thread(target=own)
    owner.start()
    started.wait(5)
    errors: list[BaseException] = []

    def follow() -> None:
        try:
            cache.get(store, ids, None)  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    follower = threading.Thread(target=follow)
    follower.start()
    for _ in range(500):  # until the follower waits on the owner's build
        if cache._followers == 1:
            break
        time.sleep(0.01)
    assert cache._followers == 1
    cancel.set()
    release.set()
    owner.join(5)
    follower.join(5)
    assert len(errors) == 1 and isinstance(errors[0], Busy) and errors[0].status == 429


def test_a_brief_build_stops_when_the_client_disconnects(make_app, documents) -> None:
    import asyncio

    app = make_app(token="")
    steps: list[int] = []

    def slow_builder(store, ids, query, settings, check):
        for n in range(200):  # 10 s if nobody stops it
            steps.append(n)
            time.sleep(0.05)
            check()
        return hand_brief(store.documents(ids), query)

    app.state.storyline.briefs.builder = slow_builder
    ids = ",".join(d.id for d in documents[:2])
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/brief",
        "raw_path": b"/api/brief",
        "root_path": "",
        "query_string": f"ids={ids}".encode(),
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    calls = 0
    gone_at = time.monotonic() + 0.3  # the client goes away after 0.3 s

    async def receive():  # like a server: a message when there is one, else wait
        nonlocal calls
        calls += 1
        if calls == 1:
            return {"type": "http.request", "body": b"", "more_body": False}
        while time.monotonic() < gone_at:
            await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    started = time.monotonic()
    asyncio.run(app(scope, receive, send))
    took = time.monotonic() - started
    assert took < 3 and len(steps) < 60  # stopped long before its 200 steps
    assert app.state.storyline.briefs.builds == 0
