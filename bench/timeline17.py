"""Timeline17 benchmark: date selection and daily summaries against journalists' timelines.

Protocol of news-tls (Ghalandari & Ifrim 2020): for each reference timeline,
generate a timeline with as many dates as it has, as many sentences per date
as its average (rounded), restricted to its [first, last] date range; score
date F1 and alignment-based ROUGE-1/2 F1 ("align+ m:1", Martschat & Markert
2017), averaged over timelines.

The alignment metric is a port of tilse's `_evaluate_per_day_mapping_micro`
with `_get_date_content_costs` and its `RougeReimplementation` (the tilse
package needs numba, textacy and the ROUGE perl script). One deviation: the
stopword list is scikit-learn's English list, not ROUGE's SMART list, which
ships only with the perl script; scores are therefore approximate, as tilse
itself says of its reimplementation.

The system is DATEWISE-like: dates in the reference's range ranked by
`date_scores` (how many sentences or documents mention them, resolved by
storyline.analysis.dates, plus `pub_weight` times the undated lead sentences,
the first `lead`, published that day; or how many articles published a week or
more later still recall them, alone or with the document count), then per date
the sentences closest to the TF-IDF centroid of that date's sentences plus
`topic_weight` times the cosine to the topic's.

Protocol: leave-one-topic-out. Every topic is scored under every setting of
GRID; for each topic the setting is chosen on the other topics only (best
summed rank, `mean_rank`) and that topic's scores under it are reported. The
mean over topics is compared with DATEWISE. Nothing is tuned on the reported
topic; the grid itself is small and fixed in advance.

Why a topic can score zero (and what this bench does about it): the reference
range [first, last] can lie where the articles say little (dates beyond the
last article, as in bpoil_reuters, whose reference runs to 2012-11 while the
articles stop in 2011-01); the topic's `keywords.json` names tokens that never
occur in the text ("bpoil", "MJ", "Finan"), so a system that filters sentences
by those keywords keeps nothing (this one ignores them); and a system that only
uses the first sentences, or only day-precise dates, finds no candidate in the
range. Here a date in range needs one day-precise mention or one lead sentence
published that day; `--diagnose` prints, per timeline, how many reference dates
any candidate reaches (the oracle date recall). Ranking by retrospective mentions
alone fails where the collection stops with the story (its last events have
no later article to recall them); `--until-last` measures exactly that case
by dropping the articles published after each reference's last date.

Usage: python bench/timeline17.py DATA_DIR [--json FILE] [--topics T ...] [--diagnose]
       [--until-last]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime as dt
import itertools
import json
import math
import re
import string
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from nltk.stem import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.analysis.dates import resolve_dates
from storyline.briefing.timeline import dated_sentences
from storyline.ingest.pubdate import from_filename
from storyline.model import Analysis, Document, Sentence

TOPIC_WEIGHT = 0.5
PUBLISHED = {"DATEWISE": (0.544, 0.120, 0.035), "CLUST": (0.407, 0.082, None)}

Timeline = dict[dt.date, list[str]]


# ---------------------------------------------------------------- data


def load_documents(topic: Path) -> list[Document]:
    """One Document per input file: its lines are its sentences, dated by folder."""
    docs = []
    for path in sorted(topic.glob("InputDocs/*/*.txt")):
        lines = [line.strip() for line in path.read_text(errors="replace").splitlines()]
        lines = [line for line in lines if line]
        text, sentences, pos = "", [], 0
        for line in lines:
            sentences.append(Sentence(pos, pos + len(line)))
            text += line + "\n"
            pos += len(line) + 1
        day = path.parent.name
        found = from_filename(day)  # the folder names the publication day
        published = found.value if found else None
        docs.append(
            Document(
                id=f"{day}/{path.name}",
                source=str(path),
                text=text,
                published=published,
                published_granularity=found.granularity if found else None,
                sentences=sentences,
            )
        )
    return docs


def load_references(topic: Path) -> list[Timeline]:
    """Reference timelines from timelines.jsonl, else from the tilse text files in
    timelines/ (a date line, its sentences, a dashed separator); repeated dates are
    joined. A topic with neither is an error naming it."""
    refs = []
    jsonl = topic / "timelines.jsonl"
    if jsonl.exists():
        for line in jsonl.read_text().splitlines():
            if not line.strip():
                continue
            tl: Timeline = collections.defaultdict(list)
            for day, sents in json.loads(line):
                tl[dt.date.fromisoformat(day[:10])].extend(s.strip() for s in sents if s.strip())
            refs.append(dict(tl))
        return refs
    for path in sorted((topic / "timelines").glob("*.txt")):
        tl = collections.defaultdict(list)
        when: dt.date | None = None
        for line in path.read_text(errors="replace").splitlines():
            line = line.strip()
            if not line or set(line) == {"-"}:
                when = None
            elif when is None and _REF_DATE.fullmatch(line):
                when = dt.date.fromisoformat(line[:10])
            elif when is not None:
                tl[when].append(line)
        if tl:
            refs.append(dict(tl))
    if not refs:
        raise SystemExit(f"{topic}: no reference timeline (timelines.jsonl or timelines/*.txt)")
    return refs


_REF_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?")


# ---------------------------------------------------------------- system


def analyse(docs: list[Document]) -> list[Analysis]:
    return [Analysis(d, dates=resolve_dates(d.text, d.published)) for d in docs]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A day-precise passage: its date, text, whether only the publication dates it,
    its document, that document's publication day and the sentence number."""

    day: dt.date
    text: str
    from_publication: bool
    document: str
    published: dt.date | None
    sentence: int


