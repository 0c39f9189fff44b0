"""`PgStore`: the store in PostgreSQL, shared by many processes and machines.

The same calls and answers as the SQLite `Store`, with PostgreSQL doing the
concurrency: a psycopg connection pool (thread-safe; reads never wait behind
a writer), one transaction per document, and idempotent writes keyed by the
content hash. `INSERT ... ON CONFLICT DO NOTHING` on the unique `id` and
`dedupe_hash` means two writers racing with the same text store it once: the
loser sees the winner's row and links to it, so no document is lost or
doubled, whichever process (CLI, web app, Dask worker) writes it.

Near duplicates are found through `lsh_bands` (LSH bands in a table) and
confirmed with the exact Jaccard outside the transaction, as in SQLite.
Writers whose texts share an LSH band serialise on advisory locks keyed by
the band, so near copies written at the same instant are caught too, while
unrelated texts are written in parallel.
"""

from __future__ import annotations

import builtins
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..config import Settings
from ..errors import ConfigError, NotFoundError, StoreError
from ..model import Document, DocumentRef
from . import dedupe
from .base import WRITE_RETRIES, AddResult, DuplicateLink, StoreStats, check_threshold
from .base import now as _now
from .nearest import Fingerprint, best_match
from .pg_compat import Connection
from .pg_schema import migrate
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
from .search import MARKS, SNIPPET_TOKENS, TEXT_WEIGHT, TITLE_WEIGHT, SearchHit, query_terms

POOL_MAX = 8
STATE_LOCK = 0x5702_1176  # pg_advisory_xact_lock key: story and feed state, band backfill
# ts_rank_cd weights for {D, C, B, A}: the title (A) counts TITLE_WEIGHT / TEXT_WEIGHT times the body.
RANK_WEIGHTS = [0.0, 0.0, TEXT_WEIGHT / TITLE_WEIGHT, 1.0]
HEADLINE_CHARS = 200_000  # ts_headline parses the text: bound its cost on huge documents

try:
    import psycopg
    from psycopg.rows import dict_row
    from psycopg_pool import ConnectionPool
except ImportError:  # pragma: no cover - depends on the extra
    psycopg = None  # type: ignore[assignment]


def _websearch(query: str) -> str | None:
    """`query` for websearch_to_tsquery: every word and phrase required, no operators."""
    terms = query_terms(query.replace("\x00", " "))
    return " ".join('"' + t.replace('"', " ") + '"' for t in dict.fromkeys(terms)) or None


