"""Exact and near-duplicate detection at ingest.

Syndicated stories arrive many times: the same wire copy under several
outlets, or with a new headline, a rewritten first sentence and a trimmed last
paragraph. Exact copies share a normalised content hash. Near copies are found
with MinHash LSH over word 3-shingles (datasketch) and then confirmed on the
exact shingle sets, so an LSH false positive never hides a document and the
similarity we record is measured, not estimated.

The similarity is the overlap coefficient |A ∩ B| / min(|A|, |B|) of the
whole texts or of their bodies (all but the first sentence), whichever is
higher: a trimmed copy is contained in its original, and a rewritten lede is
not the copy. The SQLite store keeps the LSH bands of both in a table
(`lsh_bands`, keyed by `band_keys`), so opening a store never rebuilds an
index in memory and a lookup is one indexed query whatever the store's size.
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

# Persisted bands (SQLite store): 32 bands of 4 rows. An edited copy's Jaccard
# with its original is 0.55-0.8: at 0.5 a pair collides in some band with
# p = 0.87, at 0.6 with p = 0.99; two unrelated articles (Jaccard ~0.02)
# collide with p ~ 5e-6, so candidates per lookup stay near zero as the store
# grows. Changing these re-keys the table (BAND_SCHEME is stored with it).
BANDS = 32
ROWS = 4
BAND_SCHEME = f"{SCHEME}-{NUM_PERM}-{SEED}-{BANDS}x{ROWS}-body"
# Below this many shared shingles two texts score their Jaccard instead: one
# shared phrase does not make a one-line text a "contained" copy.
MIN_SHARED_SHINGLES = 8

_WORD = re.compile(r"\w+")
_FIRST_SENTENCE = re.compile(r"[.!?][\"”’)\]]*\s+(?=\S)")
FIRST_SENTENCE_MAX = 600  # characters: a lede longer than this is not split off


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


# ---------------------------------------------------------------- copies with edits


def body_text(text: str) -> str | None:
    """`text` after its first sentence (the lede an outlet rewrites), or None without one."""
    match = _FIRST_SENTENCE.search(text, 0, FIRST_SENTENCE_MAX)
    if match is None or match.end() >= len(text):
        return None
    return text[match.end() :]


def _overlap(shared: int, a: int, b: int) -> float:
    if shared < MIN_SHARED_SHINGLES and shared < min(a, b):
        return shared / (a + b - shared)
    return shared / min(a, b)


def similarity(a: set[bytes], b: set[bytes]) -> float:
    """Overlap coefficient |a ∩ b| / min(|a|, |b|): how much of the shorter text the other holds."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    return _overlap(len(a & b), len(a), len(b))


def hashed_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """`similarity` of two `shingle_hashes` sets."""
    if not len(a) or not len(b):
        return 1.0 if len(a) == len(b) else 0.0
    return _overlap(len(np.intersect1d(a, b, assume_unique=True)), len(a), len(b))


def band_keys(mh: LeanMinHash) -> list[int]:
    """One signed 64-bit key per LSH band (band index mixed in), for the `lsh_bands` table."""
    values = mh.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def document_band_keys(signature: LeanMinHash, body_signature: LeanMinHash | None) -> list[int]:
    """The distinct band keys of a text and of its body (all but the first sentence)."""
    keys = band_keys(signature)
    if body_signature is not None:
        keys += band_keys(body_signature)
    return sorted(set(keys))
