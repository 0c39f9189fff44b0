"""Timeline: dated events across articles, merged, ordered, targets apart."""

from __future__ import annotations

from storyline.analysis.clauses import find_clauses
from storyline.analysis.dates import resolve_dates
from storyline.briefing.timeline import build_timeline, clause, dated_sentences
from storyline.model import Analysis, Document


def analysed(doc_id: str, text: str, published: str | None) -> Analysis:
    granularity = None if published is None else {4: "year", 7: "month", 10: "day"}[len(published)]
    doc = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        published=published,
        published_granularity=granularity,
    )
    return Analysis(document=doc, dates=resolve_dates(text, published))


def test_timeline_orders_and_cites():
    a = analysed(
        "a", "The bridge opened in 2009. The mayor resigned on March 3, 2011.", "2012-01-05"
    )
    events = build_timeline([a], lead_events=False)
    assert [e.date for e in events] == ["2009", "2011-03-03"]
    for e in events:
        c = e.citations[0]
        assert a.document.text[c.start : c.end] == e.text


def test_timeline_merges_same_event_across_documents():
    a = analysed(
        "a",
        "The city council approved the new stadium on Tuesday after a long debate.",
        "2015-06-10",
    )
    b = analysed(
        "b",
        "On June 9, 2015 the city council approved the new stadium after a long debate.",
        "2015-06-12",
    )
    c = analysed("c", "The city council approved the new stadium in June 2015.", "2015-07-01")
    d = analysed("d", "Floods closed the airport on Tuesday.", "2015-06-10")
    events = build_timeline([a, b, c, d], lead_events=False)
    stadium = [e for e in events if "stadium" in e.text]
    assert len(stadium) == 1
    assert stadium[0].date == "2015-06-09" and stadium[0].granularity == "day"
    assert stadium[0].support == 3
    assert {x.document for x in stadium[0].citations} == {"a", "b", "c"}
    assert any("airport" in e.text and e.support == 1 for e in events)


def test_timeline_does_not_merge_incompatible_dates():
    a = analysed("a", "The company cut 500 jobs in 2012.", "2014")
    b = analysed("b", "The company cut 500 jobs in 2013.", "2014")
    assert [e.date for e in build_timeline([a, b])] == ["2012", "2013"]


def test_timeline_targets_are_flagged_and_kept_after_past_events():
    a = analysed(
        "a",
        "By 2019 the firm wants revenue to reach 10 billion. The firm was founded in 2011.",
        "2014",
    )
    events = build_timeline([a])
    assert [(e.date, e.future) for e in events] == [("2011", False), ("2019", True)]


def test_timeline_trims_long_sentences_to_the_clause():
    text = (
        "The minister, who had served in three governments and survived two scandals, "
        "spoke for an hour about the budget, the hospitals, the schools and the roads; "
        "the finance committee rejected the plan on Tuesday, citing costs that had doubled "
        "since the first estimate and the lack of any independent review of the figures."
    )
    a = analysed("a", text, "2015-06-10")
    (event,) = build_timeline([a], lead_events=False)
    assert event.date == "2015-06-09"
    assert event.text.startswith("the finance committee rejected the plan on Tuesday")
    assert len(event.text.split()) <= 40
    c = event.citations[0]
    assert text[c.start : c.end] == event.text


def test_timeline_clause_keeps_short_sentences_whole():
    text = "The plan was rejected on Tuesday, officials said."
    mention = resolve_dates(text, "2015-06-10")[0]
    assert clause(text, 0, len(text), mention) == (0, len(text))


def test_timeline_lead_events_use_publication_date():
    a = analysed("a", "Storm hits the coast.\nThousands lost power in the night.", "2015-06-10")
    assert build_timeline([a]) == []  # off by default: a brief's lead is often a headline
    (event,) = build_timeline([a], lead_events=True)
    assert (event.date, event.text) == ("2015-06-10", "Storm hits the coast.")
    undated = analysed("b", "Storm hits the coast.", None)
    assert build_timeline([undated]) == []
    assert dated_sentences(undated, lead=1) == []
    year_only = analysed("c", "Storm hits the coast.", "2015")
    assert build_timeline([year_only]) == []
    assert len(dated_sentences(year_only, lead=1)) == 1


