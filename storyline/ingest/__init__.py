"""Ingest: raw inputs (files, folders, stdin, URLs, feeds) to clean `Document`s.

    read(inputs)                  -> Iterator[Document | InputError]
    document_from_bytes(data, s)  -> Document   (raises InputError)
    document_from_text(text, s)   -> Document   (raises InputError)
    segment(text)                 -> (paragraphs, sentences)

Shapes (Document.kind): html, webtext, transcript, stripped, json, text;
see `detect.py`. One module per job: sources, detect, encoding, html,
webtext, transcript, repunct, records, pubdate, segment, documents.
"""

from __future__ import annotations

from .detect import detect
from .documents import content_hash, document_from_bytes, document_from_text, documents_from_bytes
from .reader import read
from .segment import segment

__all__ = [
    "content_hash",
    "detect",
    "document_from_bytes",
    "document_from_text",
    "documents_from_bytes",
    "read",
    "segment",
]
