"""Train the learned cue finder (analysis/cue_model.py) on PolNeAR train.

Examples: every candidate verb of `cue_model.candidates` (a verb outside the cue
lists that the general verb finder gives a content), once per annotation file of
its text; it is positive when a gold Cue span of that file holds it. The model is
an L2 logistic regression (scikit-learn, liblinear, fixed seed) over the sparse
features of `cue_model.features`, keeping features seen at least `MIN_COUNT`
times. Regularisation and the decision threshold are chosen by two-fold
cross-validation over train only (halves A = the first 460 annotation files,
B = the rest): C (of C_GRID) by the held-out half's log-loss, the threshold (of
THRESHOLD_GRID) by the held-out half's token-overlap F1 as the bench scores it
(mean of Source and Content over both halves); the final model is refitted on
all of train with the chosen setting. The nesting model (`cue_model.keeps_nested`)
is chosen the same way on the nested pairs each half gives with the other half's
cue model, and refitted on the pairs of both halves found so. The noun model
(candidate nouns of `cue_model.noun_candidates`, positive when a gold Cue holds
the noun) is chosen the same way, its threshold scored with each half's cue and
nesting models beside it, and refitted on all of train. Retraining reproduces the
shipped file bit for bit. PolNeAR dev is never read here.

    python -m storyline.evaluation.train_cue_model ../shared/eval/polnear/train \\
        --cache /tmp/polnear-train.spacy --out storyline/analysis/data/cue_model.npz \\
        --log cue_model_cv.json
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..analysis.attribution import _nests, extract_attributions, listed_cues
from ..analysis.cue_model import (
    LinearModel,
    Models,
    candidates,
    features,
    nest_features,
    noun_candidates,
    noun_features,
    save_models,
)
from ..analysis.nlp import load_nlp
from ..analysis.quotemarks import find_quote_spans
from .polnear import ROLES, Gold, parse, predict, read_ann, token_overlap

MIN_COUNT = 3
HALF = 460  # annotation files in train half A (as in BENCHMARKS.md)
C_GRID = (0.1, 0.3, 1.0)
THRESHOLD_GRID = (0.4, 0.5, 0.6)  # probabilities
# The noun model: many more candidates, few cues (6%); the held-out log-loss fell up to C = 1
NOUN_C_GRID = (0.3, 1.0, 3.0)
NOUN_THRESHOLD_GRID = (0.2, 0.3, 0.4)
SEED = 0

Item = tuple[str, str, Any, Gold]  # text name, text, spaCy doc, gold of one annotation file


def load_split(split: Path, cache: Path | None = None) -> list[Item]:
    """Every annotation file of `split` with its text and parse; parses are kept in
    `cache` (a spaCy DocBin) when given, as parsing train takes minutes."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    names = sorted(p.stem for p in (split / "text").glob("*.txt"))
    texts = {n: (split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = [parse(nlp, texts[n]) for n in names]
        if cache is not None:
            bin_ = DocBin(store_user_data=False)
            for d in docs:
                bin_.add(d)
            bin_.to_disk(cache)
    by_name = dict(zip(names, docs, strict=True))
    items: list[Item] = []
    for ann in sorted((split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in by_name:
            items.append((name, texts[name], by_name[name], read_ann(ann)))
    return items


def cue_examples(items: list[Item]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and labels of every candidate cue verb, once per annotation file:
    positive when a gold Cue span of that file holds the verb."""
    return _examples(items, candidates, features)


def noun_examples(items: list[Item]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and labels of every candidate cue noun (`cue_model.noun_candidates`),
    once per annotation file: positive when a gold Cue span of that file holds the noun."""
    return _examples(items, noun_candidates, noun_features)


def _examples(
    items: list[Item], find: Callable[..., Any], featurise: Callable[..., list[str]]
) -> tuple[list[list[str]], list[int]]:
    cands: dict[str, list[tuple[int, list[str]]]] = {}
    xs: list[list[str]] = []
    ys: list[int] = []
    for name, text, doc, gold in items:
        if name not in cands:
            quoted = [(s.start, s.end) for g in find_quote_spans(text) for s in g]
            found = listed_cues(text, doc)
            cands[name] = [
                (tok.idx, featurise(text, tok, sent, att, quoted, found))
                for tok, sent, att in find(text, doc, found)
            ]
        cues = [part for g in gold for part in g["Cue"]]
        for at, feats in cands[name]:
            xs.append(feats)
            ys.append(int(any(s <= at < e for s, e in cues)))
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], c: float) -> LinearModel:
    """An L2 logistic regression over the features seen at least MIN_COUNT times
    (threshold 0: probability one half)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in xs for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(_matrix(xs, vocab, csr_matrix), np.array(ys))
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {n: float(w) for n, w in zip(names, clf.coef_[0], strict=True) if w != 0.0}
    return LinearModel(weights, float(clf.intercept_[0]), 0.0)


def _matrix(xs: list[list[str]], vocab: dict[str, int], csr_matrix: Any) -> Any:
    rows, cols = [], []
    for r, feats in enumerate(xs):
        for j in sorted({vocab[f] for f in feats if f in vocab}):
            rows.append(r)
            cols.append(j)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(xs), len(vocab)))


def log_loss(model: LinearModel, xs: list[list[str]], ys: list[int]) -> float:
    total = 0.0
    for feats, y in zip(xs, ys, strict=True):
        p = 1 / (1 + math.exp(-model.score(feats)))
        total -= math.log(max(p if y else 1 - p, 1e-12))
    return total / max(len(ys), 1)


def at(model: LinearModel, probability: float) -> LinearModel:
    return LinearModel(model.weights, model.bias, math.log(probability / (1 - probability)))


def token_f1(items: list[Item], models: Models | None, learned: bool = True) -> dict[str, float]:
    """The bench's token-overlap F1 per role (bench/polnear.py)."""
    totals = {r: [0, 0, 0, 0] for r in ROLES}
    preds: dict[str, Gold] = {}
    for name, text, doc, gold in items:
        if name not in preds:
            preds[name] = predict(text, doc, models=models, learned=learned)
        for r in ROLES:
            for i, v in enumerate(token_overlap(doc, preds[name], gold, r)):
                totals[r][i] += v
    out = {}
    for r, (hp, n_p, hg, n_g) in totals.items():
        p, rec = hp / max(n_p, 1), hg / max(n_g, 1)
        out[r] = round(2 * p * rec / (p + rec), 4) if p + rec else 0.0
    return out


def nest_examples(items: list[Item], cue: Models) -> tuple[list[list[str]], list[int]]:
    """Feature lists and labels of every nested pair (an attribution whose cue lies in
    another's content, `attribution._nests`) that `extract_attributions` finds with the
    cue model `cue`, once per annotation file: positive when a gold Cue of that file
    overlaps the inner cue."""
    pairs: dict[str, list[tuple[int, int, list[str]]]] = {}
    xs: list[list[str]] = []
    ys: list[int] = []
    for name, text, doc, gold in items:
        if name not in pairs:
            quoted = [(s.start, s.end) for g in find_quote_spans(text) for s in g]
            found = extract_attributions(text, doc, join_sentences=True, models=cue)
            pairs[name] = [
                (a.cue.start, a.cue.end, nest_features(text, a, b, quoted))
                for a in found
                for b in found
                if b is not a and _nests(a, b)
            ]
        cues = [c for g in gold for c in g["Cue"]]
        for start, end, feats in pairs[name]:
            xs.append(feats)
            ys.append(int(any(s < end and start < e for s, e in cues)))
    return xs, ys


def _choose_c(
    data: list[tuple[list[list[str]], list[int]]], grid: tuple[float, ...] = C_GRID
) -> float:
    """The regularisation with the lowest held-out log-loss over the two halves."""
    return min(
        grid,
        key=lambda c: sum(log_loss(fit(*data[1 - k], c), *data[k]) for k in (0, 1)),
    )


def _threshold(
    halves: tuple[list[Item], list[Item]],
    models: list[Callable[[float], Models]],
    job: str,
    c: float,
    log: list[dict],
    grid: tuple[float, ...] = THRESHOLD_GRID,
) -> float:
    """The threshold (of `grid`) with the best held-out token F1 (mean of Source
    and Content over both halves); `models[k](th)` are half k's models at `th`."""
    scores: dict[float, float] = {}
    for th in grid:
        for k in (0, 1):
            f1 = token_f1(halves[k], models[k](th))
            scores[th] = scores.get(th, 0.0) + (f1["Source"] + f1["Content"]) / 2
            log.append({"model": job, "C": c, "threshold": th, "scored_on": "AB"[k], **f1})
            print(json.dumps(log[-1]), flush=True)
    return max(scores, key=lambda th: scores[th])


def _cue_at(model: LinearModel) -> Callable[[float], Models]:
    return lambda th: {"cue": at(model, th)}


def _nest_at(cue: Models, model: LinearModel) -> Callable[[float], Models]:
    return lambda th: {**cue, "nest": at(model, th)}


def _noun_at(models: Models, model: LinearModel) -> Callable[[float], Models]:
    return lambda th: {**models, "noun": at(model, th)}


def choose(items: list[Item]) -> dict[str, Any]:
    """Regularisation and threshold of the cue model, then of the nesting model (fitted
    on nested pairs found with the other half's cue model), by two-fold cross-validation
    on train: C by held-out log-loss, the threshold by the held-out half's token F1
    (mean of Source and Content)."""
    halves = (items[:HALF], items[HALF:])
    data = [cue_examples(h) for h in halves]
    c = _choose_c(data)
    fitted = [fit(*data[1 - k], c) for k in (0, 1)]
    log: list[dict] = []
    th = _threshold(halves, [_cue_at(fitted[k]) for k in (0, 1)], "cue", c, log)
    cue = [{"cue": at(fitted[k], th)} for k in (0, 1)]
    nest_data = [nest_examples(halves[k], cue[k]) for k in (0, 1)]
    nest_c = _choose_c(nest_data)
    nest = [fit(*nest_data[1 - k], nest_c) for k in (0, 1)]
    nest_th = _threshold(halves, [_nest_at(cue[k], nest[k]) for k in (0, 1)], "nest", nest_c, log)
    # the noun model, scored with each half's cue and nesting models beside it
    base = [{**cue[k], "nest": at(nest[k], nest_th)} for k in (0, 1)]
    noun_data = [noun_examples(h) for h in halves]
    noun_c = _choose_c(noun_data, NOUN_C_GRID)
    noun = [fit(*noun_data[1 - k], noun_c) for k in (0, 1)]
    noun_th = _threshold(
        halves,
        [_noun_at(base[k], noun[k]) for k in (0, 1)],
        "noun",
        noun_c,
        log,
        NOUN_THRESHOLD_GRID,
    )
    return {
        "C": c,
        "threshold": th,
        "nest_C": nest_c,
        "nest_threshold": nest_th,
        "noun_C": noun_c,
        "noun_threshold": noun_th,
        "fold_cue": cue,
        "folds": log,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path, help="PolNeAR train split (text/, attributions/)")
    ap.add_argument(
        "--cache", type=Path, help="spaCy DocBin of the split's parses (made if absent)"
    )
    ap.add_argument("--out", type=Path, required=True, help="where to write the models (.npz)")
    ap.add_argument("--log", type=Path, help="cross-validation scores (JSON)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    items = load_split(args.train, args.cache)
    chosen = choose(items)
    xs, ys = cue_examples(items)
    model = at(fit(xs, ys, chosen["C"]), chosen["threshold"])
    # nested pairs as the analysis meets them: each half's found with the cue model
    # fitted on the other half
    fold_cue = chosen.pop("fold_cue")
    nx, ny = [], []
    for k, half in enumerate((items[:HALF], items[HALF:])):
        x, y = nest_examples(half, fold_cue[k])
        nx += x
        ny += y
    nest = at(fit(nx, ny, chosen["nest_C"]), chosen["nest_threshold"])
    wx, wy = noun_examples(items)
    noun = at(fit(wx, wy, chosen["noun_C"]), chosen["noun_threshold"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_models(args.out, {"cue": model, "nest": nest, "noun": noun})
    print(
        f"cue: C={chosen['C']} threshold={chosen['threshold']}: {len(model.weights)} features, "
        f"{len(ys)} examples ({sum(ys)} cues); nest: C={chosen['nest_C']} threshold="
        f"{chosen['nest_threshold']}: {len(nest.weights)} features, {len(ny)} pairs "
        f"({sum(ny)} annotated); noun: C={chosen['noun_C']} threshold="
        f"{chosen['noun_threshold']}: {len(noun.weights)} features, {len(wy)} examples "
        f"({sum(wy)} cues), {time.perf_counter() - t0:.0f}s"
    )
    if args.log:
        args.log.write_text(json.dumps(chosen, indent=2))


if __name__ == "__main__":
    main()
