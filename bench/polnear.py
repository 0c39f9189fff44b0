"""Score attribution extraction (Source, Cue, Content) on PolNeAR.

Usage: python bench/polnear.py SPLIT_DIR [--json FILE] [--limit N] [--offset N] [--misses N]
                              [--cue-stats RATE:HITS] [--no-learned] [--losses]

--no-learned scores the hand-written cue finders alone, without the learned cue
model (storyline/analysis/cue_model.py, trained on train by
storyline/evaluation/train_cue_model.py).

--losses breaks the Source and Content token losses down by kind (missed
attribution, span short or long at either end, spurious attribution, wrong role;
`storyline.evaluation.polnear.token_losses`), as shares of gold (recall) and of
predicted tokens (precision); the kinds count covered tokens, so their sums can
differ a little from the scores, whose capped sums credit a token covered twice.

--misses N lists the N most frequent gold cues that no predicted cue overlaps,
by lemma (multi-word cues by their head, marked "*"), with one example each:
the worklist for new cue forms.

SPLIT_DIR holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat standoff).
Each .ann file is scored against its text (a text annotated twice counts twice).

Gold attributions are the brat `E` (Attribution) events with their Source, Cue
and Content arguments; `Discard`/`Discuss` spans belong to no event and are not
gold. A span shared by two events (one Source for two cues) is gold once per
event, as in Citron's per-quote span lists; an event without Source (implicit
source) has no gold Source. Three scores per role:

- exact: identical (start, end) after stripping surrounding whitespace; a
  discontinuous span ("S E;S E") and our multi-part contents are compared as
  one span from first start to last end. Predicted and gold spans are matched
  one-to-one; P = matched / predicted, R = matched / gold.
- span: as exact, but a pair matches when it shares at least one character,
  one-to-one, greedily, largest overlap first.
- token: Citron's overlap metric (bbc/citron metrics.py): P = overlapping
  tokens / predicted tokens, R = overlapping tokens / gold tokens, over all
  predicted x gold attributions, using the real parts of discontinuous spans.
  Unlike Citron a span's overlap is capped at its own length, so nested or
  shared gold cannot count a token twice.

Published reference: BBC Citron on PARC 3.0 (a different corpus): exact F1
56.7, overlap F1 83.2, where overlap is the token metric: compare it with
`token`, never with `span`. Before this definition (gold = T lines, a shared Source counted
once; no token score) dev scored span-overlap F1 Source 0.683, Cue 0.687,
Content 0.707.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.analysis.cues import CUE_VERBS, LEARNED_CUE_VERBS
from storyline.analysis.nlp import load_nlp
from storyline.evaluation.polnear import (  # noqa: F401  (re-exported for the tests)
    ROLES,
    Gold,
    _strip,
    _tokens,
    cue_span,
    merged,
    parse,
    predict,
    read_ann,
    source_span,
    token_losses,
    token_overlap,
)

# the hand-made cue lists, without the verbs learned from train (`cue_stats`)
BASE_CUE_VERBS = CUE_VERBS - LEARNED_CUE_VERBS
REFERENCE = {"exact_f1": 56.7, "overlap_f1": 83.2, "system": "BBC Citron on PARC 3.0"}


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


def _missed_cues(
    text: str, doc, pred: list[tuple[int, int]], gold: list[tuple[int, int]], out: dict
) -> None:
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


def _implicit(pred: Gold, gold: Gold, out: dict) -> None:
    """Gold attributions without a Source, and how many of them we give a source."""
    for g in gold:
        if g["Source"] or not g["Cue"]:
            continue
        out["gold"] = out.get("gold", 0) + 1
        ((gs, ge),) = merged(g, "Cue")
        for p in pred:
            ((ps, pe),) = p["Cue"]
            if min(pe, ge) > max(ps, gs):
                out["found"] = out.get("found", 0) + 1
                out["with_source"] = out.get("with_source", 0) + bool(p["Source"])
                break


def cue_stats(doc, gold: Gold, out: dict) -> None:
    """Per verb lemma outside the cue lists: uses with a subject and a complement, and how
    many of them are gold cues (`--cue-stats`: the evidence for `cues.LEARNED_CUE_VERBS`)."""
    cues = [s for g in gold for s in merged(g, "Cue")]
    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma in BASE_CUE_VERBS:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("it", "there", "this", "that", "which"):
            continue
        if not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "prt") and c.i > t.i for c in t.children
        ):
            continue
        n, hits = out.get(lemma, (0, 0))
        out[lemma] = (n + 1, hits + any(s <= t.idx < e for s, e in cues))


def _prf(hit_p: float, n_pred: int, hit_g: float, n_gold: int) -> dict:
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def evaluate(
    split: Path,
    limit: int | None = None,
    misses: dict | None = None,
    offset: int = 0,
    verb_stats: dict | None = None,
    learned: bool = True,
    losses: dict | None = None,
) -> dict:
    anns = sorted((split / "attributions").glob("*.ann"))[offset:]
    if limit:
        anns = anns[:limit]
    nlp = load_nlp()
    keys = ("pred", "gold", "exact", "span", "tok_p", "tok_pred", "tok_g", "tok_gold")
    counts = {r: dict.fromkeys(keys, 0) for r in ROLES}
    implicit: dict[str, int] = {}
    parsed: dict[str, tuple] = {}
    t0 = time.perf_counter()
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        txt = split / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        if name not in parsed:
            text = txt.read_text(encoding="utf-8")
            doc = parse(nlp, text)
            parsed[name] = (text, predict(text, doc, learned=learned), doc)
        text, pred, doc = parsed[name]
        gold = read_ann(ann)
        _implicit(pred, gold, implicit)
        if verb_stats is not None:
            cue_stats(doc, gold, verb_stats)
        if misses is not None:
            _missed_cues(
                text,
                doc,
                [s for a in pred for s in merged(a, "Cue")],
                [s for a in gold for s in merged(a, "Cue")],
                misses,
            )
        for r in ROLES:
            p = [_strip(text, s) for a in pred for s in merged(a, r)]
            g = [_strip(text, s) for a in gold for s in merged(a, r)]
            c = counts[r]
            c["pred"] += len(p)
            c["gold"] += len(g)
            c["exact"] += match(p, g, exact=True)
            c["span"] += match(p, g, exact=False)
            for k, v in zip(
                ("tok_p", "tok_pred", "tok_g", "tok_gold"),
                token_overlap(doc, pred, gold, r),
                strict=False,
            ):
                c[k] += v
            if losses is not None and r != "Cue":
                row = losses.setdefault(r, {})
                for kind, n in token_losses(doc, pred, gold, r).items():
                    row[kind] = row.get(kind, 0) + n
    result = {
        "split": str(split),
        "annotation_files": len(anns),
        "texts": len(parsed),
        "learned_cues": learned,
        "seconds": round(time.perf_counter() - t0, 1),
        "reference": REFERENCE,
        "implicit_source": implicit,
        "scores": {},
    }
    for r, c in counts.items():
        result["scores"][r] = {
            "exact": _prf(c["exact"], c["pred"], c["exact"], c["gold"]),
            "span": _prf(c["span"], c["pred"], c["span"], c["gold"]),
            "token": _prf(c["tok_p"], c["tok_pred"], c["tok_g"], c["tok_gold"]),
            "pred": c["pred"],
            "gold": c["gold"],
        }
        if losses is not None and r in losses:
            result["scores"][r]["token_losses"] = {
                kind: {
                    "tokens": n,
                    "share": round(n / max(c["tok_gold" if kind[0] == "r" else "tok_pred"], 1), 3),
                }
                for kind, n in sorted(losses[r].items(), key=lambda kv: -kv[1])
            }
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--offset", type=int, default=0, help="skip the first N annotation files")
    ap.add_argument(
        "--no-learned",
        action="store_true",
        help="the hand-written cue finders alone, without the learned cue model (cue_model.py)",
    )
    ap.add_argument("--misses", type=int, metavar="N", help="list the N most frequent missed cues")
    ap.add_argument(
        "--cue-stats",
        metavar="RATE:HITS",
        help="list verbs outside the cue lists that are gold cues in at least RATE of their "
        "uses and HITS times (the evidence for cues.LEARNED_CUE_VERBS)",
    )
    ap.add_argument(
        "--losses",
        action="store_true",
        help="break the Source and Content token losses down by kind (token_losses)",
    )
    args = ap.parse_args()
    misses: dict | None = {} if args.misses else None
    stats: dict | None = {} if args.cue_stats else None
    losses: dict | None = {} if args.losses else None
    res = evaluate(args.split, args.limit, misses, args.offset, stats, not args.no_learned, losses)
    print(
        f"PolNeAR {res['split']}: {res['annotation_files']} annotation files, {res['texts']} texts, {res['seconds']}s"
    )
    print(
        f"{'role':8} {'exact P':>8} {'R':>6} {'F1':>6} | {'span P':>7} {'R':>6} {'F1':>6} | "
        f"{'token P':>7} {'R':>6} {'F1':>6} | pred/gold"
    )
    for r, row in res["scores"].items():
        cells = " | ".join(
            f"{row[k]['precision']:{w}.3f} {row[k]['recall']:6.3f} {row[k]['f1']:6.3f}"
            for k, w in (("exact", 8), ("span", 7), ("token", 7))
        )
        print(f"{r:8} {cells} | {row['pred']}/{row['gold']}")
    imp = res["implicit_source"]
    print(
        f"implicit-source gold: {imp.get('gold', 0)}; cue found {imp.get('found', 0)}, "
        f"of which we gave a source {imp.get('with_source', 0)}"
    )
    print(
        f"reference: {REFERENCE['system']}: exact F1 {REFERENCE['exact_f1']}, "
        f"token-overlap F1 {REFERENCE['overlap_f1']}"
    )
    for r in ("Source", "Content"):
        kinds = res["scores"][r].get("token_losses")
        if kinds:
            print(f"{r} tokens lost (share of gold for recall, of predicted for precision):")
            for kind, row in kinds.items():
                print(f"  {row['tokens']:7} {row['share']:.3f} {kind}")
    if misses:
        total = sum(c for c, _ in misses.values())
        print(f"missed cues: {total}")
        for key, (count, example) in sorted(misses.items(), key=lambda kv: -kv[1][0])[
            : args.misses
        ]:
            print(f"{count:5} {key:24} {example}")
    if stats is not None:
        rate, hits = args.cue_stats.split(":")
        chosen = sorted(
            lemma for lemma, (n, h) in stats.items() if h >= int(hits) and h / n >= float(rate)
        )
        print(f"verbs cued in >= {rate} of their uses, >= {hits} times: {len(chosen)}")
        for lemma in chosen:
            n, h = stats[lemma]
            print(f"  {lemma:14} {h:4} / {n:<4} {h / n:.2f}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
