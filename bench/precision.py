"""Precision and recall of the brief's sections against a hand-checked gold set.

Gold files (bench/gold/*.json, format and annotation guide in bench/gold/README.md)
hold, per corpus, every quote, figure and dated event a careful reader finds,
and every real divergence and development, by document, sentence offsets and a
short hash of the sentence: never the third-party text itself. This script
reads the corpus, builds the brief exactly as `storyline brief` does, and
scores each section.

Match rules (one place, so the numbers mean one thing):
- Every system item is placed in the gold sentences that hold the starts of its
  citations (a multi-sentence gold quote covers its sentences; a figure the
  brief merged across documents is found through any of its citations).
- quotes: correct when a gold quote there has the same speaker (`same_name`:
  name keys equal, or one name's last word a near spelling of the other's, or
  one contained in the other: "Fenwick Research" in "analysts at Fenwick
  Research"). Role, organisation and direct/indirect are reported as accuracy
  over the correct quotes, not counted in precision.
- figures: in scope when the surface holds a digit or a number word ("four
  million", not "hundreds"). Found when a gold figure there has the same value
  (within 1%, or the same tally "5-0") and unit class (a currency, percent,
  counts, or the same other unit); correct when, besides, the status class
  (actual / planned: target or forecast / unknown) agrees and the claimant
  matches where the gold names one.
- events: correct when a gold event there has exactly the same date (ISO prefix).
- divergences, developments: correct when a gold one has the same kind, its
  documents are among the item's sides, and each of its values appears in the
  item's wording (years, names; numbers are matched by document only).
Precision = correct system items / system items in scope; recall = gold items
matched by a correct system item / gold items. Gold items whose sentence hash
no longer matches the document (the ingest changed) are re-found by hash among
the document's sentences (or as the start of a sentence the ingest merged with its
neighbour, or as two or three sentences the ingest split it into, which then
stand for the item), else reported as lost and left out.

A gold file may name PolNeAR train articles in "polnear" (file names under
../shared/eval/polnear/train/text); each is read with its metadata.tsv
publication date, as a real feed would date it.

A gold file may name Timeline17 articles in "timeline17" (TOPIC/DAY/FILE under
../shared/eval/timeline17/TOPIC/InputDocs, named "timeline17:TOPIC/DAY/FILE"): one line
a sentence, dated by its folder, as bench/timeline17.py reads them.

A gold file may list the `sections` it annotates fully (the Multi-News clusters
annotate divergences and developments only); other sections are not scored
there.

Usage: python bench/precision.py [GOLD.json ...] [--json FILE] [--root DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("STORYLINE_STRICT", "1")  # a component crash fails the bench, not a note

from storyline.analysis.names import name_key, same_word
from storyline.analysis.roles import NAME_TITLES
from storyline.api import analyze, read
from storyline.briefing.build import build_brief
from storyline.briefing.caps import UNLIMITED
from storyline.briefing.compare import magnitude
from storyline.ingest.documents import document_from_text
from storyline.model import Brief, Citation, Document, Figure

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = Path(__file__).resolve().parent / "gold"
SECTIONS = ("quotes", "figures", "events", "divergences", "developments")
TARGETS = {"precision": 0.95, "recall": 0.85, "divergence_recall": 0.8}

_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|half|a million|a billion|"
    r"thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b",  # "a fifth": a fraction
    re.I,
)
_CURRENCIES = frozenset({"USD", "GBP", "EUR", "JPY", "CNY", "CAD", "AUD", "INR", "CHF"})
_COUNTS = frozenset({None, "units", "people", "votes", ""})


def passage_hash(text: str) -> str:
    """12 hex digits of SHA-1 over the passage with its whitespace squeezed."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def doc_key(doc: Document) -> str:
    """How gold names a document: its file name (a JSONL record keeps its #N),
    or the Multi-News id it was given."""
    if doc.source.startswith(("multinews:", "timeline17:")):
        return doc.source
    return re.split(r"[/\\]", doc.source)[-1]


# ---------------------------------------------------------------- matching


