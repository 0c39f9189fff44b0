"""Quote extraction on hand-written sentences, one per hard form."""

from __future__ import annotations

import pytest

from storyline.analysis.attribution import extract_attributions
from storyline.analysis.quotemarks import find_quote_spans
from storyline.analysis.quotes import QuoteExtractor
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
    assert first.direct  # first person before "said NAME": direct speech whose marks were stripped
    later = next(q for q in quotes if q.text == "The old crossing has been closed since May")
    assert later.cue == "added" and not later.direct


def test_quotes_stripped_content_name_said(nlp):
    text = "Karl Stein has covered the company for years. Demand for memory chips will recover next spring Stein said."
    q = only(analyse(nlp, text).quotes, "Karl Stein")[0]
    assert q.text == "Demand for memory chips will recover next spring"


def test_quotes_according_to_group_and_organisation(nlp):
    text = "Sales fell sharply in March, according to analysts. According to Toyota, the recall affects older cars."
    quotes = analyse(nlp, text).quotes
    group = only(quotes, "Analysts")[0]
    assert group.speaker_kind == "group" and group.cue == "according to"
    assert group.text == "Sales fell sharply in March"
    org = only(quotes, "Toyota")[0]
    assert org.speaker_kind == "organisation"
    assert org.text == "the recall affects older cars"


@pytest.mark.parametrize(
    "sentence, group",
    [
        ("Officials say the dam could fail in a flood.", "Officials"),
        ("But experts suspect the outage was caused by a storm.", "Experts"),
        ("Analysts believe that the merger will cut costs.", "Analysts"),
    ],
)
def test_quotes_group_speakers(nlp, sentence, group):
    q = only(analyse(nlp, sentence).quotes, group)[0]
    assert q.speaker_kind == "group"


