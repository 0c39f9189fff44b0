"""Score attribution extraction (Source, Cue, Content) on PolNeAR.

Usage: python bench/polnear.py SPLIT_DIR [--json FILE] [--limit N] [--misses N]

--misses N lists the N most frequent gold cues that no predicted cue overlaps,
by lemma (multi-word cues by their head, marked "*"), with one example each:
the worklist for new cue forms.

SPLIT_DIR holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat standoff).
Each .ann file is scored against its text (a text annotated twice counts twice).
Gold spans are the `Source`, `Cue` and `Content` T lines; a discontinuous span
("S E;S E") is one span from its first start to its last end, and so are our
multi-part contents. Per role, predicted and gold spans are matched one-to-one,
greedily: exact = identical (start, end) after stripping surrounding whitespace;
overlap = at least one character in common, pairs taken in order of largest
overlap first. Precision = matched / predicted, recall = matched / gold.
Published reference (PARC 3.0, a different corpus and scorer): BBC Citron
exact-span F1 56.7, overlap F1 83.2.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.analysis.nlp import load_nlp  # noqa: E402
from storyline.analysis.quotes import extract_attributions  # noqa: E402

ROLES = ("Source", "Cue", "Content")
REFERENCE = {"exact_f1": 56.7, "overlap_f1": 83.2, "system": "BBC Citron on PARC 3.0"}


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Gold spans per role from one brat file."""
    spans: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, ranges = parts[1].partition(" ")
        if label not in spans:
            continue
        bounds = [tuple(map(int, r.split())) for r in ranges.split(";")]
        spans[label].append((bounds[0][0], bounds[-1][1]))
    return spans


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    """Number of one-to-one greedy matches."""
    if exact:
        remaining = list(gold)
        hits = 0
        for p in pred:
            if p in remaining:
                remaining.remove(p)
                hits += 1
        return hits
    pairs = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def predict(text: str, doc) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    for att in extract_attributions(text, doc):
        out["Cue"].append((att.cue.start, att.cue.end))
        if att.source is not None:
            out["Source"].append((att.source.start, att.source.end))
        if att.content:
            out["Content"].append((att.content[0].start, att.content[-1].end))
    return out


def _missed_cues(text: str, doc, pred: list[tuple[int, int]], gold: list[tuple[int, int]], out: dict) -> None:
    """Count gold cues that no predicted cue overlaps, keyed by lemma and part of speech."""
    for gs, ge in gold:
        if any(min(pe, ge) - max(ps, gs) > 0 for ps, pe in pred):
            continue
        span = doc.char_span(gs, ge, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root if len(span) > 1 else span[0]
        key = ("*" if len(span) > 1 else "") + f"{tok.lemma_.lower()}/{tok.pos_}"
        count, example = out.get(key, (0, ""))
        out[key] = (count + 1, example or text[max(0, gs - 60) : ge + 40].replace("\n", " "))


def evaluate(split: Path, limit: int | None = None, misses: dict | None = None) -> dict:
    anns = sorted((split / "attributions").glob("*.ann"))
    if limit:
        anns = anns[:limit]
    nlp = load_nlp()
    counts = {r: {"pred": 0, "gold": 0, "exact": 0, "overlap": 0} for r in ROLES}
    parsed: dict[str, tuple[str, dict]] = {}
    t0 = time.perf_counter()
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        txt = split / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        if name not in parsed:
            text = txt.read_text(encoding="utf-8")
            doc = nlp(text)
            parsed[name] = (text, predict(text, doc), doc if misses is not None else None)
        text, pred, doc = parsed[name]
        gold = read_ann(ann)
        if misses is not None:
            _missed_cues(text, doc, pred["Cue"], gold["Cue"], misses)
        for r in ROLES:
            p = [_strip(text, s) for s in pred[r]]
            g = [_strip(text, s) for s in gold[r]]
            c = counts[r]
            c["pred"] += len(p)
            c["gold"] += len(g)
            c["exact"] += match(p, g, exact=True)
            c["overlap"] += match(p, g, exact=False)
    result = {"split": str(split), "annotation_files": len(anns), "texts": len(parsed),
              "seconds": round(time.perf_counter() - t0, 1), "reference": REFERENCE, "scores": {}}
    for r, c in counts.items():
        row = {}
        for kind in ("exact", "overlap"):
            p = c[kind] / c["pred"] if c["pred"] else 0.0
            rec = c[kind] / c["gold"] if c["gold"] else 0.0
            f = 2 * p * rec / (p + rec) if p + rec else 0.0
            row[kind] = {"precision": round(p, 3), "recall": round(rec, 3), "f1": round(f, 3)}
        row.update(pred=c["pred"], gold=c["gold"])
        result["scores"][r] = row
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--misses", type=int, metavar="N", help="list the N most frequent missed cues")
    args = ap.parse_args()
    misses: dict | None = {} if args.misses else None
    res = evaluate(args.split, args.limit, misses)
    print(f"PolNeAR {res['split']}: {res['annotation_files']} annotation files, {res['texts']} texts, {res['seconds']}s")
    print(f"{'role':8} {'exact P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6} | pred/gold")
    for r, row in res["scores"].items():
        e, o = row["exact"], row["overlap"]
        print(f"{r:8} {e['precision']:8.3f} {e['recall']:6.3f} {e['f1']:6.3f} | {o['precision']:9.3f} "
              f"{o['recall']:6.3f} {o['f1']:6.3f} | {row['pred']}/{row['gold']}")
    print(f"reference: {REFERENCE['system']}: exact F1 {REFERENCE['exact_f1']}, overlap F1 {REFERENCE['overlap_f1']}")
    if misses:
        total = sum(c for c, _ in misses.values())
        print(f"missed cues: {total}")
        for key, (count, example) in sorted(misses.items(), key=lambda kv: -kv[1][0])[: args.misses]:
            print(f"{count:5} {key:24} {example}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
