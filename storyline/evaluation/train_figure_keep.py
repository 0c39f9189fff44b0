"""Fit the figure keep model on the figure gold, and choose its threshold out of fold.

Rows: every in-scope figure the extractor emits (the keep model off) on every
document of the gold files given, as `analysis.figure_keep.record` reads it; label 1
when `bench/precision.py` would count it correct (a gold figure in its sentence with
the same value and unit class, status class and claimant). A figure whose value is
found but with a field wrong is a negative: the bench counts it wrong, and dropping it
costs no recall. Each row also keeps the gold items it matches, so recall is counted
over gold items as the bench counts it (less the brief's merging across documents).

Folds hold whole gold files out (a Multi-News cluster, a PolNeAR draw). The threshold
is the one that maximises F-beta (BETA < 1: precision first) on out-of-fold
probabilities; the reported cross-validated numbers choose it nested (on the
training folds' own out-of-fold probabilities), so the threshold never sees the fold
it is scored on.

    python -m storyline.evaluation.train_figure_keep --root . --rows rows.json \\
        --out storyline/analysis/data/figure_keep.npz $(ls bench/gold/*.json | grep -v 2701)

(`--rows` caches the parsed rows: a second run refits in seconds.)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

from ..analysis import figure_keep
from ..analysis.figure_keep import FEATURES, KeepModel, features

C = 0.3
BETA = 0.5
FOLDS = 5
SEED = 27


def _precision_module(root: Path) -> Any:
    spec = importlib.util.spec_from_file_location("precision", root / "bench" / "precision.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["precision"] = module
    spec.loader.exec_module(module)
    return module


def collect(paths: list[Path], root: Path) -> list[dict[str, Any]]:
    """Rows of every in-scope figure the extractor emits on the gold files' documents."""
    from ..api import analyze

    bench = _precision_module(root)
    records: dict[str, list[dict[str, Any]]] = {}

    def recording_keep(figures, analysis):
        records[analysis.document.id] = [figure_keep.record(f, analysis) for f in figures]
        return list(figures)

    figure_keep.keep = recording_keep  # the model off, rows kept
    rows: list[dict[str, Any]] = []
    for path in paths:
        data = json.loads(path.read_text())
        if "figures" not in data.get("sections", ["figures"]) or not data.get("figures"):
            continue
        docs, _ = bench.gold_documents(data, root)
        gold = bench.Gold(data, docs)
        index = {id(g): i for i, g in enumerate(gold.data["figures"])}
        print(f"{path.name}: {len(docs)} documents", file=sys.stderr, flush=True)
        for analysis in analyze(list(docs.values())):
            for f, rec in zip(analysis.figures, records[analysis.document.id], strict=True):
                if not f.citations or not bench.in_scope(f):
                    continue
                found = [
                    g
                    for c in f.citations
                    for g in gold.at("figures", c)
                    if bench.figure_found(f, g)
                ]
                right = [index[id(g)] for g in found if bench.figure_correct(f, g)]
                rows.append(
                    {
                        "file": path.name,
                        "record": rec,
                        "found": bool(found),
                        "found_status": sorted({g["status"] for g in found}),
                        "label": int(bool(right)),
                        "gold": sorted(set(right)),
                    }
                )
        rows.append({"file": path.name, "gold_total": len(gold.data["figures"])})
    return rows


def fit(x: np.ndarray, y: np.ndarray, c: float = C, threshold: float = 0.5) -> KeepModel:
    return KeepModel.fitted(x, y, c, threshold)


class Data:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        figures = [r for r in rows if "record" in r]
        self.files = sorted({r["file"] for r in rows})
        self.gold_total = sum(r["gold_total"] for r in rows if "gold_total" in r)
        self.x = np.array([features(r["record"]) for r in figures])
        self.y = np.array([r["label"] for r in figures])
        self.file = [r["file"] for r in figures]
        self.gold = [{f"{r['file']}#{g}" for g in r["gold"]} for r in figures]

    def folds(self, files: list[str], seed: int = SEED) -> dict[str, int]:
        order = sorted(files)
        random.Random(seed).shuffle(order)
        return {f: i % FOLDS for i, f in enumerate(order)}

    def score(self, keep: np.ndarray, rows: np.ndarray | None = None) -> tuple[float, float]:
        """Precision over kept rows, recall over gold items (of `rows`' files)."""
        idx = np.arange(len(self.y)) if rows is None else rows
        kept = [i for i in idx if keep[i]]
        precision = float(self.y[kept].mean()) if kept else 0.0
        hit = set().union(*(self.gold[i] for i in kept)) if kept else set()
        return precision, len(hit) / self.gold_total


def out_of_fold(data: Data, idx: np.ndarray, c: float = C, seed: int = SEED) -> np.ndarray:
    """Probabilities for rows `idx`, each from a model fitted without its file's fold."""
    files = sorted({data.file[i] for i in idx})
    fold = data.folds(files, seed)
    p = np.zeros(len(data.y))
    for k in range(FOLDS):
        test = np.array([i for i in idx if fold[data.file[i]] == k], dtype=int)
        train = np.array([i for i in idx if fold[data.file[i]] != k], dtype=int)
        if len(test) == 0 or len(set(data.y[train])) < 2:
            continue
        model = fit(data.x[train], data.y[train], c)
        p[test] = _predict(model, data.x[test])
    return p


