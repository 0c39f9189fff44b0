"""Shouted (all-capitals) paragraphs are re-cased so analysis can read them; others are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from storyline.analysis.pipeline import analyze
from storyline.evaluation.train_truecase import train
from storyline.ingest import document_from_text
from storyline.ingest.truecase import is_shouted, load, recase, restore_case, shipped


def test_recase_names_acronyms_and_sentence_starts():
    text = (
        "THE MAYOR, PAULA GRENVILLE, TOLD CBS NEWS ON FRIDAY THAT THE FBI WOULD HELP. "
        "SEN. MARCO RUBIO SAID THE U.S. ECONOMY WAS FINE."
    )
    got = recase(text)
    assert len(got) == len(text)
    assert got == (
        "The mayor, Paula Grenville, told CBS News on Friday that the FBI would help. "
        "Sen. Marco Rubio said the U.S. economy was fine."
    )


def test_a_word_written_two_ways_is_decided_by_its_neighbours():
    got = recase("THEY TOLD US THE US ARMY MAY LEAVE IN MAY.")
    assert got == "They told us the US Army may leave in May."


def test_quotation_starts_a_capital_and_unseen_words_are_names_or_acronyms():
    got = recase("“WE ARE READY,” SAID ZELPHINE KORRADAY OF THE QXV PARTY.")
    assert got.startswith("“We are ready,” said Zelphine Korraday")
    assert "QXV" in got


def test_only_shouted_lines_change():
    mixed = "The FBI said on Monday that NASA was ready.\nA short HEADING\nWHO IS IT"
    assert restore_case(mixed) == mixed  # mixed case, and shouted lines under four words
    text = "The anchor spoke.\nDONALD TRUMP SPOKE IN OHIO ON TUESDAY.\nThen she left."
    assert restore_case(text).split("\n")[1] == "Donald Trump spoke in Ohio on Tuesday."
    assert is_shouted("NINETY PERCENT OF VOTERS AGREED")
    assert not is_shouted("Ninety percent of VOTERS AGREED")


def test_caps_transcript_reads_names_dates_and_figures():
    text = (
        "ANNA PRICE, HOST: THE COMPANY SAID ON TUESDAY THAT REVENUE ROSE TO $10 BILLION.\n"
        "TOM WELLS, CORRESPONDENT: GOVERNOR JERRY BROWN SIGNED THE BILL IN APRIL 2015.\n"
        "ANNA PRICE, HOST: THANK YOU, TOM WELLS, FOR THAT REPORT."
    )
    doc = document_from_text(text, "caps.txt", meta={"title": "BROWN SIGNS THE WATER BILL"})
    assert doc.kind == "transcript"
    assert doc.title == "Brown signs the water bill"
    assert doc.text.startswith("The company said on Tuesday that revenue rose to $10 billion.")
    for turn in doc.turns:  # offsets still hold the speech
        assert doc.text[turn.start : turn.end].split()[0] in {"The", "Governor", "Thank"}
    analysis = next(iter(analyze([doc])))
    assert any(f.value == 10 and f.scale == "billion" for f in analysis.figures)
    assert any("April 2015" in d.text for d in analysis.dates)
    assert any(e.text == "Jerry Brown" for e in analysis.entities)


def test_trained_table_round_trips(tmp_path: Path):
    lines = [
        "Then the US Army said it would help us.",
        "Officials in the US Army told us so.",
        "They met McConnell in the Senate.",
        "Later McConnell spoke to us about the US.",
    ]
    table = train(lines)
    path = tmp_path / "t.npz"
    np.savez_compressed(path, **table)  # type: ignore[arg-type]
    loaded = load(path)
    assert dict(loaded.forms["mcconnell"]) == {"McConnell": 2}
    assert {f for f, _ in loaded.forms["us"]} == {"US", "us"}
    got = recase("IN THE US ARMY IN THE MCCONNELL ERA.", loaded)
    assert got.startswith("In the US Army in the McConnell")
    assert shipped().forms["fbi"][0][0] == "FBI"
