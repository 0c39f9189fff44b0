"""The shared Typer app and helpers for every command module."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from ..config import Settings

app = typer.Typer(
    name="storyline",
    help="Turn a pile of news coverage about a story into a sourced brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True, soft_wrap=True)  # one-line errors stay one line

# The one definition of --db: None means "not given", so STORYLINE_DB and the
# config file still apply (see config.Settings.resolve).
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite store (default: STORYLINE_DB, the config file, or ./storyline.db)."
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    console.print("[red]error:[/red] ", end="", highlight=False, markup=True)
    console.print(safe(message), highlight=False, markup=False)
    raise typer.Exit(code)


def check_since(since: str | None, flag: str = "--since") -> None:
    """Refuse a --since that is not a date, as the web pages do (one rule: briefing.since).

    Unchecked, a typo ("2024-13", "last week") compared as text and quietly
    matched nothing, which reads as "no documents" rather than as a mistake.
    """
    if since is None:
        return
    from ..briefing.since import parse_since
    from ..errors import StorylineError

    try:
        parse_since(since)
    except StorylineError as exc:
        fail(f"{flag}: {exc}")


def warn(message: str) -> None:
    console.print("[yellow]warning:[/yellow] ", end="", highlight=False, markup=True)
    console.print(safe(message), highlight=False, markup=False)


def safe(text: str) -> str:
    """`text` with control characters (newlines, terminal escapes) shown as escapes.

    File names and fetched titles are input: printed raw, a newline could forge
    an output line and an escape sequence could drive the terminal.
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def cli_settings(**flags: object) -> Settings:
    """Settings for a command run by the operator on their own machine (see config.Settings.resolve).

    Unlike the web app, the CLI may fetch loopback and private addresses the
    operator types (a surface default: STORYLINE_ALLOW_PRIVATE_URLS=0 or the
    config file turn it off). Links found inside fetched feeds are never allowed.
    """
    from ..config import Settings

    return Settings.resolve(flags, defaults={"allow_private_urls": True})


def out(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
