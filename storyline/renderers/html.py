"""Brief -> one self-contained HTML page (no script, so it is safe to open).

Each citation links to its passage, highlighted inside the article text in the
Sources section; the link's title shows the passage on hover. Everything from
an article goes through Jinja2's autoescaping.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Brief, Citation
from ._common import (
    cited_documents,
    dated_source,
    describe_full_source,
    periods,
    person_line,
    refs_by_id,
    shown_of,
    source_numbers,
)

_env = Environment(
    loader=PackageLoader("storyline.renderers", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(slots=True)
class Segment:
    text: str
    marked: bool
    anchors: list[str]


def anchor_id(c: Citation) -> str:
    return f"p-{c.document}-{c.start}-{c.end}"


def marked_segments(text: str, citations: list[Citation]) -> list[Segment]:
    """Split `text` so every cited range is marked, with an anchor at each start."""
    spans = sorted({(c.start, c.end) for c in citations if 0 <= c.start < c.end <= len(text)})
    cuts = sorted({0, len(text), *(s for s, _ in spans), *(e for _, e in spans)})
    anchors: dict[int, list[str]] = {}
    for c in citations:
        anchors.setdefault(c.start, [])
        aid = anchor_id(c)
        if aid not in anchors[c.start]:
            anchors[c.start].append(aid)
    segments = []
    for a, b in itertools.pairwise(cuts):
        covered = any(s <= a and b <= e for s, e in spans)
        segments.append(Segment(text[a:b], covered, anchors.get(a, [])))
    return segments


def render_html(brief: Brief, texts: Mapping[str, str] | None = None) -> str:
    numbers = source_numbers(brief)
    citations_by_doc: dict[str, list[Citation]] = {}
    for c in brief.citations():
        citations_by_doc.setdefault(c.document, []).append(c)
    sources = []
    for ref in brief.documents:
        text = (texts or {}).get(ref.id)
        sources.append(
            {
                "n": numbers[ref.id],
                "ref": ref,
                "label": describe_full_source(ref),
                "segments": marked_segments(text, citations_by_doc.get(ref.id, []))
                if text
                else None,
            }
        )
    template = _env.get_template("brief.html.j2")
    return template.render(
        brief=brief,
        sources=sources,
        numbers=numbers,
        anchor_id=anchor_id,
        cited_documents=cited_documents,
        person_line=person_line,
        dated_source=dated_source,
        refs=refs_by_id(brief),
        periods=periods,
        shown_of=shown_of,
        corroborated=[s for s in brief.summary if s.support > 1],
        has_texts=bool(texts),
    )
