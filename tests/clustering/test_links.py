"""The learned link decision: features, the shipped weights, and their use."""

from __future__ import annotations

import math
from datetime import date

import pytest

from storyline.clustering import links
from storyline.clustering.links import (
    BASE_FEATURES,
    FEATURES,
    LinkModel,
    features,
    name_cosine,
    overlap,
    overlap_features,
)


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
    values = dict(zip(BASE_FEATURES, row, strict=True))
    assert len(row) == len(BASE_FEATURES)
    assert values["centroid_x_active"] == 0.5
    assert values["centroid_x_log_gap"] == pytest.approx(0.5 * math.log1p(10))
    inside = features(0.5, 0.4, 0.3, 9, True, date(2024, 3, 5), date(2024, 3, 1), date(2024, 3, 10))
    assert dict(zip(BASE_FEATURES, inside, strict=True))["centroid_x_log_gap"] == 0.0
    undated = dict(zip(BASE_FEATURES, features(0.5, 0, 0, 1, False, None, None, None), strict=True))
    assert undated["centroid_x_log_gap"] == pytest.approx(0.5 * math.log1p(links.UNKNOWN_GAP_DAYS))


def test_weights_round_trip_and_rank(tmp_path):
    model = LinkModel(tuple(float(k) for k in range(len(BASE_FEATURES))), -1.5, 0.4, BASE_FEATURES)
    model.save(tmp_path / "m.npz")
    again = LinkModel.load(tmp_path / "m.npz", None)
    assert again == model
    with pytest.raises(ValueError, match="differ"):
        LinkModel.load(tmp_path / "m.npz", links.DENSE_FEATURES)
    near = features(0.6, 0.5, 0.5, 3, True, None, None, None)
    far = features(0.05, 0.0, 0.0, 3, True, None, None, None)
    assert again.probability(near) > again.probability(far)


def test_the_shipped_model_prefers_close_candidates():
    model = links.shipped()
    assert model is not None, "storyline/clustering/data/story_links.npz is shipped"
    assert model.names == FEATURES
    day, first, last = date(2024, 3, 5), date(2024, 3, 1), date(2024, 3, 4)

    def values(cos: float, event: float, names: float, cover: float, shared: int):
        row = features(cos, event, names, 5, True, day, first, last)
        extra = overlap_features(cover, cover, shared, shared, shared, shared, 5, True)
        return dict(zip(BASE_FEATURES, row, strict=True)) | extra

    close = values(0.45, 0.5, 0.5, 0.6, 3)
    unrelated = values(0.03, 0.02, 0.0, 0.02, 0)
    assert model.probability_of(close) >= model.threshold > model.probability_of(unrelated)


def test_the_dense_model_when_shipped_reads_the_dense_features():
    model = links.shipped_dense()
    if model is None:
        pytest.skip("no dense model shipped")
    assert model.names == links.DENSE_FEATURES and len(model.weights) == len(links.DENSE_FEATURES)


def test_overlap_reads_the_document_side():
    vec = {"oxfam": 0.6, "dan brown": 0.6, "charity": math.sqrt(1 - 0.72)}
    # a big centroid holding the document's words covers it fully, however diffuse
    centroid = {"oxfam": 1.0, "dan brown": 0.5, "charity": 0.2, **{f"w{k}": 3.0 for k in range(50)}}
    cover, pairs, rare = overlap(vec, centroid, {"oxfam", "unseen"})
    assert cover == pytest.approx(1.0)
    assert (pairs, rare) == (1, 1)
    assert overlap(vec, {"weather": 1.0}, {"oxfam"}) == (0.0, 0, 0)
    values = overlap_features(0.5, 0.8, 1, 2, 0, 3, 9, False)
    assert values["event_cover_x_active"] == 0.0
    assert values["cover_x_log_size"] == pytest.approx(0.5 * math.log(10))
    assert values["event_rare"] == pytest.approx(math.log(4))


def test_a_model_reads_its_own_features_by_name():
    model = LinkModel((2.0, -1.0), 0.5, 0.3, ("cover", "names"))
    values = dict.fromkeys(links.ALL_FEATURES, 0.0) | {"cover": 1.0, "names": 0.5}
    assert model.probability_of(values) == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_a_model_on_overlap_features_clusters_threads(tmp_path):
    from story_threads import thread_doc

    from storyline.clustering import Params, list_stories
    from storyline.clustering.cluster import Clusterer
    from storyline.store import Store

    # leans on the share of the document its story holds, not on cosines
    names = ("cover", "event_cover", "rare")
    LinkModel((6.0, 6.0, 1.0), -4.0, 0.5, names).save(tmp_path / "overlap.npz")
    params = Params(link_model=str(tmp_path / "overlap.npz"))
    days = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05"]
    with Store(":memory:") as store:
        store.add_many(
            [thread_doc(t, n, day) for n, day in enumerate(days) for t in ("bridge", "comet")]
        )
        clusterer = Clusterer(store, params)
        assert clusterer.overlap and clusterer.model is not None
        assert clusterer.model.names == names
        clusterer.run()
        stories = list_stories(store)
    assert sorted(len(s.documents) for s in stories) == [4, 4]
    with Store(":memory:") as store:
        assert Clusterer(store).overlap is False  # the shipped model reads none


def test_margins_say_how_far_each_candidate_stands_from_the_rest():
    assert links.margins([]) == []
    assert links.margins([0.3]) == [0.3]  # alone: nothing to stand clear of
    assert links.margins([0.3, 0.1, 0.25]) == pytest.approx([0.05, -0.2, -0.05])
    assert links.margins([0.2, 0.2]) == [0.0, 0.0]


def test_a_replay_records_the_margins_of_the_compared_candidates():
    from story_threads import thread_doc

    from storyline.clustering import Params
    from storyline.clustering.cluster import Clusterer
    from storyline.store import Store

    seen: list[list[float]] = []
    days = ["2024-03-01", "2024-03-02", "2024-03-04"]
    with Store(":memory:") as store:
        store.add_many(
            [thread_doc(t, n, day) for n, day in enumerate(days) for t in ("bridge", "comet")]
        )
        Clusterer(
            store, Params(), trace=lambda _d, rows, _s, _m: seen.extend(r for _, r in rows)
        ).run()
    margin = links.ALL_FEATURES.index("margin")
    cosine = [links.ALL_FEATURES.index(n) for n in ("centroid", "event")]
    assert seen
    for row in seen:  # never more than the candidate's own similarity
        assert row[margin] <= max(row[k] for k in cosine) + 1e-9
    assert any(row[margin] > 0 for row in seen)
