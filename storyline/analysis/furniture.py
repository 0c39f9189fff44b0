"""Page furniture at analysis time: text no entity, quote or figure may come from.

The ingest rules (ingest/webtext.py `is_boilerplate`: crawl notices, widget
text, captions, gallery counters, chart residue) decide; this applies them to
a document's paragraphs and to each of its sentences, so documents stored
before a rule existed are read the same way as new ones, and a widget or
caption glued into a long paragraph (a newsletter box, "1 of 50 Full Screen
...") is skipped without losing the reporting around it.
"""

from __future__ import annotations

from ..ingest.webtext import is_boilerplate
from ..model import Document


def furniture_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each paragraph or sentence of `document` that is page furniture."""
    text = document.text
    spans = [(p.start, p.end) for p in document.paragraphs] or [(0, len(text))]
    found = [(s, e) for s, e in spans if is_boilerplate(text[s:e])]
    found += [
        (s.start, s.end)
        for s in document.sentences
        if not inside(found, s.start) and is_boilerplate(text[s.start : s.end])
    ]
    return sorted(found)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)
