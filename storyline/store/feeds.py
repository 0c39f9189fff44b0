"""Watch state in the store: each followed feed, the items seen in it, and the updates made.

`storyline watch` keeps everything it needs to resume here, in the same file
as the documents, so a restart picks up where the last run stopped and never
re-ingests an item already seen. Each call is one short transaction. The SQL
is plain (`?` placeholders and `ON CONFLICT`) and runs through the store's public
`transaction()`/`reading()`, so PostgreSQL runs it unchanged (store/pg_compat.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:
    from .db import Store

# An item that failed is tried again on later polls, this many times in all.
MAX_ITEM_ATTEMPTS = 3


@dataclass(slots=True)
class FeedState:
    """What the store remembers about one followed feed."""

    url: str
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_ok: str | None = None
    last_new: str | None = None
    failures: int = 0
    retry_after: str | None = None
    last_error: str | None = None
    items: int = 0
    added: int = 0

    @property
    def healthy(self) -> bool:
        return self.failures == 0


@dataclass(slots=True)
class ItemRecord:
    """One item of a feed and what became of it."""

    feed: str
    item: str
    link: str | None
    status: str  # added, duplicate, near-duplicate, unchanged, failed, skipped
    doc_id: str | None = None
    error: str | None = None
    attempts: int = 1


@dataclass(slots=True)
class UpdateRecord:
    """The update one poll made to one story: its new documents and their brief."""

    poll: str
    story: str
    label: str
    documents: list[str]
    brief: dict[str, Any] | None
    note: str | None
    created: str


_FEED_COLUMNS = (
    "url, name, tags, kind, etag, last_modified, last_polled, last_ok, last_new, "
    "failures, retry_after, last_error, items, added"
)


def _feed(row: sqlite3.Row) -> FeedState:
    values = dict(row)
    values["tags"] = json.loads(values["tags"] or "[]")
    return FeedState(**values)


def register(store: Store, url: str, *, name: str | None = None, tags: Iterable[str] = ()) -> None:
    """Follow `url` (idempotent); a name or tags given again replace the stored ones."""
    tag_json = json.dumps(sorted(set(tags)))
    with _write(store, url) as conn:
        conn.execute(
            "INSERT INTO watch_feeds (url, name, tags) VALUES (?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET name = COALESCE(excluded.name, watch_feeds.name), "
            "tags = CASE WHEN excluded.tags = '[]' THEN watch_feeds.tags ELSE excluded.tags END",
            (url, name, tag_json),
        )


def feed(store: Store, url: str) -> FeedState | None:
    with store.reading() as conn:
        row = conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM watch_feeds WHERE url = ?", (url,)
        ).fetchone()
    return _feed(row) if row is not None else None


def feeds(store: Store) -> list[FeedState]:
    """Every followed feed, failing ones first, then by name or URL."""
    with store.reading() as conn:
        rows = conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM watch_feeds "
            "ORDER BY failures = 0, COALESCE(name, url), url"
        ).fetchall()
    return [_feed(r) for r in rows]


def save_feed(store: Store, state: FeedState) -> None:
    """Write back a feed's poll outcome (validators, health, back-off, counts)."""
    with _write(store, state.url) as conn:
        conn.execute(
            "UPDATE watch_feeds SET kind = ?, etag = ?, last_modified = ?, last_polled = ?, "
            "last_ok = ?, last_new = ?, failures = ?, retry_after = ?, last_error = ?, "
            "items = ?, added = ? WHERE url = ?",
            (
                state.kind,
                state.etag,
                state.last_modified,
                state.last_polled,
                state.last_ok,
                state.last_new,
                state.failures,
                state.retry_after,
                state.last_error,
                state.items,
                state.added,
                state.url,
            ),
        )


