"""Multi-News clusters for the summary harness and the ingest benchmark.

Reads both releases: LongBench's JSONL (`context` holds "Passage 1:\\n..."
articles whose newlines are the literal token NEWLINE_CHAR, `answers[0]` is
the reference summary) and Multi-News+ JSONL or JSONL.gz (`{idx, summary,
documents: [...]}`). Yields (cluster_id, articles, reference_summary).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

_PASSAGE = re.compile(r"(?:^|\n)Passage \d+:\n")
_NEWLINE_TOKEN = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")


def iter_clusters(path: str | Path) -> Iterator[tuple[str, list[str], str]]:
    """(cluster_id, article texts, reference summary) for each line of a Multi-News JSONL(.gz)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            record = json.loads(line)
            if "context" in record:  # LongBench
                articles = [a for a in _PASSAGE.split(record["context"]) if a.strip()]
                answers = record.get("answers") or [""]
                cluster_id, summary = str(record.get("_id", n)), answers[0]
            else:  # Multi-News+
                articles = [a for a in record.get("documents", []) if a and a.strip()]
                cluster_id, summary = str(record.get("idx", n)), record.get("summary", "")
            yield (
                cluster_id,
                [restore_newlines(a).strip() for a in articles],
                restore_newlines(summary).strip(),
            )


def restore_newlines(text: str) -> str:
    """Multi-News writes newlines as the token NEWLINE_CHAR."""
    return _NEWLINE_TOKEN.sub("\n", text)
