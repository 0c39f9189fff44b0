from __future__ import annotations

import gzip
import json

import pytest
from ingest_examples import ARTICLE_HTML, HOSTILE_HTML, MALFORMED_HTML

from storyline.errors import InputError
from storyline.ingest import document_from_bytes, document_from_text
from storyline.ingest.html import clean_html


def test_html_main_text_and_metadata():
    doc = document_from_text(ARTICLE_HTML, "page.html")
    assert doc.kind == "html"
    assert doc.title == "Port city opens new ferry terminal"
    assert doc.outlet == "Harbour Daily"
    assert doc.author == "Mira Castell"
    assert (doc.published, doc.published_granularity, doc.published_source) == (
        "2021-03-04",
        "day",
        "metadata",
    )
    assert doc.text.startswith("The port authority opened a new ferry terminal on Wednesday")
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert (
        doc.text.count("Port city opens new ferry terminal") == 0
    )  # the headline is the title, not body


def test_hostile_html_leaves_no_live_markup():
    doc = document_from_text(HOSTILE_HTML, "evil.html")
    assert "raise ferry fares by twelve percent" in doc.text
    assert "phased in over two years" in doc.text
    lowered = doc.text.lower()
    for bad in (
        "document.cookie",
        "alert(",
        "javascript:",
        "onerror",
        "onload",
        "<iframe",
        "<img",
        "<svg",
        "background:",
    ):
        assert bad not in lowered
    assert "<script>" in doc.text  # only the escaped words the article itself shows
    assert "&lt;" not in doc.text


def test_malformed_html_does_not_crash():
    cleaned = clean_html(MALFORMED_HTML, "broken.html")
    assert "Unclosed paragraph about the ferry vote" in cleaned.text
    assert "<" not in cleaned.text


def test_html_without_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text") as err:
        document_from_text(
            "<html><head><script>var x = 1;</script></head><body><div></div></body></html>",
            "empty.html",
        )
    assert err.value.source == "empty.html"


def test_real_pages_are_detected_and_extracted(shared_dir):
    folder = shared_dir / "eval" / "html_extraction"
    if not folder.is_dir():
        pytest.skip("html_extraction set absent")
    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = sorted((folder / "html").glob("*.html.gz"))[:6]
    for page in pages:
        with gzip.open(page) as f:
            doc = document_from_bytes(f.read(), str(page))
        assert doc.kind == "html"
        expected = truth[page.name.split(".")[0]]["articleBody"]
        first_words = " ".join(expected.split()[:6])
        assert first_words[:20] in " ".join(doc.text.split()) or doc.title, page.name
        assert doc.sentences and doc.published_source in (None, "metadata")


def test_deeply_nested_markup_still_gives_its_text_and_logs_why(caplog) -> None:
    import logging

    from storyline.ingest.html import clean_html

    sentence = "The harbour authority approved the new ferry terminal on Monday after a debate."
    html = (
        "<html><head><title>x</title><script>var secret = 1;</script></head><body>"
        + "<div>" * 50_000
        + f"<p>{sentence}</p><p>Work starts in spring.</p>"
        + "</div>" * 50_000
        + "</body></html>"
    )
    with caplog.at_level(logging.WARNING, logger="storyline.ingest.html"):
        cleaned = clean_html(html, "deep.html")
    assert sentence in cleaned.text and "Work starts in spring." in cleaned.text
    assert "secret" not in cleaned.text
    assert any("flat parse" in r.getMessage() for r in caplog.records)
