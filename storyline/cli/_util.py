"""The shared Typer app and helpers for every command module."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

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


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    console.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    console.print(f"[yellow]warning:[/yellow] {message}", highlight=False)


def cli_settings(**overrides: object) -> Settings:
    """Settings for a command run by the operator on their own machine.

    Unlike the web app, the CLI may fetch loopback and private addresses by
    default: the person typing the URL is the operator. STORYLINE_ALLOW_PRIVATE_URLS=0
    turns that off.
    """
    import os

    from ..config import Settings

    if "STORYLINE_ALLOW_PRIVATE_URLS" not in os.environ:
        overrides.setdefault("allow_private_urls", True)
    return Settings.from_env(**overrides)


def out(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
