"""Page furniture at analysis time: paragraphs no quote or figure may come from.

The ingest rules (ingest/webtext.py `is_boilerplate`: crawl notices, widget
text, captions, gallery counters, chart residue) decide; this applies them to
a document's paragraphs, so documents stored before a rule existed are read
the same way as new ones.
"""

from __future__ import annotations

from ..ingest.webtext import is_boilerplate
from ..model import Document


def furniture_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `document` that is page furniture."""
    spans = [(p.start, p.end) for p in document.paragraphs] or [(0, len(document.text))]
    return [(s, e) for s, e in spans if is_boilerplate(document.text[s:e])]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)
