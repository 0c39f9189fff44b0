"""What a document contributes to story clustering: weighted key terms, cheaply.

No spaCy at ingest (it costs tens of milliseconds a document). A document is
its words and adjacent word pairs, stop words dropped; the headline counts
twice; a word written capitalised inside a sentence (a name: "Huawei",
"Gulf") counts more, and is remembered in that spelling for labels.
Weights are sublinear term frequency times an inverse document frequency read
from counts the store keeps as documents arrive, so nothing is ever refitted.
Terms are keyed by a stable 63-bit hash (hashing vectorizer: fixed key space,
no vocabulary to grow or ship), with the readable term kept beside it.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from ..words import REPORTING_WORDS, stop_words

# Extra words that are everywhere in news and say nothing about the story.
_NEWS_WORDS = frozenset(
    [
        "year",
        "years",
        "time",
        "times",
        "new",
        "like",
        "just",
        "people",
        "report",
        "reports",
        "percent",
        "week",
        "weeks",
        "month",
        "months",
        "day",
        "days",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mr",
        "mrs",
        "ms",
        "also",
        "newline_char",
        "photo",
        "image",
        "caption",
        "getty",
        "images",
        "copyright",
        "reuters",
        "ap",
        "afp",
        "read",
        "click",
        "share",
        "comments",
        "comment",
        "advertisement",
        "subscribe",
    ]
)
STOP = stop_words() | REPORTING_WORDS | _NEWS_WORDS
HEADLINE_WEIGHT = 2.0
NAME_WEIGHT = 1.5  # a word seen capitalised mid-sentence
PAIR_WEIGHT = 0.5  # adjacent content-word pairs: specific ("oil spill"), but redundant
KEEP_TERMS = 40  # a document's vector keeps its heaviest terms only (flat cost per document)

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
_ENDS = frozenset('.!?:;"”')
_BREAKS = frozenset(".!?;:,()\n")
MAX_WORDS = 600  # news puts the story first: the rest adds cost, not signal


def term_key(term: str) -> int:
    """A stable signed 63-bit key for `term` (Python's hash() is salted per process)."""
    digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


@dataclass(slots=True)
class Terms:
    """A document's raw term counts (before IDF) and display forms of its terms."""

    counts: dict[str, float]
    display: dict[str, str]  # term -> how to show it ("huawei" -> "Huawei")

    def __bool__(self) -> bool:
        return bool(self.counts)


def _normal(word: str) -> str:
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word


def extract(text: str, title: str | None = None, max_words: int = MAX_WORDS) -> Terms:
    """Counts of content words and word pairs in `title` (twice) and the start of `text`."""
    counts: dict[str, float] = {}
    display: dict[str, str] = {}
    for part, weight in ((title or "", HEADLINE_WEIGHT), (text, 1.0)):
        if not part:
            continue
        part = unicodedata.normalize("NFKC", part).replace("NEWLINE_CHAR", "\n")
        previous: str | None = None
        previous_end = 0
        for n, match in enumerate(_TOKEN.finditer(part)):
            if n >= max_words:
                break
            raw = match.group()
            start = match.start()
            word = _normal(raw)
            if len(word) < 3 or word in STOP:
                previous = None
                previous_end = match.end()
                continue
            before = part[max(0, start - 3) : start].rstrip()
            mid_sentence = bool(before) and before[-1] not in _ENDS
            name = raw.isupper() or (raw[0].isupper() and mid_sentence)
            counts[word] = counts.get(word, 0.0) + weight * (
                NAME_WEIGHT if name and len(raw) > 1 else 1.0
            )
            if name or word not in display:
                display[word] = raw if name else word
            if previous is not None and _BREAKS.isdisjoint(part[previous_end:start]):
                pair = f"{previous} {word}"
                counts[pair] = counts.get(pair, 0.0) + weight * PAIR_WEIGHT
                display.setdefault(pair, f"{display.get(previous, previous)} {display[word]}")
            previous = word
            previous_end = match.end()
    return Terms(counts, display)


# The IDF counts IDF_PRIOR_DOCS imagined documents holding none of the terms:
# in a store of three articles every shared word would otherwise look common
# and the story's own name ("Huawei") would weigh least; as real documents
# arrive the counts take over.
IDF_PRIOR_DOCS = 100


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency, with IDF_PRIOR_DOCS pseudo-documents."""
    return math.log((n + IDF_PRIOR_DOCS + 1) / (df + 1)) + 1.0


def vector(
    terms: Terms, df: Mapping[str, int], n: int, keep: int = KEEP_TERMS, tf_power: float = 0.5
) -> dict[str, float]:
    """The L2-normalised TF-IDF vector of `terms`, cut to its `keep` heaviest terms.

    Term frequency is damped as count ** tf_power: a name a story is about
    recurs through its article, and should outweigh a word used once.
    """
    weights = {
        term: count**tf_power * idf(df.get(term, 0), n) for term, count in terms.counts.items()
    }
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: w / norm for term, w in top}


def cosine(vec: Mapping[str, float], centroid: Mapping[str, float]) -> float:
    """Cosine of a unit vector with an (unnormalised) centroid."""
    norm = math.sqrt(sum(w * w for w in centroid.values()))
    if not norm:
        return 0.0
    if len(vec) > len(centroid):
        vec, centroid = centroid, vec
    return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / norm