def candidates(analyses: list[Analysis], lead: int) -> list[Candidate]:
    """Every day-precise, past passage of 5 to 60 words."""
    out = []
    for a in analyses:
        starts = [s.start for s in a.document.sentences]
        pub = a.document.published
        # an article dated only to the month or year cannot be placed a week after a day
        published = dt.date.fromisoformat(pub) if pub and len(pub) == 10 else None
        for item in dated_sentences(a, lead=lead):
            if item.granularity != "day" or item.future:
                continue
            n = len(item.text.split())
            if 5 <= n <= 60:
                out.append(
                    Candidate(
                        dt.date.fromisoformat(item.date),
                        item.text,
                        item.from_publication,
                        a.document.id,
                        published,
                        bisect.bisect_right(starts, item.start) - 1,
                    )
                )
    return out


def date_scores(
    cands: list[Candidate],
    first: dt.date,
    last: dt.date,
    pub_weight: float,
    rank: str,
) -> Counter[dt.date]:
    """How much the collection says about each date in [first, last].

    - "sentences": every dated sentence counts (publication-dated leads at `pub_weight`);
    - "documents": each document counts once per date (its best passage);
    - "retroN": documents published at least N days after the date that still mention
      it. Routine news is written the day after; an event that matters is recalled
      weeks later ("since the April 20 explosion"), which is what a journalist's
      timeline keeps. The "documents" score breaks ties (weight 0.01), so a
      collection with no retrospective mentions falls back to it rather than to
      nothing;
    - "bothN": log(1 + documents) + log(1 + retrospective documents): both signals,
      so the last days of a collection, which no later article can recall yet, are
      not ranked below every recalled date (see `--until-last`).
    """
    score: Counter[dt.date] = Counter()  # float weights
    counted: dict[tuple[dt.date, str], float] = {}
    retro: dict[dt.date, set[str]] = collections.defaultdict(set)
    lag = int(rank.lstrip("retobh")) if rank.startswith(("retro", "both")) else None
    for c in cands:
        if not first <= c.day <= last:
            continue
        weight = pub_weight if c.from_publication else 1.0
        if rank == "sentences":
            score[c.day] += weight
            continue
        old = counted.get((c.day, c.document), 0.0)
        if weight > old:
            score[c.day] += weight - old
            counted[(c.day, c.document)] = weight
        if (
            lag is not None
            and not c.from_publication
            and c.published is not None
            and (c.published - c.day).days >= lag
        ):
            retro[c.day].add(c.document)
    if rank.startswith("retro"):
        for day in score:
            score[day] = len(retro[day]) + 0.01 * score[day]
    elif rank.startswith("both"):
        for day in score:
            score[day] = math.log1p(score[day]) + math.log1p(len(retro[day]))
    return score


