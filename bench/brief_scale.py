"""Brief scale: memory and time of the whole brief (every section) as coverage grows.

    python bench/brief_scale.py ../shared/eval/multinews --sizes 50 500 1000 5000 \\
        --cache /tmp/brief_scale --json FILE

Articles: the 295 full-length Multi-News dev articles first, then "full-length-ish"
articles pooled from Multi-News+ validation clusters (one cluster's truncated
articles joined into one article of ~450 words), each with a publication date
spread over two years so the timeline and `since` have dates to work on. The
analyses (spaCy, the slow and linear part, measured separately) are computed once
and cached (pickled) under --cache; each size is then briefed in a fresh process
(`storyline.briefing.build_brief` over the first N analyses), which reports wall
time and peak RSS of the brief, and the time and traced peak memory
(tracemalloc, which slows Python-heavy stages) of each section on its own.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def _articles(folder: Path, count: int) -> list[tuple[str, str, str]]:
    """(source, text, date) of `count` articles built from the Multi-News files."""
    from storyline.evaluation.data import iter_clusters

    found: list[tuple[str, str, str]] = []
    for cluster in iter_clusters(folder / "dev.jsonl"):
        for n, article in enumerate(cluster.articles):
            found.append((f"multinews-dev:{cluster.id}:{n}", article, ""))
    for cluster in iter_clusters(folder / "plus_val_truncated.jsonl.gz"):
        if len(found) >= count:
            break
        found.append((f"multinews-plus:{cluster.id}", "\n\n".join(cluster.articles), ""))
    start = date(2023, 1, 1)
    return [
        (source, text, (start + timedelta(days=(i * 7919) % 730)).isoformat())
        for i, (source, text, _) in enumerate(found[:count])
    ]


def prepare(folder: Path, count: int, cache: Path) -> Path:
    """Analyse `count` articles once and cache them under `cache`."""
    from storyline.api import analyze
    from storyline.errors import InputError
    from storyline.ingest import document_from_text

    out = cache / f"analyses-{count}.pickle"
    if out.exists():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    documents = []
    for source, text, published in _articles(folder, count + count // 20 + 10):
        try:
            documents.append(document_from_text(text, source, date=published))
        except InputError:
            continue  # a few Multi-News articles are empty
    documents = documents[:count]
    started = time.perf_counter()
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as handle:  # one pickle per 50 analyses, so a small size loads little
        for begin in range(0, len(documents), 50):
            pickle.dump(analyze(documents[begin : begin + 50]), handle, pickle.HIGHEST_PROTOCOL)
    tmp.rename(out)
    print(
        f"analysed {len(documents)} documents in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return out


def _load(path: Path, count: int) -> list:
    """The first `count` cached analyses (a local pickle this script wrote)."""
    analyses: list = []
    with path.open("rb") as handle:
        while len(analyses) < count:
            try:
                analyses.extend(pickle.load(handle))
            except EOFError:
                break
    return analyses[:count]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, count: int, stages: bool) -> dict:
    """Brief the first `count` analyses; run in a fresh process per size."""
    from storyline.briefing.build import build_brief

    analyses = _load(path, count)
    loaded_rss = _rss_mb()
    words = sum(len(a.document.text.split()) for a in analyses)
    sentences = sum(len(a.document.sentences) for a in analyses)
    started = time.perf_counter()
    cpu = time.process_time()
    brief = build_brief(analyses)
    result = {
        "articles": len(analyses),
        "words": words,
        "sentences": sentences,
        "brief_seconds": round(time.perf_counter() - started, 2),
        "brief_cpu_seconds": round(time.process_time() - cpu, 2),
        "rss_after_loading_mb": round(loaded_rss, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "summary_sentences": len(brief.summary),
    }
    if stages:
        result["stages"] = _stages(analyses)
    return result


def _stages(analyses) -> dict:
    """Each section alone, as build_brief calls it: seconds and traced peak MB."""
    import tracemalloc

    from storyline.briefing.compare import find_divergences
    from storyline.briefing.entities import merge_entities
    from storyline.briefing.figures import collect_figures
    from storyline.briefing.quotes import group_quotes
    from storyline.briefing.summary import summarize
    from storyline.briefing.timeline import build_timeline

    documents = [a.document for a in analyses]
    found: dict = {}
    entities = merge_entities(analyses)
    figures = collect_figures(analyses)
    calls = {
        "summary": lambda: summarize(documents, words=250, analyses=analyses),
        "timeline": lambda: build_timeline(analyses),
        "entities": lambda: merge_entities(analyses),
        "quotes": lambda: group_quotes(analyses, entities),
        "figures": lambda: collect_figures(analyses),
        "compare": lambda: find_divergences(analyses, entities, figures),
    }
    for name, call in calls.items():
        tracemalloc.start()
        started = time.perf_counter()
        call()
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        found[name] = {"seconds_traced": round(seconds, 2), "peak_mb": round(peak / 2**20, 1)}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("multinews", type=Path, help="folder with dev.jsonl and plus_val_truncated")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 1000, 5000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/brief_scale"))
    parser.add_argument("--no-stages", action="store_true", help="skip the per-section pass")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per size")
    parser.add_argument("--json", dest="json_path")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # child mode
    parser.add_argument("--analyses", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(args.analyses, args.measure, not args.no_stages)))
        return 0
    path = prepare(args.multinews, max(args.sizes), args.cache)
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, str(args.multinews), "--measure", str(size)]
        command += ["--analyses", str(path)] + (["--no-stages"] if args.no_stages else [])
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=args.timeout, check=True
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            row = {"articles": size, "error": f"over {args.timeout} s"}
        except subprocess.CalledProcessError as exc:
            row = {"articles": size, "error": exc.stderr.strip().splitlines()[-1:]}
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
