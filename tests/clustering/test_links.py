"""The learned link decision: features, the shipped weights, and their use."""

from __future__ import annotations

import math
from datetime import date

import pytest

from storyline.clustering import links
from storyline.clustering.links import FEATURES, LinkModel, features, name_cosine


def test_name_cosine_counts_only_names():
    vec = {"huawei": 0.6, "network": 0.8}
    doc_names = {"huawei": "Huawei"}
    centroid = {"huawei": 2.0, "equipment": 5.0}
    assert name_cosine(vec, doc_names, centroid, {"huawei": "Huawei"}) == pytest.approx(1.0)
    assert name_cosine(vec, doc_names, centroid, {}) == 0.0
    assert name_cosine(vec, {}, centroid, {"huawei": "Huawei"}) == 0.0
    assert name_cosine(vec, {"network": "Network"}, centroid, {"huawei": "Huawei"}) == 0.0


def test_features_measure_the_gap_to_the_story_span():
    row = features(0.5, 0.4, 0.3, 9, True, date(2024, 3, 20), date(2024, 3, 1), date(2024, 3, 10))
    values = dict(zip(FEATURES, row, strict=True))
    assert len(row) == len(FEATURES)
    assert values["centroid_x_active"] == 0.5
    assert values["centroid_x_log_gap"] == pytest.approx(0.5 * math.log1p(10))
    inside = features(0.5, 0.4, 0.3, 9, True, date(2024, 3, 5), date(2024, 3, 1), date(2024, 3, 10))
    assert dict(zip(FEATURES, inside, strict=True))["centroid_x_log_gap"] == 0.0
    undated = dict(zip(FEATURES, features(0.5, 0, 0, 1, False, None, None, None), strict=True))
    assert undated["centroid_x_log_gap"] == pytest.approx(0.5 * math.log1p(links.UNKNOWN_GAP_DAYS))


def test_weights_round_trip_and_rank(tmp_path):
    model = LinkModel(tuple(float(k) for k in range(len(FEATURES))), -1.5, 0.4)
    model.save(tmp_path / "m.npz")
    again = LinkModel.load(tmp_path / "m.npz")
    assert again == model
    near = features(0.6, 0.5, 0.5, 3, True, None, None, None)
    far = features(0.05, 0.0, 0.0, 3, True, None, None, None)
    assert again.probability(near) > again.probability(far)


def test_the_shipped_model_prefers_close_candidates():
    model = links.shipped()
    assert model is not None, "storyline/clustering/data/story_links.npz is shipped"
    day = date(2024, 3, 5)
    close = features(0.45, 0.5, 0.5, 5, True, day, date(2024, 3, 1), date(2024, 3, 4))
    unrelated = features(0.03, 0.02, 0.0, 5, True, day, date(2024, 3, 1), date(2024, 3, 4))
    assert model.probability(close) >= model.threshold > model.probability(unrelated)
