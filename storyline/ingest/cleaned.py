"""What a shape cleaner hands back: clean text plus whatever metadata it found.

Each cleaner (html, webtext, transcript, repunct, plain text) returns one of
these; `documents.py` turns it into a `Document` (ids, dates, sentences).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Turn


@dataclass(slots=True)
class Cleaned:
    text: str  # paragraphs, one per line, separated by blank lines
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: Any = None  # a metadata date, parsed by pubdate.parse_date
    url: str | None = None
    turns: list[Turn] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def join_paragraphs(paragraphs: list[str]) -> str:
    """The clean-text layout every cleaner uses: one paragraph per line, blank line between."""
    return "\n\n".join(p for p in paragraphs if p)
