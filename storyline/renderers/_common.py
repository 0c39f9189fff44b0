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


def short_title(ref: DocumentRef, words: int = 6) -> str:
    """The first words of a document's title, to name it beside a line."""
    title = source_label(ref).split()
    return " ".join(title[:words]) + ("…" if len(title) > words else "")


def dated_source(date: str | None, ref: DocumentRef | None) -> str:
    """ "2013-04 · The Verge": when, and which article says so (its outlet, else its title)."""
    when = date or (ref.published if ref else None) or "undated"
    if ref is None:
        return when
    return f"{when} · {ref.outlet or short_title(ref)}"


def refs_by_id(brief: Brief) -> dict[str, DocumentRef]:
    return {ref.id: ref for ref in brief.documents}


def first_document(citations: list[Citation]) -> str | None:
    return citations[0].document if citations else None


def periods(lines: list) -> list[tuple[str | None, list]]:
    """Narrative lines grouped by their period, in order."""
    groups: list[tuple[str | None, list]] = []
    for line in lines:
        if groups and groups[-1][0] == line.period:
            groups[-1][1].append(line)
        else:
            groups.append((line.period, [line]))
    return groups


SECTION_NAMES = {
    "narrative": "sentences considered",
    "timeline": "events",
    "quotes": "speakers",
    "figures": "figures",
    "entities": "names",
    "divergences": "divergences",
    "developments": "developments",
    "key_players": "players",
    "documents": "articles",
    "notes": "notes",
}


def shown_of(brief: Brief, section: str, shown: int) -> str | None:
    """ "Showing 10 of 9,173 events" when the section was capped, else None."""
    total = brief.totals.get(section)
    if not total or total <= shown:
        return None
    return f"Showing {shown} of {total:,} {SECTION_NAMES.get(section, 'items')}"


def describe_full_source(ref: DocumentRef) -> str:
    """Outlet · full date · title · kind, for the Sources list."""
    parts = [ref.outlet, ref.published or "date unknown", source_label(ref), ref.kind]
    return " · ".join(p for p in parts if p)
