"""The learned figure keep decision: records, features, the model file, the wiring,
and the fold and threshold logic of its training script, on hand cases.

No weights ship (out of fold the model did not beat the rules: BENCHMARKS.md,
seventh session), so the wiring is tested with a hand-made model."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.analysis import figure_keep
from storyline.analysis.figure_keep import CANDIDATES, FEATURES, KeepModel, features
from storyline.api import analyze
from storyline.evaluation import train_figure_keep as train
from storyline.ingest import document_from_text

TEXT = (
    "The council said 40 people attended the hearing on Monday.\n\n"
    '"We would want 500 more homes if we could," Mayor Ann Smith said.\n'
)


def _record(**over) -> dict:
    rec = {
        "text": "40 people",
        "value": 40.0,
        "unit": "people",
        "scale": None,
        "status": "actual",
        "claimant": "council",
        "measure": "people who attended",
        "subject": None,
        "period": None,
        "sentence": "The council said 40 people attended the hearing on Monday.",
        "at": 17,
        "position": 0,
        "sentences": 2,
        "document_figures": 2,
        "figures_in_sentence": 1,
        "inside_quote": False,
        "syntax": {"governors": ["attend"], "aux": [], "marks": [], "neg": False},
    }
    rec.update(over)
    return rec


def test_features_are_one_row_of_the_named_subset():
    row = features(_record())
    assert len(row) == len(FEATURES) and set(FEATURES) <= set(CANDIDATES)
    named = dict(zip(FEATURES, row, strict=True))
    assert named["inside_quote"] == 0.0 and named["modal"] == 0.0
    quoted = dict(
        zip(
            FEATURES,
            features(_record(inside_quote=True, syntax={"governors": [], "aux": ["would"],
                                                        "marks": [], "neg": False})),
            strict=True,
        )
    )  # fmt: skip
    assert quoted["inside_quote"] == 1.0 and quoted["modal"] == 1.0


def test_model_file_round_trips_and_checks_its_feature_names(tmp_path):
    model = KeepModel(tuple(0.1 * i for i in range(len(FEATURES))), -0.5, 0.4)
    path = tmp_path / "keep.npz"
    model.save(path)
    assert KeepModel.load(path) == model
    figure_keep.linear.save(path, (1.0,), 0.0, 0.5, ("other",))
    with pytest.raises(ValueError, match="features"):
        KeepModel.load(path)


def test_the_extractor_drops_what_the_model_drops(monkeypatch):
    doc = document_from_text(TEXT, "keep.txt", date="2024-05-01")
    monkeypatch.setattr(figure_keep, "shipped", lambda: None)
    (plain,) = analyze([doc])
    assert {f.value for f in plain.figures} == {40.0, 500.0}  # without a model: all kept
    # a hand model: a number inside a quote is dropped, any other kept
    weights = tuple(-10.0 if name == "inside_quote" else 0.0 for name in FEATURES)
    monkeypatch.setattr(figure_keep, "shipped", lambda: KeepModel(weights, 5.0, 0.5))
    (kept,) = analyze([doc])
    assert [f.value for f in kept.figures] == [40.0]


def _rows(n_files: int = 10) -> list[dict]:
    """Synthetic training rows: quoted figures are wrong, others right."""
    rows: list[dict] = []
    for k in range(n_files):
        for j in range(6):
            quoted = j % 3 == 0
            rows.append(
                {
                    "file": f"f{k}",
                    "record": _record(inside_quote=quoted),
                    "found": True,
                    "label": int(not quoted),
                    "gold": [] if quoted else [j],
                }
            )
        rows.append({"file": f"f{k}", "gold_total": 4})
    return rows


def test_training_learns_a_separable_case_out_of_fold():
    data = train.Data(_rows())
    p, thresholds = train.nested(data)
    assert train.auc(data.y, p) == 1.0
    rules = data.score(np.ones(len(data.y), dtype=bool))
    learned = data.score(p >= thresholds)
    assert rules == pytest.approx((40 / 60, 1.0))
    assert learned == pytest.approx((1.0, 1.0))
    assert 0.0 < train.best_threshold(data, p, np.arange(len(data.y))) < 1.0
