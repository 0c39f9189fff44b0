"""A readable label for a story or an event from its centroid's heaviest terms.

"Huawei · US market · network equipment": the heaviest terms in their
capitalised spelling, skipping a word already shown inside a chosen pair (or
a pair whose words are both shown), so the label names three different things.
"""

from __future__ import annotations

from collections.abc import Mapping

PARTS = 3


def label(centroid: Mapping[str, float], display: Mapping[str, str] | None = None) -> str:
    """Up to PARTS distinct key terms joined by " · " ("(no words)" for an empty centroid)."""
    chosen: list[str] = []
    words: set[str] = set()
    for term, _ in sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0])):
        parts = term.split()
        if all(p in words for p in parts) or any(term in c.split(" ") for c in chosen):
            continue
        if len(parts) == 1 and any(term in c.split() for c in chosen):
            continue
        # a pair replaces a single word it contains that was chosen before it
        chosen = [c for c in chosen if not (len(parts) > 1 and c in parts)]
        chosen.append(term)
        words.update(parts)
        if len(chosen) == PARTS:
            break
    if not chosen:
        return "(no words)"
    return " · ".join(_show(t, display) for t in chosen)


def _show(term: str, display: Mapping[str, str] | None) -> str:
    if display and term in display:
        return display[term]
    return term