def test_timeline_seed_articles(seeds_dir):
    analyses = []
    for path in sorted(seeds_dir.glob("*.txt")):
        year = path.name[:4]
        analyses.append(analysed(path.name[:4], path.read_text(), year))
    events = build_timeline(analyses)

    def dated(doc: str, phrase: str) -> set[tuple[str, bool]]:
        return {
            (e.date, e.future)
            for e in events
            if any(c.document == doc for c in e.citations) and phrase in e.text
        }

    assert ("2012-10", False) in dated("2013", "last October's Congressional report")
    assert ("2013", False) in dated("2013", "On Tuesday")
    assert ("2013-01", False) in dated("2013", "in January")
    assert ("2013", False) in dated("2014", "Last year it made")
    assert ("2019", True) in dated("2014", "by 2019")
    assert ("2011", False) in dated("2014", "in 2011")
    assert ("2018", True) in dated("2014", "in 2018")
    assert ("2017", False) in dated("2018", "in 2017")
    assert ("2018", False) in dated("2018", "on Tuesday")
    past = [e.date for e in events if not e.future]
    assert past == sorted(past) and all(e.future for e in events[len(past) :])


def test_timeline_two_dates_in_one_sentence_get_their_own_clauses(nlp):
    # 2023-11-02 is a Thursday; "on Tuesday" is 2023-10-31.
    text = (
        "North Quay Ports said on Tuesday that the cost of its Castlereagh Dock extension has risen to "
        "£900m, up from the £600m it quoted when the scheme was approved in March, citing higher prices "
        "for cranes and concrete."
    )
    a = analysed("a", text, "2023-11-02")
    a.clauses = find_clauses(nlp(text))  # the parse the analysis stores; the brief never parses
    events = build_timeline([a], lead_events=False)
    by_date = {e.date: e.text for e in events}
    assert set(by_date) == {"2023-10-31", "2023-03"}
    assert by_date["2023-10-31"].startswith("North Quay Ports said on Tuesday that the cost")
    assert by_date["2023-03"] == "the scheme was approved in March"
    for e in events:
        c = e.citations[0]
        assert text[c.start : c.end] == e.text


def test_timeline_one_event_per_sentence_and_date():
    a = analysed("a", "Prices rose in March and fell back in March.", "2023-11-02")
    assert [e.date for e in build_timeline([a], lead_events=False)] == ["2023-03"]


def test_timeline_targets_told_by_two_documents_merge():
    a = analysed(
        "a",
        "Work is due to begin next year, and Norland Power aims to connect the first homes by 2027.",
        "2023-03-14",
    )
    b = analysed(
        "b",
        "Norland Power still plans to begin work in the spring and to connect the first homes by 2027.",
        "2023-11-02",
    )
    targets = [e for e in build_timeline([a, b], lead_events=False) if e.date == "2027"]
    assert len(targets) == 1 and targets[0].future and targets[0].support == 2


def test_timeline_punctuation_fallback_never_starts_inside_a_name():
    # The 40-word window around the date would begin at each word of the name in turn.
    middle = "which runs the old dock and the ferry terminal and the fish market on the north shore and more"
    for n in range(12, 22):
        text = (
            "In the end Castle Harbour Holdings Group, "
            + " ".join(middle.split()[:n])
            + ", confirmed on "
            "Tuesday that the dredging contract had been signed with a firm from the port of Rotterdam after a "
            "long and difficult tender that ran for most of the year and cost a great deal of money."
        )
        mention = resolve_dates(text, "2023-11-02")[0]
        s, e = clause(text, 0, len(text), mention)
        assert s <= mention.start and mention.end <= e
        assert not text[s:e].startswith(("Harbour", "Holdings", "Group")), text[s:e]


def test_timeline_short_sentence_keeps_its_subject_and_first_person_its_speaker():
    from storyline.model import Citation, Quote

    text = "The European area is the top area we will focus on this year."
    a = analysed("a", text, "2018-03-01")
    a.quotes = [
        Quote(
            text=text,
            direct=True,
            speaker="Kevin Ho",
            speaker_kind="person",
            citations=[Citation("a", 0, len(text))],
        )
    ]
    (event,) = build_timeline([a], lead_events=False, parse=False)
    assert event.text == text  # the whole sentence, subject kept
    c = event.citations[0]
    assert text[c.start : c.end] == text
    # the brief names the first-person speaker, in one place (briefing/readable.py)
    from storyline.briefing.readable import standalone

    assert standalone(event.text, a, c.start, c.end) == f"Kevin Ho: “{text}”"


