"""Renderers on a hand-built story-shaped brief: lede, narrative by period,
developments, key players, divergence sides, caps and counts, in every format."""

from __future__ import annotations

import json

import jsonschema
import pytest

from storyline.model import (
    Brief,
    Citation,
    Development,
    Divergence,
    DocumentRef,
    KeyPlayer,
    NarrativeLine,
    Statement,
    StoryRef,
    SummarySentence,
)
from storyline.renderers import render
from storyline.renderers.json import schema

A = "Ferro Rail said it would not bid for the northern line. The bid was due in May."
B = "Ferro Rail has now bid for the northern line, its chief said on Monday."


def story_brief() -> Brief:
    ca = Citation("a", 0, 56, A[:56])
    cb = Citation("b", 0, 58, B[:58])
    refs = [
        DocumentRef(
            "a", "Ferro stays out", "The Ledger", "2013-04-02", "day", "metadata", "a.txt", "text"
        ),
        DocumentRef("b", None, None, "2014-06", "month", "text", "b.txt", "webtext"),
    ]
    refs[1].title = "Ferro Rail bids after all"
    before = Statement("Ferro Rail would not bid for the northern line.", "2013-04-02", [ca], "a")
    after = Statement("Ferro Rail has now bid for the northern line.", "2014-06", [cb], "b")
    return Brief(
        title="Brief: Ferro Rail",
        generated="2026-11-29T00:00:00+00:00",
        documents=refs,
        lede=[SummarySentence("Ferro Rail has now bid for the northern line.", [cb])],
        narrative=[
            NarrativeLine("Ferro Rail said it would not bid.", "2013-04", "a", [ca], "2013"),
            NarrativeLine("Ferro Rail bid for the line.", "2014-06", "b", [cb], "2014", 2, True),
        ],
        developments=[
            Development("Ferro Rail stance on the northern line", "stance", before, after)
        ],
        key_players=[
            KeyPlayer(
                "Ferro Rail", "ORG", None, None, [SummarySentence("It bid in June.", [cb])], 3.0
            )
        ],
        divergences=[
            Divergence(
                "figure",
                "Sources differ on the bid: £2m vs £3m",
                [ca, cb],
                sides=[
                    Statement("The bid is worth £2m.", "2013-04-02", [ca], "a"),
                    Statement("The bid is worth £3m.", "2014-06", [cb], "b"),
                ],
                strength=0.8,
            )
        ],
        stories=[StoryRef("s1", "Northern line franchise", 2)],
        matched=40,
        used=2,
        since="2014",
        totals={"narrative": 120, "documents": 40},
    )


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_render_story_sections_in_every_format(fmt: str) -> None:
    text = render(story_brief(), fmt, {"a": A, "b": B})
    for needle in (
        "Ferro Rail has now bid for the northern line.",
        "Ferro Rail said it would not bid.",
        "Ferro Rail stance on the northern line",
        "The bid is worth £2m.",
        "The bid is worth £3m.",
        "Northern line franchise",
    ):
        assert needle in text, needle


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_render_lines_show_date_and_source_grouped_by_period(fmt: str) -> None:
    text = render(story_brief(), fmt, {"a": A, "b": B})
    assert "2013-04 · The Ledger" in text
    assert "2014-06 · Ferro Rail bids after all" in text  # no outlet: the title names it
    assert text.index("2013") < text.index("Ferro Rail said it would not bid.")
    assert text.index("Ferro Rail said it would not bid.") < text.index(
        "Ferro Rail bid for the line."
    )
    # the lede comes before "What happened"
    assert text.index("Ferro Rail has now bid for the northern line.") < text.index("What happened")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_render_capped_sections_give_the_total(fmt: str) -> None:
    text = render(story_brief(), fmt)
    assert "Showing 2 of 120 sentences considered" in text
    assert "--all" in text
    assert "40 sources" in text and "40 matched, 2 used" in text


def test_render_markdown_puts_divergence_sides_side_by_side() -> None:
    md = render(story_brief(), "markdown")
    header = next(line for line in md.splitlines() if line.startswith("| 2013-04-02 · The Ledger"))
    assert "2014-06 · Ferro Rail bids after all" in header
    row = md.splitlines()[md.splitlines().index(header) + 2]
    assert "£2m" in row and "£3m" in row


def test_render_markdown_development_before_then_after() -> None:
    md = render(story_brief(), "markdown")
    before = md.index("before: Ferro Rail would not bid")
    after = md.index("after: Ferro Rail has now bid")
    assert before < after
    assert "(2013-04-02 · The Ledger)" in md[before:after]


def test_render_html_sides_are_boxes_and_new_lines_are_marked() -> None:
    page = render(story_brief(), "html", {"a": A, "b": B})
    assert page.count('class="side"') >= 4  # two development sides, two divergence sides
    assert 'class="new"' in page


def test_render_json_story_sections_validate() -> None:
    data = json.loads(render(story_brief(), "json"))
    jsonschema.validate(data, schema())
    assert data["developments"][0]["before"]["date"] == "2013-04-02"
    assert data["narrative"][1]["new"] is True
    assert data["totals"] == {"narrative": 120, "documents": 40}
    assert data["divergences"][0]["sides"][1]["text"] == "The bid is worth £3m."
