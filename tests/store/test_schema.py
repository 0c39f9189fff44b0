"""Schema: migrations by PRAGMA user_version, and clear errors for files we cannot use."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.store import Store
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, statements


def test_schema_statements_keep_trigger_bodies_whole():
    parts = list(
        statements(
            "CREATE TABLE t (a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n"
            "  SELECT 1;\n  SELECT 2;\nEND;\n"
        )
    )
    assert len(parts) == 2 and parts[1].endswith("END;")
    with pytest.raises(StoreError):
        list(statements("CREATE TABLE t (a"))


def test_schema_migrate_is_idempotent():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(conn) == SCHEMA_VERSION == len(MIGRATIONS)
    tables = conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(conn) == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == tables
    names = {t[0] for t in tables}
    assert {
        "documents",
        "sentences",
        "documents_fts",
        "minhashes",
        "duplicates",
        "analyses",
    } <= names


def test_schema_refuses_a_newer_file(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_schema_failed_migration_leaves_file_untouched(db_path, monkeypatch):
    monkeypatch.setattr(
        "storyline.store.schema.MIGRATIONS", (MIGRATIONS[0] + "\nCREATE TABLE broken (;\n",)
    )
    with pytest.raises(StoreError):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_schema_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database file, just some text " * 50)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(path)


def test_schema_unopenable_path(tmp_path):
    with pytest.raises(StoreError, match="missing"):
        Store(tmp_path / "missing" / "dir" / "store.db")
