"""Briefs for the web app: built once per selection, then served from memory.

Building a brief runs spaCy over every uncached document, far too slow to
repeat per request. Analyses are cached in the store (`storyline.api`); the
built brief is memoised here per (document ids, query), and so are its
rendered forms (page, JSON...). Documents are keyed by content hash, so the
same ids always mean the same texts: a write never makes a cached brief wrong
(a query brief's ids are resolved per request, so a new matching document
makes a new key), and writes leave the cache alone.

Cold builds are the one expensive thing a visitor can start, so they are
bounded: a second request for a brief being built waits for it instead of
building it twice, at most `max_builds` run at once (a slow one does not block
the others), and at most `builds_per_window` new ones start per window; past
either limit the cache raises `Busy` (the app answers 429 with Retry-After:
too many costly requests right now, a client problem to back off from, not a
server failure). Cached briefs never wait on any of this. A build also stops
(`Cancelled`) when its `cancel` event is set (the client went away) or its
`deadline` passes; it checks between documents.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Brief, Citation, Document

if TYPE_CHECKING:
    from ..store import Store

CONTEXT_CHARS = 180

# (store, ids, query, settings, check) -> Brief; the default runs storyline.api.brief_from_store.
# `check()` raises Cancelled when the build should stop; builders call it between documents.
Builder = Callable[["Store", list[str], "str | None", Settings, Callable[[], None]], Brief]


@dataclass(slots=True)
class Passage:
    """A cited passage with some text either side, for the brief page."""

    number: int
    citation: Citation
    title: str
    before: str
    text: str
    after: str


@dataclass(slots=True)
class BriefView:
    """A brief and the passages its citations point at, numbered in reading order."""

    brief: Brief
    passages: list[Passage]
    numbers: dict[tuple[str, int, int], int]
    rendered: dict[str, str] = field(default_factory=dict)  # output memo: format or page -> text

    def number(self, citation: Citation) -> int:
        return self.numbers[(citation.document, citation.start, citation.end)]

    def memo(self, key: str, make: Callable[[], str], limit: int = 8) -> str:
        """`make()`, remembered under `key` (a few keys per brief at most)."""
        text = self.rendered.get(key)
        if text is None:
            text = make()
            if len(self.rendered) < limit:
                self.rendered[key] = text
        return text


def label(title: str | None, source: str) -> str:
    """What a page calls a document: its title, else its file name (not the server's path), else its source."""
    if title:
        return title
    if "://" in source or "/" not in source.replace("\\", "/"):
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def selection_ids(
    store: Store, ids: list[str] | None, query: str | None, limit: int = 50
) -> tuple[list[str], int]:
    """The document ids a brief request covers, and how many it could have covered.

    Given ids, a search's best `limit`, or, with neither, the `limit` most
    recently published documents (never the whole store: that is load, not a brief).
    """
    if ids:
        chosen = list(dict.fromkeys(ids))
        return chosen, len(chosen)
    if query:
        found = list(store.search_ids(query, limit))
        return found, len(found)
    from ..api import recent_ids

    return recent_ids(store, limit)


class Cancelled(Exception):
    """A brief build stopped early: its client went away or it ran past its deadline."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class Busy(Exception):
    """Too much brief building right now: answer `status` (429) and retry later."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        self.status = status
        self.message = message
        self.retry_after = max(1, retry_after)
        super().__init__(message)


@dataclass(slots=True)
class _Pending:
    """A build in progress, which requests for the same brief wait on."""

    done: threading.Event = field(default_factory=threading.Event)
    view: BriefView | None = None
    error: BaseException | None = None


class BriefCache:
    """A small LRU of built briefs keyed by (ids, query, store size), with bounded building."""

    def __init__(
        self,
        settings: Settings,
        maxsize: int = 32,
        builder: Builder | None = None,
        *,
        max_builds: int = 2,
        builds_per_window: int = 30,
        window: float = 60.0,
        slot_wait: float = 5.0,
        follow_wait: float = 120.0,
        max_followers: int = 8,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.builder = builder or _build_from_store
        self.maxsize = maxsize
        self.max_builds = max_builds
        self.builds_per_window = builds_per_window
        self.window = window
        self.slot_wait = slot_wait  # how long a new build waits for a free slot
        self.follow_wait = follow_wait  # how long a request waits for the same brief's build
        self.max_followers = max_followers
        self.clock = clock
        self._items: OrderedDict[tuple, BriefView] = OrderedDict()
        self._pending: dict[tuple, _Pending] = {}
        self._started: deque[float] = deque()  # start times of recent builds
        self._followers = 0
        self._guard = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_builds)
        self.builds = 0  # how many briefs were actually built (for tests and stats)

    def get(
        self,
        store: Store,
        ids: list[str],
        query: str | None,
        *,
        cancel: threading.Event | None = None,
        deadline: float | None = None,
        settings: Settings | None = None,
    ) -> BriefView:
        """The brief of `ids`, from memory or built now; raise Busy past the build limits.

        A build stops with Cancelled when `cancel` is set or the clock passes `deadline`.
        `settings` (the request's since, focus, words, full) replaces the cache's own.
        """
        settings = settings or self.settings
        options = (settings.since, settings.focus, settings.summary_words, settings.full)
        key = (tuple(sorted(ids)), query or "", options)
        with self._guard:
            view = self._lookup(key)
            if view is not None:
                return view
            pending = self._pending.get(key)
            owner = pending is None
            if owner:
                self._admit()
                pending = self._pending[key] = _Pending()
            elif self._followers >= self.max_followers:
                raise Busy(
                    429, "this brief is being built; retry shortly", math.ceil(self.slot_wait)
                )
            else:
                self._followers += 1
        assert pending is not None
        if owner:
            return self._build_as_owner(key, pending, store, ids, query, cancel, deadline, settings)
        try:
            return self._follow(pending)
        finally:
            with self._guard:
                self._followers -= 1

    def clear(self) -> None:
        with self._guard:
            self._items.clear()

    def discard(self, doc_ids: set[str]) -> int:
        """Forget the cached briefs that cover any of `doc_ids` (a changed or deleted document)."""
        with self._guard:
            stale = [k for k in self._items if doc_ids.intersection(k[0])]
            for key in stale:
                del self._items[key]
        return len(stale)

    def _admit(self) -> None:
        """Count a new build against the window, or raise Busy(429). Call with the guard held."""
        now = self.clock()
        while self._started and self._started[0] <= now - self.window:
            self._started.popleft()
        if len(self._started) >= self.builds_per_window:
            retry = math.ceil(self._started[0] + self.window - now)
            raise Busy(
                429,
                f"too many new briefs: at most {self.builds_per_window} per {self.window:g} s "
                "(briefs already built are still served)",
                retry,
            )
        self._started.append(now)

    def _build_as_owner(
        self,
        key: tuple,
        pending: _Pending,
        store: Store,
        ids: list[str],
        query: str | None,
        cancel: threading.Event | None,
        deadline: float | None,
        settings: Settings | None = None,
    ) -> BriefView:
        try:
            if not self._slots.acquire(timeout=self.slot_wait):
                raise Busy(
                    429,
                    "the server is busy building other briefs; retry shortly",
                    math.ceil(self.slot_wait),
                )
            try:
                view = self._build(store, ids, query, self._checker(cancel, deadline), settings)
            finally:
                self._slots.release()
            pending.view = view
            return view
        except BaseException as exc:
            pending.error = exc
            raise
        finally:
            with self._guard:
                if pending.view is not None:
                    self._items[key] = pending.view
                    while len(self._items) > self.maxsize:
                        self._items.popitem(last=False)
                self._pending.pop(key, None)
            pending.done.set()

    def _follow(self, pending: _Pending) -> BriefView:
        if not pending.done.wait(self.follow_wait):
            raise Busy(
                429, "this brief is still being built; retry shortly", math.ceil(self.slot_wait)
            )
        if isinstance(pending.error, Cancelled):  # its first asker left: not this request's fault
            raise Busy(429, "this brief's build was stopped; retry shortly", 1)
        if pending.error is not None:
            raise pending.error
        assert pending.view is not None
        return pending.view

    def _lookup(self, key: tuple) -> BriefView | None:
        view = self._items.get(key)
        if view is not None:
            self._items.move_to_end(key)
        return view

    def _checker(
        self, cancel: threading.Event | None, deadline: float | None
    ) -> Callable[[], None]:
        def check() -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled("the client went away; the brief was not finished")
            if deadline is not None and self.clock() > deadline:
                raise Cancelled("the brief took too long; choose fewer documents")

        return check

    def _build(
        self,
        store: Store,
        ids: list[str],
        query: str | None,
        check: Callable[[], None],
        settings: Settings | None = None,
    ) -> BriefView:
        check()
        brief = self.builder(store, ids, query, settings or self.settings, check)
        cited = {c.document for c in _citations(brief)}
        documents = {d.id: d for d in store.documents(sorted(cited))} if cited else {}
        view = view_of(brief, documents)
        with self._guard:
            self.builds += 1
        return view


def _build_from_store(
    store: Store,
    ids: list[str],
    query: str | None,
    settings: Settings,
    check: Callable[[], None],
) -> Brief:
    from ..api import brief_from_store

    return brief_from_store(
        store, ids=ids, query=query, settings=settings, progress=lambda _doc: check()
    )


def view_of(brief: Brief, documents: dict[str, Document]) -> BriefView:
    """Number every distinct citation of `brief` and cut its passage from `documents`."""
    numbers: dict[tuple[str, int, int], int] = {}
    passages: list[Passage] = []
    for citation in _citations(brief):
        key = (citation.document, citation.start, citation.end)
        if key in numbers:
            continue
        numbers[key] = len(numbers) + 1
        doc = documents.get(citation.document)
        if doc is None:
            passages.append(Passage(numbers[key], citation, citation.document, "", "", ""))
            continue
        passages.append(
            Passage(
                number=numbers[key],
                citation=citation,
                title=label(doc.title, doc.source),
                before=_clip_left(
                    doc.text[max(0, citation.start - CONTEXT_CHARS) : citation.start],
                    citation.start,
                ),
                text=doc.text[citation.start : citation.end],
                after=_clip_right(
                    doc.text[citation.end : citation.end + CONTEXT_CHARS],
                    len(doc.text) - citation.end,
                ),
            )
        )
    return BriefView(brief=brief, passages=passages, numbers=numbers)


def _clip_left(text: str, available: int) -> str:
    if available <= CONTEXT_CHARS or " " not in text:
        return text
    return "…" + text[text.index(" ") + 1 :]


def _clip_right(text: str, available: int) -> str:
    if available <= CONTEXT_CHARS or " " not in text:
        return text
    return text[: text.rindex(" ")] + "…"


def _citations(brief: Brief) -> list[Citation]:
    """Every citation in the brief, in the order the page shows them."""
    out: list[Citation] = []
    for sentence in brief.lede:
        out.extend(sentence.citations)
    for line in brief.narrative:
        out.extend(line.citations)
    for development in brief.developments:
        out.extend(development.before.citations)
        out.extend(development.after.citations)
    for player in brief.key_players:
        for did in player.did:
            out.extend(did.citations)
    for sentence in brief.summary:
        out.extend(sentence.citations)
    for event in brief.timeline:
        out.extend(event.citations)
    for speaker in brief.quotes:
        for quote in speaker.quotes:
            out.extend(quote.citations)
    for figure in brief.figures:
        out.extend(figure.citations)
    for divergence in brief.divergences:
        out.extend(divergence.citations)
        for side in divergence.sides:
            out.extend(side.citations)
    for entity in brief.entities:
        out.extend(entity.citations[:1])  # one example mention is enough
    return out
