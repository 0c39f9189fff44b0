"""A timeline clause whose subject is a pronoun gets its person only when the article makes
that plain (briefing/readable.py `pronoun_named`, tried by build.py `_event_line`); otherwise the event is left as it was."""

from __future__ import annotations

from storyline.briefing.readable import pronoun_named
from storyline.ingest.documents import document_from_text
from storyline.model import Analysis, EntityMention


def _analysis(text: str, people: list[str]) -> Analysis:
    doc = document_from_text(text, "t.txt", date="2016-04-10")
    entities = []
    for name in people:
        at = 0
        while (at := text.find(name, at)) >= 0:
            entities.append(
                EntityMention(
                    name,
                    "PERSON",
                    at,
                    at + len(name),
                    canonical=people[0] if name in people[0] else name,
                )
            )
            at += len(name)
    return Analysis(document=doc, entities=entities)


def _clause(analysis: Analysis, words: str) -> tuple[str, int]:
    at = analysis.document.text.index(words)
    return words, at


def test_the_one_person_of_the_sentence_before_is_named() -> None:
    text = (
        "Ted Cruz has two advantages working in his favor. "
        "One is the momentum from his victory in Tuesday's Republican primary in Wisconsin."
    )
    a = _analysis(text, ["Ted Cruz"])
    clause, at = _clause(
        a, "One is the momentum from his victory in Tuesday's Republican primary in Wisconsin."
    )
    assert pronoun_named(clause, a, at) == (
        "One is the momentum from [Ted Cruz]'s victory in Tuesday's Republican primary in Wisconsin."
    )


def test_a_person_described_in_the_line_keeps_the_pronoun() -> None:
    text = (
        "Donald Trump held a rally in Fayetteville. In another incident this month, a 78-year-old "
        "man was charged with assault after he sucker-punched a protester."
    )
    a = _analysis(text, ["Donald Trump"])
    clause, at = _clause(
        a,
        "In another incident this month, a 78-year-old man was charged with assault after he sucker-punched a protester.",
    )
    assert pronoun_named(clause, a, at) is None


def test_two_people_before_or_a_name_in_the_line_leave_it() -> None:
    text = "Hillary Clinton met Bernie Sanders. On Tuesday he won Indiana. Sanders said on Monday he would stay."
    a = _analysis(text, ["Bernie Sanders", "Hillary Clinton", "Sanders"])
    clause, at = _clause(a, "On Tuesday he won Indiana.")
    assert pronoun_named(clause, a, at) is None  # Clinton or Sanders: not plain
    clause, at = _clause(a, "Sanders said on Monday he would stay.")
    assert pronoun_named(clause, a, at) is None  # the line names its own person


def test_a_clause_cut_at_the_pronoun_is_left() -> None:
    text = "Ted Cruz waited. It took him most of a day to formulate a comeback on Monday."
    a = _analysis(text, ["Ted Cruz"])
    clause, at = _clause(a, "him most of a day to formulate a comeback on Monday.")
    assert pronoun_named(clause, a, at) is None
