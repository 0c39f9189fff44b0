"""Logistic-regression weights kept as plain named arrays: one writer, one reader, one sigmoid.

The learned decisions that are a few dozen weights over named features (which story a
document joins, `clustering.links`; which names a brief lists, `briefing.entity_keep`;
which dated passages the timeline keeps, `briefing.event_keep`) ship as small `.npz` files rather than pickles, so no scikit-learn version can break
them. Each model checks the feature names it reads against the ones it computes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

import numpy as np


def probability(weights: Sequence[float], bias: float, row: Sequence[float]) -> float:
    """The logistic of bias + weights·row (clipped, so no row overflows)."""
    z = bias + sum(w * x for w, x in zip(weights, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def save(
    path: Path, weights: Sequence[float], bias: float, threshold: float, names: Sequence[str]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        path,
        weights=np.array(weights, dtype=np.float64),
        bias=np.array([bias]),
        threshold=np.array([threshold]),
        features=np.array(names),
    )


def load(path: Path) -> tuple[tuple[float, ...], float, float, tuple[str, ...]]:
    """(weights, bias, threshold, feature names) as `save` wrote them."""
    with np.load(path) as data:
        return (
            tuple(float(x) for x in data["weights"]),
            float(data["bias"][0]),
            float(data["threshold"][0]),
            tuple(str(x) for x in data["features"]),
        )


@dataclass(frozen=True, slots=True)
class Model:
    """Weights over named features and the probability a kept item needs.

    A decision subclasses it with its own `FEATURES` and `SHIPPED` file; `load` refuses a
    file whose feature names differ, so stale weights never read the wrong columns."""

    FEATURES: ClassVar[tuple[str, ...]] = ()
    SHIPPED: ClassVar[Path | None] = None

    weights: tuple[float, ...]
    bias: float
    threshold: float
    names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.names:
            object.__setattr__(self, "names", self.FEATURES)

    def probability(self, row: Sequence[float]) -> float:
        return probability(self.weights, self.bias, row)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return [self.probability(row) for row in rows]

    def save(self, path: Path) -> None:
        save(path, self.weights, self.bias, self.threshold, self.names)

    @classmethod
    def fitted(cls, x: np.ndarray, y: np.ndarray, c: float, threshold: float) -> Self:
        """An L2 logistic regression over `x` (rows of FEATURES) and labels `y`, inverse
        regularisation `c`, with `threshold` (chosen by the caller on held-out folds).
        scikit-learn is read only here: training is offline, the shipped model is arrays."""
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(x, y)
        return cls(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), threshold)

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        path = path or cls.SHIPPED
        if path is None:
            raise ValueError(f"{cls.__name__}: no weights file")
        weights, bias, threshold, names = load(path)
        if names != cls.FEATURES:
            raise ValueError(f"{path}: features {names} differ from {cls.FEATURES}")
        return cls(weights, bias, threshold, names)