def generate(
    cands: list[Candidate],
    vectorizer: TfidfVectorizer,
    topic: np.ndarray,
    first: dt.date,
    last: dt.date,
    n_dates: int,
    per_date: int,
    pub_weight: float,
    *,
    topic_weight: float = 0.5,
    rank: str = "sentences",
) -> Timeline:
    """Top `n_dates` dates in [first, last] by `date_scores`; per date, its most
    central sentences.

    Centrality is cosine to the date's centroid plus `topic_weight` times the
    cosine to the whole topic's centroid (`topic`), so a day's summary stays on
    the story.
    """
    score = date_scores(cands, first, last, pub_weight, rank)
    by_date: dict[dt.date, list[Candidate]] = collections.defaultdict(list)
    seen: set[tuple[dt.date, str]] = set()
    for c in cands:
        if first <= c.day <= last and (c.day, c.text) not in seen:
            seen.add((c.day, c.text))
            by_date[c.day].append(c)
    dates = [d for d, s in sorted(score.items(), key=lambda x: (-x[1], x[0])) if s > 0][:n_dates]
    timeline: Timeline = {}
    for day in dates:
        items = by_date[day]
        sents = [c.text for c in items]
        X = vectorizer.transform(sents)
        centroid = np.asarray(X.mean(axis=0))
        sims = (X @ centroid.T).ravel() + topic_weight * (X @ topic.T).ravel()
        chosen: list[int] = []
        for i in np.argsort(-sims, kind="stable"):
            if len(chosen) >= per_date:
                break
            if chosen and max((X[i] @ X[j].T).toarray()[0, 0] for j in chosen) > 0.5:
                continue
            chosen.append(int(i))
        timeline[day] = [sents[i] for i in chosen]
    return timeline


# ---------------------------------------------------------------- metrics (tilse port)


class Rouge:
    """tilse's RougeReimplementation: stemmed, stopwords and punctuation dropped."""

    PUNCT = frozenset({".", ",", ";", ":", "``", "''", "-", '"'})

    def __init__(self) -> None:
        self.stemmer = PorterStemmer()
        self.ignore = set(ENGLISH_STOP_WORDS) | self.PUNCT
        self.cache: dict[str, str] = {}
        self.sentences: dict[str, list[str]] = {}

    def _stem(self, w: str) -> str:
        if w not in self.cache:
            try:
                self.cache[w] = self.stemmer.stem(w)
            except IndexError:
                self.cache[w] = w
        return self.cache[w]

    def tokens(self, sents: list[str]) -> list[str]:
        out: list[str] = []
        for s in sents:
            if s not in self.sentences:
                self.sentences[s] = [
                    self._stem(t.lower()) for t in s.split() if t.lower() not in self.ignore
                ]
            out.extend(self.sentences[s])
        return out

    def counts(
        self, pred: list[str], refs: list[list[str]]
    ) -> dict[str, tuple[float, float, float]]:
        """{measure: (hit count, precision denominator, recall denominator)}."""
        p = self.tokens(pred)
        rs = [self.tokens(r) for r in refs]
        out = {}
        for n, name in ((1, "rouge_1"), (2, "rouge_2")):
            pc = Counter(zip(*[p[i:] for i in range(n)], strict=False))
            rcs = [Counter(zip(*[r[i:] for i in range(n)], strict=False)) for r in rs]
            hit = sum(min(c, rc[g]) for g, c in pc.items() for rc in rcs)
            out[name] = (hit, len(rcs) * sum(pc.values()), sum(sum(rc.values()) for rc in rcs))
        return out


