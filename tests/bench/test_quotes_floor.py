"""Quality floor for quotes on held-out Multi-News clusters (bench/gold/multinews-quotes-*).

A slice of the quote gold (two clusters, seconds; both were held out when first
scored and have since been used): who said what there must stay right. The full
numbers come from `bench/precision.py bench/gold/multinews-quotes-*.json`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_floor import assert_floor

# cluster -> (precision, recall) floors, a little under today's (1.00 / 0.87 and 1.00 / 0.88):
# a family sharing a surname, a pronoun after a title, documents and nameless sources
FLOORS = {"06cd": (0.9, 0.8), "3a36": (0.9, 0.8)}


@pytest.mark.parametrize("cluster", sorted(FLOORS))
def test_quote_floor_on_held_out_clusters(shared_dir: Path, cluster: str) -> None:
    assert_floor(f"multinews-quotes-{cluster}.json", "quotes", *FLOORS[cluster])


# PolNeAR train articles, quote draw 2 (held out when first scored: 0.83 / 0.68; used since,
# 1.00 / 0.86 now): described and appositive sources, datelines, a nameless woman's "she"
# Draw 2103 (sixth session; its one blind run 0.88 / 0.73; 0.96 / 0.85 after the seventh
# session's fixes, which read its errors): a floor under it
# Draw 2701 (seventh session; blind 0.80 / 0.64, 0.85 / 0.68 after a naming fix of the gold and
# one rule from its errors; 0.93 / 0.69 after quotes11, which read its errors): a floor under it
# Draw 2901 (eighth session; blind 0.81 / 0.59; 0.98 / 0.78 after quotes12, which read its
# errors): nameless sources described ("one longtime adviser to X"), a party bracket the
# splitter cut, a subject inside the quotation
POLNEAR_FLOORS = {
    "2102": (0.95, 0.8),
    "2103": (0.85, 0.7),
    "2701": (0.9, 0.68),
    "2901": (0.93, 0.74),
}


@pytest.mark.parametrize("draw", sorted(POLNEAR_FLOORS))
def test_quote_floor_on_polnear_articles(shared_dir: Path, draw: str) -> None:
    assert_floor(f"polnear-quotes-{draw}.json", "quotes", *POLNEAR_FLOORS[draw])
