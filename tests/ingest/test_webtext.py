from __future__ import annotations

import pytest
from ingest_examples import WEBTEXT

from storyline.ingest.webtext import clean_webtext, is_boilerplate


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


# Lines written for these tests (no third-party text): furniture a scraped page carries.
@pytest.mark.parametrize(
    "line",
    [
        "Get the harbour report delivered to your inbox + Subscribe Thank you for subscribing!",
        "Could not subscribe, try again later Invalid Email",
        "You are now subscribed to the Morning Tide digest.",
        "For more ferry news, sign up for our weekly newsletter here.",
        'By clicking "Join," you agree to the Terms of Use and Privacy Policy.',
        "Follow Dana Reed on Twitter @danareed.",
        "Like Harbour Radio on Facebook.",
        "Click to share on Twitter (Opens in new window)",
        "Share On more Share On more",
        "Video Loading Video Unavailable Click to play Tap to play Cancel",
        "4 of 30 Full Screen Autoplay Close Skip Ad × Ferries at dawn View Photos Boats leave.",
        "View Images A ferry leaves the harbour at dawn.",
        "EMBED More News Videos The mayor speaks at the pier.",
        "Caption A ferry leaves the harbour at dawn.",
        "Photo: A ferry leaves the harbour at dawn. Credit: Dana Reed / Harbour Times",
        "(Photo by Dana Reed for the Harbour Times)",
        "Dana Reed/AFP/Getty Images The mayor speaks at the pier.",
        "| Getty Mayor says the ferry will run again",
        "Enlarge this image toggle caption Dana Reed/AP",
        "Some of the boats moored at the pier Photograph: Dana Reed",
        "Related: Council delays the harbour vote",
        "RELATED: Will the ferry fare rise again?",
        "Getty (3)",
        "2 of 9.",
        # the location widget and archive notices in our own wordings (the family, not one copy)
        "Tweet with a location: you can add location information to your tweets, such as your "
        "town, from the web or from other apps. Learn more",
        "Adding your precise location to your tweets is optional. Learn more",
        "You can always delete your tweet location history in settings.",
        "Focused crawls are collections of often-updated webcrawl data about one domain.",
        "Broad crawl started from a seed list and a new crawler configuration in 2012.",
        "This collection holds web crawls made for the harbour records archive project.",
        "Harbour Library archive-it partner since: 2009 organization type: libraries archiving sites",
    ],
)
def test_webtext_furniture_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Filed in May, the lawsuit says the ferry operator ignored three safety warnings.",
        "Posted in 2019, the video of the pier collapse was viewed a million times.",
        "Copyright law lets the photographer decide who may print the harbour pictures.",
        "The mayor said she would sign up for the newsletter the council sends to residents.",
        "The ferry company said it would share customer email addresses with no one.",
        "A Reuters/Ipsos poll found 40 of 100 residents backed the new pier.",
        "The photo was captioned: 'first ferry of spring.'",
        "She posted a photograph on Facebook of the flooded pier on Friday.",
        "Related fees rose 3% last year, the council said.",
        "The harbour app lets riders add location information to their tweets, the council said.",
        "A search company's web crawler reads billions of pages a day, its engineers said.",
        "The startup's crawler collects ferry fares from 300 domains every night.",
        "Researchers asked whether riders delete location history from their phones.",
        "The archive opened its collections of harbour maps to the public on Monday.",
    ],
)
def test_webtext_article_lines_are_not_furniture(line):
    assert not is_boilerplate(line)


def test_webtext_drops_share_button_prefix_and_keeps_the_article():
    text = (
        "Ferry service resumes after the storm\n\n"
        "Facebook Twitter Pinterest Boats moored at the pier Photograph: Dana Reed\n\n"
        "The harbour ferry ran again on Monday after a week of storms kept it in port, "
        "the operator said.\n\n"
        "Get harbour news delivered to your inbox + Subscribe Thank you for subscribing!\n\n"
        "Follow Dana Reed on Twitter @danareed.\n\n"
        "Passengers queued from dawn, and the first boat left full at seven.\n"
    )
    cleaned = clean_webtext(text)
    assert "Photograph" not in cleaned.text and "inbox" not in cleaned.text
    assert "Follow Dana" not in cleaned.text
    assert "The harbour ferry ran again on Monday" in cleaned.text
    assert "Passengers queued from dawn" in cleaned.text
