"""The PostgreSQL store's tables, and the migrations that bring a database up to date.

The same tables as the SQLite schema (`schema.py`), in PostgreSQL's terms:
full-text search is a stored `tsvector` column (title weighted A, text B)
with a GIN index, under a `storyline` text search configuration that stems
English and folds accents like SQLite's `porter unicode61 remove_diacritics`
tokenizer, and keeps stop words, so every query term counts on both backends.
Migration 1 is the SQLite schema's first script in PostgreSQL's terms; every
later SQLite migration (plain tables, indexes and upserts by design: watch
state, LSH bands, stories) is applied here too, with only its column types
translated (`translate`), so both backends hold the same tables at the same
version and the store's own modules (stories, feeds) run on either.

`storyline_schema` records the version; migrations run one per transaction
under an advisory lock, so two workers opening a new database at once do not
both create the tables.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import StoreError
from . import schema as sqlite_schema

MIGRATION_LOCK = 0x5702_1175  # pg_advisory_xact_lock key of Storyline migrations
SEARCHABLE_CHARS = 1_000_000  # a tsvector holds at most 1 MB; longer texts are indexed this far

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, sentences, full-text index, dedupe signatures, bands and links, analysis cache
    f"""
    CREATE EXTENSION IF NOT EXISTS unaccent;
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'storyline_stem') THEN
            CREATE TEXT SEARCH DICTIONARY storyline_stem (TEMPLATE = snowball, language = english);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'storyline') THEN
            CREATE TEXT SEARCH CONFIGURATION storyline (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION storyline
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, storyline_stem;
        END IF;
    END $$;

    CREATE TABLE documents (
        pk BIGSERIAL PRIMARY KEY,
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
        paragraphs TEXT NOT NULL,
        turns TEXT NOT NULL,
        meta TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        dedupe_hash TEXT NOT NULL UNIQUE,  -- one stored document per text: concurrent writers agree
        sentence_count INTEGER NOT NULL,
        added TEXT NOT NULL,
        fts TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('storyline'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('storyline'::regconfig, left(text, {SEARCHABLE_CHARS})), 'B')
        ) STORED
    );
    CREATE INDEX documents_fts ON documents USING GIN (fts);
    CREATE INDEX documents_order ON documents (published, title);

    CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        speaker TEXT,
        PRIMARY KEY (doc_id, idx)
    );

    CREATE TABLE minhashes (
        doc_pk BIGINT PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
        num_perm INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        scheme TEXT NOT NULL,
        signature BYTEA NOT NULL
    );

    CREATE TABLE duplicates (
        doc_id TEXT NOT NULL,
        duplicate_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
        similarity DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL,
        ref TEXT NOT NULL,
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
)


def translate(script: str) -> str:
    """A portable SQLite migration in PostgreSQL's types (64-bit keys, double floats)."""
    script = re.sub(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", script)
    script = re.sub(r"\bINTEGER\b", "BIGINT", script)
    script = re.sub(r"\bBLOB\b", "BYTEA", script)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", script)


MIGRATIONS = (MIGRATIONS[0], *(translate(script) for script in sqlite_schema.MIGRATIONS[1:]))
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Any) -> int:
    """Apply the missing migrations on a psycopg connection; return the version now in place."""
    for version, script in enumerate(MIGRATIONS, start=1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS storyline_schema (version INTEGER NOT NULL)")
            row = conn.execute("SELECT max(version) AS v FROM storyline_schema").fetchone()
            current = (row["v"] if isinstance(row, dict) else row[0]) or 0
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"the store has schema version {current}, newer than this Storyline "
                    f"understands ({SCHEMA_VERSION}); upgrade Storyline"
                )
            if current < version:
                conn.execute(script)
                conn.execute("INSERT INTO storyline_schema (version) VALUES (%s)", (version,))
    row = conn.execute("SELECT max(version) AS v FROM storyline_schema").fetchone()
    return row["v"] if isinstance(row, dict) else row[0]
