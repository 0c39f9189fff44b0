"""Attribution forms added for issue 10 (PolNeAR recall) and the quote errors of its hand audit.

Every sentence here is written for the test; none comes from a corpus.
"""

from __future__ import annotations

from storyline.analysis.attribution import extract_attributions
from storyline.analysis.quotemarks import find_quote_spans
from storyline.analysis.quotes import QuoteExtractor
from storyline.model import Analysis, Document


def _quotes(nlp, text: str):
    doc = Document(id="d1", source="test", text=text, turns=[])
    return QuoteExtractor()(Analysis(document=doc, nlp=nlp(text))).quotes


def _atts(nlp, text: str, **kw):
    """(cue, source, content parts) of each attribution, as text."""
    return [
        (
            text[a.cue.start : a.cue.end],
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
        )
        for a in extract_attributions(text, nlp(text), **kw)
    ]


# ---------------------------------------------------------------- quote errors of the audit


def test_second_half_of_a_split_quote_in_the_next_paragraph_keeps_its_speaker(nlp):
    text = (
        "The mayor spoke after the vote.\n\n"
        '"It is not the taxes," Mayor Ruth Calder said.\n\n'
        '"It is the spending, and we will cut it this year."'
    )
    quotes = [q for q in _quotes(nlp, text) if q.speaker == "Ruth Calder"]
    assert any(q.text.startswith("It is not the taxes") for q in quotes)
    second = [q for q in quotes if q.text.startswith("It is the spending")]
    assert second and second[0].direct
    # for PolNeAR's convention the continuation is one content with the first half
    joined = [a for a in _atts(nlp, text, join_sentences=True) if a[0] == "said"]
    assert len(joined[0][2]) == 2


def test_a_new_speakers_paragraph_is_not_a_continuation(nlp):
    text = (
        '"The bridge opens in May," Mayor Ruth Calder said.\n\n'
        'Engineers disagreed. "It will not be ready before autumn," said Omar Haddad.'
    )
    late = [q for q in _quotes(nlp, text) if "autumn" in q.text]
    assert late and all(q.speaker == "Omar Haddad" for q in late)


def test_reporters_lead_in_stays_outside_the_quote(nlp):
    text = 'Prices rose in May, but "nobody panicked at all," the shop owner Lena Ortiz said.'
    (q,) = [q for q in _quotes(nlp, text) if q.speaker == "Lena Ortiz"]
    assert q.text == "nobody panicked at all"
    assert q.direct
    cited = text[q.citations[0].start : q.citations[0].end]
    assert "Prices" not in cited


def test_quote_that_continues_the_reporters_clause_keeps_the_clause(nlp):
    text = 'He called the plan "a total disaster for farmers," Senator Dana Pike said.'
    atts = [a for a in _atts(nlp, text) if a[0] == "said"]
    assert atts and atts[0][2][0].startswith("He called the plan")


def test_doubled_apostrophes_are_quotation_marks(nlp):
    text = "''I will not run again,'' Carla Mendes said on Tuesday. ''My family comes first.''"
    spans = find_quote_spans(text)
    assert [text[g[0].start : g[-1].end] for g in spans] == [
        "''I will not run again,''",
        "''My family comes first.''",
    ]
    quotes = [q for q in _quotes(nlp, text) if q.speaker == "Carla Mendes"]
    assert quotes[0].text == "I will not run again" and quotes[0].direct


def test_denial_survives_into_the_quote_line(nlp):
    text = "Helix Motors later denied that its new sedan would record where drivers go."
    (q,) = _quotes(nlp, text)
    assert q.text.startswith("denied that") and not q.direct


# ---------------------------------------------------------------- PolNeAR cue forms


def test_stance_adjective_after_a_copula(nlp):
    text = "The union was critical of the new contract. Farmers remain confident that prices will recover."
    atts = _atts(nlp, text)
    assert ("was critical of", "The union", ["the new contract"]) in atts
    assert any(
        src == "Farmers" and parts[0].endswith("prices will recover") for _, src, parts in atts
    )
    # a stance is no speech: the brief shows none of them as quotes
    assert not _quotes(nlp, text)


def test_as_clause_attributes_the_main_clause(nlp):
    text = "As the harbour master pointed out, the quay has been closed since the storm."
    atts = _atts(nlp, text)
    assert ("pointed", "the harbour master", ["the quay has been closed since the storm"]) in atts


