"""Helpers for the store tests: hand-built Documents (no spaCy) and file dumps."""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
from pathlib import Path

from storyline.model import Document, Sentence, Span

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def build_doc(text: str, id: str | None = None, source: str = "test.txt", **fields) -> Document:
    """A Document with one paragraph per blank-line block and regex-split sentences."""
    paragraphs, sentences = [], []
    for p_idx, block in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        paragraphs.append(Span(block.start(), block.end()))
        for m in _SENTENCE.finditer(block.group()):
            lead = len(m.group()) - len(m.group().lstrip())
            start, end = block.start() + m.start() + lead, block.start() + m.end()
            if end > start:
                sentences.append(Sentence(start, end, p_idx))
    return Document(
        id=id or hashlib.sha256(text.encode()).hexdigest()[:16],
        source=source,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        **fields,
    )


_VOCAB = [
    "council",
    "budget",
    "river",
    "bridge",
    "mayor",
    "vote",
    "plan",
    "school",
    "water",
    "energy",
    "company",
    "shares",
    "market",
    "report",
    "minister",
    "police",
    "court",
    "judge",
    "hospital",
    "storm",
    "flood",
    "village",
    "road",
    "train",
    "airport",
    "price",
    "union",
    "strike",
    "workers",
    "museum",
    "festival",
    "harbour",
    "factory",
    "farm",
    "election",
    "tax",
    "housing",
    "rent",
    "library",
    "park",
    "station",
    "contract",
    "engineer",
    "doctor",
    "teacher",
    "protest",
    "crowd",
    "officials",
    "record",
]


def article(seed: int, words: int = 200) -> str:
    """A deterministic made-up article of `words` words; different seeds share few 3-shingles."""
    rng = random.Random(seed)
    out = []
    for i in range(words):
        word = rng.choice(_VOCAB)
        out.append(word + ("." if i % 12 == 11 else ""))
    text = " ".join(out)
    return text[0].upper() + text[1:]


def dump(path: Path) -> list[str]:
    """Every row of every table (FTS shadow tables included), for before/after comparisons."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
