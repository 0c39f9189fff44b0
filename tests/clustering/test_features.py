"""Cheap document features: names, pairs, IDF with a prior, labels."""

from __future__ import annotations

import math

from storyline.clustering import features
from storyline.clustering.label import label, title


def test_extract_counts_words_pairs_and_remembers_names():
    terms = features.extract(
        "Engineers said the harbour bridge in Kestrel Bay was cracked. The bridge will close.",
        title="Harbour bridge to close",
    )
    assert terms.counts["bridge"] > terms.counts["cracked"]  # headline counts twice
    assert "harbour bridge" in terms.counts and "said" not in terms.counts
    assert terms.display["kestrel"] == "Kestrel" and terms.display["bridge"] == "bridge"
    assert not features.extract("12 34 -- !!")


def test_vector_is_unit_and_prefers_rare_frequent_terms():
    terms = features.extract("Kestrel Kestrel Kestrel bridge council council weather")
    vec = features.vector(terms, {"council": 500, "weather": 900}, n=1000)
    assert math.isclose(sum(w * w for w in vec.values()), 1.0, rel_tol=1e-9)
    assert max(vec, key=vec.get) == "kestrel"
    assert features.cosine(vec, {t: 3 * w for t, w in vec.items()}) > 0.999
    assert features.cosine(vec, {}) == 0.0


def test_term_keys_are_stable_across_processes():
    assert features.term_key("huawei") == features.term_key("huawei") == 1135655242259673947
    assert 0 <= features.term_key("x") < 2**63


def test_label_names_three_distinct_things():
    centroid = {"huawei": 3.0, "market": 2.0, "us market": 1.9, "network": 1.0, "us": 0.5}
    assert label(centroid, {"huawei": "Huawei"}) == "Huawei · us market · network"
    assert label({}) == "(no words)"


def test_label_leaves_out_section_words_and_shows_names_first():
    centroid = {"business": 4.0, "market": 2.0, "huawei": 1.8, "network": 1.0}
    shown = {"business": "Business", "huawei": "Huawei"}
    assert label(centroid, shown) == "Huawei · market · network"


def test_label_prefers_a_pair_to_its_words():
    # "Kevin" and "Spacey" both chosen: the name pair replaces them, freeing a part
    centroid = {"spacey": 1.9, "kevin": 0.45, "actor": 0.42, "kevin spacey": 0.19, "son": 0.3}
    shown = {"spacey": "Spacey", "kevin": "Kevin", "kevin spacey": "Kevin Spacey"}
    assert label(centroid, shown) == "Kevin Spacey · actor · son"
    # one chosen word gives way to a pair nearly as heavy, not to a passing one
    assert label({"flu": 2.0, "mexico": 1.0, "swine flu": 0.5, "cases": 0.8}) == (
        "swine flu · mexico · cases"
    )
    assert label({"flu": 2.0, "mexico": 1.0, "flu shot": 0.2, "cases": 0.8}) == (
        "flu · mexico · cases"
    )


def test_label_drops_a_possessive_and_title_reads_names_then_terms():
    centroid = {"jackson": 3.0, "murray": 2.0, "trial": 1.0}
    shown = {"jackson": "Jackson's", "murray": "Murray"}
    assert label(centroid, shown) == "Jackson · Murray · trial"
    assert title(centroid, shown) == "Jackson, Murray: trial"
    assert title({"trial": 1.0, "verdict": 0.5}) == "Trial, verdict"
    assert title({}) == "(no words)" and title({"world": 1.0}) == "(no words)"
