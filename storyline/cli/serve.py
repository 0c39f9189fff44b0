"""`storyline serve`: the web app and JSON API on a local port (uvicorn)."""

from __future__ import annotations

import os

import typer

from ..config import Settings
from ..errors import StorylineError
from ._util import DbOption, app, console, fail, warn

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    db: DbOption = None,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; the default is this machine only."
    ),
    port: int = typer.Option(8000, "--port", "-p", help="TCP port."),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Require this token (Bearer header or form field) to add documents. Default: STORYLINE_TOKEN.",
    ),
    allow_private_urls: bool = typer.Option(
        False,
        "--allow-private-urls",
        help="Let 'add by URL' fetch loopback and private-network addresses.",
    ),
    allowed_host: list[str] | None = typer.Option(
        None,
        "--allowed-host",
        help="Also answer requests for this Host name (repeatable; '*' for any). "
        "Default: loopback names and --host. Also STORYLINE_ALLOWED_HOSTS (comma-separated).",
    ),
    max_upload: int | None = typer.Option(None, "--max-upload", help="Largest upload in bytes."),
    max_builds: int = typer.Option(
        2, "--max-builds", min=1, help="Uncached briefs built at once (more get 429)."
    ),
    builds_per_minute: int = typer.Option(
        30,
        "--builds-per-minute",
        min=1,
        help="New (uncached) briefs started per minute (more get 429).",
    ),
) -> None:
    """Browse, search, add and brief stored documents in a browser; JSON under /api.

    Example:

        storyline serve --db story.db
        curl 'http://127.0.0.1:8000/api/search?q=turbines'
    """
    import uvicorn

    from ..web import create_app

    flags: dict[str, object] = {
        "db": db,
        "allow_private_urls": True if allow_private_urls else None,
        "allowed_hosts": ",".join(allowed_host) if allowed_host else None,
    }
    try:
        settings = Settings.resolve(flags)
        token = token or os.environ.get("STORYLINE_TOKEN") or None
        web = create_app(
            settings,
            token=token,
            max_upload=max_upload,
            max_builds=max_builds,
            builds_per_minute=builds_per_minute,
            bind_host=host,
        )
    except StorylineError as exc:
        fail(str(exc))
    if host not in LOCAL_HOSTS and not token:
        warn(
            f"serving on {host} without a token: anyone who can reach it can add documents (use --token)"
        )
    if host in {"0.0.0.0", "::"} and not settings.allowed_hosts:
        warn(
            f"serving on {host}: only requests for a loopback name are answered; "
            "add the names clients use with --allowed-host"
        )
    console.print(
        f"Storyline on http://{'[' + host + ']' if ':' in host else host}:{port}/ (store {settings.db})",
        highlight=False,
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")
