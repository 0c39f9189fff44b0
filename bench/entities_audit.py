"""Who is involved: the entity list and title a brief shows, scored against hand verdicts.

For each Multi-News dev cluster of each verdict set in bench/verdicts/entities-audit.json the
brief is built as `storyline brief` builds it (default caps: the 20 entities a reader
sees) and every listed entity is looked up by NAME/TYPE: wrong (by kind: junk, type,
fragment, duplicate, role), ok, or unlabelled (the lists changed since the verdicts
were given; label them before quoting a number). The title counts as right when its
verdict says the coverage is mostly about what it names.

A verdict file with "polnear" (a folder of PolNeAR article texts, relative to --root) holds
groups of those articles instead: each key is the group's file names joined by "+", drawn by
`polnear_groups` (articles sharing a publication date; `--draw SEED` prints a draw).

Usage: python bench/entities_audit.py [VERDICTS.json] [--set NAME] [--root DIR] [--json FILE] [--show]
       python bench/entities_audit.py --draw SEED [--exclude VERDICTS.json] [--root DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.evaluation.data import iter_clusters
from storyline.evaluation.entity_lists import cluster_texts

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = Path(__file__).resolve().parent / "verdicts" / "entities-audit.json"
POLNEAR = "../shared/eval/polnear/train/text"


def polnear_groups(
    text_dir: Path, seed: int, n: int = 8, k: int = 3, exclude: set[str] = frozenset()
) -> list[list[str]]:
    """`n` groups of `k` articles published on one date: random.Random(seed) samples n of
    the dates (sorted) with at least k articles outside `exclude`, then k of each date's."""
    by_date: dict[str, list[str]] = {}
    for path in sorted(text_dir.glob("*.txt")):
        if path.name not in exclude:
            by_date.setdefault(path.name.split("_")[1], []).append(path.name)
    rng = random.Random(seed)
    dates = rng.sample(sorted(d for d, names in by_date.items() if len(names) >= k), n)
    return [sorted(rng.sample(by_date[d], k)) for d in dates]


def audit(
    verdicts: dict[str, Any], set_name: str, root: Path, show: bool = False
) -> dict[str, Any]:
    clusters = [] if "polnear" in verdicts else list(iter_clusters(root / verdicts["file"]))
    labelled = verdicts["sets"][set_name]
    kinds: Counter[str] = Counter()
    listed = wrong = unlabelled = titles_right = titles_known = 0
    rows = []
    for key, labels in labelled.items():
        brief = build_brief(analyze(cluster_texts(verdicts, root, key, clusters)))
        title = brief.title.removeprefix("Brief: ")
        verdict = labels["titles"].get(title)
        if verdict is not None:
            titles_known += 1
            titles_right += bool(verdict)
        row = {"cluster": key, "title": title, "title_ok": verdict, "wrong": [], "new": []}
        for e in brief.entities:
            name = f"{e.name}/{e.type}"
            label = labels["entities"].get(name)
            role_label = labels.get("roles", {}).get(name, {}).get(e.role or "")
            if role_label and label == "ok":
                label = role_label  # right name, wrong role shown
            listed += 1
            if label is None:
                unlabelled += 1
                row["new"].append(name)
            elif label.startswith("wrong"):
                wrong += 1
                kinds[label.split(":", 1)[-1]] += 1
                row["wrong"].append(name)
        rows.append(row)
        if show:
            print(json.dumps(row, ensure_ascii=False))
    return {
        "set": set_name,
        "clusters": len(rows),
        "listed": listed,
        "wrong": wrong,
        "wrong_share": round(wrong / listed, 3) if listed else None,
        "wrong_by_kind": dict(kinds.most_common()),
        "unlabelled": unlabelled,
        "titles_right": f"{titles_right}/{titles_known}",
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("verdicts", nargs="?", type=Path, default=VERDICTS)
    ap.add_argument("--set", action="append", help="verdict sets to score (default: all)")
    ap.add_argument(
        "--root", type=Path, default=ROOT, help="where the verdicts' file is relative to"
    )
    ap.add_argument("--json", type=Path, help="write the result here")
    ap.add_argument("--show", action="store_true", help="print each cluster's wrong and new items")
    ap.add_argument("--draw", type=int, help="print a PolNeAR group draw with this seed")
    ap.add_argument("--exclude", type=Path, help="with --draw: leave out this file's articles")
    ap.add_argument("--exclude-set", action="append", help="with --exclude: only these sets")
    ap.add_argument("--pool", help="with --draw: only articles of this key of --pools")
    ap.add_argument("--pools", type=Path, help="with --pool: JSON of article pools by key")
    ap.add_argument("--groups", type=int, default=8, help="with --draw: how many groups")
    ap.add_argument("--size", type=int, default=3, help="with --draw: articles per group")
    args = ap.parse_args(argv)
    if args.draw is not None:
        used: set[str] = set()
        if args.exclude:
            for set_name, labels in json.loads(args.exclude.read_text())["sets"].items():
                if args.exclude_set is None or set_name in args.exclude_set:
                    used.update(name for key in labels for name in key.split("+"))
        if args.pool:
            pool = set(json.loads(args.pools.read_text())[args.pool])
            used.update(p.name for p in (args.root / POLNEAR).glob("*.txt") if p.name not in pool)
        groups = polnear_groups(args.root / POLNEAR, args.draw, args.groups, args.size, used)
        print(json.dumps(groups))
        return 0
    verdicts = json.loads(args.verdicts.read_text())
    results = [audit(verdicts, s, args.root, args.show) for s in args.set or verdicts["sets"]]
    for result in results:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