_APPROX: dict[tuple[str, ...], Counter[str]] = {}


def _bag(sents: list[str]) -> Counter[str]:
    """Unstemmed word counts without punctuation tokens (cached: the alignment asks
    for the same daily summaries over and over)."""
    key = tuple(sents)
    if key not in _APPROX:
        _APPROX[key] = Counter(k for s in sents for k in s.split() if k not in string.punctuation)
    return _APPROX[key]


def _rouge_approx(pred: list[str], refs: list[list[str]]) -> float:
    """tilse.evaluation.util.compute_rouge_approximation (unstemmed ROUGE-1 F1)."""
    pc = _bag(pred)
    rcs = [_bag(r) for r in refs]
    match = sum(min(c, rc[t]) for t, c in pc.items() for rc in rcs)
    pd = len(rcs) * sum(pc.values())
    rd = sum(sum(rc.values()) for rc in rcs)
    p = match / pd if pd else 0.0
    r = match / rd if rd else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def align_m1(pred: Timeline, ref: Timeline, rouge: Rouge) -> dict[str, float]:
    """tilse 'align+ m:1' F1 for ROUGE-1 and ROUGE-2 against one reference timeline."""
    pdates, rdates = sorted(pred), sorted(ref)
    num = {"p": collections.defaultdict(float), "r": collections.defaultdict(float)}
    den = {"p": collections.defaultdict(float), "r": collections.defaultdict(float)}

    def cost(pd_: dt.date, rd_: dt.date) -> float:
        date_factor = 1 - 1 / (abs(pd_.toordinal() - rd_.toordinal()) + 1)
        return date_factor * (1 - _rouge_approx(pred[pd_], [ref[rd_]]))

    def weight(a: dt.date, b: dt.date) -> float:
        return 1 / (abs(a.toordinal() - b.toordinal()) + 1)

    if rdates:
        for pd_ in pdates:  # precision: each predicted date to its cheapest reference date
            rd_ = rdates[int(np.argmin([cost(pd_, r) for r in rdates]))]
            for m, (hit, pden, _) in rouge.counts(pred[pd_], [ref[rd_]]).items():
                num["p"][m] += weight(pd_, rd_) * hit
                den["p"][m] += pden
    else:
        for pd_ in pdates:
            for m, (hit, pden, _) in rouge.counts(pred[pd_], [[""]]).items():
                num["p"][m] += hit
                den["p"][m] += pden
    for rd_ in rdates:  # recall: each reference date to its cheapest predicted date
        if pdates:
            pd_ = pdates[int(np.argmin([cost(p, rd_) for p in pdates]))]
            for m, (hit, _, rden) in rouge.counts(pred[pd_], [ref[rd_]]).items():
                num["r"][m] += weight(pd_, rd_) * hit
                den["r"][m] += rden
        else:
            for m, (_hit, _, rden) in rouge.counts([""], [ref[rd_]]).items():
                den["r"][m] += rden
    out = {}
    for m in ("rouge_1", "rouge_2"):
        p = num["p"][m] / den["p"][m] if den["p"][m] else 0.0
        r = num["r"][m] / den["r"][m] if den["r"][m] else 0.0
        out[m] = _f(p, r)
    return out


def date_f1(pred: Timeline, ref: Timeline) -> float:
    hit = len(set(pred) & set(ref))
    return _f(hit / len(pred) if pred else 0.0, hit / len(ref) if ref else 0.0)


# ---------------------------------------------------------------- run

