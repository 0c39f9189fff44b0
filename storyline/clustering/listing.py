"""Stories as the public `Story` shape: label, span, counts, events, activity.

Most active first: by document count, then by latest date. Activity is
documents per ISO week (per day when the story spans a month or less).
A span is read from its documents' dates as written, so each end keeps its
precision ("2013" to "2018-05-02"): the stored story row holds days, which
the link decision needs, and would show a year-only date as "2013-01-01".
Outlets are counted from the documents' named outlets, else their web
site; documents with neither are counted apart, never as zero outlets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from urllib.parse import urlsplit

from ..errors import StoreError
from ..model import DocumentRef, Story, StoryEvent
from ..store import Store
from ..store import stories as rows
from .label import label, title

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


def period(value: str | None) -> tuple[date, date] | None:
    """The days [start, end) an ISO date prefix covers ("2014", "2014-05", "2014-05-07...")."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 1:
            y = int(parts[0])
            return date(y, 1, 1), date(y + 1, 1, 1)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1)
        start = date.fromisoformat(value[:10])
        return start, start + timedelta(days=1)
    except ValueError:
        return None


def span(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    """(first, last) of `dates` as written, each end at its own precision.

    The first is the date whose period starts earliest, the last the one whose
    period ends latest; on a tie the coarser one, which holds the other
    ("2018" rather than "2018-12-31" as the last end).
    """
    known = [(d[:10], p) for d in dates if d and (p := period(d)) is not None]
    if not known:
        return None, None
    first = min(known, key=lambda dp: (dp[1][0], -(dp[1][1] - dp[1][0]).days, dp[0]))
    last = max(known, key=lambda dp: (dp[1][1], (dp[1][1] - dp[1][0]).days, dp[0]))
    return first[0], last[0]


def outlet_of(ref: DocumentRef) -> str | None:
    """The document's outlet: its named outlet, else the web site it came from."""
    if ref.outlet:
        return ref.outlet
    if ref.source.startswith(("http://", "https://")):
        host = urlsplit(ref.source).hostname or ""
        return host.removeprefix("www.") or None
    return None


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
        of_doc = {r.id: outlet_of(r) for r in row.documents}
        outlets = {o for o in of_doc.values() if o} | {o for o in copy_outlets if o}
        published = {r.id: r.published for r in row.documents}
        story_events = [
            StoryEvent(
                eid,
                label(*centroids.get(epk, ({}, {}))),
                docs,
                *(
                    span(published.get(d) for d in docs)
                    if any(map(published.get, docs))
                    else (first, last)
                ),
            )
            for epk, eid, first, last, docs in events.get(row.pk, [])
        ]
        first, last = span(published.values())
        out.append(
            Story(
                id=row.id,
                label=label(row.centroid, row.names),
                first=first or row.first,
                last=last or row.last,
                documents=ids,
                outlets=len(outlets),
                events=story_events,
                activity=_activity(row.documents, row.first, row.last),
                outlet_unknown=sum(1 for o in of_doc.values() if o is None),
                title=title(row.centroid, row.names),
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
        if len(s.documents) >= min_docs and (since is None or _ends_after(s.last, since))
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


def _ends_after(last: str | None, since: str) -> bool:
    """Whether a story whose last date is `last` may have a document on or after `since`
    (a last date of "2018" reaches every day of 2018)."""
    end, start = period(last), period(since)
    if end is None or start is None:
        return last is not None and last >= since
    return end[1] > start[0]


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


def outlets_text(story: Story) -> str:
    """How many outlets, in words: "3 outlets", "outlet unknown", "2 outlets (outlet
    unknown for 1 document)" -- never "0 outlets" for documents whose outlet is not known."""
    n, unknown = story.outlets, story.outlet_unknown
    if n == 0:
        return "outlet unknown"
    said = f"{n} outlet{'' if n == 1 else 's'}"
    if unknown:
        said += f" (outlet unknown for {unknown} document{'' if unknown == 1 else 's'})"
    return said
