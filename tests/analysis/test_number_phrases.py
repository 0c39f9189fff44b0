"""The one reader of numbers with their bounds (`amounts.number_phrases`), which the
divergence detectors compare across documents."""

from __future__ import annotations

from storyline.analysis.amounts import approximate, number_phrases, rounding, stated_bound


def _read(sentence: str) -> list[tuple[float, int, bool]]:
    return [(p.value, p.bound, p.hedged) for p in number_phrases(sentence)]


def test_numbers_with_their_bounds_and_hedges():
    assert _read("Police said at least nine people were arrested.") == [(9.0, 1, False)]
    assert _read("As many as 20 women were brought to the hotel.") == [(20.0, -1, False)]
    assert _read("The slick grew to about 580 sq miles overnight.") == [(580.0, 0, True)]
    assert _read("It came within 3.7 million miles of Earth.") == [(3.7e6, 0, False)]


def test_years_labels_and_clock_times_are_no_numbers():
    assert _read("In 2010 the rig sank near Flight 8501 at 9 p.m. on the coast.") == []
    # a figure written with a thousands comma is never a year
    assert _read("The oil now covers 1,800 square miles of water.") == [(1800.0, 0, False)]


def test_bounds_hedges_and_rounding():
    assert stated_bound("more than 30 vessels") == 1
    assert stated_bound("fewer than ten") == -1
    assert stated_bound("about 65 miles") == 0 and approximate("about 65 miles")
    assert rounding("four million") == 500_000
    assert rounding("3.9 million miles") == 50_000
    assert rounding("580 sq miles", unit=2.0) == 1.0
    assert rounding("$3.2bn", factor=1e9) == 0.05e9
