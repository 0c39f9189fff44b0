"""The learned link decision: how likely a document belongs to a candidate story.

In the spirit of Miranda et al. (2018), a small logistic regression over
features of (document, candidate story) replaces hand thresholds: the term
cosine to the story's centroid and to its nearest recent event, the cosine of
their names alone (capitalised words: what same-event articles share when
their wording differs), the story's size, whether it was active near the
document's date, and the time gap. It is fitted on link decisions replayed
from the validation stream (`storyline.evaluation.train_story_links`) and
shipped as a small array file; a store without it falls back to the hand
thresholds of `Params`.

Every feature the clusterer can compute is named (ALL_FEATURES) and a model
reads its own by name, so models over other subsets (the overlap features,
the dense cosines) load and compare without code changes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from .. import linear

SHIPPED = Path(__file__).parent / "data" / "story_links.npz"

BASE_FEATURES = (
    "centroid",  # term cosine to the story's centroid
    "event",  # term cosine to its nearest recent event (0 when not compared)
    "names",  # cosine of the names alone
    "log_size",  # log(1 + documents in the story)
    "centroid_x_log_size",  # a big story's centroid is diffuse
    "centroid_x_active",  # active: the story was active within Params.active_days
    "event_x_active",
    "centroid_x_log_gap",  # log(1 + days from the story's span to the document)
)
# Time only scales what similarity says (no main effect): in the bench's streams a
# few long dated threads share the calendar, so "active" alone would predict a
# link there, a trait of the mix, not of stories.
# No feature says whether a document is dated: in the bench's streams that would
# tell the dated Timeline17 threads from the undated news events, a trait of the
# mix, not of stories. An unknown gap counts as a month (no evidence from time).
UNKNOWN_GAP_DAYS = 30
# Overlap read from the document's side, robust to truncated or lower-cased text:
# a cosine is diluted by every term one side has and the other lacks, while a
# short document whose words the story mostly holds is covered whatever its length.
OVERLAP_FEATURES = (
    "cover",  # share of the document's (unit) vector on terms the centroid holds
    "event_cover",  # the same for its most covering recent event
    "cover_x_log_size",  # a big centroid holds many terms
    "event_cover_x_active",
    "pairs",  # log(1 + the document's word pairs the centroid holds)
    "event_pairs",  # ... the most an event holds
    "rare",  # log(1 + the document's rare terms the centroid holds)
    "event_rare",
)
# With dense vectors (`Params(dense=True)` and the `embed` extra): MiniLM cosines
# of the document's headline and lead to the story's and its nearest recent event's
# summed vectors, with the model fitted on these rows shipped beside the other.
DENSE_ONLY = ("dense_centroid", "dense_event", "dense_event_x_active")
DENSE_FEATURES = (*BASE_FEATURES, *DENSE_ONLY)
# How much closer the document is to this candidate than to the next best: each
# candidate scored alone cannot tell a mate at cosine 0.15 from a stranger at 0.15,
# while a document's cosines to strangers depend on the document (its length, its
# vocabulary). Fitted and measured on the validation stream, not adopted: it traded
# news precision for recall and split long threads (BENCHMARKS.md, stories9).
MARGIN_FEATURES = (
    "margin",  # max(centroid, event) cosine minus the best other compared candidate's
    "margin_x_active",
)
# Every feature the clusterer computes (a replay records them all; a model reads its own).
ALL_FEATURES = (*BASE_FEATURES, *OVERLAP_FEATURES, *DENSE_ONLY, *MARGIN_FEATURES)
# The shipped model's. The overlap features were fitted and measured on the
# validation stream and not adopted: no better there (BENCHMARKS.md, stories6);
# nor the margins (stories9).
FEATURES = BASE_FEATURES
N_FEATURES = len(FEATURES)
SHIPPED_DENSE = Path(__file__).parent / "data" / "story_links_dense.npz"


def name_cosine(
    vec: Mapping[str, float],
    names: Mapping[str, str],
    centroid: Mapping[str, float],
    story_names: Mapping[str, str],
) -> float:
    """Cosine of the document's and the story's name terms alone (0 when either has none).

    `names` are the document's terms shown as written (capitalised words and
    pairs); a story's are the keys of its `names` map (its centroid's terms
    shown as written).
    """
    a = {t: w for t, w in vec.items() if t in names}
    b = {t: w for t, w in centroid.items() if t in story_names}
    norm_a = math.sqrt(sum(w * w for w in a.values()))
    norm_b = math.sqrt(sum(w * w for w in b.values()))
    if not norm_a or not norm_b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items()) / (norm_a * norm_b)


def overlap(
    vec: Mapping[str, float], centroid: Mapping[str, float], rare: frozenset[str] | set[str]
) -> tuple[float, int, int]:
    """(cover, word pairs held, rare terms held) of a unit document vector by a centroid.

    cover is the share of the vector's squared weight on terms the centroid
    holds (1.0 when it holds them all), whatever the centroid's other terms.
    """
    cover = 0.0
    pairs = held = 0
    for term, weight in vec.items():
        if term in centroid:
            cover += weight * weight
            pairs += " " in term
            held += term in rare
    return cover, pairs, held


def overlap_features(
    cover: float,
    event_cover: float,
    pairs: int,
    event_pairs: int,
    rare: int,
    event_rare: int,
    size: int,
    active: bool,
) -> dict[str, float]:
    """OVERLAP_FEATURES of one (document, candidate story) pair, by name."""
    return {
        "cover": cover,
        "event_cover": event_cover,
        "cover_x_log_size": cover * math.log1p(max(size, 0)),
        "event_cover_x_active": event_cover * (1.0 if active else 0.0),
        "pairs": math.log1p(pairs),
        "event_pairs": math.log1p(event_pairs),
        "rare": math.log1p(rare),
        "event_rare": math.log1p(event_rare),
    }


def margins(similarities: list[float]) -> list[float]:
    """Each similarity minus the best of the others (itself when it is alone)."""
    if len(similarities) < 2:
        return list(similarities)
    order = sorted(similarities, reverse=True)
    return [s - (order[1] if s == order[0] else order[0]) for s in similarities]


def features(
    centroid_cos: float,
    event_cos: float,
    names_cos: float,
    size: int,
    active: bool,
    day: date | None,
    first: date | None,
    last: date | None,
) -> list[float]:
    """The BASE_FEATURES row of one (document, candidate story) pair, in that order."""
    dated = day is not None and first is not None and last is not None
    gap = UNKNOWN_GAP_DAYS
    if dated:
        assert day is not None and first is not None and last is not None
        gap = (first - day).days if day < first else max((day - last).days, 0)
    log_size = math.log1p(max(size, 0))
    act = 1.0 if active else 0.0
    return [
        centroid_cos,
        event_cos,
        names_cos,
        log_size,
        centroid_cos * log_size,
        centroid_cos * act,
        event_cos * act,
        centroid_cos * math.log1p(gap),
    ]


@dataclass(slots=True, frozen=True)
class LinkModel:
    """Logistic regression weights over `names` (of ALL_FEATURES), and the probability a link needs."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    names: tuple[str, ...] = FEATURES

    def probability(self, row: list[float]) -> float:
        return linear.probability(self.weights, self.bias, row)

    def probability_of(self, values: Mapping[str, float]) -> float:
        """The probability from named feature values (the model reads its own names)."""
        return self.probability([values[name] for name in self.names])

    def save(self, path: Path) -> None:
        linear.save(path, self.weights, self.bias, self.threshold, self.names)

    @classmethod
    def load(cls, path: Path = SHIPPED, expect: tuple[str, ...] | None = FEATURES) -> LinkModel:
        """The model saved at `path`; its features must be `expect` (None: any of ALL_FEATURES)."""
        weights, bias, threshold, names = linear.load(path)
        if (expect is not None and names != expect) or not set(names) <= set(ALL_FEATURES):
            raise ValueError(f"{path}: features {names} differ from {expect or ALL_FEATURES}")
        return cls(weights, bias, threshold, names)


@cache
def shipped() -> LinkModel | None:
    """The shipped model, or None when the file is absent (hand thresholds apply)."""
    return LinkModel.load(SHIPPED, None) if SHIPPED.exists() else None


@cache
def shipped_dense() -> LinkModel | None:
    """The model over DENSE_FEATURES, or None when not shipped."""
    return LinkModel.load(SHIPPED_DENSE, DENSE_FEATURES) if SHIPPED_DENSE.exists() else None