def test_timeline_superseded_plans_are_marked_and_one_target_merges():
    from storyline.model import EntityMention

    def doc(doc_id, text, published):
        a = analysed(doc_id, text, published)
        a.entities = [
            EntityMention("Norland Power", "ORG", i, i + 13, "Norland Power")
            for i in range(len(text))
            if text.startswith("Norland Power", i)
        ]
        return a

    a = doc(
        "a",
        "Norland Power aims to deliver first power by 2027. Norland Power is big.",
        "2023-03-14",
    )
    b = doc(
        "b",
        "Norland Power is still on course for first power in 2027. Norland Power said so.",
        "2024-05-21",
    )
    c = doc(
        "c",
        "Norland Power now expects first power in 2028. Norland Power blamed storms.",
        "2024-09-10",
    )
    events = build_timeline([a, b, c], lead_events=False, parse=False)
    targets = {e.date: e for e in events if e.future}
    assert set(targets) == {"2027", "2028"}
    assert targets["2027"].support == 2  # told two ways, one target
    assert targets["2027"].text.endswith(" (later moved to 2028)")
    assert not targets["2028"].text.startswith("(later")


def test_timeline_plans_called_off_or_delayed_later_are_marked():
    plan = analysed(
        "a", "Corran Ferries plans to open the new harbour terminal in 2026.", "2024-02-01"
    )
    other = analysed(
        "b",
        "Lakeside Rail expects its harbour terminal to take first trains in 2026.",
        "2024-02-01",
    )
    later = analysed(
        "c",
        "Corran Ferries has scrapped the harbour terminal after costs doubled.",
        "2024-09-10",
    )
    events = build_timeline([plan, other, later], lead_events=False, parse=False)
    texts = sorted(e.text for e in events if e.future)
    assert texts == [
        "Corran Ferries plans to open the new harbour terminal in 2026. (later called off)",
        "Lakeside Rail expects its harbour terminal to take first trains in 2026.",  # not theirs
    ]
    delayed = analysed(
        "d", "Corran Ferries postponed the harbour terminal until the autumn.", "2024-05-01"
    )
    (target,) = [e for e in build_timeline([plan, delayed], lead_events=False) if e.future]
    assert target.text.endswith("(later delayed)")


def test_timeline_plans_are_not_marked_by_denials_or_earlier_reports():
    plan = analysed(
        "a", "Corran Ferries plans to open the new harbour terminal in 2026.", "2024-02-01"
    )
    denial = analysed(
        "b", "Corran Ferries has not scrapped the harbour terminal, its chief said.", "2024-09-10"
    )
    earlier = analysed(
        "c", "Corran Ferries scrapped an older harbour terminal design in 2022.", "2023-01-05"
    )
    events = build_timeline([plan, denial, earlier], lead_events=False, parse=False)
    (target,) = [e for e in events if e.future]
    assert "(later" not in target.text


def test_timeline_one_day_told_three_ways_is_one_event():
    # 2023-11-02 is a Thursday: "on Tuesday" is October 31.
    a = analysed(
        "a", "Rescuers pulled 12 miners from the flooded Dunmore pit on Tuesday.", "2023-11-02"
    )
    b = analysed("b", "Twelve miners were freed from the Dunmore pit on October 31.", "2023-11-03")
    c = analysed(
        "c", "On Tuesday rescue teams freed the miners trapped in the flooded pit.", "2023-11-01"
    )
    d = analysed("d", "The Dunmore council also voted on a new budget on October 31.", "2023-11-03")
    events = build_timeline([a, b, c, d], lead_events=False, parse=False)
    assert [(e.date, e.support) for e in events] == [("2023-10-31", 3), ("2023-10-31", 1)]
    assert "budget" in events[1].text


def test_timeline_object_relative_clause_is_no_event_on_its_own(nlp):
    text = (
        "Speaking to engineers and suppliers at the annual gathering in the old harbour hall on "
        "the north shore, the chief executive of Corran Ferries called the northern route the "
        "single most important market that staff would focus on this year, well ahead of the "
        "southern islands."
    )
    a = analysed("a", text, "2023-11-02")
    a.clauses = find_clauses(nlp(text))
    (event,) = build_timeline([a], lead_events=False)
    assert not event.text.startswith(("the single", "that staff", "market")), event.text
    assert "Corran Ferries" in event.text  # the subject stays
    c = event.citations[0]
    assert text[c.start : c.end] == event.text


