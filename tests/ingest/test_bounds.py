"""Bounds at ingest: run-on sentences are cut, over-long documents refused with a clear message."""

from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.ingest import document_from_text, segment
from storyline.ingest.documents import MAX_DOCUMENT_CHARS
from storyline.ingest.segment import MAX_SENTENCE_CHARS


def test_a_run_on_line_becomes_bounded_sentences_that_cover_it() -> None:
    text = " ".join(f"word{i}" for i in range(20_000))  # ~130k characters, no full stop
    paragraphs, sentences = segment(text)
    assert len(paragraphs) == 1 and len(sentences) > 1
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    covered = " ".join(text[s.start : s.end] for s in sentences)
    assert covered == text  # nothing lost, cuts only at spaces


def test_a_run_on_without_spaces_is_cut_hard() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 3 + 5)
    _, sentences = segment(text)
    assert "".join(text[s.start : s.end] for s in sentences) == text
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS


def test_a_document_over_the_analysis_limit_is_refused_naming_it(monkeypatch) -> None:
    from storyline.ingest import documents

    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 1000)
    with pytest.raises(InputError, match=r"huge\.txt: its text is .* at most 1,000"):
        document_from_text("A sentence about ports. " * 100, "huge.txt")
    assert MAX_DOCUMENT_CHARS == 2_000_000


def test_the_analysis_refuses_an_over_long_stored_document_clearly(monkeypatch) -> None:
    from storyline.analysis import pipeline

    doc = document_from_text("A sentence about ports. " * 10, "long.txt")
    monkeypatch.setattr(pipeline, "MAX_LENGTH", 100)
    with pytest.raises(InputError, match=r"long\.txt"):
        list(pipeline.analyze([doc], components=[]))
