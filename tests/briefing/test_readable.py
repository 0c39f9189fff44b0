"""Lines that stand alone: what `problems` flags and what `standalone` repairs."""

from __future__ import annotations

import pytest

from storyline.briefing.readable import problems, standalone
from storyline.model import Analysis, Document, EntityMention, Quote, Sentence, Span


@pytest.mark.parametrize(
    "line,why",
    [
        ("In many of these countries the firm has strong ties to carriers.", "these countries"),
        ("He said the plant would close by the end of the year.", "'He'"),
        ("The company makes most of its money from selling turbines.", "The company"),
        ("Our growth comes mostly from markets outside Europe this year.", "first person"),
        ("the top area we will focus on this year.", "starts mid-sentence"),
        ("Huawei released the following statement:", "no sentence end"),
        ("That's because the grid is the basis for the new network.", "That's"),
        ("If they want to reach the target the home market won't be enough.", "If they"),
        ("By 2019 the firm wants that figure to reach ten billion.", "that figure"),
        ("Last week it opened a second depot near the old harbour.", "'it'"),
        ("On Friday she signed the lease for the new ferry terminal.", "'she'"),
        ("The mayor said the council will leave this market by spring.", "this market"),
        ("Maren Holt (Veltrix): “We will sell more in these markets this year.”", "these markets"),
        ("Holt’s Harbour: “We know what this country has done for the fleet.”", "this country"),
    ],
)
def test_problems_flags_lines_that_lean_on_context(line: str, why: str) -> None:
    found = problems(line)
    assert any(why in p for p in found), found


@pytest.mark.parametrize(
    "line",
    [
        "The council voted 5-0 on Tuesday to approve the new harbour wall.",
        "Maren Holt (Veltrix Energy): “We will build the plant in Aberdeen this year.”",
        "This year the harbour trust will spend more on repairs than ever.",
        "David He said the firm hoped to win new customers in every market.",
        "The Chinese company [Acme] makes nearly all its revenue from turbines.",
        "Sales rose to 4.2 million units in 2020, and the firm wants that figure doubled.",
        "Maren Holt (Veltrix): “We will open two more depots in this country.”",
        "“We want to grow in this region,” [Maren Holt] said at a briefing on Monday.",
        "Last year it [Veltrix] sold more turbines than Veltrix had planned.",
    ],
)
def test_problems_passes_lines_that_stand_alone(line: str) -> None:
    assert problems(line) == []


def _analysis(text: str, **extra) -> Analysis:
    doc = Document(id="d", source="d.txt", text=text, sentences=extra.pop("sentences", []))
    return Analysis(document=doc, **extra)


def test_standalone_gives_a_first_person_quote_its_speaker() -> None:
    text = "Maren Holt runs Veltrix. “Our plant will open in May,” she said."
    start = text.index("“")
    quote = Quote(
        "Our plant will open in May",
        True,
        "Maren Holt",
        "person",
        organisation="Veltrix",
        content_spans=[Span(start + 1, start + 27)],
    )
    line = standalone(text[start:], _analysis(text, quotes=[quote]), start, len(text))
    assert line == "Maren Holt (Veltrix): “Our plant will open in May.”"


def test_standalone_names_the_company_from_the_article() -> None:
    text = "Veltrix Energy opened a plant. The company makes most of its money from turbines."
    start = text.index("The company")
    ents = [EntityMention("Veltrix Energy", "ORG", 0, 14)]
    line = standalone(text[start:], _analysis(text, entities=ents), start, len(text))
    assert line == "The company [Veltrix Energy] makes most of its money from turbines."


def test_standalone_uses_the_transcript_turn_speaker() -> None:
    from storyline.model import Turn

    text = "We are still investing in the United States, it is a huge market."
    doc_sentences = [Sentence(0, len(text), speaker="Jim Xu")]
    analysis = _analysis(text, sentences=doc_sentences)
    analysis.document.turns = [Turn("Jim Xu", "VP", "Huawei", 0, len(text))]
    assert standalone(text, analysis, 0, len(text)) == f"Jim Xu (Huawei): “{text}”"


def test_standalone_drops_what_it_cannot_resolve() -> None:
    text = "In many of these countries the firm has strong ties to carriers."
    assert standalone(text, _analysis(text), 0, len(text)) is None


def test_standalone_drops_a_leading_connective_and_label() -> None:
    text = "Update: But the harbour trust said the pier will reopen on Friday."
    assert standalone(text, _analysis(text), 0, len(text)) == (
        "The harbour trust said the pier will reopen on Friday."
    )