def _predict(model: KeepModel, x: np.ndarray) -> np.ndarray:
    z = model.bias + x @ np.array(model.weights)
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def best_threshold(data: Data, p: np.ndarray, idx: np.ndarray) -> float:
    """The threshold of highest F-beta (precision over rows, recall over their gold)."""
    y = data.y[idx]
    best, best_f = 0.0, -1.0
    for t in np.arange(0.0, 0.96, 0.01):
        kept = p[idx] >= t
        if not kept.any():
            continue
        precision = float(y[kept].mean())
        recall = float(y[kept].sum()) / max(int(y.sum()), 1)  # rows as a proxy inside folds
        f = (1 + BETA**2) * precision * recall / (BETA**2 * precision + recall or 1.0)
        if f > best_f + 1e-9:
            best, best_f = float(t), f
    return best


def cautious_threshold(data: Data, p: np.ndarray, cost: float = 0.02) -> float:
    """The highest threshold whose pooled out-of-fold recall stays within `cost` of the
    rules' (a precision-leaning alternative to F-beta, reported beside it)."""
    rules = data.score(np.ones(len(data.y), dtype=bool))[1]
    ok = [float(t) for t in np.arange(0.0, 0.96, 0.01) if data.score(p >= t)[1] >= rules - cost]
    return max(ok)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if len(set(y)) == 2 else float("nan")


def held_out(
    model: KeepModel, paths: list[Path], root: Path, cache: Path | None, cautious: float
) -> dict[str, Any]:
    """Rules alone and rules + model on held-out gold files (rows as in training)."""
    if cache and cache.exists():
        rows = json.loads(cache.read_text())
    else:
        rows = collect(paths, root)
        if cache:
            cache.write_text(json.dumps(rows))
    data = Data(rows)
    p = _predict(model, data.x)
    return {
        "files": [path.name for path in paths],
        "rows": len(data.y),
        "gold": data.gold_total,
        "auc": round(auc(data.y, p), 3),
        "rules_only": [round(v, 3) for v in data.score(np.ones(len(data.y), dtype=bool))],
        "model_threshold": [round(v, 3) for v in data.score(p >= model.threshold)],
        "model_cautious_threshold": [round(v, 3) for v in data.score(p >= cautious)],
    }


def nested(data: Data, c: float = C) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities, and per row the threshold chosen without its fold."""
    everything = np.arange(len(data.y))
    p = out_of_fold(data, everything, c)
    fold = data.folds(data.files)
    thresholds = np.zeros(len(data.y))
    for k in range(FOLDS):
        train = np.array([i for i in everything if fold[data.file[i]] != k], dtype=int)
        test = [i for i in everything if fold[data.file[i]] == k]
        inner = out_of_fold(data, train, c, seed=SEED + 1)
        thresholds[test] = best_threshold(data, inner, train)
    return p, thresholds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="figure gold files to train on")
    ap.add_argument("--root", type=Path, default=Path("."), help="the repository root")
    ap.add_argument("--rows", type=Path, help="cache of the parsed rows (read if present)")
    ap.add_argument("--out", type=Path, help="write the fitted model here")
    ap.add_argument("--json", type=Path, help="write the cross-validated numbers here")
    ap.add_argument(
        "--test",
        type=Path,
        nargs="*",
        default=[],
        help="held-out gold files: scored once with the rules and with the fitted model",
    )
    ap.add_argument("--test-rows", type=Path, help="cache of the held-out files' rows")
    args = ap.parse_args(argv)
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text())
    else:
        rows = collect(args.gold, args.root)
        if args.rows:
            args.rows.write_text(json.dumps(rows))
    data = Data(rows)
    p, thresholds = nested(data)
    rules = data.score(np.ones(len(data.y), dtype=bool))
    learned = data.score(p >= thresholds)
    everything = np.arange(len(data.y))
    threshold = best_threshold(data, p, everything)
    cautious = cautious_threshold(data, p)
    report: dict[str, Any] = {
        "files": len(data.files),
        "rows": len(data.y),
        "positives": int(data.y.sum()),
        "gold": data.gold_total,
        "rules_only": {"precision": round(rules[0], 3), "recall": round(rules[1], 3)},
        "rules_and_model_nested_cv": {
            "precision": round(learned[0], 3),
            "recall": round(learned[1], 3),
        },
        "out_of_fold_auc": round(auc(data.y, p), 3),
        "threshold": round(threshold, 2),
        "cautious_threshold": round(cautious, 2),
        "cautious_out_of_fold": [round(v, 3) for v in data.score(p >= cautious)],
    }
    model = fit(data.x, data.y, C, threshold)
    if args.test:
        report["test"] = held_out(model, args.test, args.root, args.test_rows, cautious)
    report["weights"] = {n: round(w, 3) for n, w in zip(FEATURES, model.weights, strict=True)}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    if args.out:
        model.save(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
