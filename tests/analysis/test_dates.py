"""Date resolution: the hard forms, in sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.analysis.dates import DateResolver, Published, resolve_dates
from storyline.model import Analysis, Document


def only(text: str, published: str | None):
    found = resolve_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# 2015-06-10 is a Wednesday.
@pytest.mark.parametrize(
    "text, published, value, granularity",
    [
        ("The mayor resigned on Tuesday after the vote.", "2015-06-10", "2015-06-09", "day"),
        ("The mayor resigned on Wednesday.", "2015-06-10", "2015-06-10", "day"),
        ("The mayor resigned last Wednesday.", "2015-06-10", "2015-06-03", "day"),
        ("The mayor will resign on Friday.", "2015-06-10", "2015-06-12", "day"),
        ("The plant closed yesterday.", "2015-06-10", "2015-06-09", "day"),
        ("The plant closes today.", "2015-06-10", "2015-06-10", "day"),
        ("The plant closed two days ago.", "2015-06-10", "2015-06-08", "day"),
        ("Sales fell last year.", "2015-06-10", "2014", "year"),
        ("Sales fell this year.", "2015-06-10", "2015", "year"),
        ("Sales fell three years ago.", "2015-06-10", "2012", "year"),
        ("Sales fell last month.", "2015-06-10", "2015-05", "month"),
        ("Sales fell late last month.", "2015-01-10", "2014-12", "month"),
        ("Sales fell earlier this month.", "2015-06-10", "2015-06", "month"),
        ("Sales fell last week.", "2015-06-03", "2015-05", "month"),
        ("The report came out last October.", "2013-03-01", "2012-10", "month"),
        ("The report came out last October.", "2013-11-20", "2013-10", "month"),
        ("The report came out last October.", "2013", "2012-10", "month"),
        ("We met the chief executive in January.", "2013-05-02", "2013-01", "month"),
        ("We met the chief executive in September.", "2013-05-02", "2012-09", "month"),
        ("We met the chief executive in January.", "2013", "2013-01", "month"),
        ("The group was founded in 2011.", "2014", "2011", "year"),
        ("Profits rose in 2017, boosted by sales.", None, "2017", "year"),
        ("The deal was signed on March 5, 2014.", None, "2014-03-05", "day"),
        ("The deal was signed on 5 March 2014.", None, "2014-03-05", "day"),
        ("The deal was signed on 5 March.", "2014-06-01", "2014-03-05", "day"),
        ("The deal was signed on 5 March.", "2014-02-01", "2013-03-05", "day"),
        ("The deal was signed in Oct. 2012 by both.", None, "2012-10", "month"),
        ("The deal was signed on 2012-10-04.", None, "2012-10-04", "day"),
        ("Updated on Thursday 6 May 2010 at noon.", "2010-05-05", "2010-05-06", "day"),
        ("Updated on Tuesday, June 8, 2010.", None, "2010-06-08", "day"),
    ],
)
def test_dates_resolve(text, published, value, granularity):
    mention = only(text, published)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert text[mention.start : mention.end] == mention.text


def test_dates_weekday_with_year_only_keeps_the_year_at_low_confidence():
    mention = only("On Tuesday the company announced a withdrawal.", "2013")
    assert (mention.value, mention.granularity) == ("2013", "year")
    assert mention.confidence <= 0.3
    explicit = only("The company announced it on March 5, 2014.", "2013")
    assert explicit.confidence > mention.confidence


def test_dates_relative_without_publication_date_is_unresolved():
    mention = only("The plant closed yesterday.", None)
    assert mention.value is None and mention.granularity is None and mention.relative


@pytest.mark.parametrize(
    "text, published, future",
    [
        ("By 2019 the firm wants revenue to reach 10 billion.", "2014", True),
        ("It had hoped to reach that figure in 2018.", "2014", True),
        ("By 2010 the firm had doubled its revenue.", "2014", False),
        ("We will focus on Europe this year.", "2018", True),
        ("We focused on Europe this year.", "2018", False),
        ("Last year it made 3 billion in revenue, and it aims to double that.", "2014", False),
        ("The company plans to open a plant in January.", "2015-06-10", True),
    ],
)
def test_dates_future_targets(text, published, future):
    assert only(text, published).future is future


@pytest.mark.parametrize(
    "text",
    [
        "Revenue reached 10 billion dollars.",
        "The commission voted 5-0 in favour.",
        "Profits rose 28.1 percent.",
        "The index rose 3.2 points.",
        "03:04 The broadcast begins.",
        "More than 2000 people marched.",
        "He paid $2013 for the ticket.",
        "In the future, prices may fall.",
        "May I ask a question?",
        "April Smith joined the board.",
        "Protests are held on Tuesdays.",
        "The 1990s were good for the firm.",
        "The 2000 people who marched were tired.",
        "She will release her 2014 return on the site.",
        "It backed the 2016 presidential candidate.",
    ],
)
def test_dates_reject_non_dates(text):
    assert resolve_dates(text, "2015-06-10") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("It was a major factor in her defeat in the 2008 primary.", "2008"),
        ("Her son was killed in the 2012 attacks in Benghazi.", "2012"),
        ("The army seized power in a 1952 coup.", "1952"),
        ("Iowans kick off the 2016 voting in February.", "2016"),
    ],
)
def test_dates_year_after_a_determiner_naming_a_happening(text, value):
    """A bare year between a determiner and a noun of a happening dates it."""
    assert value in [m.value for m in resolve_dates(text, "2015-06-10")]


def test_dates_published_parse():
    assert Published.parse("2014").granularity == "year"
    assert Published.parse("2014-05").granularity == "month"
    assert Published.parse("2014-05-07T10:00:00Z").granularity == "day"
    assert Published.parse("soon") is None


def test_dates_component_with_spacy_doc(nlp):
    text = "The mayor resigned on Tuesday. The dam was built a decade ago. Revenue was 10 billion."
    doc = Document(
        id="d1", source="test", text=text, published="2015-06-10", published_granularity="day"
    )
    resolver = DateResolver()
    assert (resolver.name, resolver.requires, resolver.provides) == ("dates", (), ("dates",))
    analysis = resolver(Analysis(document=doc, nlp=nlp(text)))
    values = [(d.text, d.value) for d in analysis.dates]
    assert ("on Tuesday", "2015-06-09") in values
    assert ("a decade ago", "2005") in values  # spaCy DATE entity, parsed by dateparser
    assert all("10 billion" not in d.text for d in analysis.dates)
    assert [d.start for d in analysis.dates] == sorted(d.start for d in analysis.dates)


SEEDS = {
    # file-name prefix, phrase, expected value, future
    "2013": [
        ("last October", "2012-10", False),
        ("On Tuesday", "2013", False),
        ("January", "2013-01", False),
    ],
    "2014": [
        ("Last year it made", "2013", False),
        ("2019", "2019", True),
        ("2011", "2011", False),
        ("2018", "2018", True),
    ],
    "2018": [("2017", "2017", False), ("on Tuesday", "2018", False)],
}


@pytest.mark.parametrize("year", sorted(SEEDS))
def test_dates_seed_articles(seeds_dir, year):
    path = next(seeds_dir.glob(f"{year}-*.txt"))
    text = path.read_text()
    mentions = resolve_dates(text, year)
    for phrase, value, future in SEEDS[year]:
        at = text.index(phrase)
        hit = [d for d in mentions if d.start <= at < d.end or at <= d.start < at + len(phrase)]
        assert hit, phrase
        assert (hit[0].value, hit[0].future) == (value, future), phrase
    assert not any(d.text in ("5-0", "28.1", "03:04") for d in mentions)


# Tense: whole words and the parse, not substrings. 2023-03-14 is a Tuesday.
@pytest.mark.parametrize(
    "text, published, value, future",
    [
        (
            "The harbour bridge cleared its final planning hurdle on Monday when the board voted 6-2.",
            "2023-03-14",
            "2023-03-13",
            False,
        ),
        (
            "The first piles were driven on Monday, three weeks later than planned.",
            "2024-05-21",
            "2024-05-20",
            False,
        ),
        (
            "An official said the inquiry would report by the end of February.",
            "2023-11-02",
            "2024-02",
            True,
        ),
        ("The line is due to open in March.", "2023-11-02", "2024-03", True),
        ("The scheme was approved in March.", "2023-11-02", "2023-03", False),
    ],
)
def test_dates_tense_decides_past_or_future(nlp, text, published, value, future):
    for doc in (None, nlp(text)):  # the regex fallback and the parse agree here
        (mention,) = resolve_dates(text, published, doc)
        assert (mention.value, mention.future) == (value, future), doc is not None


def test_dates_parse_reads_the_verb_governing_the_date(nlp):
    # "will" is near "on Monday" but belongs to the relative clause.
    text = "The minister, who will step down next spring, said on Monday that talks had failed."
    spring, guess = resolve_dates(text, "2023-03-14")
    assert (spring.text, spring.value, spring.future) == ("next spring", "2024", True)
    _, parsed = resolve_dates(text, "2023-03-14", nlp(text))
    assert guess.future  # the cue list alone is fooled
    assert (parsed.value, parsed.future) == ("2023-03-13", False)
    text = "The ferry company said on Tuesday that fares will rise."
    (parsed,) = resolve_dates(text, "2023-03-14", nlp(text))
    assert (parsed.value, parsed.future) == ("2023-03-14", False)
    text = "First trains are now expected on Friday."
    (parsed,) = resolve_dates(text, "2023-03-14", nlp(text))
    assert (parsed.value, parsed.future) == ("2023-03-17", True)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody would pretend the last year has been easy.",
        "Prices have doubled over the last month.",
        "The next year will be hard for the yard.",
    ],
)
def test_dates_stretches_of_time_are_not_dates(text):
    assert resolve_dates(text, "2023-11-02") == []


@pytest.mark.parametrize(
    "text",
    ["The blast happened at 1800 GMT.", "By 2030 hours the fire was out.", "At 1900 local time."],
)
def test_dates_clock_times_are_not_years(text):
    assert resolve_dates(text, "2010-04-22") == []


def test_dates_month_and_day_take_the_known_year():
    # a year-only publication date: the day is written, the year is the article's
    (m,) = resolve_dates("The coup began on March 22, officials said.", "2012")
    assert (m.value, m.granularity) == ("2012-03-22", "day")
    # no publication date: the year of the article's own explicit date nearby
    text = "On March 21, 2012, soldiers rebelled. The coup began on March 22, officials said."
    found = resolve_dates(text, None)
    assert [(d.value, d.granularity) for d in found] == [
        ("2012-03-21", "day"),
        ("2012-03-22", "day"),
    ]
    (alone,) = resolve_dates("The summit, held May 4, ended.", None)
    assert alone.value is None  # nothing tells the year: not guessed
    # a time-frame year in the same sentence tells it; one naming a thing does not
    year, day = resolve_dates("In 2012 the summit, held May 4, ended.", None)
    assert (year.value, day.value) == ("2012", "2012-05-04")
    found = resolve_dates("The 2012 Harbour Summit, held May 4, ended.", None)
    assert [d.value for d in found] == ["2012", None]


@pytest.mark.parametrize(
    "text, value",
    [
        # the sentence named the year: a recalled date keeps it
        ("The dam burst on March 20, 2003, and the valley flooded on April 9.", "2003-04-09"),
        ("In 2004 the first ferry sank on May 4 near the pier.", "2004-05-04"),
        ("Work on the canal began in January 2006 and stopped in May.", "2006-05"),
        # another sentence, or a date of speech: the publication's year stands
        ("The law passed in 2009. On March 3 the minister resigned.", "2011-03-03"),
        ("The worst since the 1989 tanker spill, the rig blew up April 20.", "2011-04-20"),
        ("Sales rose in 2010, the mayor said on March 3.", "2011-03-03"),
    ],
)
def test_dates_month_without_year_takes_the_year_its_sentence_named(text, value):
    found = resolve_dates(text, "2011-06-15")
    assert found[-1].value == value, found


def test_dates_month_without_year_is_never_put_after_publication():
    # a later year in the sentence is a plan or a forecast, never lent to a past day
    (plan, day) = resolve_dates("The port will close in 2030; it flooded on May 4.", "2011-06-15")
    assert plan.value == "2030"
    assert day.value == "2011-05-04"


@pytest.mark.parametrize(
    "text, published, value, future",
    [
        ("The port plans to start dredging in the spring.", "2023-11-02", "2024", True),
        ("By next summer the crew will be twice as large.", "2024-05-21", "2025", True),
        ("The ferry ran aground last summer.", "2024-10-03", "2024", False),
        ("The ferry ran aground last summer.", "2024-03-03", "2023", False),
        ("The ferry ran aground in the autumn.", "2024-03-03", "2023", False),
        ("The pier was rebuilt in the summer of 2012.", "2024-03-03", "2012", False),
        ("The pier was rebuilt during summer 2012.", None, "2012", False),
    ],
)
def test_dates_seasons_give_their_year(text, published, value, future):
    mention = only(text, published)
    assert (mention.value, mention.granularity, mention.future) == (value, "year", future)


@pytest.mark.parametrize(
    "text", ["Prices fall when the ferries stop.", "A spring in the hills feeds the town."]
)
def test_dates_season_words_that_are_no_dates(text):
    assert resolve_dates(text, "2024-03-03") == []


# ---- an undated document: relative dates against its latest stated date (issue 10)


def undated(text: str) -> dict[str, tuple[str | None, bool]]:
    from storyline.analysis.dates import inferred_published

    found = resolve_dates(text, None, reference=inferred_published(text))
    return {d.text: (d.value, d.future) for d in found}


def test_undated_article_takes_the_year_of_its_latest_stated_date():
    got = undated(
        "Voters queued outside the Dunmore library on Jan. 4, 2012. The council met on "
        "Tuesday. Rates rose 3 percent last year. The inquiry began Aug. 3 and was delayed. "
        "The new chamber will sit for the first time on Jan. 23. The mayor was elected in "
        "February. The harbour flooded in January last year."
    )
    assert got["on Tuesday"] == ("2012", False)  # the year, never an invented day
    assert got["last year"][0] == "2011"
    assert got["Aug. 3"] == ("2011-08-03", False)  # a past August before January 2012
    assert got["Jan. 23"] == ("2012-01-23", True)  # a plan: the next one
    assert got["February"][0] == "2011-02"
    assert got["January last year"][0] == "2011-01"


def test_undated_article_keeps_a_day_just_after_its_stated_date_in_that_year():
    got = undated("The strike began on March 21, 2012. On March 22 the docks closed.")
    assert got["March 22"][0] == "2012-03-22"


def test_undated_article_ignores_its_plans_when_placing_itself():
    # "will open in 2030" says nothing of when the article was written
    got = undated("The port will open in 2030. The tender closed on Monday.")
    assert got["on Monday"][0] is None


def test_undated_article_with_no_stated_date_keeps_relative_dates_unresolved():
    assert undated("The council met on Tuesday and voted last month.") == {
        "on Tuesday": (None, False),
        "last month": (None, False),
    }


def test_month_of_a_relative_year_is_one_expression():
    assert only("She was released in September this year.", "2010-11-05").value == "2010-09"
    assert only("The uprising broke out in January last year.", "2012-01-03").value == "2011-01"


def test_preparing_to_is_a_plan():
    d = only("Protesters are preparing to march on Jan. 25 to mark the anniversary.", "2012-01-03")
    assert (d.value, d.future) == ("2012-01-25", True)


def test_undated_article_is_not_placed_by_a_year_or_month_it_recalls():
    # measured on Timeline17 (publication dates hidden): the latest year or month an
    # article names is its own year in under a fifth of articles, a full date in 9 of 10
    got = undated(
        "The bridge opened in 1998 and was widened in May 2004. The council met on Tuesday."
    )
    assert got["on Tuesday"][0] is None


@pytest.mark.parametrize(
    "text",
    [
        "Shares crashed on Black Wednesday in 1992.",
        "Rivals campaigned hard before Super Tuesday.",
        "The Sunday Times reported the merger.",
        "The Mail on Sunday reported the merger.",
    ],
)
def test_a_weekday_in_a_name_is_no_date(text):
    assert all(
        d.text != "Wednesday" and "day" not in d.text for d in resolve_dates(text, "2010-06-02")
    )


def test_two_months_of_one_year_date_from_the_first():
    d = only("In the second search, in June and July 2009, two ships listened for beacons.", None)
    assert (d.value, d.granularity) == ("2009-06", "month")


def test_undated_day_takes_no_year_from_a_month_it_recalls():
    got = undated("Dec 17 (Wirenews) - Sales soared, near the record set in March 2012.")
    assert got["Dec 17"][0] is None


def test_the_date_a_plan_is_set_for_lies_ahead(nlp):
    text = "The general has scheduled the first session for Jan. 23."
    d = only_with(text, "2012-01-03", nlp)
    assert (d.value, d.future) == ("2012-01-23", True)
    text = "The hearing had been scheduled for Jan. 23 but was postponed."
    assert only_with(text, "2012-03-05", nlp).value == "2012-01-23"


def only_with(text: str, published: str, nlp):
    found = resolve_dates(text, published, nlp(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, future",
    [
        # neither past nor planned by its parse: the nearest such day, weeks ahead
        ("The race moves to Nevada, which holds caucuses on Feb. 20.", "2016-02-20", True),
        ("States that vote in March are next.", "2016-03", True),
        # a past verb keeps it behind; a day already passed stays this year's
        ("The trial began on Feb. 20.", "2015-02-20", False),
        ("He said it was a good day on Feb. 5.", "2016-02-05", False),
    ],
)
def test_a_day_without_year_and_tense_is_the_nearest(nlp, text, value, future):
    (m,) = resolve_dates(text, "2016-02-10", nlp_doc=nlp(text))
    assert (m.value, m.future) == (value, future)


def _flags(nlp, text: str, published: str) -> list[tuple[str, str | None, bool]]:
    return [(d.text, d.value, d.describes) for d in resolve_dates(text, published, nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Voters here have been drawn to moderate candidates, such as Dale Mercer in 2008.",
        "The 2016 Republican contest is nationalized in many ways.",
        "“We need a deal,” said Ann Lee, who was the mayor's top adviser in 2012.",
        "Even today, the island tends to run everything through its bank.",
        # states told with "today" or over "this year" so far (events8)
        "Today the ministry sends its inspectors mostly to coastal towns.",
        "Only 7 percent of clerks do today.",
        "This year's council races have featured many newcomers.",
        # a happening before or after a dated thing, not on its date
        "The clerk said the office received dozens of forms before the March 15 deadline.",
    ],
)
def test_a_date_that_times_a_thing_or_a_state_describes(nlp, text: str) -> None:
    found = _flags(nlp, text, "2016-01-20")
    assert found and all(describes for _, _, describes in found)


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the plan in 2012.",
        "The trial resumed after his arrest in April.",  # an event noun keeps its date
        "We are still on course for first power in 2027.",  # a target, not a description
        "Today we have 400 people working on the project.",  # a count at a date
    ],
)
def test_a_date_of_a_happening_does_not_describe(nlp, text: str) -> None:
    found = _flags(nlp, text, "2024-05-21")
    assert found and not any(describes for _, _, describes in found)


def test_a_weekday_in_a_present_clause_or_ahead_of_is_to_come(nlp) -> None:
    # Friday 11 March 2016
    text = "The judge ruled that those voters are eligible to vote in the primary on Tuesday."
    assert [d.value for d in resolve_dates(text, "2016-03-11", nlp(text))] == ["2016-03-15"]
    text = "The race has turned nasty ahead of New York's delegate-rich Tuesday primary."
    assert [d.value for d in resolve_dates(text, "2016-04-15", nlp(text))] == ["2016-04-19"]
    # a weekday inside a noun phrase keeps its past reading
    text = "One reason is the momentum from his victory in Tuesday's primary."
    assert [d.value for d in resolve_dates(text, "2016-04-07", nlp(text))] == ["2016-04-05"]


def test_a_past_deadline_is_past(nlp) -> None:
    text = "All applicants were due to file their papers by March 15."
    (m,) = resolve_dates(text, "2016-04-09", nlp(text))
    assert (m.value, m.future) == ("2016-03-15", False)


@pytest.mark.parametrize(
    ("text", "published", "value", "confident"),
    [
        ("He toured the state last week.", "2015-11-08", "2015-11", True),  # Sun: 1-7 Nov
        ("He toured the state earlier this week.", "2016-09-03", "2016", False),  # 28 Aug-3 Sep
        ("He signed on last weekend.", "2016-04-09", "2016-04", True),  # 2-3 April
        ("They are coming in this weekend.", "2016-04-09", "2016-04", True),
    ],
)
def test_weeks_and_weekends_name_their_month_only_within_one(
    text: str, published: str, value: str, confident: bool
) -> None:
    (m,) = resolve_dates(text, published)
    assert m.value == value
    assert (m.confidence >= 0.3) is confident


def test_what_did_not_happen_and_a_state_this_year_describe(nlp) -> None:
    text = "In a careful office, the speech would have been drafted eight weeks ago."
    assert [d.describes for d in resolve_dates(text, "2016-07-20", nlp(text))] == [True]
    text = "This year, an average of recent polls shows Lind leading by 40 points."
    assert [d.describes for d in resolve_dates(text, "2016-09-04", nlp(text))] == [True]


def test_with_a_parse_a_later_clause_does_not_make_a_date_a_plan(nlp) -> None:
    text = "The site posts fake stories, including one in September that said the city would grow."
    (m,) = resolve_dates(text, "2015-12-12", nlp(text))
    assert (m.value, m.future) == ("2015-09", False)
    # a present adverbial clause takes the time of the clause it modifies
    text = "Once the rule goes into effect on Dec. 1, many workers will receive more pay."
    (m,) = resolve_dates(text, "2016-05-19", nlp(text))
    assert (m.value, m.future) == ("2016-12-01", True)


# --- events7: names of past events, goals and hypotheticals, counted spans ---


@pytest.mark.parametrize(
    "text",
    [
        "Security has tightened at every port since the Sept. 11 attacks on the capital.",
        "The memorial honours the victims of the March 11 bombings in the old town.",
        "Her brother survived the June 12 shooting at the club.",
    ],
)
def test_a_date_without_year_naming_a_past_event_gets_no_year(text: str) -> None:
    (m,) = resolve_dates(text, "2016-05-04")
    assert m.value is None and m.confidence < 0.3
    # nor does a full date elsewhere in the article lend it one
    (_, m) = resolve_dates("On Jan. 3, 2016, the port reopened. " + text, None)
    assert m.value is None


def test_a_recent_named_event_keeps_its_date() -> None:
    text = "Police arrested a third man over the Nov. 13 attacks."
    (m,) = resolve_dates(text, "2015-12-01")
    assert m.value == "2015-11-13"


def test_a_slashed_date_name_is_no_date() -> None:
    assert resolve_dates("Security has tightened since the 9/11 attacks.", "2016-05-04") == []


@pytest.mark.parametrize(
    "text",
    [
        "Democrats see her as their best chance to defeat Garrow in November.",
        "Friends wonder what could bring him to run for the Senate in 2020.",
        "A poll suggests Lind would win the county in November.",
        "The club hoped to finish the new stand by March.",
    ],
)
def test_goals_and_hypotheticals_describe(nlp, text: str) -> None:
    found = _flags(nlp, text, "2016-07-20")
    assert found and all(describes for _, _, describes in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a goal or a prospect weighed by an adjective or a noun: no happening, no plan;
        # its month, in a clause with no tense of its own, is the next one, not last year's
        ("Lind knows how important it is to beat Mercer in November.", "2016-11"),
        ("It will be very hard for Lind to win in November.", "2016-11"),
        ("Lind needs more votes to have a real chance of winning in November.", "2016-11"),
        ("Voters gave Lind a real shot at succeeding the mayor next January.", "2017-01"),
        # a clause under a negated verb tells of nothing that happens
        ("A truce doesn't mean Lind quits the race tomorrow.", "2016-07-21"),
    ],
)
def test_goals_prospects_and_denials_describe(nlp, text: str, value: str) -> None:
    assert [(v, d) for _, v, d in _flags(nlp, text, "2016-07-20")] == [(value, True)]


@pytest.mark.parametrize(
    "text",
    [
        "Lind is likely to win in November.",  # a forecast, kept as ahead
        "Mercer spoke after meeting with the council on Tuesday.",  # a happening
        "Lind did not say if he would attend Monday's debate.",  # an event noun's day
    ],
)
def test_forecasts_and_events_near_those_forms_do_not_describe(nlp, text: str) -> None:
    found = _flags(nlp, text, "2016-07-20")
    assert found and not any(describes for _, _, describes in found)


def test_this_week_told_in_the_past_on_a_sunday_is_the_week_just_ended(nlp) -> None:
    text = "The party announced a small ad buy this week."
    # Sunday 4 September 2016: the week just ended ran from 28 August to 3 September,
    # over two months, so only its year is told, below what an event needs
    (m,) = resolve_dates(text, "2016-09-04", nlp(text))
    assert (m.value, m.granularity) == ("2016", "year") and m.confidence < 0.3
    # a Wednesday's "this week" is its own week
    (m,) = resolve_dates(text, "2016-09-14", nlp(text))
    assert (m.value, m.granularity) == ("2016-09", "month")


@pytest.mark.parametrize(
    "text",
    [
        "The council plans to vote on the budget in November.",
        "The council will vote on the budget in November.",
        "The mayor said the council would vote on the budget in November.",
        "The council voted to approve the budget in March.",
        "The club hopes to finish the new stand by March.",  # a wish held: a plan
        "Wages would be higher by 2018 than they are in France.",  # a projection
        "Judges said teenagers are eligible to vote in the primary on Tuesday.",
        "Envoys are trying to bring Tehran back to talks this month.",
        "At first the firm hoped to reach that figure in 2018.",  # a target date ahead
        "I think we stand an excellent chance to win it on Tuesday.",  # a day ahead
        "Mr. Lind, who was to fly to Dover on Wednesday to open the plant, said so.",
    ],
)
def test_plans_and_happenings_with_a_date_do_not_describe(nlp, text: str) -> None:
    found = _flags(nlp, text, "2016-07-20")
    assert found and not any(describes for _, _, describes in found)


@pytest.mark.parametrize(
    ("text", "published", "value", "confident"),
    [
        # a count of years is loose by half a year, which always spans two calendar years
        ("She won the state eight years ago.", "2016-05-04", "2008", False),
        ("He first ran a decade ago.", "2016-05-04", "2006", False),
        ("He first ran two decades ago.", "2016-05-04", "1996", False),
        # one year back give or take six weeks stays in 2015 in June, not in January
        ("The plant closed a year ago.", "2016-06-15", "2015", True),
        ("The plant closed a year ago.", "2016-01-10", "2015", False),
        # three months back give or take half a month: 2016 from mid-July, 2015 from
        # mid-February (mid-November), but early January straddles the new year
        ("The plant closed three months ago.", "2016-07-15", "2016", True),
        ("The plant closed three months ago.", "2016-02-10", "2015", True),
        ("The plant closed three months ago.", "2016-04-05", "2016", False),
    ],
)
def test_counted_spans_give_a_year_only_when_the_count_is_safe(
    nlp, text: str, published: str, value: str, confident: bool
) -> None:
    found = [d for d in resolve_dates(text, published, nlp(text)) if "ago" in d.text]
    assert [(d.value, d.granularity) for d in found] == [(value, "year")]
    assert (found[0].confidence >= 0.3) is confident


def test_a_weekday_on_a_reduced_relative_is_past_whatever_the_main_verb() -> None:
    from storyline.api import analyze
    from storyline.ingest import document_from_text

    text = (
        "More could be learned from the records filed Sunday night by the council, "
        "which will meet again next month."
    )
    (a,) = analyze([document_from_text(text, "x.txt", date="2016-03-22")])
    sunday = next(d for d in a.dates if d.text == "Sunday")
    assert (sunday.value, sunday.future) == ("2016-03-20", False)


def _analysed(text: str, published: str):
    from storyline.api import analyze
    from storyline.ingest import document_from_text

    (a,) = analyze([document_from_text(text, "x.txt", date=published)])
    return a


# 2016-07-26 is a Tuesday.
@pytest.mark.parametrize(
    "text",
    [
        "In Denver on Monday, the governor said again that the party must back its nominee in November.",
        "The governor said the party needs to back its nominee in November.",
        "The governor said the party has to back its nominee in November.",
    ],
)
def test_an_obligation_about_a_month_is_no_past_happening(text: str) -> None:
    a = _analysed(text, "2016-07-26")
    november = next(d for d in a.dates if "November" in d.text)
    # the next November, and no happening: what a party must do is neither news nor a plan
    assert (november.value, november.future, november.describes) == ("2016-11", True, True)
    monday = [d for d in a.dates if "Monday" in d.text]
    assert all(d.value == "2016-07-25" and not d.describes for d in monday)


def test_an_obligation_to_a_deadline_and_a_should_schedule_stay_plans() -> None:
    a = _analysed("The board must approve the budget by March.", "2016-07-26")
    (march,) = a.dates
    assert (march.value, march.future, march.describes) == ("2017-03", True, False)
    a = _analysed("The hearing should be held in November, the clerk said.", "2016-07-26")
    (november,) = a.dates
    assert (november.value, november.future, november.describes) == ("2016-11", True, False)


# 2016-06-02 is a Thursday.
@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        # a present clause taking place in a day's event: the day is ahead
        (
            "The analyst described the race the senator is facing in Tuesday's primary.",
            "2016-06-07",
            True,
        ),
        # a past clause, or a present one looking back at it, keeps the past day
        ("The senator celebrated his victory in Tuesday's primary in Ohio.", "2016-05-31", False),
        ("The senator is celebrating after Tuesday's primary in Ohio.", "2016-05-31", False),
        ("The senator won in Tuesday's primary in Ohio.", "2016-05-31", False),
        # what is expected of a clause does not move the day of the event it names
        (
            "The senator should get a boost from the win Tuesday, his aides said.",
            "2016-05-31",
            False,
        ),
    ],
)
def test_a_weekday_event_takes_its_direction_from_the_clause_it_happens_in(
    text: str, value: str, future: bool
) -> None:
    a = _analysed(text, "2016-06-02")
    day = next(d for d in a.dates if "day" in d.text)
    assert (day.value, day.future) == (value, future)


@pytest.mark.parametrize(
    ("text", "describes"),
    [
        # the clause investigates, asks about or talks of the dated event: the year is the
        # event's, not the clause's
        ("She faced lawmakers investigating the 2012 attack on the compound in Libya.", True),
        ("The office received a request for e-mails concerning 2012 Benghazi attacks.", True),
        ("She was stunned by the claim that she had politicized the 2001 terrorist attacks.", True),
        ("Reporters asked questions about the 2012 attack.", True),
        # whatever the tense of the clause above it
        ("She will speak after a face-off with lawmakers investigating the 2012 attack.", True),
        # the dated event is the subject, or the clause takes part in it
        ("The 2012 attack killed four Americans.", False),
        ("Obama won the 2012 election by a wide margin.", False),
    ],
)
def test_a_year_on_an_event_the_clause_refers_to_dates_the_event_not_the_clause(
    text: str, describes: bool
) -> None:
    a = _analysed(text, "2015-11-16")
    year = next(d for d in a.dates if d.text.isdigit())
    assert year.describes is describes


@pytest.mark.parametrize(
    "text",
    [
        "The senator told USA TODAY that there are many good provisions in the plan.",
        "In an interview with USA Today, the senator said the plan was good.",
        "The senator said on NBC's Today show that the plan was good.",
    ],
)
def test_a_newspaper_or_show_named_today_is_no_date(text: str) -> None:
    a = _analysed(text, "2016-06-29")
    assert [d.text for d in a.dates] == []


def test_today_as_a_word_still_dates() -> None:
    a = _analysed(
        "Today the senate voted on the plan, and the house votes today too.", "2016-06-29"
    )
    assert [d.value for d in a.dates] == ["2016-06-29", "2016-06-29"]
    # a headline in title case capitalises every word
    a = _analysed("These Protesters Are Targeting The Senator At Tonight's Debate", "2016-06-29")
    assert [d.value for d in a.dates] == ["2016-06-29"]


# 2016-04-20 is a Wednesday.
@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        # a plain present of a doing tells a schedule: the next such month or day
        ("California, which votes June 7, is the biggest prize.", "2016-06-07", True),
        (
            "When Democrats get to Philadelphia in late July, the party will be united.",
            "2016-07",
            True,
        ),
        ("The law takes effect in January.", "2017-01", True),
        # a present of a state, or a past, keeps the month gone by
        ("Sales are strong in March and the company is hiring.", "2016-03", False),
        ("The senator says she met him in March.", "2016-03", False),
    ],
)
def test_a_present_schedule_puts_a_month_ahead(text: str, value: str, future: bool) -> None:
    a = _analysed(text, "2016-04-20")
    (d,) = a.dates
    assert (d.value, d.future) == (value, future)


def test_a_month_ahead_that_is_the_month_in_progress_is_this_one() -> None:
    # "likely to raise rates in December" on Dec. 1: the rest of this December lies
    # ahead, so it is not next year's; a month already gone by still moves on a year
    a = _analysed("The board is likely to raise rates in December.", "2015-12-01")
    (d,) = a.dates
    assert (d.value, d.future) == ("2015-12", True)
    a = _analysed("The law takes effect in January.", "2016-04-20")
    (d,) = a.dates
    assert (d.value, d.future) == ("2017-01", True)