def same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if name_key(a) == name_key(b) or a.casefold() == b.casefold():
        return True
    x, y = a.casefold(), b.casefold()
    if x in y or y in x:
        return True
    return same_word(a.split()[-1], b.split()[-1]) and a.split()[0][:1] == b.split()[0][:1]


def _unit_class(unit: str | None) -> str:
    if unit in _COUNTS:
        return "count"
    if unit in _CURRENCIES:
        return "money:" + unit
    if unit in ("percent", "percentage points"):
        return "percent"
    return (unit or "").casefold().rstrip("s")


def _status_class(status: str | None) -> str:
    return {"target": "planned", "forecast": "planned", "actual": "actual"}.get(
        status or "", "unknown"
    )


def in_scope(figure: Figure) -> bool:
    return bool(re.search(r"\d", figure.text) or _NUMBER_WORD.search(figure.text))


_SIDE_WORDS = {
    w: str(i)
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=1
    )
}


def _tally(text: str) -> str | None:
    m = re.search(r"\b(\d+)\s*(?:-to-|[-–]|\sto\s)\s*(\d+)\b", text)  # "5-0", "90 to 10", "9-to-6"
    if m is None:  # a ratio in words: "four to one"
        words = "|".join(_SIDE_WORDS)
        m = re.search(rf"\b({words})(?:-to-|\sto\s)({words})\b", text, re.I)
        if m is None:
            return None
        return f"{_SIDE_WORDS[m.group(1).lower()]}-{_SIDE_WORDS[m.group(2).lower()]}"
    return f"{m.group(1)}-{m.group(2)}"


def figure_found(f: Figure, g: dict) -> bool:
    if isinstance(g["value"], str):
        return _tally(f.text) == g["value"]
    size = magnitude(f)
    if size is None or _unit_class(f.unit) != _unit_class(g["unit"]):
        return False
    return abs(size - g["value"]) <= 0.01 * max(abs(size), abs(g["value"]))


def figure_correct(f: Figure, g: dict) -> bool:
    if _status_class(f.status) != _status_class(g["status"]):
        return False
    return g["claimant"] is None or same_name(f.claimant, g["claimant"])


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    system: int = 0
    correct: int = 0
    gold: int = 0
    recalled: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # gold quotes and figures not recalled

    def add(self, other: Score) -> None:
        self.system += other.system
        self.correct += other.correct
        self.gold += other.gold
        self.recalled += other.recalled
        for k, (r, t) in other.extra.items():
            self.extra.setdefault(k, [0, 0])
            self.extra[k][0] += r
            self.extra[k][1] += t
        self.errors += other.errors
        self.misses += other.misses

    def tally(self, name: str, right: bool) -> None:
        self.extra.setdefault(name, [0, 0])
        self.extra[name][0] += int(right)
        self.extra[name][1] += 1

    def row(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "correct": self.correct,
            "precision": round(self.correct / self.system, 3) if self.system else None,
            "gold": self.gold,
            "recalled": self.recalled,
            "recall": round(self.recalled / self.gold, 3) if self.gold else None,
            **{k: round(r / t, 3) if t else None for k, (r, t) in self.extra.items()},
        }


