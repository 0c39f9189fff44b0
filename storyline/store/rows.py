"""Documents to rows and back, so a stored Document reads back equal to the one added.

Validation happens here, before any write: a Document the store cannot hold
exactly (spans outside the text, meta that is not JSON) is refused with a
StoreError naming it, and the store is never touched.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import StoreError
from ..model import Document, DocumentRef, Sentence, Span, Turn

REF_COLUMNS = "id, title, outlet, published, published_granularity, published_source, source, kind"
DOCUMENT_COLUMNS = (
    "id, source, text, kind, title, outlet, author, published, published_granularity, "
    "published_source, url, paragraphs, turns, meta, content_hash"
)


def _json(value: Any, doc_id: str, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{doc_id}: {what} cannot be stored as JSON: {exc}") from exc


def _check_span(doc: Document, what: str, start: Any, end: Any) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.text)):
        raise StoreError(
            f"{doc.id}: {what} [{start!r}, {end!r}) is outside the text (length {len(doc.text)})"
        )


def document_values(doc: Document) -> dict[str, Any]:
    """Column values for the documents table; raises StoreError for a Document we cannot store."""
    if not isinstance(doc, Document):
        raise StoreError(f"expected a Document, got {type(doc).__name__}")
    if not isinstance(doc.id, str) or not doc.id:
        raise StoreError(f"{doc.source!r}: a Document needs a non-empty string id")
    if not isinstance(doc.text, str) or not isinstance(doc.source, str):
        raise StoreError(f"{doc.id}: text and source must be strings")
    for i, p in enumerate(doc.paragraphs):
        _check_span(doc, f"paragraph {i}", p.start, p.end)
    for i, s in enumerate(doc.sentences):
        _check_span(doc, f"sentence {i}", s.start, s.end)
        if not isinstance(s.paragraph, int) or not (
            s.speaker is None or isinstance(s.speaker, str)
        ):
            raise StoreError(f"{doc.id}: sentence {i} has a bad paragraph or speaker")
    for i, t in enumerate(doc.turns):
        _check_span(doc, f"turn {i}", t.start, t.end)
    turns = [
        {
            "speaker": t.speaker,
            "role": t.role,
            "organisation": t.organisation,
            "start": t.start,
            "end": t.end,
        }
        for t in doc.turns
    ]
    return {
        "id": doc.id,
        "source": doc.source,
        "text": doc.text,
        "kind": doc.kind,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "published_granularity": doc.published_granularity,
        "published_source": doc.published_source,
        "url": doc.url,
        "paragraphs": _json([[p.start, p.end] for p in doc.paragraphs], doc.id, "paragraphs"),
        "turns": _json(turns, doc.id, "turns"),
        "meta": _json(doc.meta, doc.id, "meta"),
        "content_hash": doc.content_hash,
    }


def sentence_rows(doc: Document):
    """(doc_id, idx, start, end, paragraph, speaker) for each sentence, in order."""
    for idx, s in enumerate(doc.sentences):
        yield (doc.id, idx, s.start, s.end, s.paragraph, s.speaker)


def document_from_row(row: sqlite3.Row, sentences: list[sqlite3.Row]) -> Document:
    return Document(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        kind=row["kind"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        published_granularity=row["published_granularity"],
        published_source=row["published_source"],
        url=row["url"],
        paragraphs=[Span(start, end) for start, end in json.loads(row["paragraphs"])],
        sentences=[Sentence(s["start"], s["end"], s["paragraph"], s["speaker"]) for s in sentences],
        turns=[Turn(**t) for t in json.loads(row["turns"])],
        content_hash=row["content_hash"],
        meta=json.loads(row["meta"]),
    )


def ref_from_row(row: sqlite3.Row) -> DocumentRef:
    return DocumentRef(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        published=row["published"],
        published_granularity=row["published_granularity"],
        published_source=row["published_source"],
        source=row["source"],
        kind=row["kind"],
    )


def ref_to_json(ref: DocumentRef) -> str:
    return json.dumps(
        {name: getattr(ref, name) for name in REF_COLUMNS.split(", ")}, ensure_ascii=False
    )


def ref_from_json(text: str) -> DocumentRef:
    return DocumentRef(**json.loads(text))
