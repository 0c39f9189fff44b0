"""Raw HTML pages: main text and metadata via trafilatura.

trafilatura finds the article body and reads title, author, site name and
date from the page's metadata. Its output is plain text, so markup, scripts
and event handlers never reach the clean text. Date search stays on the
page's markup and URL (no guessing from body text): a wrong date is worse
than none.

When trafilatura and lxml give nothing (lxml stops at deep nesting, such as
50,000 nested divs), a flat streaming parse (the standard library's
HTMLParser, which keeps no tree) still finds the visible text; every failure
along the way is logged with its cause, never swallowed.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import trafilatura

from ..errors import InputError
from .cleaned import Cleaned, join_paragraphs
from .plaintext import lines

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HIDDEN = {"script", "style", "head", "template", "noscript", "svg", "iframe", "object"}
_BLOCKS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "blockquote", "pre", "table", "ul", "ol", "header", "footer", "figcaption", "dd", "dt",
}  # fmt: skip

log = logging.getLogger(__name__)


def clean_html(html: str, source: str, *, url: str | None = None) -> Cleaned:
    """Extract the article of a page; InputError when it holds no text at all."""
    page_url = url or (source if source.startswith(("http://", "https://")) else None)
    found = _extract(html, page_url)
    text = found.text if found is not None and found.text else ""
    if not text.strip():
        # No article-like body: fall back to all visible text (still markup-free).
        try:
            text = trafilatura.html2txt(html) or ""
        except Exception as exc:  # lxml raises assorted errors on hostile markup
            log.warning("%s: html2txt failed (%s: %s)", source, type(exc).__name__, exc)
            text = ""
    if not text.strip():
        log.warning("%s: trafilatura and lxml found no text; using a flat parse", source)
        text = flat_text(html)
    paragraphs = lines(text)
    title = _clean(found.title) if found is not None else None
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise InputError(source, "no article text found in the HTML")
    return Cleaned(
        join_paragraphs(paragraphs),
        title=title,
        author=_clean(found.author) if found is not None else None,
        outlet=_clean(found.sitename) if found is not None else None,
        date=found.date if found is not None else None,
        url=(found.url if found is not None and found.url else page_url),
    )


def looks_like_html(text: str) -> bool:
    """Markup, not text: a doctype/html tag up front or several block tags."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return (
        len(
            re.findall(
                r"</?(?:p|div|span|a|br|body|head|article|section|script|li|h[1-6])\b",
                text[:20000],
                re.I,
            )
        )
        >= 5
    )


def _extract(html: str, url: str | None):
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # lxml/trafilatura raise assorted errors on hostile markup
        log.warning("trafilatura failed on %s (%s: %s)", url or "a page", type(exc).__name__, exc)
        return None


class _FlatText(HTMLParser):
    """Visible text, one line per block element, with no tree (so no depth limit)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def flat_text(html: str) -> str:
    """The visible text of `html` by a flat streaming parse (see module docstring)."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    return "\n".join(" ".join(line.split()) for line in "".join(parser.parts).split("\n"))


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _same(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()
