"""What `--focus` matches: words by their stem, so "costs" finds "cost",
"costing" and "costly" lines.

The summary ranks sentences by TF-IDF similarity to the focus, which knows
only exact words; `expand` adds the coverage's own words that share a
focus word's stem, so the summary sees the variants too. `matches` is the
same test for the other sections.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..words import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_][^\W_]+")
_STOP = FUNCTION_WORDS


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stem(word.lower())


def focus_terms(focus: str | None) -> frozenset[str]:
    """The stems of the focus's content words."""
    if not focus:
        return frozenset()
    return frozenset(stem(w) for w in _WORD.findall(focus) if w.lower() not in _STOP)


def matches(text: str, terms: frozenset[str]) -> bool:
    """Whether `text` has a word whose stem is one of `terms`."""
    return bool(terms) and any(stem(w) in terms for w in _WORD.findall(text))


def expand(focus: str, texts: Iterable[str]) -> str:
    """`focus` plus every word of `texts` sharing a stem with one of its words."""
    terms = focus_terms(focus)
    if not terms:
        return focus
    variants = dict.fromkeys(_WORD.findall(focus))
    for text in texts:
        for word in _WORD.findall(text):
            low = word.lower()
            if low not in variants and stem(low) in terms:
                variants[low] = None
    return " ".join(variants)