def test_standalone_never_gives_the_writers_we_to_the_quoted_speaker() -> None:
    """'When we spoke with X, she said "…"': the "we" is the writer's, not X's."""
    text = "When we met the ferry chief Ana Ruiz in March, she said 'the route needs time'."
    start = text.index("'")
    quote = Quote(
        "the route needs time",
        True,
        "Ana Ruiz",
        "person",
        content_spans=[Span(start + 1, start + 21)],
    )
    line = standalone(text, _analysis(text, quotes=[quote]), 0, len(text))
    assert line is None or not line.startswith("Ana Ruiz")


def test_the_writers_we_stays_the_writers_when_the_quote_later_says_we_too() -> None:
    """The speaker's own "We" further on, inside the quotation, does not make the
    writer's "we" before the attribution the speaker's."""
    text = (
        "When we met the ferry chief Ana Ruiz in March, she explained that the route"
        ' "needs time," saying "We need some trust."'
    )
    start = text.index('"needs')
    quote = Quote("needs time", False, "Ana Ruiz", "person", content_spans=[Span(start, len(text))])
    line = standalone(text, _analysis(text, quotes=[quote]), 0, len(text))
    assert line is None or not line.startswith("Ana Ruiz")


def test_standalone_keeps_an_attribution_tail_that_tells_when() -> None:
    text = "Maren Holt runs Veltrix. We will grow in this region, she said at a briefing on Monday."
    start = text.index("We will")
    quote = Quote(
        "We will grow in this region",
        False,
        "Maren Holt",
        "person",
        content_spans=[Span(start, start + 27)],
    )
    line = standalone(text[start:], _analysis(text, quotes=[quote]), start, len(text))
    assert line == "“We will grow in this region,” [Maren Holt] said at a briefing on Monday."


def test_standalone_names_the_subject_after_a_time_opener() -> None:
    text = "Veltrix sells turbines. Last year it sold 40, more than Veltrix had planned."
    start = text.index("Last year")
    ents = [EntityMention("Veltrix", "ORG", 0, 7), EntityMention("Veltrix", "ORG", 56, 63)]
    line = standalone(text[start:], _analysis(text, entities=ents), start, len(text))
    assert line == "Last year it [Veltrix] sold 40, more than Veltrix had planned."


def test_standalone_leaves_an_it_the_line_cannot_name() -> None:
    """ "it" goes to an organisation only when the line names it too: else it may be anything."""
    text = "Veltrix sells turbines. Last year it sold more than forty of the big ones."
    start = text.index("Last year")
    ents = [EntityMention("Veltrix", "ORG", 0, 7)]
    assert standalone(text[start:], _analysis(text, entities=ents), start, len(text)) is None


def test_standalone_drops_the_connective_that_opens_a_speakers_turn() -> None:
    from storyline.model import Turn

    text = "And second, we will hire more engineers in Aberdeen this year."
    analysis = _analysis(text, sentences=[Sentence(0, len(text), speaker="Jim Xu")])
    analysis.document.turns = [Turn("Jim Xu", "VP", "Acme", 0, len(text))]
    assert standalone(text, analysis, 0, len(text)) == (
        "Jim Xu (Acme): “Second, we will hire more engineers in Aberdeen this year.”"
    )


def test_standalone_never_quotes_the_narration_before_a_colon() -> None:
    """ "In a 2019 video, she said: “...”": the words before "she said" are the writer's."""
    text = "Maren Holt runs Veltrix. In a 2019 video, she said: “I want the plant built.”"
    start = text.index("In a 2019")
    quote = Quote(
        "I want the plant built.",
        True,
        "Maren Holt",
        "person",
        content_spans=[Span(text.index("I want"), len(text) - 1)],
    )
    line = standalone(text[start:], _analysis(text, quotes=[quote]), start, len(text))
    assert line is None or "“In a 2019 video" not in line


def test_a_short_statement_with_its_own_main_verb_stands_alone():
    assert problems("The mayor was ousted in February.", True) == []
    # without a parse, or as someone's words, five words stay too short
    assert "fragment: too short" in problems("Mubarak was ousted in February.")
    assert "fragment: too short" in problems("“We won it,” Ann said.", True)
    assert "fragment: too short" in problems("Ousted in February.", True)


def test_standalone_drops_a_wire_dateline() -> None:
    text = "CAIRO — The harbour trust said the pier will reopen on Friday."
    assert standalone(text, _analysis(text), 0, len(text)) == (
        "The harbour trust said the pier will reopen on Friday."
    )


