"""The Sources list: each article by outlet, date, title and kind.

A title is never a file name: a document without one (a pasted transcript,
a plain-text file) is titled from its own text, by its first line when that
reads as a headline, else by its first sentence, cut to a dozen words.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Document, DocumentRef

MAX_TITLE_WORDS = 14
_FILE_NAME = re.compile(r"^[\w.-]+\.(?:txt|html?|json|jsonl|md|xml|csv|pdf|docx?)$", re.IGNORECASE)
_NOT_WORDS = re.compile(r"^[\W\d_]*$")  # "03:04", "---", "2018"


def looks_like_file_name(title: str | None) -> bool:
    return bool(title) and bool(_FILE_NAME.match(title.strip()))  # type: ignore[union-attr]


def _cut(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_TITLE_WORDS:
        return " ".join(words).rstrip(".")
    return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "…"


def derive_title(document: Document) -> str | None:
    """A title for `document` from its text: the first headline-like line, else
    its first sentence (cut); None for an empty document."""
    for line in document.text.splitlines()[:5]:
        line = line.strip()
        if not line or _NOT_WORDS.match(line):
            continue
        words = len(line.split())
        if 3 <= words <= 20 and not line.endswith((".", '"', "”")):
            return _cut(line)
        break
    for sentence in document.sentences:
        text = document.sentence_text(sentence).strip()
        if len(text.split()) >= 3 and not _NOT_WORDS.match(text):
            return _cut(text)
    return None


def source_refs(documents: list[Document]) -> list[DocumentRef]:
    """The documents' refs, oldest first, each with a readable title."""
    refs = []
    for doc in documents:
        ref = doc.ref()
        if not ref.title or looks_like_file_name(ref.title):
            ref = dataclasses.replace(ref, title=derive_title(doc) or ref.title)
        refs.append(ref)
    return sorted(refs, key=lambda r: (r.published or "", r.title or ""))
