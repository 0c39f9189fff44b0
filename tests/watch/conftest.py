"""Fixtures for the watch tests: a live local site, and a store path in a temporary folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedsite import Site


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        s.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield s


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "watch.db")
