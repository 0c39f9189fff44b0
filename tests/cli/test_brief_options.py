"""`storyline brief` options: --since checked and inclusive, --words leaves
STORYLINE_SUMMARY_WORDS alone unless given, --all uncaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

ARTICLE = (
    "The harbour trust reopened the pier on Friday after a year of repairs. The repairs cost "
    "£300,000, more than twice the first estimate, the trust said. Anglers and walkers "
    "returned within hours. Tom Hale, the trust's chair, said the pier looked better than ever. "
    "The council voted 5-0 last month to pay for a new lighting scheme on the pier."
)


@pytest.fixture()
def article(tmp_path: Path) -> str:
    path = tmp_path / "2024-05-07-pier.txt"
    path.write_text(ARTICLE)
    return str(path)


def test_brief_malformed_since_is_a_clear_error(article: str) -> None:
    result = CliRunner().invoke(app, ["brief", article, "--since", "2024-13-45"])
    assert result.exit_code != 0
    assert "2024-13-45" in result.output and "YYYY" in result.output


def test_brief_words_default_leaves_the_environment_setting(
    article: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = {}

    import storyline.cli.brief as cli_brief

    real = cli_brief.brief_from_store

    def spy(store, **kwargs):
        seen["words"] = kwargs["settings"].summary_words
        seen["full"] = kwargs["settings"].full
        return real(store, **kwargs)

    monkeypatch.setattr(cli_brief, "brief_from_store", spy)
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "40")
    out = tmp_path / "b.json"
    result = CliRunner().invoke(app, ["brief", article, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert seen == {"words": 40, "full": False}
    result = CliRunner().invoke(app, ["brief", article, "--words", "90", "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert seen == {"words": 90, "full": True}
    assert json.loads(out.read_text())["totals"] == {}


def test_brief_since_on_the_publication_day_counts_the_article_as_new(
    article: str, tmp_path: Path
) -> None:
    out = tmp_path / "b.json"
    result = CliRunner().invoke(app, ["brief", article, "--since", "2024-05-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["summary"] and data["lede"]
    assert data["narrative"] and all(line["new"] for line in data["narrative"])
