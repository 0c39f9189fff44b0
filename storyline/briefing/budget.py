"""The one length rule every summary obeys, Storyline's and the peers' alike.

Sentences are taken whole, in the system's order of preference, until the
summary reaches the word budget; the sentence that reaches it is kept, so a
summary overshoots by less than one sentence and is never cut mid-sentence.
With a sentence budget, exactly that many sentences are taken.
"""

from __future__ import annotations

from collections.abc import Iterable


def word_count(text: str) -> int:
    """Words as whitespace-separated tokens (what the budget counts)."""
    return len(text.split())


def within_budget(
    texts: Iterable[str], *, words: int | None = 250, sentences: int | None = None
) -> list[int]:
    """Indices of the leading `texts` that fill the budget (see module docstring).

    `sentences`, when given, overrides `words`.
    """
    chosen: list[int] = []
    total = 0
    for index, text in enumerate(texts):
        if sentences is not None:
            if len(chosen) >= sentences:
                break
        elif words is not None and total >= words:
            break
        chosen.append(index)
        total += word_count(text)
    return chosen


def budget_reached(
    total_words: int, count: int, *, words: int | None, sentences: int | None
) -> bool:
    """Whether a summary of `count` sentences and `total_words` words is full."""
    if sentences is not None:
        return count >= sentences
    return words is not None and total_words >= words
