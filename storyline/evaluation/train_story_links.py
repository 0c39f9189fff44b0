"""Fit the story link model on replayed link decisions, and say how well it ranks.

The rows come from `bench/stories.py --part replay`: a stream of Timeline17
and Multi-News+ validation clusters (disjoint from the reported ones and from
those the clustering's other choices are made on) clustered with the hand
thresholds, every (document, candidate story) pair a row of
`clustering.links.FEATURES`, labelled 1 when the candidate's majority gold
story is the document's own. A logistic regression is fitted on all rows;
grouped folds (a gold story's rows in one fold) report its held-out AUC and
log loss beside the hand decision's single cosine. The link threshold
(THRESHOLD) is chosen on the validation stream, not here, and saved with the
weights.

    python bench/stories.py ../shared/eval --part replay --replay-out hand.npz
    python -m storyline.evaluation.train_story_links hand.npz --out M   # round 1
    python bench/stories.py ../shared/eval --part replay --teacher model --replay-out model.npz
    python -m storyline.evaluation.train_story_links hand.npz model.npz --out M   # round 2

(M = storyline/clustering/data/story_links.npz; the second round adds the
candidates the model itself meets, as in DAgger.)

Replayed rows carry every feature the clusterer computes (`links.ALL_FEATURES`;
the dense ones are 0 unless replayed with `--set dense=true`); `--features`
picks the columns a model is fitted on: `shipped` (links.FEATURES), `base`,
`dense` (links.DENSE_FEATURES, fitted model to
storyline/clustering/data/story_links_dense.npz), names separated by commas, or
`auto` (the default: dense when the rows carry dense cosines; `--terms-only`
fits the base features of such rows, to compare).
A model saved with any subset loads (it reads its own features by name);
`Params(link_model=FILE)` clusters with it for a comparison.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..clustering.links import (
    ALL_FEATURES,
    BASE_FEATURES,
    DENSE_FEATURES,
    DENSE_ONLY,
    FEATURES,
    LinkModel,
)

C = 1.0
# The link probability a document needs to join a story, chosen on the validation
# stream (Multi-News+ clusters disjoint from these and from the reported ones):
# rebuilds at 0.1 / 0.15 / 0.25 / 0.35 gave mean story+event F1 0.798 / 0.847 /
# 0.844 / 0.825, incremental at 0.2 0.845 (BENCHMARKS.md).
THRESHOLD = 0.2


def fit(
    x: np.ndarray,
    y: np.ndarray,
    c: float = C,
    threshold: float = THRESHOLD,
    names: tuple[str, ...] = FEATURES,
) -> LinkModel:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    return LinkModel(
        tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), threshold, names
    )


def folds(
    x: np.ndarray, y: np.ndarray, group: np.ndarray, k: int, c: float, names: tuple[str, ...]
) -> dict[str, float]:
    """Grouped k-fold: held-out AUC of the model and of the best single cosine."""
    from sklearn.metrics import log_loss, roc_auc_score

    fold = group % k
    prob = np.zeros(len(y))
    for f in range(k):
        model = fit(x[fold != f], y[fold != f], c, names=names)
        w = np.array(model.weights)
        prob[fold == f] = 1 / (1 + np.exp(-(x[fold == f] @ w + model.bias)))
    out = {
        "auc": round(float(roc_auc_score(y, prob)), 4),
        "log_loss": round(float(log_loss(y, prob)), 4),
    }
    if "centroid" in names and "event" in names:
        single = np.maximum(x[:, names.index("centroid")], x[:, names.index("event")])
        out["auc_single_cosine"] = round(float(roc_auc_score(y, single)), 4)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "rows", type=Path, nargs="+", help="replayed rows (.npz files from bench/stories.py)"
    )
    parser.add_argument("--out", type=Path, help="where to write the fitted weights (.npz)")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument(
        "--features",
        default="auto",
        help="comma-separated names of ALL_FEATURES to fit on, or 'shipped' (links.FEATURES), "
        "'base' (the first model's), 'dense' (links.DENSE_FEATURES); 'auto': dense when the "
        "rows carry dense cosines, else shipped",
    )
    parser.add_argument(
        "--terms-only", action="store_true", help="fit on the base features of dense rows"
    )
    args = parser.parse_args(argv)
    loaded = []
    for path in args.rows:
        with np.load(path) as data:
            held = [str(n) for n in data["features"]]
            loaded.append((path, held, data["x"], data["y"], data["group"], data["news"]))
    named: dict[str, tuple[str, ...]] = {
        "shipped": FEATURES,
        "base": BASE_FEATURES,
        "dense": DENSE_FEATURES,
    }
    names: tuple[str, ...]
    if args.terms_only:
        names = BASE_FEATURES
    elif args.features == "auto":
        dense = all(
            set(DENSE_ONLY) <= set(held) and bool(np.any(x[:, [held.index(n) for n in DENSE_ONLY]]))
            for _, held, x, *_ in loaded
        )
        names = DENSE_FEATURES if dense else FEATURES
    else:
        names = named.get(args.features) or tuple(args.features.split(","))
    unknown = set(names) - set(ALL_FEATURES)
    if unknown:
        raise SystemExit(f"unknown features: {sorted(unknown)}")
    parts = []
    for path, held, x_all, y_all, group_all, news_all in loaded:
        missing = [n for n in names if n not in held]
        if missing:
            raise SystemExit(f"{path}: rows lack features {missing} (replay them again)")
        columns = [held.index(n) for n in names]
        parts.append((x_all[:, columns], y_all, group_all, news_all))
    x, y, group, news = (np.concatenate([p[k] for p in parts]) for k in range(4))
    report: dict[str, object] = {
        "rows": len(y),
        "positives": int(y.sum()),
        "held_out": folds(x, y, group, args.folds, args.c, names),
        "held_out_news": folds(
            x[news == 1], y[news == 1], group[news == 1], args.folds, args.c, names
        ),
    }
    model = fit(x, y, args.c, args.threshold, names)
    report["weights"] = dict(zip(names, (round(w, 4) for w in model.weights), strict=True))
    report["bias"] = round(model.bias, 4)
    if args.out:
        model.save(args.out)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