def test_standalone_reads_a_pronoun_after_a_person_the_line_names() -> None:
    text = "The board met. Giles tried to rejoin the campaign in May and said he had papers ready."
    start = text.index("Giles")
    ents = [EntityMention("Giles", "PERSON", start, start + 5)]
    line = standalone(text[start:], _analysis(text, entities=ents), start, len(text))
    assert line == text[start:]
    # without a person named before it, "he" still leans on the article
    assert standalone(text[start:], _analysis(text), start, len(text)) is None


def _people(text: str, *names: str) -> list[EntityMention]:
    found = []
    for name in names:
        at = text.index(name)
        found.append(EntityMention(name, "PERSON", at, at + len(name)))
    return found


def _line(text: str, opener: str, entities: list[EntityMention]) -> str | None:
    start = text.index(opener)
    return standalone(text[start:], _analysis(text, entities=entities), start, len(text))


def test_standalone_names_a_described_person_from_the_name_beside_the_description() -> None:
    text = (
        "Ohio Gov. Dale Mercer and former Vermont governor Rosa Lind spoke in Iowa. "
        "The former Vermont governor took just 6 percent in a poll released Sunday."
    )
    line = _line(text, "The former", _people(text, "Dale Mercer", "Rosa Lind"))
    assert line == (
        "The former Vermont governor [Rosa Lind] took just 6 percent in a poll released Sunday."
    )


def test_standalone_names_a_specific_description_after_the_person_it_follows() -> None:
    text = (
        "Just ask former football star Ned Varga. "
        "The former Heisman Trophy winner endorsed the senator in 2015."
    )
    line = _line(text, "The former", _people(text, "Ned Varga"))
    assert line == "The former Heisman Trophy winner [Ned Varga] endorsed the senator in 2015."


def test_standalone_guesses_no_bare_title_and_no_person_named_in_passing() -> None:
    text = "Ned Varga met voters. The judge ruled on Tuesday that the vote may go ahead."
    assert _line(text, "The judge", _people(text, "Ned Varga")) == text[text.index("The") :]
    text = (
        "Rosa Lind was asked by moderator Ned Varga about taxes. "
        "The Vermont senator said on Tuesday that she would cut them."
    )
    line = _line(text, "The Vermont", _people(text, "Rosa Lind", "Ned Varga"))
    assert line is not None and line.startswith("The Vermont senator [Rosa Lind] said")


def test_standalone_reads_a_pronoun_by_a_name_word_or_the_subject_after_it() -> None:
    text = "Bernie Sanders spoke. Sanders said he would release his return on Friday."
    people = _people(text, "Bernie Sanders")  # the recogniser missed the second "Sanders"
    assert _line(text, "Sanders said", people) == text[text.index("Sanders said") :]
    text = "Voters met. Since launching his bid, Ned Varga has taken a hard line on trade in June."
    assert _line(text, "Since", _people(text, "Ned Varga")) == text[text.index("Since") :]


def test_problems_passes_a_quoted_we_the_line_frames_with_a_name() -> None:
    assert not problems(
        "Mr. Comey couched his concern on Tuesday by repeating the phrase ''we assess'' "
        "four times.",
        True,
        person_named=True,
    )
    # a we outside any quotation still needs its speaker
    assert "first person without its speaker" in problems(
        "Mr. Comey testified on Tuesday while we assess the risk four times a year.", True
    )
    # F.B.I. holds no first person
    assert "first person without its speaker" not in problems(
        "Divers from the F.B.I. searched the lake near the site of the Dec. 2 attack.", True
    )


def test_problems_reads_so_that_as_a_conjunction() -> None:
    assert not problems(
        "Priebus said on Tuesday that the speech matters so that people can see the nominee.",
        True,
    )


def test_standalone_closes_a_quotation_the_sentence_split_left_open() -> None:
    """A splitter that ends a sentence at the speaker's "…" leaves the mark open."""
    text = 'In March the ferry chief Ana Ruiz said the route "is close to ready…'
    line = standalone(text, _analysis(text), 0, len(text))
    assert line == 'In March the ferry chief Ana Ruiz said the route "is close to ready…."'
    curly = "In March the ferry chief Ana Ruiz said the route “is close to ready…"
    assert standalone(curly, _analysis(curly), 0, len(curly)) == curly + ".”"
    closed = 'In March the ferry chief Ana Ruiz said the route "is close to ready."'
    assert standalone(closed, _analysis(closed), 0, len(closed)) == closed


def test_close_quotation_leaves_a_closing_mark_alone() -> None:
    from storyline.briefing.readable import close_quotation

    assert (
        close_quotation('the route is ready," Ana Ruiz said.')
        == 'the route is ready," Ana Ruiz said.'
    )
    assert close_quotation("He is 5'10\" tall.") == "He is 5'10\" tall."
    assert close_quotation('Ruiz said "it is ready.') == 'Ruiz said "it is ready."'
