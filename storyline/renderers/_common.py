"""Helpers shared by the Markdown and HTML renderers."""

from __future__ import annotations

from ..model import Brief, Citation, DocumentRef


def source_numbers(brief: Brief) -> dict[str, int]:
    """Document id -> its number in the Sources list (1-based, brief order)."""
    return {ref.id: i for i, ref in enumerate(brief.documents, start=1)}


def source_label(ref: DocumentRef) -> str:
    """The title, or for an untitled document the last part of its path or URL."""
    if ref.title:
        return ref.title
    tail = ref.source.rstrip("/").rsplit("/", 1)[-1]
    return tail or ref.source


def describe_source(ref: DocumentRef) -> str:
    parts = [source_label(ref)]
    if ref.outlet:
        parts.append(ref.outlet)
    parts.append(ref.published or "date unknown")
    return " — ".join(parts)


def person_line(name: str | None, role: str | None, organisation: str | None) -> str:
    bits = [b for b in (role, organisation) if b]
    who = name or "Unattributed"
    return f"{who} ({', '.join(bits)})" if bits else who


def cited_documents(citations: list[Citation]) -> list[str]:
    """Distinct cited document ids, in citation order."""
    seen: list[str] = []
    for c in citations:
        if c.document not in seen:
            seen.append(c.document)
    return seen


def figure_value(figure) -> str:
    return figure.text
