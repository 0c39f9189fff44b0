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

The system is DATEWISE-like: dates ranked by how many sentences mention them
(resolved by storyline.analysis.dates) plus `--pub-weight` times the number of
undated lead sentences published that day, then per date the sentences closest
to the TF-IDF centroid of that date's sentences, without near repeats.

Usage: python bench/timeline17.py DATA_DIR [--json FILE] [--topics T ...]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import string
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from nltk.stem import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.analysis.dates import resolve_dates
from storyline.briefing.timeline import dated_sentences
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
        docs.append(
            Document(
                id=f"{day}/{path.name}",
                source=str(path),
                text=text,
                published=day,
                published_granularity="day",
                sentences=sentences,
            )
        )
    return docs


def load_references(topic: Path) -> list[Timeline]:
    """Reference timelines from timelines.jsonl; repeated dates are joined."""
    refs = []
    for line in (topic / "timelines.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        tl: Timeline = collections.defaultdict(list)
        for day, sents in json.loads(line):
            tl[dt.date.fromisoformat(day[:10])].extend(s.strip() for s in sents if s.strip())
        refs.append(dict(tl))
    return refs


# ---------------------------------------------------------------- system


def analyse(docs: list[Document]) -> list[Analysis]:
    return [Analysis(d, dates=resolve_dates(d.text, d.published)) for d in docs]


def candidates(analyses: list[Analysis], lead: int) -> list[tuple[dt.date, str, bool]]:
    """(date, sentence, dated only by publication) for every day-precise passage."""
    out = []
    for a in analyses:
        for item in dated_sentences(a, lead=lead):
            if item.granularity != "day" or item.future:
                continue
            n = len(item.text.split())
            if 5 <= n <= 60:
                out.append((dt.date.fromisoformat(item.date), item.text, item.from_publication))
    return out


def generate(
    cands: list[tuple[dt.date, str, bool]],
    vectorizer: TfidfVectorizer,
    topic: np.ndarray,
    first: dt.date,
    last: dt.date,
    n_dates: int,
    per_date: int,
    pub_weight: float,
) -> Timeline:
    """Top `n_dates` dates in [first, last]; per date, its most central sentences.

    Centrality is cosine to the date's centroid plus half the cosine to the
    whole topic's centroid (`topic`), so a day's summary stays on the story.
    """
    score: Counter[dt.date] = Counter()
    by_date: dict[dt.date, list[str]] = collections.defaultdict(list)
    for day, text, from_pub in cands:
        if first <= day <= last:
            score[day] += pub_weight if from_pub else 1.0
            if text not in by_date[day]:
                by_date[day].append(text)
    dates = [d for d, s in sorted(score.items(), key=lambda x: (-x[1], x[0])) if s > 0][:n_dates]
    timeline: Timeline = {}
    for day in dates:
        sents = by_date[day]
        X = vectorizer.transform(sents)
        centroid = np.asarray(X.mean(axis=0))
        sims = (X @ centroid.T).ravel() + TOPIC_WEIGHT * (X @ topic.T).ravel()
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

    def _stem(self, w: str) -> str:
        if w not in self.cache:
            try:
                self.cache[w] = self.stemmer.stem(w)
            except IndexError:
                self.cache[w] = w
        return self.cache[w]

    def tokens(self, sents: list[str]) -> list[str]:
        return [
            self._stem(t.lower()) for s in sents for t in s.split() if t.lower() not in self.ignore
        ]

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


def _rouge_approx(pred: list[str], refs: list[list[str]]) -> float:
    """tilse.evaluation.util.compute_rouge_approximation (unstemmed ROUGE-1 F1)."""
    pc = Counter(k for s in pred for k in s.split() if k not in string.punctuation)
    rcs = [Counter(k for s in r for k in s.split() if k not in string.punctuation) for r in refs]
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


def run_topic(topic: Path, rouge: Rouge, lead: int, pub_weight: float) -> dict:
    t0 = time.perf_counter()
    docs = load_documents(topic)
    analyses = analyse(docs)
    t_dates = time.perf_counter() - t0
    cands = candidates(analyses, lead)
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    texts = [t for _, t, _ in cands] or ["empty"]
    topic_centroid = np.asarray(vectorizer.fit_transform(texts).mean(axis=0))
    scores = []
    for ref in load_references(topic):
        first, last = min(ref), max(ref)
        per_date = max(1, round(sum(len(s) for s in ref.values()) / len(ref)))
        pred = generate(
            cands, vectorizer, topic_centroid, first, last, len(ref), per_date, pub_weight
        )
        scores.append({"date_f1": date_f1(pred, ref), **align_m1(pred, ref, rouge)})
    mean = {k: float(np.mean([s[k] for s in scores])) for k in scores[0]}
    return {
        "topic": topic.name,
        "documents": len(docs),
        "timelines": len(scores),
        **mean,
        "seconds_dates": round(t_dates, 2),
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--topics", nargs="*", help="topic folder names (default: all)")
    ap.add_argument(
        "--lead",
        type=int,
        default=5,
        help="undated sentences per article dated by publication (0: mentions only)",
    )
    ap.add_argument(
        "--pub-weight",
        type=float,
        default=1.0,
        help="weight of a publication-dated sentence in date ranking",
    )
    args = ap.parse_args(argv)
    topics = sorted(p for p in args.data_dir.iterdir() if (p / "InputDocs").is_dir())
    if args.topics:
        topics = [t for t in topics if t.name in set(args.topics)]
    rouge = Rouge()
    rows = []
    print(f"{'topic':24} {'docs':>5} {'dateF1':>7} {'R1':>7} {'R2':>7} {'sec':>6}")
    for topic in topics:
        row = run_topic(topic, rouge, args.lead, args.pub_weight)
        rows.append(row)
        print(
            f"{row['topic']:24} {row['documents']:5d} {row['date_f1']:7.3f} {row['rouge_1']:7.3f} "
            f"{row['rouge_2']:7.3f} {row['seconds']:6.1f}",
            flush=True,
        )
    mean = {k: float(np.mean([r[k] for r in rows])) for k in ("date_f1", "rouge_1", "rouge_2")}
    print(
        f"{'MEAN':24} {'':5} {mean['date_f1']:7.3f} {mean['rouge_1']:7.3f} {mean['rouge_2']:7.3f}"
    )
    for name, (d, r1, r2) in PUBLISHED.items():
        print(
            f"{'news-tls ' + name:24} {'':5} {d:7.3f} {r1:7.3f} {r2 if r2 is not None else float('nan'):7.3f}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "settings": {"lead": args.lead, "pub_weight": args.pub_weight},
                    "topics": rows,
                    "mean": mean,
                    "published": PUBLISHED,
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
