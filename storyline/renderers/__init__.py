"""Brief -> Markdown, HTML or JSON. One module per format."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import ConfigError
from ..model import Brief

FORMATS = ("markdown", "html", "json")
_ALIASES = {"md": "markdown", "htm": "html"}


def render(brief: Brief, fmt: str = "markdown", texts: Mapping[str, str] | None = None) -> str:
    """Render `brief` as `fmt` ("markdown", "html" or "json").

    `texts` (document id -> clean text) lets the HTML page show each cited
    passage highlighted inside its article.
    """
    fmt = _ALIASES.get(fmt.lower(), fmt.lower())
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(brief)
    if fmt == "html":
        from .html import render_html

        return render_html(brief, texts)
    if fmt == "json":
        from .json import render_json

        return render_json(brief)
    raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def format_for_path(path: str) -> str | None:
    """Guess the format from an output file name (None when unknown)."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {
        "md": "markdown",
        "markdown": "markdown",
        "html": "html",
        "htm": "html",
        "json": "json",
    }.get(suffix)


__all__ = ["FORMATS", "format_for_path", "render"]
