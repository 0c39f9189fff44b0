"""JSON and JSONL records: one article per record, metadata from named fields.

Datasets and scrapers hand over articles as JSON objects with the text and
its metadata under varying names ("text"/"content"/"body", "title"/
"headline", ...). Each record becomes one Document whose source is
"path#N" (N counts from 0), so an error names the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

TEXT_FIELDS = (
    "text",
    "content",
    "body",
    "article",
    "maintext",
    "story",
    "article_text",
    "full_text",
)
TITLE_FIELDS = ("title", "headline", "heading")
URL_FIELDS = ("url", "link", "source_url", "canonical_url", "source")
DATE_FIELDS = (
    "date",
    "published",
    "publish_date",
    "published_at",
    "pubdate",
    "date_publish",
    "datePublished",
    "publication_date",
    "pub_date",
    "created_at",
    "timestamp",
)
OUTLET_FIELDS = (
    "outlet",
    "site",
    "source_name",
    "sitename",
    "site_name",
    "publisher",
    "source",
    "domain",
)
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
# Containers that wrap a list of records.
LIST_FIELDS = ("records", "articles", "documents", "items", "data", "results", "entries")


@dataclass(slots=True)
class Record:
    index: int
    text: str
    meta: dict[str, Any]  # title, url, date, outlet, author (when present)


def looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return False
    first = text.lstrip().split("\n", 1)[0].strip()
    try:
        json.loads(first)
        return True  # JSONL, or JSON on one line
    except (ValueError, RecursionError):
        pass
    try:
        json.loads(text)
        return True
    except (ValueError, RecursionError):
        return False


def iter_records(text: str, source: str) -> Iterator[Record | InputError]:
    """Records of a JSON document (object, list, or wrapper) or of JSONL lines."""
    try:
        values: list[Any] = [json.loads(text)]
        lines = False
    except (ValueError, RecursionError):
        values, lines = [], True
    if lines:
        for n, line in enumerate(text.split("\n")):
            if not line.strip():
                continue
            try:
                values.append(json.loads(line))
            except (ValueError, RecursionError) as exc:
                yield InputError(f"{source}#{n}", f"invalid JSON line: {exc}")
                values.append(None)
    items = _unwrap(values) if not lines else values
    for n, item in enumerate(items):
        if item is None:
            continue
        try:
            yield to_record(n, item)
        except ValueError as exc:
            yield InputError(f"{source}#{n}", str(exc))


def to_record(index: int, item: Any) -> Record:
    if isinstance(item, str):
        return Record(index, item, {})
    if not isinstance(item, dict):
        raise ValueError(f"a record must be an object or a string, not {type(item).__name__}")
    text = _first(item, TEXT_FIELDS, str)
    if not text or not text.strip():
        raise ValueError(f"record has no text field (looked for {', '.join(TEXT_FIELDS[:4])}, ...)")
    url = _first(item, URL_FIELDS, str, lambda v: v.startswith(("http://", "https://")))
    outlet = _first(item, OUTLET_FIELDS, str, lambda v: not v.startswith(("http://", "https://")))
    author = item.get(next((f for f in AUTHOR_FIELDS if item.get(f)), ""), None)
    if isinstance(author, list):
        author = (
            ", ".join(str(a.get("name", a)) if isinstance(a, dict) else str(a) for a in author)
            or None
        )
    elif author is not None and not isinstance(author, str):
        author = str(author)
    meta = {
        "title": _first(item, TITLE_FIELDS, str),
        "url": url,
        "date": _first(item, DATE_FIELDS, (str, int)),
        "outlet": outlet,
        "author": author,
    }
    return Record(index, text, {k: v for k, v in meta.items() if v not in (None, "")})


def _unwrap(values: list[Any]) -> list[Any]:
    value = values[0]
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and not any(f in value for f in TEXT_FIELDS):
        for f in LIST_FIELDS:
            if isinstance(value.get(f), list):
                return value[f]
    return [value]


def _first(item: dict[str, Any], fields: tuple[str, ...], types: Any, ok: Any = None) -> Any:
    for f in fields:
        v = item.get(f)
        if isinstance(v, types) and not isinstance(v, bool) and (ok is None or ok(v)):
            return v
    return None
