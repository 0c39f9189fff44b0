"""Roles cut mid-phrase: how many people's roles end in a function word.

Every Multi-News dev cluster in [--start, --stop) is analysed; each distinct (name, role)
pair on a PERSON entity or a quote is counted, and flagged when its last word is a
preposition, article, conjunction or possessive/relative pronoun, or it holds
who/which/whose/whom ("lawmaker from", "counsel who vigorously pursued").

    python bench/role_ends.py ../shared/eval/multinews/dev.jsonl --start 0 --stop 40 --json FILE
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.api import analyze
from storyline.evaluation.data import cluster_documents, iter_clusters

FUNCTION_WORDS = frozenset(
    [
        "from",
        "on",
        "of",
        "for",
        "at",
        "with",
        "in",
        "to",
        "by",
        "about",
        "as",
        "into",
        "over",
        "under",
        "after",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "whose",
        "whom",
        "where",
        "when",
        "his",
        "her",
        "its",
        "their",
    ]
)
RELATIVES = frozenset({"who", "which", "whose", "whom"})


def cut(role: str) -> bool:
    """Whether a role ends in a function word or runs into a relative clause."""
    words = [w.lower().strip(",.") for w in role.split()]
    return bool(words) and (words[-1] in FUNCTION_WORDS or bool(RELATIVES & set(words)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", type=Path)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--stop", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    docs = []
    for i, cluster in enumerate(iter_clusters(args.dev)):
        if args.start <= i < args.stop:
            docs.extend(cluster_documents(cluster))
    t0 = time.perf_counter()
    pairs: set[tuple[str, str]] = set()
    for analysis in analyze(docs):
        pairs |= {(m.text, m.role) for m in analysis.entities if m.type == "PERSON" and m.role}
        pairs |= {(q.speaker or "", q.role) for q in analysis.quotes if q.role}
    flagged = sorted(p for p in pairs if cut(p[1]))
    report = {
        "documents": len(docs),
        "pairs": len(pairs),
        "cut": len(flagged),
        "cut_pairs": flagged,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps({k: v for k, v in report.items() if k != "cut_pairs"}), *flagged, sep="\n")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
