"""Sentence ends in punctuation-stripped text: boundary precision, recall and F1.

Punctuated news is split by the one splitter, stripped, restored as far as
`repunct.restore` goes, and given to `repunct.split_sentences` a paragraph at
a time; a predicted end counts when it falls at a true sentence start. Multi-News
dev (other outlets and years) is held out from training and from the threshold
choice; PolNeAR dev chose the threshold.

    python bench/repunct.py ../shared/eval --json repunct.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.evaluation.train_sentence_ends import (
    examples,
    multinews_texts,
    polnear_texts,
    score,
    split_ends,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = {}
    for name, texts in [
        ("multinews_dev (held out)", multinews_texts(args.eval_dir)),
        ("polnear_dev (validation)", polnear_texts(args.eval_dir, "dev")),
    ]:
        data = list(examples(texts))
        start = time.perf_counter()
        result = score(split_ends, data)
        result["paragraphs"] = len(data)
        result["ms_per_paragraph"] = round(1000 * (time.perf_counter() - start) / len(data), 2)
        report[name] = result
        print(name, result)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
