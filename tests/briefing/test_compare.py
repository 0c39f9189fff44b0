"""Divergences (figures, spellings) and support across documents, on hand-built inputs."""

from __future__ import annotations

from storyline.briefing.compare import (
    SupportIndex,
    _counts,
    count_support,
    figure_divergences,
    find_divergences,
    magnitude,
    measure_key,
    measure_pairs,
    measures,
    support_counts,
)
from storyline.briefing.entities import merge_entities
from storyline.model import (
    Analysis,
    Citation,
    DateMention,
    Document,
    Entity,
    EntityMention,
    Figure,
    Sentence,
)


def _fig(
    doc,
    text,
    value,
    scale="billion",
    measure="revenue from enterprise products",
    period="2013",
    subject="Huawei",
    status="actual",
    unit="USD",
):
    return Figure(
        text=text,
        value=value,
        unit=unit,
        scale=scale,
        measure=measure,
        period=period,
        subject=subject,
        status=status,
        citations=[Citation(doc, 0, len(text))],
    )


def _doc(doc_id, text, with_sentences=False):
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, outlet=f"Outlet {doc_id.upper()}")
    if with_sentences:
        start = 0
        for part in text.split(". "):
            doc.sentences.append(Sentence(start, start + len(part)))
            start += len(part) + 2
    return doc


def test_magnitude_and_measure_key():
    assert magnitude(_fig("a", "$3.2 billion", 3.2)) == 3.2e9
    assert magnitude(_fig("a", "$3.2 billion", 3.2e9)) == 3.2e9
    assert magnitude(_fig("a", "3,200 million", 3200, scale="million")) == 3.2e9
    assert measure_key("Revenue from its enterprise products") == measure_key(
        "revenue, enterprise product"
    )


def test_figures_that_disagree_across_documents():
    figures = [_fig("a", "US$3.2 billion", 3.2), _fig("b", "$3.5 billion", 3.5)]
    out = figure_divergences(figures, labels={"a": "IDG", "b": "Verge"})
    assert len(out) == 1
    d = out[0]
    assert d.kind == "figure"
    assert "US$3.2 billion (IDG)" in d.description and "$3.5 billion (Verge)" in d.description
    assert "revenue from enterprise products" in d.description
    assert {c.document for c in d.citations} == {"a", "b"}


def test_figures_that_agree_are_not_divergences():
    same_scale_apart = [
        _fig("a", "$3.2 billion", 3.2),
        _fig("b", "3,200 million dollars", 3200, scale="million"),
    ]
    rounding = [_fig("a", "$3.2 billion", 3.2), _fig("b", "$3.21 billion", 3.21)]
    assert figure_divergences(same_scale_apart) == []
    assert figure_divergences(rounding) == []


def test_figures_for_different_things_are_not_compared():
    other_period = [_fig("a", "$3.2 billion", 3.2), _fig("b", "$10 billion", 10, period="2019")]
    target = [_fig("a", "$3.2 billion", 3.2), _fig("b", "$10 billion", 10, status="target")]
    same_document = [_fig("a", "$3.2 billion", 3.2), _fig("a", "$3.5 billion", 3.5)]
    other_measure = [
        _fig("a", "$3.2 billion", 3.2),
        _fig("b", "$3.5 billion", 3.5, measure="profit"),
    ]
    no_measure = [
        _fig("a", "$3.2 billion", 3.2, measure=None),
        _fig("b", "$3.5 billion", 3.5, measure=None),
    ]
    for figures in (other_period, target, same_document, other_measure, no_measure):
        assert figure_divergences(figures) == []


def test_figure_subjects_match_through_entity_aliases():
    figures = [
        _fig("a", "$3.2 billion", 3.2, subject="Huawei Technologies"),
        _fig("b", "$3.5 billion", 3.5),
    ]
    entity = Entity(
        name="Huawei", type="ORG", aliases=["Huawei Technologies"], mentions=2, documents=2
    )
    analyses = [Analysis(document=_doc("a", "x")), Analysis(document=_doc("b", "y"))]
    out = find_divergences(analyses, [entity], figures)
    assert [d.kind for d in out] == ["figure"]
    assert "(Huawei, 2013)" in out[0].description and "Outlet A" in out[0].description
    assert figure_divergences(figures) == []  # without the entity table the subjects differ


def _mention_analysis(doc_id, forms):
    text, ents = "", []
    for form, canonical in forms:
        start = len(text)
        text += f"{form} spoke. "
        ents.append(EntityMention(form, "PERSON", start, start + len(form), canonical))
    return Analysis(document=_doc(doc_id, text), entities=ents)


def test_spelling_divergence_within_and_across_sources():
    analyses = [
        _mention_analysis("a", [("Mark Olsen", "Mark Olsen"), ("Olson", "Mark Olsen")]),
        _mention_analysis(
            "b",
            [("Jane Porter", "Jane Porter"), ("Porter", "Jane Porter"), ("KEVIN HO", "Kevin Ho")],
        ),
        _mention_analysis("c", [("Kevin Ho", "Kevin Ho")]),
    ]
    entities = merge_entities(analyses)
    out = find_divergences(analyses, entities, [])
    assert [d.kind for d in out] == ["spelling"]  # not "Porter" (a surname) nor "KEVIN HO" (case)
    d = out[0]
    assert (
        "Mark Olsen" in d.description and '"Olson"' in d.description and "Outlet A" in d.description
    )
    texts = [analyses[0].document.text[c.start : c.end] for c in d.citations]
    assert texts == ["Mark Olsen", "Olson"]


