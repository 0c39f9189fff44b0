"""Stories as the public `Story` shape: label, span, counts, events, activity.

Most active first: by document count, then by latest date. Activity is
documents per ISO week (per day when the story spans a month or less).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..errors import StoreError
from ..model import DocumentRef, Story, StoryEvent
from ..store import Store
from ..store import stories as rows
from .label import label

QUERY_HITS = 2000  # documents a --query filter considers


def _activity(
    refs: list[DocumentRef], first: str | None, last: str | None
) -> list[tuple[str, int]]:
    days = [r.published[:10] for r in refs if r.published and len(r.published) >= 10]
    if not days:
        return []
    try:
        span = (date.fromisoformat(max(days)) - date.fromisoformat(min(days))).days
    except ValueError:
        return []
    if span <= 31:
        return sorted(Counter(days).items())
    weeks: Counter[str] = Counter()
    for day in days:
        try:
            year, week, _ = date.fromisoformat(day).isocalendar()
        except ValueError:
            continue
        weeks[f"{year}-W{week:02d}"] += 1
    return sorted(weeks.items())


def _stories(store: Store, pks: list[int] | None) -> list[Story]:
    with store.reading() as conn:
        story_rows, events = rows.story_rows(conn, pks)
        event_pks = [e[0] for evs in events.values() for e in evs]
        centroids = rows.event_centroids(conn, event_pks)
    out = []
    for row in story_rows:
        if not row.documents:
            continue
        ids = [r.id for r in row.documents]
        with store.reading() as conn:
            copy_outlets = rows.duplicate_outlets(conn, ids)
        outlets = {r.outlet for r in row.documents if r.outlet} | {o for o in copy_outlets if o}
        story_events = [
            StoryEvent(eid, label(*centroids.get(epk, ({}, {}))), docs, first, last)
            for epk, eid, first, last, docs in events.get(row.pk, [])
        ]
        out.append(
            Story(
                id=row.id,
                label=label(row.centroid, row.names),
                first=row.first,
                last=row.last,
                documents=ids,
                outlets=len(outlets),
                events=story_events,
                activity=_activity(row.documents, row.first, row.last),
            )
        )
    return out


def list_stories(
    store: Store,
    *,
    since: str | None = None,
    query: str | None = None,
    min_docs: int = 1,
    limit: int | None = None,
) -> list[Story]:
    """Live stories, most active first; `since` keeps those with a document on or after
    that date, `query` those holding a document that matches it (most matches first)."""
    pks: list[int] | None = None
    matched: Counter[int] = Counter()
    if query:
        hits = store.search_ids(query, limit=QUERY_HITS)
        with store.reading() as conn:
            of = rows.story_of_documents(conn, hits)
        matched = Counter(of.values())
        pks = list(matched)
    found = [
        s
        for s in _stories(store, pks)
        if len(s.documents) >= min_docs
        and (since is None or (s.last is not None and s.last >= since))
    ]
    pk_of = {}
    if query:
        with store.reading() as conn:
            pk_of = {s.id: rows.resolve(conn, s.id) for s in found}
    found.sort(
        key=lambda s: (
            -matched.get(pk_of.get(s.id) or -1, 0),
            -len(s.documents),
            -_ord(s.last),
            s.id,
        )
    )
    return found[:limit] if limit is not None else found


def _ord(day: str | None) -> int:
    if not day:
        return 0
    digits = day[:10].replace("-", "")
    return int(digits.ljust(8, "0")) if digits.isdigit() else 0


def get_story(store: Store, story_id: str) -> Story:
    """The story `story_id` (an id merged into another resolves to the survivor)."""
    with store.reading() as conn:
        pk = rows.resolve(conn, story_id)
    if pk is None:
        raise StoreError(f"{story_id}: no such story in the store")
    found = _stories(store, [pk])
    if not found:
        raise StoreError(f"{story_id}: the story has no documents left")
    return found[0]


def story_refs(store: Store, doc_ids: list[str]) -> list[tuple[Story, list[str]]]:
    """The stories `doc_ids` fall in, largest share first, each with its ids among them."""
    with store.reading() as conn:
        of = rows.story_of_documents(conn, doc_ids)
    groups: dict[int, list[str]] = {}
    for doc_id in doc_ids:
        if doc_id in of:
            groups.setdefault(of[doc_id], []).append(doc_id)
    stories = {s.id: s for s in _stories(store, list(groups))}
    with store.reading() as conn:
        by_pk = {rows.resolve(conn, sid): s for sid, s in stories.items()}
    pairs = [(by_pk[pk], ids) for pk, ids in groups.items() if pk in by_pk]
    pairs.sort(key=lambda p: (-len(p[1]), -len(p[0].documents), p[0].id))
    return pairs
