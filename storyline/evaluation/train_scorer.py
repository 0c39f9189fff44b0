"""Learn the summary's sentence-score weights from Multi-News validation clusters.

Each candidate sentence (the summary's own candidates and features) is
labelled with its oracle gain: the share of its stemmed unigrams and bigrams
that the reference summary contains (ROUGE-1 + ROUGE-2 precision, what a
sentence adds per word of budget). A linear model is fitted with one
intercept per cluster (features and labels centred within each cluster), so
it learns what ranks a sentence above its neighbours, not what makes one
cluster easier than another. The weights are rescaled so the score spreads as
much as the hand-set one does on the same data, which keeps the MMR novelty
penalty meaning what it did. Only JSON is written: the weights and how they
were trained.

    python -m storyline.evaluation.train_scorer ../shared/eval/multinews/plus_val_truncated.jsonl.gz \\
        --first 0 --count 2000 --out storyline/briefing/data/scorer.json
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from ..briefing import summary
from ..briefing.embed import dense, sentence_vectors
from .data import cluster_documents, iter_clusters

# Features whose meaning changes on lower-cased text (the validation clusters
# are lower-cased) are not learned from it.
CASE_SENSITIVE = ("salience",)


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def collect(path: str | Path, first: int, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and cluster numbers of every candidate in clusters
    `first` .. `first + count` of a Multi-News file."""
    from rouge_score import rouge_scorer

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    rows, labels, groups = [], [], []
    for number, cluster in enumerate(itertools.islice(iter_clusters(path), first, first + count)):
        documents = cluster_documents(cluster)
        candidates = summary._candidates(documents)
        if len(candidates) < 2:
            continue
        vectors = sentence_vectors([c.text for c in candidates], "tfidf")
        similarity = dense(vectors @ vectors.T)
        best = summary._corroboration(
            similarity, np.array([c.doc for c in candidates]), len(documents)
        )
        rows.append(summary.sentence_features(candidates, documents, vectors, similarity, best))
        reference = tokenize(cluster.reference)
        unigrams, bigrams = set(reference), _ngrams(reference, 2)
        for c in candidates:
            tokens = tokenize(c.text)
            r1 = sum(t in unigrams for t in tokens) / max(len(tokens), 1)
            grams = [tuple(tokens[i : i + 2]) for i in range(len(tokens) - 1)]
            r2 = sum(g in bigrams for g in grams) / max(len(grams), 1)
            labels.append(r1 + r2)
        groups.extend([number] * len(candidates))
    return np.concatenate(rows), np.array(labels, dtype=np.float32), np.array(groups)


def _centred(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    sums = np.zeros((groups.max() + 1, *values.shape[1:]))
    np.add.at(sums, groups, values)
    counts = np.bincount(groups, minlength=groups.max() + 1).reshape(
        (-1,) + (1,) * (values.ndim - 1)
    )
    return values - (sums / np.maximum(counts, 1))[groups]


def fit(features: np.ndarray, labels: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    """Weights per feature name, centred within clusters, scaled like the hand-set score."""
    from sklearn.linear_model import LinearRegression

    learned = [i for i, name in enumerate(summary.FEATURES) if name not in CASE_SENSITIVE]
    x = _centred(features[:, learned].astype(np.float64), groups)
    model = LinearRegression(fit_intercept=False).fit(
        x, _centred(labels.astype(np.float64), groups)
    )
    hand = np.array([summary.HAND_WEIGHTS.get(name, 0.0) for name in summary.FEATURES])
    spread = _centred(features @ hand, groups).std() / max(float((x @ model.coef_).std()), 1e-12)
    weights = dict.fromkeys(summary.FEATURES, 0.0)
    for i, w in zip(learned, model.coef_ * spread, strict=False):
        weights[summary.FEATURES[i]] = round(float(w), 4)
    return weights


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="Multi-News JSONL(.gz) with reference summaries")
    parser.add_argument("--first", type=int, default=0, help="first cluster used for fitting")
    parser.add_argument("--count", type=int, default=2000, help="clusters used for fitting")
    parser.add_argument("--out", type=Path, default=summary._SCORER)
    args = parser.parse_args(argv)
    features, labels, groups = collect(args.data, args.first, args.count)
    weights = fit(features, labels, groups)
    trained = {
        "data": Path(args.data).name,
        "clusters": f"{args.first}..{args.first + args.count - 1}",
        "sentences": len(labels),
        "label": "ROUGE-1 + ROUGE-2 precision of the sentence vs the reference",
        "model": "least squares, centred within clusters, rescaled to the hand-set score's spread",
        "script": "python -m storyline.evaluation.train_scorer",
    }
    args.out.write_text(
        json.dumps({"weights": weights, "trained": trained}, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(weights, indent=2))


if __name__ == "__main__":
    main()
