"""Store test fixtures; hand-built Documents and dump helpers live in store_helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"
