"""train_scorer: oracle labels and a weights file, on invented clusters."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from storyline.briefing.summary import FEATURES
from storyline.evaluation.train_scorer import collect, fit, main

pytest.importorskip("rouge_score")

# Invented: the reference retells each story's first sentence; the rest is filler.
STORIES = [
    (
        [
            "The river ferry between Ostby and Lund stopped running on Monday morning.",
            "A spokesperson thanked passengers for many years of loyal custom and patience.",
            "Weather on the coast was mild for the time of year, forecasters noted.",
        ],
        [
            "The Ostby to Lund river ferry stopped running on Monday after forty years.",
            "Parking near the old pier remains free of charge at weekends for visitors.",
            "A local choir performed at the harbour festival last summer to large crowds.",
        ],
        "The river ferry between Ostby and Lund stopped running on Monday.",
    ),
    (
        [
            "Lakeside school opened a new science wing with twelve laboratories this week.",
            "The cafeteria menu will change next term according to a printed notice.",
            "Several parents said the car park was often crowded at pick-up time.",
        ],
        [
            "A new science wing with twelve laboratories opened at Lakeside school.",
            "The football team lost its away match by two goals on Saturday afternoon.",
            "Snow is unlikely before December in the valley, said a weather blog.",
        ],
        "Lakeside school opened a new science wing with twelve laboratories.",
    ),
]


@pytest.fixture()
def data(tmp_path):
    path = tmp_path / "val.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n, (a, b, reference) in enumerate(STORIES):
            f.write(
                json.dumps(
                    {"idx": n, "summary": reference, "documents": [" ".join(a), " ".join(b)]}
                )
                + "\n"
            )
    return path


def test_collect_labels_the_retold_sentences_highest(data):
    features, labels, groups = collect(data, 0, 2)
    assert features.shape == (len(labels), len(FEATURES))
    assert sorted(set(groups.tolist())) == [0, 1]
    first = features[:, FEATURES.index("first")] == 1
    for g in (0, 1):
        assert labels[(groups == g) & first].min() > labels[(groups == g) & ~first].max()


def test_collect_honours_the_slice(data):
    _, _, groups = collect(data, 1, 5)
    assert set(groups.tolist()) == {0}  # only the second cluster, numbered from the slice


def test_fit_learns_lead_like_weights_and_skips_case_sensitive_features(data):
    weights = fit(*collect(data, 0, 2))
    assert set(weights) == set(FEATURES)
    assert weights["salience"] == 0.0
    features, _labels, groups = collect(data, 0, 2)
    score = features @ np.array([weights[n] for n in FEATURES])
    first = features[:, FEATURES.index("first")] == 1
    for g in (0, 1):  # the fitted score ranks the retold sentences above the filler
        assert score[(groups == g) & first].min() > score[(groups == g) & ~first].max()


def test_main_writes_weights_and_provenance(data, tmp_path):
    out = tmp_path / "scorer.json"
    main([str(data), "--first", "0", "--count", "2", "--out", str(out)])
    written = json.loads(out.read_text())
    assert set(written["weights"]) == set(FEATURES)
    assert written["trained"]["clusters"] == "0..1" and written["trained"]["sentences"] > 0