def test_spelling_divergence_across_sources_is_named_so():
    analyses = [
        _mention_analysis("a", [("Mark Olsen", "Mark Olsen")]),
        _mention_analysis("b", [("Mark Olson", "Mark Olson")]),
    ]
    entities = merge_entities(analyses)
    assert len(entities) == 1
    out = find_divergences(analyses, entities, [])
    assert len(out) == 1 and "across sources" in out[0].description
    assert {c.document for c in out[0].citations} == {"a", "b"}


DOCS = [
    (
        "a",
        "The regulator fined the carrier five million dollars for misleading customers. Shares fell.",
    ),
    (
        "b",
        "On Tuesday the carrier was fined by the regulator for misleading its customers. Analysts shrugged.",
    ),
    ("c", "The football team won the cup final after extra time. Fans celebrated in the streets."),
]


def test_count_support_finds_the_paraphrase_in_other_documents():
    docs = [_doc(i, t) for i, t in DOCS]
    claim = "The regulator fined the carrier for misleading customers"
    cites = count_support(claim, docs, exclude="a")
    assert [c.document for c in cites] == ["b"]
    assert (
        docs[1].text[cites[0].start : cites[0].end].startswith("On Tuesday the carrier was fined")
    )
    assert {c.document for c in count_support(claim, docs)} == {"a", "b"}
    assert count_support("Volcanic eruptions disrupted flights over Iceland", docs) == []


def test_support_index_uses_document_sentences_and_counts():
    docs = [_doc(i, t, with_sentences=True) for i, t in DOCS]
    index = SupportIndex(docs)
    assert index.cite("the team won the cup final", exclude="c") == []
    cites = index.cite("the team won the cup final")
    assert [c.document for c in cites] == ["c"]
    assert (
        docs[2].text[cites[0].start : cites[0].end]
        == "The football team won the cup final after extra time"
    )
    counts = support_counts(
        [
            "The regulator fined the carrier for misleading customers",
            "Fans celebrated in the streets",
        ],
        docs,
        sources=["a", "c"],
    )
    assert counts == [2, 1]


def _dated(doc_id, text, when, value, granularity="day", future=False):
    start = text.index(when)
    dm = DateMention(
        when, start, start + len(when), value, granularity, relative=True, future=future
    )
    return Analysis(document=_doc(doc_id, text), dates=[dm])


def test_same_event_dated_differently():
    analyses = [
        _dated(
            "a",
            "The commission voted on Tuesday to ban the purchases. Shares fell.",
            "Tuesday",
            "2018-04-17",
        ),
        _dated(
            "b",
            "The commission voted on Wednesday to ban the purchases.",
            "Wednesday",
            "2018-04-18",
        ),
    ]
    out = find_divergences(analyses, [], [])
    assert [d.kind for d in out] == ["date"]
    assert "2018-04-17" in out[0].description and "2018-04-18" in out[0].description
    a_text = analyses[0].document.text
    assert a_text[out[0].citations[0].start : out[0].citations[0].end].startswith(
        "The commission voted on Tuesday"
    )


def test_dates_that_agree_or_belong_to_other_events_are_not_divergences():
    same = [
        _dated(
            "a", "The commission voted on Tuesday to ban the purchases.", "Tuesday", "2018-04-17"
        ),
        _dated(
            "b", "The commission voted in April to ban the purchases.", "April", "2018-04", "month"
        ),
    ]
    other_event = [
        _dated(
            "a", "The commission voted on Tuesday to ban the purchases.", "Tuesday", "2018-04-17"
        ),
        _dated("b", "The football team won the cup final on Sunday.", "Sunday", "2018-04-15"),
    ]
    plans = [
        _dated(
            "a",
            "The commission will vote on Tuesday on the ban.",
            "Tuesday",
            "2018-04-24",
            future=True,
        ),
        _dated(
            "b",
            "The commission will vote on Monday on the ban.",
            "Monday",
            "2018-04-23",
            future=True,
        ),
    ]
    for analyses in (same, other_event, plans):
        assert find_divergences(analyses, [], []) == []


# ---------------------------------------------------------------- revisions and spellings


def _published(doc_id, published):
    doc = _doc(doc_id, "x")
    doc.published = published
    return Analysis(document=doc)


def test_normalise_measure_synonyms():
    from storyline.briefing.compare import normalise_measure

    label = "cost of the project"
    for measure in (
        "cost",
        "project's budget",
        "cost of offshore wind farm",
        "investment",
        "the budget",
    ):
        assert normalise_measure(measure, "GBP") == (label, label), measure
    assert normalise_measure("project", "GBP") == (label, label)
    assert normalise_measure("project", "people")[1] is None  # "400 project staff" is no cost
    assert normalise_measure("cost of last summer's storm delays", "GBP")[1] is None
    assert normalise_measure("programme", "GBP")[1] is None