class PgStore:
    """Documents in a PostgreSQL database, with the SQLite `Store`'s behaviour.

    >>> with PgStore("postgresql://storyline@db-host/news") as store:
    ...     store.add(doc)
    """

    def __init__(
        self,
        url: str,
        *,
        near_duplicate_threshold: float | None = None,
        pool_size: int = POOL_MAX,
    ) -> None:
        if psycopg is None:
            raise ConfigError(
                "PostgreSQL support is not installed: pip install 'storyline[postgres]'"
            )
        self.path = url  # the same attribute as Store, for messages
        if near_duplicate_threshold is None:
            near_duplicate_threshold = Settings().near_duplicate_threshold
        self.near_duplicate_threshold = check_threshold(near_duplicate_threshold)
        self._bands_checked = False  # lsh_bands keyed under dedupe.BAND_SCHEME
        try:
            self._pool = ConnectionPool(
                url,
                min_size=1,
                max_size=pool_size,
                kwargs={"autocommit": True, "row_factory": dict_row},
                open=True,
                timeout=30,
            )
            self._pool.wait(timeout=30)
        except Exception as exc:
            raise StoreError(f"{self._safe_url()}: cannot open the store: {exc}") from exc
        try:
            with self._pool.connection() as conn:
                migrate(conn)
                # An empty store has nothing to band: mark it, so no writer ever backfills.
                conn.execute(
                    "INSERT INTO store_state (name, value) SELECT 'lsh_bands', %s "
                    "WHERE NOT EXISTS (SELECT 1 FROM documents) ON CONFLICT (name) DO NOTHING",
                    (dedupe.BAND_SCHEME,),
                )
        except psycopg.Error as exc:
            self._pool.close()
            raise StoreError(f"{self._safe_url()}: cannot open the store: {exc}") from exc
        except BaseException:
            self._pool.close()
            raise

    def _safe_url(self) -> str:
        """The URL without its password."""
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        try:
            info = conninfo_to_dict(self.path)
        except psycopg.Error:
            return "postgresql://…"
        info.pop("password", None)
        return make_conninfo("", **{k: str(v) for k, v in info.items() if v is not None})

    @classmethod
    def from_settings(cls, settings: Settings) -> PgStore:
        return cls(settings.db, near_duplicate_threshold=settings.near_duplicate_threshold)

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PgStore({self._safe_url()!r})"

    @contextmanager
    def _read(self) -> Iterator[Any]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.Error as exc:
            raise StoreError(f"{self._safe_url()}: {exc}") from exc

    def _retrying(self, what: str, attempt: Callable[[Any], Any]) -> Any:
        """Run `attempt(conn)` in one transaction; lost connections and conflicts are retried."""
        for retry in range(WRITE_RETRIES + 1):
            try:
                with self._pool.connection() as conn, conn.transaction():
                    return attempt(conn)
            except (psycopg.OperationalError, psycopg.errors.SerializationFailure) as exc:
                if retry == WRITE_RETRIES:
                    raise StoreError(f"{what}: could not be stored: {exc}") from exc
                time.sleep(0.05 * 2**retry)
            except psycopg.Error as exc:
                raise StoreError(f"{what}: could not be stored: {exc}") from exc
        raise AssertionError("unreachable")

    # ------------------------------------------------------------ writing

    def add(self, doc: Document) -> AddResult:
        """Store `doc`, or link it to the stored document it duplicates (see `Store.add`)."""
        values = document_values(doc)
        for name, value in values.items():
            if isinstance(value, str) and "\x00" in value:
                raise StoreError(
                    f"{doc.id}: {name} holds a NUL character, which PostgreSQL refuses"
                )
        values["dedupe_hash"] = doc.content_hash or dedupe.stream_hash(doc.text)
        fp: Fingerprint | None = None
        with self._read() as conn:
            known = self._known(conn, doc, values["dedupe_hash"])
        if known is None:
            fp = Fingerprint.of(doc.text)  # no connection held while hashing
            with self._read() as conn:
                self._nearest(conn, fp)
        return self._retrying(doc.id, lambda conn: self._add_in(conn, doc, values, fp))

    def _add_in(
        self, conn: Any, doc: Document, values: dict[str, Any], fp: Fingerprint | None
    ) -> AddResult:
        if fp is not None and fp.signature is not None:
            # Writers of texts that share an LSH band take turns (locks in key order: no
            # deadlock), so two near copies written at once are still caught, one by the other.
            conn.execute(
                "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT k FROM unnest(%s::bigint[]) "
                "AS k ORDER BY k) AS keys",
                (dedupe.document_band_keys(fp.signature, fp.body_signature),),
            )
        result = self._known(conn, doc, values["dedupe_hash"])
        if result is None:
            fp = fp or Fingerprint.of(doc.text)
            near = self._nearest(conn, fp)
            if near is not None:
                result = AddResult("near-duplicate", doc.id, near[1])
                self._link(conn, doc, result, near[0])
                return result
            if self._insert(conn, doc, values, fp.signature, fp.body_signature):
                return AddResult("added", doc.id)
            # another writer committed this id or this text meanwhile: now it is known
            result = self._known(conn, doc, values["dedupe_hash"])
            assert result is not None
        if result.status == "duplicate":
            self._link(conn, doc, result, 1.0)
        return result

    def add_many(
        self, docs: Iterable[Document], on_result: Callable[[AddResult], Any] | None = None
    ) -> builtins.list[AddResult]:
        results = []
        for doc in docs:
            result = self.add(doc)
            results.append(result)
            if on_result is not None:
                on_result(result)
        return results

    def delete(self, doc_id: str) -> None:
        def attempt(conn: Any) -> None:
            if conn.execute("DELETE FROM documents WHERE id = %s", (doc_id,)).rowcount == 0:
                raise StoreError(f"{doc_id}: no such document in the store")

        self._retrying(doc_id, attempt)

    def _known(self, conn: Any, doc: Document, dedupe_hash: str) -> AddResult | None:
        """`Store._known` in one round trip: the same id, a link from this source, the same text."""
        row = conn.execute(
            "SELECT d.source, d.text, "
            "(SELECT duplicate_of FROM duplicates WHERE doc_id = %(id)s AND source = %(source)s) "
            "AS link, (SELECT id FROM documents WHERE dedupe_hash = %(hash)s) AS original "
            "FROM (SELECT 1) AS one LEFT JOIN documents AS d ON d.id = %(id)s",
            {"id": doc.id, "source": doc.source, "hash": dedupe_hash},
        ).fetchone()
        if row["text"] is not None and row["text"] != doc.text:
            raise StoreError(
                f"{doc.source}: same text as stored document {doc.id} ({row['source']}) "
                "except for case or spacing; not stored again"
            )
        if row["text"] is not None and row["source"] == doc.source:
            return AddResult("unchanged", doc.id)
        if row["link"] is not None:
            return AddResult("unchanged", doc.id, row["link"])
        if row["text"] is not None:
            return AddResult("duplicate", doc.id, doc.id)
        if row["original"] is not None:
            return AddResult("duplicate", doc.id, row["original"])
        return None

    def _nearest(self, conn: Any, fp: Fingerprint) -> tuple[float, str] | None:
        if fp.signature is None:
            return None
        self._backfill_bands(conn)
        keys = dedupe.document_band_keys(fp.signature, fp.body_signature)
        rows = conn.execute(
            "SELECT DISTINCT d.id FROM lsh_bands AS b JOIN documents AS d ON d.pk = b.doc_pk "
            "WHERE b.band_key = ANY(%s)",
            (keys,),
        ).fetchall()

        def text_of(doc_id: str) -> str | None:
            row = conn.execute("SELECT text FROM documents WHERE id = %s", (doc_id,)).fetchone()
            return None if row is None else row["text"]

        return best_match(fp, [r["id"] for r in rows], text_of, self.near_duplicate_threshold)

    def _backfill_bands(self, conn: Any) -> None:
        """Once per store: band the documents stored before bands were kept (see `Store`)."""
        if self._bands_checked:
            return
        row = conn.execute("SELECT value FROM store_state WHERE name = 'lsh_bands'").fetchone()
        if row is not None and row["value"] == dedupe.BAND_SCHEME:
            self._bands_checked = True
            return
        if conn.info.transaction_status == 0:  # idle, i.e. a read: leave it to a write
            return
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (STATE_LOCK,))
        # Another writer may have banded the store while this one waited for the lock.
        row = conn.execute("SELECT value FROM store_state WHERE name = 'lsh_bands'").fetchone()
        if row is not None and row["value"] == dedupe.BAND_SCHEME:
            self._bands_checked = True
            return
        # Concurrent adds insert their own bands without the state lock: hold them off
        # until this rebuild commits, or a document they commit meanwhile is banded twice.
        conn.execute("LOCK TABLE lsh_bands IN SHARE ROW EXCLUSIVE MODE")
        conn.execute("DELETE FROM lsh_bands")
        for doc in conn.execute("SELECT pk, text FROM documents ORDER BY pk").fetchall():
            fp = Fingerprint.of(doc["text"])
            if fp.signature is not None:
                conn.execute(
                    "INSERT INTO lsh_bands (band_key, doc_pk) "
                    "SELECT DISTINCT k, %s FROM unnest(%s::bigint[]) AS k ON CONFLICT DO NOTHING",
                    (doc["pk"], dedupe.document_band_keys(fp.signature, fp.body_signature)),
                )
        conn.execute(
            "INSERT INTO store_state (name, value) VALUES ('lsh_bands', %s) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (dedupe.BAND_SCHEME,),
        )
        self._bands_checked = True

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction for the store's own modules (stories, feeds), sqlite3-style.

        These transactions take one store-wide advisory lock, so they run one at a
        time as in SQLite: story clustering reads and rewrites shared centroids.
        """
        try:
            with self._pool.connection() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (STATE_LOCK,))
                yield Connection(conn)
        except psycopg.Error as exc:
            raise StoreError(f"{self._safe_url()}: {exc}") from exc

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A connection for the store's own read-only modules, sqlite3-style."""
        with self._read() as conn:
            yield Connection(conn)

    def _insert(
        self,
        conn: Any,
        doc: Document,
        values: dict[str, Any],
        signature: Any,
        body_signature: Any = None,
    ) -> bool:
        """Insert `doc`; False (nothing written) when its id or text is already stored."""
        values = {**values, "sentence_count": len(doc.sentences), "added": _now()}
        columns = ", ".join(values)
        placeholders = ", ".join(f"%({name})s" for name in values)
        row = conn.execute(
            f"INSERT INTO documents ({columns}) VALUES ({placeholders}) "
            "ON CONFLICT DO NOTHING RETURNING pk",
            values,
        ).fetchone()
        if row is None:
            return False
        pk = row["pk"]
        rows = list(zip(*sentence_rows(doc), strict=True)) or [()] * 6
        conn.execute(  # every sentence in one round trip
            'INSERT INTO sentences (doc_id, idx, start, "end", paragraph, speaker) '
            "SELECT %s, * FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[], %s::text[])",
            (doc.id, *[list(column) for column in rows[1:]]),
        )
        if signature is not None:
            conn.execute(
                "WITH m AS (INSERT INTO minhashes (doc_pk, num_perm, seed, scheme, signature) "
                "VALUES (%s, %s, %s, %s, %s)) "
                "INSERT INTO lsh_bands (band_key, doc_pk) "
                "SELECT DISTINCT k, %s FROM unnest(%s::bigint[]) AS k",
                (
                    pk,
                    dedupe.NUM_PERM,
                    dedupe.SEED,
                    dedupe.SCHEME,
                    dedupe.to_blob(signature),
                    pk,
                    dedupe.document_band_keys(signature, body_signature),
                ),
            )
        return True

    def _link(self, conn: Any, doc: Document, result: AddResult, similarity: float) -> None:
        conn.execute(
            "INSERT INTO duplicates (doc_id, duplicate_of, kind, similarity, source, ref, added) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (
                doc.id,
                result.duplicate_of,
                "near" if result.status == "near-duplicate" else "exact",
                similarity,
                doc.source,
                ref_to_json(doc.ref()),
                _now(),
            ),
        )

    # ------------------------------------------------------------ reading

    def get(self, doc_id: str) -> Document:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = %s", (doc_id,)
            ).fetchone()
            if row is None:
                link = conn.execute(
                    "SELECT duplicate_of FROM duplicates WHERE doc_id = %s LIMIT 1", (doc_id,)
                ).fetchone()
                hint = f" (it was linked as a duplicate of {link['duplicate_of']})" if link else ""
                raise NotFoundError(f"{doc_id}: no such document in the store{hint}")
            sentences = conn.execute(
                'SELECT start, "end", paragraph, speaker FROM sentences '
                "WHERE doc_id = %s ORDER BY idx",
                (doc_id,),
            ).fetchall()
        return document_from_row(row, sentences)

    def documents(self, ids: builtins.list[str] | None = None) -> builtins.list[Document]:
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
        """One page of stored documents, in `Store.list` order (see there)."""
        where: builtins.list[str] = []
        params: builtins.list[Any] = []
        if since:
            where.append("published >= %s")
            params.append(since)
        if query is not None:
            websearch = _websearch(query)
            if websearch is None:
                return []
            where.append("fts @@ websearch_to_tsquery('storyline', %s)")
            params.append(websearch)
        sql = f"SELECT {REF_COLUMNS} FROM documents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (
            ' ORDER BY published IS NULL, published COLLATE "C", title IS NULL, '
            'title COLLATE "C", id COLLATE "C" LIMIT %s OFFSET %s'
        )
        params += [None if limit is None else max(limit, 0), max(offset, 0)]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [ref_from_row(r) for r in rows]

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT count(*) AS n FROM documents").fetchone()["n"]

    def __len__(self) -> int:
        return self.count()

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, str):
            return False
        with self._read() as conn:
            row = conn.execute("SELECT 1 FROM documents WHERE id = %s", (doc_id,)).fetchone()
        return row is not None

    def links(self, doc_id: str) -> builtins.list[DuplicateLink]:
        if doc_id not in self:
            raise StoreError(f"{doc_id}: no such document in the store")
        with self._read() as conn:
            rows = conn.execute(
                "SELECT doc_id, duplicate_of, kind, similarity, source, ref FROM duplicates "
                "WHERE duplicate_of = %s ORDER BY kind = 'near', similarity DESC, source COLLATE \"C\"",
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
        """Documents matching every term of `query` (ts_rank_cd, best first); never a syntax error."""
        websearch = _websearch(query)
        if websearch is None or limit <= 0:
            return []
        options = (
            f'StartSel="{marks[0]}", StopSel="{marks[1]}", MaxWords={SNIPPET_TOKENS}, '
            'MinWords=4, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"'
        )
        with self._read() as conn:
            rows = conn.execute(
                """
                WITH q AS (SELECT websearch_to_tsquery('storyline', %(q)s) AS q),
                top AS (
                    SELECT d.pk, ts_rank_cd(%(weights)s::float4[], d.fts, q.q) AS rank
                    FROM documents AS d, q WHERE d.fts @@ q.q
                    ORDER BY rank DESC, d.id COLLATE "C" LIMIT %(limit)s
                )
                SELECT d.id, d.title, d.outlet, d.published, d.published_granularity,
                       d.published_source, d.source, d.kind, top.rank,
                       ts_headline('storyline', left(d.text, %(chars)s), q.q, %(options)s)
                           AS snippet
                FROM top JOIN documents AS d ON d.pk = top.pk, q
                ORDER BY top.rank DESC, d.id COLLATE "C"
                """,
                {
                    "q": websearch,
                    "weights": RANK_WEIGHTS,
                    "limit": limit,
                    "chars": HEADLINE_CHARS,
                    "options": options,
                },
            ).fetchall()
        return [SearchHit(ref_from_row(r), float(r["rank"]), r["snippet"]) for r in rows]

    def search_ids(self, query: str, limit: int = 10) -> builtins.list[str]:
        return [hit.document.id for hit in self.search(query, limit)]

    # ------------------------------------------------------------ analysis cache

    def save_analysis(self, analysis: dict[str, Any], version: str) -> None:
        doc_id = analysis.get("document")
        if not isinstance(doc_id, str):
            raise StoreError("an analysis dict needs its document id under 'document'")
        try:
            data = json.dumps(analysis, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{doc_id}: analysis cannot be stored as JSON: {exc}") from exc

        def attempt(conn: Any) -> None:
            if conn.execute("SELECT 1 FROM documents WHERE id = %s", (doc_id,)).fetchone() is None:
                raise StoreError(f"{doc_id}: no such document in the store")
            conn.execute(
                "INSERT INTO analyses (doc_id, version, data, saved) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, "
                "data = excluded.data, saved = excluded.saved",
                (doc_id, version, data.replace("\x00", "\\u0000"), _now()),
            )

        self._retrying(doc_id, attempt)

    def load_analysis(self, doc_id: str, version: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT version, data FROM analyses WHERE doc_id = %s", (doc_id,)
            ).fetchone()
        if row is None or row["version"] != version:
            return None
        return json.loads(row["data"])

    # ------------------------------------------------------------ health

    def stats(self) -> StoreStats:
        with self._read() as conn:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM documents) AS documents, "
                "(SELECT count(*) FROM sentences) AS sentences, "
                "(SELECT count(*) FROM duplicates) AS duplicates, "
                "pg_database_size(current_database()) AS size"
            ).fetchone()
        return StoreStats(row["documents"], row["sentences"], row["duplicates"], row["size"])

    def verify(self) -> builtins.list[str]:
        """Per-document problems (PostgreSQL keeps its own pages and constraints sound)."""
        with self._read() as conn:
            problems = [
                f"{r['id']}: {r['n']} of {r['sentence_count']} sentences stored"
                for r in conn.execute(
                    "SELECT d.id, d.sentence_count, count(s.idx) AS n FROM documents AS d "
                    "LEFT JOIN sentences AS s ON s.doc_id = d.id GROUP BY d.pk "
                    "HAVING count(s.idx) != d.sentence_count"
                )
            ]
            problems += [
                f"{r['id']}: no MinHash signature"
                for r in conn.execute(
                    "SELECT d.id FROM documents AS d LEFT JOIN minhashes AS m ON m.doc_pk = d.pk "
                    "WHERE m.doc_pk IS NULL AND d.text ~ '[[:alnum:]]'"
                )
            ]
        return problems
