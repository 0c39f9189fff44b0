"""Sentence ends at an ellipsis inside a quotation: the one splitter against Timeline17's
one-sentence-per-line gold.

Each Timeline17 source article (tokenised, one sentence per line) is detokenised
(`` '' as curly quotation marks, -LRB- as "(", no space before punctuation) and its
lines joined into one paragraph; `segment` splits it again and every predicted end is
checked against the gold line ends. Reported: boundary precision, recall and F1 over all
articles, and the same for the ends right after an ellipsis ("..." / "\u2026") while a quotation is
open, where the quoted-ellipsis rule acts. Timeline17 was never used to tune the splitter.

    python bench/quoted_ellipses.py ../shared/eval/timeline17 [--limit N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.ingest.segment import segment

_SUBS = [
    (re.compile(r"``\s*"), "\u201c"),
    (re.compile(r"\s*''"), "\u201d"),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r"\s+([.,;:!?%])"), r"\1"),
    (re.compile(r"\$\s+"), "$"),
]
_ELLIPSIS = re.compile(r"(?:\u2026|\.\s?\.\s?\.)\W*$")


def _quote_open(text: str) -> bool:
    """Whether a quotation is open at the end of `text` (curly marks, last one wins)."""
    return text.rfind("\u201c") > text.rfind("\u201d")


def detokenise(line: str) -> str:
    line = line.strip()
    for pattern, repl in _SUBS:
        line = pattern.sub(repl, line)
    return line


def article(path: Path) -> tuple[str, set[int]]:
    """The article as one paragraph (headline dropped) and its gold sentence ends."""
    lines = [detokenise(x) for x in path.read_text(errors="replace").splitlines() if x.strip()]
    text, ends = "", set()
    for line in lines[1:]:
        text += (" " if text else "") + line
        ends.add(len(text))
    return text, ends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("timeline17", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="first N articles (sorted)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    paths = sorted(args.timeline17.glob("*/InputDocs/*/*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    tp = fp = fn = 0
    e_tp = e_fp = e_fn = 0
    for path in paths:
        text, gold = article(path)
        _, sentences = segment(text)
        pred = {s.end for s in sentences}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        at_ellipsis = {
            e
            for e in pred | gold
            if _ELLIPSIS.search(text[max(0, e - 8) : e]) and _quote_open(text[:e])
        }
        e_tp += len(pred & gold & at_ellipsis)
        e_fp += len((pred - gold) & at_ellipsis)
        e_fn += len((gold - pred) & at_ellipsis)

    def prf(t: int, f_p: int, f_n: int) -> dict[str, float | int]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": t,
            "fp": f_p,
            "fn": f_n,
            "P": round(p, 4),
            "R": round(r, 4),
            "F1": round(f, 4),
        }

    report = {
        "articles": len(paths),
        "all ends": prf(tp, fp, fn),
        "ends after an ellipsis inside a quotation": prf(e_tp, e_fp, e_fn),
    }
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