def test_figure_revised_over_time_lists_values_in_date_order():
    analyses = [
        _published("a", "2023-03-14"),
        _published("b", "2023-11-02"),
        _published("c", "2024-05-21"),
        _published("d", "2025-01-15"),
    ]
    cost = {"unit": "GBP", "subject": None, "period": None}
    figures = [
        _fig("d", "£3.25bn", 3.25, measure="project", status="actual", **cost),
        _fig("a", "£2.4bn", 2.4, measure="cost", status="forecast", **cost),
        _fig(
            "b",
            "£3.1bn",
            3.1,
            measure="cost of the wind farm",
            period="2023-03",
            unit="GBP",
            subject="Orvane",
        ),
        _fig(
            "b",
            "£2.4bn",
            2.4,
            measure="cost of the wind farm",
            period="2023-03",
            unit="GBP",
            subject=None,
        ),
        _fig("c", "3.1 billion pounds", 3.1, measure="project's budget", **cost),
    ]
    # a later value is a revision (a development), not a disagreement
    assert find_divergences(analyses, [], figures) == []
    from storyline.briefing.developments import figure_revisions

    published = {a.document.id: a.document.published for a in analyses}
    steps = figure_revisions(figures, published)
    assert [d.what for d in steps] == [
        "Cost of the project (Orvane) revised: £2.4bn (2023-03-14) → £3.1bn (2023-11-02)",
        "Cost of the project (Orvane) revised: £3.1bn (2023-11-02) → £3.25bn (2025-01-15)",
    ]  # b only recalls £2.4bn ("up from"), so the first step cites a, not b
    assert [(d.before.document, d.after.document) for d in steps] == [("a", "b"), ("b", "d")]


def test_figure_sources_disagree_on_one_date():
    analyses = [_published("a", "2024-05-01"), _published("b", "2024-05-01")]
    figures = [
        _fig("a", "£3.1bn", 3.1, measure="budget", unit="GBP"),
        _fig("b", "£3.4bn", 3.4, measure="cost", unit="GBP"),
    ]
    out = find_divergences(analyses, [], figures)
    assert len(out) == 1 and out[0].description.endswith("£3.1bn (Outlet A) vs £3.4bn (Outlet B)")
    assert [(s.document, s.date) for s in out[0].sides] == [
        ("a", "2024-05-01"),
        ("b", "2024-05-01"),
    ]
    assert 0 < out[0].strength < 1
    weeks_apart = [_published("a", "2024-05-01"), _published("b", "2024-06-01")]
    assert find_divergences(weeks_apart, [], figures) == []


def test_figure_revisions_keep_precision():
    analyses = [_published("a", "2013-05-01"), _published("b", "2014-05-01")]
    actual_vs_target = [
        _fig("a", "US$3.2 billion", 3.2, period="2013"),
        _fig("b", "10 billion", 10, period="2013", status="target"),
    ]
    undated_moves = [  # "shares fell 4%" then "shares fell 6%": two moments, not one measure
        _fig(
            "a", "4 percent", 4, scale=None, unit="percent", measure="shares decline", period=None
        ),
        _fig(
            "b",
            "6.2 percent",
            6.2,
            scale=None,
            unit="percent",
            measure="shares decline",
            period=None,
        ),
    ]
    other_cost = [
        _fig(
            "a",
            "£150 million",
            150,
            scale="million",
            unit="GBP",
            measure="cost of storm delays",
            period=None,
        ),
        _fig("b", "£3.25bn", 3.25, unit="GBP", measure="project", period=None),
    ]
    for figures in (actual_vs_target, undated_moves, other_cost):
        assert find_divergences(analyses, [], figures) == [], figures


def test_one_spelling_divergence_per_person_with_every_variant():
    analyses = [
        _mention_analysis("a", [("Maren Holt", "Maren Holt"), ("Holt", "Maren Holt")]),
        _mention_analysis("b", [("Maren Holte", "Maren Holte"), ("Holte", "Maren Holte")]),
        _mention_analysis("c", [("Maren Holt", "Maren Holt")]),
    ]
    entities = merge_entities(analyses)
    out = find_divergences(analyses, entities, [])
    assert len(out) == 1
    assert out[0].description == (
        'Maren Holt is also spelled "Holte" (across sources: "Holt" in Outlet A, Outlet C; "Holte" in Outlet B)'
    )
    texts = [
        analyses["abc".index(c.document)].document.text[c.start : c.end] for c in out[0].citations
    ]
    assert texts == ["Maren Holt", "Maren Holte"]


def test_values_within_rounding_or_bounds_agree_and_counts_disagree():
    def count(doc, text, value):
        return _fig(doc, text, value, scale=None, unit="people", measure="arrests", period="2019")

    miles = [
        _fig(
            "a", "3.7 million miles", 3.7, scale="million", unit="miles", measure="closest approach"
        ),
        _fig(
            "b", "3.9 million miles", 3.9, scale="million", unit="miles", measure="closest approach"
        ),
        _fig(
            "c", "four million miles", 4, scale="million", unit="miles", measure="closest approach"
        ),
    ]
    out = figure_divergences(miles)
    assert len(out) == 1 and "3.7 million miles" in out[0].description
    assert "3.9 million miles" in out[0].description  # 3.7 and 3.9 differ beyond rounding
    assert len(out[0].sides) == 2  # "four million" is within rounding of both
    assert figure_divergences([count("a", "at least nine", 9), count("b", "ten", 10)]) == []
    out = figure_divergences([count("a", "at least nine", 9), count("b", "eight", 8)])
    assert [d.kind for d in out] == ["count"]
    assert [s.document for s in out[0].sides] == ["a", "b"]


