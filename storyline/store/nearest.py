"""The near-duplicate decision both backends share, kept out of any write transaction.

A document's fingerprint (MinHash signature and hashed shingle set) is made
once, before the store is locked, in memory bounded by the text's word count
(see `dedupe.fingerprint`). Candidates come from each backend's LSH lookup;
each is confirmed on the exact shingle sets (`dedupe.hashed_similarity`: the
overlap coefficient of the whole texts or of their bodies, the text after the
first sentence, whichever is higher), and the
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
    seen: dict[str, float] = field(default_factory=dict)  # candidate id -> similarity
    body_signature: Any = None  # of the text after its first sentence (None without one)
    body_hashes: np.ndarray | None = None

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        signature, hashes = dedupe.fingerprint(text)
        body = dedupe.body_text(text)
        body_signature, body_hashes = dedupe.fingerprint(body) if body else (None, None)
        if body_hashes is not None and not len(body_hashes):
            body_signature, body_hashes = None, None
        return cls(signature, hashes, body_signature=body_signature, body_hashes=body_hashes)


def copy_similarity(fp: Fingerprint, text: str) -> float:
    """How far `text` and the fingerprinted text copy each other (whole or body)."""
    whole = dedupe.hashed_similarity(fp.hashes, dedupe.shingle_hashes(text))
    if fp.body_hashes is None:
        return whole
    body = dedupe.body_text(text)
    if not body:
        return whole
    return max(whole, dedupe.hashed_similarity(fp.body_hashes, dedupe.shingle_hashes(body)))


def best_match(
    fp: Fingerprint,
    candidates: Iterable[str],
    text_of: Callable[[str], str | None],
    threshold: float,
) -> tuple[float, str] | None:
    """(similarity, id) of the most similar candidate at or above `threshold`, ties by id."""
    best: tuple[float, str] | None = None
    for candidate in sorted(candidates):
        if candidate not in fp.seen:
            text = text_of(candidate)
            if text is None:  # deleted meanwhile
                continue
            fp.seen[candidate] = copy_similarity(fp, text)
        similarity = fp.seen[candidate]
        if similarity >= threshold and (best is None or similarity > best[0]):
            best = (similarity, candidate)
    return best