def test_timeline_plan_its_own_sentence_revises_is_no_current_target():
    a = analysed(
        "a",
        "Originally Corran Ferries hoped to carry a million passengers in 2026 but pushed the "
        "goal back a year. Corran Ferries now aims to carry a million passengers in 2027.",
        "2024-02-01",
    )
    events = build_timeline([a], lead_events=False, parse=False)
    assert [(e.date, e.future, e.text.endswith("(superseded)")) for e in events] == [
        ("2026", True, True),
        ("2027", True, False),
    ]


def test_timeline_photo_captions_and_trend_starts_are_no_events():
    a = analysed(
        "a",
        "Enlarge image Dunmore Votes Again Ann Reed/AFP/Getty Images Voters queue on Jan. 2, "
        "2012 in Dunmore. The two towns have been rivals since the 1979 flood. The council "
        "voted on Jan. 3, 2012 to merge them.",
        None,
    )
    events = build_timeline([a], lead_events=False, parse=False)
    assert [e.date for e in events] == ["2012-01-03"]


def test_timeline_the_end_of_a_period_is_no_event():
    a = analysed(
        "a",
        "The senator read out minutes of board meetings held from 2012 to 2014. "
        "The board met between March 2015 and June 2016. The board resigned in 2017.",
        "2018-05-02",
    )
    events = build_timeline([a], lead_events=False, parse=False)
    assert [e.date for e in events] == ["2017"]


def test_timeline_a_noun_and_its_relative_clause_give_way_to_the_sentence(nlp):
    text = (
        "Dunmore Council named its new harbour master on Monday, ending a search that began "
        "in 2021. Officials questioned Ann Reed, a former pilot, who was hired in March and "
        "left the post soon after."
    )
    a = analysed("a", text, "2023-10-04")
    a.clauses = find_clauses(nlp(text))
    events = build_timeline([a], lead_events=False)
    # one line per passage, under the date of its main clause ("began" is irregular)
    assert [(e.date, e.text.split()[0]) for e in events] == [
        ("2023-03", "Officials"),
        ("2023-10-02", "Dunmore"),
    ]


def test_timeline_line_leaves_out_the_wire_dateline():
    for opening in ("DUNMORE (Wirenews) - ", "DUNMORE, Ireland — ", "(Wirenews) -- "):
        a = analysed("a", opening + "The council delayed the harbour vote on Monday.", "2023-10-04")
        (event,) = build_timeline([a], lead_events=False, parse=False)
        assert event.text == "The council delayed the harbour vote on Monday.", opening
        c = event.citations[0]
        assert a.document.text[c.start : c.end] == event.text


def test_timeline_a_possessive_date_inside_its_clause_dates_a_thing_not_the_clause():
    a = analysed(
        "a",
        "The new budget includes the cost of last summer's storm delays. "
        "Wednesday's ruling threw out the appeal. "
        "The council said that Monday's vote was final.",
        "2025-01-16",
    )
    events = build_timeline([a], lead_events=False, parse=False)
    assert [e.date for e in events] == ["2025-01-13", "2025-01-15"]


def test_timeline_a_clause_at_another_time_is_its_own_event(nlp):
    text = (
        "The final vote, held after the mayor was ousted in February, covers nine wards "
        "of the city. Turnout rose when polls opened on Tuesday across the nine wards."
    )
    a = analysed("a", text, "2012-01-05")
    a.clauses = find_clauses(nlp(text))
    events = build_timeline([a], lead_events=False)
    assert [(e.date, e.text) for e in events] == [
        ("2011-02", "The mayor was ousted in February"),
        # "when" shares the main clause's time: the sentence is Tuesday's news
        ("2012-01-03", "Turnout rose when polls opened on Tuesday across the nine wards."),
    ]


def test_timeline_a_since_clause_is_where_a_comparison_starts_not_an_event(nlp):
    text = (
        "It was the largest margin for a mayor since Dale Mercer won the city in 1996. "
        "Turnout rose on Tuesday across the nine wards."
    )
    a = analysed("a", text, "2012-01-05")
    a.clauses = find_clauses(nlp(text))
    assert [e.date for e in build_timeline([a], lead_events=False)] == ["2012-01-03"]


