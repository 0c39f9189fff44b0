"""Renderers on a hand-built brief: every format, escaping, schema validity."""

from __future__ import annotations

import json

import jsonschema
import pytest

from storyline.model import (
    Brief,
    Citation,
    Divergence,
    DocumentRef,
    Entity,
    Figure,
    Quote,
    SpeakerQuotes,
    SummarySentence,
    TimelineEvent,
)
from storyline.renderers import format_for_path, render
from storyline.renderers.html import marked_segments
from storyline.renderers.json import brief_to_json_dict, schema

TEXT = "Acme opened a plant. <script>alert(1)</script> It cost $5 million, said Jo Bloggs."


def make_brief() -> Brief:
    c1 = Citation("d1", 0, 20, TEXT[0:20])
    c2 = Citation("d1", 48, 84, TEXT[48:84])
    return Brief(
        title="Brief: Acme",
        generated="2026-11-22T00:00:00+00:00",
        documents=[
            DocumentRef(
                "d1",
                "Acme <b>news</b>",
                "Gazette",
                "2024-05-01",
                "day",
                "metadata",
                "a.html",
                "html",
            )
        ],
        summary=[SummarySentence("Acme opened a plant.", [c1], support=2)],
        timeline=[TimelineEvent("2024-05", "month", "Acme opened a plant.", [c1], 1, False)],
        quotes=[
            SpeakerQuotes(
                "Jo Bloggs",
                "person",
                "chief executive",
                "Acme",
                [
                    Quote(
                        "It cost $5 million",
                        True,
                        "Jo Bloggs",
                        "person",
                        "chief executive",
                        "Acme",
                        "said",
                        [c2],
                    )
                ],
            )
        ],
        figures=[
            Figure(
                "$5 million",
                5.0,
                "USD",
                "million",
                "cost of the plant",
                "2024",
                "Acme",
                "Jo Bloggs",
                "actual",
                [c2],
            )
        ],
        entities=[Entity("Acme", "ORG", ["Acme", "Acme Corp"], 2, 1, citations=[c1])],
        divergences=[
            Divergence("figure", "Sources disagree on the cost: $5 million vs $6 million", [c2])
        ],
        notes=["a note"],
    )


@pytest.mark.parametrize("fmt", ["markdown", "md", "html", "json"])
def test_render_every_format_mentions_every_section(fmt: str) -> None:
    text = render(make_brief(), fmt, {"d1": TEXT})
    for needle in (
        "Acme opened a plant.",
        "Jo Bloggs",
        "$5 million",
        "cost of the plant",
        "Acme Corp",
    ):
        assert needle in text


def test_render_unknown_format_is_a_clear_error() -> None:
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        render(make_brief(), "pdf")


def test_render_html_escapes_article_text() -> None:
    page = render(make_brief(), "html", {"d1": TEXT})
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<b>news</b>" not in page
    assert "<script" not in page.lower().replace("&lt;script", "")


def test_render_html_links_citation_to_highlighted_passage() -> None:
    page = render(make_brief(), "html", {"d1": TEXT})
    assert 'href="#p-d1-0-20"' in page
    assert '<span id="p-d1-0-20"></span><mark>Acme opened a plant.</mark>' in page


def test_render_markdown_escapes_markup_and_cites_sources() -> None:
    md = render(make_brief(), "markdown")
    assert "<b>" not in md
    assert "[[1]](#source-1" in md
    assert "(2 sources)" in md


def test_render_json_validates_against_published_schema() -> None:
    data = json.loads(render(make_brief(), "json"))
    jsonschema.validate(data, schema())
    assert data["summary"][0]["citations"][0] == {
        "document": "d1",
        "start": 0,
        "end": 20,
        "text": "Acme opened a plant.",
    }


def test_schema_rejects_a_summary_sentence_without_citations() -> None:
    data = brief_to_json_dict(make_brief())
    data["summary"][0]["citations"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_marked_segments_cover_text_exactly() -> None:
    text = "abcdefghij"
    segs = marked_segments(text, [Citation("d", 2, 5), Citation("d", 4, 8)])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.marked] == ["cd", "e", "fgh"]


@pytest.mark.parametrize(
    "path,fmt", [("a.md", "markdown"), ("b.HTML", "html"), ("c.json", "json"), ("d.txt", None)]
)
def test_format_for_path(path: str, fmt: str | None) -> None:
    assert format_for_path(path) == fmt
