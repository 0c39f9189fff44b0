"""Upper-cased speech restored: word case accuracy and what analysis finds again.

Articles: the `spare5` pool of the PolNeAR pools file (PolNeAR **train** texts that no
gold, bench or helper pool uses, and that `evaluation/train_truecase.py` left out of
the case table), shuffled with `--seed` and cut in two: the **choice** split (first
half: settings are chosen here) and the **report** split (second half). For each
article, every paragraph of the clean Document is upper-cased and restored
(`ingest/truecase.recase`), and scored word by word against the original: a word is
right when its restored form equals the original exactly. Baseline: every word lower
case except a sentence's first.

With `--analyse N`, the first N articles of the split are also ingested in the CAPS
transcript shape (`robustness.transcript_text`) with and without the restoration and
fully analysed; reported are the counts of statements, figures, dates and PERSON
entities (clean / capitals / restored) and how many of the clean text's figure and
date surface forms come back (case-insensitive).

    nice -n 10 python bench/truecase.py ../shared/eval /work/wt/_notes/polnear_pools8.json \\
        --split choice --analyse 12 --json /tmp/truecase-choice.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from robustness import transcript_text

from storyline.analysis.pipeline import analyze
from storyline.ingest import document_from_text
from storyline.ingest.truecase import _WORD, recase, shipped, starts_sentence
from storyline.model import Analysis, Document

LABEL_SPEAKERS = {"Jane Morrow", "David Okafor"}  # robustness.transcript_text's anchors


def split_names(pools: Path, seed: int, split: str) -> list[str]:
    names = sorted(json.loads(pools.read_text())["spare5"])
    random.Random(seed).shuffle(names)
    half = len(names) // 2
    return names[:half] if split == "choice" else names[half:]


def baseline(text: str) -> str:
    """Lower case, a sentence's first word capitalised."""
    chars = list(text.lower())
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        gap = text[words[i - 1].end() if i else 0 : m.start()]
        if i == 0 or starts_sentence(text, m.start(), gap):
            chars[m.start()] = chars[m.start()].upper()
    return "".join(chars)


def score_words(original: str, restored: str, tally: Counter[str]) -> None:
    for m in _WORD.finditer(original):
        word, got = m.group(), restored[m.start() : m.end()]
        kind = "lower" if word.islower() else "cased"
        tally[f"{kind}_words"] += 1
        tally[f"{kind}_right"] += got == word


def counts(analysis: Analysis) -> dict[str, Any]:
    return {
        "statements": len(analysis.quotes),
        "figures": len(analysis.figures),
        "dates": len(analysis.dates),
        "persons": sum(1 for e in analysis.entities if e.type == "PERSON"),
        "to_labels": sum(1 for q in analysis.quotes if q.speaker in LABEL_SPEAKERS),
        "figure_forms": {f.text.lower() for f in analysis.figures},
        "date_forms": {d.text.lower() for d in analysis.dates},
    }


def analyse(doc: Document) -> Analysis:
    return next(iter(analyze([doc], strict=False)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("data", help="../shared/eval")
    ap.add_argument("pools", type=Path, help="polnear_pools8.json")
    ap.add_argument("--split", choices=["choice", "report"], required=True)
    ap.add_argument("--seed", type=int, default=2902)
    ap.add_argument("--unknown", choices=["title", "lower"], default="title")
    ap.add_argument("--analyse", type=int, default=0, help="articles fully analysed")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    root = Path(args.data) / "polnear" / "train" / "text"
    names = split_names(args.pools, args.seed, args.split)
    table = shipped()
    tally: Counter[str] = Counter()
    base: Counter[str] = Counter()
    docs = []
    for name in names:
        doc = document_from_text((root / name).read_text(errors="replace"), name)
        docs.append(doc)
        for p in doc.text.split("\n"):
            if p.strip():
                score_words(p, recase(p.upper(), table, args.unknown), tally)
                score_words(p, baseline(p), base)
    result: dict[str, Any] = {"split": args.split, "seed": args.seed, "articles": names}

    def accuracy(t: Counter[str]) -> dict[str, float]:
        words = t["lower_words"] + t["cased_words"]
        return {
            "words": words,
            "accuracy": round((t["lower_right"] + t["cased_right"]) / words, 4),
            "cased_recall": round(t["cased_right"] / t["cased_words"], 4),
            "lower_recall": round(t["lower_right"] / t["lower_words"], 4),
        }

    result["restored"] = accuracy(tally)
    result["baseline"] = accuracy(base)
    if args.analyse:
        rows = []
        for doc in docs[: args.analyse]:
            shaped = transcript_text(doc)
            after = document_from_text(shaped, doc.source, as_kind="transcript")
            with mock.patch("storyline.ingest.documents.restore_case", lambda t: t):
                before = document_from_text(shaped, doc.source, as_kind="transcript")
            shapes = (("clean", doc), ("caps", before), ("restored", after))
            rows.append({k: counts(analyse(d)) for k, d in shapes})
        total: dict[str, dict[str, int]] = {}
        for shape in ("clean", "caps", "restored"):
            total[shape] = {
                k: sum(r[shape][k] for r in rows)
                for k in ("statements", "to_labels", "figures", "dates", "persons")
            }
            for k in ("figure_forms", "date_forms"):
                total[shape][f"{k}_as_clean"] = sum(len(r[shape][k] & r["clean"][k]) for r in rows)
        result["analysis"] = {"articles": len(rows), **total}
    print(json.dumps({k: v for k, v in result.items() if k != "articles"}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