def test_roles_that_cannot_name_one_post_diverge():
    def person(doc_id, role):
        text = f"Ann Lee, the {role}, spoke."
        m = EntityMention("Ann Lee", "PERSON", 0, 7, "Ann Lee", role=role)
        return Analysis(document=_doc(doc_id, text), entities=[m])

    same = [person("a", "CTO"), person("b", "chief technology officer")]
    assert find_divergences(same, merge_entities(same), []) == []
    other = [person("a", "mayor"), person("b", "police chief")]
    out = find_divergences(other, merge_entities(other), [])
    assert [d.kind for d in out] == ["role"] and len(out[0].sides) == 2


def test_transcoding_debris_and_short_given_names_are_no_spellings():
    analyses = [
        _mention_analysis("a", [("Donald Trump", "Donald Trump"), ("Trump?s", "Donald Trump")]),
        _mention_analysis("b", [("Pete Strella", "Pete Strella")]),
        _mention_analysis("c", [("Peter Strella", "Peter Strella")]),
    ]
    entities = merge_entities(analyses)
    assert [d for d in find_divergences(analyses, entities, []) if d.kind == "spelling"] == []


def test_one_fact_counted_differently_is_a_count_divergence():
    def doc(doc_id, text):
        d = _doc(doc_id, text)
        return Analysis(document=d, dates=resolve_dates_for(text))

    def resolve_dates_for(text):
        from storyline.analysis.dates import resolve_dates

        return resolve_dates(text, None)

    a = doc("a", "Searchers said they found four big parts of the missing plane on the sea bed.")
    b = doc("b", "Searchers said they found two big parts of the missing plane on the sea bed.")
    out = [d for d in find_divergences([a, b], [], []) if d.kind == "count"]
    assert len(out) == 1 and [s.document for s in out[0].sides] == ["a", "b"]
    bounded = doc("c", "Searchers said they found at least two big parts of the missing plane.")
    labels = doc(
        "d", "Searchers in group 2 said they found parts of the missing plane on the sea bed."
    )
    other = doc(
        "e", "Searchers said they found four big parts of the missing plane on the sea bed."
    )
    for pair in ([a, bounded], [b, labels], [a, other]):
        assert [d for d in find_divergences(pair, [], []) if d.kind == "count"] == [], pair


def test_other_names_and_datelines_are_no_spellings():
    analyses = [
        _mention_analysis("a", [("Hosni Mubarak", "Hosni Mubarak"), ("Barak", "Hosni Mubarak")]),
        _mention_analysis(
            "b", [("JERUSALEM Israel", "JERUSALEM Israel"), ("Israelis", "JERUSALEM Israel")]
        ),
    ]
    entities = merge_entities(analyses)
    assert [d for d in find_divergences(analyses, entities, []) if d.kind == "spelling"] == []


def test_only_two_posts_can_conflict():
    def person(doc_id, role):
        text = f"Ann Lee, the {role}, spoke."
        m = EntityMention("Ann Lee", "PERSON", 0, 7, "Ann Lee", role=role)
        return Analysis(document=_doc(doc_id, text), entities=[m])

    for x, y in (
        ("Chief", "veteran cop"),  # a description held alongside the post
        ("SSP", "father"),  # a family tie
        ("old widow", "mother"),
        ("author Professor", "palaeontologist"),  # a profession
        ("Representative", "congresswoman elect"),  # one post, two names
        ("chief executive", "ceo"),  # initials written out
        ("former ceo", "chairman"),  # a post once held
    ):
        pair = [person("a", x), person("b", y)]
        assert find_divergences(pair, merge_entities(pair), []) == [], (x, y)
    pair = [person("a", "governor"), person("b", "senator")]
    assert [d.kind for d in find_divergences(pair, merge_entities(pair), [])] == ["role"]


def _said(doc_id, text, published=None):
    from storyline.analysis.dates import resolve_dates

    d = _doc(doc_id, text)
    d.published = published
    return Analysis(document=d, dates=resolve_dates(text, published))


def test_units_of_one_dimension_are_compared_converted():
    # one flow in barrels and in gallons agrees (1,000 barrels = 42,000 gallons)
    a = _said("a", "Officials say some 1,000 barrels of oil a day are leaking into the sea.")
    b = _said("b", "Officials say 42,000 gallons of oil a day are leaking into the sea.")
    assert [d for d in find_divergences([a, b], [], []) if d.kind == "count"] == []
    # a rate and an amount are different things
    c = _said("c", "Officials say some 5,000 barrels of oil are leaking into the sea.")
    assert [d for d in find_divergences([a, c], [], []) if d.kind == "count"] == []


def test_a_later_number_told_as_an_update_is_a_revision_not_a_conflict():
    from storyline.briefing.developments import find_developments

    a = _said(
        "a", "Officials say some 1,000 barrels of oil a day are leaking into the sea.", "2010-04-26"
    )
    b = _said(
        "b",
        "Officials now say some 5,000 barrels of oil a day are leaking into the sea.",
        "2010-04-29",
    )
    assert [d for d in find_divergences([a, b], [], []) if d.kind == "count"] == []
    moved = [d for d in find_developments([a, b]) if d.kind == "figure"]
    assert len(moved) == 1 and (moved[0].before.document, moved[0].after.document) == ("a", "b")
    # the same day, the same two sentences disagree
    b.document.published = "2010-04-26"
    assert len([d for d in find_divergences([a, b], [], []) if d.kind == "count"]) == 1
    assert [d for d in find_developments([a, b]) if d.kind == "figure"] == []


