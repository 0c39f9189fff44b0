"""The bench scorer, `bench/precision.py`, loaded once for the tests that hold its numbers up.

The quality-floor tests score a few gold files each; this module is where they get the
scorer (registered as `bench_precision`, since its dataclasses look their module up)
and the one check they share (`assert_floor`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "bench"
GOLD = BENCH / "gold"

_SPEC = importlib.util.spec_from_file_location("bench_precision", BENCH / "precision.py")
assert _SPEC is not None and _SPEC.loader is not None
precision: Any = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_precision"] = precision
_SPEC.loader.exec_module(precision)


def section_row(gold: str, section: str) -> dict[str, Any]:
    """One section's scores on the gold file `gold` (a name under bench/gold), after
    checking that every gold item still lines up with the ingested text."""
    result = precision.evaluate(GOLD / gold)
    assert result["lost"] == [], result["lost"]
    return result["scores"][section].row()


def assert_floor(gold: str, section: str, precision_floor: float, recall_floor: float) -> None:
    """`section` on the gold file `gold` scores at least these precision and recall."""
    row = section_row(gold, section)
    assert row["precision"] >= precision_floor, row
    assert row["recall"] >= recall_floor, row
