"""Fit the timeline's event keep model on hand-checked event gold; choose its threshold out of fold.

Rows are every dated passage `timeline.dated_sentences(candidates=True)` finds on the
documents of the event gold files (`bench/gold/*.json` annotating events), the ones
the rules drop included (`dropped` names the rule), each a row of
`briefing.event_keep.FEATURES`, labelled 1 when a gold event of its sentence has the
same date (`bench/precision.py`'s event match). Years are borrowed across a file's
documents as `build_timeline` does. Folds hold whole gold files out (a file is one
cluster or three articles). The model decides among the passages the rules keep, so
the threshold shipped is the one that maximises the out-of-fold F1 of rules + model
(ties: the lower threshold) among those costing at most MAX_RECALL_LOSS of the pooled
out-of-fold recall, reported beside the rules alone; the model is only worth shipping
when that F1 beats the rules'. With `--validate DRAW` (a draw the rules were never
fixed on) the F1 is read there instead, on predictions of a model fitted without it: on
the rest of the gold the rules are in-sample. Files named with `--exclude`
(the held-out draw) give no row.

    python -m storyline.evaluation.train_event_keep --root . --exclude 2701 --validate 2063 \\
        --cache rows.json --out storyline/briefing/data/event_keep.npz
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

from ..briefing.event_keep import FEATURES, EventKeepModel, rows
from ..briefing.timeline import borrow_years, dated_sentences

C = 1.0
MAX_RECALL_LOSS = 0.01
FOLDS = 5
SEED = 10


def gold_files(root: Path, exclude: list[str]) -> list[Path]:
    """Gold files that annotate events, minus those whose name holds an `exclude` string."""
    out = []
    for path in sorted((root / "bench" / "gold").glob("*.json")):
        data = json.loads(path.read_text())
        if "events" not in data.get("sections", ["events"]) or not data.get("events"):
            continue
        if any(x in path.name for x in exclude):
            continue
        out.append(path)
    return out


def labelled_rows(path: Path, root: Path) -> dict[str, Any]:
    """Rows of one gold file: features, labels, the rule that drops each, the gold ids hit."""
    sys.path.insert(0, str(root))
    # the gold reader and its match rule are the bench's own (one place); read at run time
    bench = importlib.import_module("bench.precision")
    from ..api import analyze

    data = json.loads(path.read_text())
    docs, _ = bench.gold_documents(data, root)
    gold = bench.Gold(data, docs)
    out: dict[str, Any] = {"file": path.name, "gold": len(gold.data["events"]), "rows": []}
    ids = {id(g): i for i, g in enumerate(gold.data["events"])}
    for analysis in borrow_years(analyze(list(docs.values()))):
        key = bench.doc_key(analysis.document)
        items = dated_sentences(analysis, candidates=True)
        for item, row in zip(items, rows(analysis, items), strict=True):
            hits = [
                ids[id(g)]
                for g in gold.data["events"]
                if g["doc"] == key
                and g["start"] <= item.start < g["end"]
                and g["date"] == item.date
            ]
            out["rows"].append(
                {"x": row, "y": int(bool(hits)), "hits": hits, "dropped": item.dropped}
            )
    return out


def _flat(files: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, dict]]]:
    x, y, where = [], [], []
    for f, data in enumerate(files):
        for r in data["rows"]:
            x.append(r["x"])
            y.append(r["y"])
            where.append((f, r))
    return np.array(x, dtype=float), np.array(y), where


def fit(x: np.ndarray, y: np.ndarray, c: float = C, threshold: float = 0.5) -> EventKeepModel:
    return EventKeepModel.fitted(x, y, c, threshold)


def out_of_fold(files: list[dict[str, Any]], c: float = C) -> np.ndarray:
    """Each row's probability from a model fitted without its gold file's fold."""
    x, y, where = _flat(files)
    order = list(range(len(files)))
    random.Random(SEED).shuffle(order)
    fold_of = {f: i % FOLDS for i, f in enumerate(order)}
    p = np.zeros(len(y))
    for k in range(FOLDS):
        test = np.array([fold_of[f] == k for f, _ in where])
        p[test] = fit(x[~test], y[~test], c).probabilities(x[test].tolist())
    return p


def score(files: list[dict[str, Any]], keep: np.ndarray) -> dict[str, Any]:
    """Precision and recall of the kept rows against every gold event of the files."""
    _, y, where = _flat(files)
    hit = {(f, h) for (f, r), k in zip(where, keep, strict=True) if k for h in r["hits"]}
    n = int(keep.sum())
    right = int(y[keep].sum())
    gold = sum(d["gold"] for d in files)
    p = right / n if n else 0.0
    r = len(hit) / gold if gold else 0.0
    return {
        "system": n,
        "correct": right,
        "precision": round(p, 3),
        "gold": gold,
        "recalled": len(hit),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def _held_out(files: list[dict[str, Any]], names: list[str], c: float) -> np.ndarray:
    """Probabilities for the rows of files named in `names`, from a model fitted on the rest."""
    x, y, where = _flat(files)
    test = np.array([any(n in files[f]["file"] for n in names) for f, _ in where])
    p = np.zeros(len(y))
    if test.any() and (~test).any():
        p[test] = fit(x[~test], y[~test], c).probabilities(x[test].tolist())
    return p


def report(files: list[dict[str, Any]], c: float = C, validate: list[str] | None = None) -> dict:
    """Rules alone against rules + model, out of fold, at each threshold.

    With `validate` (a draw the rules were never fixed on, e.g. "2063") the threshold is
    chosen on those files' predictions from a model fitted on every other file: on the
    rest of the gold the rules are in-sample (written while reading it) and so look
    better than they are on unseen text. Without it, on the grouped 5-fold predictions
    of all files."""
    p = out_of_fold(files, c)
    _, y, where = _flat(files)
    rules = np.array([r["dropped"] is None for _, r in where])
    out: dict[str, Any] = {
        "rows": len(y),
        "rule_kept": int(rules.sum()),
        "positive": int(y.sum()),
        "rules": score(files, rules),
        "thresholds": {},
    }
    grid = [round(0.05 * i, 2) for i in range(1, 19)]
    for t in grid:
        out["thresholds"][t] = {
            **score(files, rules & (p >= t)),
            "model_alone": score(files, p >= t),
        }
    chooser, on = out["thresholds"], out["rules"]
    if validate:
        part = [f for f in files if any(n in f["file"] for n in validate)]
        q = _held_out(files, validate, c)
        mine = np.array([any(n in files[f]["file"] for n in validate) for f, _ in where])
        vrules = rules[mine]
        out["validation"] = {"files": [f["file"] for f in part], "rules": score(part, vrules)}
        for t in grid:
            out["validation"][t] = score(part, vrules & (q[mine] >= t))
        chooser = {t: out["validation"][t] for t in grid}
        on = out["validation"]["rules"]
    # a threshold may cost at most MAX_RECALL_LOSS of the pooled out-of-fold recall: the
    # validation draw is small (44 events), and a higher threshold it favours drops
    # right events across the rest of the gold
    allowed = [
        t
        for t in grid
        if out["thresholds"][t]["recall"] >= out["rules"]["recall"] - MAX_RECALL_LOSS
    ] or grid[:1]
    best = max(allowed, key=lambda t: (chooser[t]["f1"], -t))
    out["chosen"] = best
    out["helps"] = chooser[best]["f1"] > on["f1"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=Path("."))
    ap.add_argument("--exclude", action="append", default=[], help="leave these files out")
    ap.add_argument("--cache", type=Path, help="rows: read if present, else written")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument(
        "--validate", action="append", default=[], help="choose the threshold on these files"
    )
    ap.add_argument("--out", type=Path, help="write the fitted model here")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        files = json.loads(args.cache.read_text())
    else:
        files = [labelled_rows(p, args.root) for p in gold_files(args.root, args.exclude)]
        if args.cache:
            args.cache.write_text(json.dumps(files))
    result = report(files, args.c, args.validate)
    print(json.dumps(result, indent=1))
    if args.out:
        if not result["helps"]:
            raise SystemExit("the model does not beat the rules out of fold: not shipped")
        x, y, _ = _flat(files)
        model = fit(x, y, args.c, result["chosen"])
        model.save(args.out)
        print(json.dumps(dict(zip(FEATURES, (round(w, 3) for w in model.weights), strict=True))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
