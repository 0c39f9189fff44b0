"""Learn the case table of `ingest/truecase.py` from mixed-case news.

For every word inside a sentence (not its first word, not after an opening quote)
the written form is counted per lower-cased word ("Woodward" 31, "FBI" 80, "US" 410
and "us" 380). Forms under MIN_SHARE of their word are noise (a capitals headline
line) and dropped; so are words seen fewer than MIN_COUNT times. For a word kept in
more than one form, the (previous word, form) and (form, next word) pairs are
counted too, so "the US" and "told us" come out right. Lines written all in
capitals are skipped. The table holds counts of words only, no text.

Sources: every Timeline17 source article, every Multi-News dev article, and the
PolNeAR train articles that no helper's pool holds (`--pools`: the pools file, so
the spare pool stays held out for `bench/truecase.py`). PolNeAR dev is not read.

    python -m storyline.evaluation.train_truecase ../shared/eval \\
        --pools /work/wt/_notes/polnear_pools8.json --out storyline/ingest/data/truecase.npz
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ..ingest.multinews import iter_clusters
from ..ingest.truecase import _OPENS_QUOTE, _WORD, is_shouted, starts_sentence

MIN_COUNT = 2
MIN_SHARE = 0.03
MIN_CONTEXT = 2


def texts(root: Path, pools: Path | None) -> Iterator[str]:
    """Every training text (see module docstring), in a fixed order."""
    held: set[str] = set()
    if pools is not None:
        data = json.loads(pools.read_text())
        held = {Path(n).stem for k, names in data.items() if k != "_rule" for n in names}
    for path in sorted((root / "polnear" / "train" / "text").glob("*.txt")):
        if path.stem not in held:
            yield path.read_text(errors="replace")
    for path in sorted((root / "timeline17").glob("*/InputDocs/*/*.txt")):
        yield path.read_text(errors="replace")
    for _, articles, _ in iter_clusters(root / "multinews" / "dev.jsonl"):
        yield from articles


def inside_words(line: str) -> Iterator[tuple[str | None, str, str | None]]:
    """(previous word lowered or None at a sentence start, form, next word lowered)
    for every word of `line` that is not a sentence's first or a quotation's first."""
    words = list(_WORD.finditer(line))
    for i, m in enumerate(words):
        gap = line[words[i - 1].end() if i else 0 : m.start()]
        if i == 0 or _OPENS_QUOTE.search(gap):
            continue
        if starts_sentence(line, m.start(), gap):
            continue
        prev = words[i - 1].group().lower()
        nxt = words[i + 1].group().lower() if i + 1 < len(words) else None
        yield prev, m.group(), nxt


def train(lines: list[str]) -> dict[str, np.ndarray]:
    forms: Counter[str] = Counter()
    for line in lines:
        forms.update(form for _, form, _ in inside_words(line))
    by_word: dict[str, Counter[str]] = {}
    for form, count in forms.items():
        by_word.setdefault(form.lower(), Counter())[form] = count
    kept: dict[str, int] = {}
    for counts in by_word.values():
        total = sum(counts.values())
        if total < MIN_COUNT:
            continue
        for form, count in counts.items():
            if count >= MIN_SHARE * total:
                kept[form] = count
    several = {w for w, c in Counter(f.lower() for f in kept).items() if c > 1}
    context: Counter[str] = Counter()
    for line in lines:
        for prev, form, nxt in inside_words(line):
            if form.lower() in several and form in kept:
                context[f"<|{prev}|{form}"] += 1
                if nxt is not None:
                    context[f">|{form}|{nxt}"] += 1
    ctx = sorted(k for k, c in context.items() if c >= MIN_CONTEXT)
    names = sorted(kept)
    return {
        "forms": np.array(names),
        "counts": np.array([kept[n] for n in names], dtype=np.int32),
        "context": np.array(ctx),
        "context_counts": np.array([context[k] for k in ctx], dtype=np.int32),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="../shared/eval")
    ap.add_argument("--pools", type=Path, help="polnear pools JSON: its articles are left out")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    lines = [
        line
        for text in texts(Path(args.data), args.pools)
        for line in text.split("\n")
        if line.strip() and not is_shouted(line)
    ]
    table = train(lines)
    np.savez_compressed(
        args.out,
        forms=table["forms"],
        counts=table["counts"],
        context=table["context"],
        context_counts=table["context_counts"],
    )
    print(
        f"{len(lines)} lines; {len(table['forms'])} forms, {len(table['context'])} context pairs"
        f" -> {args.out} ({args.out.stat().st_size // 1024} KiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