def test_document_after_in_is_a_source(nlp):
    text = "In a county survey last month, the new tram line had the support of most residents."
    (att,) = [a for a in _atts(nlp, text) if a[0] == "In"]
    assert att[1].startswith("a county survey")
    assert "the new tram line had the support of most residents" in " ".join(att[2])


def test_title_opening_with_a_name_and_a_preposition(nlp):
    text = "Calder To Farmers Worried About Drought: We Will Help You.\nThe mayor spoke on Monday."
    atts = _atts(nlp, text)
    assert (":", "Calder", ["We Will Help You"]) in atts
    assert not any(
        "Monday" in " ".join(parts) for _, _, parts in atts
    )  # a date is not what was said


def test_person_in_commas_before_a_subjectless_cue(nlp):
    text = (
        "At Pine Hollow, where it costs new members a lot to join, Jay Morrow, the club's "
        "president, suggested that rivals had poor management."
    )
    atts = [a for a in _atts(nlp, text) if a[0] == "suggested"]
    assert atts and atts[0][1] == "Jay Morrow, the club's president"


def test_source_by_word_order_spans_its_noun_phrase(nlp):
    text = '"Rates will fall," said Rep. Ann Lowell (D-Ore.), a member of the budget panel.'
    atts = [a for a in _atts(nlp, text) if a[0] == "said"]
    assert atts[0][1].startswith("Rep. Ann Lowell (D-Ore.), a member of the budget panel")
    # the brief still reads the name and role, not the whole span
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Ann Lowell"


def test_source_keeps_an_age_and_a_hyphenated_word(nlp):
    text = (
        "81-year-old Parker Eaton said he liked the plan. "
        "But the fact-checker knows that the figure is wrong."
    )
    sources = {a[1] for a in _atts(nlp, text)}
    assert "81-year-old Parker Eaton" in sources
    assert "the fact-checker" in sources


def test_timestamp_before_a_paragraph_is_not_the_source(nlp):
    text = "12:15 p.m.:\n\nPresident Ada Moreno says that the claims are false."
    atts = [a for a in _atts(nlp, text) if a[0] == "says"]
    assert atts[0][1] == "President Ada Moreno"


def test_quoted_title_in_the_tail_neither_speaks_nor_breaks_the_join(nlp):
    text = (
        "\u201cOf course we will publish the records,\u201d Ann Roe said during an interview on "
        "the show \u201cMeet the Voters\u201d Sunday. \u201cI am very healthy and it is not a problem.\u201d"
    )
    (att,) = [a for a in _atts(nlp, text, join_sentences=True) if a[0] == "said"]
    assert len(att[2]) == 2 and att[2][1].startswith("\u201cI am very healthy")
    assert not any("Meet the Voters" in part for part in att[2])


def test_according_to_closes_the_clause_before_it(nlp):
    text = (
        "The mayor told her that the plan was not simple, according to an account she gave later."
    )
    atts = _atts(nlp, text)
    told = [a for a in atts if a[0] == "told"]
    assert told and told[0][2] == ["that the plan was not simple"]
    assert any(a[0] == "according to" and a[1].startswith("an account") for a in atts)


def test_colon_statement_after_a_verbless_introduction(nlp):
    text = (
        "The study was long.\n"
        "From the report: \u201cSamples with careful weighting gave more accurate results.\u201d\n"
        "Here is Ann Roe in 1992: \u201cOur new direction must rest on the new realities.\u201d"
    )
    atts = _atts(nlp, text)
    assert any(
        a[0] == ":" and a[1] == "the report" and "careful weighting" in a[2][0] for a in atts
    )
    assert any(a[0] == ":" and a[1] == "Ann Roe" and "new direction" in a[2][0] for a in atts)


def test_light_verb_and_speech_noun_are_one_cue(nlp):
    text = (
        "Ann Roe made it clear that her boss wanted a firmer deal. "
        "The senator has been making the case for weeks that the bill is not ready."
    )
    atts = {a[0]: a for a in _atts(nlp, text)}
    assert atts["made it clear"][1:] == ("Ann Roe", ["that her boss wanted a firmer deal"])
    assert atts["has been making the case"][2] == ["that the bill is not ready"]