def test_a_hedged_figure_agrees_within_ten_percent():
    from storyline.briefing.compare import same_value

    def fig(text, value, scale=None):
        return Figure(text=text, value=value, scale=scale, unit="USD", measure="cost")

    assert same_value(
        fig("nearly $10.4 billion", 10.4, "billion"), fig("$9.6 billion", 9.6, "billion")
    )
    assert not same_value(
        fig("$10.4 billion", 10.4, "billion"), fig("$9.6 billion", 9.6, "billion")
    )


def _placed(doc_id, text, published, places=("Mexico", "United States")):
    """An analysis whose places (GPE mentions) are found by name in `text`."""
    import re as _re

    a = _said(doc_id, text, published)
    a.entities = [
        EntityMention(p, "GPE", m.start(), m.end(), p)
        for p in places
        for m in _re.finditer(_re.escape(p), text)
    ]
    return a


def test_one_toll_in_unlike_sentences_is_aligned_by_fate_and_place():
    from storyline.briefing.developments import find_developments

    a = _placed(
        "a", "Officials in Mexico have counted 176 deaths from the new strain.", "2009-05-01"
    )
    b = _placed(
        "b",
        "About 26 people have died of the flu in Mexico, but only two deaths were "
        "recorded outside that country.",
        "2009-05-06",
    )
    moved = [d for d in find_developments([a, b]) if d.kind == "figure"]
    assert len(moved) == 1 and (moved[0].before.document, moved[0].after.document) == ("a", "b")
    assert "26" in moved[0].what and moved[0].what.startswith("Deaths in Mexico revised")
    assert [d for d in find_divergences([a, b], [], []) if d.kind == "count"] == []
    # the same day, the two numbers for one measure disagree
    b.document.published = "2009-05-01"
    assert len([d for d in find_divergences([a, b], [], []) if d.kind == "count"]) == 1
    assert [d for d in find_developments([a, b]) if d.kind == "figure"] == []
    # one undated: neither one time nor an order
    b.document.published = None
    assert [d for d in find_divergences([a, b], [], []) if d.kind == "count"] == []
    assert [d for d in find_developments([a, b]) if d.kind == "figure"] == []


def test_cases_worldwide_are_one_measure_however_told():
    a = _placed(
        "a", "Nearly 1,500 people around the globe have been infected, the agency said.", None
    )
    b = _placed("b", "Roughly 1,000 flu cases worldwide have been confirmed.", None)
    c = _placed("c", "Health officials in 22 countries have reported 1,534 cases of the flu.", None)
    found = [d for d in find_divergences([a, b, c], [], []) if d.kind == "count"]
    # a and c agree ("nearly"); b differs from both
    assert sorted(sorted(s.document for s in d.sides) for d in found) == [["a", "b"], ["b", "c"]]


def test_counts_of_different_measures_are_not_aligned():
    from storyline.briefing.compare import measure_pairs, measures

    def pair(x, y, published=None):
        return measure_pairs([_placed("a", x, published), _placed("b", y, published)])

    assert (
        len(pair("Twelve people have died in Mexico.", "Officials counted 3 deaths in Mexico."))
        == 1
    )
    # two places
    assert (
        pair(
            "Twelve people have died in Mexico.", "Officials counted 3 deaths in the United States."
        )
        == []
    )
    # a document telling one measure two ways is left out of it
    assert (
        pair(
            "So far 25 people have died in Mexico. Officials in Mexico said 40 people have died.",
            "Officials counted 60 deaths in Mexico.",
        )
        == []
    )
    # suspected and confirmed counts; an earlier year's event; "outside" a place
    assert (
        pair("There were 150 suspected deaths in Mexico.", "Officials counted 20 deaths in Mexico.")
        == []
    )
    assert (
        pair(
            "Some 80 people were killed in Mexico in 1991.",
            "Officials counted 20 deaths in Mexico.",
            "2009-05-01",
        )
        == []
    )
    # a place the people were moved to; a day of the month is no count
    a = _placed(
        "a",
        "Patients were flown to the United States after the 12 January quake that killed "
        "500 people.",
        "2010-01-20",
    )
    assert measures(a) == []
    assert measures(_placed("a", "One of the cases in Mexico is a child.", None)) == []
    # nor, between alike sentences, is a part of something a count of it
    x = _said("x", "The gallery sold one of the paintings to a museum in Paris.")
    y = _said("y", "The gallery sold 12 paintings to a museum in Paris.")
    assert [d for d in find_divergences([x, y], [], []) if d.kind == "count"] == []
    # a day's toll and a toll over a stretch of time
    assert (
        pair(
            "Some 40 people have died in Mexico since March.",
            "Officials counted 9 deaths in Mexico.",
        )
        == []
    )
    assert (
        pair(
            "Only two deaths were recorded outside Mexico.", "Officials counted 9 deaths in Mexico."
        )
        == []
    )


def test_what_is_no_count_and_no_spelling():
    from storyline.briefing.compare import _demonym, measures

    # a count of countries is not a count of cases
    a = _placed("a", "Another 22 countries have confirmed cases but no deaths.", None)
    assert measures(a) == []
    # when a link was posted is no count
    x = _said("x", "Aid flights resume at the airport - 2 hrs ago The Herald.")
    y = _said("y", "Aid flights resume at the airport - 9 hrs ago The Herald.")
    assert [d for d in find_divergences([x, y], [], []) if d.kind == "count"] == []
    # a place's people are no spelling of it; a transliteration is
    assert _demonym("Haiti", "Haitian") and _demonym("China", "Chinese")
    assert not _demonym("Hegazy", "Hegazi") and not _demonym("Morsi", "Mursi")