@pytest.mark.parametrize(
    "sentence, name, role, org",
    [
        (
            "Forrester analyst Tom Reed said the market is shrinking.",
            "Tom Reed",
            "analyst",
            "Forrester",
        ),
        (
            "Cloud Services Group CFO Wang Lei announced that margins will improve.",
            "Wang Lei",
            "CFO",
            "Cloud Services Group",
        ),
        (
            "Maria Lopez, an economist with research firm Oxford Analytica, said rates would rise.",
            "Maria Lopez",
            "economist",
            "Oxford Analytica",
        ),
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
    assert [text[a.cue.start : a.cue.end] for a in extract_attributions(text, nlp(text))] == [
        "endorsed"
    ]
    assert analyse(nlp, text).quotes == []


def test_quotes_display_text_drops_complementiser_and_stray_mark(nlp):
    text = 'Li Wen announced that "the lab will open in May and hire fifty people."'
    q = only(analyse(nlp, text).quotes, "Li Wen")[0]
    assert q.text == "the lab will open in May and hire fifty people."
    assert q.direct


# ---------------------------------------------------------------- speaker resolution


def test_quotes_the_company_is_the_organisation_written_before(nlp):
    text = (
        "Halden Rail said on Monday it would order twelve new trains. "
        "Deliveries of the first trains will start in 2027 the company said."
    )
    quotes = analyse(nlp, text).quotes
    q = next(q for q in quotes if q.text.startswith("Deliveries"))
    assert (q.speaker, q.speaker_kind) == ("Halden Rail", "organisation")


def test_quotes_title_with_appositive_name(nlp):
    text = (
        "The Northfield Cyclists' Club opposed the plan. "
        "Its secretary, Rhona Webb, said the club would take the case to court."
    )
    q = only(analyse(nlp, text).quotes, "Rhona Webb")[0]
    assert q.role == "secretary"
    assert q.organisation == "Northfield Cyclists' Club"


def test_quotes_infinitive_after_ask_is_not_speech(nlp):
    text = "Rhona Webb said the club would ask the minister to reopen the inquiry."
    quotes = analyse(nlp, text).quotes
    assert [q.text for q in quotes] == ["the club would ask the minister to reopen the inquiry"]
    assert not any(q.text.startswith("to ") for q in quotes)


def test_quotes_spokesperson_for_an_organisation(nlp):
    text = (
        "Tomas Vidal, the club's treasurer, said the accounts were in order. "
        "A spokesperson for the Coastal Water Board said the inspection would finish by June."
    )
    quotes = analyse(nlp, text).quotes
    q = next(q for q in quotes if "inspection" in q.text)
    assert q.speaker is None and q.speaker_kind == "organisation"
    assert q.organisation == "Coastal Water Board" and q.role == "spokesperson"
    assert only(quotes, "Tomas Vidal")[0].speaker_kind == "person"


def test_quotes_generic_organisation_name_resolves_to_full_mention(nlp):
    text = (
        "The Upland Beekeepers' Association met in March. "
        "On Friday the Association said that hive losses had doubled since last year."
    )
    q = next(q for q in analyse(nlp, text).quotes if "hive losses" in q.text)
    assert (q.speaker, q.speaker_kind) == ("Upland Beekeepers' Association", "organisation")


def test_quotes_group_keeps_surface_case_and_organisation(nlp):
    text = "According to economists at Larch Partners, rents in the city will rise by a tenth next year."
    q = next(q for q in analyse(nlp, text).quotes if "rents" in q.text)
    assert (q.speaker, q.speaker_kind, q.organisation) == (
        "Economists at Larch Partners",
        "group",
        "Larch Partners",
    )
    assert q.text.startswith("rents in the city")


def test_quotes_stripped_first_person_is_direct(nlp):
    text = (
        "Ferries will run late all week the operator said\n"
        "We are doing everything we can to restore the timetable said Lena Fors the operator s director\n"
    )
    q = only(analyse(nlp, text).quotes, "Lena Fors")[0]
    assert q.direct and q.text.startswith("We are doing everything")
    assert q.role == "director"


def test_quotes_role_back_reference_with_the_firm(nlp):
    text = (
        "Analysts at Birchwood Capital said the merger was expected. "
        "Prices will not fall this year said Omar Jalil an economist with the firm."
    )
    q = only(analyse(nlp, text).quotes, "Omar Jalil")[0]
    assert q.role == "economist"
    assert q.organisation == "Birchwood Capital"


def test_quotes_title_before_name_is_role(nlp):
    text = "Councillor Ewan Pryce told the meeting that the budget left no room for new parks."
    q = only(analyse(nlp, text).quotes, "Ewan Pryce")[0]
    assert q.role == "Councillor"


def test_quotes_display_text_drops_that_and_wrapping_marks(nlp):
    text = "Ewan Pryce said that \u201cfrankly the budget is a mess,\u201d and Ada Cole agreed."
    quotes = analyse(nlp, text).quotes
    q = only(quotes, "Ewan Pryce")[0]
    assert q.text.startswith("frankly the budget is a mess")
    assert not q.text.endswith(",") and "\u201c" not in q.text and not q.text.startswith("that")
    c = q.citations[0]
    assert "frankly the budget" in text[c.start : c.end]


# ---------------------------------------------------------------- cue forms (PolNeAR)


def _atts(nlp, text):
    return [
        (
            text[a.cue.start : a.cue.end],
            text[a.source.start : a.source.end] if a.source else None,
            text[a.content[0].start : a.content[-1].end],
        )
        for a in extract_attributions(text, nlp(text))
    ]


def test_attributions_noun_cue_with_possessor(nlp):
    text = "The union's warning that the mill would close alarmed the town. Ada Cole's support for the plan was firm."
    atts = _atts(nlp, text)
    # the source span keeps the possessive mark, as PolNeAR annotates it
    assert ("warning", "The union's", "that the mill would close") in atts
    assert ("support", "Ada Cole's", "the plan") in atts


def test_attributions_bare_noun_is_no_cue(nlp):
    text = "Support for the plan grew in the spring months."
    doc = nlp(text)
    assert not [
        a for a in extract_attributions(text, doc, learned=False) if a.cue_lemma == "support"
    ]
    # the learned noun cue finder may take it as PolNeAR does: sourceless and broad, so the
    # brief never shows it as speech
    assert all(
        a.broad and a.source is None
        for a in extract_attributions(text, doc)
        if a.cue_lemma == "support"
    )


def test_attributions_continued_only_next_to_a_quote(nlp):
    text = '"We will rebuild the pier," Ada Cole continued. Prices continued to rise in the town.'
    cues = [a[0] for a in _atts(nlp, text)]
    assert cues == ["continued"]


def test_attributions_said_in_a_statement_that(nlp):
    text = "Ada Cole said in a statement that the pier would reopen in May."
    # PolNeAR keeps the complementizer inside Content
    assert ("said", "Ada Cole", "that the pier would reopen in May") in _atts(nlp, text)


def test_attributions_told_addressee_colon(nlp):
    text = 'Ada Cole told the crowd: "Nobody will lose their job at the mill."'
    atts = _atts(nlp, text)
    assert atts and atts[0][0] == "told" and atts[0][2].startswith('"Nobody will lose')


def test_attributions_quote_before_subject_with_age(nlp):
    text = '"The mill kept this town alive for a century," Ada Cole, 64, told the paper on Monday.'
    atts = _atts(nlp, text)
    assert atts and atts[0][0] == "told" and atts[0][2].startswith('"The mill kept')


def test_attributions_passive_expectation_has_no_source_and_stays_out_of_quotes(nlp):
    text = "The ferry is expected to resume sailing next week."
    atts = _atts(nlp, text)
    assert atts and atts[0][1] is None and atts[0][2].startswith("The ferry")
    assert analyse(nlp, text).quotes == []


def test_quotes_headline_label_is_no_speaker_and_plural_is_a_group(nlp):
    text = (
        "Update: the ferry will sail again on Monday.\n"
        "Local traders have long complained that the harbour fees are too high."
    )
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("Local traders", "group")]


def test_attributions_reported_by_agent_and_calling_for(nlp):
    text = "The mayor's resignation was first reported by the Gazette. Ada Cole is calling for the council to cut fees."
    atts = _atts(nlp, text)
    assert ("reported", "the Gazette", "The mayor's resignation") in atts
    assert ("is calling", "Ada Cole", "for the council to cut fees") in atts


def test_quotes_phrase_quoted_inside_reported_speech_is_not_direct(nlp):
    text = 'Ada Cole told the meeting that the council had shown "no respect at all" for the harbour traders.'
    q = only(analyse(nlp, text).quotes, "Ada Cole")[0]
    assert not q.direct and "no respect at all" in q.text


def test_quotes_relative_clause_is_not_a_quote(nlp):
    text = "The bridge, which Halden Rail says will cost two million pounds, opens in May."
    assert not [q for q in analyse(nlp, text).quotes if q.text.startswith("which")]


def test_attributions_quote_continued_in_next_sentence_joins_only_on_request(nlp):
    text = 'Ships will dock here next year. "The quay is nearly done," said Ruth Okafor. "We open in May."'
    doc = nlp(text)
    second = text.index('"We open')
    joined = [
        a for a in extract_attributions(text, doc, join_sentences=True) if a.cue_lemma == "say"
    ]
    assert any(c.start == second for c in joined[0].content)
    plain = [a for a in extract_attributions(text, doc) if a.cue_lemma == "say"]
    assert not any(c.start == second for c in plain[0].content)


def test_attributions_raise_is_a_cue_only_for_concerns(nlp):
    text = "The council raised concerns about the budget. The club raised two million dollars last year."
    cues = [
        (text[a.cue.start : a.cue.end], text[a.content[0].start : a.content[-1].end])
        for a in extract_attributions(text, nlp(text))
    ]
    assert any(c == "raised" and "concerns" in body for c, body in cues)
    assert not any("dollars" in body for _, body in cues)


def test_attributions_highlight_advocate_envision(nlp):
    text = (
        "The mayor highlighted the new tram line. Residents advocated for a second bridge. "
        "Few planners envision that the port will close."
    )
    found = {
        a.cue_lemma: text[a.content[0].start : a.content[-1].end]
        for a in extract_attributions(text, nlp(text))
    }
    assert "tram line" in found["highlight"]
    assert "second bridge" in found["advocate"]
    assert found["envision"].startswith("that the port will close") or found["envision"].startswith(
        "the port"
    )


def test_quotes_unclosed_quote_ends_at_its_tag(nlp):
    # the closing mark was lost before the tag: the quote ends there, and the next
    # paragraph's quote is not swallowed into it
    text = (
        "Many towns lost their records in the flood.\n\n"
        '"Nobody told the families which papers they had to keep, said Ortega, whose '
        "group is lobbying the state.\n\n"
        '"We will help them," the mayor said.'
    )
    (quote,) = only(analyse(nlp, text).quotes, "Ortega")
    assert quote.text == "Nobody told the families which papers they had to keep"
    assert quote.direct
    assert len(find_quote_spans(text)) == 2


def test_quotes_untagged_paragraph_after_named_indirect_speech(nlp):
    text = (
        "Paul Okafor said that for years critics had predicted the bridge would close, "
        "but this would not happen.\n\n"
        "\"That's because the river crossing carries most of the county's freight and half "
        'of its commuters."\n\n'
        "The council meets again next week."
    )
    quotes = only(analyse(nlp, text).quotes, "Paul Okafor")
    assert any(q.direct and q.text.startswith("That's because the river") for q in quotes)


def test_quotes_untagged_paragraph_after_indirect_speech_naming_another(nlp):
    # another person named after the speaker's words: the quote may be theirs
    text = (
        "Paul Okafor said that the bridge would close, as Nina Ortega had warned.\n\n"
        "\"The river crossing carries most of the county's freight and half of its "
        'commuters."\n\n'
        "The council meets again next week."
    )
    quotes = analyse(nlp, text).quotes
    assert not any(q.speaker == "Paul Okafor" and q.text.startswith("The river") for q in quotes)


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "Lena Marsh estimates that the region grows about 4 percent a year and stresses "
            "that the factory would welcome new buyers.",
            "the region grows about 4 percent a year",
            "the factory would welcome new buyers",
        ),
        (  # "stresses" parsed as a conjunct of the noun "trade"
            "Lena Marsh guesses that the state represents about 20 percent of the national "
            "timber trade and stresses that the mill would love a share of it.",
            "the state represents about 20 percent of the national timber trade",
            "the mill would love a share of it",
        ),
    ],
)
def test_quotes_two_coordinated_speech_verbs_are_two_quotes(nlp, text, first, second):
    quotes = only(analyse(nlp, text).quotes, "Lena Marsh")
    assert sorted(q.text for q in quotes) == sorted([first, second])
