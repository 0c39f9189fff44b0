"""Markdown output: syntax that comes from articles stays text (no live links, images, code)."""

from __future__ import annotations

import markdown_it
import pytest

from storyline.renderers.markdown import _esc

HOSTILE = [
    "[click me](javascript:alert(1))",
    "![](http://tracker.example/pixel.gif)",
    "<script>alert(1)</script>",
    "[ref]: http://evil.example",
    "**bold** _em_ `code` ~~gone~~ | cell",
    "line one\n\n# heading\n- item",
]


def _html(md: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(md)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_article_text_renders_as_plain_text(text: str) -> None:
    html = _html(f"- {_esc(text)}")
    for live in ("<a ", "<img", "<script", "<strong", "<em", "<code", "<del", "<h1"):
        assert live not in html, (text, html)
    assert "javascript:" not in html or "href" not in html


def test_brief_markdown_keeps_article_links_inert() -> None:
    from storyline.model import Brief, DocumentRef, SummarySentence

    ref = DocumentRef(
        id="d1",
        title="[x](javascript:alert(1))",
        outlet=None,
        published=None,
        published_granularity=None,
        published_source=None,
        source="evil`.html",
        kind="html",
    )
    brief = Brief(
        title="t",
        generated="2026-01-01T00:00:00+00:00",
        documents=[ref],
        summary=[SummarySentence(text="![](http://tracker.example/p.gif) said", citations=[])],
    )
    from storyline.renderers import render

    html = _html(render(brief, "markdown"))
    assert "<img" not in html and 'href="javascript' not in html
