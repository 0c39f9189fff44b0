"""Quality floor for divergences on held-out Multi-News clusters (bench/gold/multinews-heldout-*).

A small slice of the held-out set (four clusters, seconds): the conflicts found
there today must stay found, and a cluster with none must stay empty. The full
numbers come from `bench/precision.py bench/gold/multinews-heldout-*.json`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SPEC = importlib.util.spec_from_file_location("bench_precision", BENCH / "precision.py")
precision = importlib.util.module_from_spec(SPEC)
sys.modules["bench_precision"] = precision
SPEC.loader.exec_module(precision)

# cluster -> (least correct, most spurious): an age, a count, three names, and nothing
FLOORS = {"8d81": (1, 0), "cef9": (1, 0), "f51e": (3, 0), "86cc": (0, 0)}


@pytest.mark.parametrize("cluster", sorted(FLOORS))
def test_divergence_floor_on_held_out_clusters(shared_dir: Path, cluster: str) -> None:
    gold = BENCH / "gold" / f"multinews-heldout-{cluster}.json"
    result = precision.evaluate(gold)  # its inputs name ../shared, which shared_dir checks
    row = result["scores"]["divergences"].row()
    least, most_wrong = FLOORS[cluster]
    assert row["correct"] >= least, row
    assert row["system"] - row["correct"] <= most_wrong, row
