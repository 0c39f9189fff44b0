"""Stories benchmark: incremental clustering against a gold stream, a batch baseline, speed.

Gold stream (from ../shared/eval):
- every Multi-News dev cluster and `--plus-clusters` Multi-News+ validation
  clusters: each one event and its own story (undated);
- every Timeline17 topic: one story (the bpoil_* sets are one story together,
  as are the H1N1_* sets), dated by folder; Timeline17 has no event gold.
Dated documents go in date order; undated ones are spread through the stream
at seeded random places. The stream arrives in batches of `--batch`
documents; each batch is stored (`Store.add`, dedupe included) and then
clustered (`cluster_pending`), as `storyline ingest` does.

Scores: B³ precision/recall/F1 at story level (all documents) and event level
(the Multi-News documents; a predicted event's size counts every document in
it, so a Timeline17 article in a Multi-News event costs precision). A copy
linked by dedupe belongs to its original's story and event.

Threshold choice never sees the gold labels of reported data (`--part tune`):
the validation stream is other Multi-News+ clusters plus Timeline17; for each
Timeline17 story held out in turn, the parameters are chosen on the
validation stream without that story's documents (leave-one-topic-out), and
the defaults in storyline/clustering/cluster.py are the choice all folds agree on.

Baseline (same run, same documents): TF-IDF (scikit-learn, English stop
words, sublinear tf) with cosine average-link agglomerative clustering over
the whole batch, at its best distance threshold on the reported data itself
(an oracle choice that favours the baseline).

Speed (`--part speed`): every document available (Timeline17, Multi-News dev
and all Multi-News+ validation, PolNeAR) into a file store in batches; the
per-document cost of ingest + clustering over the 1,000 documents before
each size; peak memory (ru_maxrss); time to open the full store and add one
document.

Dedupe (`--part dedupe`): edited copies of held-out originals (first sentence
replaced by another article's, last paragraph trimmed, headline changed,
and all three); recall = copies linked to their own original, precision =
correct links / all links made while adding the copies. The threshold is the
store's setting; `--dedupe-sweep` reports other thresholds on a separate
validation slice.

Replay (`--part replay`): link decisions replayed on a third stream (Timeline17
plus `--train-clusters` Multi-News+ clusters after the validation ones), the
rows `storyline.evaluation.train_story_links` fits the link model on; each row
carries every feature the clusterer computes (`links.ALL_FEATURES`).

Stages (`--part stages`): the validation stream clustered with the stage that decided
each news document arriving after a document of its gold cluster (candidate recall,
the candidate cap, the comparison, the link decision, ordering).

Every `val` and `test` score also counts errors by kind (`error_kinds`: news
documents split from their story, alone, mixed with other news or Timeline17)
and the `ceiling` of a clusterer on words: the gold with two things no
threshold undoes fixed (documents sharing no word with their story; copies of
another story's document), and how often a news document's nearest document
is of its own story. `--before name=value ...` (test) runs a comparison on its
own store in the same run.

Dense vectors: `--set dense=true` (the `embed` extra) adds MiniLM cosines to the
link model's features in any part (replay, val, test, speed).

Usage: python bench/stories.py ../shared/eval --part all --json out.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.clustering import Params, cluster_pending, rebuild
from storyline.clustering.cluster import Trace
from storyline.clustering.links import ALL_FEATURES
from storyline.errors import InputError, StoreError
from storyline.ingest.documents import build
from storyline.ingest.multinews import iter_clusters
from storyline.model import Document
from storyline.store import AddResult, Store, dedupe


@dataclass(slots=True)
class Item:
    source: str
    text: str
    title: str | None
    date: str | None
    outlet: str | None
    story: str
    event: str | None  # None: no event gold (Timeline17)


# ---------------------------------------------------------------- data


def t17_group(topic: str) -> str:
    return topic.split("_")[0] if topic.startswith(("bpoil_", "H1N1_")) else topic


def load_t17(eval_dir: Path) -> list[Item]:
    items = []
    for path in sorted((eval_dir / "timeline17").glob("*/InputDocs/*/*.txt")):
        topic, day = path.parts[-4], path.parts[-2]
        lines = [x.strip() for x in path.read_text(errors="replace").splitlines() if x.strip()]
        if len(lines) < 2:
            continue
        items.append(
            Item(
                f"t17/{topic}/{day}/{path.name}",
                "\n".join(lines[1:]),
                lines[0],
                day,
                topic.split("_")[-1],
                "t17:" + t17_group(topic),
                None,
            )
        )
    return items


def load_multinews(path: Path, prefix: str, ids: set[str] | None = None) -> list[Item]:
    items = []
    for cluster_id, articles, _ in iter_clusters(path):
        if ids is not None and cluster_id not in ids:
            continue
        for n, text in enumerate(articles):
            if len(text.split()) >= 20:
                key = f"{prefix}:{cluster_id}"
                items.append(Item(f"{prefix}/{cluster_id}/{n}", text, None, None, None, key, key))
    return items


def plus_split(
    path: Path, reported: int, validation: int, seed: int, train: int = 0
) -> tuple[set[str], set[str]]:
    """Disjoint Multi-News+ cluster ids: `reported` for scores, `validation` for choices.

    With `train` > 0 the second set is the `train` clusters after the validation
    ones instead (the replayed link decisions the link model is fitted on)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        ids = [str(json.loads(line)["idx"]) for line in f if line.strip()]
    random.Random(seed).shuffle(ids)
    if train:
        return set(ids[:reported]), set(ids[reported + validation : reported + validation + train])
    return set(ids[:reported]), set(ids[reported : reported + validation])


