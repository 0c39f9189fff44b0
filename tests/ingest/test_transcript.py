from __future__ import annotations

import pytest
from ingest_examples import TRANSCRIPT

from storyline.ingest import document_from_text
from storyline.ingest.transcript import clean_transcript, split_description, title_case_name


def test_transcript_labels_become_turns_and_leave_the_text():
    cleaned = clean_transcript(TRANSCRIPT)
    assert "00:12" not in cleaned.text and "[00:01:22]" not in cleaned.text
    assert "ANA RUIZ" not in cleaned.text and "PROFESSOR" not in cleaned.text
    got = [
        (t.speaker, t.role, t.organisation, cleaned.text[t.start : t.end]) for t in cleaned.turns
    ]
    assert got == [
        (
            "Ana Ruiz",
            "Leader",
            "Harbour Council",
            "We held prices for three years. We cannot hold them any longer.",
        ),
        (
            "Tom Berg",
            "Professor",
            "University of Portland",
            "Fare rises like this push people back into their cars.",
        ),
        (
            "Lina Okafor",
            "VP, Passenger Services Group",
            "Nordferry",
            "We will add two more crossings a day.",
        ),
    ]


def test_transcript_narration_stays_and_sentences_carry_speakers():
    doc = document_from_text(TRANSCRIPT, "2024-05-21-clip.txt")
    assert doc.kind == "transcript"
    assert doc.text.startswith("The harbour has been busier than ever this spring")
    speakers = [(doc.sentence_text(s), s.speaker) for s in doc.sentences]
    assert speakers[0] == (
        "The harbour has been busier than ever this spring, and the council wants a bigger share of the money.",
        None,
    )
    assert ("We held prices for three years.", "Ana Ruiz") in speakers
    assert ("We cannot hold them any longer.", "Ana Ruiz") in speakers
    assert ("Commuters say they were not consulted.", None) in speakers
    assert doc.published == "2024-05-21" and doc.published_source == "filename"


@pytest.mark.parametrize(
    "desc,role,org",
    [
        ("PRESIDENT HUAWEI HANDSET PRODUCT LINE", "President, Handset Product Line", "Huawei"),
        (
            "PROFESSOR ROCHESTER INSTITUTE OF TECHNOLOGY",
            "Professor",
            "Rochester Institute of Technology",
        ),
        ("VP HUAWEI CONSUMER BUSINESS GROUP", "VP, Consumer Business Group", "Huawei"),
        ("HARBOUR COUNCIL SPOKESWOMAN", "Spokeswoman", "Harbour Council"),
        ("CHIEF EXECUTIVE, NORDFERRY", "Chief Executive", "Nordferry"),
        ("SECRETARY OF STATE", "Secretary of State", None),
        ("HOST", "Host", None),
        (
            "CHAIRMAN MARROW BAY FISHERMEN'S ASSOCIATION",
            "Chairman",
            "Marrow Bay Fishermen's Association",
        ),
        ("SENIOR ANALYST, IDC", "Senior Analyst", "IDC"),
        ("BYLINE", "Reporter", None),
    ],
)
def test_split_description(desc, role, org):
    assert split_description(desc) == (role, org)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("KEVIN HO", "Kevin Ho"),
        ("SEAN O'BRIEN", "Sean O'Brien"),
        ("ANNE MCDONALD", "Anne McDonald"),
        ("RUPERT WINGFIELD-HAYES", "Rupert Wingfield-Hayes"),
        ("WP", "WP"),
    ],
)
def test_title_case_name(name, expected):
    assert title_case_name(name) == expected


def test_colon_labels_run_on_in_a_dense_transcript():
    text = (
        "(SOUNDBITE OF MUSIC)\n"
        "ANA RUIZ, HOST: Welcome back. Today, ferry fares.\n"
        "We asked listeners to write in.\n"
        "TOM BERG: Thanks for having me.\n"
        "RUIZ: Let's start with the vote.\n"
        "PRESIDENT MARA SOLBERG: The vote stands.\n"
    )
    cleaned = clean_transcript(text)
    assert "SOUNDBITE" not in cleaned.text
    turns = [(t.speaker, t.role, cleaned.text[t.start : t.end]) for t in cleaned.turns]
    assert turns == [
        (
            "Ana Ruiz",
            "Host",
            "Welcome back. Today, ferry fares.\n\nWe asked listeners to write in.",
        ),
        ("Tom Berg", None, "Thanks for having me."),
        ("Ana Ruiz", "Host", "Let's start with the vote."),  # the one Ruiz labelled in full
        ("Mara Solberg", "President", "The vote stands."),
    ]


def test_colon_labels_in_an_article_do_not_swallow_narration():
    text = (
        "The mayor spoke for an hour. Here are the key lines.\n"
        "MAYOR: We will not raise fares again this year.\n"
        "That promise was broken twice before, records show.\n"
        "The council meets again next week to discuss the budget.\n"
        "Opposition members said the plan had no funding.\n"
        "MAYOR: The money is there.\n"
    )
    cleaned = clean_transcript(text)
    assert [cleaned.text[t.start : t.end] for t in cleaned.turns] == [
        "We will not raise fares again this year.",
        "The money is there.",
    ]


def test_quotation_over_several_lines_and_label_on_its_own_line():
    text = (
        "00:00\n"
        "The vote came after a long night.\n"
        "ANA RUIZ, LEADER HARBOUR COUNCIL\n"
        '"We held prices for three years.\n'
        'We cannot hold them any longer."\n'
        "Commuters say they were not consulted.\n"
        'TOM BERG, PROFESSOR UNIVERSITY OF PORTLAND "This quote is never closed\n'
        "Narration continues here without a closing mark.\n"
    )
    cleaned = clean_transcript(text)
    spans = [(t.speaker, cleaned.text[t.start : t.end]) for t in cleaned.turns]
    assert spans == [
        ("Ana Ruiz", "We held prices for three years.\n\nWe cannot hold them any longer."),
        ("Tom Berg", "This quote is never closed"),
    ]
    assert cleaned.text.endswith(
        "Commuters say they were not consulted.\n\nThis quote is never closed\n\n"
        "Narration continues here without a closing mark."
    )


def test_an_exchange_on_one_line_gives_each_answer_to_its_speaker():
    text = (
        "The candidate was asked about the harbour fund.\n"
        "LENA BRAY, HOST: Did anyone on your team take money from the fund? "
        "OSKAR VELL: No. Nobody did, and I said so twice. BRAY: Twice? VELL: Yes, twice.\n"
        "Here is the rest: Will you testify? VELL: I will.\n"
    )
    cleaned = clean_transcript(text)
    assert "OSKAR VELL" not in cleaned.text and "BRAY:" not in cleaned.text
    turns = [(t.speaker, t.role, cleaned.text[t.start : t.end]) for t in cleaned.turns]
    assert turns == [
        ("Lena Bray", "Host", "Did anyone on your team take money from the fund?"),
        ("Oskar Vell", None, "No. Nobody did, and I said so twice."),
        ("Lena Bray", "Host", "Twice?"),
        ("Oskar Vell", None, "Yes, twice."),
        ("Oskar Vell", None, "I will."),
    ]
    assert "Here is the rest: Will you testify? I will." in cleaned.text
