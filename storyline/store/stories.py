"""Stories in the store: rows for stories, events, memberships and the term index.

This module only reads and writes rows; deciding which story a document
joins is `storyline.clustering`. Every write goes through the caller's
transaction (`Store.transaction()`), so one document's assignment -- its
membership row, the story's and event's centroids, the term index and the
document-frequency counts -- commits whole or not at all.

Centroids are JSON objects {term: summed weight}, cut to their heaviest
terms; `story_postings` indexes each live story under the keys of its key
terms, which is where a new document's candidate stories come from.
The SQL is plain tables, indexes and `ON CONFLICT` upserts, which PostgreSQL
accepts as written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from ..model import DocumentRef
from .rows import REF_COLUMNS, ref_from_row

DF_KEY_BITS = 22  # document frequencies live in 4M hashed slots: bounded at any corpus size


@dataclass(slots=True)
class Pending:
    """A stored document not yet in a story (nor recorded as unclusterable)."""

    pk: int
    id: str
    title: str | None
    text: str
    published: str | None


@dataclass(slots=True)
class Cluster:
    """A story's or an event's row: its running centroid and date span."""

    pk: int
    id: str
    first: str | None
    last: str | None
    size: int
    centroid: dict[str, float]
    names: dict[str, str]
    story: int | None = None  # the story of an event


@dataclass(slots=True)
class StoryRow:
    """What the listing needs of a live story (documents in date order)."""

    pk: int
    id: str
    first: str | None
    last: str | None
    centroid: dict[str, float]
    names: dict[str, str]
    documents: list[DocumentRef]


def df_key(term_key: int) -> int:
    return term_key & ((1 << DF_KEY_BITS) - 1)


# ------------------------------------------------------------------ reading


def pending(conn: sqlite3.Connection, limit: int | None = None) -> list[Pending]:
    """Documents without a membership row, in publication-date order (undated last)."""
    rows = conn.execute(
        "SELECT d.pk, d.id, d.title, d.text, d.published FROM documents AS d "
        "LEFT JOIN story_members AS m ON m.doc_pk = d.pk WHERE m.doc_pk IS NULL "
        "ORDER BY d.published IS NULL, d.published, d.pk LIMIT ?",
        (-1 if limit is None else limit,),
    ).fetchall()
    return [Pending(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def is_member(conn: sqlite3.Connection, doc_pk: int) -> bool:
    return (
        conn.execute("SELECT 1 FROM story_members WHERE doc_pk = ?", (doc_pk,)).fetchone()
        is not None
    )


def pending_count(conn: sqlite3.Connection) -> int:
    return conn.execute(
        "SELECT count(*) FROM documents AS d LEFT JOIN story_members AS m ON m.doc_pk = d.pk "
        "WHERE m.doc_pk IS NULL"
    ).fetchone()[0]


def clustered_count(conn: sqlite3.Connection) -> int:
    """Documents folded into the document frequencies (the N of the IDF)."""
    row = conn.execute("SELECT value FROM store_state WHERE name = 'story_documents'").fetchone()
    return int(row[0]) if row else 0


def document_frequencies(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, int]:
    """{df_key: df} for the given df keys (absent keys have df 0)."""
    keys = list(set(keys))
    out: dict[int, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        out.update(
            conn.execute(
                f"SELECT term, df FROM term_df WHERE term IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    return out


def candidate_stories(
    conn: sqlite3.Connection, term_keys: list[int], since: str | None, limit: int
) -> list[Cluster]:
    """Live stories indexed under most of `term_keys`, active on or after `since`.

    Ranked by hits (query terms a story is indexed under), then size, then pk.
    Hits are counted on the postings alone; stories are then read tier by tier
    (all stories with the most hits, then the next count, ...) until `limit` are
    in: only the stories that can make the list are read, and only the chosen
    ones' centroids. Joining every story sharing one term with the document
    (a set that grows with the store) cost most of the growth in per-document
    time with store size (BENCHMARKS.md, stories8).
    """
    if not term_keys:
        return []
    marks = ", ".join("?" * len(term_keys))
    tiers: dict[int, list[int]] = {}
    for story, hits in conn.execute(
        f"SELECT story, count(*) FROM story_postings WHERE term IN ({marks}) GROUP BY story",
        term_keys,
    ):
        tiers.setdefault(hits, []).append(story)
    window = "" if since is None else " AND (last IS NULL OR last >= ?)"
    chosen: list[int] = []
    for hits in sorted(tiers, reverse=True):
        if len(chosen) >= limit:
            break
        live: list[tuple[int, int]] = []
        pks = tiers[hits]
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            live += conn.execute(
                f"SELECT pk, size FROM stories WHERE pk IN ({', '.join('?' * len(chunk))}) "
                f"AND merged_into IS NULL{window}",
                [*chunk, *([since] if since is not None else [])],
            ).fetchall()
        chosen += [pk for pk, _ in sorted(live, key=lambda r: (-r[1], r[0]))]
    chosen = chosen[:limit]
    if not chosen:
        return []
    found = {
        r[0]: Cluster(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]))
        for r in conn.execute(
            "SELECT pk, id, first, last, size, centroid, names FROM stories "
            f"WHERE pk IN ({', '.join('?' * len(chosen))})",
            chosen,
        )
    }
    return [found[pk] for pk in chosen]


def live_story(conn: sqlite3.Connection, pk: int) -> Cluster | None:
    """The story row `pk`, or None when it was merged away (or is unknown)."""
    r = conn.execute(
        "SELECT pk, id, first, last, size, centroid, names FROM stories "
        "WHERE pk = ? AND merged_into IS NULL",
        (pk,),
    ).fetchone()
    return (
        None
        if r is None
        else Cluster(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]))
    )


def story_events(
    conn: sqlite3.Connection, story: int, since: str | None, limit: int
) -> list[Cluster]:
    """The story's events active on or after `since` (undated ones too), latest first.

    Two queries, each an ordered walk of the (story, last) index that stops at
    `limit`: one ORDER BY over both (dated first) would sort every event of a
    long story for each document, a cost that grows with the story.
    """
    cols = "SELECT pk, id, first, last, size, centroid, names FROM story_events "
    window = "" if since is None else "AND last >= ? "
    rows = conn.execute(
        f"{cols}WHERE story = ? AND last IS NOT NULL {window}ORDER BY last DESC, pk DESC LIMIT ?",
        [story, *([since] if since is not None else []), limit],
    ).fetchall()
    if len(rows) < limit:
        rows += conn.execute(
            f"{cols}WHERE story = ? AND last IS NULL ORDER BY pk DESC LIMIT ?",
            [story, limit - len(rows)],
        ).fetchall()
    return [
        Cluster(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]), story)
        for r in rows
    ]


def resolve(conn: sqlite3.Connection, story_id: str) -> int | None:
    """The pk of the live story `story_id` names, following merges; None when unknown."""
    row = conn.execute("SELECT pk, merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
    seen = 0
    while row is not None and row[1] is not None and seen < 1000:
        row = conn.execute("SELECT pk, merged_into FROM stories WHERE pk = ?", (row[1],)).fetchone()
        seen += 1
    return None if row is None else row[0]


def story_rows(
    conn: sqlite3.Connection, pks: list[int] | None = None
) -> tuple[list[StoryRow], dict[int, list[tuple[int, str, str | None, str | None, list[str]]]]]:
    """Live stories (all, or `pks`) with their documents, and each story's events.

    Events come as {story pk: [(event pk, event id, first, last, document ids)]}.
    """
    where = "s.merged_into IS NULL"
    args: list[object] = []
    if pks is not None:
        if not pks:
            return [], {}
        where += f" AND s.pk IN ({', '.join('?' * len(pks))})"
        args = list(pks)
    stories = {
        r[0]: StoryRow(r[0], r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5]), [])
        for r in conn.execute(
            f"SELECT s.pk, s.id, s.first, s.last, s.centroid, s.names FROM stories AS s "
            f"WHERE {where}",
            args,
        )
    }
    events: dict[int, list[tuple[int, str, str | None, str | None, list[str]]]] = {}
    event_docs: dict[int, list[str]] = {}
    columns = ", ".join(f"d.{c.strip()}" for c in REF_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT m.story, m.event, {columns} FROM story_members AS m "
        "JOIN documents AS d ON d.pk = m.doc_pk "
        f"JOIN stories AS s ON s.pk = m.story WHERE {where} "
        "ORDER BY d.published IS NULL, d.published, d.pk",
        args,
    )
    for row in rows:
        story = stories.get(row[0])
        if story is None:
            continue
        ref = ref_from_row(row)
        story.documents.append(ref)
        if row[1] is not None:
            event_docs.setdefault(row[1], []).append(ref.id)
    event_where = "story IN (SELECT s.pk FROM stories AS s WHERE " + where + ")"
    for pk, eid, story_pk, first, last in conn.execute(
        f"SELECT pk, id, story, first, last FROM story_events WHERE {event_where} "
        "ORDER BY first IS NULL, first, pk",
        args,
    ):
        if pk in event_docs:
            events.setdefault(story_pk, []).append((pk, eid, first, last, event_docs[pk]))
    return list(stories.values()), events


def event_centroids(
    conn: sqlite3.Connection, pks: list[int]
) -> dict[int, tuple[dict[str, float], dict[str, str]]]:
    """{event pk: (centroid, names)}."""
    out: dict[int, tuple[dict[str, float], dict[str, str]]] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = conn.execute(
            "SELECT pk, centroid, names FROM story_events "
            f"WHERE pk IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        out.update({r[0]: (json.loads(r[1]), json.loads(r[2])) for r in rows})
    return out


def story_of_documents(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, int]:
    """{document id: live story pk} for the documents that are in a story."""
    out: dict[str, int] = {}
    for start in range(0, len(doc_ids), 500):
        chunk = doc_ids[start : start + 500]
        rows = conn.execute(
            "SELECT d.id, m.story FROM documents AS d JOIN story_members AS m ON m.doc_pk = d.pk "
            f"WHERE d.id IN ({', '.join('?' * len(chunk))}) AND m.story IS NOT NULL",
            chunk,
        )
        out.update({r[0]: r[1] for r in rows})
    return out


def unclustered(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(document id, reason) for documents recorded as not clusterable."""
    rows = conn.execute(
        "SELECT d.id, m.reason FROM story_members AS m JOIN documents AS d ON d.pk = m.doc_pk "
        "WHERE m.story IS NULL ORDER BY d.pk"
    )
    return [(r[0], r[1]) for r in rows]


