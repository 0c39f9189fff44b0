"""Full-text search over stored documents (SQLite FTS5, bm25 ranking).

What a person types is never handed to FTS5 as syntax: `fts_query` turns it
into quoted strings ANDed together, keeping "quoted phrases" as phrases and
dropping bare operators, so no query can raise an FTS5 syntax error.

Its cost is bounded too: control characters (NUL included) are dropped, text is
NFKC-normalised, terms that repeat (case-insensitively) count once, and at
most MAX_QUERY_CHARS characters and MAX_QUERY_TERMS terms are used. FTS5's cost
grows with every term, so `the the the ...` must not mean 20,000 terms.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from ..model import DocumentRef
from .rows import ref_from_row

# bm25 column weights: a hit in the title counts more than one in the body.
TITLE_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
SNIPPET_TOKENS = 16
MARKS = ("«", "»")

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 16

_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CHUNK = re.compile(r'"([^"]*)"|(\S+)')
_HAS_TERM = re.compile(r"[^\W_]")


@dataclass(slots=True)
class SearchHit:
    """A matching document; higher `score` is better (negated bm25)."""

    document: DocumentRef
    score: float
    snippet: str


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for `text`, or None when it holds no searchable term.

    >>> fts_query('huawei "enterprise business" OR revenue*')
    '"huawei" AND "enterprise business" AND "revenue"'
    >>> fts_query("the The THE the")
    '"the"'
    """
    parts = query_terms(text)
    return " AND ".join('"' + part.replace('"', '""') + '"' for part in parts) or None


def query_terms(text: str) -> list[str]:
    """The words and "phrases" of `text` that a search requires, operators dropped,
    normalised, de-duplicated and capped, so a query's cost is bounded."""
    text = _CONTROL.sub(" ", unicodedata.normalize("NFKC", text[: MAX_QUERY_CHARS * 2]))
    text = text[:MAX_QUERY_CHARS]
    parts: list[str] = []
    seen: set[str] = set()
    for phrase, word in _CHUNK.findall(text):
        if word:
            if word in _OPERATORS:
                continue
            # stray quotes and FTS5 operator characters become separators
            chunk = re.sub(r'["*^():+{}\[\]]', " ", word).strip(" -")
        else:
            chunk = phrase
        chunk = " ".join(chunk.split())
        if _HAS_TERM.search(chunk) and chunk.casefold() not in seen:
            seen.add(chunk.casefold())
            parts.append(chunk)
            if len(parts) >= MAX_QUERY_TERMS:
                break
    return parts


def search(
    conn: sqlite3.Connection, query: str, limit: int = 10, marks: tuple[str, str] = MARKS
) -> list[SearchHit]:
    """The best `limit` documents for `query`, best first, with a highlighted snippet."""
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    rows = conn.execute(
        """
        SELECT d.id, d.title, d.outlet, d.published, d.published_granularity,
               d.published_source, d.source, d.kind,
               bm25(documents_fts, ?, ?) AS rank,
               snippet(documents_fts, -1, ?, ?, '…', ?) AS snippet
        FROM documents_fts JOIN documents AS d ON d.pk = documents_fts.rowid
        WHERE documents_fts MATCH ?
        ORDER BY rank, d.id
        LIMIT ?
        """,
        (TITLE_WEIGHT, TEXT_WEIGHT, marks[0], marks[1], SNIPPET_TOKENS, match, limit),
    ).fetchall()
    return [SearchHit(ref_from_row(r), -r["rank"], r["snippet"]) for r in rows]
