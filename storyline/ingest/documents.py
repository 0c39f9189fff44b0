"""From text or bytes to a `Document`: detect, clean, date, segment, identify.

This is where the shape cleaners meet: each returns a `Cleaned`, and one
function turns that into the Document every later stage reads (ids from the
normalised clean text, so re-ingesting is idempotent; sentences from
`segment`, tagged with the speaker of the turn they fall in).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import InputError
from ..model import Document, Kind, Sentence, Turn
from . import pubdate
from .cleaned import Cleaned
from .detect import detect
from .encoding import decode, fix_text
from .html import clean_html
from .plaintext import clean_plain
from .records import iter_records
from .repunct import clean_stripped
from .segment import segment
from .transcript import clean_transcript
from .truecase import restore_case
from .webtext import clean_webtext

KINDS: tuple[Kind, ...] = ("html", "webtext", "transcript", "stripped", "text", "json")
# The longest clean text a document may have: spaCy's limit (analysis/nlp.py MAX_LENGTH).
# Longer is a book or a dump, not an article, and would break every brief including it.
MAX_DOCUMENT_CHARS = 2_000_000


def document_from_bytes(
    data: bytes,
    source: str,
    *,
    as_kind: Kind | None = None,
    date: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """One Document from raw bytes (decoded, repaired); InputError naming `source` on failure."""
    return document_from_text(decode(data, source), source, as_kind=as_kind, date=date, meta=meta)


def document_from_text(
    text: str,
    source: str,
    *,
    as_kind: Kind | None = None,
    date: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """One Document from text. A JSON input must hold exactly one record (else use `read`)."""
    found = list(documents_from_text(text, source, as_kind=as_kind, date=date, meta=meta))
    if len(found) != 1:
        raise InputError(
            source, f"holds {len(found)} records; read() yields one Document per record"
        )
    if isinstance(found[0], InputError):
        raise found[0]
    return found[0]


def documents_from_bytes(
    data: bytes,
    source: str,
    *,
    as_kind: Kind | None = None,
    date: str | None = None,
    meta: Mapping[str, Any] | None = None,
    content_type: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from raw bytes: one, or one per record for JSON. Never raises InputError."""
    try:
        text = decode(data, source)
    except InputError as exc:
        yield exc
        return
    yield from documents_from_text(
        text, source, as_kind=as_kind, date=date, meta=meta, content_type=content_type
    )


def documents_from_text(
    text: str,
    source: str,
    *,
    as_kind: Kind | None = None,
    date: str | None = None,
    meta: Mapping[str, Any] | None = None,
    content_type: str | None = None,
) -> Iterator[Document | InputError]:
    """Like `documents_from_bytes` for text already decoded."""
    if as_kind is not None and as_kind not in KINDS:
        yield InputError(source, f"unknown kind {as_kind!r} (one of {', '.join(KINDS)})")
        return
    if not text.strip():
        yield InputError(source, "empty")
        return
    kind = as_kind or detect(text, content_type=content_type)
    if kind != "html":
        text = fix_text(text)
    if kind != "json":
        try:
            yield build(text, source, kind, date=date, meta=meta)
        except InputError as exc:
            yield exc
        return
    for record in iter_records(text, source):
        if isinstance(record, InputError):
            yield record
            continue
        sub = f"{source}#{record.index}"
        try:
            inner = detect(record.text)
            yield build(
                record.text,
                sub,
                "json",
                clean_as=inner,
                date=date,
                meta={**(meta or {}), **record.meta},
            )
        except InputError as exc:
            yield exc


def build(
    text: str,
    source: str,
    kind: Kind,
    *,
    clean_as: Kind | None = None,
    date: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """Clean `text` as `clean_as` (default `kind`) and assemble the Document."""
    meta = dict(meta or {})
    url = meta.pop("url", None)
    cleaned = clean(text, source, clean_as or kind, url=url)
    cleaned.text = restore_case(cleaned.text)  # shouted paragraphs read again (same length)
    if not cleaned.text.strip():
        raise InputError(source, "no text left after cleaning")
    if len(cleaned.text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            source,
            f"its text is {len(cleaned.text):,} characters; a document may have at most "
            f"{MAX_DOCUMENT_CHARS:,} (split it into articles)",
        )
    paragraphs, sentences = segment(cleaned.text)
    turns = cleaned.turns
    _tag_speakers(sentences, turns)
    when = _publication_date(cleaned, text, clean_as or kind, source, date, meta.pop("date", None))
    digest = content_hash(cleaned.text)
    extra = {
        **cleaned.meta,
        **{k: v for k, v in meta.items() if k not in {"title", "outlet", "author"}},
    }
    if clean_as and clean_as != kind:
        extra["text_kind"] = clean_as
    return Document(
        id=digest[:16],
        source=source,
        text=cleaned.text,
        kind=kind,
        title=restore_case(meta.get("title") or cleaned.title or "") or None,
        outlet=meta.get("outlet") or cleaned.outlet,
        author=meta.get("author") or cleaned.author,
        published=when.value if when else None,
        published_granularity=when.granularity if when else None,
        published_source=when.source if when else None,
        url=url or cleaned.url or (source if source.startswith(("http://", "https://")) else None),
        paragraphs=paragraphs,
        sentences=sentences,
        turns=turns,
        content_hash=digest,
        meta=extra,
    )


def clean(text: str, source: str, kind: Kind, *, url: str | None = None) -> Cleaned:
    """Run the cleaner for one shape (text other than HTML arrives repaired by ftfy)."""
    if kind == "html":
        cleaned = clean_html(text, source, url=url)
        cleaned.text = fix_text(cleaned.text)
        cleaned.title = fix_text(cleaned.title) if cleaned.title else None
        return cleaned
    if kind == "webtext":
        return clean_webtext(text)
    if kind == "transcript":
        return clean_transcript(text)
    if kind == "stripped":
        return clean_stripped(text)
    return clean_plain(text)


def content_hash(text: str) -> str:
    """sha256 of the normalised text (NFKC, whitespace collapsed, lower case)."""
    normal = " ".join(unicodedata.normalize("NFKC", text).split()).lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _tag_speakers(sentences: list[Sentence], turns: list[Turn]) -> None:
    """Set `speaker` on each sentence that starts inside a turn (both lists are in order)."""
    t = 0
    for s in sentences:
        while t < len(turns) and turns[t].end <= s.start:
            t += 1
        if t < len(turns) and turns[t].start <= s.start:
            s.speaker = turns[t].speaker


def _publication_date(
    cleaned: Cleaned, raw: str, kind: Kind, source: str, option: str | None, meta_date: Any
) -> pubdate.PubDate | None:
    """Option wins, then metadata, then a dateline in the text, then the file name."""
    if option:
        found = pubdate.parse_date(option, "option")
        if found is None:
            raise InputError(
                source, f"cannot read the date option {option!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        return found
    found = pubdate.parse_date(meta_date, "metadata") or pubdate.parse_date(
        cleaned.date, "metadata"
    )
    if found:
        return found
    is_url = source.startswith(("http://", "https://"))
    named = None if is_url else pubdate.from_filename(source)
    in_text = pubdate.from_text(cleaned.text if kind == "html" else raw)
    if in_text and (named is None or in_text.value.startswith(named.value[:4])):
        return in_text
    return named