# The settings leave-one-topic-out chooses among (on the other topics only).
GRID = {
    "lead": (1, 3, 5),
    "pub_weight": (0.5, 1.0),
    "topic_weight": (0.5, 1.0),
    "rank": ("sentences", "documents", "retro7", "both7"),
}
METRICS = ("date_f1", "rouge_1", "rouge_2")


@dataclass
class Prepared:
    """One topic read and dated once, ready to be scored under any settings."""

    name: str
    documents: int
    references: list[Timeline]
    candidates: dict[int, list[Candidate]]
    seconds: float


def prepare(topic: Path, leads: tuple[int, ...]) -> Prepared:
    t0 = time.perf_counter()
    docs = load_documents(topic)
    analyses = analyse(docs)
    cands = {lead: candidates(analyses, lead) for lead in leads}
    return Prepared(topic.name, len(docs), load_references(topic), cands, time.perf_counter() - t0)


def score(
    prep: Prepared, rouge: Rouge, settings: dict, *, until_last: bool = False
) -> dict[str, float]:
    """Mean date F1 / ROUGE over the topic's reference timelines under `settings`.

    `until_last` keeps only the articles published by each reference's last date:
    a collection that stops with the story, where no later article recalls its
    last events (a robustness check, `--until-last`)."""
    cands = prep.candidates[settings["lead"]]
    fitted: dict[dt.date | None, tuple[TfidfVectorizer, np.ndarray, list[Candidate]]] = {}
    rows = []
    for ref in prep.references:
        first, last = min(ref), max(ref)
        key = last if until_last else None
        if key not in fitted:
            pool = (
                [c for c in cands if c.published is None or c.published <= last]
                if until_last
                else cands
            )
            vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
            texts = [c.text for c in pool] or ["empty"]
            centroid = np.asarray(vectorizer.fit_transform(texts).mean(axis=0))
            fitted[key] = (vectorizer, centroid, pool)
        vectorizer, centroid, pool = fitted[key]
        per_date = max(1, round(sum(len(s) for s in ref.values()) / len(ref)))
        pred = generate(
            pool,
            vectorizer,
            centroid,
            first,
            last,
            len(ref),
            per_date,
            settings["pub_weight"],
            topic_weight=settings["topic_weight"],
            rank=settings["rank"],
        )
        rows.append({"date_f1": date_f1(pred, ref), **align_m1(pred, ref, rouge)})
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def mean_rank(table: dict[str, list[dict[str, float]]], topics: list[str]) -> np.ndarray:
    """Each setting's rank among the settings (0 = worst), per topic and metric, summed
    over `topics` and the three metrics: one topic with a large swing in one metric
    (ROUGE-2 varies most) cannot decide the choice alone, as it can with a mean."""
    ranks = np.zeros(len(next(iter(table.values()))))
    for t in topics:
        for m in METRICS:
            values = np.array([row[m] for row in table[t]])
            ranks += np.argsort(np.argsort(values, kind="stable"), kind="stable")
    return ranks


def grid() -> list[dict]:
    keys = list(GRID)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*GRID.values())]


