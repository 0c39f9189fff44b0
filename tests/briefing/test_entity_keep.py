"""The learned keep-or-drop decision for the brief's names: features, weights file, caps."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.briefing import entity_keep
from storyline.briefing.caps import Limits, cap
from storyline.briefing.entity_keep import FEATURES, KeepModel, features
from storyline.model import Brief, DocumentRef, Entity

needs_names = pytest.mark.skipif(
    entity_keep.shipped() is None, reason="weights file or the `names` extra missing"
)


def _ref(i: int) -> DocumentRef:
    return DocumentRef(f"d{i}", f"T{i}", None, "2017-02-20", "day", "metadata", f"{i}.txt", "text")


LIST = [
    Entity("Malaysia", "GPE", [], 22, 3),
    Entity("Kim Jong-nam", "PERSON", ["Kim Jong Nam"], 15, 3, role="half brother"),
    Entity("Khalid Abu Bakar", "PERSON", [], 5, 2, role="police chief"),
    Entity("Mr. Kim", "PERSON", ["Kim"], 11, 2),
    Entity("Zarvix", "PERSON", [], 2, 1),
    Entity("Ohio", "GPE", [], 2, 1),
]


def test_features_one_row_per_name_with_relations_to_the_names_beside_it() -> None:
    rows = features(LIST, 3)
    assert len(rows) == len(LIST) and all(len(r) == len(FEATURES) for r in rows)
    col = {name: FEATURES.index(name) for name in FEATURES}
    assert rows[3][col["lone_word_of_listed_person"]] == 1.0  # "Mr. Kim" beside Kim Jong-nam
    assert rows[1][col["lone_word_of_listed_person"]] == 0.0
    assert rows[4][col["person_not_given"]] == 1.0  # no given name opens "Zarvix"
    assert rows[2][col["person_not_given"]] == 0.0
    assert rows[5][col["region"]] == 1.0 and rows[0][col["region"]] == 1.0


def test_model_round_trips_through_its_file_and_rejects_other_features(tmp_path: Path) -> None:
    model = KeepModel(tuple(float(i) / 10 for i in range(len(FEATURES))), -1.0, 0.7)
    model.save(tmp_path / "m.npz")
    assert KeepModel.load(tmp_path / "m.npz") == model
    KeepModel((1.0,), 0.0, 0.5, ("other",)).save(tmp_path / "bad.npz")
    with pytest.raises(ValueError, match="features"):
        KeepModel.load(tmp_path / "bad.npz")


@needs_names
def test_shipped_model_keeps_players_and_drops_a_duplicate_surname() -> None:
    brief = Brief("t", "g", [_ref(i) for i in range(3)], entities=list(LIST))
    cap(brief, Limits())
    names = [e.name for e in brief.entities]
    assert {"Malaysia", "Kim Jong-nam", "Khalid Abu Bakar"} <= set(names)
    assert "Mr. Kim" not in names and "Zarvix" not in names
    assert brief.totals["entities"] == len(LIST)