def test_quote_left_open_at_a_paragraph_start_runs_to_its_end(nlp):
    text = (
        '"We will build the bridge," said Mayor Ruth Calder.\n\n'
        '"The money is there and the engineers are ready to start.\n'
        "The council meets on Monday."
    )
    groups = find_quote_spans(text)
    assert text[groups[-1][0].start : groups[-1][-1].end].endswith("ready to start.")
    (att,) = [a for a in _atts(nlp, text, join_sentences=True) if a[0] == "said"]
    assert any("engineers are ready" in part for part in att[2])


def test_reported_clause_parsed_as_the_governor_of_its_cue(nlp):
    text = "The deal came two days after Ann Roe told the Gazette she was not quite ready to sign."
    atts = [a for a in _atts(nlp, text) if a[0] == "told"]
    assert atts and atts[0][1] == "Ann Roe"
    assert atts[0][2][0].startswith("she was not quite ready")


def test_have_with_a_noun_of_view(nlp):
    text = "Most voters had a favorable opinion of the governor. The club had a long history."
    atts = _atts(nlp, text)
    assert any(a[1] == "Most voters" and a[2] == ["the governor"] for a in atts)
    assert not any("history" in " ".join(a[2]) for a in atts)


def test_seem_and_appear_have_no_source(nlp):
    text = "Support for the mayor appears to have fallen since May."
    (att,) = [a for a in _atts(nlp, text) if a[0] == "appears"]
    assert att[1] is None
    assert att[2] == ["Support for the mayor", "to have fallen since May"]
    assert not _quotes(nlp, text)


def test_cue_verb_under_a_predicate_adjective_takes_the_copulas_subject(nlp):
    text = "Rural voters are far more likely to say that the tax is unfair."
    atts = [a for a in _atts(nlp, text) if a[0].endswith("say")]
    assert atts and atts[0][1] == "Rural voters"
    assert atts[0][2] == ["that the tax is unfair"]


def test_speech_noun_as_subject_of_be(nlp):
    text = "Her campaign slogan was that the city deserves better roads."
    atts = [a for a in _atts(nlp, text) if a[0].endswith("was")]
    assert atts and atts[0][1] == "Her"
    assert atts[0][2] == ["that the city deserves better roads"]
    assert not _quotes(nlp, text)  # a stance, kept for evaluation only


# ---------------------------------------------------------------- speakers of round 2


def test_trailing_publication_credit_does_not_take_the_inner_speakers_words(nlp):
    text = (
        "Meanwhile, in Asia, Brenlow Foods announced that it is expanding its dairy line, "
        "reports Valley Ledger."
    )
    quotes = _quotes(nlp, text)
    said = [q for q in quotes if "expanding its dairy line" in q.text]
    assert said and all(q.speaker == "Brenlow Foods" for q in said)
    assert not any(q.speaker and "Ledger" in q.speaker for q in quotes)


def test_according_to_after_a_speech_clause_keeps_the_inner_speaker(nlp):
    text = "Tamsin Okafor said the mill would close in March, according to the Harbour Gazette."
    quotes = _quotes(nlp, text)
    assert [q.speaker for q in quotes if "mill would close" in q.text] == ["Tamsin Okafor"]


def test_a_credit_with_no_inner_speaker_still_speaks(nlp):
    text = "Ticket prices will rise by a third next season, according to the Harbour Gazette."
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Harbour Gazette"


def test_a_credit_over_a_subordinate_speech_clause_keeps_the_sentence(nlp):
    text = (
        "Mayor Ines Faro leads the race by ten points, with most residents saying the "
        "budget is sound, according to the Tidewater Gazette."
    )
    speakers = {q.speaker for q in _quotes(nlp, text) if q.text.startswith("Mayor Ines Faro")}
    assert speakers == {"Tidewater Gazette"}


def test_an_organisation_described_not_named_is_the_speaker(nlp):
    text = 'The council issued a statement: "We will reopen the bridge by the end of June."'
    (q,) = _quotes(nlp, text)
    assert (q.speaker, q.speaker_kind) == ("The council", "organisation")
    text = "The company said in a statement that it would cut 300 jobs at its main plant."
    (q,) = _quotes(nlp, text)
    assert (q.speaker, q.speaker_kind) == ("The company", "organisation")


