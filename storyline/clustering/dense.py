"""Dense vectors of a document's headline and lead, for the link decision (optional).

Same-event articles that share few words (truncated, lower-cased text, no
names) can still be told apart by a sentence encoder: MiniLM (the `embed`
extra: all-MiniLM-L6-v2 int8 ONNX, no torch) over the headline and first
sentences. Each document is embedded once, in one batch per clustering run,
and its unit vector is stored; stories and events keep the sum of their
members' vectors. Without the extra, `embedder()` is None and clustering
uses terms alone, exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy as np

from ..errors import ConfigError

LEAD_SENTENCES = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Embedder = Callable[[list[str]], np.ndarray]  # texts -> unit rows (float32)


def lead(title: str | None, text: str, sentences: int = LEAD_SENTENCES) -> str:
    """The headline and first sentences: what the encoder reads of a document."""
    head = " ".join(_SENTENCE_END.split(text.strip(), maxsplit=sentences)[:sentences])
    return ((title.strip() + ". ") if title and title.strip() else "") + head


@cache
def embedder() -> Embedder | None:
    """MiniLM, or None when the `embed` extra is not installed."""
    try:
        from ..encoder import load_minilm, minilm_vectors

        load_minilm()
    except (ConfigError, ImportError, OSError):
        return None
    return minilm_vectors


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """Cosine of two vectors (either may be a sum of unit vectors); 0 when one is missing."""
    if a is None or b is None:
        return 0.0
    norm = float(np.linalg.norm(a)) * float(np.linalg.norm(b))
    return float(a @ b) / norm if norm > 0 else 0.0
