"""train_scorer: oracle labels and a weights file, on invented clusters."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from storyline.evaluation.train_scorer import LEARNED, NOVELTY_GRID, collect, fit, main

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
    assert features.shape == (len(labels), len(LEARNED))
    assert sorted(set(groups.tolist())) == [0, 1]
    first = features[:, LEARNED.index("first")] == 1
    for g in (0, 1):
        assert labels[(groups == g) & first].min() > labels[(groups == g) & ~first].max()


def test_collect_honours_the_slice(data):
    _, _, groups = collect(data, 1, 5)
    assert set(groups.tolist()) == {0}  # only the second cluster, numbered from the slice


def test_fit_ranks_the_retold_sentences_first_and_skips_case_sensitive_features(data):
    features, labels, groups = collect(data, 0, 2)
    ranker = fit(features, labels, groups)
    assert "salience" not in ranker.features and ranker.trees
    score = ranker.score({name: features[:, i] for i, name in enumerate(LEARNED)})
    first = features[:, LEARNED.index("first")] == 1
    for g in (0, 1):  # the fitted score ranks the retold sentences above the filler
        assert score[(groups == g) & first].min() > score[(groups == g) & ~first].max()


def test_exported_trees_predict_like_scikit_learn():
    from sklearn.ensemble import GradientBoostingRegressor

    from storyline.briefing.ranker import Ranker, from_sklearn

    rng = np.random.default_rng(0)
    x = rng.random((300, 3)).astype(np.float32)
    y = np.sin(4 * x[:, 0]) + x[:, 1] * x[:, 2]
    model = GradientBoostingRegressor(n_estimators=20, max_depth=3, random_state=0).fit(x, y)
    ranker = Ranker.from_json(from_sklearn(model, ("a", "b", "c"), 1.0, 0.3).to_json())
    ours = ranker.score({"a": x[:, 0], "b": x[:, 1], "c": x[:, 2]})
    np.testing.assert_allclose(ours, model.predict(x), rtol=1e-5, atol=1e-5)


def test_main_writes_the_ranker_and_its_provenance(data, tmp_path):
    from storyline.briefing.ranker import Ranker

    out = tmp_path / "scorer.json"
    main([str(data), "--out", str(out)])
    written = json.loads(out.read_text())
    ranker = Ranker.from_json(written["ranker"])
    assert ranker.features == LEARNED and ranker.novelty in NOVELTY_GRID
    assert written["trained"]["clusters"] == 2 and written["trained"]["sentences"] > 0