def test_timeline_an_undated_article_takes_the_year_of_its_story_s_other_dates():
    a = analysed("a", "Voters queued in Dunmore on Jan. 4, 2012 for the final round.", None)
    b = analysed("b", "The Dunmore council met on Tuesday to count the votes.", None)
    events = build_timeline([a, b], lead_events=False, parse=False)
    assert sorted((e.date, e.citations[0].document) for e in events) == [
        ("2012", "b"),
        ("2012-01-04", "a"),
    ]
    assert b.dates[0].value is None  # the analysis itself is left as it was


def test_timeline_borrows_no_year_from_coverage_spanning_more_than_a_month():
    a = analysed("a", "Voters queued in Dunmore on Jan. 4, 2012 for the final round.", None)
    c = analysed("c", "The Dunmore recount ended on March 20, 2012 in a tie.", None)
    b = analysed("b", "The Dunmore council met on Tuesday to count the votes.", None)
    events = build_timeline([a, b, c], lead_events=False, parse=False)
    assert all(e.citations[0].document != "b" for e in events)


def test_timeline_a_clause_in_someone_s_words_or_a_plan_stays_in_its_sentence(nlp):
    text = (
        "The generals say they will not cede power before elections are held by the end of "
        "June in every province."
    )
    a = analysed("a", text, "2012-01-05")
    a.clauses = find_clauses(nlp(text))
    (event,) = build_timeline([a], lead_events=False)
    assert event.text.startswith("The generals say"), event.text


def _dates(text: str, published: str = "2015-06-12") -> list[tuple[str, str]]:
    return [(d.date, d.text) for d in dated_sentences(analysed("a", text, published))]


def test_states_at_a_time_are_no_events():
    # a state "as of" a day, a span "for the whole year", a hypothetical, an embed's markup
    assert _dates("As of Thursday, no paper has covered the survey.") == []
    assert _dates("For the whole year last year, we sat quietly and watched.") == []
    assert _dates("Still, if you were buying today, you would buy the red one.") == []
    assert _dates('<tweet tweet-author="@someone" tweet-date="June 11, 2015">Great game.') == []
    assert _dates("The group will lobby lawmakers between now and March.") == []
    assert _dates("Turnout was the highest since at least 1980.") == []
    # but a happening on a day stays
    assert _dates("The mayor resigned on Thursday after the vote.") == [
        ("2015-06-11", "The mayor resigned on Thursday after the vote.")
    ]


def test_a_days_event_the_clause_happens_at_dates_it():
    # "at Tuesday's debate": the clause took place there; "the cost of last summer's
    # storms" still dates a thing, not the line
    assert _dates("The two senators clashed over taxes at Tuesday's debate in Ohio.") == [
        ("2015-06-09", "The two senators clashed over taxes at Tuesday's debate in Ohio.")
    ]
    assert _dates("The budget includes the cost of last summer's storms.") == []


def test_no_event_from_a_poll_field_date_a_span_end_or_a_quoted_today() -> None:
    text = (
        "Mercer leads Lind by 8 points in the survey, taken July 11-14, among likely voters. "
        "The club was known until last month as the Harbour Club. "
        "The bank faces legal challenges through December. "
        "“What voters confirmed here tonight is a revolution,” Lind said on Tuesday."
    )
    events = build_timeline([analysed("a", text, "2016-07-20")])
    assert [e.date for e in events] == ["2016-07-19"]  # Tuesday, not "tonight"


def test_a_date_that_describes_a_thing_is_no_event(nlp) -> None:
    text = "Voters have been drawn to moderates, such as Dale Mercer in 2008. Lind won in 2012."
    doc = Document(id="a", source="a.txt", text=text, published="2016-01-20")
    doc.published_granularity = "day"
    analysis = Analysis(document=doc, dates=resolve_dates(text, "2016-01-20", nlp(text)))
    assert [e.date for e in build_timeline([analysis], parse=False)] == ["2012"]


def test_no_event_from_a_change_over_a_period() -> None:
    text = (
        "Support for Lind rose from 11 percent in April to 19 percent in August. "
        "Mercer graduated from Harbour High School in 2001."
    )
    events = build_timeline([analysed("a", text, "2016-09-04")], parse=False)
    assert [e.date for e in events] == ["2001"]


