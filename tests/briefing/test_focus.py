"""`--focus` matches by stem and close variants."""

from __future__ import annotations

from storyline.briefing.focus import expand, focus_terms, matches


def test_focus_costs_finds_cost_lines() -> None:
    terms = focus_terms("costs")
    assert matches("The cost of the new pier rose again.", terms)
    assert matches("Costing the repairs took a year.", terms)
    assert not matches("The coast road reopened.", terms)


def test_expand_adds_the_coverage_variants_of_each_focus_word() -> None:
    texts = ["The cost rose.", "Repairs costing £300,000.", "Costa Rica"]
    words = expand("repair costs", texts).split()
    assert {"cost", "costing", "repairs"} <= set(words)
    assert "costa" not in words


def test_no_focus_matches_nothing() -> None:
    assert focus_terms(None) == frozenset()
    assert not matches("anything", frozenset())
