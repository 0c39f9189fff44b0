"""The learned sentence ranker the summary ships, evaluated with numpy alone.

A ranker maps named sentence features to a score: gradient-boosted regression
trees (scikit-learn's `GradientBoostingRegressor`, exported node by node to
JSON by `storyline.evaluation.train_scorer`) or, as a fallback, a weighted
sum. Storing the trees as plain arrays keeps the package free of pickles and
of scikit-learn at run time, and makes the weights load offline on any
version. The JSON also carries the MMR novelty penalty chosen with it, since
how much redundancy costs depends on the spread of the scores.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

SHIPPED = Path(__file__).parent / "data" / "scorer.json"


@dataclass(frozen=True, slots=True)
class Ranker:
    """Scores sentences from a {feature name: column} table.

    `trees` holds padded node arrays of shape (trees, nodes): `feature`,
    `threshold`, `left`, `right`, `value`; a leaf points to itself on both
    sides, so every tree is walked `depth` times in lock step.
    """

    features: tuple[str, ...]
    bias: float = 0.0
    weights: tuple[float, ...] = ()
    trees: dict[str, np.ndarray] = field(default_factory=dict)
    depth: int = 0
    scale: float = 1.0
    novelty: float = 0.3

    def score(self, table: dict[str, np.ndarray]) -> np.ndarray:
        """One score per row; scaled so its spread matches the MMR penalty."""
        x = np.column_stack([np.asarray(table[name], dtype=np.float32) for name in self.features])
        if not self.trees:
            raw = x.astype(np.float64) @ np.asarray(self.weights, dtype=np.float64) + self.bias
            return (raw * self.scale).astype(np.float32)
        t = self.trees
        count = t["feature"].shape[0]
        rows = np.arange(x.shape[0])[None, :]
        which = np.arange(count)[:, None]
        node = np.zeros((count, x.shape[0]), dtype=np.int64)
        for _ in range(self.depth):
            values = x[rows, t["feature"][which, node]]
            go_left = values <= t["threshold"][which, node]
            node = np.where(go_left, t["left"][which, node], t["right"][which, node])
        raw = self.bias + t["value"][which, node].sum(axis=0)
        return (raw * self.scale).astype(np.float32)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "features": list(self.features),
            "bias": self.bias,
            "scale": self.scale,
            "novelty": self.novelty,
        }
        if self.trees:
            data["depth"] = self.depth
            data["trees"] = {k: v.tolist() for k, v in self.trees.items()}
        else:
            data["weights"] = dict(zip(self.features, self.weights, strict=True))
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        features = tuple(data["features"])
        bias = float(data.get("bias", 0.0))
        scale = float(data.get("scale", 1.0))
        novelty = float(data.get("novelty", 0.3))
        if "trees" in data:
            kinds = {"feature": np.int64, "left": np.int64, "right": np.int64}
            trees = {
                k: np.asarray(v, dtype=kinds.get(k, np.float64)) for k, v in data["trees"].items()
            }
            return cls(features, bias, (), trees, int(data["depth"]), scale, novelty)
        weights = data["weights"]
        linear = tuple(float(weights[n]) for n in features)
        return cls(features, bias, linear, {}, 0, scale, novelty)

    @classmethod
    def linear(cls, weights: dict[str, float], novelty: float = 0.3) -> Ranker:
        return cls(features=tuple(weights), weights=tuple(weights.values()), novelty=novelty)


def from_sklearn(model: Any, features: tuple[str, ...], scale: float, novelty: float) -> Ranker:
    """A Ranker from a fitted `GradientBoostingRegressor` (squared error)."""
    estimators = [tree[0].tree_ for tree in model.estimators_]
    width = max(e.node_count for e in estimators)
    arrays = {
        "feature": np.zeros((len(estimators), width), dtype=np.int64),
        "threshold": np.zeros((len(estimators), width)),
        "left": np.zeros((len(estimators), width), dtype=np.int64),
        "right": np.zeros((len(estimators), width), dtype=np.int64),
        "value": np.zeros((len(estimators), width)),
    }
    for k, e in enumerate(estimators):
        n = e.node_count
        leaf = e.children_left[:n] < 0
        own = np.arange(n)
        arrays["feature"][k, :n] = np.where(leaf, 0, e.feature[:n])
        arrays["threshold"][k, :n] = np.where(leaf, 0.0, e.threshold[:n])
        arrays["left"][k, :n] = np.where(leaf, own, e.children_left[:n])
        arrays["right"][k, :n] = np.where(leaf, own, e.children_right[:n])
        arrays["value"][k, :n] = e.value[:n, 0, 0] * model.learning_rate
    bias = float(np.ravel(model.init_.constant_)[0])
    depth = max(e.max_depth for e in estimators)
    return Ranker(features, bias, (), arrays, depth, scale, novelty)


@functools.lru_cache(maxsize=1)
def shipped() -> Ranker | None:
    """The ranker in data/scorer.json, or None (warned once) when it is missing or unusable."""
    try:
        return Ranker.from_json(json.loads(SHIPPED.read_text(encoding="utf-8"))["ranker"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logging.getLogger(__name__).warning(
            "%s unusable (%s: %s); summaries use the hand-set weights, which score lower",
            SHIPPED,
            type(exc).__name__,
            exc,
        )
        return None