def test_no_event_from_an_earlier_value_or_a_period_start() -> None:
    text = (
        "A poll released Friday found 70 percent backed Lind, a drop from 76 percent "
        "who said the same in April. The campaign will begin airing ads after Monday. "
        "Mercer resigned after Monday's vote."
    )
    events = build_timeline([analysed("a", text, "2016-09-07")], lead_events=False, parse=False)
    assert [e.date for e in events] == ["2016-09-02", "2016-09-05"]
    assert "resigned" in events[1].text


def test_a_since_clause_in_reported_words_is_no_event_either(nlp):
    text = (
        "Ever since Dale Mercer announced his candidacy last year, he has said the same "
        "thing at every stop. Mercer won the vote on Tuesday."
    )
    a = analysed("a", text, "2016-02-10")
    a.clauses = find_clauses(nlp(text))
    assert [e.date for e in build_timeline([a], lead_events=False)] == ["2016-02-09"]


def test_a_date_in_a_persons_who_clause_dates_that_clause_told_with_the_name() -> None:
    from storyline.api import analyze
    from storyline.ingest import document_from_text

    text = (
        "Richard Roe, a Texas oilman who backed the campaign of Gov. Rick Perry of Texas "
        "last year, gave the group $500,000."
    )
    (a,) = analyze([document_from_text(text, "x.txt", date="2016-03-22")])
    (item,) = dated_sentences(a)
    # last year is when Roe backed Perry, not when he gave the $500,000
    assert item.date == "2015"
    assert item.text == "[Richard Roe] backed the campaign of Gov. Rick Perry of Texas last year"
    assert text[item.start : item.end].startswith("who backed")


def test_a_since_phrase_of_a_doing_starts_a_state_and_is_no_event() -> None:
    text = (
        "Jane Roe has given more than $400,000 to candidates since retiring in 2010. "
        "Since leaving the White House in 2009, he has written two books. "
        "She retired in 2010."
    )
    a = analysed("a", text, "2016-05-09")
    items = dated_sentences(a, candidates=True)
    assert [(d.date, d.dropped) for d in items] == [
        ("2010", "since"),
        ("2009", "since"),
        ("2010", None),
    ]


def test_a_date_inside_a_condition_is_no_event() -> None:
    # 2016-05-11 is a Wednesday
    text = (
        "The council could lose its majority if the mayor runs again in November. "
        "Each side said the other would be to blame if the vote fails and prices rise this summer. "
        '"If we lose this one, we start over," the mayor said Monday. '
        "The council voted on Tuesday."
    )
    a = analysed("a", text, "2016-05-11")
    items = dated_sentences(a, candidates=True)
    # (no parse here, so the years of "November" and "this summer" are not what is tested)
    assert [d.dropped for d in items] == ["condition", "condition", None, None]
    # a quoted condition leaves the reporting frame's day alone
    assert [d.date for d in items][2:] == ["2016-05-09", "2016-05-10"]


def test_a_level_or_a_record_at_a_date_is_no_event() -> None:
    # 2016-05-11 is a Wednesday
    text = (
        "A record attendance of 52,000 was set in 2009. "
        "The jobless rate was about 6% on Monday. "
        "Unemployment stood at 4.9 percent in March. "
        "Attendance rose sharply on Tuesday. "
        "The runner set a record in 2009. "
        "The rate was cut on Tuesday."
    )
    a = analysed("a", text, "2016-05-11")
    items = dated_sentences(a, candidates=True)
    assert [d.dropped for d in items] == ["level", "level", "level", None, None, None]


def test_a_state_over_a_span_of_months_is_no_event() -> None:
    text = (
        "The dry season is usually between May and late September. "
        "The rainy season was from July to August. "
        "The festival runs from July to August. "
        "Storms hit the coast between June and October."
    )
    a = analysed("a", text, "2016-05-11")
    items = dated_sentences(a, candidates=True)
    dropped = {(text[d.start : d.end].split()[1], d.date[-2:]): d.dropped for d in items}
    # the second month of a stated span is dropped here ("between"/"from" already drop the first)
    assert dropped[("dry", "09")] == "state_span"
    assert dropped[("rainy", "08")] == "state_span"
    assert dropped[("festival", "08")] is None  # a planned happening
    assert dropped[("hit", "10")] is None
