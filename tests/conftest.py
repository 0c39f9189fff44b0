"""Shared fixtures. Real articles come from ../shared; tests skip where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import pg_server  # noqa: F401 - throw-away PostgreSQL (tests/store/pg_server.py)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (third-party data is not in the repo)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return seeds


@pytest.fixture(scope="session")
def nlp():
    from storyline.analysis.nlp import load_nlp

    return load_nlp()
