"""Which shape an input is: html, json, transcript, stripped, webtext or text.

Detection looks at the text itself (plus an HTTP content type), cheapest
and most certain first: JSON parses, HTML has tags, a transcript has
timestamps and CAPS speaker labels, stripped text has almost no
punctuation, webtext has page furniture. Anything else is plain text.
"""

from __future__ import annotations

import re

from ..model import Kind
from .html import looks_like_html
from .plaintext import lines
from .records import looks_like_json
from .transcript import STAGE_DIRECTION, TIMESTAMP_LINE, label_counts
from .webtext import boilerplate_signals

_PUNCT = re.compile(r"[.,;:!?\"“”]")
_STRIPPED_MARKS = re.compile(r"(?:\w s|n t|\bU S)\b")  # "company s", "isn t", "U S"
_SAMPLE_LINES = 400


def detect(text: str, *, content_type: str | None = None) -> Kind:
    """Guess the shape of `text` (see module docstring)."""
    ctype = (content_type or "").lower()
    if looks_like_json(text):
        return "json"
    if "html" in ctype or looks_like_html(text):
        return "html"
    sample = lines(text[:200_000])[:_SAMPLE_LINES]
    if not sample:
        return "text"
    if _is_transcript(sample):
        return "transcript"
    if _is_stripped(sample):
        return "stripped"
    if boilerplate_signals(sample) >= 2:
        return "webtext"
    return "text"


def _is_transcript(sample: list[str]) -> bool:
    """Speaker labels with timestamps or stage directions, two "NAME, ROLE \"...\"" labels,
    or a dialogue of colon labels where someone speaks more than once."""
    quoted, colon, most = label_counts(sample)
    cues = sum(1 for line in sample if TIMESTAMP_LINE.match(line) or STAGE_DIRECTION.match(line))
    return (
        (quoted + colon >= 1 and cues >= 1)
        or quoted >= 2
        or (colon >= 3 and most >= 2)
        or cues >= 3
    )


def _is_stripped(sample: list[str]) -> bool:
    """Few punctuation marks per word and the tell-tale "company s" / "isn t" / "U S"."""
    body = " ".join(sample)
    words = len(body.split())
    if words < 20:
        return False
    marks = len(_PUNCT.findall(body))
    stripped_marks = len(_STRIPPED_MARKS.findall(body))
    return marks / words < 0.02 and (stripped_marks >= 1 or words >= 200)
