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


def measure_summary(folder: Path, count: int) -> dict:
    """The summary alone over `count` ingested (not analysed) articles."""
    from storyline.briefing.summary import summarize
    from storyline.errors import InputError
    from storyline.ingest import document_from_text

    documents = []
    for source, text, published in _articles(folder, count + count // 20 + 10):
        try:
            documents.append(document_from_text(text, source, date=published))
        except InputError:
            continue
    documents = documents[:count]
    loaded_rss = _rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    picked = summarize(documents, words=250)
    return {
        "articles": len(documents),
        "sentences": sum(len(d.sentences) for d in documents),
        "summary_seconds": round(time.perf_counter() - started, 2),
        "summary_cpu_seconds": round(time.process_time() - cpu, 2),
        "rss_after_loading_mb": round(loaded_rss, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "summary_sentences": len(picked),
    }


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


# The stages build_brief calls, by the names it imports them under.
STAGES = (
    "summarize",
    "build_timeline",
    "merge_entities",
    "collect_figures",
    "group_quotes",
    "find_divergences",
    "find_developments",
    "passages",
    "build_lede",
    "build_narrative",
    "key_players",
    "source_refs",
)


def _stages(analyses) -> dict:
    """build_brief again with each stage wrapped: CPU seconds and traced peak MB
    per stage (tracemalloc slows Python-heavy stages, so these seconds run high)."""
    import tracemalloc

    from storyline.briefing import build

    found: dict = {}

    def wrap(name, function):
        def timed(*args, **kwargs):
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                entry = found.setdefault(name, {"cpu_seconds_traced": 0.0, "peak_mb": 0.0})
                entry["cpu_seconds_traced"] = round(
                    entry["cpu_seconds_traced"] + time.process_time() - started, 2
                )
                peak = (tracemalloc.get_traced_memory()[1] - before) / 2**20
                entry["peak_mb"] = round(max(entry["peak_mb"], peak), 1)

        return timed

    for name in STAGES:
        if hasattr(build, name):
            setattr(build, name, wrap(name, getattr(build, name)))
    tracemalloc.start()
    build.build_brief(analyses)
    tracemalloc.stop()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("multinews", type=Path, help="folder with dev.jsonl and plus_val_truncated")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 1000, 5000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/brief_scale"))
    parser.add_argument("--no-stages", action="store_true", help="skip the per-section pass")
    parser.add_argument(
        "--summary-only",
        action="store_true",
        help="time the summary alone over ingested articles (no analysis needed)",
    )
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per size")
    parser.add_argument("--json", dest="json_path")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # child mode
    parser.add_argument("--analyses", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        if args.summary_only:
            print(json.dumps(measure_summary(args.multinews, args.measure)))
        else:
            print(json.dumps(measure(args.analyses, args.measure, not args.no_stages)))
        return 0
    path = None if args.summary_only else prepare(args.multinews, max(args.sizes), args.cache)
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, str(args.multinews), "--measure", str(size)]
        if path is None:
            command.append("--summary-only")
        else:
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
