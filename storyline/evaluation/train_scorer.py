"""Learn the summary's sentence ranker from Multi-News clusters (oracle labels).

Each candidate sentence (the summary's own candidates and features, from
`summary.prepare`) is labelled with its oracle gain: the share of its stemmed
unigrams and bigrams that the reference summary contains (ROUGE-1 + ROUGE-2
precision, what a sentence adds per word of budget). Labels are centred
within each cluster, so the model learns what ranks a sentence above its
neighbours, not what makes one cluster easier than another. The model is
gradient-boosted regression trees (scikit-learn), exported as plain arrays
(`storyline.briefing.ranker`); its scores are rescaled to spread like the
hand-set score, and the MMR novelty penalty is then chosen on a sample of the
same training clusters. Nothing else is fitted.

    python -m storyline.evaluation.train_scorer ../shared/eval/multinews/plus_val_truncated.jsonl.gz \\
        ../shared/eval/multinews/dev.jsonl --out storyline/briefing/data/scorer.json
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..briefing import summary
from ..briefing.ranker import SHIPPED, Ranker, from_sklearn
from ..model import Document
from .data import Cluster, cluster_documents, iter_clusters

# Features whose meaning changes on lower-cased text (the Multi-News+ clusters
# are lower-cased) are not learned from.
CASE_SENSITIVE = ("salience",)
LEARNED = tuple(name for name in summary.FEATURES if name not in CASE_SENSITIVE)
# Model size: compared on the dev folds (100x2, 150x3, 300x3 trees, and a ridge
# line: within 0.4 R-1 of each other), never on the Multi-News+ folds.
TREES, DEPTH, RATE, SUBSAMPLE = 100, 2, 0.1, 0.5
NOVELTY_GRID = (0.15, 0.3, 0.5, 0.8)
TUNE_CLUSTERS = 300  # training clusters the novelty penalty is chosen on


@dataclass(slots=True)
class Example:
    """One cluster, prepared once: its documents, pool, labels and reference."""

    id: str
    documents: list[Document]
    pool: summary.Pool | None
    labels: np.ndarray
    reference: str
    seconds: float  # time to prepare the pool (part of the summary's cost)


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _tokenizer() -> Callable[[str], list[str]]:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize


def prepare_example(cluster: Cluster, tokenize: Callable[[str], list[str]]) -> Example:
    """A cluster's pool and the oracle label of every candidate in it."""
    documents = cluster_documents(cluster)
    started = time.perf_counter()
    pool = summary.prepare(documents)
    seconds = time.perf_counter() - started
    labels = []
    if pool is not None:
        reference = tokenize(cluster.reference)
        unigrams, bigrams = set(reference), _ngrams(reference, 2)
        for c in pool.candidates:
            tokens = tokenize(c.text)
            r1 = sum(t in unigrams for t in tokens) / max(len(tokens), 1)
            grams = [tuple(tokens[i : i + 2]) for i in range(len(tokens) - 1)]
            r2 = sum(g in bigrams for g in grams) / max(len(grams), 1)
            labels.append(r1 + r2)
    return Example(
        cluster.id, documents, pool, np.array(labels, np.float32), cluster.reference, seconds
    )


def examples(
    clusters: Iterable[Cluster], progress: Callable[[int], None] | None = None
) -> list[Example]:
    tokenize = _tokenizer()
    found = []
    for cluster in clusters:
        found.append(prepare_example(cluster, tokenize))
        if progress:
            progress(len(found))
    return found