def duplicate_outlets(conn: sqlite3.Connection, doc_ids: list[str]) -> list[str | None]:
    """Outlets of the copies linked to `doc_ids` (syndication counts toward a story's reach)."""
    out: list[str | None] = []
    for start in range(0, len(doc_ids), 500):
        chunk = doc_ids[start : start + 500]
        rows = conn.execute(
            f"SELECT ref FROM duplicates WHERE duplicate_of IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        out += [json.loads(r[0]).get("outlet") for r in rows]
    return out


# ------------------------------------------------------------------ writing


def add_frequencies(conn: sqlite3.Connection, keys: Iterable[int]) -> None:
    """One more clustered document containing each of `keys` (df keys)."""
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
        [(k,) for k in set(keys)],
    )
    conn.execute(
        "INSERT INTO store_state (name, value) VALUES ('story_documents', '1') "
        "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(store_state.value AS INTEGER) + 1 AS TEXT)"
    )


def insert_story(
    conn: sqlite3.Connection,
    story_id: str,
    date: str | None,
    centroid: Mapping[str, float],
    names: Mapping[str, str],
    now: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO stories (id, first, last, size, centroid, names, created) "
        "VALUES (?, ?, ?, 1, ?, ?, ?)",
        (story_id, date, date, json.dumps(centroid), json.dumps(names), now),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def update_story(conn: sqlite3.Connection, story: Cluster) -> None:
    conn.execute(
        "UPDATE stories SET first = ?, last = ?, size = ?, centroid = ?, names = ? WHERE pk = ?",
        (
            story.first,
            story.last,
            story.size,
            json.dumps(story.centroid),
            json.dumps(story.names),
            story.pk,
        ),
    )


def insert_event(
    conn: sqlite3.Connection,
    event_id: str,
    story: int,
    date: str | None,
    centroid: Mapping[str, float],
    names: Mapping[str, str],
) -> int:
    cur = conn.execute(
        "INSERT INTO story_events (id, story, first, last, size, centroid, names) "
        "VALUES (?, ?, ?, ?, 1, ?, ?)",
        (event_id, story, date, date, json.dumps(centroid), json.dumps(names)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def update_event(conn: sqlite3.Connection, event: Cluster) -> None:
    conn.execute(
        "UPDATE story_events SET story = ?, first = ?, last = ?, size = ?, centroid = ?, "
        "names = ? WHERE pk = ?",
        (
            event.story,
            event.first,
            event.last,
            event.size,
            json.dumps(event.centroid),
            json.dumps(event.names),
            event.pk,
        ),
    )


def set_postings(conn: sqlite3.Connection, story: int, term_keys: Iterable[int]) -> None:
    """Index `story` under exactly `term_keys` (only the difference is written)."""
    new = set(term_keys)
    old = {r[0] for r in conn.execute("SELECT term FROM story_postings WHERE story = ?", (story,))}
    conn.executemany(
        "DELETE FROM story_postings WHERE term = ? AND story = ?", [(t, story) for t in old - new]
    )
    conn.executemany(
        "INSERT INTO story_postings (term, story) VALUES (?, ?)", [(t, story) for t in new - old]
    )


def add_member(
    conn: sqlite3.Connection,
    doc_pk: int,
    story: int | None,
    event: int | None,
    similarity: float | None,
    reason: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO story_members (doc_pk, story, event, similarity, reason) "
        "VALUES (?, ?, ?, ?, ?)",
        (doc_pk, story, event, similarity, reason),
    )


def merge_stories(conn: sqlite3.Connection, keep: Cluster, gone: Cluster) -> None:
    """Fold story `gone` into `keep` (whose row the caller updates): its id then resolves to keep."""
    conn.execute("UPDATE story_members SET story = ? WHERE story = ?", (keep.pk, gone.pk))
    conn.execute("UPDATE story_events SET story = ? WHERE story = ?", (keep.pk, gone.pk))
    conn.execute("DELETE FROM story_postings WHERE story = ?", (gone.pk,))
    conn.execute(
        "UPDATE stories SET merged_into = ?, size = 0, centroid = '{}', names = '{}' WHERE pk = ?",
        (keep.pk, gone.pk),
    )
    conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (keep.pk, gone.pk))
    gone_dense = dense_vectors(conn, STORY, [gone.pk]).get(gone.pk)
    if gone_dense is not None:
        add_dense(conn, STORY, keep.pk, gone_dense)
        drop_dense(conn, STORY, gone.pk)


def merge_events(conn: sqlite3.Connection, keep: Cluster, gone: int) -> None:
    """Fold event `gone` into `keep` (whose row the caller updates): its members move over."""
    conn.execute("UPDATE story_members SET event = ? WHERE event = ?", (keep.pk, gone))
    conn.execute("DELETE FROM story_events WHERE pk = ?", (gone,))
    gone_dense = dense_vectors(conn, EVENT, [gone]).get(gone)
    if gone_dense is not None:
        add_dense(conn, EVENT, keep.pk, gone_dense)
        drop_dense(conn, EVENT, gone)


def reset(conn: sqlite3.Connection) -> None:
    """Forget every story (the documents stay): the start of a rebuild.

    Documents' dense vectors stay too (a rebuild need not embed again)."""
    for table in ("story_members", "story_postings", "story_events", "term_df"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM story_dense WHERE kind <> 'd'")
    conn.execute("DELETE FROM stories")
    conn.execute("DELETE FROM store_state WHERE name = 'story_documents'")


# ------------------------------------------------------------------ dense vectors
# Optional (the `embed` extra): float32 bytes per document, story and event.
# A story's or event's vector is the sum of its members' unit vectors, so
# adding a member is one read-modify-write and a cosine normalises it.

DOCUMENT, STORY, EVENT = "d", "s", "e"


def dense_vectors(conn: sqlite3.Connection, kind: str, pks: Iterable[int]) -> dict[int, np.ndarray]:
    """{pk: float32 vector} for those of `pks` that have one."""
    pks = list(set(pks))
    out: dict[int, np.ndarray] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = conn.execute(
            f"SELECT pk, vec FROM story_dense WHERE kind = ? AND pk IN ({', '.join('?' * len(chunk))})",
            [kind, *chunk],
        )
        out.update({r[0]: np.frombuffer(bytes(r[1]), dtype=np.float32) for r in rows})
    return out


def put_dense(conn: sqlite3.Connection, kind: str, pk: int, vec: np.ndarray) -> None:
    """Store (or replace) the vector of one document, story or event."""
    conn.execute(
        "INSERT INTO story_dense (kind, pk, vec) VALUES (?, ?, ?) "
        "ON CONFLICT (kind, pk) DO UPDATE SET vec = excluded.vec",
        (kind, pk, np.asarray(vec, dtype=np.float32).tobytes()),
    )


def add_dense(conn: sqlite3.Connection, kind: str, pk: int, vec: np.ndarray) -> None:
    """Add `vec` to the stored sum of a story or event (or start it)."""
    current = dense_vectors(conn, kind, [pk]).get(pk)
    put_dense(conn, kind, pk, vec if current is None else current + vec)


def drop_dense(conn: sqlite3.Connection, kind: str, pk: int) -> None:
    conn.execute("DELETE FROM story_dense WHERE kind = ? AND pk = ?", (kind, pk))
