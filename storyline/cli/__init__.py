"""`storyline` command line: one module per command, all on one Typer app."""

from __future__ import annotations

from . import brief as _brief  # noqa: F401
from . import eval as _eval  # noqa: F401

# Importing a command module registers its commands on `app`.
from . import ingest as _ingest  # noqa: F401
from . import serve as _serve  # noqa: F401
from . import store_cmds as _store_cmds  # noqa: F401
from . import stories as _stories  # noqa: F401
from . import watch as _watch  # noqa: F401
from ._util import app

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # Ctrl-C outside a batch (start-up, a brief): no traceback
        import sys

        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