def load_polnear(eval_dir: Path) -> list[Item]:
    return [
        Item(
            f"polnear/{p.stem}",
            p.read_text(errors="replace"),
            None,
            None,
            None,
            "p:" + p.stem,
            None,
        )
        for p in sorted((eval_dir / "polnear").glob("*/text/*.txt"))
    ]


def date_news(items: list[Item], seed: int) -> list[Item]:
    """A variant stream: each undated gold event gets a random day within the dated items'
    span and its documents fall on that day or the next two (`--date-news`), so the
    clusterer's use of dates is also measured where unrelated events share the calendar."""
    days = sorted({i.date for i in items if i.date})
    if not days:
        return items
    start, end = date.fromisoformat(days[0][:10]), date.fromisoformat(days[-1][:10])
    rng = random.Random(seed + 3)
    anchor: dict[str, date] = {}
    out = []
    for item in items:
        if item.date is None and item.event is not None:
            if item.event not in anchor:
                anchor[item.event] = start + timedelta(days=rng.randrange((end - start).days + 1))
            day = anchor[item.event] + timedelta(days=rng.randrange(3))
            item = replace(item, date=day.isoformat())
        out.append(item)
    return out


def order(items: list[Item], seed: int) -> list[Item]:
    """Dated items in date order; undated ones at seeded random places among them."""
    dated = sorted((i for i in items if i.date), key=lambda i: (i.date, i.source))
    undated = [i for i in items if not i.date]
    rng = random.Random(seed)
    rng.shuffle(undated)
    slots = sorted(rng.randrange(len(dated) + 1) for _ in undated)
    out: list[Item] = []
    j = 0
    for k, item in enumerate(dated):
        while j < len(slots) and slots[j] <= k:
            out.append(undated[j])
            j += 1
        out.append(item)
    out += undated[j:]
    return out


def document(item: Item) -> Document | None:
    meta = {k: v for k, v in (("title", item.title), ("outlet", item.outlet)) if v}
    try:
        return build(item.text, item.source, "text", date=item.date, meta=meta)
    except InputError:
        return None


# ---------------------------------------------------------------- scoring


def bcubed(pred: dict[str, str], gold: dict[str, str | None]) -> dict[str, float]:
    """B³ over the items with a gold label; predicted cluster sizes count every item."""
    size = Counter(pred.values())
    gold_size = Counter(g for g in gold.values() if g is not None)
    both = Counter((pred[k], g) for k, g in gold.items() if g is not None and k in pred)
    p = r = 0.0
    n = 0
    for key, g in gold.items():
        if g is None or key not in pred:
            continue
        shared = both[(pred[key], g)]
        p += shared / size[pred[key]]
        r += shared / gold_size[g]
        n += 1
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def ingest(
    store: Store,
    items: list[Item],
    batch: int,
    params: Params,
    trace: Trace | None = None,
    by_id: dict[str, Item] | None = None,
) -> dict[str, tuple[str, str]]:
    """Store and cluster `items` batch by batch; {source: (stored id, linked original id)}.

    `by_id` (when given) is filled with {stored id: item} before each batch is clustered."""
    ids: dict[str, tuple[str, str]] = {}
    for start in range(0, len(items), batch):
        for item in items[start : start + batch]:
            doc = document(item)
            if doc is None:
                continue
            result = add(store, doc)
            if result is not None:
                ids[item.source] = (result.id, result.duplicate_of or result.id)
                if by_id is not None and result.duplicate_of is None:
                    by_id[result.id] = item
        cluster_pending(store, params, trace=trace)
    return ids


def add(store: Store, doc: Document) -> AddResult | None:
    """`store.add`; a text stored already in other case or spacing (refused) is its copy."""
    try:
        return store.add(doc)
    except StoreError:
        return AddResult("duplicate", doc.id, doc.id) if doc.id in store else None