def test_a_tally_told_before_its_number_is_a_measure():
    from storyline.briefing.compare import measures

    a = _placed("a", "The number of confirmed cases in Mexico has risen to 28.", "2009-05-05")
    assert [(m.label(), c.value) for m, c in measures(a)] == [("cases in Mexico", 28.0)]
    # a count of countries with cases is none
    b = _placed("b", "The number of countries with confirmed cases rose to 39.", "2009-05-05")
    assert measures(b) == []


def test_a_volume_let_out_is_one_measure_and_its_revision_is_told_once():
    from storyline.briefing.compare import measures
    from storyline.briefing.developments import find_developments

    a = _placed("a", "About 2,000 barrels of crude a day are leaking from the pipe.", "2011-03-02")
    b = _placed(
        "b", "The pipe is spewing 84,000 gallons of crude a day, engineers said.", "2011-03-02"
    )
    c = _placed(
        "c",
        "Engineers now think the pipe could be spilling up to 9,000 barrels a day.",
        "2011-03-06",
    )
    assert [m.label() for m, _ in measures(a)] == ["the flow (a day)"]
    # 2,000 barrels and 84,000 gallons agree; a later "up to 9,000" is another estimate,
    # told once however many earlier articles gave the first
    assert [d for d in find_divergences([a, b, c], [], []) if d.kind == "count"] == []
    moved = [d for d in find_developments([a, b, c]) if d.kind == "figure"]
    assert len(moved) == 1 and moved[0].after.document == "c"
    assert moved[0].what.startswith("The flow (a day) revised")
    # the same day, the two are a conflict
    c.document.published = "2011-03-02"
    assert len([d for d in find_divergences([a, c], [], []) if d.kind == "count"]) == 1


def test_volumes_taken_back_made_or_added_are_not_what_was_let_out():
    from storyline.briefing.compare import measures

    for text in (
        "Crews have collected 3,000 barrels of crude from the water.",
        "The field will typically produce 40,000 barrels of crude each day.",
        "Cutting the pipe could raise the flow by 5,000 gallons more a day.",
        "The tank can hold 50,000 gallons of water.",
    ):
        assert measures(_placed("a", text, "2011-03-02")) == [], text
    # the verb nearest the number decides: leaked, then captured
    a = _placed(
        "a",
        "The well leaked 6 million barrels of oil, with only 900,000 barrels being captured.",
        "2011-03-02",
    )
    assert [(m.label(), c.value) for m, c in measures(a)] == [
        ("the amount released", 6e6 * 158.987)
    ]
    # an earlier year's spill is a fixed fact of the past, not this one's measure
    b = _placed("b", "The 1979 blowout gushed 3 million barrels of oil.", "2011-03-02")
    assert measures(b) == []


def test_more_fates_of_people_are_measures_and_ceilings_far_above_disagree():
    from storyline.briefing.compare import _counts, _counts_agree, measures

    a = _placed("a", "Some 5,000 people have been left homeless in Mexico.", "2011-03-02")
    assert [m.label() for m, _ in measures(a)] == ["people homeless in Mexico"]
    b = _placed("b", "At least 40 people are missing in Mexico.", "2011-03-02")
    assert [m.label() for m, _ in measures(b)] == ["people missing in Mexico"]
    up_to, near, far = (
        _counts(_said(k, t).document)[0]
        for k, t in (
            ("x", "Up to 300 people were evacuated."),
            ("y", "About 250 people were evacuated."),
            ("z", "Some 60 people were evacuated."),
        )
    )
    assert _counts_agree(up_to, near) and not _counts_agree(up_to, far)


def test_a_count_is_placed_by_its_own_place_then_by_a_world_body():
    from storyline.briefing.compare import measures

    a = _placed("a", "There are 848 cases in Mexico and more than 27,000 worldwide.", "2011-03-02")
    assert ("cases in Mexico", 848.0) in [(m.label(), c.value) for m, c in measures(a)]
    # an unplaced tally of the World Health Organization is the world's
    b = _placed("b", "The WHO has confirmed 141 deaths from 27,737 cases.", "2011-03-02")
    assert sorted((m.label(), c.value) for m, c in measures(b)) == [
        ("cases worldwide", 27737.0),
        ("deaths worldwide", 141.0),
    ]
    # no place named: a toll of the story's own, never set against a number ten times off
    (m, _), *_ = measures(_placed("c", "Doctors have confirmed 141 deaths.", "2011-03-02"))
    assert (m.place, m.assumed, m.label()) == ("", True, "deaths (no place named)")
    # "infecting ... people", "killing ... people": the fate before the count
    d = _placed("d", "In Mexico the virus spread fast, infecting more than 900 people.", None)
    assert [m.label() for m, _ in measures(d)] == ["cases in Mexico"]