def collect(path: str | Path, first: int, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features (columns: LEARNED), labels and cluster numbers of every pooled
    candidate in clusters `first` .. `first + count` of a Multi-News file."""
    return _matrix(examples(iter_clusters(path, count, first)))


def _matrix(items: Sequence[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, labels, groups = [], [], []
    for number, item in enumerate(items):
        if item.pool is None or len(item.pool.candidates) < 2:
            continue
        rows.append(np.column_stack([item.pool.table[name] for name in LEARNED]))
        labels.append(item.labels)
        groups.append(np.full(len(item.labels), number))
    if not rows:
        raise ValueError("no cluster has two or more candidate sentences to learn from")
    return np.concatenate(rows), np.concatenate(labels), np.concatenate(groups)


def _centred(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    _, inverse = np.unique(groups, return_inverse=True)
    sums = np.bincount(inverse, weights=values)
    counts = np.bincount(inverse)
    return values - (sums / np.maximum(counts, 1))[inverse]


def fit(features: np.ndarray, labels: np.ndarray, groups: np.ndarray, *, seed: int = 0) -> Ranker:
    """Boosted trees on within-cluster-centred labels, scaled like the hand-set score."""
    from sklearn.ensemble import GradientBoostingRegressor

    target = _centred(labels.astype(np.float64), groups)
    model = GradientBoostingRegressor(
        n_estimators=TREES,
        max_depth=DEPTH,
        learning_rate=RATE,
        subsample=SUBSAMPLE,
        random_state=seed,
    ).fit(features, target)
    ranker = from_sklearn(model, LEARNED, scale=1.0, novelty=NOVELTY_GRID[1])
    table = {name: features[:, i] for i, name in enumerate(LEARNED)}
    hand = sum(w * table[n] for n, w in summary.HAND_WEIGHTS.items() if n in table)
    spread = _centred(np.asarray(hand, np.float64), groups).std()
    raw = _centred(ranker.score(table).astype(np.float64), groups).std()
    return _with(ranker, scale=float(spread / max(raw, 1e-12)))


def _with(ranker: Ranker, **changes: float) -> Ranker:
    data = ranker.to_json()
    data.update(changes)
    return Ranker.from_json(data)


def rouge_of(items: Sequence[Example], ranker: Ranker, words: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-cluster ROUGE-1 and ROUGE-2 F1 (%) of the summaries `ranker` picks."""
    from rouge_score import rouge_scorer

    from .data import sentence_lines

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1, r2 = [], []
    for item in items:
        picked = (
            [] if item.pool is None else summary.choose(item.pool, item.documents, ranker, words)
        )
        scores = scorer.score(sentence_lines(item.reference), "\n".join(s.text for s in picked))
        r1.append(100 * scores["rouge1"].fmeasure)
        r2.append(100 * scores["rouge2"].fmeasure)
    return np.array(r1), np.array(r2)


def choose_novelty(items: Sequence[Example], ranker: Ranker, words: int = 250) -> Ranker:
    """The MMR penalty from NOVELTY_GRID with the best mean R-1 + R-2 on `items`."""
    best, chosen = -1.0, ranker
    for novelty in NOVELTY_GRID:
        candidate = _with(ranker, novelty=novelty)
        r1, r2 = rouge_of(items, candidate, words)
        if r1.mean() + r2.mean() > best:
            best, chosen = float(r1.mean() + r2.mean()), candidate
    return chosen


def train(items: Sequence[Example], *, words: int = 250, seed: int = 0) -> Ranker:
    """Fit the trees on `items`, then choose the novelty penalty on a sample of them."""
    ranker = fit(*_matrix(items), seed=seed)
    rng = np.random.default_rng(seed)
    usable = [item for item in items if item.pool is not None]
    sample = [usable[i] for i in sorted(rng.permutation(len(usable))[:TUNE_CLUSTERS])]
    return choose_novelty(sample, ranker, words)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", help="Multi-News JSONL(.gz) files with references")
    parser.add_argument("--limit", type=int, help="clusters per file (default all)")
    parser.add_argument("--out", type=Path, default=SHIPPED)
    args = parser.parse_args(argv)
    items: list[Example] = []
    for path in args.data:
        items += examples(iter_clusters(path, args.limit))
    ranker = train(items)
    trained = {
        "data": [Path(p).name for p in args.data],
        "clusters": len(items),
        "sentences": int(sum(len(i.labels) for i in items)),
        "label": "ROUGE-1 + ROUGE-2 precision of the sentence vs the reference, centred per cluster",
        "model": f"GradientBoostingRegressor({TREES} trees, depth {DEPTH}, rate {RATE}, "
        f"subsample {SUBSAMPLE}); novelty from {list(NOVELTY_GRID)} on {TUNE_CLUSTERS} of them",
        "script": "python -m storyline.evaluation.train_scorer",
    }
    args.out.write_text(
        json.dumps({"ranker": ranker.to_json(), "trained": trained}) + "\n", encoding="utf-8"
    )
    print(json.dumps({"novelty": ranker.novelty, "scale": ranker.scale, **trained}, indent=2))


if __name__ == "__main__":
    main()
