from __future__ import annotations

from ingest_examples import WEBTEXT

from storyline.ingest.webtext import clean_webtext


def test_webtext_keeps_the_article_and_the_headline_once_as_title():
    cleaned = clean_webtext(WEBTEXT)
    assert cleaned.title == "Harbour council approves ferry fare rise"
    assert cleaned.text.split("\n\n") == [
        "The harbour council voted on Monday to raise ferry fares by 12 percent from April, saying fuel costs had doubled since 2021.",
        '"We held prices for three years," council leader Ana Ruiz said. "We cannot hold them any longer."',
        "Commuter groups said the rise would push more people into cars, and asked the council to phase it in over two years.",
        "Update: The council said on Tuesday that season tickets bought before April will keep the old price.",
    ]


def test_webtext_drops_furniture_captions_and_pull_quotes():
    text = clean_webtext(WEBTEXT).text
    for gone in (
        "Skip to main content",
        "Share this story",
        "STOCK",
        "Advertisement",
        "Menu",
        "Tweet",
        "Related",
    ):
        assert gone not in text
    assert text.count("We cannot hold them any longer") == 1
    assert "Harbour council approves" not in text


def test_webtext_separate_update_label_joins_its_paragraph():
    cleaned = clean_webtext(
        "Ferry fares will rise by 12 percent from April, the council said on Monday.\n\nUPDATE:\n\nThe council has delayed the vote to May."
    )
    assert cleaned.text.split("\n\n")[-1] == "UPDATE: The council has delayed the vote to May."


def test_webtext_keeps_short_sentences_and_quotes():
    text = "Police looked on calmly.\n\n“Our thoughts are with the family,”\n\nPhoto\n\nJane Doe/Reuters\n\nThe vote passed 5-0 on Monday night."
    kept = clean_webtext(text).text.split("\n\n")
    assert kept == [
        "Police looked on calmly.",
        "“Our thoughts are with the family,”",
        "The vote passed 5-0 on Monday night.",
    ]


def test_webtext_drops_captions_with_photo_credits():
    text = (
        "Commuters wait at the ferry terminal on Monday. (Jane Doe / Staff Photographer)\n\n"
        "The council voted to raise fares by 12 percent, its first rise in three years.\n\n"
        "The ferry leaves the harbour. (Photo: Harbour Daily)"
    )
    assert (
        clean_webtext(text).text
        == "The council voted to raise fares by 12 percent, its first rise in three years."
    )