def test_an_earlier_estimate_and_a_rate_with_an_aside_are_not_todays_amount():
    from storyline.briefing.compare import _counts, measures

    # "per day" after a unit's aside: a flow, not an amount
    a = _placed(
        "a",
        "The flow may be as high as 40,000 barrels (1.68 million gallons) per day.",
        "2011-03-02",
    )
    assert [c.head for c in _counts(a.document)][:2] == ["volume/day", "volume/day"]
    # an estimate told at an earlier moment is no conflict with today's
    x = _said("x", "Days after the leak began, officials said 1,000 barrels a day were leaking.")
    y = _said("y", "Officials said up to 9,000 barrels a day were leaking from the well.")
    assert [d for d in find_divergences([x, y], [], []) if d.kind == "count"] == []
    assert measures(_placed("z", "Initially 1,000 barrels a day leaked.", None))[0][0].when


def test_a_running_tally_told_today_is_the_current_tally_not_a_days_count():
    from storyline.briefing.developments import find_developments

    # 2009-05-17 was a Sunday: the date dates the update, not the cases
    a = _placed("a", "The virus has infected more than 2,000 people in 24 countries.", "2009-05-07")
    b = _placed(
        "b",
        "The number of cases worldwide has climbed to 8,480, the WHO said in its latest "
        "update on Sunday.",
        "2009-05-17",
    )
    moved = [d for d in find_developments([a, b]) if d.kind == "figure"]
    assert len(moved) == 1 and moved[0].what.startswith("Cases worldwide revised")
    # a day's events keep their date: "12 people died on Sunday" is not the toll
    c = _placed("c", "In Mexico 12 people died on Sunday.", "2009-05-17")
    d = _placed("d", "In Mexico 66 people have died.", "2009-05-17")
    assert [x for x in find_divergences([c, d], [], []) if x.kind == "count"] == []


def test_a_floor_agrees_up_to_twice_itself_and_with_a_ceiling_above_it():
    a = _placed("a", "More than 2,000 people in Mexico have been infected.", "2009-05-07")
    b = _placed("b", "2,600 people in Mexico have been infected.", "2009-05-07")
    c = _placed("c", "8,480 people in Mexico have been infected.", "2009-05-07")
    assert [x for x in find_divergences([a, b], [], []) if x.kind == "count"] == []
    assert len([x for x in find_divergences([a, c], [], []) if x.kind == "count"]) == 1
    e = _placed("e", "At least 70,000 people in Mexico have died.", "2009-05-07")
    f = _placed("f", "Up to 200,000 people in Mexico have died.", "2009-05-07")
    assert [x for x in find_divergences([e, f], [], []) if x.kind == "count"] == []


def test_two_measures_revised_in_the_same_sentences_are_two_developments():
    from storyline.briefing.developments import find_developments

    a = _placed(
        "a", "There are 403 confirmed cases in the United States, and one death.", "2009-05-05"
    )
    b = _placed(
        "b",
        "The United States has reported nearly 900 confirmed cases, including two deaths.",
        "2009-05-17",
    )
    moved = [d.what.split(" revised")[0] for d in find_developments([a, b]) if d.kind == "figure"]
    assert sorted(moved) == ["Cases in United States", "Deaths in United States"]


def test_ranges_are_one_count_that_agrees_where_it_overlaps():
    a = _placed("a", "The quake in Mexico has left 45,000-50 ,000 people dead.", "2010-01-16")
    b = _placed(
        "b", "Officials in Mexico expect between 100,000 and 200,000 dead in total.", "2010-01-16"
    )
    c = _placed("c", "About 50,000 people have died in Mexico, officials said.", "2010-01-16")
    found = [d for d in find_divergences([a, b, c], [], []) if d.kind == "count"]
    # a and c overlap; b's range lies above both
    assert sorted(sorted(s.document for s in d.sides) for d in found) == [["a", "b"], ["b", "c"]]
    assert "100,000" in found[0].description
    # a span of years or a lower end far below the upper is no range of a count
    y = _placed("y", "Between 2005 and 2009 12 people died in Mexico.", "2010-01-16")
    assert all(c.low is None for c in _counts(y.document))


def test_a_toll_with_no_place_takes_the_articles_place_but_not_ten_times_off():
    main = "Mexico mourns. Mexico waits. Mexico counts. "
    a = _placed("a", main + "The quake left 45,000 dead.", "2010-01-16", places=("Mexico",))
    b = _placed("b", "In Mexico 90,000 people have died.", "2010-01-16", places=("Mexico",))
    c = _placed("c", main + "Rescuers say 13 dead across the country.", "2010-01-16")
    assert [p.measure for p in measure_pairs([a, b])] == ["deaths in Mexico"]
    assert measure_pairs([b, c]) == []  # 13 vs 90,000 with no place named: other scopes


def test_one_article_telling_two_sources_numbers_is_a_conflict():
    from storyline.model import Quote

    text = (
        "Some scientists doubt the official estimates, saying the figure of 5,000 barrels "
        "a day leaking is too low. Other researchers told reporters the leak was spewing "
        "about 70,000 barrels a day."
    )
    a = _said("a", text, "2010-05-14")
    a.document = _doc("a", text, with_sentences=True)
    a.document.published = "2010-05-14"
    cut = text.index("Other")
    a.quotes = [
        Quote("q1", False, "Some scientists", citations=[Citation("a", 0, cut - 1)]),
        Quote("q2", False, "Other researchers", citations=[Citation("a", cut, len(text))]),
    ]
    found = [d for d in find_divergences([a], [], []) if d.kind == "count"]
    assert len(found) == 1 and "70,000" in found[0].description
    # one speaker, or a number nobody is said to give: the article's own two numbers
    a.quotes[1] = Quote("q2", False, "Some scientists", citations=[Citation("a", cut, len(text))])
    assert [d for d in find_divergences([a], [], []) if d.kind == "count"] == []
    a.quotes = a.quotes[:1]
    assert [d for d in find_divergences([a], [], []) if d.kind == "count"] == []


