"""Amounts: the number finder split out of figures.py, and the names figures.py still re-exports."""

from __future__ import annotations

import itertools

from storyline.analysis import amounts, figures
from storyline.analysis.amounts import document_amounts, find_amounts


def test_document_amounts_adds_parsed_counts_in_text_order(nlp):
    text = "The plant hired 2,400 workers, spent $80m and laid 5 kilometres of cable by 03:15."
    found = document_amounts(text, nlp(text))
    assert [(a.text, a.kind, a.unit) for a in found] == [
        ("2,400", "count", "people"),
        ("$80m", "money", "USD"),
        ("5 kilometres", "count", "kilometres"),
    ]
    assert [a.text for a in find_amounts(text)] == ["$80m"]  # counts need the parse


def test_document_amounts_never_overlap(nlp):
    text = "Subscribers rose to 3 million, paying 12% more, or $4.5 billion in all."
    found = document_amounts(text, nlp(text))
    assert [a.text for a in found] == ["3 million", "12%", "$4.5 billion"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_figures_module_still_exports_the_amount_helpers():
    for name in ("Amount", "absolute_amount", "amount_range", "find_amounts", "spacy_amounts"):
        assert getattr(figures, name) is getattr(amounts, name)
