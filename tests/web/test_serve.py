"""`storyline serve`: binds loopback by default and hands the token to the app."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture()
def captured(monkeypatch):
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    return calls


def test_serve_defaults_to_loopback(captured, tmp_path) -> None:
    from storyline.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    (call,) = captured
    assert call["host"] == "127.0.0.1" and call["port"] == 8123
    state = call["app"].state.storyline
    assert state.token is None and state.settings.db == str(tmp_path / "s.db")
    assert state.settings.allow_private_urls is False


def test_serve_token_and_private_urls(captured, tmp_path) -> None:
    from storyline.cli import app

    result = CliRunner().invoke(
        app,
        [
            "serve",
            "--db",
            str(tmp_path / "s.db"),
            "--token",
            "t0k",
            "--allow-private-urls",
            "--max-upload",
            "1000",
        ],
    )
    assert result.exit_code == 0, result.output
    state = captured[0]["app"].state.storyline
    assert state.token == "t0k" and state.settings.allow_private_urls and state.max_upload == 1000


def test_serve_warns_when_public_without_token(captured, tmp_path) -> None:
    from storyline.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "without a token" in result.output


def test_serve_passes_the_build_limits(captured, tmp_path) -> None:
    from storyline.cli import app

    args = [
        "serve",
        "--db",
        str(tmp_path / "s.db"),
        "--max-builds",
        "1",
        "--builds-per-minute",
        "5",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    briefs = captured[0]["app"].state.storyline.briefs
    assert briefs.max_builds == 1 and briefs.builds_per_window == 5
