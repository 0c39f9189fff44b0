"""What the web app's brief page borrows from the renderers, so the page and
the HTML/Markdown files say "2013-04 · The Verge" and "Showing 10 of 9,173"
the same way."""

from __future__ import annotations

from typing import Any

from ._common import dated_source, periods, refs_by_id, shown_of


def brief_helpers() -> dict[str, Any]:
    """Jinja globals for a brief template."""
    return {
        "dated_source": dated_source,
        "brief_periods": periods,
        "brief_refs": refs_by_id,
        "shown_of": shown_of,
    }
