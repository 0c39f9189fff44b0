"""The near-duplicate decision both backends share, kept out of any write transaction.

A document's fingerprint (MinHash signature and hashed shingle set) is made
once, before the store is locked, in memory bounded by the text's word count
(see `dedupe.fingerprint`). Candidates come from each backend's LSH lookup;
each is confirmed with the exact Jaccard of the shingle sets, and the
candidate sets are cached so the check repeated inside the transaction (for
rows another writer added meanwhile) costs nothing for candidates seen before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import dedupe


@dataclass(slots=True)
class Fingerprint:
    signature: Any  # LeanMinHash, or None for a text without words
    hashes: np.ndarray
    seen: dict[str, float] = field(default_factory=dict)  # candidate id -> Jaccard

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        signature, hashes = dedupe.fingerprint(text)
        return cls(signature, hashes)


def best_match(
    fp: Fingerprint,
    candidates: Iterable[str],
    text_of: Callable[[str], str | None],
    threshold: float,
) -> tuple[float, str] | None:
    """(Jaccard, id) of the most similar candidate at or above `threshold`, ties by id."""
    best: tuple[float, str] | None = None
    for candidate in sorted(candidates):
        if candidate not in fp.seen:
            text = text_of(candidate)
            if text is None:  # deleted meanwhile
                continue
            fp.seen[candidate] = dedupe.hashed_jaccard(fp.hashes, dedupe.shingle_hashes(text))
        similarity = fp.seen[candidate]
        if similarity >= threshold and (best is None or similarity > best[0]):
            best = (similarity, candidate)
    return best
