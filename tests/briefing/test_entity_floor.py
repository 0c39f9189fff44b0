"""Quality floor: the names a default brief lists, on hand-checked PolNeAR groups.

A small slice of `bench/verdicts/entities-polnear.json` (the first groups of polnear1802,
two articles each); the full measurement is `bench/entities_audit.py` (BENCHMARKS.md,
"Who is involved", entities6). A drop in the listed names' precision, or a list that
empties out, fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.api import analyze
from storyline.briefing import entity_keep
from storyline.briefing.build import build_brief
from storyline.ingest.documents import document_from_text

VERDICTS = Path(__file__).resolve().parents[2] / "bench" / "verdicts" / "entities-polnear.json"


@pytest.mark.slow
@pytest.mark.skipif(entity_keep.shipped() is None, reason="weights or the `names` extra missing")
def test_listed_names_stay_precise_on_hand_checked_groups(shared_dir: Path) -> None:
    text_dir = shared_dir / "eval" / "polnear" / "train" / "text"
    if not text_dir.is_dir():
        pytest.skip("PolNeAR train texts are not present")
    groups = list(json.loads(VERDICTS.read_text())["sets"]["polnear1802"].items())[:4]
    listed = wrong = 0
    for key, labels in groups:
        documents = [
            document_from_text((text_dir / name).read_text(), f"polnear:{name}")
            for name in key.split("+")
        ]
        brief = build_brief(analyze(documents))
        for e in brief.entities:
            verdict = labels["entities"].get(f"{e.name}/{e.type}")
            assert verdict is not None, f"{e.name}/{e.type} unlabelled: relabel the slice"
            listed += 1
            wrong += verdict != "ok"
    assert listed >= 35  # 46 at the time of writing: the list must not empty out
    assert wrong / listed <= 0.05  # 0 of 46 at the time of writing
