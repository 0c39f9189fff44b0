"""Where sentences end in text whose punctuation was stripped: a learned boundary model.

A line of stripped text ("... vendors will be treated fairly said David He
the company s president ... Huawei executives have also talked ...") holds
several sentences with nothing to mark their ends. Hand rules (a capitalised
"The" after a lower-case word) found 42% of the ends on unseen news. This is
a logistic regression over the words around each gap (the two words before
and after, their pairs and their shapes), trained on punctuated news with
the punctuation taken away, so it learns for itself that "said David He" runs
on and that "group Huawei executives have" breaks. Features are hashed
(scikit-learn's murmurhash3, the hashing its FeatureHasher uses), and the
weights ship as one small array file: no pickle, so no scikit-learn version
can break it. `storyline.evaluation.train_sentence_ends` writes the file.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

SHIPPED = Path(__file__).parent / "data" / "sentence_ends.npz"
N_FEATURES = 2**18
# Chosen on PolNeAR dev (the validation set) by boundary F0.5 over 0.5-0.9: a wrong end leaves
# a fragment an analyst sees ("But in the future."), a missed one a long but whole sentence.
THRESHOLD = 0.7


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isupper() and len(word) > 1:
        return "A"
    if word[:1].isupper():
        return "C"
    if word.islower():
        return "l"
    return "x"


def _bucket(n: int) -> str:
    return str(n) if n <= 4 else "5-7" if n <= 7 else "8-12" if n <= 12 else "13+"


def features(
    words: Sequence[str], i: int, start: int = 0, verbs: frozenset[str] = frozenset()
) -> list[str]:
    """The features of the gap before `words[i]` (0 < i < len(words)) when the
    sentence under way began at `words[start]`: how far it has run, how it
    opened, whether it has a verb yet ("But in the future" is no sentence), and
    how much of the line is left. `verbs`: words usually tagged as verbs."""
    has_verb = any(w in verbs for w in words[start:i])
    verb_ahead = any(w in verbs for w in words[i : i + 4])

    def at(k: int) -> str:
        return words[k] if 0 <= k < len(words) else "<S>"

    p2, p1, n1, n2 = at(i - 2), at(i - 1), at(i), at(i + 1)
    lp2, lp1, ln1, ln2 = p2.lower(), p1.lower(), n1.lower(), n2.lower()
    return [
        "p1=" + lp1,
        "n1=" + ln1,
        "p2=" + lp2,
        "n2=" + ln2,
        "p1n1=" + lp1 + "|" + ln1,
        "n1n2=" + ln1 + "|" + ln2,
        "p2p1=" + lp2 + "|" + lp1,
        "sh=" + _shape(p1) + _shape(n1) + _shape(n2),
        "n1sh=" + _shape(n1) + "|" + ln1,
        "p1sh=" + _shape(p1) + "|" + lp1,
        "n1n2sh=" + _shape(n1) + "|" + ln1 + "|" + _shape(n2),
        "len=" + _bucket(i - start),
        "first=" + words[start].lower() + "|" + _bucket(i - start),
        "left=" + _bucket(len(words) - i),
        f"verb={has_verb:d}{verb_ahead:d}|" + _bucket(i - start),
        "bias",
        # the lower-case words of the sentence so far: has it a verb yet?
        *{"in=" + w for w in words[max(start, i - 20) : i] if w.islower()},
    ]


def feature_index(feature: str) -> int:
    """The column scikit-learn's FeatureHasher (alternate_sign=False) gives a feature."""
    from sklearn.utils import murmurhash3_32

    return abs(int(murmurhash3_32(feature, seed=0))) % N_FEATURES


class BoundaryModel:
    """Hashed logistic-regression weights: P(a sentence ends before word i)."""

    def __init__(self, weights: np.ndarray, intercept: float, verbs: frozenset[str]) -> None:
        self.weights = weights
        self.intercept = intercept
        self.verbs = verbs

    @classmethod
    def load(cls, path: Path = SHIPPED) -> BoundaryModel:
        with np.load(path) as data:
            weights = np.zeros(N_FEATURES, dtype=np.float32)
            weights[data["index"]] = data["weight"].astype(np.float32)
            return cls(weights, float(data["intercept"]), frozenset(data["verbs"].tolist()))

    def save(self, path: Path, *, keep_above: float = 0.01) -> None:
        """Only weights that matter are written (the rest round to nothing)."""
        index = np.flatnonzero(np.abs(self.weights) > keep_above).astype(np.int32)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            index=index,
            weight=self.weights[index].astype(np.float16),
            intercept=np.float64(self.intercept),
            verbs=np.array(sorted(self.verbs)),
        )

    def probability(self, words: Sequence[str], i: int, start: int) -> float:
        """P(a sentence ends before words[i] | the current one began at words[start])."""
        z = self.intercept + sum(
            float(self.weights[_index(f)]) for f in features(words, i, start, self.verbs)
        )
        return 1.0 / (1.0 + math.exp(-z))

    def ends(self, words: Sequence[str], threshold: float = THRESHOLD) -> list[int]:
        """Indices i where a new sentence starts at words[i], left to right."""
        found: list[int] = []
        start = 0
        for i in range(1, len(words)):
            if _dangling(words[max(start, i - 4) : i], self.verbs):
                continue
            if self.probability(words, i, start) > threshold:
                found.append(i)
                start = i
        return found


def _dangling(tail: Sequence[str], verbs: frozenset[str]) -> bool:
    """A "but" among the last words with no verb after it waits for its clause:
    "... from enterprise products but by 2019 | Huawei wants ..." runs on."""
    for k in range(len(tail) - 1, -1, -1):
        if tail[k] in verbs:
            return False
        if tail[k].lower() == "but":
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def _index(feature: str) -> int:
    return feature_index(feature)


@functools.lru_cache(maxsize=1)
def shipped() -> BoundaryModel:
    """The model that ships with Storyline (loaded once)."""
    return BoundaryModel.load()
