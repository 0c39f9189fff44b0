"""The CLI end to end, in-process with Typer's CliRunner, on the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.renderers.json import schema

DEMO = Path(__file__).resolve().parents[2] / "storyline" / "demo"
runner = CliRunner()


def test_cli_ingest_is_idempotent(demo_db: Path) -> None:
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "0 added" in result.output


def test_cli_list_shows_every_demo_article(demo_db: Path) -> None:
    result = runner.invoke(app, ["list", "--db", str(demo_db), "--json"])
    assert result.exit_code == 0, result.output
    refs = json.loads(result.stdout)
    assert len(refs) == 5
    assert {r["kind"] for r in refs} == {"html", "webtext", "transcript", "stripped", "json"}
    assert all(r["published"] for r in refs)


def test_cli_search_ranks_hits_with_snippets(demo_db: Path) -> None:
    result = runner.invoke(app, ["search", "storms delayed", "--db", str(demo_db), "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits and "storm" in hits[0]["snippet"].lower()


def test_cli_search_with_no_hits_exits_non_zero(demo_db: Path) -> None:
    result = runner.invoke(app, ["search", "zzyzx", "--db", str(demo_db)])
    assert result.exit_code == 1


@pytest.mark.slow
def test_cli_brief_json_from_store_validates(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = runner.invoke(app, ["brief", "--db", str(demo_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    jsonschema.validate(data, schema())
    assert data["summary"] and all(s["citations"] for s in data["summary"])
    for section in ("timeline", "quotes", "figures", "entities"):
        assert data[section], section


@pytest.mark.slow
def test_cli_brief_html_has_no_live_markup_from_articles(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", "--db", str(demo_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "<script" not in page
    assert "<mark>" in page


def test_cli_brief_without_store_or_inputs_fails_clearly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    assert "no such store" in result.output


def test_cli_ingest_of_only_bad_inputs_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "blob.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["ingest", str(bad), str(empty), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "blob.bin" in result.output and "empty.txt" in result.output


def test_cli_bad_input_does_not_lose_stored_documents(demo_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "blob.bin"
    bad.write_bytes(b"\x00\xff" * 1000)
    before = json.loads(runner.invoke(app, ["list", "--db", str(demo_db), "--json"]).stdout)
    runner.invoke(app, ["ingest", str(bad), "--db", str(demo_db)])
    after = json.loads(runner.invoke(app, ["list", "--db", str(demo_db), "--json"]).stdout)
    assert before == after
