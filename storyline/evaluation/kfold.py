"""k-fold evaluation of the summary: learn on the training folds, score the held-out fold.

Clusters are dealt to K folds in turn (cluster i goes to fold i mod K). For
each fold, Storyline's ranker is fitted and its novelty penalty chosen on the
other folds only (`train_scorer.train`), then it summarises the held-out
clusters, which it has never seen. The peers (Lead, LexRank, TextRank, LSA)
have nothing to learn and summarise every cluster in the same run, on the
same Documents and budget. Per system the result gives each fold's mean and
the mean, spread (sample standard deviation), minimum and maximum over folds,
plus Storyline's R-1 margin over the best peer on every fold and its speed
relative to LexRank.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..briefing import summary
from .data import iter_clusters, sentence_lines
from .summaries import METRICS, systems
from .train_scorer import examples, train

PEERS = ("lead", "lexrank", "textrank", "lsa")


def _stats(values: Sequence[float]) -> dict[str, float]:
    array = np.asarray(values, dtype=np.float64)
    spread = float(array.std(ddof=1)) if len(array) > 1 else 0.0
    return {
        "mean": round(float(array.mean()), 2),
        "std": round(spread, 2),
        "min": round(float(array.min()), 2),
        "max": round(float(array.max()), 2),
    }


def kfold_summaries(
    path: str | Path,
    *,
    folds: int = 5,
    words: int = 250,
    limit: int | None = None,
    peers: Sequence[str] = PEERS,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Score Storyline (fitted per fold) and `peers` on a Multi-News file, K folds."""
    from rouge_score import rouge_scorer

    if folds < 2:
        raise ValueError("k-fold evaluation needs at least 2 folds")
    available = systems()
    unknown = [p for p in peers if p not in available or p.startswith("storyline")]
    if unknown:
        raise ValueError(f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(PEERS)}")
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    items = examples(iter_clusters(path, limit), progress)
    if len(items) < folds:
        raise ValueError(f"{path}: {len(items)} clusters cannot fill {folds} folds")
    fold_of = np.arange(len(items)) % folds
    names = [*peers, "storyline"]
    scores = {name: np.zeros((len(items), len(METRICS))) for name in names}
    seconds = dict.fromkeys(names, 0.0)

    def score(name: str, i: int, texts: list[str]) -> None:
        found = scorer.score(sentence_lines(items[i].reference), "\n".join(texts))
        scores[name][i] = [100 * found[m].fmeasure for m in METRICS]

    for i, item in enumerate(items):
        for name in peers:
            started = time.perf_counter()
            texts = available[name](item.documents, words)
            seconds[name] += time.perf_counter() - started
            score(name, i, texts)
    chosen = []
    for k in range(folds):
        ranker = train([items[i] for i in np.flatnonzero(fold_of != k)], words=words, seed=seed)
        chosen.append(ranker.novelty)
        for i in np.flatnonzero(fold_of == k).tolist():
            item = items[i]
            started = time.perf_counter()
            picked = (
                []
                if item.pool is None
                else summary.choose(item.pool, item.documents, ranker, words)
            )
            seconds["storyline"] += item.seconds + time.perf_counter() - started
            score("storyline", i, [s.text for s in picked])
    per_fold = {
        name: [scores[name][fold_of == k].mean(axis=0) for k in range(folds)] for name in names
    }
    result_systems: dict[str, dict[str, Any]] = {}
    for name in names:
        result_systems[name] = {
            metric: {
                **_stats([fold[m] for fold in per_fold[name]]),
                "folds": [round(float(fold[m]), 2) for fold in per_fold[name]],
            }
            for m, metric in enumerate(METRICS)
        }
        result_systems[name]["seconds_per_cluster"] = round(seconds[name] / len(items), 4)
    margins = [
        float(per_fold["storyline"][k][0] - max(per_fold[p][k][0] for p in peers))
        for k in range(folds)
    ]
    result = {
        "data": Path(path).name,
        "clusters": len(items),
        "folds": folds,
        "words": words,
        "systems": result_systems,
        "rouge1_margin_over_best_peer": [round(m, 2) for m in margins] if peers else [],
        "novelty_per_fold": chosen,
    }
    if "lexrank" in peers and seconds["storyline"] > 0:
        result["times_faster_than_lexrank"] = round(seconds["lexrank"] / seconds["storyline"], 1)
    return result
