"""Raw HTML pages: main text and metadata via trafilatura.

trafilatura finds the article body and reads title, author, site name and
date from the page's metadata. Its output is plain text, so markup, scripts
and event handlers never reach the clean text. Date search stays on the
page's markup and URL (no guessing from body text): a wrong date is worse
than none.
"""

from __future__ import annotations

import re

import trafilatura

from ..errors import InputError
from .cleaned import Cleaned, join_paragraphs
from .plaintext import lines

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def clean_html(html: str, source: str, *, url: str | None = None) -> Cleaned:
    """Extract the article of a page; InputError when it holds no text at all."""
    page_url = url or (source if source.startswith(("http://", "https://")) else None)
    found = _extract(html, page_url)
    text = found.text if found is not None and found.text else ""
    if not text.strip():
        # No article-like body: fall back to all visible text (still markup-free).
        text = trafilatura.html2txt(html) or ""
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
    except Exception:  # lxml/trafilatura raise assorted errors on hostile markup
        return None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _same(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()
