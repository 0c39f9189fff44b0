"""The store's tables, and the migrations that bring an older file up to date.

Each entry of `MIGRATIONS` is one SQL script; `PRAGMA user_version` records
how many have run, so opening a file applies only the missing ones, each in
its own transaction (a crash mid-migration leaves the file at the previous
version, never half-migrated).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, sentences, full-text index, dedupe signatures and links, analysis cache
    """
    CREATE TABLE documents (
        pk INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: FTS rowid and LSH refresh key
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        author TEXT,
        published TEXT,
        published_granularity TEXT,
        published_source TEXT,
        url TEXT,
        paragraphs TEXT NOT NULL,       -- JSON [[start, end], ...]
        turns TEXT NOT NULL,            -- JSON [{speaker, role, organisation, start, end}, ...]
        meta TEXT NOT NULL,             -- JSON object
        content_hash TEXT NOT NULL,     -- exactly as the Document carried it (may be '')
        dedupe_hash TEXT NOT NULL,      -- content_hash, or computed from the text when empty
        sentence_count INTEGER NOT NULL,  -- lets verify() prove every document is complete
        added TEXT NOT NULL
    );
    CREATE INDEX documents_dedupe_hash ON documents (dedupe_hash);
    CREATE INDEX documents_order ON documents (published, title);

    CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        speaker TEXT,
        PRIMARY KEY (doc_id, idx)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text,
        content = 'documents', content_rowid = 'pk',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
    END;

    CREATE TABLE minhashes (
        doc_pk INTEGER PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
        num_perm INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        scheme TEXT NOT NULL,           -- datasketch permutation scheme
        signature BLOB NOT NULL         -- LeanMinHash.serialize(byteorder='<')
    );

    CREATE TABLE duplicates (
        doc_id TEXT NOT NULL,           -- id of the input that was not stored
        duplicate_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
        similarity REAL NOT NULL,
        source TEXT NOT NULL,           -- where the duplicate input came from
        ref TEXT NOT NULL,              -- JSON DocumentRef of the duplicate input
        added TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    );
    CREATE INDEX duplicates_of ON duplicates (duplicate_of);

    CREATE TABLE analyses (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        data TEXT NOT NULL,
        saved TEXT NOT NULL
    );
    """,
    # watch: per-feed state, the items seen in each feed, polls and the updates they made
    """
    CREATE TABLE watch_feeds (
        url TEXT PRIMARY KEY,
        name TEXT,
        tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        kind TEXT,                        -- feed, sitemap, urls or page (as last seen)
        etag TEXT,
        last_modified TEXT,
        last_polled TEXT,
        last_ok TEXT,
        last_new TEXT,                    -- when a poll last found a new item
        failures INTEGER NOT NULL DEFAULT 0,
        retry_after TEXT,                 -- back-off: not polled before this time
        last_error TEXT,
        items INTEGER NOT NULL DEFAULT 0,
        added INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE watch_items (
        feed TEXT NOT NULL REFERENCES watch_feeds (url) ON DELETE CASCADE,
        item TEXT NOT NULL,               -- entry id, else its link
        link TEXT,
        status TEXT NOT NULL,             -- added, duplicate, unchanged, failed, skipped
        doc_id TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        seen TEXT NOT NULL,
        poll TEXT NOT NULL,
        PRIMARY KEY (feed, item)
    );
    CREATE INDEX watch_items_status ON watch_items (status, feed);
    CREATE TABLE watch_updates (
        poll TEXT NOT NULL,               -- ISO time the poll started
        story TEXT NOT NULL,              -- story id (or the feed URL before stories exist)
        label TEXT NOT NULL,
        documents TEXT NOT NULL,          -- JSON list of the new document ids
        brief TEXT,                       -- JSON of the update brief, when one was built
        note TEXT,                        -- why there is no brief
        created TEXT NOT NULL,
        PRIMARY KEY (poll, story)
    );
    CREATE INDEX watch_updates_created ON watch_updates (created);
    """,
    # 3: persisted LSH bands (no in-memory index rebuilt on open), and stories:
    # stories and their events with sparse centroids, one membership row per
    # document, an inverted index of story key terms, document frequencies.
    # Plain tables and indexes only, so the SQL ports to other databases.
    """
    CREATE TABLE lsh_bands (
        band_key INTEGER NOT NULL,      -- dedupe.band_keys(): band index and band values hashed
        doc_pk INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
        PRIMARY KEY (band_key, doc_pk)
    );
    CREATE INDEX lsh_bands_doc ON lsh_bands (doc_pk);

    CREATE TABLE store_state (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE TABLE stories (
        pk INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merged_into INTEGER REFERENCES stories (pk),  -- set when merged: the id still resolves
        first TEXT,                     -- earliest / latest publication date of its documents
        last TEXT,
        size INTEGER NOT NULL,          -- documents folded into the centroid
        centroid TEXT NOT NULL,         -- JSON {term: summed weight}, top terms only
        names TEXT NOT NULL,            -- JSON {term: spelling to show} for capitalised terms
        created TEXT NOT NULL
    );
    CREATE INDEX stories_last ON stories (last);

    CREATE TABLE story_events (
        pk INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        story INTEGER NOT NULL REFERENCES stories (pk),
        first TEXT,
        last TEXT,
        size INTEGER NOT NULL,
        centroid TEXT NOT NULL,
        names TEXT NOT NULL
    );
    CREATE INDEX story_events_story ON story_events (story, last);

    CREATE TABLE story_members (
        doc_pk INTEGER PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
        story INTEGER REFERENCES stories (pk),      -- NULL with a reason: not clusterable
        event INTEGER REFERENCES story_events (pk),
        similarity REAL,                -- cosine to the story when it joined (NULL: founded it)
        reason TEXT
    );
    CREATE INDEX story_members_story ON story_members (story);
    CREATE INDEX story_members_event ON story_members (event);

    CREATE TABLE story_postings (
        term INTEGER NOT NULL,          -- hashed key term of the story's centroid
        story INTEGER NOT NULL REFERENCES stories (pk),
        PRIMARY KEY (term, story)
    );
    CREATE INDEX story_postings_story ON story_postings (story);

    CREATE TABLE term_df (
        term INTEGER PRIMARY KEY,       -- hashed term
        df INTEGER NOT NULL             -- clustered documents containing it
    );
    """,
    # 4: dense vectors for stories (optional, the `embed` extra): a document's
    # MiniLM vector of its headline and lead, and the running sum of its
    # members' vectors for each story and event, as float32 bytes.
    """
    CREATE TABLE story_dense (
        kind TEXT NOT NULL,             -- 'd' document, 's' story, 'e' event
        pk INTEGER NOT NULL,            -- documents.pk, stories.pk or story_events.pk
        vec BLOB NOT NULL,              -- float32 bytes: a unit vector, or a sum of them
        PRIMARY KEY (kind, pk)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """Split a script into statements (trigger bodies stay whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise StoreError(f"incomplete SQL statement in a migration: {buffer.strip()[:60]!r}")


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations; return the schema version now in the file.

    `conn` must be in autocommit mode (isolation_level=None). The version is
    re-read under the write lock, so two processes opening a new file at once
    do not both create the tables.
    """
    for version, script in enumerate(MIGRATIONS, start=1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"the store has schema version {current}, newer than this Storyline "
                    f"understands ({SCHEMA_VERSION}); upgrade Storyline"
                )
            if current < version:
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return conn.execute("PRAGMA user_version").fetchone()[0]
