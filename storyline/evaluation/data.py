"""Read Multi-News clusters and turn their articles into Documents.

Two layouts of the same data are read: the LongBench JSONL (`context` holds
the articles as `Passage N:` blocks, newlines written as the token
`NEWLINE_CHAR`, `answers[0]` is the reference) and the Multi-News+ JSONL
(`{idx, summary, documents: [...]}`), plain or gzipped. Articles go through
ingest when it is importable, so its boilerplate cleaning is part of what is
scored; until then a small nupunkt adapter segments them the same way.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document, Sentence, Span

_PASSAGE = re.compile(r"(?:^|\n)Passage \d+:\n")
_NEWLINE_TOKEN = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")


@dataclass(slots=True)
class Cluster:
    """One story: its articles (raw text) and a reference summary."""

    id: str
    articles: list[str]
    reference: str


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _unescape(article: str) -> str:
    return _NEWLINE_TOKEN.sub("\n", article).strip()


def parse_record(record: dict, number: int) -> Cluster:
    """Turn one JSONL record of either layout into a Cluster."""
    if "context" in record:
        articles = [_unescape(a) for a in _PASSAGE.split(record["context"])]
        answers = record.get("answers") or [""]
        return Cluster(str(record.get("_id", number)), [a for a in articles if a], answers[0])
    if "documents" in record:
        articles = [_unescape(a) for a in record["documents"]]
        return Cluster(str(record.get("idx", number)), [a for a in articles if a], record.get("summary", ""))
    raise ValueError("neither 'context' (LongBench) nor 'documents' (Multi-News+)")


def iter_clusters(path: str | Path, limit: int | None = None) -> Iterator[Cluster]:
    """Yield the clusters of a Multi-News JSONL file (optionally gzipped)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with _open(path) as lines:
        number = 0
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if limit is not None and number >= limit:
                return
            try:
                cluster = parse_record(json.loads(line), number)
            except (ValueError, TypeError, AttributeError) as exc:
                raise InputError(f"{path}:{line_no}", str(exc)) from exc
            number += 1
            yield cluster


def segment_text(text: str) -> tuple[list[Span], list[Sentence]]:
    """Paragraphs are lines; sentences come from nupunkt within each line."""
    import nupunkt

    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        number = len(paragraphs)
        paragraphs.append(Span(line.start(), line.end()))
        for start, end in nupunkt.sent_spans(line.group()):
            chunk = line.group()[start:end]
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip())
            if right > left:
                sentences.append(Sentence(line.start() + start + left, line.start() + start + right, number))
    return paragraphs, sentences


def _plain_document(text: str, source: str) -> Document:
    clean = re.sub(r"[ \t]+", " ", text).strip()
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    paragraphs, sentences = segment_text(clean)
    return Document(
        id=digest[:16], source=source, text=clean, kind="webtext",
        paragraphs=paragraphs, sentences=sentences, content_hash=digest,
    )


def cluster_documents(cluster: Cluster) -> list[Document]:
    """Documents for a cluster's articles, through ingest when it is there."""
    try:
        from ..ingest import document_from_text
    except ImportError:
        document_from_text = None
    documents = []
    for number, article in enumerate(cluster.articles):
        source = f"multinews:{cluster.id}:{number}"
        if document_from_text is None:
            documents.append(_plain_document(article, source))
            continue
        try:
            documents.append(document_from_text(article, source))
        except InputError:
            continue  # an article ingest rejects (empty after cleaning) is left out
    return documents
