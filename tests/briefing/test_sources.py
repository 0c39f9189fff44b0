"""Sources: a title is never a file name."""

from __future__ import annotations

from storyline.briefing.sources import derive_title, source_refs
from storyline.ingest import document_from_text


def test_untitled_document_is_titled_from_its_text() -> None:
    doc = document_from_text(
        "03:04\nHarbour trust reopens the pier after a year of repairs\nThe pier reopened on Friday.",
        "/tmp/2024-05-21-harbour.txt",
    )
    doc.title = None
    assert derive_title(doc) == "Harbour trust reopens the pier after a year of repairs"


def test_a_file_name_title_is_replaced_and_long_sentences_are_cut() -> None:
    text = (
        "The harbour trust said on Friday that the pier, closed for a year of repairs costing "
        "far more than planned, would reopen to walkers and anglers next week."
    )
    doc = document_from_text(text, "/data/pier.txt")
    doc.title = "pier.txt"
    (ref,) = source_refs([doc])
    assert ref.title and not ref.title.endswith(".txt")
    assert ref.title.endswith("…") and len(ref.title.split()) <= 14
