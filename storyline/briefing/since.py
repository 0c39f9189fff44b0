"""What `since` means, in one place: a checked ISO date, inclusive.

`--since 2024-05-07` asks for what is new from that day on: an article
published on the 7th is new. Dates compare at their shared precision, so a
document known only to the month ("2024-05") is not new since "2024-05-07"
(it may be older), but is new since "2024-05".
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from ..errors import ConfigError
from ..model import Brief, Citation

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
ACCEPTED = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-05-07)"


def parse_since(value: str) -> str:
    """`value` as a checked ISO prefix, or a ConfigError naming it."""
    raw = value.strip()
    match = _ISO.fullmatch(raw)
    if not match:
        raise ConfigError(f"since {value!r}: not a date; use {ACCEPTED}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError as exc:
        raise ConfigError(f"since {value!r}: not a real date ({exc}); use {ACCEPTED}") from exc
    return raw


def is_new(published: str | None, since: str | None) -> bool:
    """True when `published` is on or after `since` at their shared precision.

    Without `since` everything is new; an undated document never is.
    """
    if since is None:
        return True
    if not published:
        return False
    shared = min(len(published), len(since))
    if len(published) < len(since) and published[:shared] == since[:shared]:
        return False  # "2024-05" may be before "2024-05-07"
    return published[:shared] >= since[:shared]


def day_before(since: str) -> str:
    """The ISO prefix just before `since` at its own precision: for engines
    whose `since` is exclusive ("published after"), so the brief's stays inclusive."""
    parts = [int(p) for p in since.split("-")]
    if len(parts) == 1:
        return f"{parts[0] - 1:04d}"
    if len(parts) == 2:
        year, month = parts
        return f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
    return (date(*parts) - timedelta(days=1)).isoformat()


def keep_new(brief: Brief, published: dict[str, str | None]) -> None:
    """Keep in each of `brief`'s evidence sections what is new since `brief.since`.

    An item is new when an article published on or after `since` carries it;
    a timeline event also when its own date is on or after `since`. Context
    for reading the news is the lede's and the narrative's job, not these
    sections'."""
    since = brief.since
    if since is None:
        return

    def new(citations: list[Citation]) -> bool:
        return any(is_new(published.get(c.document), since) for c in citations)

    brief.timeline = [
        e
        for e in brief.timeline
        if (is_new(e.date, since) and new(e.citations)) or (e.future and new(e.citations))
    ]
    groups = []
    for g in brief.quotes:
        quotes = [q for q in g.quotes if new(q.citations)]
        if quotes:
            groups.append(dataclasses.replace(g, quotes=quotes))
    brief.quotes = groups
    brief.figures = [f for f in brief.figures if new(f.citations)]
    brief.entities = [e for e in brief.entities if new(e.citations)]
    brief.divergences = [d for d in brief.divergences if new(d.citations)]
    brief.developments = [
        d for d in brief.developments if is_new(d.after.date, since) or new(d.after.citations)
    ]
