"""Fit the entity keep model on hand verdicts, and choose its threshold on held-out folds.

Rows are the ranked entity lists of the hand-checked clusters (`entity_lists`), each
labelled name of the first `TOP` a row of `briefing.entity_keep.FEATURES` (1 when its
verdict is ok). Folds hold whole clusters out. For each candidate threshold the
out-of-fold probabilities pick, of each cluster's first 20 names, those above it; the
threshold shipped is the lowest whose pooled out-of-fold precision reaches TARGET
(the brief's 0.95), so the list loses as few right names as that precision allows.
The report compares it with the count rule it replaces (3 mentions or a role).

    python -m storyline.evaluation.train_entity_keep --root . \\
        bench/verdicts/entities-audit.json bench/verdicts/entities-polnear.json \\
        --cache lists.json --out storyline/briefing/data/entity_keep.npz
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import numpy as np

from ..briefing.entity_keep import FEATURES, LIST, KeepModel, features
from ..model import Entity

C = 1.0
TOP = LIST  # rows: labelled names among the first TOP of a list (judged together)
SHOWN = 20  # the brief picks among its first 20 names (caps.Limits.entities)
TARGET = 0.95
FOLDS = 5
SEED = 6


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(
        name=row["name"],
        type=row["type"],
        aliases=row["aliases"],
        mentions=row["mentions"],
        documents=row["documents"],
        role=row["role"],
        organisation=row["organisation"],
    )


def rows_of(lists: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Feature rows, labels and (cluster, rank) of every labelled name in a list's first TOP."""
    x, y, where = [], [], []
    for c, cluster in enumerate(lists):
        entities = [_entity(r) for r in cluster["entities"][:TOP]]
        for rank, (row, e) in enumerate(
            zip(features(entities, cluster["documents"]), cluster["entities"][:TOP], strict=True)
        ):
            if e["label"] is not None:
                x.append(row)
                y.append(e["label"])
                where.append((c, rank))
    return np.array(x), np.array(y), where


def fit(x: np.ndarray, y: np.ndarray, c: float = C, threshold: float = 0.5) -> KeepModel:
    return KeepModel.fitted(x, y, c, threshold)


def out_of_fold(
    lists: list[dict[str, Any]], c: float = C, folds: int = FOLDS, seed: int = SEED
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Each labelled row's probability from a model fitted without its cluster's fold."""
    x, y, where = rows_of(lists)
    order = list(range(len(lists)))
    random.Random(seed).shuffle(order)
    fold_of = {cluster: i % folds for i, cluster in enumerate(order)}
    p = np.zeros(len(y))
    for k in range(folds):
        test = np.array([fold_of[c] == k for c, _ in where])
        model = fit(x[~test], y[~test], c)
        p[test] = model.probabilities(x[test].tolist())
    return p, y, where


def shown(
    lists: list[dict[str, Any]], where: list[tuple[int, int]], keep: np.ndarray
) -> tuple[int, int, int]:
    """(names shown, right names shown, right names of the first 20 not shown)."""
    n = right = lost = 0
    for (_, rank), k, e in zip(
        where, keep, (lists[c]["entities"][r] for c, r in where), strict=True
    ):
        if rank >= SHOWN:
            continue
        if k:
            n += 1
            right += e["label"]
        else:
            lost += e["label"]
    return n, right, lost


def report(lists: list[dict[str, Any]], c: float = C) -> dict[str, Any]:
    p, y, where = out_of_fold(lists, c)
    entities = [lists[c_]["entities"][r] for c_, r in where]
    rule = np.array([e["mentions"] >= 3 or bool(e["role"]) for e in entities])
    n, right, lost = shown(lists, where, rule)
    out: dict[str, Any] = {
        "rows": len(y),
        "right_share": round(float(y.mean()), 3),
        "rule_3_mentions_or_role": {
            "shown": n,
            "precision": round(right / n, 3),
            "right_lost": lost,
        },
        "thresholds": {},
    }
    chosen = None
    for t in [round(0.3 + 0.025 * i, 3) for i in range(26)]:
        n, right, lost = shown(lists, where, p >= t)
        precision = right / n if n else 0.0
        out["thresholds"][t] = {"shown": n, "precision": round(precision, 3), "right_lost": lost}
        if chosen is None and precision >= TARGET:
            chosen = t
    out["chosen"] = chosen
    if chosen is not None:  # held-out folds, per verdict set: the rule, then the model
        out["by_set"] = {}
        for name in sorted({lists[c_]["set"] for c_, _ in where}):
            mine = [i for i, (c_, _) in enumerate(where) if lists[c_]["set"] == name]
            part = [where[i] for i in mine]
            for label, keep in (("rule", rule[mine]), ("model", p[mine] >= chosen)):
                n, right, lost = shown(lists, part, keep)
                out["by_set"][f"{name} {label}"] = {
                    "shown": n,
                    "wrong": n - right,
                    "precision": round(right / n, 3) if n else None,
                    "right_lost": lost,
                }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("verdicts", nargs="*", type=Path)
    ap.add_argument("--root", type=Path, default=Path("."))
    ap.add_argument("--cache", type=Path, help="entity lists: read if present, else written")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--out", type=Path, help="write the fitted model here")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        lists = json.loads(args.cache.read_text())
    else:
        from .entity_lists import labelled_lists

        lists = [row for f in args.verdicts for row in labelled_lists(f, args.root)]
        if args.cache:
            args.cache.write_text(json.dumps(lists))
    result = report(lists, args.c)
    print(json.dumps(result, indent=1))
    if args.out:
        if result["chosen"] is None:
            raise SystemExit("no threshold reaches the target precision on held-out folds")
        x, y, _ = rows_of(lists)
        model = fit(x, y, args.c, result["chosen"])
        model.save(args.out)
        print(json.dumps(dict(zip(FEATURES, (round(w, 3) for w in model.weights), strict=True))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
