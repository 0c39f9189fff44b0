"""`Store`: Documents in one SQLite file, written one transaction per document.

A document, its sentences, its full-text row and its MinHash signature are
written together in one `BEGIN IMMEDIATE` transaction, so a crash or Ctrl-C
loses nothing already committed and never leaves half a document. Duplicates
are linked to the document they copy instead of being stored twice.

The expensive part of an add, hashing the text for near duplicates, runs
before the transaction (`nearest.Fingerprint`), so the write lock is held
for the inserts only. Inside it the exact-duplicate check and the LSH lookup
are repeated for rows other writers committed meanwhile.

Threads: each thread gets its own connection (WAL lets readers work while one
writes, so reads never wait behind a writer); an in-memory store (":memory:")
is one connection shared under a lock. Processes: `busy_timeout` makes a
second writer wait, and a writer that still finds the file locked retries
(`WRITE_RETRIES`) instead of dropping the document.

Durability: `synchronous=FULL` by default, so a document reported as added
survives power loss; `synchronous="NORMAL"` trades the last few commits of a
power cut for faster ingest (an operator's choice, never a corruption risk).
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..config import Settings
from ..errors import ConfigError, NotFoundError, StoreError
from ..model import Document, DocumentRef
from . import dedupe
from .base import WRITE_RETRIES, AddResult, DuplicateLink, Status, StoreStats, check_threshold
from .base import now as _now
from .nearest import Fingerprint, best_match
from .rows import (
    DOCUMENT_COLUMNS,
    REF_COLUMNS,
    document_from_row,
    document_values,
    ref_from_json,
    ref_from_row,
    ref_to_json,
    sentence_rows,
)
from .schema import migrate
from .search import MARKS, SearchHit, fts_query
from .search import search as _search

BUSY_TIMEOUT_S = 30.0
SYNCHRONOUS = ("FULL", "NORMAL", "EXTRA")

__all__ = ["AddResult", "DuplicateLink", "Status", "Store", "StoreStats"]


class Store:
    """A SQLite file of Documents with full-text search and duplicate links.

    >>> with Store(":memory:") as store:
    ...     result = store.add(doc)
    ...     assert store.get(result.id) == doc
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = "storyline.db",
        *,
        near_duplicate_threshold: float | None = None,
        synchronous: str = "FULL",
    ) -> None:
        self.path = os.fspath(path)
        if near_duplicate_threshold is None:
            near_duplicate_threshold = Settings().near_duplicate_threshold
        self.near_duplicate_threshold = check_threshold(near_duplicate_threshold)
        if synchronous.upper() not in SYNCHRONOUS:
            raise ConfigError(f"synchronous must be one of {', '.join(SYNCHRONOUS)}")
        self.synchronous = synchronous.upper()
        self._lock = threading.RLock()  # the one connection of ":memory:"
        self._bands_checked = False  # lsh_bands backfilled for signatures of older files
        self._shared = self.path in ("", ":memory:")  # one private database per connection
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._closed = False
        conn = self._connect()
        try:
            migrate(conn)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        return cls(settings.db, near_duplicate_threshold=settings.near_duplicate_threshold)

    # ------------------------------------------------------------ connections

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {self.synchronous}")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        with self._lock:
            self._conns.append(conn)
        self._local.conn = conn
        return conn

    @property
    def _conn(self) -> sqlite3.Connection:
        """This thread's connection (the one connection of an in-memory store)."""
        if self._closed:
            raise StoreError(f"{self.path}: the store is closed")
        if self._shared:
            return self._conns[0]
        conn = getattr(self._local, "conn", None)
        return conn if conn is not None else self._connect()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        if self._shared:
            with self._lock:
                yield
        else:
            yield

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for conn in self._conns:
                conn.close()
            self._conns.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any exception, Ctrl-C included."""
        with self._guard():
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def _retrying(self, what: str, attempt: Callable[[], Any]) -> Any:
        """Run a write; a store still locked after the busy timeout is retried, not dropped."""
        for retry in range(WRITE_RETRIES + 1):
            try:
                return attempt()
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or retry == WRITE_RETRIES:
                    raise StoreError(f"{what}: could not be stored: {exc}") from exc
                time.sleep(0.05 * 2**retry)
            except sqlite3.Error as exc:
                raise StoreError(f"{what}: could not be stored: {exc}") from exc
        raise AssertionError("unreachable")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction for the store's own modules (stories): all or nothing."""
        try:
            with self._write() as conn:
                yield conn
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for the store's own read-only modules (stories)."""
        with self._read() as conn:
            yield conn

    # ------------------------------------------------------------ writing

    def add(self, doc: Document) -> AddResult:
        """Store `doc`, or link it to the stored document it duplicates.

        Raises StoreError for a document the store cannot hold (nothing is written)
        or when `doc.id` is already stored with a different text.
        """
        values = document_values(doc)
        values["dedupe_hash"] = doc.content_hash or dedupe.stream_hash(doc.text)
        fp: Fingerprint | None = None
        with self._read() as conn:  # outside the write lock: is it known, what is it near?
            known = self._known(conn, doc, values["dedupe_hash"])
            if known is None:
                fp = Fingerprint.of(doc.text)
                self._nearest(conn, fp)
        return self._retrying(doc.id, lambda: self._add_locked(doc, values, fp))

    def _add_locked(
        self, doc: Document, values: dict[str, Any], fp: Fingerprint | None
    ) -> AddResult:
        with self._write() as conn:
            result = self._known(conn, doc, values["dedupe_hash"])
            if result is None:
                fp = fp or Fingerprint.of(doc.text)
                near = self._nearest(conn, fp)  # only rows committed since the read cost anything
                if near is None:
                    self._insert(conn, doc, values, fp.signature, fp.body_signature)
                    result = AddResult("added", doc.id)
                else:
                    result = AddResult("near-duplicate", doc.id, near[1])
                    self._link(conn, doc, result, near[0])
            elif result.status == "duplicate":
                self._link(conn, doc, result, 1.0)
        return result

    def add_many(
        self, docs: Iterable[Document], on_result: Callable[[AddResult], Any] | None = None
    ) -> list[AddResult]:
        """`add` each document in its own transaction; a failure keeps those already added."""
        results = []
        for doc in docs:
            result = self.add(doc)
            results.append(result)
            if on_result is not None:
                on_result(result)
        return results

    def delete(self, doc_id: str) -> None:
        """Remove a document with its sentences, signature, cached analysis and duplicate links."""

        def attempt() -> None:
            with self._write() as conn:
                if conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount == 0:
                    raise StoreError(f"{doc_id}: no such document in the store")

        self._retrying(doc_id, attempt)

    def _known(self, conn: sqlite3.Connection, doc: Document, dedupe_hash: str) -> AddResult | None:
        """ "unchanged" or an exact "duplicate" when `doc` (or its text) is known, else None.

        Authoritative inside the write transaction, so two writers cannot both add the same text.
        """
        same_id = conn.execute(
            "SELECT source, text FROM documents WHERE id = ?", (doc.id,)
        ).fetchone()
        if same_id is not None and same_id["text"] != doc.text:
            raise StoreError(
                f"{doc.source}: same text as stored document {doc.id} ({same_id['source']}) "
                "except for case or spacing; not stored again"
            )
        if same_id is not None and same_id["source"] == doc.source:
            return AddResult("unchanged", doc.id)
        link = conn.execute(
            "SELECT duplicate_of FROM duplicates WHERE doc_id = ? AND source = ?",
            (doc.id, doc.source),
        ).fetchone()
        if link is not None:
            return AddResult("unchanged", doc.id, link["duplicate_of"])
        if same_id is not None:
            return AddResult("duplicate", doc.id, doc.id)
        original = conn.execute(
            "SELECT id FROM documents WHERE dedupe_hash = ? ORDER BY pk LIMIT 1", (dedupe_hash,)
        ).fetchone()
        if original is not None:
            return AddResult("duplicate", doc.id, original["id"])
        return None

    def _nearest(self, conn: sqlite3.Connection, fp: Fingerprint) -> tuple[float, str] | None:
        """(similarity, id) of the closest stored document at or above the threshold.

        Candidates are the documents sharing an LSH band with the text's or its
        body's signature, read from the `lsh_bands` table in one indexed query
        (nothing is held in memory, so opening a store costs nothing).
        """
        if fp.signature is None:
            return None
        self._backfill_bands(conn)
        keys = dedupe.document_band_keys(fp.signature, fp.body_signature)
        candidates = [
            r[0]
            for r in conn.execute(
                "SELECT d.id FROM documents AS d WHERE d.pk IN (SELECT doc_pk FROM lsh_bands "
                f"WHERE band_key IN ({', '.join('?' * len(keys))}))",
                keys,
            )
        ]

        def text_of(doc_id: str) -> str | None:
            row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            return None if row is None else row["text"]

        return best_match(fp, candidates, text_of, self.near_duplicate_threshold)

    def _backfill_bands(self, conn: sqlite3.Connection) -> None:
        """Once per Store: band the documents of a file written before bands were kept.

        A file written by this version has every band already, so this is one
        lookup of `store_state`; an older file is banded once (in the first
        write transaction) and marked.
        """
        if self._bands_checked:
            return
        done = conn.execute("SELECT value FROM store_state WHERE name = 'lsh_bands'").fetchone()
        if done is not None and done["value"] == dedupe.BAND_SCHEME:
            self._bands_checked = True
            return
        if not conn.in_transaction:  # a read: leave it to the write transaction
            return
        conn.execute("DELETE FROM lsh_bands")
        rows = conn.execute(
            "SELECT m.doc_pk, d.text FROM minhashes AS m "
            "JOIN documents AS d ON d.pk = m.doc_pk ORDER BY m.doc_pk"
        ).fetchall()
        for row in rows:
            fp = Fingerprint.of(row["text"])
            if fp.signature is not None:
                self._insert_bands(conn, row["doc_pk"], fp.signature, fp.body_signature)
        conn.execute(
            "INSERT INTO store_state (name, value) VALUES ('lsh_bands', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (dedupe.BAND_SCHEME,),
        )
        self._bands_checked = True

    @staticmethod
    def _insert_bands(
        conn: sqlite3.Connection, pk: int, signature: Any, body_signature: Any = None
    ) -> None:
        conn.executemany(
            "INSERT INTO lsh_bands (band_key, doc_pk) VALUES (?, ?)",
            [(key, pk) for key in dedupe.document_band_keys(signature, body_signature)],
        )

    def _insert(
        self,
        conn: sqlite3.Connection,
        doc: Document,
        values: dict[str, Any],
        signature: Any,
        body_signature: Any = None,
    ) -> int:
        values = {**values, "sentence_count": len(doc.sentences), "added": _now()}
        columns = ", ".join(values)
        placeholders = ", ".join(f":{name}" for name in values)
        pk = conn.execute(
            f"INSERT INTO documents ({columns}) VALUES ({placeholders})", values
        ).lastrowid
        assert pk is not None
        conn.executemany(
            'INSERT INTO sentences (doc_id, idx, start, "end", paragraph, speaker) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            sentence_rows(doc),
        )
        if signature is not None:
            conn.execute(
                "INSERT INTO minhashes (doc_pk, num_perm, seed, scheme, signature) "
                "VALUES (?, ?, ?, ?, ?)",
                (pk, dedupe.NUM_PERM, dedupe.SEED, dedupe.SCHEME, dedupe.to_blob(signature)),
            )
            self._insert_bands(conn, pk, signature, body_signature)
        return pk

    def _link(
        self, conn: sqlite3.Connection, doc: Document, result: AddResult, similarity: float
    ) -> None:
        near = result.status == "near-duplicate"
        conn.execute(
            "INSERT INTO duplicates (doc_id, duplicate_of, kind, similarity, source, ref, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                result.duplicate_of,
                "near" if near else "exact",
                similarity,
                doc.source,
                ref_to_json(doc.ref()),
                _now(),
            ),
        )

    # ------------------------------------------------------------ reading

    def get(self, doc_id: str) -> Document:
        """The stored document `doc_id`; StoreError names the id when it is not stored."""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
            if row is None:
                link = conn.execute(
                    "SELECT duplicate_of FROM duplicates WHERE doc_id = ? LIMIT 1", (doc_id,)
                ).fetchone()
                hint = f" (it was linked as a duplicate of {link[0]})" if link else ""
                raise NotFoundError(f"{doc_id}: no such document in the store{hint}")
            sentences = conn.execute(
                'SELECT start, "end", paragraph, speaker FROM sentences '
                "WHERE doc_id = ? ORDER BY idx",
                (doc_id,),
            ).fetchall()
            return document_from_row(row, sentences)

    def documents(self, ids: list[str] | None = None) -> list[Document]:
        """The documents `ids` in that order, or every document in `list()` order."""
        if ids is None:
            ids = [ref.id for ref in self.list()]
        return [self.get(doc_id) for doc_id in ids]

    def list(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        since: str | None = None,
        query: str | None = None,
    ) -> builtins.list[DocumentRef]:
        """Stored documents by publication date (undated last), then title: one page of them.

        `since` keeps documents published on or after that ISO date; `query`
        keeps those matching it as a search would (every term).
        """
        where: builtins.list[str] = []
        params: builtins.list[Any] = []
        if since:
            where.append("published >= ?")
            params.append(since)
        if query is not None:
            match = fts_query(query)
            if match is None:
                return []
            where.append("pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(match)
        sql = f"SELECT {REF_COLUMNS} FROM documents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published IS NULL, published, title IS NULL, title, id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else max(limit, 0), max(offset, 0)]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [ref_from_row(r) for r in rows]

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def __len__(self) -> int:
        return self.count()

    def __contains__(self, doc_id: object) -> bool:
        with self._read() as conn:
            return (
                conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
                is not None
            )

    def links(self, doc_id: str) -> builtins.list[DuplicateLink]:
        """The inputs linked as duplicates of `doc_id` (exact first, then by similarity)."""
        if doc_id not in self:
            raise StoreError(f"{doc_id}: no such document in the store")
        with self._read() as conn:
            rows = conn.execute(
                "SELECT doc_id, duplicate_of, kind, similarity, source, ref FROM duplicates "
                "WHERE duplicate_of = ? ORDER BY kind = 'near', similarity DESC, source",
                (doc_id,),
            ).fetchall()
        return [
            DuplicateLink(
                r["doc_id"],
                r["duplicate_of"],
                r["kind"],
                r["similarity"],
                r["source"],
                ref_from_json(r["ref"]),
            )
            for r in rows
        ]

    # ------------------------------------------------------------ search

    def search(
        self, query: str, limit: int = 10, *, marks: tuple[str, str] = MARKS
    ) -> builtins.list[SearchHit]:
        """Documents matching every term of `query` (bm25, best first); never a syntax error."""
        with self._read() as conn:
            return _search(conn, query, limit, marks)

    def search_ids(self, query: str, limit: int = 10) -> builtins.list[str]:
        return [hit.document.id for hit in self.search(query, limit)]

    # ------------------------------------------------------------ analysis cache

    def save_analysis(self, analysis: dict[str, Any], version: str) -> None:
        """Cache `Analysis.to_dict()` output for its document under `version` (replacing any)."""
        doc_id = analysis.get("document")
        if not isinstance(doc_id, str):
            raise StoreError("an analysis dict needs its document id under 'document'")
        try:
            data = json.dumps(analysis, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{doc_id}: analysis cannot be stored as JSON: {exc}") from exc

        def attempt() -> None:
            with self._write() as conn:
                if (
                    conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
                    is None
                ):
                    raise StoreError(f"{doc_id}: no such document in the store")
                conn.execute(
                    "INSERT INTO analyses (doc_id, version, data, saved) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, "
                    "data = excluded.data, saved = excluded.saved",
                    (doc_id, version, data, _now()),
                )

        self._retrying(doc_id, attempt)

    def load_analysis(self, doc_id: str, version: str) -> dict[str, Any] | None:
        """The cached analysis of `doc_id`, or None when absent or made by another version."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT version, data FROM analyses WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        if row is None or row["version"] != version:
            return None
        return json.loads(row["data"])

    # ------------------------------------------------------------ health

    def stats(self) -> StoreStats:
        with self._read() as conn:
            documents, sentences, duplicates = conn.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                "(SELECT count(*) FROM duplicates)"
            ).fetchone()
            files = [self.path + suffix for suffix in ("", "-wal", "-shm")]
            if self.path != ":memory:" and os.path.exists(self.path):
                size = sum(os.path.getsize(f) for f in files if os.path.exists(f))
            else:
                page_count = conn.execute("PRAGMA page_count").fetchone()[0]
                size = page_count * conn.execute("PRAGMA page_size").fetchone()[0]
        return StoreStats(documents, sentences, duplicates, size)

    def verify(self) -> builtins.list[str]:
        """Problems found in the file (empty when sound): SQLite, FTS and per-document checks."""
        problems: builtins.list[str] = []
        with self._read() as conn:
            problems += [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [
                f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                for r in conn.execute("PRAGMA foreign_key_check")
            ]
            try:
                conn.execute(
                    "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"full-text index: {exc}")
            problems += [
                f"{r[0]}: {r[2]} of {r[1]} sentences stored"
                for r in conn.execute(
                    "SELECT d.id, d.sentence_count, count(s.idx) FROM documents AS d "
                    "LEFT JOIN sentences AS s ON s.doc_id = d.id GROUP BY d.pk "
                    "HAVING count(s.idx) != d.sentence_count"
                )
            ]
            problems += [
                f"{r[0]}: no MinHash signature"
                for r in conn.execute(
                    "SELECT d.id FROM documents AS d LEFT JOIN minhashes AS m ON m.doc_pk = d.pk "
                    "WHERE m.doc_pk IS NULL AND d.text GLOB '*[A-Za-z0-9]*'"
                )
            ]
        return problems
