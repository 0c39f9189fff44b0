"""Crashes and slow documents: the full analysis and the brief over unseen real text.

Every shape Storyline reads, from recorded, seeded samples of ../shared/eval:

* `polnear`: PolNeAR dev + train article texts (plain text);
* `multinews`: every article of the 100 Multi-News dev clusters (full length,
  with web boilerplate), each cluster also briefed as a group;
* `html`: the 91 raw html_extraction pages, through ingest's HTML cleaner;
* `timeline17`: Timeline17 articles (tokenised, one sentence per line), dated
  by folder; briefed in groups of 10 of one topic (the other sources are
  briefed in runs of `--group` consecutive documents);
* `plus`: Multi-News+ validation articles (truncated, lower-cased);
* `stripped`: PolNeAR sample articles with the punctuation taken out, one
  sentence per line, read as `stripped` (ingest/repunct.py);
* `transcript`: PolNeAR sample articles in the CAPS closed-caption shape
  (every word upper case, each paragraph behind a `NAME, ROLE:` label), read
  as `transcript` (ingest/transcript.py).

Each document is analysed alone (so its time is its own, spaCy parse
included), with every component timed, in guarded mode: a component that
raises is recorded (document, component, exception, the deepest storyline
frame) and the rest still run. A document is cut off after `--timeout` seconds
(the component running then is recorded as failing with `Timeout`). Reported:
crashes, per-document time p50/p95/max per source, the slowest documents with
their length, documents over `--slow` seconds, the slowest component per
slow document, and brief build + render crashes and times for the groups.

Usage (slices keep the shared machine usable; seeds and sample sizes are recorded):
  nice -n 10 python bench/robustness.py ../shared/eval --sources polnear html --json out.json
  python bench/robustness.py ../shared/eval --sources all --polnear 200 --timeline17 150
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
import signal
import statistics
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.analysis.pipeline import analyze
from storyline.analysis.registry import default_components
from storyline.briefing.build import build_brief
from storyline.errors import InputError
from storyline.ingest import document_from_bytes, document_from_text
from storyline.ingest.multinews import iter_clusters
from storyline.model import Analysis, Document
from storyline.renderers import render

SOURCES = ("polnear", "multinews", "html", "timeline17", "plus", "stripped", "transcript")
PACKAGE = str(Path(__file__).resolve().parent.parent / "storyline")


class Timeout(Exception):
    """A document ran past --timeout (raised by the alarm, inside whatever ran)."""


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout("ran past the time limit")


class _Timed:
    """A component with the same contract, timing each call."""

    def __init__(self, component: Any, clock: dict[str, float]) -> None:
        self.inner = component
        self.name = component.name
        self.requires = component.requires
        self.provides = component.provides
        self.clock = clock

    def __call__(self, analysis: Analysis) -> Analysis:
        t0 = time.perf_counter()
        try:
            return self.inner(analysis)
        finally:
            self.clock[self.name] = time.perf_counter() - t0


class _Where(logging.Handler):
    """Keeps the deepest storyline frame of each logged component failure."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.frames: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[2] is not None:
            self.frames.append(_deepest(record.exc_info[2]))


def _deepest(tb: Any) -> str:
    frames = [f for f in traceback.extract_tb(tb) if f.filename.startswith(PACKAGE)]
    if not frames:
        return "?"
    f = frames[-1]
    return f"{Path(f.filename).relative_to(Path(PACKAGE).parent)}:{f.lineno} {f.name}"


# ---------------------------------------------------------------- the samples


def polnear_paths(root: Path, n: int, seed: int) -> list[Path]:
    paths = sorted((root / "polnear" / "dev" / "text").glob("*.txt"))
    paths += sorted((root / "polnear" / "train" / "text").glob("*.txt"))
    return sorted(random.Random(seed).sample(paths, min(n, len(paths))))


def _read(text: str, source: str, **kw: Any) -> Document | None:
    try:
        return document_from_text(text, source, **kw)
    except InputError:
        return None  # cleans to nothing: ingest's job, counted as rejected


def polnear_docs(root: Path, n: int, seed: int) -> Iterator[tuple[str, Document | None]]:
    for path in polnear_paths(root, n, seed):
        yield path.name, _read(path.read_text(errors="replace"), path.name)


def multinews_groups(root: Path, clusters: int) -> Iterator[tuple[str, list[Document | None]]]:
    for k, (_, articles, _) in enumerate(iter_clusters(root / "multinews" / "dev.jsonl")):
        if k >= clusters:
            break
        yield f"dev-{k}", [_read(t, f"dev-{k}-{j}.txt") for j, t in enumerate(articles)]


def html_docs(root: Path, n: int) -> Iterator[tuple[str, Document | None]]:
    for path in sorted((root / "html_extraction" / "html").glob("*.html.gz"))[:n]:
        try:
            doc = document_from_bytes(gzip.decompress(path.read_bytes()), path.name)
        except InputError:
            doc = None
        yield path.name, doc


