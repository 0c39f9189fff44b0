"""Quote extraction on hand-written sentences, one per hard form."""

from __future__ import annotations

import pytest

from storyline.analysis.quotes import QuoteExtractor, extract_attributions, find_quote_spans
from storyline.model import Analysis, Document, Turn


def analyse(nlp, text: str, turns: list[Turn] | None = None) -> Analysis:
    doc = Document(id="d1", source="test", text=text, turns=turns or [])
    return QuoteExtractor()(Analysis(document=doc, nlp=nlp(text)))


def only(quotes, speaker):
    found = [q for q in quotes if q.speaker == speaker]
    assert found, f"no quote by {speaker!r} in {[(q.speaker, q.text) for q in quotes]}"
    return found


def test_quotes_trailing_direct_with_appositive_role(nlp):
    text = '"The harvest was poor this year," said Anna Berg, a farmer with the cooperative Valley Growers.'
    q = only(analyse(nlp, text).quotes, "Anna Berg")[0]
    assert q.direct and q.cue == "said"
    assert q.text == "The harvest was poor this year"
    assert q.role == "farmer" and q.organisation == "Valley Growers"
    assert q.speaker_kind == "person"
    c = q.citations[0]
    assert text[c.start : c.end].startswith('"The harvest')


def test_quotes_split_around_attribution(nlp):
    text = 'Mayor Lena Ortiz spoke on Monday. "Prices will rise," she said, "and nobody can stop that."'
    q = only(analyse(nlp, text).quotes, "Lena Ortiz")[0]
    assert len(q.content_spans) == 2
    assert q.text == "Prices will rise and nobody can stop that."


def test_quotes_curly_quote_across_paragraphs(nlp):
    text = (
        "Omar Haddad runs the port.\n\n"
        "\u201cWe moved more cargo than ever.\n\n"
        "\u201cNext year will be harder,\u201d Haddad said."
    )
    q = only(analyse(nlp, text).quotes, "Omar Haddad")[0]
    assert "more cargo" in q.text and "harder" in q.text
    assert find_quote_spans(text)[0][0].start == text.index("\u201cWe")


def test_quotes_stripped_content_said_name_role(nlp):
    text = (
        "Our engineers will finish the bridge before winter said Paul Grant the city's director of public works. "
        "The old crossing has been closed since May he later added."
    )
    quotes = only(analyse(nlp, text).quotes, "Paul Grant")
    first = quotes[0]
    assert first.text == "Our engineers will finish the bridge before winter"
    assert first.role == "director of public works"
    assert not first.direct
    assert any(q.text == "The old crossing has been closed since May" and q.cue == "added" for q in quotes)


def test_quotes_stripped_content_name_said(nlp):
    text = "Karl Stein has covered the company for years. Demand for memory chips will recover next spring Stein said."
    q = only(analyse(nlp, text).quotes, "Karl Stein")[0]
    assert q.text == "Demand for memory chips will recover next spring"


def test_quotes_according_to_group_and_organisation(nlp):
    text = "Sales fell sharply in March, according to analysts. According to Toyota, the recall affects older cars."
    quotes = analyse(nlp, text).quotes
    group = only(quotes, "analysts")[0]
    assert group.speaker_kind == "group" and group.cue == "according to"
    assert group.text == "Sales fell sharply in March"
    org = only(quotes, "Toyota")[0]
    assert org.speaker_kind == "organisation"
    assert org.text == "the recall affects older cars"


@pytest.mark.parametrize(
    "sentence, group",
    [
        ("Officials say the dam could fail in a flood.", "officials"),
        ("But experts suspect the outage was caused by a storm.", "experts"),
        ("Analysts believe that the merger will cut costs.", "analysts"),
    ],
)
def test_quotes_group_speakers(nlp, sentence, group):
    q = only(analyse(nlp, sentence).quotes, group)[0]
    assert q.speaker_kind == "group"


@pytest.mark.parametrize(
    "sentence, name, role, org",
    [
        ("Forrester analyst Tom Reed said the market is shrinking.", "Tom Reed", "analyst", "Forrester"),
        ("Cloud Services Group CFO Wang Lei announced that margins will improve.", "Wang Lei", "CFO", "Cloud Services Group"),
        ("Maria Lopez, an economist with research firm Oxford Analytica, said rates would rise.", "Maria Lopez", "economist", "Oxford Analytica"),
    ],
)
def test_quotes_role_and_organisation(nlp, sentence, name, role, org):
    q = only(analyse(nlp, sentence).quotes, name)[0]
    assert (q.role, q.organisation) == (role, org)


def test_quotes_misspelt_surname_resolves_to_full_name(nlp):
    text = (
        "Network Group CTO Chen Jianguo spoke at the fair. "
        "Jiangou guesses that the region is worth about a third of sales."
    )
    q = only(analyse(nlp, text).quotes, "Chen Jianguo")[0]
    assert q.role == "CTO"


def test_quotes_pronoun_and_role_resolve_to_person(nlp):
    text = (
        "Karen Holt, the company's president, visited the plant on Friday. "
        "The plant will double its output, she said. "
        "The president said that new hiring would start in June."
    )
    quotes = only(analyse(nlp, text).quotes, "Karen Holt")
    assert len(quotes) == 2
    assert all(q.role == "president" for q in quotes)


def test_quotes_never_invent_a_name(nlp):
    q = analyse(nlp, "A spokesman said the factory will reopen next week.").quotes
    assert len(q) == 1 and q[0].speaker is None


def test_quotes_statement_after_colon_is_the_organisation(nlp):
    text = "Acme released the following statement:\n\n\u201cWe are reviewing every contract with care.\u201d"
    q = only(analyse(nlp, text).quotes, "Acme")[0]
    assert q.speaker_kind == "organisation" and q.direct


def test_quotes_speech_inside_a_quote_is_not_a_second_quote(nlp):
    text = '"I think the vote was fair and I believe we won," said Rosa Diaz.'
    quotes = analyse(nlp, text).quotes
    assert [q.speaker for q in quotes] == ["Rosa Diaz"]


def test_quotes_transcript_turns_are_direct_quotes(nlp):
    text = "The company grew fast.\nWe will open ten stores this year."
    start = text.index("We")
    turn = Turn("ALICE MOORE", "Chief Executive", "Brightmart", start, len(text))
    q = only(analyse(nlp, text, [turn]).quotes, "Alice Moore")[0]
    assert q.direct and q.cue == "speaker label"
    assert (q.role, q.organisation) == ("Chief Executive", "Brightmart")
    assert q.citations[0].start == start


def test_extract_attributions_returns_spans(nlp):
    text = "The minister said that the border would stay open."
    atts = extract_attributions(text, nlp(text))
    assert len(atts) == 1
    a = atts[0]
    assert text[a.source.start : a.source.end] == "The minister"
    assert text[a.cue.start : a.cue.end] == "said"
    assert text[a.content[0].start : a.content[0].end] == "that the border would stay open"


def test_quotes_stance_is_an_attribution_but_not_a_quote(nlp):
    text = "The senator endorsed Maria Lopez for governor."
    assert [text[a.cue.start : a.cue.end] for a in extract_attributions(text, nlp(text))] == ["endorsed"]
    assert analyse(nlp, text).quotes == []


def test_quotes_display_text_drops_complementiser_and_stray_mark(nlp):
    text = 'Li Wen announced that "the lab will open in May and hire fifty people."'
    q = only(analyse(nlp, text).quotes, "Li Wen")[0]
    assert q.text == "the lab will open in May and hire fifty people."
    assert q.direct
