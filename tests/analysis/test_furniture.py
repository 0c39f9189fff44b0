"""Sentence-level furniture: a widget glued into a paragraph is skipped, the reporting kept."""

from __future__ import annotations

from storyline.analysis.furniture import furniture_spans, inside
from storyline.ingest import document_from_text


def test_furniture_sentence_inside_a_long_paragraph_is_skipped_alone():
    # One paragraph: reporting, then a comments-box notice the scrape ran into it.
    text = (
        "The harbour ferry ran again on Monday after a week of storms kept it in port. "
        "Passengers queued from dawn, and the first boat left full at seven. "
        "Guidelines: please keep your comments on the harbour civil and on topic. "
        "The operator said a second boat would join the route in June.\n"
    )
    doc = document_from_text(text, "example.txt", as_kind="text")
    spans = furniture_spans(doc)
    skipped = [doc.sentence_text(s) for s in doc.sentences if inside(spans, s.start)]
    assert skipped == ["Guidelines: please keep your comments on the harbour civil and on topic."]


def test_article_without_furniture_has_no_spans():
    text = (
        "The harbour ferry ran again on Monday after a week of storms kept it in port.\n\n"
        "Copyright law lets the photographer decide who may print the harbour pictures.\n"
    )
    doc = document_from_text(text, "example.txt", as_kind="text")
    assert furniture_spans(doc) == []


def test_link_boxes_and_reprint_notices_inside_a_line_are_furniture():
    text = (
        "A Marlow mother was arrested on Tuesday. [SEE THESE? Notable deaths | Rita Vale: "
        "a life in pictures | Pets] She was released on bail.\n\n"
        "Harbor Reprints: This copy is for your personal, non-commercial use only.\n"
    )
    doc = document_from_text(text, "example.txt", as_kind="text")
    spans = furniture_spans(doc)
    assert inside(spans, text.index("Rita Vale")) and inside(spans, text.index("Harbor"))
    assert not inside(spans, text.index("A Marlow")) and not inside(spans, text.index("She was"))
