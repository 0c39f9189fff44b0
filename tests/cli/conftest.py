"""Fixtures for the CLI tests: a store of the demo corpus, one per test module."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

DEMO = Path(__file__).resolve().parents[2] / "storyline" / "demo"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    result = CliRunner().invoke(app, ["ingest", str(DEMO), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db
