"""Quality floor for divergences on held-out Multi-News clusters (bench/gold/multinews-heldout-*).

A small slice of the held-out sets (seconds): the conflicts found there today must
stay found, and a cluster with none must stay empty. The full numbers come from
`bench/precision.py` over `bench/gold/multinews-heldout-*.json` and the files with a
`draw_divergences` record (the seed-1501 and seed-1502 draws).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_floor import GOLD, precision

# gold file -> (least correct, most spurious): an age, a count, three names, nothing;
# a quotation given two ways and an organisation's name; a death toll; and nothing
# (a date of saying, once taken for the date of an event)
FLOORS = {
    "heldout-8d81": (1, 0),
    "heldout-cef9": (1, 0),
    "heldout-f51e": (3, 0),
    "heldout-86cc": (0, 0),
    "277c": (2, 0),
    "6507": (1, 0),
    "bad1": (0, 0),
}


@pytest.mark.parametrize("cluster", sorted(FLOORS))
def test_divergence_floor_on_held_out_clusters(shared_dir: Path, cluster: str) -> None:
    gold = GOLD / f"multinews-{cluster}.json"
    result = precision.evaluate(gold)  # its inputs name ../shared, which shared_dir checks
    row = result["scores"]["divergences"].row()
    least, most_wrong = FLOORS[cluster]
    assert row["correct"] >= least, row
    assert row["system"] - row["correct"] <= most_wrong, row


# Timeline17 and PolNeAR groups of the diverge6 draws (several outlets on one day, an
# article days later): a misspelling inside one article found, and three groups with
# nothing to report (revisions over days must not read as conflicts) kept empty.
OTHER_FLOORS = {
    "polnear-div-2602-clinton-emails": (1, 0),
    "timeline17-div-2605-h1n1": (1, 0),  # cases worldwide told three ways (measure_pairs)
    "timeline17-div-2606-h1n1": (0, 0),
    "timeline17-div-2705-haiti": (0, 0),  # "2 hrs ago", "Haiti"/"Haitian" (draw 3, after use)
    "timeline17-div-2601-h1n1": (0, 0),
    "timeline17-div-2605-bpoil": (0, 0),
    "timeline17-div-2601-bpoil": (0, 0),
    # WHO's world deaths and cases told two ways one day (draw 4, after use)
    "timeline17-div-2802-h1n1": (2, 0),
    "timeline17-div-2801-bpoil": (0, 0),  # flows written with an aside, earlier estimates
    # tolls named before a range ("the number of dead could be between ..."), and a toll
    # of "Tuesday's earthquake" dated by the quake (draw 5, eighth session, after use)
    "timeline17-div-2904-haiti": (2, 0),
}


@pytest.mark.parametrize("name", sorted(OTHER_FLOORS))
def test_divergence_floor_on_event_groups(shared_dir: Path, name: str) -> None:
    result = precision.evaluate(GOLD / f"{name}.json")
    least, most_wrong = OTHER_FLOORS[name]
    for section in ("divergences", "developments"):
        row = result["scores"][section].row()
        assert row["system"] - row["correct"] <= most_wrong, (section, row)
    assert result["scores"]["divergences"].row()["correct"] >= least


# Revisions found by what the counts measure (`compare.measure_pairs`): deaths in Mexico
# told in unlike sentences five days apart; cases in the UK, Mexico and the US three days
# apart (draw 3, after use); a spill's flow (draw 1, seventh session).
DEVELOPMENT_FLOORS = {
    "timeline17-div-2606-h1n1": 1,
    "timeline17-div-2701-h1n1": 3,
    # the spill's flow 1,000 -> "up to 5,000 barrels a day" (a volume let out), told once
    "timeline17-div-2604-bpoil": 1,
}


@pytest.mark.parametrize("name", sorted(DEVELOPMENT_FLOORS))
def test_development_floor_on_event_groups(shared_dir: Path, name: str) -> None:
    row = precision.evaluate(GOLD / f"{name}.json")["scores"]["developments"].row()
    assert row["correct"] >= DEVELOPMENT_FLOORS[name], row
    assert row["system"] == row["correct"], row
