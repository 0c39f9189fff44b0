"""Who is involved: the entity list and title a brief shows, scored against hand verdicts.

For each Multi-News dev cluster of each verdict set in bench/verdicts/entities-audit.json the
brief is built as `storyline brief` builds it (default caps: the 20 entities a reader
sees) and every listed entity is looked up by NAME/TYPE: wrong (by kind: junk, type,
fragment, duplicate, role), ok, or unlabelled (the lists changed since the verdicts
were given; label them before quoting a number). The title counts as right when its
verdict says the coverage is mostly about what it names.

Usage: python bench/entities_audit.py [VERDICTS.json] [--set NAME] [--root DIR] [--json FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.evaluation.data import cluster_documents, iter_clusters

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = Path(__file__).resolve().parent / "verdicts" / "entities-audit.json"


def audit(
    verdicts: dict[str, Any], set_name: str, root: Path, show: bool = False
) -> dict[str, Any]:
    clusters = list(iter_clusters(root / verdicts["file"]))
    labelled = verdicts["sets"][set_name]
    kinds: Counter[str] = Counter()
    listed = wrong = unlabelled = titles_right = titles_known = 0
    rows = []
    for key, labels in labelled.items():
        brief = build_brief(analyze(cluster_documents(clusters[int(key)])))
        title = brief.title.removeprefix("Brief: ")
        verdict = labels["titles"].get(title)
        if verdict is not None:
            titles_known += 1
            titles_right += bool(verdict)
        row = {"cluster": int(key), "title": title, "title_ok": verdict, "wrong": [], "new": []}
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
    args = ap.parse_args(argv)
    verdicts = json.loads(args.verdicts.read_text())
    results = [audit(verdicts, s, args.root, args.show) for s in args.set or verdicts["sets"]]
    for result in results:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
