"""Exact and near-duplicate detection at ingest.

Syndicated stories arrive many times: the same wire copy under several
outlets, or with a new headline, a rewritten first sentence and a trimmed last
paragraph. Exact copies share a normalised content hash. Near copies are found
with MinHash LSH over word 3-shingles (datasketch) and then confirmed on the
exact shingle sets, so an LSH false positive never hides a document and the
similarity we record is measured, not estimated.

The similarity is the overlap coefficient |A ∩ B| / min(|A|, |B|): a trimmed
copy is contained in its original, so cutting its last paragraph costs it
nothing, where Jaccard would count every trimmed shingle against it.

The LSH bands live in the store (`lsh_bands`, one row per band per document,
keyed by `band_keys`), so opening a store never rebuilds an index in memory
and a lookup is one indexed query whatever the store's size.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # pinned: signatures stored under another scheme are recomputed
SHINGLE_WORDS = 3
# Persisted bands: 32 bands of 4 rows. An edited copy's Jaccard with its
# original is 0.55-0.8 (a new first sentence, a trimmed last paragraph): at
# 0.5 a pair collides in some band with p = 0.87, at 0.6 with p = 0.99; two
# unrelated articles (Jaccard ~0.02) collide with p ~ 5e-6, so candidates per
# lookup stay near zero as the store grows. Changing these re-keys the table.
BANDS = 32
ROWS = 4
BAND_SCHEME = f"{SCHEME}-{NUM_PERM}-{SEED}-{BANDS}x{ROWS}-body"
# An overlap this low is never a copy, whatever the threshold: it guards tiny
# texts, where one shared shingle would otherwise be "contained".
MIN_SHARED_SHINGLES = 8

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


def similarity(a: set[bytes], b: set[bytes]) -> float:
    """Overlap coefficient |a ∩ b| / min(|a|, |b|): how much of the shorter text the other holds.

    Texts sharing fewer than MIN_SHARED_SHINGLES shingles score their Jaccard
    instead, so two one-line texts are not copies for sharing one phrase.
    """
    if not a or not b:
        return 1.0 if a == b else 0.0
    shared = len(a & b)
    if shared < MIN_SHARED_SHINGLES and shared < min(len(a), len(b)):
        return shared / len(a | b)
    return shared / min(len(a), len(b))


def copy_similarity(
    a: set[bytes], b: set[bytes], a_body: set[bytes] | None, b_body: set[bytes] | None
) -> float:
    """How far one text copies the other: `similarity` of the whole texts, or of their
    bodies (all but the first sentence) when both have one, whichever is higher.

    A syndicating outlet often rewrites the lede; what follows it is the copy.
    """
    whole = similarity(a, b)
    if a_body and b_body:
        return max(whole, similarity(a_body, b_body))
    return whole


def body_shingles(text: str, first_sentence_end: int | None) -> set[bytes] | None:
    """Shingles of `text` after its first sentence (None when there is no body)."""
    if first_sentence_end is None or first_sentence_end >= len(text):
        return None
    return shingles(text[first_sentence_end:]) or None


def band_keys(mh: LeanMinHash) -> list[int]:
    """One signed 64-bit key per LSH band (band index mixed in), for the `lsh_bands` table."""
    values = mh.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


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


def document_band_keys(signature: LeanMinHash, body_signature: LeanMinHash | None) -> list[int]:
    """The distinct band keys of a text and of its body (all but the first sentence)."""
    keys = band_keys(signature)
    if body_signature is not None:
        keys += band_keys(body_signature)
    return sorted(set(keys))
