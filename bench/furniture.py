"""How much page furniture survives into Documents, on Multi-News clusters.

    nice -n 10 python bench/furniture.py ../shared/eval/multinews/dev.jsonl \\
        --skip 50 --limit 50 [--show] [--json FILE]

Each article goes through ingest as `storyline` reads it; a sentence counts as
surviving furniture when one of the probe patterns below matches it and the
analysis does not skip it (outside `analysis.furniture.furniture_spans`). The
probes are deliberately broad detectors for counting, kept apart from the
rules that remove furniture, so a rule cannot grade itself. `--json` also
lists every raw line `is_boilerplate` flags, so two versions can be diffed to
review what a new rule removes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from storyline.analysis.furniture import furniture_spans, inside
from storyline.evaluation.data import cluster_documents, iter_clusters
from storyline.ingest.plaintext import lines
from storyline.ingest.webtext import is_boilerplate

PROBES = {
    "crawl notice": re.compile(
        r"\b(?:internet archive|alexa internet|wayback machine|common crawl)\b", re.I
    ),
    "tweet location": re.compile(r"tweet with a location|stores? (?:that|your) location", re.I),
    "headlines box": re.compile(r"\b(?:LATEST|TOP|BREAKING|MORE) (?:HEADLINES|NEWS|STORIES)\b"),
    "caption": re.compile(r"\b(?:media|image|photo|video) caption\b|\bcaption\s*:", re.I),
    "gallery counter": re.compile(r"(?:^|\s)(?:image|photo|slide)?\s*\d{1,3} (?:of|/) \d{1,3}$"),
    "related link": re.compile(r"\[\s*(?:related|read more|see also)\b|^related\s*:", re.I),
    "subscribe": re.compile(r"\bsubscribe\b|\bsign up for\b|\bnewsletter\b", re.I),
    "newsletter widget": re.compile(
        r"\byour inbox\b|\bsubscrib(?:e|ed|ing)\b|\binvalid email\b|\bprivacy (?:policy|notice)\b",
        re.I,
    ),
    "follow / share call": re.compile(
        r"^(?:like|find|follow) .{1,60} on (?:facebook|twitter|instagram)\b"
        r"|\bclick to (?:share|email|play)\b|\bshare on\b|opens in (?:a )?new window",
        re.I,
    ),
    "player / gallery": re.compile(
        r"\bfull screen\b|\bautoplay\b|\bskip ad\b|\bvideo loading\b|\bview images\b"
        r"|\bembed more\b|\benlarge this image\b|\bback to gallery\b",
        re.I,
    ),
    "picture credit": re.compile(
        r"\bgetty images\b|\b(?:photograph|photo|image)s?: |\bphoto(?:graph)? by\b", re.I
    ),
    "comments box": re.compile(r"\bkeep your comments\b|\bcomment guidelines\b", re.I),
    "run-together": re.compile(r"\b[a-z]{3,}[A-Z][a-z]{2,}\b"),
}


def measure(path: Path, skip: int, limit: int, show: bool) -> dict[str, object]:
    counts: Counter[str] = Counter()
    examples: list[dict[str, str]] = []
    flagged: list[str] = []
    skipped: list[str] = []  # sentences the analysis reads as furniture
    kept: list[str] = []  # sentences the analysis reads
    clusters = 0
    for cluster in iter_clusters(path, limit=limit, skip=skip):
        clusters += 1
        flagged.extend(line for a in cluster.articles for line in lines(a) if is_boilerplate(line))
        for doc in cluster_documents(cluster):
            spans = furniture_spans(doc)
            for sentence in doc.sentences:
                if inside(spans, sentence.start):
                    skipped.append(doc.sentence_text(sentence).strip())
                    continue
                text = doc.sentence_text(sentence).strip()
                kept.append(text)
                for name, probe in PROBES.items():
                    if probe.search(text):
                        counts[name] += 1
                        examples.append({"probe": name, "source": doc.source, "text": text})
                        if show:
                            print(f"{name:16} {doc.source:20} {text[:150]}")
    per100 = {k: round(100 * counts[k] / max(clusters, 1), 1) for k in PROBES}
    return {
        "clusters": clusters,
        "surviving": dict(counts),
        "per_100_clusters": per100,
        "total_per_100": round(100 * sum(counts.values()) / max(clusters, 1), 1),
        "flagged_lines": len(flagged),
        "flagged": flagged,
        "skipped_sentences": len(skipped),
        "skipped": skipped,
        "kept": kept,
        "examples": examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="Multi-News JSONL (dev.jsonl)")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--show", action="store_true", help="print each surviving sentence")
    parser.add_argument("--json", type=Path, help="write the full result here")
    args = parser.parse_args(argv)
    result = measure(args.path, args.skip, args.limit, args.show)
    summary = {
        k: v for k, v in result.items() if k not in ("flagged", "skipped", "kept", "examples")
    }
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
