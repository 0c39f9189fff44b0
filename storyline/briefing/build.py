"""Analysed documents -> one Brief: every section, every item cited.

This is the only place that knows the order of the brief's sections; each
section lives in its own module and takes plain analyses.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from ..config import Settings
from ..model import Analysis, Brief, Document, Entity
from .compare import find_divergences
from .developments import find_developments
from .entities import merge_entities
from .figures import collect_figures, date_by_publication
from .quotes import group_quotes
from .summary import summarize
from .timeline import build_timeline


def build_brief(
    analyses: list[Analysis],
    settings: Settings | None = None,
    *,
    title: str | None = None,
    query: str | None = None,
) -> Brief:
    """Build the brief of `analyses`; `settings` sets summary length, focus and since."""
    settings = settings or Settings()
    documents = [a.document for a in analyses]
    focus = settings.focus or query
    summary = summarize(
        documents,
        words=settings.summary_words,
        sentences=settings.summary_sentences,
        focus=focus,
        since=settings.since,
        analyses=analyses,
    )
    entities = merge_entities(analyses)
    figures = collect_figures(analyses)
    brief = Brief(
        title=title or _title(entities, query),
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        documents=sorted(
            (d.ref() for d in documents), key=lambda r: (r.published or "", r.title or "")
        ),
        summary=summary,
        timeline=build_timeline(analyses),
        quotes=group_quotes(analyses, entities),
        figures=figures,
        entities=entities,
        divergences=find_divergences(analyses, entities, figures),
        developments=find_developments(analyses, figures, entities),
        notes=_notes(analyses),
        query=query,
        since=settings.since,
    )
    date_by_publication(brief.figures, {d.id: d.published for d in documents})
    _fill_passages(brief, {d.id: d.text for d in documents})
    return brief


def _fill_passages(brief: Brief, texts: dict[str, str]) -> None:
    """Put each cited passage into its citation, so the JSON stands alone."""
    for citation in brief.citations():
        text = texts.get(citation.document)
        if text is not None and citation.text is None:
            citation.text = text[citation.start : citation.end]


def _title(entities: list[Entity], query: str | None) -> str:
    """A plain title: the query, or the most covered organisation or person."""
    if query:
        return f"Brief: {query}"
    for wanted in ("ORG", "PERSON", "GPE"):
        for entity in entities:
            if entity.type == wanted:
                return f"Brief: {entity.name}"
    return "Brief"


def _label(doc: Document) -> str:
    return doc.title or doc.source.rstrip("/").rsplit("/", 1)[-1]


def _notes(analyses: list[Analysis]) -> list[str]:
    """What a reader should know about the evidence: undated sources, shapes."""
    notes = []
    for a in analyses:
        doc = a.document
        if not doc.published:
            notes.append(
                f"No publication date is known for {_label(doc)!r} ({doc.id}); "
                "its relative dates are left unresolved."
            )
        elif doc.published_source == "filename":
            notes.append(
                f"The publication date of {_label(doc)!r} ({doc.published}) "
                "comes from its file name."
            )
    kinds = Counter(a.document.kind for a in analyses)
    if kinds:
        described = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        notes.append(f"Sources: {len(analyses)} documents ({described}).")
    return notes