def test_a_described_organisation_resolves_to_the_one_named_organisation_it_fits(nlp):
    text = (
        "The Wexmoor District Council met on Tuesday to discuss the flood damage. "
        'The council issued a statement: "We will reopen the bridge by the end of June."'
    )
    reopen = [q for q in _quotes(nlp, text) if "reopen the bridge" in q.text]
    assert [q.speaker for q in reopen] == ["Wexmoor District Council"]
    two = (
        "The Wexmoor District Council and the Lindale Borough Council met on Tuesday. "
        'The council issued a statement: "We will reopen the bridge by the end of June."'
    )
    reopen = [q for q in _quotes(nlp, two) if "reopen the bridge" in q.text]
    assert [q.speaker for q in reopen] == ["The council"]  # two fit: none is chosen


def test_an_indefinite_organisation_noun_is_not_a_speaker(nlp):
    text = "A company said in a filing that prices would rise sharply next year."
    assert all(q.speaker is None for q in _quotes(nlp, text))


# ---------------------------------------------------------------- issue 10, third pass (recall)


def _one(atts, cue):
    found = [a for a in atts if a[0].endswith(cue) or a[0].startswith(cue)]
    assert found, f"no attribution with cue {cue!r} in {atts}"
    return found[0]


def test_a_cue_verb_reports_the_object_of_a_content_preposition(nlp):
    _, source, content = _one(
        _atts(nlp, "Doctors warned of a sharp rise in flu cases this winter."), "warned"
    )
    assert source == "Doctors" and content == ["a sharp rise in flu cases this winter"]


def test_the_one_urged_to_act_belongs_to_the_content(nlp):
    text = "The governor urged residents to stay indoors during the storm."
    _, source, content = _one(_atts(nlp, text), "urged")
    assert source == "The governor"
    assert content == ["residents to stay indoors during the storm"]


def test_a_trailing_cue_before_a_paragraph_break_takes_the_clause_before_it(nlp):
    text = "Rents will keep rising next year, the housing board said.\n\nIt meets in May."
    _, source, content = _one(_atts(nlp, text), "said")
    assert source == "the housing board" and content == ["Rents will keep rising next year"]


def test_by_saying_takes_the_subject_of_the_governing_verb(nlp):
    text = "The senator ended the debate by saying that the bill would pass easily."
    _, source, content = _one(_atts(nlp, text), "saying")
    assert source == "The senator" and content == ["that the bill would pass easily"]


def test_a_sign_saying_x_is_the_sign_s_claim(nlp):
    text = "Protesters carried a large banner saying the mine must close."
    _, source, content = _one(_atts(nlp, text), "saying")
    assert source == "a large banner" and content == ["the mine must close"]
    # a thing's message is kept for evaluation, not shown in the brief as someone's speech
    assert not any("mine must close" in q.text for q in _quotes(nlp, text))


def test_a_speaker_after_a_trailing_cue_is_the_source(nlp):
    text = '"We have never seen a season like this," added a local fisherman.'
    _, source, content = _one(_atts(nlp, text), "added")
    assert source == "a local fisherman"
    assert content[0].startswith('"We have never seen')


def test_a_name_before_an_aside_is_the_subject(nlp):
    text = "Okafor, meanwhile, who holds no seat, said the vote was rigged."
    _, source, content = _one(_atts(nlp, text), "said")
    assert source == "Okafor" and content == ["the vote was rigged"]


def test_verbs_learned_from_train_are_cues(nlp):
    text = "The ministry unveiled a plan to cut school fees by half."
    _, source, content = _one(_atts(nlp, text), "unveiled")
    assert source == "The ministry" and content == ["a plan to cut school fees by half"]


def test_light_verb_and_view_noun_cues_share_one_builder(nlp):
    made = _atts(nlp, "The mayor made the case that the bridge must be rebuilt soon.")
    _, source, content = _one(made, "made the case")
    assert source == "The mayor" and content == ["that the bridge must be rebuilt soon"]
    had = _atts(nlp, "Most voters had a favorable opinion of the new governor.")
    _, source, content = _one(had, "had a favorable opinion of")
    assert source == "Most voters" and content == ["the new governor"]


def test_seem_with_an_adjective_is_a_sourceless_inference(nlp):
    _, source, content = _one(_atts(nlp, "The crowd seemed restless and tired."), "seemed")
    assert source is None and content == ["The crowd", "restless and tired"]


