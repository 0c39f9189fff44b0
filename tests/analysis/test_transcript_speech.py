"""Transcript turns: a quotation the turn gives to someone it names is theirs, and
anchors known only from their labels do not title the brief."""

from __future__ import annotations

from storyline.analysis.pipeline import analyze
from storyline.briefing.build import build_brief
from storyline.ingest import document_from_text

TRANSCRIPT = (
    "ANNA PRICE, HOST: THE PAPER HAS ASSIGNED 20 REPORTERS TO COVER THE GAME. "
    "\u201cTHERE IS A LOT WE DON\u2019T KNOW,\u201d WOODWARD TOLD THE NATIONAL ASSOCIATION OF "
    "REALTORS ON TUESDAY.\n"
    "TOM WELLS, CORRESPONDENT: I SPOKE TO THE MAYOR THIS MORNING. \u201cWE ARE READY,\u201d HE SAID.\n"
    "ANNA PRICE, HOST: \u201cIT IS A BIG DAY,\u201d SAID MARTIN BARON, THE EDITOR. THANK YOU, TOM."
)


def test_a_quotation_the_turn_attributes_belongs_to_its_speaker():
    doc = document_from_text(TRANSCRIPT, "caps.txt")
    quotes = next(iter(analyze([doc]))).quotes
    said = {(q.speaker, q.text) for q in quotes}
    assert ("Woodward", "There is a lot we don\u2019t know") in said
    assert ("Martin Baron", "It is a big day") in said
    # the labels keep the rest of their turns, without those quotations
    assert ("Anna Price", "The paper has assigned 20 reporters to cover the game.") in said
    assert ("Anna Price", "Thank you, Tom.") in said
    # "he said" names no one: the correspondent's turn keeps it whole
    assert any(q.speaker == "Tom Wells" and "We are ready" in q.text for q in quotes)
    assert not any(q.speaker == "Anna Price" and "big day" in q.text for q in quotes)


def test_anchors_named_only_by_their_labels_do_not_title_the_brief():
    texts = [
        "ANNA PRICE, HOST: GOVERNOR JERRY BROWN SIGNED THE WATER BILL IN SACRAMENTO ON MONDAY.\n"
        "TOM WELLS, CORRESPONDENT: BROWN SAID THE BILL WOULD SAVE FARMS ACROSS THE STATE.\n"
        "ANNA PRICE, HOST: CRITICS OF BROWN SAY THE BILL COMES TOO LATE FOR THE VALLEY.",
        "ANNA PRICE, HOST: JERRY BROWN DEFENDED THE WATER BILL ON TUESDAY IN FRESNO.\n"
        "TOM WELLS, CORRESPONDENT: FARMERS IN FRESNO TOLD US THEY WELCOMED BROWN'S BILL.\n"
        "ANNA PRICE, HOST: BROWN WILL TRAVEL TO LOS ANGELES NEXT WEEK TO PROMOTE IT.",
    ]
    docs = [document_from_text(t, f"caps-{i}.txt") for i, t in enumerate(texts)]
    brief = build_brief(list(analyze(docs)))
    assert brief.title == "Brief: Jerry Brown"
