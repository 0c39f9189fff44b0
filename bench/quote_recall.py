"""Direct quotes against PolNeAR's own attributions: recall, speaker, unattributed.

No hand labels: PolNeAR marks every attribution (Source, Cue, Content spans).
A gold **direct quote** is an attribution whose Content lies mostly (at least half
of its non-space characters) inside quotation marks (`quotemarks.find_quote_spans`).
Each article is read as `bench/precision.py` reads it (`document_from_text`, the
metadata.tsv date), analysed alone, and its brief built uncapped; the system's
quotes are the brief's who-said-what (what a reader sees). PolNeAR offsets are
into the raw file; they are moved onto the cleaned text through the diff of the two.

- recall: a gold direct quote is found when the system's quotes (direct or not)
  together cover at least 30% of its Content's characters (one Content may run
  over a tag: '"A," he said. "B."'); `in_analysis` counts the
  misses the analysis had but the brief left out.
- speaker: over the found quotes, the system quote covering most of the Content
  agrees when its speaker names the gold Source (`precision.same_name` against the
  Source text or its naming part: "Graham" of "Graham, a former candidate,"). A Source that names no one (a pronoun, or lower-case words only:
  "he", "the senator", "aides") is resolved to the nearest earlier gold Source in
  the article that has a capitalised word (PolNeAR's sources form the chain a reader
  follows); either the Source text or that name may agree. A Source-less gold quote
  is left out of the speaker score; `speaker_agreement_named` is the score over
  Sources that name someone (no resolution involved).
- unattributed: system direct quotes whose content overlaps no PolNeAR Content at
  all (a precision proxy: PolNeAR annotates attributions, so a quote it has none
  for is likely a scare quote, a title or a mis-read span).

One annotation file per text (the first by name; a few texts have two annotators).
Train articles for finding errors: pass `--exclude` with the session's pool file so
the held-out pools stay unseen; names in bench/gold/*.json are always left out.
The learned cue model (analysis/cue_model.py) was trained on train attributions, so
train numbers are optimistic; dev is the honest one (never tune on it).

Usage: python bench/quote_recall.py SPLIT_DIR [--exclude POOLS.json] [--half 0|1]
       [--limit N] [--errors N] [--json FILE]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from precision import same_name

from storyline.analysis.quotemarks import find_quote_spans
from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.briefing.caps import UNLIMITED
from storyline.evaluation.polnear import read_ann
from storyline.ingest.documents import document_from_text

_PRONOUN = frozenset(
    {"i", "me", "we", "us", "he", "him", "she", "her", "they", "them", "it", "you"}
    | {"this", "that", "who", "which", "one", "the", "a", "an", "his", "their", "its"}
)
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "the"})


def _offset_map(raw: str, clean: str):
    """Raw offset -> clean offset, through the matching blocks of the two texts."""
    blocks = difflib.SequenceMatcher(None, raw, clean, autojunk=False).get_matching_blocks()
    starts = [b.a for b in blocks]

    def move(i: int) -> int:
        k = bisect_right(starts, i) - 1
        if k < 0:
            return 0
        b = blocks[k]
        return b.b + min(i - b.a, b.size)

    return move


def _chars(spans) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def names_someone(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'.-]*", text)
    if not words or all(w.casefold() in _PRONOUN for w in words):
        return False
    return any(w[:1].isupper() and w.casefold() not in _PRONOUN for w in words)


def source_name(text: str) -> str:
    """The part of a Source that names its speaker: "Graham, a former candidate," ->
    "Graham" (the first comma part that names someone), a courtesy title and a
    possessive dropped ("Mr. Carson" -> "Carson"), else the whole text."""
    parts = [p.strip() for p in text.split(",")]
    name = next((p for p in parts if names_someone(p)), text.strip(" ,"))
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in _COURTESY:
        words = words[1:]
    return re.sub(r"['\u2019]s?$", "", " ".join(words))


def select(split: Path, exclude: Path | None) -> list[str]:
    names = sorted(p.name for p in (split / "text").glob("*.txt"))
    drop: set[str] = set()
    for gold in (ROOT / "bench" / "gold").glob("*.json"):
        text = gold.read_text()
        drop.update(n for n in names if n.removesuffix(".txt") in text)
    if exclude:
        data = json.loads(exclude.read_text())
        lists = data.values() if isinstance(data, dict) else [data]
        for v in lists:
            if isinstance(v, list):
                drop.update(v)
    return [n for n in names if n not in drop]


def _dates(split: Path) -> dict[str, str]:
    meta = split.parent / "metadata.tsv"
    out: dict[str, str] = {}
    if meta.exists():
        with meta.open() as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
                out[row["filename"]] = row["publication_date"]
    return out


def evaluate(split: Path, names: list[str], errors: list[str] | None = None) -> dict:
    dates = _dates(split)
    t0 = time.perf_counter()
    c = dict.fromkeys(
        (
            "gold_direct",
            "found",
            "in_analysis",
            "speaker_scored",
            "speaker_agree",
            "speaker_named",
            "speaker_named_agree",
            "system_direct",
            "unattributed",
        ),
        0,
    )
    texts = 0
    for name in names:
        anns = sorted((split / "attributions").glob(f"{name.removesuffix('.txt')}_*.ann"))
        if not anns:
            continue
        raw = (split / "text" / name).read_text(encoding="utf-8")
        doc = document_from_text(raw, f"polnear:{name}", date=dates.get(name.removesuffix(".txt")))
        text = doc.text
        move = _offset_map(raw, text)
        texts += 1
        quoted = _chars((s.start, s.end) for g in find_quote_spans(text) for s in g)
        gold = []
        for att in read_ann(anns[0]):
            content = [(move(s), move(e)) for s, e in att["Content"]]
            source = [(move(s), move(e)) for s, e in att["Source"]]
            if not content:
                continue
            chars = {i for i in _chars(content) if not text[i].isspace()}
            src = text[min(s for s, _ in source) : max(e for _, e in source)] if source else ""
            gold.append((min(s for s, _ in content), chars, src, source))
        gold.sort(key=lambda g: g[0])
        analysis = analyze([doc])
        brief = build_brief(analysis, limits=UNLIMITED)
        shown = [
            (group.speaker or q.speaker, q, _chars((s.start, s.end) for s in q.content_spans))
            for group in brief.quotes
            for q in group.quotes
        ]
        analysed = _chars(
            (s.start, s.end) for a in analysis for q in a.quotes for s in q.content_spans
        )
        all_gold = set().union(*(g[1] for g in gold)) if gold else set()
        for speaker, q, chars in shown:
            if q.direct:
                c["system_direct"] += 1
                if not chars & all_gold:
                    c["unattributed"] += 1
                    if errors is not None:
                        errors.append(f"unattributed {name}: {speaker!r} {q.text[:80]!r}")
        last_named = ""
        for _start, chars, src, _source in gold:
            named = names_someone(src)
            resolved = source_name(src) if named else last_named
            if named:
                last_named = resolved
            if not chars or len(chars & quoted) * 2 < len(chars):
                continue
            c["gold_direct"] += 1
            best = max(shown, key=lambda x: len(x[2] & chars), default=None)
            covered = set().union(*(x[2] & chars for x in shown)) if shown else set()
            if best is None or len(covered) < 0.3 * len(chars):
                kept = len(analysed & chars) >= 0.3 * len(chars)
                c["in_analysis"] += kept
                if errors is not None:
                    s = min(chars)
                    where = " (in analysis)" if kept else ""
                    errors.append(
                        f"missed{where} {name}: src={src!r} {text[max(0, s - 60) : s + 80]!r}"
                    )
                continue
            c["found"] += 1
            if not src:
                continue
            c["speaker_scored"] += 1
            c["speaker_named"] += named
            speaker = best[0]
            if same_name(speaker, src) or (resolved and same_name(speaker, resolved)):
                c["speaker_agree"] += 1
                c["speaker_named_agree"] += named
            elif errors is not None:
                errors.append(
                    f"speaker {name}: system={speaker!r} gold={src!r} (resolved {resolved!r})"
                    f" {best[1].text[:60]!r}"
                )

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    return {
        "split": str(split),
        "texts": texts,
        "seconds": round(time.perf_counter() - t0, 1),
        "counts": c,
        "recall": ratio(c["found"], c["gold_direct"]),
        "speaker_agreement": ratio(c["speaker_agree"], c["speaker_scored"]),
        "speaker_agreement_named": ratio(c["speaker_named_agree"], c["speaker_named"]),
        "unattributed_share": ratio(c["unattributed"], c["system_direct"]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split", type=Path, help="PolNeAR split folder (text/, attributions/)")
    ap.add_argument("--exclude", type=Path, help="JSON list, or dict of lists, of names to skip")
    ap.add_argument("--half", type=int, choices=(0, 1), help="every other article, from 0 or 1")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    names = select(args.split, args.exclude)
    if args.half is not None:
        names = names[args.half :: 2]
    if args.limit:
        names = names[: args.limit]
    errors: list[str] | None = [] if args.errors else None
    result = evaluate(args.split, names, errors)
    result["articles"] = len(names)
    if errors:
        for kind in ("missed", "speaker", "unattributed"):
            for line in [e for e in errors if e.startswith(kind)][: args.errors]:
                print("-", line)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
