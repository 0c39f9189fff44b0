"""How big a brief is, and how many of its lines cannot stand alone.

Two measurements:

* `sizes`: briefs of N articles (N = 3, 50, 500 by default) of one story:
  the BP oil spill articles of Timeline17 (five outlets, April 2010 to 2011,
  dated by their folder), or Multi-News articles (dev clusters, or the
  Multi-News+ validation clusters, which hold no dates), picked evenly. For each:
  Markdown/HTML/JSON bytes, rows per section, the totals before the caps,
  the JSON size with `--all`, years no article could report, and build time.
* `readable`: over Multi-News dev clusters, the share of brief lines (lede,
  narrative, summary, timeline, what key players did) that
  `storyline.briefing.readable.problems` flags, beside the same share for the
  raw summary and timeline the brief is built from (before the lines are
  repaired or dropped). Note that the brief's own lines pass through the same
  check when they are chosen, so its rate is low by construction; the raw rate
  is what the check removes.

Usage:
  python bench/brief_shape.py sizes --timeline17 ../shared/eval/timeline17 [--sizes 3 50 500] [--json F]
  python bench/brief_shape.py sizes --multinews ../shared/eval/multinews/dev.jsonl [--sizes 3 50]
  python bench/brief_shape.py readable ../shared/eval/multinews/dev.jsonl [--clusters 100] [--json F]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.analysis.nlp import load_nlp
from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.briefing.readable import _body, problems
from storyline.briefing.summary import summarize
from storyline.briefing.timeline import build_timeline
from storyline.config import Settings
from storyline.errors import InputError
from storyline.ingest import document_from_text
from storyline.ingest.multinews import iter_clusters
from storyline.model import Brief, Document
from storyline.renderers import render

OUTLETS = {
    "bbc": "BBC",
    "guardian": "The Guardian",
    "reuters": "Reuters",
    "foxnews": "Fox News",
    "washingtonpost": "The Washington Post",
}


def timeline17_documents(root: Path, prefix: str = "bpoil") -> list[Document]:
    docs = []
    for topic in sorted(root.glob(f"{prefix}_*")):
        outlet = OUTLETS.get(topic.name.split("_", 1)[1], topic.name)
        for path in sorted(topic.glob("InputDocs/*/*.txt")):
            text = path.read_text(errors="replace")
            if not text.strip():
                continue
            try:
                doc = document_from_text(text, str(path), date=path.parent.name)
            except InputError:
                continue  # an article that cleans to nothing
            doc.outlet = outlet
            docs.append(doc)
    return docs


def multinews_documents(path: Path) -> list[Document]:
    docs = []
    if path.name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                for j, text in enumerate(json.loads(line)["documents"]):
                    try:
                        docs.append(document_from_text(text, f"plus-{k}-{j}.txt"))
                    except InputError:
                        continue
                if len(docs) >= 5000:
                    break  # enough to pick 3,000 from
        return docs
    for k, (_, articles, _) in enumerate(iter_clusters(path)):
        for j, text in enumerate(articles):
            try:
                docs.append(document_from_text(text, f"dev-{k}-{j}.txt"))
            except InputError:
                continue
    return docs


def evenly(items: list, n: int) -> list:
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def rows(brief: Brief) -> dict[str, int]:
    return {
        "lede": len(brief.lede),
        "narrative": len(brief.narrative),
        "developments": len(brief.developments),
        "key_players": len(brief.key_players),
        "timeline": len(brief.timeline),
        "speakers": len(brief.quotes),
        "quotes": sum(len(g.quotes) for g in brief.quotes),
        "figures": len(brief.figures),
        "entities": len(brief.entities),
        "divergences": len(brief.divergences),
        "sources": len(brief.documents),
        "summary": len(brief.summary),
    }


def junk_years(brief: Brief, published: dict[str, str | None]) -> int:
    years = [int(p[:4]) for p in published.values() if p]
    if not years:
        return 0
    lo, hi = min(years) - 50, max(years)
    dated = [(e.date, e.future) for e in brief.timeline]
    dated += [(line.date, False) for line in brief.narrative if line.date]
    return sum(1 for d, future in dated if int(d[:4]) < lo or (not future and int(d[:4]) > hi))


def sizes(docs: list[Document], counts: list[int]) -> list[dict]:
    results = []
    for n in counts:
        chosen = evenly(docs, n)
        t0 = time.perf_counter()
        analyses = analyze(chosen)
        t1 = time.perf_counter()
        brief = build_brief(analyses, Settings())
        t2 = time.perf_counter()
        full = build_brief(analyses, Settings(full=True))
        published = {d.id: d.published for d in chosen}
        result = {
            "articles": len(chosen),
            "markdown_bytes": len(render(brief, "markdown").encode()),
            "html_bytes": len(render(brief, "html").encode()),
            "json_bytes": len(render(brief, "json").encode()),
            "json_all_bytes": len(render(full, "json").encode()),
            "markdown_all_bytes": len(render(full, "markdown").encode()),
            "rows": rows(brief),
            "rows_all": rows(full),
            "totals": brief.totals,
            "junk_years": junk_years(brief, published),
            "junk_years_all": junk_years(full, published),
            "analyse_s": round(t1 - t0, 1),
            "build_s": round(t2 - t1, 1),
        }
        print(json.dumps(result), flush=True)
        results.append(result)
    return results


def brief_lines(brief: Brief) -> list[str]:
    return [
        *(s.text for s in brief.lede),
        *(line.text for line in brief.narrative),
        *(s.text for s in brief.summary),
        *(e.text for e in brief.timeline),
        *(d.text for p in brief.key_players for d in p.did if not d.text.startswith("“")),
    ]


def _root_verb(line: str, nlp: Any) -> bool:
    """Whether the line, parsed alone, has a verb at its root: the bench audits
    lines as a reader sees them, so it parses them (the brief stage does not)."""
    doc = nlp(_body(line))
    return any(t.pos_ in ("VERB", "AUX") for t in doc if t.dep_ == "ROOT")


def readable(path: Path, clusters: int, sample: Path | None = None) -> dict:
    """The flagged share of brief lines and of raw lines; with `sample`, every
    brief line is written there (one JSON per line) for a reader to audit."""
    nlp = load_nlp()
    kept: list[dict] = []
    lines = flagged = raw_lines = raw_flagged = 0
    reasons: dict[str, int] = {}
    for k, (_, articles, _) in enumerate(iter_clusters(path)):
        if k >= clusters:
            break
        docs = []
        for j, text in enumerate(articles):
            try:
                docs.append(document_from_text(text, f"dev-{k}-{j}.txt"))
            except InputError:
                continue  # an article that cleans to nothing
        if not docs:
            continue
        analyses = analyze(docs)
        brief = build_brief(analyses, Settings())
        for line in brief_lines(brief):
            found = problems(line, _root_verb(line, nlp))
            lines += 1
            flagged += bool(found)
            kept.append({"cluster": k, "line": line})
        raw = [s.text for s in summarize(docs, analyses=analyses)]
        raw += [e.text for e in build_timeline(analyses)]
        for line in raw:
            found = problems(line, _root_verb(line, nlp))
            raw_lines += 1
            raw_flagged += bool(found)
            for reason in found:
                key = reason.split(":")[0]
                reasons[key] = reasons.get(key, 0) + 1
        print(
            f"cluster {k}: {flagged}/{lines} brief lines flagged, raw {raw_flagged}/{raw_lines}",
            flush=True,
        )
    if sample is not None:
        sample.write_text("".join(json.dumps(x) + "\n" for x in kept))
    return {
        "clusters": min(clusters, k + 1),
        "brief_lines": lines,
        "brief_flagged": flagged,
        "brief_rate": round(flagged / max(lines, 1), 4),
        "raw_lines": raw_lines,
        "raw_flagged": raw_flagged,
        "raw_rate": round(raw_flagged / max(raw_lines, 1), 4),
        "raw_reasons": reasons,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("sizes")
    s.add_argument("--timeline17", type=Path)
    s.add_argument("--multinews", type=Path)
    s.add_argument("--sizes", type=int, nargs="+", default=[3, 50, 500])
    s.add_argument("--json", type=Path)
    r = sub.add_parser("readable")
    r.add_argument("dev", type=Path)
    r.add_argument("--clusters", type=int, default=100)
    r.add_argument("--json", type=Path)
    r.add_argument("--lines", type=Path, help="write every brief line here, for an audit")
    args = parser.parse_args()
    if args.what == "sizes":
        if args.timeline17:
            docs = timeline17_documents(args.timeline17)
            docs.sort(key=lambda d: (d.published or "", d.source))
        elif args.multinews:
            docs = multinews_documents(args.multinews)
        else:
            parser.error("give --timeline17 or --multinews")
        result: object = {
            "corpus": str(args.timeline17 or args.multinews),
            "briefs": sizes(docs, args.sizes),
        }
    else:
        result = readable(args.dev, args.clusters, args.lines)
        print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
