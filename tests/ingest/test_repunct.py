from __future__ import annotations

import pytest
from ingest_examples import STRIPPED

from storyline.ingest import document_from_text
from storyline.ingest.repunct import clean_stripped, repair_line


@pytest.mark.parametrize(
    "line,expected",
    [
        ("the company s president", "the company's president."),
        ("it isn t over and they won t stop", "it isn't over and they won't stop."),
        ("the U S market", "the U.S. market."),
        ("it made US 3 2 billion", "it made US$3.2 billion."),
        ("shares fell 4 5 percent", "shares fell 4.5 percent."),
        ("in 2018 10 percent of sales", "in 2018 10 percent of sales."),  # not a decimal
        ("we re sure I m right", "we're sure I'm right."),
        ("the meeting starts at 9 30 a m", "the meeting starts at 9:30 a.m."),
        ("Already ends with a stop.", "Already ends with a stop."),
        ("she needs 1 237 delegates", "she needs 1,237 delegates."),
        ("a crowd of 12 400 000 people", "a crowd of 12,400,000 people."),
        ("on March 4 250 people came", "on March 4 250 people came."),  # a day, then a count
        ("in 2016 100 people came", "in 2016 100 people came."),  # a year is no group
        ("Sen Lena Ortiz met Gov Alan Pryce", "Sen. Lena Ortiz met Gov. Alan Pryce."),
        ("the sales rep said Rep", "the sales rep said Rep."),  # a title only before a name
    ],
)
def test_repair_line(line, expected):
    assert repair_line(line) == expected


def test_repair_splits_only_at_clear_sentence_starts():
    assert repair_line("Sales rose in the spring The company said it hired more staff") == (
        "Sales rose in the spring. The company said it hired more staff."
    )
    assert repair_line("prices went up But in the future costs will fall") == (
        "prices went up. But in the future costs will fall."
    )
    # After a preposition or "the", a capitalised word is a name: no split.
    assert repair_line("the story was reported by The Harbour Times on Monday") == (
        "the story was reported by The Harbour Times on Monday."
    )
    assert repair_line("said David He the company s chief") == "said David He the company's chief."


def test_repair_attribution_tail_joins_the_quote():
    assert (
        repair_line("We held prices for three years He said")
        == "We held prices for three years, he said."
    )
    assert repair_line("We will grow He said at a briefing on Monday") == (
        "We will grow, he said at a briefing on Monday."
    )


def test_clean_stripped_lines_become_paragraphs():
    cleaned = clean_stripped(STRIPPED)
    assert cleaned.text.split("\n\n") == [
        "The council's leader said fares would rise by 12 percent the first increase in three years.",
        "Ferry users aren't happy. The council didn't consult them said Tom Berg a professor at the university.",
        "The operator made US$4.5 million in profit last year. In addition it received a grant from the U.S. government.",
        "We held prices for three years, he said.",
    ]


def test_stripped_document_sentences():
    doc = document_from_text(STRIPPED, "x.txt")
    assert doc.kind == "stripped"
    assert [doc.sentence_text(s) for s in doc.sentences][:3] == [
        "The council's leader said fares would rise by 12 percent the first increase in three years.",
        "Ferry users aren't happy.",
        "The council didn't consult them said Tom Berg a professor at the university.",
    ]
