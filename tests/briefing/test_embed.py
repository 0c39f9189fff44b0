"""Sentence representations: the hand-built TF-IDF must equal scikit-learn's."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.briefing.embed import content_words, sentence_vectors, tfidf_vectors

TEXTS = [
    "The ferry stopped running on Monday, the ferry company said.",
    "Ferry passengers will have to drive around the bay.",
    "of the and",  # only stop words: an empty row
    "A new electric ferry could start in two years.",
]


def test_tfidf_matches_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    ours = tfidf_vectors(TEXTS).toarray()
    theirs = (
        TfidfVectorizer(analyzer=content_words, sublinear_tf=True).fit_transform(TEXTS).toarray()
    )
    assert ours.shape == theirs.shape
    # columns are in a different order; the cosines between rows are not
    np.testing.assert_allclose(ours @ ours.T, theirs @ theirs.T, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), [1, 1, 0, 1], atol=1e-6)


def test_content_words_drop_stop_words_and_single_letters():
    assert content_words("The U.S. ferry isn't running") == ["ferry", "isn", "running"]


def test_unknown_representation():
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError):
        sentence_vectors(TEXTS, "bag-of-letters")  # type: ignore[arg-type]
    assert tfidf_vectors([]).shape[0] == 0
