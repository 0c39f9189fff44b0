"""One poll: fetch every followed URL, follow its new items to their pages, store them.

Network work (listing fetches, article fetches, robots.txt) runs on a small
thread pool, bounded per host by the fetcher; everything that touches the
store runs on the calling thread, one item at a time, each in its own
transaction. So Ctrl-C stops the poll between items (the first press sets a
flag the loop checks; see `_ctrl_c_sets`): what was stored stays stored and
recorded as seen, and the rest is fetched again by the next run.

A feed's validators (ETag, Last-Modified) are saved only once every new item
it listed has been handled, so an interrupted or truncated poll never hides
items behind a later 304. A feed that fails counts a failure and backs off
(`backoff`); it never stops the others. An item whose page could not be
fetched is tried again on later polls, up to `feeds.MAX_ITEM_ATTEMPTS` times.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from ..errors import InputError, StoreError
from ..ingest import documents_from_bytes
from ..model import Document
from ..store import Store
from ..store import feeds as state_db
from .config import Target, WatchOptions
from .entries import Entry, Listing, parse
from .fetch import Fetcher, Response
from .robots import Robots, RobotsUnavailable

log = logging.getLogger(__name__)

WORKERS = 8
BACKOFF_BASE_S = 60.0
BACKOFF_MAX_S = 24 * 3600.0

FeedStatus = Literal["new", "unchanged", "not-modified", "failed", "backing-off", "interrupted"]


@dataclass(slots=True)
class ItemOutcome:
    """What became of one new item: added, duplicate, near-duplicate, unchanged, failed, skipped."""

    key: str
    link: str | None
    status: str
    doc_ids: list[str] = field(default_factory=list)  # stored (or original) documents
    title: str | None = None
    error: str | None = None


@dataclass(slots=True)
class FeedReport:
    url: str
    name: str | None
    status: FeedStatus
    kind: str | None = None
    title: str | None = None  # the feed's own title, when it has one
    error: str | None = None
    retry_after: str | None = None
    items: list[ItemOutcome] = field(default_factory=list)

    @property
    def added(self) -> list[str]:
        """Ids of the documents this feed added to the store in this poll."""
        return [i for item in self.items if item.status == "added" for i in item.doc_ids]

    @property
    def failed(self) -> list[ItemOutcome]:
        return [item for item in self.items if item.status == "failed"]


@dataclass(slots=True)
class PollReport:
    started: str  # ISO time; also the poll's id
    feeds: list[FeedReport] = field(default_factory=list)
    interrupted: bool = False

    @property
    def added(self) -> list[str]:
        return [i for f in self.feeds for i in f.added]


def now_iso(when: datetime | None = None) -> str:
    return (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")


def backoff(failures: int) -> float:
    """Seconds to wait after `failures` failures in a row: 1, 2, 4 ... minutes, at most a day."""
    return min(BACKOFF_BASE_S * 2 ** max(failures - 1, 0), BACKOFF_MAX_S)


@dataclass(slots=True)
class _Run:
    """One feed's progress through the poll."""

    target: Target
    state: state_db.FeedState
    report: FeedReport
    response: Response | None = None
    queue: list[tuple[Entry, Future[Response]]] = field(default_factory=list)  # not yet stored
    truncated: bool = False


def poll(
    store: Store,
    options: WatchOptions,
    fetcher: Fetcher,
    *,
    now: datetime | None = None,
) -> PollReport:
    """Poll every target of `options` once; see the module docstring."""
    when = now or datetime.now(UTC)
    stamp = now_iso(when)
    report = PollReport(stamp)
    robots = Robots(fetcher) if options.robots else None
    pending: dict[Future[Any], tuple[_Run, Entry | None]] = {}
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="storyline-watch")
    stop = threading.Event()
    with _ctrl_c_sets(stop, fetcher):
        try:
            for target in options.targets:
                if stop.is_set():
                    break
                state_db.register(store, target.url, name=target.name, tags=target.tags)
                state = state_db.feed(store, target.url)
                assert state is not None
                feed_report = FeedReport(target.url, target.name or state.name, "unchanged")
                report.feeds.append(feed_report)
                if state.retry_after and state.retry_after > stamp:
                    feed_report.status = "backing-off"
                    feed_report.retry_after = state.retry_after
                    feed_report.error = state.last_error
                    continue
                run = _Run(target, state, feed_report)
                pending[pool.submit(_list, fetcher, target.url, _validators(state))] = (run, None)
            while pending and not stop.is_set():
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    if future not in pending:  # already stored in listing order
                        continue
                    run, entry = pending[future]
                    if entry is None:
                        del pending[future]
                        for item in _listed(store, run, future, when, options):
                            fut = pool.submit(_fetch_item, fetcher, robots, item)
                            pending[fut] = (run, item)
                            run.queue.append((item, fut))
                    # Items are stored in listing order (oldest first), whatever order they
                    # arrive in; Ctrl-C is honoured between two items.
                    while run.queue and run.queue[0][1].done() and not stop.is_set():
                        item, fut = run.queue.pop(0)
                        del pending[fut]
                        _store_item(store, run, item, fut, stamp)
                    if run.response is not None and not run.queue:
                        _finish(store, run, when)
        except KeyboardInterrupt:  # a second Ctrl-C, or one outside the main thread's handler
            stop.set()
        finally:
            if stop.is_set():
                report.interrupted = True
                fetcher.stop.set()
                for future, (run, _) in pending.items():
                    future.cancel()
                    if run.report.status not in {"failed", "backing-off"}:
                        run.report.status = "interrupted"
            pool.shutdown(wait=True, cancel_futures=True)
            fetcher.stop.clear()
    return report