def test_a_trailing_cue_after_a_quote_split_off_at_its_exclamation_mark(nlp):
    from storyline.analysis.pipeline import parse
    from storyline.ingest.segment import segment

    text = '"We will never give up!" Ann Roe, the union leader, said as the crowd cheered.'
    _, sentences = segment(text)
    doc = parse(Document(id="d", source="t", text=text, sentences=sentences), nlp)
    assert len(list(doc.sents)) == 2  # the splitter cuts after the quote
    atts = [
        (text[a.source.start : a.source.end], [text[c.start : c.end] for c in a.content])
        for a in extract_attributions(text, doc)
        if a.source is not None
    ]
    assert ("Ann Roe, the union leader", ['"We will never give up!"']) in atts


# ---------------------------------------------------------------- issue 10, cues4


def test_a_hearing_body_that_heard_or_was_told_is_the_source(nlp):
    text = (
        "The inquest heard that Mrs Dunmore was an experienced walker. "
        "The court was told the driver had fled the country in May."
    )
    atts = _atts(nlp, text)
    assert ("heard", "The inquest", ["Mrs Dunmore was an experienced walker"]) in atts
    assert ("was told", "The court", ["the driver had fled the country in May"]) in atts
    speakers = {q.speaker for q in _quotes(nlp, text)}
    assert {"The inquest", "The court"} <= speakers


def test_heard_from_a_witness_is_not_the_bodys_statement(nlp):
    text = "The inquest heard from the pathologist that she had died at once."
    assert not any(src == "The inquest" for _, src, _ in _atts(nlp, text))


def test_called_or_described_with_a_predicate_is_speech(nlp):
    text = (
        'Her lawyer, Tom Vane, has called the claims "baseless" but declined to comment. '
        "Carl Mott described the path as very dangerous in the dark."
    )
    said = {(q.speaker, q.text) for q in _quotes(nlp, text)}
    assert ("Tom Vane", 'the claims "baseless"') in said
    assert any(s == "Carl Mott" and t.startswith("the path as very dangerous") for s, t in said)


def test_called_without_a_predicate_is_no_quote(nlp):
    text = "The mayor called the meeting to order. The mayor called for calm."
    assert not [q for q in _quotes(nlp, text) if q.speaker == "The mayor"]


def test_a_statement_after_a_colon_paragraph_without_marks(nlp):
    text = (
        "The firm's chief officer, Ana Ruiz, said:\n\n"
        "At Acme, we want people to grow. We offer a year of leave.\n\n"
        "Staff welcomed it."
    )
    (att,) = [a for a in _atts(nlp, text) if a[0] == "said"]
    assert att[1] == "The firm's chief officer, Ana Ruiz"
    assert att[2] == ["At Acme, we want people to grow. We offer a year of leave"]
    # kept for evaluation (PolNeAR) but not shown as a brief quote: on the quote gold it
    # added a wrong speaker and no right one
    assert not [q for q in _quotes(nlp, text) if q.text.startswith("At Acme")]


def test_a_colon_with_its_statement_in_the_same_paragraph_is_unchanged(nlp):
    text = "Ruiz said: we will open in May.\n\nStaff welcomed it."
    (att,) = [a for a in _atts(nlp, text) if a[0] == "said"]
    assert att[2] == ["we will open in May"]


def test_fired_back_is_a_trailing_cue_and_fired_alone_is_none(nlp):
    text = '"Who says so?" Mr Kemp fired back. The club fired the coach last week.'
    atts = _atts(nlp, text)
    assert ("fired", "Mr Kemp", ['"Who says so?"']) in atts
    assert len(atts) == 1


def test_a_title_before_the_name_after_an_inverted_cue(nlp):
    text = '"Most of them," replied anchor Dana Reyes.'
    (att,) = _atts(nlp, text)
    assert att[1] == "Dana Reyes"
    assert [q.speaker for q in _quotes(nlp, text)] == ["Dana Reyes"]


def test_a_passive_description_keeps_its_object_and_predicate(nlp):
    text = "The stadium plan was described by Carl Mott as a waste of public money."
    (att,) = _atts(nlp, text)
    assert att[1] == "Carl Mott"
    assert att[2] == ["The stadium plan", "as a waste of public money"]
    assert [q.speaker for q in _quotes(nlp, text)] == ["Carl Mott"]


