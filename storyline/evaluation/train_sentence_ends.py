"""Learn where sentences end in punctuation-stripped text, and score it.

Examples come from punctuated news: each paragraph is split into sentences by
the one splitter (`ingest.segment`), every sentence is stripped the way
stripped corpora are (anything but letters and digits becomes a space), and
each gap between two words is labelled "a sentence ends here" or not. The
model (`ingest.sentence_ends`) is fitted on PolNeAR train and the Timeline17
source articles, with a lexicon of words spaCy tags as verbs in 300 of the
PolNeAR train articles (where punctuation makes the tagger reliable); its threshold is chosen on PolNeAR dev; Multi-News dev, a
different set of outlets and years, is the held-out test.

    python -m storyline.evaluation.train_sentence_ends ../shared/eval \\
        --out storyline/ingest/data/sentence_ends.npz
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from ..ingest.repunct import restore, split_sentences
from ..ingest.segment import segment
from ..ingest.sentence_ends import N_FEATURES, SHIPPED, THRESHOLD, BoundaryModel, features

_STRIP = re.compile(r"[\W_]+")
VERB_TEXTS = 300  # PolNeAR train articles tagged for the verb lexicon
C = 1.0  # compared 0.3 and 1.0 on PolNeAR dev (F1 0.809 vs 0.815)

# words of one paragraph, and the indices where a new sentence starts
Example = tuple[list[str], set[int]]


def strip(text: str) -> list[str]:
    """The words left when punctuation is stripped: "U.S." -> "U S", "isn't" -> "isn t"."""
    return _STRIP.sub(" ", text).split()


def examples(texts: Iterable[str], *, min_chars: int = 40) -> Iterator[Example]:
    """Every paragraph (a line) of punctuated texts as stripped words and true ends."""
    for text in texts:
        for para in text.split("\n"):
            para = para.strip()
            if len(para) < min_chars:
                continue
            words: list[str] = []
            ends: set[int] = set()
            for s in segment(para)[1]:
                sentence = restore(" ".join(strip(para[s.start : s.end]))).split()
                if sentence and words:
                    ends.add(len(words))
                words += sentence
            if words:
                yield words, ends


def polnear_texts(eval_dir: Path, split: str) -> Iterator[str]:
    for path in sorted((eval_dir / "polnear" / split / "text").glob("*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")


def timeline17_texts(eval_dir: Path) -> Iterator[str]:
    """Timeline17 articles are one sentence a line: three lines make a paragraph."""
    for path in sorted((eval_dir / "timeline17").glob("*/InputDocs/*/*.txt")):
        lines = [ln.strip() for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
        body = lines[1:]  # the headline first
        yield "\n".join(" ".join(body[i : i + 3]) for i in range(0, len(body), 3))


def multinews_texts(eval_dir: Path) -> Iterator[str]:
    with open(eval_dir / "multinews" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            context = json.loads(line)["context"]
            for passage in re.split(r"Passage \d+:\n", context):
                if passage.strip():
                    yield passage.replace("NEWLINE_CHAR", "\n")


def verb_lexicon(texts: Iterable[str], *, min_count: int = 3, share: float = 0.6) -> frozenset[str]:
    """Lower-case words spaCy tags as verbs (or auxiliaries) most of the time, read
    from punctuated text, where the tagger is reliable."""
    from ..analysis.nlp import load_nlp

    seen: Counter[str] = Counter()
    verb: Counter[str] = Counter()
    nlp = load_nlp()
    for doc in nlp.pipe(texts, disable=["parser", "ner", "lemmatizer"], batch_size=32):
        for token in doc:
            if token.is_alpha and token.text.islower():
                seen[token.text] += 1
                verb[token.text] += token.pos_ in ("VERB", "AUX")
    return frozenset(w for w, n in seen.items() if n >= min_count and verb[w] / n >= share)


def fit(train: list[Example], verbs: frozenset[str], *, c: float = C) -> BoundaryModel:
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression

    rows: list[list[str]] = []
    labels: list[bool] = []
    for words, ends in train:
        start = 0  # the true start of the sentence under way (teacher forcing)
        for i in range(1, len(words)):
            rows.append(features(words, i, start, verbs))
            labels.append(i in ends)
            if i in ends:
                start = i
    hasher = FeatureHasher(N_FEATURES, input_type="string", alternate_sign=False)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(hasher.transform(rows), np.array(labels))
    weights = model.coef_[0].astype(np.float32)
    return BoundaryModel(weights, float(model.intercept_[0]), verbs)


def split_ends(words: list[str]) -> list[int]:
    """Where `repunct.split_sentences`, the product's splitter, starts new sentences."""
    sizes = [len(s.split()) for s in split_sentences(" ".join(words))]
    return list(itertools.accumulate(sizes))[:-1]


def score(predict: Callable[[list[str]], Iterable[int]], data: Iterable[Example]) -> dict:
    """Boundary precision, recall and F1 over the gaps inside paragraphs."""
    tp = fp = fn = 0
    for words, ends in data:
        found = set(predict(words))
        tp += len(found & ends)
        fp += len(found - ends)
        fn += len(ends - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "ends": tp + fn,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, help="../shared/eval")
    parser.add_argument("--out", type=Path, default=SHIPPED)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    train = list(
        examples([*polnear_texts(args.eval_dir, "train"), *timeline17_texts(args.eval_dir)])
    )
    verbs = verb_lexicon(itertools.islice(polnear_texts(args.eval_dir, "train"), VERB_TEXTS))
    model = fit(train, verbs)
    model.save(args.out)
    shipped = BoundaryModel.load(args.out)  # score what ships (pruned, float16)
    dev = list(examples(polnear_texts(args.eval_dir, "dev")))
    print(
        json.dumps(
            {
                "paragraphs": len(train),
                "seconds": round(time.perf_counter() - start, 1),
                "polnear_dev": score(lambda w: shipped.ends(w, THRESHOLD), dev),
            }
        )
    )


if __name__ == "__main__":
    main()
