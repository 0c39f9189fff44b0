"""`storyline` command line: one module per command, all on one Typer app."""

from __future__ import annotations

from ._util import app

# Importing a command module registers its commands on `app`.
from . import ingest as _ingest  # noqa: E402,F401
from . import brief as _brief  # noqa: E402,F401
from . import store_cmds as _store_cmds  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import eval as _eval  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    app()
