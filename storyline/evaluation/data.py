"""Multi-News clusters as Storyline Documents, for the summary harness.

The records are read by `storyline.ingest.multinews` (LongBench and
Multi-News+ layouts) and every article goes through ingest's
`document_from_text`, so boilerplate cleaning and sentence splitting are the
ones Storyline uses on real input, and every system is scored on them.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ingest import document_from_text, segment
from ..ingest.multinews import iter_clusters as _iter_records
from ..model import Document


@dataclass(slots=True)
class Cluster:
    """One story: its articles (raw text) and a reference summary."""

    id: str
    articles: list[str]
    reference: str


def iter_clusters(path: str | Path, limit: int | None = None, skip: int = 0) -> Iterator[Cluster]:
    """Yield `limit` (default all) clusters of a Multi-News JSONL(.gz) file, after the first `skip`."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    try:
        for cluster_id, articles, reference in itertools.islice(
            _iter_records(path), skip, None if limit is None else skip + limit
        ):
            yield Cluster(cluster_id, articles, reference)
    except (json.JSONDecodeError, UnicodeDecodeError, OSError, AttributeError, TypeError) as exc:
        raise InputError(str(path), f"not Multi-News JSONL ({exc})") from exc


def cluster_documents(cluster: Cluster) -> list[Document]:
    """Documents for a cluster's articles; an article ingest rejects is left out."""
    documents = []
    for number, article in enumerate(cluster.articles):
        try:
            documents.append(document_from_text(article, f"multinews:{cluster.id}:{number}"))
        except InputError:
            continue
    return documents


def sentence_lines(text: str) -> str:
    """One sentence per line (what ROUGE-Lsum expects), split like the articles."""
    text = " ".join(text.split())
    _, sentences = segment(text)
    return "\n".join(text[s.start : s.end] for s in sentences)