# ---------------------------------------------------------------- issue 10, attrib7


def test_a_short_quoted_sentence_after_a_tag_is_speech(nlp):
    text = '"The library stays open all summer," Mayor Ruth Calder wrote. "That is final."'
    quotes = [q for q in _quotes(nlp, text) if q.speaker == "Ruth Calder"]
    assert any(q.text.startswith("That is final") and q.direct for q in quotes)


def test_a_short_quoted_phrase_inside_a_sentence_stays_a_scare_quote(nlp):
    text = (
        '"The library stays open all summer," Mayor Ruth Calder wrote. '
        'Children can read in its "quiet corner" after school.'
    )
    assert not any("quiet corner" in q.text for q in _quotes(nlp, text))


def _segmented(nlp, text: str):
    from storyline.analysis.pipeline import parse
    from storyline.ingest.segment import segment

    _, sentences = segment(text)
    return parse(Document(id="d", source="t", text=text, sentences=sentences), nlp)


def _sourced(nlp, text: str):
    return [
        (text[a.source.start : a.source.end], [text[c.start : c.end] for c in a.content])
        for a in extract_attributions(text, _segmented(nlp, text))
        if a.source is not None
    ]


def test_a_tag_opening_the_next_sentence_owns_the_question_before_it(nlp):
    text = (
        '"We must save money," Councillor Omar Haddad said.\n\n'
        '"Why would anyone close a library?" Mayor Ruth Calder questioned.'
    )
    atts = _sourced(nlp, text)
    assert ("Mayor Ruth Calder", ['"Why would anyone close a library?"']) in atts
    assert not any(src == "Councillor Omar Haddad" and "library" in "".join(c) for src, c in atts)


def test_an_exclamation_takes_the_manner_of_speech_verb_after_it(nlp):
    text = 'Mayor Ruth Calder left the hall. "We will keep it open!" she exclaimed.'
    assert ("she", ['"We will keep it open!"']) in _sourced(nlp, text)
    # without a quote next to it the verb reports nothing
    assert not _sourced(nlp, "The crowd exclaimed in surprise when the lights went out.")


def test_a_quote_paragraph_carries_on_after_a_long_verbless_tag(nlp):
    text = (
        '"The bridge will open in May," Mayor Ruth Calder told the transport committee, '
        "a panel of nine elected members from across the northern region.\n\n"
        '"After that, the tolls will fall every single year."'
    )
    later = [q for q in _quotes(nlp, text) if q.text.startswith("After that")]
    assert later and later[0].speaker == "Ruth Calder"


def test_a_long_tag_with_a_clause_of_its_own_does_not_carry_on(nlp):
    text = (
        '"The bridge will open in May," Mayor Ruth Calder said, before the committee '
        "voted against the plan that the northern councils had drawn up last year.\n\n"
        '"After that, the tolls will fall every single year."'
    )
    later = [q for q in _quotes(nlp, text) if q.text.startswith("After that")]
    assert not any(q.speaker == "Ruth Calder" for q in later)


def test_a_quote_after_a_narration_sentence_about_the_speaker_is_hers(nlp):
    same_paragraph = (
        '"I was stunned," said Ruth Calder, 52. "Nobody had warned us."\n\n'
        "After the vote she drove straight to the depot, where the buses stood empty. "
        '"It felt like a ghost town."'
    )
    own_paragraph = (
        '"I was stunned," said Ruth Calder, 52.\n\n'
        "After the vote she drove straight to the depot, where the buses stood empty.\n\n"
        '"It felt like a ghost town."'
    )
    for text in (same_paragraph, own_paragraph):
        ghost = [q for q in _quotes(nlp, text) if "ghost town" in q.text]
        assert ghost and ghost[0].speaker == "Ruth Calder" and ghost[0].direct, text


def test_a_narration_sentence_about_someone_else_breaks_the_carry(nlp):
    text = (
        '"I was stunned," said Ruth Calder, 52.\n\n'
        "After the vote, Omar Haddad drove to the depot, where the buses stood empty. "
        '"It felt like a ghost town."'
    )
    ghost = [q for q in _quotes(nlp, text) if "ghost town" in q.text]
    assert not any(q.speaker == "Ruth Calder" for q in ghost)