class Gold:
    """One gold file located in the documents as read now."""

    def __init__(self, data: dict, docs: dict[str, Document]) -> None:
        self.data = data
        self.docs = docs
        self.lost: list[str] = []
        for section in ("quotes", "figures", "events"):
            kept = []
            for item in data[section]:
                if self._locate(item):
                    kept.append(item)
                else:
                    self.lost.append(f"{section}: {item['doc']} sentence {item['sentence']}")
            data[section] = kept
        self.ids = {key: doc.id for key, doc in docs.items()}
        self.keys = {doc.id: key for key, doc in docs.items()}

    def _locate(self, item: dict) -> bool:
        doc = self.docs.get(item["doc"])
        if doc is None:
            return False
        if passage_hash(doc.text[item["start"] : item["end"]]) == item["hash"] or (
            "last_sentence" in item
            and passage_hash(doc.text[item["start"] : self._sentence_end(doc, item["start"])])
            == item["hash"]
        ):
            return True
        for s in doc.sentences:  # the ingest moved it: find the sentence by its hash
            if passage_hash(doc.text[s.start : s.end]) == item["hash"]:
                span = item["end"] - item["start"]
                item["start"], item["end"] = (
                    s.start,
                    s.start + span if "last_sentence" in item else s.end,
                )
                return True
        for s in doc.sentences:  # the ingest merged it with the next sentence: a prefix
            text = doc.text[s.start : s.end]
            for cut in (m.start() for m in re.finditer(r"\s", text)):
                if item["hash"] in (passage_hash(text[:cut]), passage_hash(text[:cut] + ".")):
                    item["start"], item["end"] = s.start, s.end
                    return True
        sentences = doc.sentences  # the ingest split it: two or three sentences joined
        for i in range(len(sentences)):
            for k in (2, 3):
                run = sentences[i : i + k]
                if len(run) < k:
                    break
                parts = [doc.text[x.start : x.end] for x in run]
                joined = " ".join(p.removesuffix(".") for p in parts[:-1]) + " " + parts[-1]
                if passage_hash(joined) == item["hash"]:
                    item["start"], item["end"] = run[0].start, run[-1].end
                    return True
        return False

    @staticmethod
    def _sentence_end(doc: Document, start: int) -> int:
        return next((s.end for s in doc.sentences if s.start == start), start)

    def at(self, section: str, citation: Citation) -> list[dict]:
        """Gold items of `section` whose span holds the citation's start."""
        key = self.keys.get(citation.document)
        return [
            g
            for g in self.data[section]
            if g["doc"] == key and g["start"] <= citation.start < g["end"]
        ]


def score_quotes(brief: Brief, gold: Gold) -> Score:
    sc = Score(gold=len(gold.data["quotes"]))
    hit: set[int] = set()
    for group in brief.quotes:
        for q in group.quotes:
            if not q.citations:
                continue
            sc.system += 1
            speaker = group.speaker or q.speaker
            match = next(
                (
                    g
                    for c in q.citations
                    for g in gold.at("quotes", c)
                    if same_name(speaker, g["speaker"])
                ),
                None,
            )
            if match is None:
                sc.errors.append(f"quote {speaker!r}: {q.text[:60]!r}")
                continue
            sc.correct += 1
            hit.add(id(match))
            if match["role"]:
                sc.tally("role_accuracy", bool(group.role) and _role_ok(group.role, match["role"]))
            orgs = (
                match["organisation"]
                if isinstance(match["organisation"], list)
                else [match["organisation"]]
            )
            if orgs[0]:
                sc.tally(
                    "organisation_accuracy", any(same_name(group.organisation, o) for o in orgs)
                )
            if match["direct"] is not None:
                sc.tally("direct_accuracy", q.direct == match["direct"])
    sc.recalled = len(hit)
    for g in gold.data["quotes"]:
        if id(g) not in hit:
            doc = gold.docs[g["doc"]]
            sc.misses.append(f"quote {g['speaker']!r}: {doc.text[g['start'] : g['end']][:90]!r}")
    return sc


def _role_words(role: str) -> set[str]:
    """A role's words, an abbreviated title written out ("Sen." -> "senator")."""
    found = (NAME_TITLES.get(w, w).casefold() for w in re.findall(r"[a-z]+\.?", role.casefold()))
    return {w.rstrip(".") for w in found if len(w.rstrip(".")) > 2}


def _role_ok(role: str, gold: str) -> bool:
    words = _role_words(gold)
    mine = _role_words(role)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", role)).casefold()
    return (
        bool(words & mine)
        or any(w == initials for w in words)
        or gold.casefold() in role.casefold()
    )


def score_figures(brief: Brief, gold: Gold) -> Score:
    sc = Score(gold=len(gold.data["figures"]))
    hit: set[int] = set()
    for f in brief.figures:
        if not f.citations or not in_scope(f):
            continue
        sc.system += 1
        # a figure the brief merged across documents cites each: every citation counts
        found = [g for c in f.citations for g in gold.at("figures", c) if figure_found(f, g)]
        sc.tally("value_found", bool(found))
        right = [g for g in found if figure_correct(f, g)]
        if not right:
            seen = "; gold: " + ", ".join(
                f"{g['status']} claimant={g['claimant']!r}" for g in found
            )
            sc.errors.append(
                f"figure {f.text!r} {f.unit} {f.status} claimant={f.claimant!r}"
                + (seen if found else "")
            )
            continue
        sc.correct += 1
        hit.update(id(g) for g in right)
    sc.recalled = len(hit)
    for g in gold.data["figures"]:
        if id(g) not in hit:
            sc.misses.append(
                f"figure {g['value']!r} {g['unit']} {g['status']} claimant={g['claimant']!r}"
                f" ({g['measure']})"
            )
    return sc


