"""Where gold timeline events are lost between the dated passages and the brief.

For each gold event (bench/gold/*.json with events) this follows the pipeline
`build_brief` runs and names the first stage that no longer holds it (an item
whose citations start inside the gold sentence and whose date is the gold date,
the match rule of bench/precision.py):

- passage: `dated_sentences` (date rules + learned keep filter) has no such passage;
- merged: `merge` folded the passage into a group whose date is another one
  (finer, or a compatible prefix), or the group's date is right but none of it cites here;
- targets/revisions: `merge_targets`, `mark_superseded`, `mark_called_off`;
- implausible: `clean_timeline` dropped it (a date none of its articles could report);
- unreadable: the brief's `_event_line` gave no standalone line for it;
- kept: the brief's timeline holds it.

A lost event is also tallied by the kind of date the gold sentence names
(event_keep's kinds). With --errors the brief's wrong lines are listed too (the
precision side: a line whose citations hold no gold event of its date), each
with the gold dates of its sentence. Analyses are cached under --cache (pickles keyed by the
gold file) so a change to the briefing stages reruns in seconds; delete the
cache after a change to analysis.

Usage: python bench/event_stages.py [GOLD.json ...] [--cache DIR] [--json FILE] [--list] [--errors]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.precision import GOLD_DIR, ROOT, Gold, gold_documents
from storyline.api import analyze
from storyline.briefing import timeline as tl
from storyline.briefing.build import build_brief
from storyline.briefing.caps import UNLIMITED, clean_timeline
from storyline.briefing.event_keep import _kind

STAGES = ("passage", "merged", "targets/revisions", "implausible", "unreadable", "kept")


def _holds(items: list[Any], g: dict, ids: dict[str, str]) -> bool:
    doc = ids.get(g["doc"])
    for it in items:
        cites = getattr(it, "citations", None)
        spans = (
            [(c.document, c.start) for c in cites]
            if cites is not None
            else [(it.document, it.start)]
        )
        if it.date == g["date"] and any(d == doc and g["start"] <= s < g["end"] for d, s in spans):
            return True
    return False


def stages(
    gold_path: Path, cache: Path | None, errors: list[str] | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The stage losing each gold event of one gold file, and how many lines the brief
    shows; `errors` collects the wrong lines."""
    data = json.loads(gold_path.read_text())
    docs, _ = gold_documents(data, ROOT)
    gold = Gold(data, docs)
    pickled = cache / f"{gold_path.stem}.pkl" if cache else None
    if pickled and pickled.exists():
        analyses = pickle.loads(pickled.read_bytes())
    else:
        analyses = analyze(list(docs.values()))
        if pickled:
            pickled.write_bytes(pickle.dumps(analyses))
    published = {a.document.id: a.document.published for a in analyses}
    items = [s for a in tl.borrow_years(analyses) for s in tl.dated_sentences(a)]
    merged = tl.merge(items)
    events = tl.merge_targets(list(merged), analyses)
    tl.mark_superseded(events, analyses)
    tl.mark_called_off(events, analyses)
    tl.settle_own_revisions(events)
    clean = clean_timeline(events, published)
    brief = build_brief(analyses, limits=UNLIMITED)
    ladder = [items, merged, events, clean, brief.timeline]
    if errors is not None:  # the precision side: lines no gold event of their date holds
        for e in brief.timeline:
            there = [g for c in e.citations for g in gold.at("events", c)]
            if not any(g["date"] == e.date for g in there):
                golds = ",".join(sorted({g["date"] for g in there})) or "-"
                errors.append(f"{gold_path.name} {e.date} (gold {golds}): {e.text[:150]!r}")
    out = []
    for g in gold.data["events"]:
        stage = next(
            (STAGES[i] for i, xs in enumerate(ladder) if not _holds(xs, g, gold.ids)), "kept"
        )
        doc = docs[g["doc"]]
        text = doc.text[g["start"] : g["end"]]
        row = {
            "file": gold_path.name,
            "doc": g["doc"],
            "date": g["date"],
            "stage": stage,
            "kind": _kind(text),
            "text": text[:160],
        }
        if stage == "merged":  # the group that took the passage
            for e in merged:
                if any(
                    c.document == gold.ids[g["doc"]] and g["start"] <= c.start < g["end"]
                    for c in e.citations
                ):
                    row["group"] = f"{e.date} ({len(e.citations)} passages): {e.text[:100]}"
                    break
        out.append(row)
    return out, len(brief.timeline)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--list", action="store_true", help="print each lost event")
    ap.add_argument("--errors", action="store_true", help="print each wrong line of the brief")
    args = ap.parse_args(argv)
    files = args.gold or [
        f for f in sorted(GOLD_DIR.glob("*.json")) if json.loads(f.read_text()).get("events")
    ]
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    rows: list[dict[str, Any]] = []
    lines = 0
    for f in files:
        found, shown = stages(f, args.cache, errors)
        rows += found
        lines += shown
    by_stage = Counter(r["stage"] for r in rows)
    by_kind = Counter((r["stage"], r["kind"]) for r in rows)
    print(f"{len(rows)} gold events")
    for s in STAGES:
        kinds = ", ".join(f"{k} {n}" for (st, k), n in sorted(by_kind.items()) if st == s)
        print(f"  {s:18} {by_stage[s]:4}   {kinds}")
    if args.list:
        for r in rows:
            if r["stage"] != "kept":
                print(f"[{r['stage']}] {r['file']} {r['date']} {r['kind']}: {r['text']!r}")
                if "group" in r:
                    print(f"     -> {r['group']}")
    print(f"{len(errors)} wrong lines of {lines}")
    if args.errors:
        for err in errors:
            print(f"x {err}")
    if args.json:
        args.json.write_text(
            json.dumps({"stages": dict(by_stage), "rows": rows, "wrong": errors}, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