def leave_one_topic_out(
    table: dict[str, list[dict[str, float]]], settings: list[dict]
) -> list[dict]:
    """For each topic, the settings with the best summed rank (`mean_rank`) on the
    *other* topics, and that topic's scores under them: nothing is chosen on the
    reported topic."""
    out = []
    for held in table:
        others = [t for t in table if t != held]
        ranks = mean_rank(table, others)
        best = max(range(len(settings)), key=lambda i: (ranks[i], -i))
        out.append({"topic": held, "settings": settings[best], **table[held][best]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--topics", nargs="*", help="topic folder names (default: all)")
    ap.add_argument(
        "--diagnose",
        action="store_true",
        help="per timeline: reference dates any candidate reaches",
    )
    ap.add_argument(
        "--until-last",
        action="store_true",
        help="robustness: only articles published by each reference's last date",
    )
    args = ap.parse_args(argv)
    topics = sorted(p for p in args.data_dir.iterdir() if (p / "InputDocs").is_dir())
    if args.topics:
        topics = [t for t in topics if t.name in set(args.topics)]
    if len(topics) < 2:
        ap.error("leave-one-topic-out needs at least two topics")
    rouge = Rouge()
    settings = grid()
    table: dict[str, list[dict[str, float]]] = {}
    prepared = {}
    for topic in topics:
        prep = prepare(topic, GRID["lead"])
        prepared[prep.name] = prep
        if args.diagnose:
            diagnose(prep)
        t0 = time.perf_counter()
        table[prep.name] = [score(prep, rouge, s, until_last=args.until_last) for s in settings]
        print(
            f"{prep.name}: {prep.documents} docs, dated in {prep.seconds:.1f}s, "
            f"{len(settings)} settings scored in {time.perf_counter() - t0:.1f}s",
            file=sys.stderr,
            flush=True,
        )
    rows = leave_one_topic_out(table, settings)
    print(
        f"{'topic':24} {'docs':>5} {'dateF1':>7} {'R1':>7} {'R2':>7}  settings (chosen on the other topics)"
    )
    for row in rows:
        s = row["settings"]
        print(
            f"{row['topic']:24} {prepared[row['topic']].documents:5d} {row['date_f1']:7.3f} "
            f"{row['rouge_1']:7.3f} {row['rouge_2']:7.3f}  lead={s['lead']} pub={s['pub_weight']} "
            f"topic={s['topic_weight']} rank={s['rank']}"
        )
    mean = {k: float(np.mean([r[k] for r in rows])) for k in ("date_f1", "rouge_1", "rouge_2")}
    print(
        f"{'MEAN (leave-one-topic-out)':30} {mean['date_f1']:7.3f} {mean['rouge_1']:7.3f} {mean['rouge_2']:7.3f}"
    )
    for name, (d, r1, r2) in PUBLISHED.items():
        print(
            f"{'news-tls ' + name:30} {d:7.3f} {r1:7.3f} {r2 if r2 is not None else float('nan'):7.3f}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "protocol": "leave-one-topic-out over GRID, choice = best summed rank on the other topics",
                    "until_last": args.until_last,
                    "grid": GRID,
                    "topics": [
                        {
                            **r,
                            "documents": prepared[r["topic"]].documents,
                            "seconds_dates": round(prepared[r["topic"]].seconds, 2),
                        }
                        for r in rows
                    ],
                    "mean": mean,
                    "all_settings": {
                        t: list(zip(map(json.dumps, settings), v, strict=True))
                        for t, v in table.items()
                    },
                    "published": PUBLISHED,
                },
                indent=2,
            )
        )
    return 0


def diagnose(prep: Prepared) -> None:
    """Print, per reference timeline, its range and how many of its dates any candidate
    (a day-precise mention, or a lead sentence published that day) reaches."""
    reach = {c.day for c in prep.candidates[max(prep.candidates)]}
    for i, ref in enumerate(prep.references):
        first, last = min(ref), max(ref)
        inside = {d for d in reach if first <= d <= last}
        print(
            f"{prep.name} timeline {i}: {len(ref)} dates {first}..{last}; "
            f"{len(inside)} candidate dates in range; oracle date recall "
            f"{len(set(ref) & inside) / len(ref):.2f}",
            file=sys.stderr,
        )


def run_topic(topic: Path, rouge: Rouge, lead: int, pub_weight: float) -> dict:
    """One topic under fixed settings (used by the tests)."""
    prep = prepare(topic, (lead,))
    settings = {
        "lead": lead,
        "pub_weight": pub_weight,
        "topic_weight": TOPIC_WEIGHT,
        "rank": "sentences",
    }
    return {"topic": prep.name, "documents": prep.documents, **score(prep, rouge, settings)}


if __name__ == "__main__":
    raise SystemExit(main())
