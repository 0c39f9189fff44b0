"""The numbers table quotes the source's words where a figure's measure does not stand alone."""

from __future__ import annotations

import json

import jsonschema
import pytest

from storyline.model import Brief, Citation, DocumentRef, Figure
from storyline.renderers import render
from storyline.renderers.json import schema

TEXT = "Clinton won the support of women (61 percent), according to CNN. Sales rose 5%."


def brief() -> Brief:
    cite = Citation("d1", 0, 64, TEXT[0:64])
    return Brief(
        title="Brief: Clinton",
        generated="2026-01-01T00:00:00+00:00",
        documents=[DocumentRef("d1", "A poll", "Gazette", None, None, None, "a.txt", "text")],
        figures=[
            Figure(
                "61 percent",
                61.0,
                "percent",
                measure=None,
                citations=[cite],
                context="Clinton won the support of women (61 percent)",
            ),
            Figure("5%", 5.0, "percent", measure="rise in sales", citations=[cite]),
        ],
    )


def test_markdown_shows_the_quoted_source_words_in_place_of_a_missing_measure() -> None:
    md = render(brief(), "markdown")
    row = next(line for line in md.splitlines() if line.startswith("| 61 percent"))
    assert row.split("|")[2].strip() == "“Clinton won the support of women (61 percent)”"
    row = next(line for line in md.splitlines() if line.startswith("| 5%"))
    assert row.split("|")[2].strip() == "rise in sales"  # a measure that stands is kept


def test_html_quotes_the_source_words_as_a_quotation() -> None:
    page = render(brief(), "html", {"d1": TEXT})
    assert '<q class="source-words">Clinton won the support of women (61 percent)</q>' in page
    assert "<td>rise in sales</td>" in page


def test_json_carries_the_context_beside_the_measure_and_validates() -> None:
    data = json.loads(render(brief(), "json"))
    jsonschema.validate(data, schema())
    first, second = data["figures"]
    assert first["measure"] is None
    assert first["context"] == "Clinton won the support of women (61 percent)"
    assert second["context"] is None and second["measure"] == "rise in sales"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_figure_with_neither_measure_nor_context_renders_an_empty_cell(fmt: str) -> None:
    b = brief()
    b.figures[0].context = None
    assert "61 percent" in render(b, fmt, {"d1": TEXT})


def test_every_renderer_says_a_target_was_superseded() -> None:
    b = brief()
    b.figures[1].status = "target"
    b.figures[1].superseded = True
    md = render(b, "markdown")
    assert next(r for r in md.splitlines() if r.startswith("| 5%")).split("|")[6].strip() == (
        "target (superseded)"
    )
    assert "<td>target (superseded)</td>" in render(b, "html", {"d1": TEXT})
    data = json.loads(render(b, "json"))
    jsonschema.validate(data, schema())
    assert [f["superseded"] for f in data["figures"]] == [False, True]
