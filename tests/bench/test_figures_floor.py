"""Quality floor for figures on PolNeAR train articles (bench/gold/polnear-figures-*).

Two of the figure gold files (eight articles each, seconds): both were held out
when first scored and have since been used, so these are floors against a drop,
not held-out numbers. The full numbers come from `bench/precision.py
bench/gold/polnear-figures-*.json` (BENCHMARKS.md, the figures subsections).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_floor import assert_floor

# draw -> (precision, recall) floors, a little under today's (0.95 / 0.91 and 0.95 / 0.79):
# poll shares, required levels, margins in points, named polls as claimants
FLOORS = {"1801": (0.9, 0.85), "2601": (0.9, 0.75)}


@pytest.mark.parametrize("draw", sorted(FLOORS))
def test_figure_floor_on_polnear_draws(shared_dir: Path, draw: str) -> None:
    assert_floor(f"polnear-figures-{draw}.json", "figures", *FLOORS[draw])
