"""Store test fixtures: one suite, run against SQLite and against PostgreSQL.

`new_store` is parametrised by backend. Calling it opens a store; calling it
again in the same test opens the same store again (for reopen tests). The
PostgreSQL server is a throw-away one (`pg_server.py`), one per session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pg_server import new_database

from storyline.store import open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a fresh store of `backend` lives: a SQLite path or a new PostgreSQL database."""
    if backend == "sqlite":
        return str(tmp_path / "store.db")
    return new_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def new_store(store_url: str) -> Callable[..., Any]:
    def make(**kwargs: Any) -> Any:
        return open_store(store_url, **kwargs)

    return make
