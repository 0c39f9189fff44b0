"""What a new user met walking the README: help text, option checks and empty results
that read as a fault of the store rather than of the command line."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def _commands(group: click.Command, path: str = "storyline") -> list[tuple[str, click.Command]]:
    found = [(path, group)]
    if isinstance(group, click.Group):
        for name, sub in group.commands.items():
            found += _commands(sub, f"{path} {name}")
    return found


def test_cli_help_summary_of_every_command_is_one_sentence_line() -> None:
    # `watch --help` showed "and brief each" / "story that gained documents" on two lines:
    # the first paragraph of a docstring is the one-line summary the command list shows
    for path, command in _commands(typer.main.get_command(app)):
        summary = (command.help or "").strip().split("\n\n")[0]
        assert summary, f"{path}: no help text"
        assert "\n" not in summary, f"{path}: summary broken across lines: {summary!r}"


def test_cli_list_keeps_ids_whole_in_a_narrow_terminal(demo_db: Path) -> None:
    ids = runner.invoke(app, ["list", "--db", str(demo_db), "--json"])
    wanted = [line.split('"')[3] for line in ids.stdout.splitlines() if '"id":' in line]
    result = runner.invoke(app, ["list", "--db", str(demo_db)], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert wanted and all(doc_id in result.stdout for doc_id in wanted)


@pytest.mark.parametrize("command", [["list"], ["stories"], ["brief", "--query", "wind"]])
def test_cli_since_that_is_not_a_date_is_refused(demo_db: Path, command: list[str]) -> None:
    # "list --since garbage" printed an empty table and exited 0, as if nothing matched
    result = runner.invoke(app, [*command, "--db", str(demo_db), "--since", "last week"])
    assert result.exit_code == 1
    assert "--since" in result.output and "not a date" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["stories", "--limit", "-1"],  # sliced [:-1]: every story but the last
        ["stories", "--limit", "0"],
        ["search", "wind", "--limit", "0"],  # "no documents match 'wind'"
        ["brief", "--query", "wind", "--words", "0"],  # a full summary anyway
        ["brief", "--query", "wind", "--limit", "0"],  # named no flag
        ["brief", "--query", "wind", "--sentences", "0"],
    ],
)
def test_cli_counts_below_one_are_refused(demo_db: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(demo_db)])
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output


def test_cli_list_past_the_last_page_says_so(demo_db: Path) -> None:
    result = runner.invoke(app, ["list", "--db", str(demo_db), "--page", "3", "--limit", "5"])
    assert result.exit_code == 0
    assert "page 3 is past the end (5 documents, 5 a page)" in result.output


def test_cli_list_with_no_match_names_the_filter(demo_db: Path) -> None:
    result = runner.invoke(app, ["list", "--db", str(demo_db), "--since", "2999"])
    assert result.exit_code == 0
    assert "no documents: none match --since/--query" in result.output


def test_cli_serve_help_names_the_status_a_busy_server_answers() -> None:
    # the web's BriefCache answers 429 when every build slot is taken
    # (tests/web/test_briefs.py); the help said 503
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    line = next(x for x in result.output.splitlines() if "--max-builds" in x)
    assert "429" in line and "503" not in line


def test_cli_watch_lines_write_times_one_way(capsys) -> None:
    # the poll line said "21:37:47Z", the failure beside it "21:38:47.563922+00:00"
    from storyline.cli.watch import print_round
    from storyline.watch.loop import Round
    from storyline.watch.poll import FeedReport, PollReport

    report = PollReport(started="2026-11-29T21:37:47.100000+00:00")
    report.feeds = [
        FeedReport(
            "http://a.example/f",
            None,
            "failed",
            error="refused",
            retry_after="2026-11-29T21:38:47.563922+00:00",
        ),
        FeedReport(
            "http://b.example/f",
            None,
            "backing-off",
            retry_after="2026-11-29T22:00:00.000001+00:00",
        ),
    ]
    assert print_round(Round(report))
    err = capsys.readouterr().err
    assert "(retry after 2026-11-29T21:38:47Z)" in err
    assert "backing off until 2026-11-29T22:00:00Z" in err
    assert "poll 2026-11-29T21:37:47Z:" in err and "+00:00" not in err


@pytest.mark.slow
def test_cli_brief_without_a_selection_says_what_it_left_out(demo_db: Path) -> None:
    # a brief of a store with neither --query, --id nor --story took the most recent
    # documents and said nothing on the command line about the rest
    result = runner.invoke(app, ["brief", "--db", str(demo_db), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "no selection: 2 most recent of 5 stored documents used" in result.output