def score_events(brief: Brief, gold: Gold) -> Score:
    sc = Score(gold=len(gold.data["events"]))
    hit: set[int] = set()
    for e in brief.timeline:
        sc.system += 1
        matches = [g for c in e.citations for g in gold.at("events", c) if g["date"] == e.date]
        if not matches:
            sc.errors.append(f"event {e.date}: {e.text[:70]!r}")
            continue
        sc.correct += 1
        hit.update(id(g) for g in matches)
    sc.recalled = len(hit)
    return sc


def _values_in(values: Iterable[Any], text: str) -> bool:
    return all(not isinstance(v, str) or v.casefold() in text.casefold() for v in values)


def score_divergences(brief: Brief, gold: Gold) -> Score:
    items = gold.data["divergences"]
    sc = Score(gold=len(items))
    hit: set[int] = set()
    for d in brief.divergences:
        sc.system += 1
        docs = {gold.keys.get(c.document) for c in d.citations} | {
            gold.keys.get(s.document or "") for s in d.sides
        }
        match = next(
            (
                g
                for g in items
                if g["kind"] == d.kind
                and set(g["docs"]) <= docs
                and _values_in(g["values"], d.description)
            ),
            None,
        )
        if match is None:
            sc.errors.append(f"divergence {d.kind}: {d.description[:90]!r}")
            continue
        sc.correct += 1
        hit.add(id(match))
    sc.recalled = len(hit)
    return sc


def score_developments(brief: Brief, gold: Gold) -> Score:
    items = gold.data["developments"]
    sc = Score(gold=len(items))
    hit: set[int] = set()
    for d in brief.developments:
        sc.system += 1
        before = gold.keys.get(d.before.document or "")
        after = gold.keys.get(d.after.document or "")
        match = next(
            (
                g
                for g in items
                if g["kind"] == d.kind
                and before in _as_list(g["before"])
                and after in _as_list(g["after"])
                and _values_in(g["values"], d.what)
            ),
            None,
        )
        if match is None:
            sc.errors.append(f"development {d.kind}: {d.what[:90]!r}")
            continue
        sc.correct += 1
        hit.add(id(match))
    sc.recalled = len(hit)
    return sc


def _as_list(x: Any) -> list:
    return x if isinstance(x, list) else [x]


SCORERS = {
    "quotes": score_quotes,
    "figures": score_figures,
    "events": score_events,
    "divergences": score_divergences,
    "developments": score_developments,
}


# ---------------------------------------------------------------- run


POLNEAR = "../shared/eval/polnear"


def load_polnear(names: list[str], root: Path) -> dict[str, Document]:
    """PolNeAR train articles (files of POLNEAR/train/text, named "polnear:FILE"),
    each dated with its metadata.tsv publication_date, as a feed would date it."""
    base = root / POLNEAR
    dates: dict[str, str] = {}
    with (base / "metadata.tsv").open() as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            dates[row["filename"]] = row["publication_date"]
    docs: dict[str, Document] = {}
    for name in names:
        d = document_from_text(
            (base / "train" / "text" / name).read_text(),
            f"polnear:{name}",
            date=dates.get(name.removesuffix(".txt")),
        )
        docs[doc_key(d)] = d
    return docs


TIMELINE17 = "../shared/eval/timeline17"


def load_timeline17(names: list[str], root: Path) -> dict[str, Document]:
    """Timeline17 articles "TOPIC/DAY/FILE": each line a sentence, dated by its folder."""
    from storyline.model import Sentence

    docs: dict[str, Document] = {}
    for name in names:
        topic, day, file = name.split("/")
        path = root / TIMELINE17 / topic / "InputDocs" / day / file
        lines = [line.strip() for line in path.read_text(errors="replace").splitlines()]
        text, sentences = "", []
        for line in (line for line in lines if line):
            sentences.append(Sentence(len(text), len(text) + len(line)))
            text += line + "\n"
        key = f"timeline17:{name}"
        docs[key] = Document(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            source=key,
            text=text,
            published=day,
            published_granularity="day",
            sentences=sentences,
        )
    return docs


