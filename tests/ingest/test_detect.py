from __future__ import annotations

import json

import pytest
from ingest_examples import HOSTILE_HTML, PLAIN, STRIPPED, TRANSCRIPT, WEBTEXT

from storyline.ingest.detect import detect


@pytest.mark.parametrize(
    "text,kind",
    [
        (WEBTEXT, "webtext"),
        (TRANSCRIPT, "transcript"),
        (STRIPPED, "stripped"),
        (PLAIN, "text"),
        (HOSTILE_HTML, "html"),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        (json.dumps({"title": "T", "text": "Body."}), "json"),
        ('{"text": "one"}\n{"text": "two"}\n', "json"),
        ("[1, 2", "text"),
    ],
)
def test_detect_shapes(text, kind):
    assert detect(text) == kind


def test_detect_content_type_says_html():
    assert detect("Hello <b>there</b>", content_type="text/html; charset=utf-8") == "html"


def test_detect_colon_headings_are_not_speaker_labels():
    text = (
        "ON PRICES: The council says fares must rise.\n"
        "THE FACTS: Fuel costs did double between 2021 and 2023, according to the operator.\n"
        "Commuters disagree with the council's figures and want an audit.\n"
    )
    assert detect(text) != "transcript"


def test_detect_tokenised_headings_are_not_speaker_labels():
    text = (
        "FERRY NEWS : HARBOUR FARES RISE The council voted on Monday .\n"
        "LETTERS : COMMUTERS OBJECT Readers wrote in to complain .\n"
        "WEATHER : STORMS AHEAD Crossings may be cancelled .\n"
    )
    assert detect(text) != "transcript"


@pytest.mark.parametrize(
    "line",
    [
        'ANA RUIZ said on Monday that "talks will resume", according to officials.',
        'NASA "confirmed" the launch on Monday, officials said.',
        'HARBOUR COUNCIL "We will see" is the motto on the wall, and "patience" the other.',
    ],
)
def test_detect_a_quoted_sentence_with_a_name_is_plain_text(line):
    text = f"Harbour talks resume\n\n{line}\n\nMore text follows here, said the council.\n"
    assert detect(text) == "text"


def test_detect_labels_on_their_own_lines():
    text = (
        "The vote came after a long night.\n"
        "ANA RUIZ, LEADER HARBOUR COUNCIL\n"
        '"We held prices for three years."\n'
        "TOM BERG, PROFESSOR UNIVERSITY OF PORTLAND\n"
        '"Fare rises push people into cars."\n'
    )
    assert detect(text) == "transcript"
