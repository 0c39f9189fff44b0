"""Quality floor: timeline events on two Multi-News clusters (bench/gold/multinews-events-*)
and two PolNeAR groups read with their publication dates (bench/gold/polnear-events-*).

A small slice of `bench/precision.py` on articles that carry no publication date, so
relative dates must be placed by the article's own full dates; skips without ../shared.
The full numbers, and which are blind, are in BENCHMARKS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_floor import assert_floor

# (gold file, precision floor, recall floor): a little under today's scores
FLOORS = [
    ("multinews-events-32ad.json", 0.95, 0.6),  # 6 of 6, recall 6 of 9
    ("multinews-events-e614.json", 0.95, 0.6),  # 2 of 2, recall 3 of 3
]


@pytest.mark.parametrize("name, p, r", FLOORS)
def test_events_floor_on_held_out_multinews(shared_dir: Path, name: str, p: float, r: float):
    assert_floor(name, "events", p, r)  # its inputs are in ../shared


# PolNeAR articles with real publication dates; 1901-0 needs a described person named
# ("The former Florida governor [Jeb Bush]", "The former Heisman Trophy winner [Herschel Walker]")
POLNEAR_FLOORS = [
    ("polnear-events-1901-0.json", 0.95, 0.7),  # 3 of 3, recall 3 of 4
    ("polnear-events-2062-3.json", 0.95, 0.7),  # 4 of 4, recall 4 of 4
]


@pytest.mark.parametrize("name, p, r", POLNEAR_FLOORS)
def test_events_floor_on_polnear(shared_dir: Path, name: str, p: float, r: float):
    assert_floor(name, "events", p, r)  # the articles are in ../shared
