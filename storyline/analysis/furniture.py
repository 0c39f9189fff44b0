"""Page furniture at analysis time: text no entity, quote or figure may come from.

The ingest rules (ingest/webtext.py `is_boilerplate`: crawl notices, widget
text, captions, gallery counters, chart residue) decide; this applies them to
a document's paragraphs and to each of its sentences, so documents stored
before a rule existed are read the same way as new ones, and a widget or
caption glued into a long paragraph (a newsletter box, "1 of 50 Full Screen
...") is skipped without losing the reporting around it.
"""

from __future__ import annotations

import re

from ..ingest.webtext import is_boilerplate
from ..model import Document

# Furniture inside a line: a bracketed box of links ("[SEE THESE? A | B | C]",
# "[RECOMMENDED: A | B]") and a reprint notice ("X Reprints: This copy is for your
# personal, non-commercial use only").
_INLINE_FURNITURE = re.compile(
    r"\[[^\]\n]{0,300}\|[^\]\n]{0,300}\]"
    r"|^[^\n]{0,60}\bThis copy is for your personal,? non-commercial use only[^\n]*",
    re.MULTILINE,
)


def furniture_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each paragraph or sentence of `document` that is page furniture,
    and of each box of links or reprint notice inside a line."""
    text = document.text
    spans = [(p.start, p.end) for p in document.paragraphs] or [(0, len(text))]
    found = [(s, e) for s, e in spans if is_boilerplate(text[s:e])]
    found += [m.span() for m in _INLINE_FURNITURE.finditer(text) if not inside(found, m.start())]
    found += [
        (s.start, s.end)
        for s in document.sentences
        if not inside(found, s.start) and is_boilerplate(text[s.start : s.end])
    ]
    return sorted(found)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def is_furniture(document: Document, share: float) -> bool:
    """Whether at least `share` of `document`'s characters are page furniture.

    Furniture is what the shared rule says it is (`ingest.webtext.is_boilerplate`,
    as `furniture_spans` applies it): a whole paragraph, or a sentence of one. The story
    clusterer asks this of every document, so reading stops once the article's own
    text rules the share out (most documents decide in their first paragraphs), as
    the rule costs ~0.1 ms a line.
    """
    text = document.text
    total = sum(p.end - p.start for p in document.paragraphs) or len(text)
    allowed = (1 - share) * total  # article characters a furniture document may have
    article = 0
    spans = [(p.start, p.end) for p in document.paragraphs] or [(0, len(text))]
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    for k, (start, end) in enumerate(spans):
        if is_boilerplate(text[start:end]):
            continue
        parts = by_paragraph.get(k, [])
        if len(parts) <= 1:  # one sentence: the paragraph's own verdict stands
            article += end - start
        else:
            furniture = sum(e - s for s, e in parts if is_boilerplate(text[s:e]))
            article += end - start - furniture
        if article > allowed:
            return False
    return article <= allowed
