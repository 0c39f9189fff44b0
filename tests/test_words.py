"""The shared word lists: one place, and the stages really read it."""

from storyline import words
from storyline.analysis import dates, units
from storyline.briefing import compare


def test_number_words_agree_across_stages() -> None:
    for word, value in words.CARDINALS.items():
        assert units.NUMBER_WORDS[word] == value
        if 0 < value <= 12:
            assert dates.NUMBER_WORDS[word] == value
        if value:
            assert compare.COUNT_WORDS[word] == value


def test_function_words_are_not_content() -> None:
    assert {"the", "of", "would", "their"} <= words.FUNCTION_WORDS
    assert not {"vote", "company", "million", "said"} & words.FUNCTION_WORDS
    assert "said" in words.REPORTING_WORDS


def test_stop_words_cover_function_words() -> None:
    # The statistical list (scikit-learn's) is the bigger one; it lacks only a few auxiliaries.
    assert words.FUNCTION_WORDS - words.stop_words() <= {"did", "does", "shall"}


def test_spouses_are_kin():
    """Speakers read spouses from the one kin list's relations by marriage."""
    from storyline.analysis.roles import KIN_NOUNS, SPOUSE_NOUNS

    assert set(KIN_NOUNS) >= SPOUSE_NOUNS
