"""The update brief's `since`: the day after the latest earlier document, or none at all."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.watch.updates import _md, _next, choose_since


def _doc(published: str | None) -> Document:
    return Document(id=f"d{published}", source="x", text="t", published=published)


@pytest.mark.parametrize(
    ("prefix", "after"),
    [
        ("2026-04-14", "2026-04-15"),
        ("2026-12-31", "2027-01-01"),
        ("2026-12", "2027-01"),
        ("2026", "2027"),
    ],
)
def test_updates_next(prefix, after):
    assert _next(prefix) == after


def test_updates_choose_since():
    earlier = [_doc("2026-03-02"), _doc("2026-04-14"), _doc(None)]
    assert choose_since([_doc("2026-05-20"), _doc("2026-06-30")], earlier) == "2026-04-15"
    # a back-dated, same-day or undated new document: brief the new ones alone
    assert choose_since([_doc("2026-04-14")], earlier) is None
    assert choose_since([_doc("2026-05-20"), _doc(None)], earlier) is None
    assert choose_since([_doc("2026-05-20")], []) is None


def test_updates_markdown_escapes_article_text():
    assert _md("[x](javascript:alert(1)) ![](http://t/x.gif) <b>") == (
        "\\[x\\]\\(javascript:alert\\(1\\)\\) \\!\\[\\]\\(http://t/x.gif\\) \\<b\\>"
    )