@contextmanager
def _ctrl_c_sets(stop: threading.Event, fetcher: Fetcher) -> Iterator[None]:
    """On the main thread, the first Ctrl-C only sets `stop` (honoured between items) and
    abandons fetches in flight; a second one interrupts at once. Elsewhere: nothing changes.

    An asynchronous KeyboardInterrupt is not used for the first press because it can land
    inside `concurrent.futures.wait` while it holds a future's lock, and the pool then hangs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        fetcher.stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _validators(state: state_db.FeedState) -> dict[str, str]:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _list(fetcher: Fetcher, url: str, headers: dict[str, str]) -> tuple[Response, Listing | None]:
    """Worker: fetch a followed URL (the operator's own) and parse what it lists."""
    response = fetcher.get(url, headers=headers, trusted=True)
    if response.status == 304:
        return response, None
    listing = parse(response)
    for child in listing.children:  # a sitemap index: its sitemaps' entries
        listing.entries += parse(fetcher.get(child)).entries
    return response, listing


def _listed(
    store: Store, run: _Run, future: Future[Any], when: datetime, options: WatchOptions
) -> list[Entry]:
    """Main thread: the new entries of a fetched listing (or record why there are none)."""
    try:
        response, listing = future.result()
    except InputError as exc:
        _failed(store, run, when, exc.reason)
        return []
    except Exception as exc:  # a bug on one odd feed must not stop the others
        log.exception("watch: listing %s failed", run.target.url)
        _failed(store, run, when, f"{type(exc).__name__}: {exc}")
        return []
    run.response = response
    retry = [Entry(r.item, r.link) for r in state_db.retryable(store, run.target.url) if r.link]
    if listing is None:  # 304: nothing new listed, but earlier failures may be retried
        run.report.status = "not-modified"
        return retry
    run.report.kind = run.state.kind = listing.kind
    run.report.title = listing.title
    keys = list(dict.fromkeys(e.key for e in listing.entries))
    known = state_db.seen(store, run.target.url, keys)
    fresh = [e for e in _unique(listing.entries) if e.key not in known]
    if len(fresh) > options.max_items:
        fresh, run.truncated = fresh[: options.max_items], True
    return fresh + [e for e in retry if e.key not in {f.key for f in fresh}]


def _unique(entries: list[Entry]) -> list[Entry]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            out.append(entry)
    return out


def _fetch_item(fetcher: Fetcher, robots: Robots | None, entry: Entry) -> Response:
    """Worker: an entry's article page (robots.txt first), or its inline content."""
    if entry.link is None or entry.body is not None:
        return Response(
            entry.link or entry.key,
            200,
            {"content-type": entry.content_type or ""},
            entry.body or b"",
        )
    if robots is not None:
        robots.check(entry.link)
    return fetcher.get(entry.link)


def _store_item(store: Store, run: _Run, entry: Entry, future: Future[Any], stamp: str) -> None:
    """Main thread: turn a fetched page into documents and store them; record the item."""
    outcome = ItemOutcome(entry.key, entry.link, "failed", title=entry.meta.get("title"))
    try:
        response = future.result()
        assert isinstance(response, Response)
        meta = {**entry.meta, "url": response.url}
        docs: list[Document] = []
        problems: list[str] = []
        for doc in documents_from_bytes(
            response.body, response.url, meta=meta, content_type=response.content_type
        ):
            if isinstance(doc, InputError):
                problems.append(doc.reason)
            else:
                docs.append(doc)
        if not docs:
            outcome.status, outcome.error = "skipped", "; ".join(problems) or "no document"
        for doc in docs:
            result = store.add(doc)
            outcome.doc_ids.append(result.duplicate_of or result.id)
            if outcome.status in {"failed", "skipped"} or result.status == "added":
                outcome.status = result.status
            outcome.title = outcome.title or doc.title
    except RobotsUnavailable as exc:
        outcome.error = exc.reason
    except InputError as exc:
        outcome.error = exc.reason
        if "robots.txt" in exc.reason:
            outcome.status = "skipped"
    except StoreError as exc:
        outcome.status, outcome.error = "skipped", str(exc)
    except Exception as exc:  # one odd page must not stop the poll
        log.exception("watch: item %s failed", entry.link)
        outcome.status, outcome.error = "skipped", f"{type(exc).__name__}: {exc}"
    state_db.record_item(
        store,
        state_db.ItemRecord(
            run.target.url,
            entry.key,
            entry.link,
            outcome.status,
            outcome.doc_ids[0] if outcome.doc_ids else None,
            outcome.error,
        ),
        poll=stamp,
        now=stamp,
    )
    run.report.items.append(outcome)


def _finish(store: Store, run: _Run, when: datetime) -> None:
    """Every item of a fetched feed handled: save its validators and health."""
    state, response, stamp = run.state, run.response, now_iso(when)
    assert response is not None
    if response.status != 304 and not run.truncated:
        state.etag = response.headers.get("etag")
        state.last_modified = response.headers.get("last-modified")
    added = len(run.report.added)
    new_items = sum(1 for i in run.report.items if i.status != "failed")
    if run.report.status != "not-modified":
        run.report.status = "new" if added else "unchanged"
    state.last_polled = state.last_ok = stamp
    state.failures, state.retry_after, state.last_error = 0, None, None
    state.items += new_items
    state.added += added
    if added:
        state.last_new = stamp
    state_db.save_feed(store, state)
    run.response = None  # finished once


def _failed(store: Store, run: _Run, when: datetime, reason: str) -> None:
    state = run.state
    state.failures += 1
    state.last_polled = now_iso(when)
    state.last_error = reason
    state.retry_after = now_iso(when + timedelta(seconds=backoff(state.failures)))
    state_db.save_feed(store, state)
    run.report.status, run.report.error = "failed", reason
    run.report.retry_after = state.retry_after
