"""A readable label for a story or an event: its key names, then what it is about.

"Huawei · network equipment · equipment market": the heaviest terms of its
centroid, a word pair compared at par with single words (a pair is counted
at `features.PAIR_WEIGHT`), names (words written capitalised mid-sentence: a
person, a company, a place) shown first. A pair that holds a word already
chosen replaces it when it is nearly as heavy ("swine" -> "swine flu", "Kevin"
and "Spacey" -> "Kevin Spacey"): a noun phrase says more than its word. Section
words and the generic nouns of any report ("Business", "World", "officials":
`words.SECTION_WORDS`) name the page, not the story: never shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..words import SECTION_WORDS
from .features import PAIR_WEIGHT

PARTS = 3
UPGRADE = 0.25  # a pair replaces a chosen word when weighed at least this share of it


def label(centroid: Mapping[str, float], display: Mapping[str, str] | None = None) -> str:
    """Up to PARTS parts joined by " · ", names first ("(no words)" for an empty centroid)."""
    names, about = parts(centroid, display)
    return " · ".join(names + about) or "(no words)"


def title(centroid: Mapping[str, float], display: Mapping[str, str] | None = None) -> str:
    """A title for the story's brief: who, then about what ("Huawei: network equipment")."""
    names, about = parts(centroid, display)
    who, what = ", ".join(names), ", ".join(about)
    if who and what:
        return f"{who}: {what}"
    return who or what[:1].upper() + what[1:] or "(no words)"


def parts(
    centroid: Mapping[str, float], display: Mapping[str, str] | None = None
) -> tuple[list[str], list[str]]:
    """The label's parts as shown: (names, the other terms), each heaviest first."""
    shown = display or {}
    score = {
        t: w / (PAIR_WEIGHT if " " in t else 1.0)
        for t, w in centroid.items()
        if w > 0 and SECTION_WORDS.isdisjoint(t.split())
    }
    if not score:
        return [], []
    order = sorted(score, key=lambda t: (-score[t], t))
    chosen: list[str] = []
    for term in order:
        words = term.split()
        if len(words) == 1:
            if len(chosen) < PARTS and not any(term in c.split() for c in chosen):
                chosen.append(term)
            continue
        held = [c for c in chosen if c in words]
        if any(set(words) & set(c.split()) for c in chosen if c not in held):
            continue  # would repeat a word shown in another pair
        if held:
            # it replaces one chosen word when nearly as heavy; two when at all heavy
            if score[term] >= UPGRADE * (max if len(held) == 1 else min)(score[c] for c in held):
                at = chosen.index(held[0])
                chosen = [c for c in chosen if c not in held]
                chosen.insert(at, term)
        elif len(chosen) < PARTS:
            chosen.append(term)
    names = [_show(c, shown) for c in chosen if _is_name(c, shown)]
    return names, [_show(c, shown) for c in chosen if not _is_name(c, shown)]


def _is_name(term: str, shown: Mapping[str, str]) -> bool:
    """Whether every word of `term` is remembered capitalised (written so mid-sentence)."""
    return all(shown.get(w, w)[:1].isupper() for w in term.split())


def _show(term: str, shown: Mapping[str, str]) -> str:
    """A term as written: each word in its remembered spelling, a possessive dropped."""
    out = []
    for word in term.split():
        spelt = shown.get(word, word)
        for mark in ("'s", "’s"):
            spelt = spelt.removesuffix(mark)
        out.append(spelt)
    return " ".join(out)
