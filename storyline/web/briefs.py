"""Briefs for the web app: built once per selection, then served from memory.

Building a brief runs spaCy over every uncached document, far too slow to
repeat per request. Analyses are cached in the store (`storyline.api`); the
built brief is memoised here per (document ids, query, store size), so a
new document invalidates it, and so are its rendered forms (page, JSON...). Documents are keyed by content hash, so the
same ids always mean the same texts. Builds are serialised by one lock: the
second request for a brief waits for the first instead of building it twice.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Brief, Citation, Document

if TYPE_CHECKING:
    from ..store import Store

CONTEXT_CHARS = 180

# (store, ids, query, settings) -> Brief; the default runs storyline.api.brief_from_store.
Builder = Callable[["Store", list[str], "str | None", Settings], Brief]


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


def selection_ids(store: Store, ids: list[str] | None, query: str | None, limit: int = 50) -> list[str]:
    """The document ids a brief request covers: given ids, a search, or everything."""
    if ids:
        return list(dict.fromkeys(ids))
    if query:
        return list(store.search_ids(query, limit))
    return [ref.id for ref in store.list()]


class BriefCache:
    """A small LRU of built briefs keyed by (ids, query, store size)."""

    def __init__(self, settings: Settings, maxsize: int = 32, builder: Builder | None = None) -> None:
        self.settings = settings
        self.builder = builder or _build_from_store
        self.maxsize = maxsize
        self._items: OrderedDict[tuple, BriefView] = OrderedDict()
        self._lock = threading.Lock()
        self.builds = 0  # how many briefs were actually built (for tests and stats)

    def get(self, store: Store, ids: list[str], query: str | None) -> BriefView:
        key = (tuple(sorted(ids)), query or "", store.count())
        view = self._lookup(key)
        if view is not None:
            return view
        with self._lock:
            view = self._lookup(key)
            if view is None:
                view = self._build(store, ids, query)
                self._items[key] = view
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
            return view

    def clear(self) -> None:
        self._items.clear()

    def _lookup(self, key: tuple) -> BriefView | None:
        view = self._items.get(key)
        if view is not None:
            try:
                self._items.move_to_end(key)
            except KeyError:  # evicted by another thread meanwhile
                pass
        return view

    def _build(self, store: Store, ids: list[str], query: str | None) -> BriefView:
        brief = self.builder(store, ids, query, self.settings)
        self.builds += 1
        cited = {c.document for c in _citations(brief)}
        documents = {d.id: d for d in store.documents(sorted(cited))} if cited else {}
        return view_of(brief, documents)


def _build_from_store(store: Store, ids: list[str], query: str | None, settings: Settings) -> Brief:
    from ..api import brief_from_store

    return brief_from_store(store, ids=ids, query=query, settings=settings)


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
                title=doc.title or doc.source,
                before=_clip_left(doc.text[max(0, citation.start - CONTEXT_CHARS) : citation.start], citation.start),
                text=doc.text[citation.start : citation.end],
                after=_clip_right(doc.text[citation.end : citation.end + CONTEXT_CHARS], len(doc.text) - citation.end),
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
    for entity in brief.entities:
        out.extend(entity.citations[:1])  # one example mention is enough
    return out