def assignments(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """{document id: (story id, event id)}, merges followed."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT d.id, s.pk, s.id, e.id FROM documents AS d "
            "JOIN story_members AS m ON m.doc_pk = d.pk "
            "LEFT JOIN stories AS s ON s.pk = m.story LEFT JOIN story_events AS e ON e.pk = m.event"
        ).fetchall()
    return {r[0]: (r[2], r[3]) for r in rows}


def score(store: Store, items: list[Item], ids: dict[str, tuple[str, str]]) -> dict[str, object]:
    where = assignments(store)
    story_pred, event_pred, story_gold, event_gold = {}, {}, {}, {}
    for item in items:
        if item.source not in ids:
            continue
        original = ids[item.source][1]
        story, event = where.get(original, (None, None))
        story_pred[item.source] = story or f"none:{item.source}"
        event_pred[item.source] = event or f"none:{item.source}"
        story_gold[item.source] = item.story
        event_gold[item.source] = item.event
    out: dict[str, object] = {
        "documents": len(story_pred),
        "story": bcubed(story_pred, story_gold),
        "event": bcubed(event_pred, event_gold),
    }
    t17 = {k: v for k, v in story_gold.items() if v.startswith("t17:")}
    if t17:
        out["story_t17"] = bcubed({k: story_pred[k] for k in t17}, t17)
    news = {k: v for k, v in story_gold.items() if not v.startswith("t17:")}
    if news:
        out["story_news"] = bcubed({k: story_pred[k] for k in news}, news)
    out["errors"] = error_kinds(story_pred, story_gold, event_pred, event_gold)
    return out


def ceiling(items: list[Item], ids: dict[str, tuple[str, str]]) -> dict[str, object]:
    """The best a clusterer on words could score on this gold, and why it is under 1.

    Two things no choice of threshold undoes: a document that shares not one
    content word (`features.extract`) with any other document of its gold story
    cannot be linked to it on words (page furniture, a scrape of another page);
    and a copy the dedupe check links to a document of *another* gold story sits in
    that document's story (boilerplate pages stored once). The ceiling partition is
    the gold with those two fixed; its B³ is an upper bound, not a target.
    """
    from storyline.clustering import features

    kept = [i for i in items if i.source in ids]
    item_of = {ids[i.source][0]: i for i in kept if ids[i.source][0] == ids[i.source][1]}
    words = {i.source: set(features.extract(i.text, i.title).counts) for i in kept}
    by_gold: dict[str, list[Item]] = {}
    for item in kept:
        by_gold.setdefault(item.story, []).append(item)
    pred = {i.source: i.story for i in kept}
    unreachable: Counter[str] = Counter()
    for members in by_gold.values():
        for item in members:
            mates = [j for j in members if j is not item]
            if mates and not any(words[item.source] & words[j.source] for j in mates):
                pred[item.source] = "alone:" + item.source
                unreachable["t17" if item.event is None else "news"] += 1
    foreign_copies = 0
    for item in kept:
        original = ids[item.source][1]
        source = item_of.get(original)
        if source is not None and source is not item and source.story != item.story:
            pred[item.source] = pred[source.source]
            foreign_copies += 1
    story_gold = {i.source: i.story for i in kept}
    event_gold = {i.source: i.event for i in kept}
    news = {k: v for k, v in story_gold.items() if not v.startswith("t17:")}
    return {
        "story": bcubed(pred, story_gold),
        "event": bcubed(pred, event_gold),
        "story_news": bcubed({k: pred[k] for k in news}, news),
        "unreachable_documents": dict(unreachable),
        "copies_of_another_story": foreign_copies,
        "news_nearest_neighbour": nearest_mates(kept),
    }


def nearest_mates(items: list[Item]) -> dict[str, object]:
    """For each news document with a gold mate: is its nearest document (term cosine, the
    clusterer's vectors, IDF over the whole stream: hindsight) one of its own story?"""
    import numpy as np
    from scipy.sparse import csr_matrix

    from storyline.clustering import features

    terms = [features.extract(i.text, i.title) for i in items]
    df = Counter(t for found in terms for t in found.counts)
    p = Params()
    vecs = [features.vector(found, df, len(items), p.keep_terms, p.tf_power) for found in terms]
    column: dict[str, int] = {}
    data, cols, indptr = [], [], [0]
    for vec in vecs:
        for term, weight in vec.items():
            cols.append(column.setdefault(term, len(column)))
            data.append(weight)
        indptr.append(len(cols))
    matrix = csr_matrix((data, cols, indptr), shape=(len(items), len(column)), dtype=np.float32)
    gold = np.array([i.story for i in items])
    size = Counter(gold.tolist())
    counts: Counter[str] = Counter()
    best: list[float] = []
    for k, item in enumerate(items):
        if item.event is None or size[item.story] < 2:
            continue
        sims = (matrix @ matrix[k].T).toarray().ravel()
        sims[k] = -1.0
        mates = gold == item.story
        mates[k] = False
        mate, stranger = float(sims[mates].max()), float(sims[~mates].max())
        best.append(mate)
        counts["documents"] += 1
        counts["nearest_is_mate" if mate > stranger else "nearest_is_stranger"] += 1
        counts["best_mate_cosine_under_0.1"] += mate < 0.1
    return {**dict(counts), "median_best_mate_cosine": round(float(np.median(best)), 3)}


def error_kinds(
    story_pred: dict[str, str],
    story_gold: dict[str, str],
    event_pred: dict[str, str],
    event_gold: dict[str, str | None],
) -> dict[str, dict[str, int]]:
    """Documents counted by what is wrong with their story (and, for news, their event).

    Per gold kind (news, Timeline17): documents whose predicted story holds every
    document of their gold story and nothing else ("exact"); that misses some of
    their gold story ("split"), none of it ("alone": the document by itself or with
    strangers only); that holds other news stories' documents ("with_news") or
    Timeline17 ones ("with_t17"). A document can be both split and mixed. For news,
    "event_split" counts those in the exact story but not with all their event.
    """
    members: dict[str, Counter[str]] = {}
    for key, pred in story_pred.items():
        members.setdefault(pred, Counter())[story_gold[key]] += 1
    gold_size = Counter(story_gold.values())
    event_members: dict[str, Counter[str | None]] = {}
    for key, pred in event_pred.items():
        event_members.setdefault(pred, Counter())[event_gold[key]] += 1
    event_size = Counter(g for g in event_gold.values() if g is not None)
    out: dict[str, dict[str, int]] = {}
    for key, gold in story_gold.items():
        kind = "t17" if gold.startswith("t17:") else "news"
        counts = out.setdefault(kind, Counter())
        held = members[story_pred[key]]
        counts["documents"] += 1
        together = held[gold]
        strangers = {g for g in held if g != gold}
        if together < gold_size[gold]:
            counts["split"] += 1
            if together == 1 and gold_size[gold] > 1:
                counts["alone"] += 1
        if any(not g.startswith("t17:") for g in strangers):
            counts["with_news"] += 1
        if any(g.startswith("t17:") for g in strangers):
            counts["with_t17"] += 1
        if together == gold_size[gold] and not strangers:
            counts["exact"] += 1
            event = event_gold[key]
            if event is not None and event_members[event_pred[key]][event] < event_size[event]:
                counts["event_split"] += 1
    return {kind: dict(sorted(c.items())) for kind, c in out.items()}


def baseline(items: list[Item], thresholds: list[float]) -> dict[str, object]:
    """Whole-batch TF-IDF + cosine average-link agglomerative clustering, best threshold."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    texts = [((i.title or "") + "\n" + i.text) for i in items]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)
    from sklearn.metrics.pairwise import cosine_distances

    dist = cosine_distances(matrix)
    n = len(items)
    condensed = dist[__import__("numpy").triu_indices(n, k=1)]
    del dist
    tree = linkage(condensed, method="average")
    del condensed
    story_gold = {i.source: i.story for i in items}
    event_gold = {i.source: i.event for i in items}
    runs = []
    for t in thresholds:
        labels = fcluster(tree, t=t, criterion="distance")
        pred = {i.source: str(lab) for i, lab in zip(items, labels, strict=True)}
        runs.append(
            {
                "threshold": t,
                "story": bcubed(pred, story_gold),
                "event": bcubed(pred, event_gold),
                "story_t17": bcubed(
                    {k: v for k, v in pred.items() if story_gold[k].startswith("t17:")},
                    {k: v for k, v in story_gold.items() if v.startswith("t17:")},
                ),
            }
        )
    best_story = max(runs, key=lambda r: r["story"]["f1"])  # type: ignore[index]
    best_event = max(runs, key=lambda r: r["event"]["f1"])  # type: ignore[index]
    return {
        "best_for_story": best_story,
        "best_for_event": best_event,
        "seconds": round(time.perf_counter() - started, 1),
    }


# ---------------------------------------------------------------- parts


GRID = {  # around the defaults; wider sweeps cost ~2 min a point on 2 cores
    "story_threshold": [0.12, 0.16, 0.2],
    "merge_threshold": [0.3],
    "event_threshold": [0.25, 0.35],
}


def tune(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Leave-one-topic-out choice on the validation stream (no reported gold seen)."""
    _, val_ids = plus_split(
        eval_dir / "multinews/plus_val_truncated.jsonl.gz",
        args.plus_clusters,
        args.val_clusters,
        args.seed,
    )
    items = order(
        load_t17(eval_dir)
        + load_multinews(eval_dir / "multinews/plus_val_truncated.jsonl.gz", "plus", val_ids),
        args.seed,
    )
    groups = sorted({i.story for i in items if i.story.startswith("t17:")})
    runs = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "val.db") as store:
        ids = ingest(store, items, args.batch, Params())
        for st in GRID["story_threshold"]:
            for mt in GRID["merge_threshold"]:
                for et in GRID["event_threshold"]:
                    params = replace(
                        Params(), story_threshold=st, merge_threshold=mt, event_threshold=et
                    )
                    started = time.perf_counter()
                    rebuild(store, params)
                    folds = {}
                    for held in groups:
                        kept = [i for i in items if i.story != held]
                        s = score(store, kept, ids)
                        folds[held] = (s["story"]["f1"] + s["event"]["f1"]) / 2  # type: ignore[index]
                    runs.append(
                        {
                            "params": {
                                "story_threshold": st,
                                "merge_threshold": mt,
                                "event_threshold": et,
                            },
                            "folds": folds,
                            "seconds": round(time.perf_counter() - started, 1),
                        }
                    )
                    print(json.dumps(runs[-1]), file=sys.stderr)
    choices = {
        held: max(runs, key=lambda r: r["folds"][held])["params"]  # type: ignore[index]
        for held in groups
    }
    return {"documents": len(items), "runs": runs, "choice_per_fold": choices}


def arrival_order(items: list[Item], batch: int, seed: int) -> list[Item]:
    """Arrival order: one document in ten arrives a few batches late (feeds lag)."""
    rng = random.Random(seed + 1)
    late = [i for i in items if rng.random() < 0.1]
    late_set = {i.source for i in late}
    arrival = [i for i in items if i.source not in late_set]
    position = {i.source: k for k, i in enumerate(items)}
    for item in late:
        arrival.insert(min(len(arrival), position[item.source] + 3 * batch), item)
    return arrival


def overrides(pairs: list[str]) -> Params:
    """Params with `name=value` overrides (the `--set` option)."""
    params = Params()
    for pair in pairs:
        name, _, value = pair.partition("=")
        current = getattr(params, name)
        cast = (
            (lambda v: v.lower() in ("1", "true", "yes"))
            if isinstance(current, bool)
            else type(current)
        )
        params = replace(params, **{name: cast(value)})
    return params


def validate(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """The validation stream (Timeline17 + `--val-clusters` Multi-News+ clusters disjoint from
    the reported ones): incremental scores with `--set`, then a rebuild per `--grid` entry."""
    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    _, val_ids = plus_split(plus, args.plus_clusters, args.val_clusters, args.seed)
    items = load_t17(eval_dir) + load_multinews(plus, "plus", val_ids)
    items = order(date_news(items, args.seed) if args.date_news else items, args.seed)
    params = overrides(args.set)
    out: dict[str, object] = {"documents": len(items), "params": repr(params)}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "val.db") as store:
        started = time.perf_counter()
        ids = ingest(store, arrival_order(items, args.batch, args.seed), args.batch, params)
        out["incremental"] = score(store, items, ids)
        out["incremental_seconds"] = round(time.perf_counter() - started, 1)
        out["ceiling"] = ceiling(items, ids)
        print(json.dumps(out), file=sys.stderr)
        runs = []
        for entry in args.grid:
            started = time.perf_counter()
            grid_params = overrides(args.set + entry.split(","))
            rebuild(store, grid_params)
            runs.append({"set": entry, **score(store, items, ids)})
            runs[-1]["seconds"] = round(time.perf_counter() - started, 1)
            print(json.dumps(runs[-1]), file=sys.stderr)
        out["rebuilds"] = runs
    return out


def replay(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Link decisions replayed for the link model (`--part replay --replay-out FILE`).

    The stream is Timeline17 plus `--train-clusters` Multi-News+ clusters after the
    validation ones (disjoint from both the reported and the validation clusters),
    clustered with the hand thresholds (`--teacher hand`) or with the shipped model
    (`--teacher model`: a second round sees the candidates the model itself meets). Every (document, candidate
    story) pair is a row of FEATURES, labelled 1 when the candidate's majority gold
    story is the document's own. Fitted by `storyline.evaluation.train_story_links`.
    """
    import numpy as np

    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    _, train_ids = plus_split(
        plus, args.plus_clusters, args.val_clusters, args.seed, args.train_clusters
    )
    items = load_t17(eval_dir) + load_multinews(plus, "plus", train_ids)
    items = order(date_news(items, args.seed) if args.date_news else items, args.seed)
    params = replace(overrides(args.set), learned=args.teacher == "model")
    by_id: dict[str, Item] = {}
    members: dict[int, Counter[str]] = {}
    golds: dict[str, int] = {}  # gold story -> group number (for grouped folds)
    seen: set[str] = set()
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[int] = []
    news: list[int] = []
    docs: list[int] = []

    def trace(
        doc_id: str,
        rows: list[tuple[int, list[float]]],
        story: int,
        merged: list[tuple[int, int]],
    ) -> None:
        gold = by_id[doc_id].story
        for pk, row in rows:
            held = members.get(pk)
            xs.append(row)
            ys.append(int(bool(held) and held.most_common(1)[0][0] == gold))
            groups.append(golds.setdefault(gold, len(golds)))
            news.append(int(not gold.startswith("t17:")))
            docs.append(len(seen))
        seen.add(doc_id)
        for gone, keep in merged:
            members.setdefault(keep, Counter()).update(members.pop(gone, Counter()))
        members.setdefault(story, Counter())[gold] += 1

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "replay.db") as store:
        ingest(store, arrival_order(items, args.batch, args.seed), args.batch, params, trace, by_id)
    if args.replay_out:
        np.savez(
            args.replay_out,
            x=np.array(xs, dtype=np.float64),
            y=np.array(ys, dtype=np.int8),
            group=np.array(groups, dtype=np.int64),
            news=np.array(news, dtype=np.int8),
            doc=np.array(docs, dtype=np.int64),
            features=np.array(ALL_FEATURES),  # dense columns 0 unless --set dense=true
        )
    return {"documents": len(items), "rows": len(ys), "positives": int(sum(ys))}


def stages(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Where news documents lose their story (`--part stages`, the validation stream).

    For each news document that arrives when some story already holds a document
    of its gold cluster (a "mate story"), the stage that decided it:
    `joined` a mate story; `index` -- no mate story shares a query term with it
    (candidate recall); `cap` -- shares one but fell outside the `candidates`
    cap; `not_compared` -- among the candidates but not among the `event_stories`
    nearest by centroid; `below_bar` -- compared, but every mate story's link
    probability is under the bar (the link decision), split by whether the
    document then founded a story or joined a wrong one; `outranked` -- a mate
    story passed the bar but a wrong story ranked higher (ordering). Counts are
    also given for the documents whose final story misses part of their gold one.
    """
    from storyline.clustering import links as link_model
    from storyline.store import stories as story_rows

    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    _, val_ids = plus_split(plus, args.plus_clusters, args.val_clusters, args.seed)
    items = load_t17(eval_dir) + load_multinews(plus, "plus", val_ids)
    items = order(date_news(items, args.seed) if args.date_news else items, args.seed)
    params = overrides(args.set)
    model = (
        link_model.LinkModel.load(Path(params.link_model), None)
        if params.link_model
        else link_model.shipped()
    )
    assert model is not None, "the stages need the learned link model"
    bar = params.link_probability if params.link_probability >= 0 else model.threshold
    original = story_rows.candidate_stories
    last: dict[str, set[int]] = {}

    def candidates(conn, term_keys, since, limit):  # type: ignore[no-untyped-def]
        found = original(conn, term_keys, since, limit)
        last["capped"] = {c.pk for c in found}
        last["all"] = {c.pk for c in original(conn, term_keys, since, 1_000_000)}
        return found

    by_id: dict[str, Item] = {}
    members: dict[int, Counter[str]] = {}
    stage_of: dict[str, str] = {}
    mate_probability: dict[str, float] = {}

    def trace(
        doc_id: str,
        rows: list[tuple[int, list[float]]],
        story: int,
        merged: list[tuple[int, int]],
    ) -> None:
        item = by_id[doc_id]
        gold = item.story
        if item.event is not None:
            mates = {pk for pk, held in members.items() if held[gold]}
            probs = {
                pk: model.probability_of(dict(zip(ALL_FEATURES, row, strict=True)))
                for pk, row in rows
            }
            joined = story in mates or any(g in mates or k in mates for g, k in merged)
            founded = story not in members
            compared = mates & set(probs)
            if not mates:
                stage = "first"
            elif joined:
                stage = "joined"
            elif not mates & last.get("all", set()):
                stage = "index"
            elif not mates & last.get("capped", set()):
                stage = "cap"
            elif not compared:
                stage = "not_compared"
            elif max(probs[m] for m in compared) < bar:
                stage = "below_bar_founded" if founded else "below_bar_joined_other"
                mate_probability[item.source] = max(probs[m] for m in compared)
            else:
                stage = "outranked"
            stage_of[item.source] = stage
        for gone, keep in merged:
            members.setdefault(keep, Counter()).update(members.pop(gone, Counter()))
        members.setdefault(story, Counter())[gold] += 1

    story_rows.candidate_stories = candidates
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "stages.db") as store:
            arrival = arrival_order(items, args.batch, args.seed)
            ids = ingest(store, arrival, args.batch, params, trace, by_id)
            result = score(store, items, ids)
            where = assignments(store)
    finally:
        story_rows.candidate_stories = original
    story_of = {
        i.source: where.get(ids[i.source][1], (None, None))[0] for i in items if i.source in ids
    }
    gold_size = Counter(i.story for i in items if i.source in ids)
    together = Counter((story_of[i.source], i.story) for i in items if i.source in ids)
    split = {
        i.source
        for i in items
        if i.source in ids
        and i.event is not None
        and (
            story_of[i.source] is None
            or together[(story_of[i.source], i.story)] < gold_size[i.story]
        )
    }
    counts = Counter(stage_of.values())
    counts_split = Counter(stage for source, stage in stage_of.items() if source in split)
    below = sorted(mate_probability.values())
    return {
        "documents": len(items),
        "scores": result,
        "bar": bar,
        "stages": dict(counts.most_common()),
        "stages_of_split_documents": dict(counts_split.most_common()),
        "split_news_documents": len(split),
        "below_bar_mate_probability": {
            "n": len(below),
            "median": round(below[len(below) // 2], 3) if below else None,
            "at_least_0.1": sum(p >= 0.1 for p in below),
            "at_least_0.05": sum(p >= 0.05 for p in below),
        },
    }


def pairs(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Same-story document pairs told from others by term cosine, MiniLM cosine and blends.

    The question behind it: would dense vectors (MiniLM int8 ONNX, the `embed` extra) of a
    document's headline and lead fix the Multi-News pairs that share few words, and at what
    cost per document? Validation clusters plus a sample of Timeline17, all pairs.
    """
    import re

    import numpy as np
    from sklearn.metrics import roc_auc_score

    from storyline.clustering import features
    from storyline.encoder import minilm_vectors

    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    _, val_ids = plus_split(plus, args.plus_clusters, args.val_clusters, args.seed)
    t17 = load_t17(eval_dir)
    random.Random(args.seed).shuffle(t17)
    items = load_multinews(plus, "plus", val_ids) + t17[: args.pair_t17]
    terms = [features.extract(i.text, i.title) for i in items]
    df = Counter(t for found in terms for t in found.counts)
    vecs = [features.vector(found, df, len(items), Params().keep_terms, 1.0) for found in terms]
    vocabulary = {t: k for k, t in enumerate(sorted({t for v in vecs for t in v}))}
    term_matrix = np.zeros((len(items), len(vocabulary)), dtype=np.float32)
    for row, v in enumerate(vecs):
        for t, w in v.items():
            term_matrix[row, vocabulary[t]] = w
    term_sim = term_matrix @ term_matrix.T

    def lead(item: Item) -> str:
        sentences = re.split(r"(?<=[.!?])\s+", item.text.strip())
        return ((item.title + ". ") if item.title else "") + " ".join(sentences[: args.lead])

    started = time.perf_counter()
    dense = minilm_vectors([lead(i) for i in items])
    ms_per_doc = 1000 * (time.perf_counter() - started) / len(items)
    dense_sim = dense @ dense.T
    gold = np.array([i.story for i in items])
    news = np.array([i.event is not None for i in items])
    upper = np.triu_indices(len(items), 1)
    same = (gold[:, None] == gold[None, :])[upper]
    both_news = (news[:, None] & news[None, :])[upper]

    def rate(sim: np.ndarray) -> dict[str, float]:
        flat = sim[upper]
        ranked = same[np.argsort(-flat)]
        hits = np.cumsum(ranked)
        precision = hits / np.arange(1, len(ranked) + 1)
        recall = hits / same.sum()
        f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
        return {
            "auc": round(float(roc_auc_score(same, flat)), 4),
            "auc_news_pairs": round(float(roc_auc_score(same[both_news], flat[both_news])), 4),
            "best_pair_f1": round(float(f1.max()), 4),
        }

    out: dict[str, object] = {
        "documents": len(items),
        "minilm_ms_per_doc": round(ms_per_doc, 1),
        "terms": rate(term_sim),
        "minilm": rate(dense_sim),
    }
    for share in (0.3, 0.5, 0.7):
        out[f"blend_terms_{share}"] = rate(share * term_sim + (1 - share) * dense_sim)
    return out


def test(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Scores on the reported stream (with `--set` overrides, and then the defaults too, in
    the same run), the baseline, rebuild agreement."""
    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    reported, _ = plus_split(plus, args.plus_clusters, args.val_clusters, args.seed)
    items = (
        load_t17(eval_dir)
        + load_multinews(eval_dir / "multinews/dev.jsonl", "dev")
        + load_multinews(plus, "plus", reported)
    )
    items = order(date_news(items, args.seed) if args.date_news else items, args.seed)
    arrival = arrival_order(items, args.batch, args.seed)
    params = overrides(args.set)
    out: dict[str, object] = {"documents": len(items), "params": repr(params)}
    others = {"default": Params()} if params != Params() else {}
    if args.before is not None:  # a "before" (`--before name=value ...`)
        others["before"] = overrides(args.before)
    for name, other in others.items():  # in the same run, each on its own store
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / f"{name}.db") as store:
            started = time.perf_counter()
            ids = ingest(store, arrival, args.batch, other)
            out[f"incremental_{name}"] = score(store, items, ids)
            out[f"incremental_{name}_params"] = repr(other)
            out[f"incremental_{name}_seconds"] = round(time.perf_counter() - started, 1)
            print(json.dumps(out), file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "test.db") as store:
        started = time.perf_counter()
        ids = ingest(store, arrival, args.batch, params)
        out["incremental"] = score(store, items, ids)
        out["incremental_seconds"] = round(time.perf_counter() - started, 1)
        out["ceiling"] = ceiling(items, ids)
        before = assignments(store)
        started = time.perf_counter()
        rebuild(store, params)
        out["rebuild"] = score(store, items, ids)
        out["rebuild_seconds"] = round(time.perf_counter() - started, 1)
        after = assignments(store)
        common = [k for k in before if k in after]
        out["rebuild_vs_incremental_story_b3"] = bcubed(
            {k: str(before[k][0]) for k in common}, {k: str(after[k][0]) for k in common}
        )
    if not args.no_baseline:
        out["baseline"] = baseline(items, [round(0.5 + 0.025 * k, 3) for k in range(19)])
    return out


def speed(eval_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    items = order(
        load_t17(eval_dir)
        + load_multinews(eval_dir / "multinews/dev.jsonl", "dev")
        + load_multinews(plus, "plus")
        + load_polnear(eval_dir),
        args.seed,
    )[: args.speed_docs]
    docs = [d for d in map(document, items) if d is not None]  # built first: not timed
    marks = sorted({1000, 10000, 20000, len(docs)} & set(range(1, len(docs) + 1)))
    params = overrides(args.set)
    out: dict[str, object] = {"documents": len(docs), "sizes": {}, "params": repr(params)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.db"
        with Store(path) as store:
            times: list[float] = []
            cpu: list[float] = []  # this process's CPU time: what the load of others leaves out
            for start in range(0, len(docs), args.batch):
                chunk = docs[start : start + args.batch]
                t0, c0 = time.perf_counter(), time.process_time()
                for doc in chunk:
                    add(store, doc)
                t1 = time.perf_counter()
                cluster_pending(store, params)
                t2, c2 = time.perf_counter(), time.process_time()
                times += [(t1 - t0) / len(chunk) + (t2 - t1) / len(chunk)] * len(chunk)
                cpu += [(c2 - c0) / len(chunk)] * len(chunk)
                print(
                    f"{start + len(chunk)} {1000 * (t2 - t0) / len(chunk):.1f} ms "
                    f"{1000 * (c2 - c0) / len(chunk):.1f} cpu ms {os.getloadavg()[0]:.1f} load",
                    file=sys.stderr,
                    flush=True,
                )
            for mark in marks:
                window = times[max(0, mark - 1000) : mark]
                used = cpu[max(0, mark - 1000) : mark]
                out["sizes"][str(mark)] = {  # type: ignore[index]
                    "ms_per_doc": round(1000 * sum(window) / len(window), 2),
                    "cpu_ms_per_doc": round(1000 * sum(used) / len(used), 2),
                    "docs_per_s": round(len(window) / sum(window), 1),
                }
            stored = store.count()
        t0 = time.perf_counter()
        with Store(path) as store:
            opened = time.perf_counter() - t0
            extra = build(
                "A new article about an unrelated council vote on parking fees downtown.",
                "x",
                "text",
            )
            store.add(extra)
            cluster_pending(store, params)
            first_add = time.perf_counter() - t0 - opened
        out["stored"] = stored
        out["open_s"] = round(opened, 4)
        out["open_and_first_add_s"] = round(opened + first_add, 4)
        out["size_mb"] = round(sum(f.stat().st_size for f in Path(tmp).iterdir()) / 1e6, 1)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _edit(doc: Document, other: Document, how: str) -> tuple[str, str | None]:
    text, title = doc.text, doc.title
    if how in ("first_sentence", "all") and len(doc.sentences) > 1 and other.sentences:
        first = doc.sentences[0]
        lede = other.text[other.sentences[0].start : other.sentences[0].end]
        text = lede + text[first.end :]
    if how in ("last_paragraph", "all"):
        if len(doc.paragraphs) > 1:
            cut = doc.paragraphs[-1].start - (len(doc.text) - len(text))
        else:  # one paragraph: its last fifth of sentences
            keep = max(1, int(len(doc.sentences) * 0.8))
            cut = (
                doc.sentences[keep - 1].end - (len(doc.text) - len(text))
                if len(doc.sentences) > 1
                else len(text)
            )
        text = text[:cut].rstrip()
    if how in ("headline", "all"):
        title = other.title or "A different headline"
        if how == "headline":
            text = text + " "  # a new headline is a new version: same words
    return text, title


def dedupe_eval(
    eval_dir: Path, args: argparse.Namespace, threshold: float | None, slice_: int
) -> dict[str, object]:
    """Edited copies of `args.dedupe_docs` originals (slice_ picks disjoint originals)."""
    plus = eval_dir / "multinews/plus_val_truncated.jsonl.gz"
    pool = (
        load_t17(eval_dir)
        + load_multinews(eval_dir / "multinews/dev.jsonl", "dev")
        + load_multinews(plus, "plus")
    )
    random.Random(args.seed + 7).shuffle(pool)
    n = args.dedupe_docs
    chosen = pool[slice_ * n : (slice_ + 1) * n]
    others = pool[(slice_ + 2) * n : (slice_ + 3) * n]
    docs = [d for d in map(document, chosen) if d is not None]
    donors = [d for d in map(document, others) if d is not None]
    out: dict[str, object] = {"originals": len(docs)}
    for how in ("first_sentence", "last_paragraph", "headline", "all"):
        with Store(":memory:", near_duplicate_threshold=threshold) as store:
            stored_as: dict[str, str] = {}  # an original that copies another is held by it
            for doc in docs:
                added = add(store, doc)
                stored_as[doc.id] = (added.duplicate_of or added.id) if added else doc.id
            links_before = store.stats().duplicates
            correct = made = copies = dropped = 0
            for k, doc in enumerate(docs):
                donor = donors[k % len(donors)]
                text, title = _edit(doc, donor, how)
                try:
                    copy = build(
                        text, f"copy/{how}/{k}", "text", meta={"title": title} if title else None
                    )
                except InputError:
                    continue
                if copy.text == doc.text and how != "headline":
                    continue
                kept = len(dedupe.shingles(copy.text) & dedupe.shingles(doc.text))
                if kept < 0.5 * len(dedupe.shingles(doc.text)):
                    dropped += 1  # under half the original left: not a copy any more
                    continue
                copies += 1
                result = add(store, copy)
                if result is not None and result.duplicate_of is not None:
                    made += 1
                    correct += result.duplicate_of == stored_as[doc.id]
            out[how] = {
                "copies": copies,
                "recall": round(correct / copies, 4) if copies else None,
                "precision": round(correct / made, 4) if made else None,
                "links_among_originals": links_before,
                "not_copies_any_more": dropped,
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument(
        "--part",
        choices=["tune", "val", "stages", "replay", "pairs", "test", "speed", "dedupe", "all"],
        default="all",
    )
    parser.add_argument("--train-clusters", type=int, default=600, help="replay stream")
    parser.add_argument("--replay-out", type=Path, help="replayed link rows (.npz)")
    parser.add_argument("--teacher", choices=["hand", "model"], default="hand", help="replay")
    parser.add_argument("--plus-clusters", type=int, default=3000)
    parser.add_argument("--val-clusters", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--speed-docs", type=int, default=100000)
    parser.add_argument("--dedupe-docs", type=int, default=1000)
    parser.add_argument("--dedupe-sweep", type=float, nargs="*", default=[])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--pair-t17", type=int, default=600, help="Timeline17 sample (pairs)")
    parser.add_argument("--lead", type=int, default=3, help="lead sentences embedded (pairs)")
    parser.add_argument("--date-news", action="store_true", help="date the news events (variant)")
    parser.add_argument("--set", nargs="*", default=[], help="Params overrides name=value")
    parser.add_argument(
        "--before", nargs="*", default=None, help="test: also run these overrides, same run"
    )
    parser.add_argument("--grid", nargs="*", default=[], help="rebuild with each a=1,b=2 (val)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result: dict[str, object] = {}
    parts = ["tune", "test", "speed", "dedupe"] if args.part == "all" else [args.part]
    for part in parts:
        started = time.perf_counter()
        if part == "tune":
            result["tune"] = tune(args.eval_dir, args)
        elif part == "pairs":
            result["pairs"] = pairs(args.eval_dir, args)
        elif part == "replay":
            result["replay"] = replay(args.eval_dir, args)
        elif part == "val":
            result["val"] = validate(args.eval_dir, args)
        elif part == "stages":
            result["stages"] = stages(args.eval_dir, args)
        elif part == "test":
            result["test"] = test(args.eval_dir, args)
        elif part == "speed":
            result["speed"] = speed(args.eval_dir, args)
        else:
            result["dedupe"] = {"reported": dedupe_eval(args.eval_dir, args, None, 0)}
            for t in args.dedupe_sweep:
                result["dedupe"][f"validation@{t}"] = dedupe_eval(args.eval_dir, args, t, 1)  # type: ignore[index]
        print(f"{part}: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
