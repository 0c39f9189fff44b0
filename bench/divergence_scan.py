"""Every divergence and development the brief reports on unannotated clusters, for reading.

Without gold, this is how spurious output is watched: run it before and after a change
on the same clusters and read what is new. Clusters are Multi-News JSONL(.gz) records
(`storyline.evaluation.data`), taken in file order.

Usage: python bench/divergence_scan.py FILE [--skip N] [--limit N] [--json OUT]
       python bench/divergence_scan.py --timeline17 GROUPS.json [--json OUT]
(GROUPS.json: {name: ["TOPIC/DAY/FILE", ...]}, e.g. from bench/gold/draw_diverge10.py.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.briefing.caps import UNLIMITED
from storyline.evaluation.data import cluster_documents, iter_clusters
from storyline.model import Document


def _groups(args: argparse.Namespace) -> Iterator[tuple[str, list[Document]]]:
    """(name, documents) of each cluster or Timeline17 group to scan."""
    if args.timeline17 is not None:
        from precision import ROOT, load_timeline17

        for name, files in json.loads(args.timeline17.read_text()).items():
            yield name, list(load_timeline17(files, ROOT).values())
        return
    for cluster in iter_clusters(args.path, limit=args.limit, skip=args.skip):
        yield cluster.id, cluster_documents(cluster)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, nargs="?")
    ap.add_argument("--timeline17", type=Path, help="groups of Timeline17 articles (JSON)")
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    found = []
    clusters = 0
    if args.path is None and args.timeline17 is None:
        ap.error("give a Multi-News FILE or --timeline17 GROUPS.json")
    for name, docs in _groups(args):
        clusters += 1
        if len(docs) < 2:
            continue
        brief = build_brief(analyze(docs), limits=UNLIMITED)
        for d in brief.divergences:
            found.append(
                {
                    "cluster": name,
                    "section": "divergence",
                    "kind": d.kind,
                    "text": d.description,
                }
            )
        for v in brief.developments:
            found.append(
                {"cluster": name, "section": "development", "kind": v.kind, "text": v.what}
            )
    for f in found:
        print(f"{f['cluster'][:8]} {f['section']} {f['kind']}: {f['text'][:160]}")
    summary = {
        "clusters": clusters,
        "divergences": sum(f["section"] == "divergence" for f in found),
        "developments": sum(f["section"] == "development" for f in found),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "items": found}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
