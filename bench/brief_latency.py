"""Brief latency: wall time from input files to a rendered brief.

    python bench/brief_latency.py ../shared/corpus/seeds [--repeat 5] [--json FILE]

Reports, separately, the one-off model load, the cold brief (ingest +
analysis + brief + render of every format) and the warm brief (analyses
cached in the store, as the web app and a second `storyline brief --db` see).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="+", help="files or folders to brief")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args(argv)

    from storyline.analysis.nlp import load_nlp
    from storyline.api import brief_from_store
    from storyline.ingest import read
    from storyline.model import Document
    from storyline.renderers import render
    from storyline.store import Store

    t0 = time.perf_counter()
    load_nlp()
    model_load = time.perf_counter() - t0

    cold, warm = [], []
    n_docs = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        with Store(":memory:") as store:
            docs = [d for d in read(args.inputs) if isinstance(d, Document)]
            n_docs = len(docs)
            for d in docs:
                store.add(d)
            brief = brief_from_store(store)
            for fmt in ("markdown", "html", "json"):
                render(brief, fmt, {d.id: d.text for d in docs})
            cold.append(time.perf_counter() - t0)
            t1 = time.perf_counter()
            brief = brief_from_store(store)
            for fmt in ("markdown", "html", "json"):
                render(brief, fmt, {d.id: d.text for d in docs})
            warm.append(time.perf_counter() - t1)

    result = {
        "documents": n_docs,
        "model_load_seconds": round(model_load, 3),
        "cold_brief_seconds_median": round(statistics.median(cold), 3),
        "warm_brief_seconds_median": round(statistics.median(warm), 3),
        "repeat": args.repeat,
    }
    for key, value in result.items():
        print(f"{key:32} {value}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
