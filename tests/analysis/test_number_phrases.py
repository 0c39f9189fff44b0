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


def test_scale_abbreviations_with_and_without_a_space():
    assert _read("Exports fell by 11m barrels a day after the strike.") == [(11e6, 0, False)]
    assert _read("The refinery sold 3.3 m barrels last quarter.") == [(3.3e6, 0, False)]
    assert _read("Nearly 3.3m households lost power.") == [(3.3e6, 0, True)]
    assert _read("The app now has more than 2bn users.") == [(2e9, 1, False)]
    assert _read("Some 40k fans queued outside.") == [(4e4, 0, True)]
    assert _read("The fund holds 1.2tn dollars in bonds.") == [(1.2e12, 0, False)]


def test_metres_stay_lengths_not_millions():
    assert _read("She ran 400m laps every morning.") == []
    assert _read("A 10 m wall surrounds the compound.") == []
    assert _read("He won the 100m hurdles final.") == []
    # a sports sentence keeps the letter a distance even before a plural
    assert _read("At the Olympic trials he swam 200m lengths in record time.") == []