def timeline17_groups(
    root: Path, n: int, seed: int, size: int = 10
) -> Iterator[tuple[str, list[Document | None]]]:
    paths = sorted((root / "timeline17").glob("*/InputDocs/*/*.txt"))
    chosen = sorted(random.Random(seed).sample(paths, min(n, len(paths))))
    by_topic: dict[str, list[Path]] = {}
    for p in chosen:
        by_topic.setdefault(p.parts[-4], []).append(p)
    for topic, ps in sorted(by_topic.items()):
        for i in range(0, len(ps), size):
            docs = [
                _read(
                    p.read_text(errors="replace"),
                    f"{topic}/{p.parent.name}/{p.name}",
                    date=p.parent.name,
                )
                for p in ps[i : i + size]
            ]
            yield f"{topic}-{i // size}", docs


def plus_docs(root: Path, n: int, seed: int) -> Iterator[tuple[str, Document | None]]:
    with gzip.open(
        root / "multinews" / "plus_val_truncated.jsonl.gz", "rt", encoding="utf-8"
    ) as fh:
        articles = [
            (f"plus-{k}-{j}", text)
            for k, line in enumerate(fh)
            for j, text in enumerate(json.loads(line)["documents"])
        ]
    for name, text in sorted(random.Random(seed).sample(articles, min(n, len(articles)))):
        yield name, _read(text, name)


_PUNCT = re.compile(r"[^\w\s]")
_PERCENT = re.compile(r"\s?%")


def stripped_text(doc: Document) -> str:
    """The document as a punctuation-stripped corpus has it: one sentence per line. A
    per cent sign is spelled out first ("90%" -> "90 percent"), as text normalisers for
    such corpora do; every other mark (currency signs included) is lost."""
    return "\n".join(
        " ".join(_PUNCT.sub(" ", _PERCENT.sub(" percent", doc.sentence_text(s))).split())
        for s in doc.sentences
    )


_LABELS = ("JANE MORROW, HOST", "DAVID OKAFOR, CORRESPONDENT")


def transcript_text(doc: Document) -> str:
    """The document as a CAPS closed-caption transcript: labelled, upper-cased paragraphs."""
    paragraphs = [p for p in doc.text.split("\n\n") if p.strip()]
    return "\n".join(
        f"{_LABELS[i % 2]}: {' '.join(p.split()).upper()}" for i, p in enumerate(paragraphs)
    )


def variant_docs(root: Path, kind: str, n: int, seed: int) -> Iterator[tuple[str, Document | None]]:
    shape = stripped_text if kind == "stripped" else transcript_text
    for name, doc in polnear_docs(root, n, seed):
        if doc is not None:
            yield f"{kind}:{name}", _read(shape(doc), f"{kind}:{name}", as_kind=kind)  # type: ignore[arg-type]


# ---------------------------------------------------------------- running


def analyse_one(doc: Document, timeout: float, where: _Where) -> dict[str, Any]:
    clock: dict[str, float] = {}
    components = [_Timed(c, clock) for c in default_components()]
    where.frames.clear()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    analysis: Analysis | None = None
    crash = None
    try:
        analysis = next(iter(analyze([doc], components, strict=False)))
    except Timeout:
        crash = {"component": "parse", "error": "Timeout", "message": "", "where": "spaCy parse"}
    except Exception as exc:  # outside any component: the parse itself
        crash = {
            "component": "parse",
            "error": type(exc).__name__,
            "message": str(exc)[:300],
            "where": _deepest(exc.__traceback__),
        }
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - t0
    clock["parse+other"] = max(0.0, seconds - sum(clock.values()))
    failures = []
    if analysis is not None:
        frames = iter(where.frames)
        for f in analysis.failures:
            entry = {"component": f.component, "error": f.error, "message": f.message}
            if f.error != "skipped":
                entry["where"] = next(frames, "?")
            failures.append(entry)
    if crash:
        failures.append(crash)
    return {
        "chars": len(doc.text),
        "seconds": round(seconds, 3),
        "components": {k: round(v, 3) for k, v in clock.items()},
        "failures": failures,
        "analysis": analysis,
    }


def brief_one(analyses: list[Analysis], timeout: float) -> dict[str, Any]:
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        brief = build_brief(analyses)
        for fmt in ("markdown", "html", "json"):
            render(brief, fmt)
        error = None
    except Exception as exc:
        error = {
            "error": type(exc).__name__,
            "message": str(exc)[:300],
            "where": _deepest(exc.__traceback__),
        }
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"seconds": round(time.perf_counter() - t0, 3), "error": error}