def load_documents(inputs: list[str], root: Path) -> dict[str, Document]:
    """The corpus as `storyline brief` reads it: paths (relative to `root`) or a
    Multi-News reference "multinews:FILE#CLUSTER_ID"."""
    docs: dict[str, Document] = {}
    for inp in inputs:
        if inp.startswith("multinews:"):
            from storyline.evaluation.data import cluster_documents, iter_clusters

            path, cluster_id = inp[len("multinews:") :].rsplit("#", 1)
            cluster = next(c for c in iter_clusters(root / path) if c.id == cluster_id)
            for d in cluster_documents(cluster):
                docs[doc_key(d)] = d
            continue
        for d in read([str(root / inp)]):
            if isinstance(d, Document):
                docs[doc_key(d)] = d
    return docs


def gold_documents(data: dict, root: Path = ROOT) -> tuple[dict[str, Document], list[str]]:
    """A gold file's documents read from `root`, in the file's order, and the keys of
    those not read. A document the ingest now rejects (boilerplate, a crawl notice) is
    left out; gold items on it can then only be missed."""
    docs = load_documents(data.get("inputs", []), root)
    docs.update(load_polnear(data.get("polnear", []), root))
    docs.update(load_timeline17(data.get("timeline17", []), root))
    missing = [k for k in data["documents"] if k not in docs]
    return {k: docs[k] for k in data["documents"] if k in docs}, missing


def evaluate(gold_path: Path, root: Path = ROOT) -> dict[str, Any]:
    data = json.loads(gold_path.read_text())
    t0 = time.perf_counter()
    docs, missing = gold_documents(data, root)
    if len(missing) == len(data["documents"]):
        raise SystemExit(f"{gold_path}: documents not found under {root}: {missing}")
    gold = Gold(data, docs)
    analyses = analyze(list(docs.values()))
    # every item, uncapped: the bench scores what analysis finds, not the reading caps
    brief = build_brief(analyses, limits=UNLIMITED)
    # a gold file may annotate only some sections (Multi-News clusters: divergences
    # and developments); only those are scored
    scores = {name: SCORERS[name](brief, gold) for name in data.get("sections", SECTIONS)}
    return {
        "corpus": data["corpus"],
        "documents": len(docs),
        "lost": gold.lost + [f"document {k} (not read)" for k in missing],
        "seconds": round(time.perf_counter() - t0, 1),
        "scores": scores,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "gold", nargs="*", type=Path, help="gold files (default: every bench/gold/*.json)"
    )
    ap.add_argument(
        "--root", type=Path, default=ROOT, help="where the gold files' inputs are relative to"
    )
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument(
        "--errors",
        action="store_true",
        help="list every wrong system item and missed gold quote or figure",
    )
    args = ap.parse_args(argv)
    paths = args.gold or sorted(GOLD_DIR.glob("*.json"))
    total = {name: Score() for name in SECTIONS}
    results = []
    for path in paths:
        result = evaluate(path, args.root)
        results.append(result)
        print(f"== {result['corpus']} ({result['documents']} documents, {result['seconds']} s)")
        if result["lost"]:
            print(f"   {len(result['lost'])} gold items no longer found: {result['lost'][:3]}")
        for name, sc in result["scores"].items():
            total[name].add(sc)
            print(f"   {name:13} {json.dumps(sc.row())}")
            if args.errors:
                for err in sc.errors:
                    print(f"      x {err}")
                for miss in sc.misses:
                    print(f"      - missed {miss}")
    print("== all")
    for name, sc in total.items():
        print(f"   {name:13} {json.dumps(sc.row())}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "targets": TARGETS,
                    "corpora": [
                        {**r, "scores": {k: v.row() for k, v in r["scores"].items()}}
                        for r in results
                    ],
                    "all": {k: v.row() for k, v in total.items()},
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