def seen(store: Store, feed_url: str, items: list[str]) -> dict[str, ItemRecord]:
    """The records of those of `items` already seen in `feed_url` (asked in bounded chunks)."""
    found: dict[str, ItemRecord] = {}
    with store.reading() as conn:
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(
                "SELECT feed, item, link, status, doc_id, error, attempts FROM watch_items "
                f"WHERE feed = ? AND item IN ({marks})",
                (feed_url, *chunk),
            ):
                found[row["item"]] = ItemRecord(**dict(row))
    return found


def retryable(store: Store, feed_url: str) -> list[ItemRecord]:
    """Items of `feed_url` that failed fewer than MAX_ITEM_ATTEMPTS times."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT feed, item, link, status, doc_id, error, attempts FROM watch_items "
            "WHERE status = 'failed' AND feed = ? AND attempts < ? ORDER BY seen, item",
            (feed_url, MAX_ITEM_ATTEMPTS),
        ).fetchall()
    return [ItemRecord(**dict(r)) for r in rows]


def record_item(store: Store, record: ItemRecord, *, poll: str, now: str) -> None:
    """Remember what became of one item (a retried item keeps its count of attempts)."""
    with _write(store, record.feed) as conn:
        conn.execute(
            "INSERT INTO watch_items (feed, item, link, status, doc_id, error, attempts, seen, poll) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (feed, item) DO UPDATE SET link = excluded.link, "
            "status = excluded.status, doc_id = excluded.doc_id, error = excluded.error, "
            "attempts = watch_items.attempts + 1, poll = excluded.poll",
            (
                record.feed,
                record.item,
                record.link,
                record.status,
                record.doc_id,
                record.error,
                1,
                now,
                poll,
            ),
        )


def item_count(store: Store, feed_url: str | None = None) -> int:
    with store.reading() as conn:
        if feed_url is None:
            return conn.execute("SELECT count(*) FROM watch_items").fetchone()[0]
        return conn.execute(
            "SELECT count(*) FROM watch_items WHERE feed = ?", (feed_url,)
        ).fetchone()[0]


def save_update(store: Store, update: UpdateRecord) -> None:
    with _write(store, update.story) as conn:
        conn.execute(
            "INSERT INTO watch_updates (poll, story, label, documents, brief, note, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (poll, story) DO UPDATE SET label = excluded.label, "
            "documents = excluded.documents, brief = excluded.brief, note = excluded.note, "
            "created = excluded.created",
            (
                update.poll,
                update.story,
                update.label,
                json.dumps(update.documents),
                json.dumps(update.brief, ensure_ascii=False) if update.brief is not None else None,
                update.note,
                update.created,
            ),
        )


def updates(store: Store, *, since: str | None = None, limit: int = 50) -> list[UpdateRecord]:
    """Updates made at or after `since` (ISO time), newest first."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT poll, story, label, documents, brief, note, created FROM watch_updates "
            "WHERE created >= ? ORDER BY created DESC, story LIMIT ?",
            (since or "", limit),
        ).fetchall()
    return [
        UpdateRecord(
            poll=r["poll"],
            story=r["story"],
            label=r["label"],
            documents=json.loads(r["documents"]),
            brief=json.loads(r["brief"]) if r["brief"] else None,
            note=r["note"],
            created=r["created"],
        )
        for r in rows
    ]


@contextmanager
def _write(store: Store, what: str) -> Iterator[sqlite3.Connection]:
    """One write transaction (SQLite or PostgreSQL); a failure names `what`."""
    try:
        with store.transaction() as conn:
            yield conn
    except StoreError as exc:
        raise StoreError(f"{what}: watch state could not be saved: {exc}") from exc


def feed_documents(store: Store, feed_url: str, *, before: str, limit: int = 20) -> list[str]:
    """Ids of documents `feed_url` added in polls before `before`, newest first."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT doc_id FROM watch_items WHERE feed = ? AND status = 'added' "
            "AND poll < ? AND doc_id IS NOT NULL ORDER BY seen DESC, item LIMIT ?",
            (feed_url, before, limit),
        ).fetchall()
    return [r[0] for r in rows]