def run(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(args.data)
    signal.signal(signal.SIGALRM, _alarm)
    where = _Where()
    logging.getLogger("storyline.analysis.pipeline").addHandler(where)
    logging.getLogger("storyline.analysis.pipeline").propagate = False
    sources = SOURCES if "all" in args.sources else tuple(args.sources)
    warm = document_from_text(
        'Tom Reyes said on Monday that 3 people came. "Yes," he said.', "warm.txt"
    )
    list(analyze([warm], strict=False))  # lazy models load here, not in the first document's time
    docs: list[dict[str, Any]] = []
    briefs: list[dict[str, Any]] = []

    def analyse(source: str, name: str, doc: Document | None) -> Analysis | None:
        if doc is None:
            docs.append({"source": source, "name": name, "rejected": True})
            return None
        row = analyse_one(doc, args.timeout, where)
        analysis = row.pop("analysis")
        docs.append({"source": source, "name": name, **row})
        if args.verbose:
            print(f"{source:10} {row['seconds']:7.2f}s {row['chars']:7,} {name}", flush=True)
        return analysis

    for source in sources:
        if source in ("multinews", "timeline17"):
            groups = (
                multinews_groups(root, args.clusters)
                if source == "multinews"
                else timeline17_groups(root, args.timeline17, args.seed)
            )
            for group, members in groups:
                got = [analyse(source, doc.source if doc else f"{group}?", doc) for doc in members]
                kept = [a for a in got if a is not None]
                if kept:
                    briefs.append(
                        {
                            "source": source,
                            "group": group,
                            "documents": len(kept),
                            **brief_one(kept, args.timeout * 2),
                        }
                    )
            continue
        items: Iterator[tuple[str, Document | None]]
        if source == "polnear":
            items = polnear_docs(root, args.polnear, args.seed)
        elif source == "html":
            items = html_docs(root, args.html)
        elif source == "plus":
            items = plus_docs(root, args.plus, args.seed)
        else:
            items = variant_docs(root, source, args.variants, args.seed + 1)
        pending: list[Analysis] = []
        for k, (name, doc) in enumerate(items):
            analysis = analyse(source, name, doc)
            if analysis is not None:
                pending.append(analysis)
            if len(pending) == args.group:  # briefs of consecutive documents of one shape
                briefs.append(
                    {
                        "source": source,
                        "group": f"{source}-{k}",
                        "documents": len(pending),
                        **brief_one(pending, args.timeout * 2),
                    }
                )
                pending = []
    return {
        "settings": vars(args),
        "documents": docs,
        "briefs": briefs,
        "summary": summarize(docs, briefs, args.slow),
    }


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 3)


def summarize(
    docs: list[dict[str, Any]], briefs: list[dict[str, Any]], slow: float
) -> dict[str, Any]:
    timed = [d for d in docs if not d.get("rejected")]
    per_source = {}
    for source in sorted({d["source"] for d in docs}):
        rows = [d for d in timed if d["source"] == source]
        secs = [d["seconds"] for d in rows]
        per_source[source] = {
            "documents": len(rows),
            "rejected": sum(1 for d in docs if d["source"] == source and d.get("rejected")),
            "chars_mean": round(statistics.mean(d["chars"] for d in rows)) if rows else 0,
            "p50": _pct(secs, 0.5),
            "p95": _pct(secs, 0.95),
            "max": round(max(secs), 3) if secs else 0.0,
            "seconds": round(sum(secs), 1),
            "per_1k_chars_p50": _pct([1000 * d["seconds"] / max(d["chars"], 1) for d in rows], 0.5),
        }
    crashes = [
        {"source": d["source"], "name": d["name"], "chars": d["chars"], **f}
        for d in timed
        for f in d["failures"]
        if f["error"] != "skipped"
    ]
    slowest = sorted(timed, key=lambda d: -d["seconds"])[:15]
    return {
        "per_source": per_source,
        "crashes": crashes,
        "slowest": [
            {
                "source": d["source"],
                "name": d["name"],
                "chars": d["chars"],
                "seconds": d["seconds"],
                "slowest_component": max(
                    d["components"].items(), key=lambda kv: kv[1], default=("-", 0)
                ),
            }
            for d in slowest
        ],
        "over_slow": sum(1 for d in timed if d["seconds"] > slow),
        "component_seconds": {
            name: round(sum(d["components"].get(name, 0.0) for d in timed), 1)
            for name in sorted({n for d in timed for n in d["components"]})
        },
        "briefs": {
            "groups": len(briefs),
            "crashes": [b for b in briefs if b["error"]],
            "p50": _pct([b["seconds"] for b in briefs], 0.5),
            "max": max((b["seconds"] for b in briefs), default=0.0),
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("data", help="../shared/eval")
    ap.add_argument("--sources", nargs="+", default=["all"], choices=[*SOURCES, "all"])
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--polnear", type=int, default=200, help="PolNeAR dev+train articles sampled")
    ap.add_argument("--clusters", type=int, default=100, help="Multi-News dev clusters (first N)")
    ap.add_argument("--html", type=int, default=91)
    ap.add_argument("--timeline17", type=int, default=150, help="Timeline17 articles sampled")
    ap.add_argument("--plus", type=int, default=300, help="Multi-News+ articles sampled")
    ap.add_argument(
        "--variants", type=int, default=60, help="PolNeAR articles per stripped/transcript variant"
    )
    ap.add_argument(
        "--timeout", type=float, default=60.0, help="seconds before a document is cut off"
    )
    ap.add_argument(
        "--slow", type=float, default=10.0, help="a document over this many seconds is slow"
    )
    ap.add_argument("--group", type=int, default=10, help="documents per brief (ungrouped sources)")
    ap.add_argument("--json", help="write every row and the summary here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    result = run(args)
    summary = result["summary"]
    print(json.dumps(summary, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 1 if summary["crashes"] or summary["briefs"]["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