def test_a_place_named_nearer_than_a_global_word_places_the_count():
    a = _placed(
        "a",
        "With fears of a global pandemic fading, Japan, where there have been almost 300 "
        "flu cases, relaxed its rules.",
        "2009-05-22",
        places=("Japan",),
    )
    assert [m.label() for m, _ in measures(a)] == ["cases in Japan"]
    b = _placed(
        "b", "The strain has infected more than 11,000 people in 42 countries and killed 86.", None
    )
    # 42 counts countries; "killed" is said of the strain
    assert sorted((m.label(), c.value) for m, c in measures(b)) == [("cases worldwide", 11000.0)]


def test_oil_trapped_by_a_cap_is_not_oil_released():
    a = _said("a", "A containment cap on the gusher trapped about 441,000 gallons of oil.", None)
    assert measures(a) == []


def test_an_official_estimate_against_a_named_source_in_one_article():
    from storyline.model import Quote

    text = (
        "An estimated 5,000 barrels of oil have poured into the Gulf each day since the "
        "well ruptured. The real flow rate from the well, based on aerial images of the "
        "slick, is probably closer to 25,000 barrels per day, MacDonald told Reuters."
    )
    a = _said("a", text, "2010-05-08")
    a.document = _doc("a", text, with_sentences=True)
    a.document.published = "2010-05-08"
    cut = text.index("The real")
    a.quotes = [Quote("q", False, "MacDonald", citations=[Citation("a", cut, len(text))])]
    labels = sorted(m.label() for m, _ in measures(a))
    assert labels == [
        "the flow (a day)",
        "the flow (a day)",
    ]  # "since the well ruptured": all of it
    found = [d for d in find_divergences([a], [], []) if d.kind == "count"]
    assert len(found) == 1 and "25,000" in found[0].description
    # an unattributed number not given as the official or estimated one: no conflict
    b = _said("b", text.replace("An estimated", "About"), "2010-05-08")
    b.document = _doc("b", text.replace("An estimated", "About"), with_sentences=True)
    b.document.published = "2010-05-08"
    cut = b.document.text.index("The real")
    b.quotes = [
        Quote("q", False, "MacDonald", citations=[Citation("b", cut, len(b.document.text))])
    ]
    assert [d for d in find_divergences([b], [], []) if d.kind == "count"] == []


def test_a_toll_named_before_its_number_is_read_with_no_noun_after_it():
    # "the toll ... could be as high as N", "the number of dead could be `` between ... ''"
    a = _placed(
        "a",
        "A relief agency said the death toll in Peru could be as high as 9,000.",
        "2011-02-02",
        ("Peru",),
    )
    assert [(m.label(), c.value, c.bound) for m, c in measures(a)] == [
        ("deaths in Peru", 9000.0, -1)
    ]
    b = _placed(
        "b",
        "The mayor said the total number of dead in Peru could be `` between 20,000 and "
        "30,000 '' .",
        "2011-02-02",
        places=("Peru",),
    )
    [(m, c)] = measures(b)
    assert (m.label(), c.low, c.value) == ("deaths in Peru", 20000.0, 30000.0)
    # a range with nothing counted and no toll before it stays no count
    c = _placed("c", "Prices in Peru rose to between 20,000 and 30,000 .", "2011-02-02", ("Peru",))
    assert measures(c) == []


def test_the_day_of_the_event_that_caused_a_toll_is_not_the_tolls_day():
    # 2011-02-02 was a Wednesday: "Monday's storm" dates the storm, not the count, and
    # "since Monday's storm" is the whole stretch since it
    a = _placed("a", "Monday's storm has left 300 people dead in Peru.", "2011-02-02", ("Peru",))
    b = _placed(
        "b", "Some 900 people have died in Peru since Monday's storm.", "2011-02-02", ("Peru",)
    )
    c = _placed("c", "Officials said 1,500 people have died in Peru.", "2011-02-02", ("Peru",))
    whens = {m.when for x in (a, b, c) for m, _ in measures(x)}
    assert whens == {frozenset()}
    assert len([d for d in find_divergences([a, c], [], []) if d.kind == "count"]) == 1
    # a day's own tally keeps its day: "Monday's toll" is a count of Monday
    d = _placed(
        "d", "Monday's toll of 40 people dead in Peru was the worst.", "2011-02-02", ("Peru",)
    )
    assert all(m.when for m, _ in measures(d))


def test_saved_counts_the_rescued():
    a = _placed("a", "Some 40 people in Peru have been saved by rescuers.", "2011-02-02", ("Peru",))
    b = _placed("b", "Officials said 25 people in Peru were rescued.", "2011-02-02", ("Peru",))
    assert [m.label() for x in (a, b) for m, _ in measures(x)] == ["people rescued in Peru"] * 2


def test_times_of_day_are_no_counts():
    a = _doc("a", "The plane landed at 1410 GMT with 40 doctors.")
    b = _doc("b", "Flights may land from 10 to 14:30 GMT, officials said.")
    assert [c.value for c in _counts(a)] == [40.0]
    assert [c.value for c in _counts(b) if c.low is not None] == []
