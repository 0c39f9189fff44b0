"""Shared fixtures. Real articles come from ../shared; tests skip where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from pg_server import pg_server  # noqa: F401 - throw-away PostgreSQL (tests/store/pg_server.py)

# Property tests are derandomized and keep no example database, so every run
# (CI's fresh clone included) tries the same examples: the suite stays deterministic.
settings.register_profile("storyline", derandomize=True, database=None)
settings.load_profile("storyline")

# An analysis component that raises fails the test instead of becoming a note in
# the brief (analysis/pipeline.py): the suite must not hide a crash.
os.environ.setdefault("STORYLINE_STRICT", "1")

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
