"""`storyline list` pages and filters, and every store command takes a PostgreSQL URL."""

from __future__ import annotations

import json

from store_helpers import build_doc
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def _stored(new_store, n: int = 12) -> list:
    docs = [
        build_doc(
            f"The {'harbour' if i % 3 == 0 else 'council'} report number {i} was published.",
            title=f"Report {i:02d}",
            published=f"2014-{i % 12 + 1:02d}-01",
            source=f"r{i}.txt",
        )
        for i in range(n)
    ]
    with new_store() as store:
        store.add_many(docs)
    return docs


def _titles(args: list[str]) -> list[str]:
    result = runner.invoke(app, ["list", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [r["title"] for r in json.loads(result.stdout)]


def test_cli_list_pages_and_filters(new_store, store_url):
    _stored(new_store)
    everything = _titles(["--db", store_url, "--limit", "0"])
    assert everything == [f"Report {i:02d}" for i in range(12)]  # by publication date
    assert _titles(["--db", store_url, "--limit", "5"]) == everything[:5]
    assert _titles(["--db", store_url, "--limit", "5", "--page", "3"]) == everything[10:]
    assert _titles(["--db", store_url, "--since", "2014-10"]) == everything[9:]
    assert _titles(["--db", store_url, "--query", "harbour"]) == everything[::3]
    assert _titles(["--db", store_url, "--query", "harbour", "--since", "2014-05", "-n", "1"]) == [
        "Report 06"
    ]
    table = runner.invoke(app, ["list", "--db", store_url, "--limit", "5", "--page", "2"])
    assert table.exit_code == 0 and "documents 6-10 of 12" in table.output


def test_cli_list_defaults_to_one_page(new_store, store_url):
    _stored(new_store, 60)
    assert len(_titles(["--db", store_url])) == 50


def test_cli_store_from_environment(new_store, store_url, monkeypatch):
    _stored(new_store, 3)
    monkeypatch.setenv("STORYLINE_DB", store_url)
    assert len(_titles([])) == 3
    result = runner.invoke(app, ["search", "harbour", "--json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
