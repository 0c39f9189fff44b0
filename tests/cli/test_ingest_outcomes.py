"""`storyline ingest`: one outcome per input, named by the input; clear exit statuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.cli.ingest import EXIT_INTERRUPTED, EXIT_PARTIAL

runner = CliRunner()
TEXT = (
    "The harbour authority approved the new ferry terminal on Monday after a long debate. "
    "Officials said construction would begin in the spring and take two years to finish."
)


def test_a_case_only_variant_fails_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT.upper())
    (tmp_path / "c.txt").write_text(TEXT.replace("ferry", "cargo").replace("spring", "autumn"))
    db = tmp_path / "s.db"
    args = ["ingest", *(str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")), "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_PARTIAL, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("error: ") and "b.txt" in line for line in lines)
    assert sum(line.startswith("added") for line in lines) == 2  # c.txt was read and stored
    assert "2 added, 0 already known or duplicate, 1 failed" in result.output


def test_nothing_stored_is_exit_1_and_all_stored_is_0(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db]).exit_code == 1
    (tmp_path / "a.txt").write_text(TEXT)
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0


def test_control_characters_in_file_names_are_escaped(tmp_path: Path) -> None:
    name = tmp_path / "evil\nerror: forged\x1b[31m.txt"
    name.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(name), "--db", str(tmp_path / "s.db")])
    assert "\x1b" not in result.output
    assert not any(line.startswith("error: forged") for line in result.output.splitlines())
    assert "evil\\nerror: forged\\x1b[31m.txt" in result.output


def test_ctrl_c_mid_batch_says_how_far_it_got(tmp_path: Path, monkeypatch) -> None:
    from storyline.cli import ingest as ingest_cmd

    others = [
        "The city library opened a new wing for children with four thousand picture books.",
        "A late frost damaged most of the apple blossom in the valley orchards this week.",
    ]
    for n, text in enumerate([TEXT, *others]):  # three different texts (not near copies)
        (tmp_path / f"{n}.txt").write_text(text)
    real_read = ingest_cmd.read

    def interrupted_read(*args, **kwargs):
        for n, item in enumerate(real_read(*args, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(ingest_cmd, "read", interrupted_read)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == EXIT_INTERRUPTED
    assert "interrupted after 2 added" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("env", "flag", "expected"), [(None, None, 250), ("120", None, 120), ("120", "90", 90)]
)
def test_environment_is_not_overridden_by_a_cli_default(
    tmp_path: Path, monkeypatch, env, flag, expected
) -> None:
    from storyline.cli import _util

    if env:
        monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", env)
    seen = []
    real = _util.cli_settings

    def spy(**flags):
        settings = real(**flags)
        seen.append(settings.summary_words)
        return settings

    monkeypatch.setattr("storyline.cli.brief.cli_settings", spy)
    args = ["brief", "--db", str(tmp_path / "none.db")] + (["--words", flag] if flag else [])
    runner.invoke(app, args)
    assert seen == [expected]


def test_ctrl_c_outside_a_batch_is_one_line_and_status_130(monkeypatch, capsys) -> None:
    import storyline.cli as cli

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"
