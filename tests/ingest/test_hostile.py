"""Adversarial inputs: each must end as a Document or an InputError, quickly, never a crash."""

from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.ingest import document_from_text

CASES = {
    "deep json": "[" * 50_000,
    "deep html": "<div>" * 5_000 + "text" + "</div>" * 5_000,
    "byline backtracking": "By " + "Aand" * 500 + "!",
    "caps label without speech": "ANNA BELL, " * 800 + "x",
    "nothing but dots": "." * 50_000,
    "one huge word": "a" * 200_000,
    "stripped numbers": "1 2 " * 5_000 + "billion",
    "nested parentheses": "(" * 5_000 + "Photo" + ")" * 5_000,
    "control characters": "Fares\x07 rise\x1b[31m by 12 percent\x00 today.",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_never_crashes(name):
    try:
        doc = document_from_text(CASES[name], name)
    except InputError as exc:
        assert exc.source == name
        return
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]


def test_control_characters_are_removed():
    doc = document_from_text(CASES["control characters"], "ctl.txt")
    assert "\x00" not in doc.text and "\x1b" not in doc.text and "\x07" not in doc.text
