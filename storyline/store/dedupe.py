"""Exact and near-duplicate detection at ingest.

Syndicated stories arrive many times: the same wire copy under several
outlets, or with a new headline and a trimmed last paragraph. Exact copies
share a normalised content hash. Near copies are found with MinHash LSH over
word 3-shingles (datasketch) and then confirmed with the exact Jaccard
similarity of the shingle sets, so an LSH false positive never hides a
document and the similarity we record is measured, not estimated.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # pinned: signatures stored under another scheme are recomputed
SHINGLE_WORDS = 3
# Banding misses many pairs near its own threshold, so the LSH index looks for
# candidates LSH_MARGIN below ours and weighs misses over false candidates
# (16 bands x 8 rows at 0.85): every candidate is checked exactly anyway.
LSH_MARGIN = 0.1
LSH_WEIGHTS = (0.2, 0.8)  # (false positive, false negative)

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased words of `text` after Unicode normalisation (punctuation dropped)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """sha256 of the normalised words: the fallback when a Document has no content_hash."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word `size`-shingles; a text shorter than `size` words is one shingle."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@functools.cache
def _permutations():
    """Drawn once: making them is a third of the cost of a signature."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(shingle_set: Iterable[bytes]) -> LeanMinHash | None:
    """The MinHash of a shingle set, or None for an empty one (nothing to compare)."""
    items = list(shingle_set)
    if not items:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    mh.update_batch(items)
    return LeanMinHash(mh)


def to_blob(mh: LeanMinHash) -> bytes:
    """datasketch's own portable byte format (it records seed and scheme)."""
    buf = bytearray(mh.bytesize(byteorder="<"))
    mh.serialize(buf, byteorder="<")
    return bytes(buf)


def from_blob(blob: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(blob, byteorder="<")


class NearDuplicateIndex:
    """MinHash LSH over the stored documents, keyed by document id."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        lsh_threshold = min(max(threshold - LSH_MARGIN, 0.1), 0.9)  # b >= 2 bands above 0.9 fails
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)

    def add(self, key: str, mh: LeanMinHash) -> None:
        if key not in self._lsh:
            self._lsh.insert(key, mh)

    def remove(self, key: str) -> None:
        if key in self._lsh:
            self._lsh.remove(key)

    def candidates(self, mh: LeanMinHash) -> list[str]:
        """Ids whose signatures collide with `mh` in some band, sorted for determinism."""
        return sorted(self._lsh.query(mh))

    def __contains__(self, key: str) -> bool:
        return key in self._lsh


# ---------------------------------------------------------------- bounded-memory hashing
# `shingles` + `signature` keep every word, every shingle and a 128 x n hash
# matrix alive at once (about 200 bytes per input byte). The functions below
# stream the text instead: the same signature, in chunks of STREAM_CHUNK
# shingles, and the shingle set as sorted 8-byte hashes for the exact Jaccard.

STREAM_CHUNK = 4096


def iter_shingles(text: str, size: int = SHINGLE_WORDS) -> Iterator[bytes]:
    """The shingles of `shingles(text)`, streamed (repeats included), without a word list."""
    window: deque[str] = deque(maxlen=size)
    seen = 0
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text).casefold()):
        window.append(match.group())
        seen += 1
        if seen >= size:
            yield " ".join(window).encode("utf-8")
    if 0 < seen < size:
        yield " ".join(window).encode("utf-8")


def stream_hash(text: str) -> str:
    """`content_hash(text)`, computed word by word."""
    digest = hashlib.sha256()
    for i, match in enumerate(_WORD.finditer(unicodedata.normalize("NFKC", text).casefold())):
        digest.update((" " + match.group() if i else match.group()).encode("utf-8"))
    return digest.hexdigest()


def fingerprint(text: str) -> tuple[LeanMinHash | None, np.ndarray]:
    """(`signature(shingles(text))`, `shingle_hashes(text)`) in one bounded-memory pass.

    The signature equals the batch one (a minimum does not depend on order or
    repeats). The set hashes use Python's `hash`, so compare them only with
    hashes made in the same process.
    """
    mh: MinHash | None = None
    parts: list[np.ndarray] = []
    for chunk in _chunks(iter_shingles(text)):
        if mh is None:
            mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
        mh.update_batch(chunk)
        parts.append(np.unique(np.fromiter(map(hash, chunk), dtype=np.int64, count=len(chunk))))
    hashes = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)
    return (None if mh is None else LeanMinHash(mh)), hashes


def shingle_hashes(text: str) -> np.ndarray:
    """The shingle set as sorted unique 64-bit hashes (8 bytes a shingle, not ~100)."""
    parts = [
        np.unique(np.fromiter(map(hash, chunk), dtype=np.int64, count=len(chunk)))
        for chunk in _chunks(iter_shingles(text))
    ]
    return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """`jaccard` of two `shingle_hashes` sets (exact up to 64-bit hash collisions)."""
    if not len(a) and not len(b):
        return 1.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def _chunks(items: Iterator[bytes]) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= STREAM_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
