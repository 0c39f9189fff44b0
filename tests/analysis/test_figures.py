"""Figures: the number forms, what they measure, when, who says so; then the real seeds."""

from __future__ import annotations

import pytest

from storyline.analysis.figures import (
    FigureExtractor,
    absolute_amount,
    amount_range,
    extract_figures,
    find_amounts,
    spacy_amounts,
)
from storyline.model import Analysis, DateMention, Document, EntityMention, Figure, Sentence


def figures(nlp, text, **kw):
    return extract_figures(text, nlp(text), **kw)


def only(nlp, text, **kw) -> Figure:
    found = figures(nlp, text, **kw)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# ---------------------------------------------------------------- forms


@pytest.mark.parametrize(
    "text,surface,value,unit,scale",
    [
        ("The startup raised $4.2 million from investors.", "$4.2 million", 4.2, "USD", "million"),
        ("Acme won a $4.2 million contract from the city.", "$4.2 million", 4.2, "USD", "million"),
        ("Rivals spent £2.5bn on new networks.", "£2.5bn", 2.5, "GBP", "billion"),
        ("Zeta put €300m into research.", "€300m", 300.0, "EUR", "million"),
        ("Orbit earned US$3.2 billion last year.", "US$3.2 billion", 3.2, "USD", "billion"),
        ("Orbit earned US$ 3.2 billion last year.", "US$ 3.2 billion", 3.2, "USD", "billion"),
        ("Orbit earned US 3 2 billion last year", "US 3 2 billion", 3.2, "USD", "billion"),
        (
            "Orbit earned 3.2 billion US dollars last year.",
            "3.2 billion US dollars",
            3.2,
            "USD",
            "billion",
        ),
        ("The plant cost 40 billion yuan.", "40 billion yuan", 40.0, "CNY", "billion"),
        ("About 30 percent of voters stayed home.", "30 percent", 30.0, "percent", None),
        ("Turnout reached 28.1 percent on Sunday.", "28.1 percent", 28.1, "percent", None),
        ("Sales fell 5% in the quarter.", "5%", 5.0, "percent", None),
        ("The index lost 12 per cent in a week.", "12 per cent", 12.0, "percent", None),
        ("Nova hired 2,000 employees at its new plant.", "2,000", 2000.0, "people", None),
        ("The carrier signed up 3 million subscribers.", "3 million", 3.0, "people", "million"),
        ("Kappa makes nearly all of its profit in Asia.", "nearly all", 100.0, "percent", None),
        ("Lambda sells over half of its phones abroad.", "over half", 50.0, "percent", None),
    ],
)
def test_figures_forms(nlp, text, surface, value, unit, scale):
    f = only(nlp, text)
    assert (f.text, f.value, f.unit, f.scale) == (surface, value, unit, scale)


def test_figures_votes_keep_the_tally_as_text(nlp):
    f = only(nlp, "The board voted 5-0 to approve the merger.")
    assert (f.text, f.value, f.unit) == ("5-0", None, "votes")
    assert f.measure == "vote to approve the merger"
    g = only(nlp, "The court issued a 7-2 decision on the case.")
    assert (g.text, g.unit, g.measure) == ("7-2", "votes", "decision on the case")


def test_figures_range_and_vague_amounts_have_no_single_value(nlp):
    r = only(nlp, "Analysts put the deal at $3-4 billion.")
    assert (r.text, r.value, r.unit, r.scale) == ("$3-4 billion", None, "USD", "billion")
    assert amount_range(r) == (3e9, 4e9)
    v = only(nlp, "The agency is spending hundreds of millions of US dollars on roads.")
    assert (v.value, v.unit, v.scale) == (None, "USD", "million")
    assert v.measure == "spending on roads"
    assert absolute_amount(v) is None and amount_range(v) is None


def test_figures_absolute_amount():
    assert absolute_amount(Figure("US$3.2 billion", 3.2, "USD", "billion")) == pytest.approx(3.2e9)
    assert absolute_amount(Figure("30%", 30.0, "percent")) == 30.0
    assert amount_range(Figure("€300m", 300.0, "EUR", "million")) == (3e8, 3e8)


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 2011 and listed in 2017.",
        "The meeting started at 03:04 and ended at 17:30.",
        "Carriers are racing to build 5G networks.",
        "Europe is the number one area for the firm.",
        "The table is on page 5 of the report.",
        "Call 555-123-4567 for details.",
        "The report was published on 2014-05-07.",
    ],
)
def test_figures_not_extracted(nlp, text):
    assert figures(nlp, text) == []


def test_find_amounts_works_without_a_parse():
    found = find_amounts("It sold £2.5bn of bonds, €300m of loans and 30% of its shares at 03:04.")
    assert [(a.text, a.kind) for a in found] == [
        ("£2.5bn", "money"),
        ("€300m", "money"),
        ("30%", "percent"),
    ]


# ---------------------------------------------------------------- context


def test_figures_currency_carries_within_the_sentence(nlp):
    found = figures(
        nlp,
        "Orbit made US$3.2 billion in sales last year, and it wants that figure to reach 10 billion by 2020.",
        published="2016",
    )
    first, second = found
    assert (first.measure, first.period, first.status) == ("sales", "2015", "actual")
    assert (second.text, second.unit, second.scale) == ("10 billion", "USD", "billion")
    assert (second.measure, second.period, second.status) == ("sales", "by 2020", "target")


def test_figures_change_verbs_name_the_measure(nlp):
    f = only(nlp, "Delta's profits rose 28.1 percent in 2017, helped by strong sales.")
    assert (f.measure, f.period, f.status) == ("profit growth", "2017", "actual")
    g = only(nlp, "The storage market grew by 1 percent year over year.")
    assert g.measure == "storage market growth"
    h = only(nlp, "Unemployment rose to 9 percent in 2012.")
    assert h.measure == "unemployment"


def test_figures_share_of_and_noun_measures(nlp):
    f = only(nlp, "The US represents about 30 percent of the world's carrier business.")
    assert f.measure == "share of the world's carrier business"
    g = only(nlp, "The firm suffered a 90 percent drop in its number of partners.")
    assert g.measure.startswith("drop in") and "partners" in g.measure
    h = only(nlp, "Last year it made about US$3.2 billion in revenue from enterprise products.")
    assert h.measure == "revenue from enterprise products"


def test_figures_status(nlp):
    assert only(nlp, "The firm expects revenue to grow 30% next year.").status == "forecast"
    assert only(nlp, "Revenue will reach $5 billion.").status == "forecast"
    assert only(nlp, "Orbit hoped to reach $10 billion in sales by 2018.").status == "target"
    assert only(nlp, "Orbit aims to sell 40 million phones by 2021.").status == "target"
    assert only(nlp, "Orbit sold 40 million phones in 2019.").status == "actual"


def test_figures_claimant_from_attribution(nlp):
    f = only(nlp, "Profits grew 1 percent, said Maria Lopez, an analyst at Delta.")
    assert f.claimant == "Maria Lopez"
    g = only(nlp, "Maria Lopez estimates that the market is worth $5 billion.")
    assert g.claimant == "Maria Lopez"
    h = only(nlp, "Orbit sold 40 million phones in 2021, according to Tom Reed.")
    assert h.claimant == "Tom Reed"
    # Short name resolved against the full one in the same document.
    text = "Maria Lopez covers storage. The market grew 1 percent last year, Lopez said."
    assert only(nlp, text).claimant == "Maria Lopez"


def test_figures_transcript_speaker_is_the_claimant(nlp):
    text = "We expect sales to grow 20 percent this year."
    f = only(nlp, text, sentences=[Sentence(0, len(text), speaker="Ann Lee")])
    assert f.claimant == "Ann Lee" and f.status == "forecast"


def test_figures_in_a_quotation_a_turn_gives_to_someone_are_theirs(nlp):
    from storyline.analysis.quotes import QuoteExtractor
    from storyline.model import Turn

    text = (
        'Mayor Jane Ortiz said, "More than 300 families have been moved to shelters." '
        "We expect 20 more buses by tonight."
    )
    doc = Document(
        id="d1", source="t", text=text, turns=[Turn("TOM HART", None, None, 0, len(text))]
    )
    quotes = QuoteExtractor()(Analysis(document=doc, nlp=nlp(text))).quotes
    parsed = nlp(text)
    sentences = [Sentence(s.start_char, s.end_char, speaker="Tom Hart") for s in parsed.sents]
    found = extract_figures(text, parsed, quotes=quotes, sentences=sentences)
    assert [(f.text, f.claimant) for f in found] == [("300", "Jane Ortiz"), ("20", "Tom Hart")]


def test_figures_use_resolved_dates_and_entities(nlp):
    text = "Last year it made US$3.2 billion in revenue, said Chang."
    dates = [DateMention("Last year", 0, 9, "2013", "year", relative=True)]
    entities = [
        EntityMention(
            "Chang",
            "PERSON",
            text.index("Chang"),
            text.index("Chang") + 5,
            canonical="Jimmie Chang",
        ),
    ]
    f = only(nlp, text, dates=dates, entities=entities)
    assert (f.period, f.claimant) == ("2013", "Jimmie Chang")


def test_figure_extractor_component(nlp):
    text = "Acme sold 2,000 cars in 2019."
    doc = Document(id="d1", source="x", text=text, sentences=[Sentence(0, len(text))])
    comp = FigureExtractor()
    assert (comp.name, comp.requires, comp.provides) == (
        "figures",
        ("dates", "entities", "quotes", "people"),
        ("figures",),
    )
    analysis = comp(Analysis(document=doc, nlp=nlp(text)))
    (f,) = analysis.figures
    assert (f.text, f.value, f.unit, f.measure, f.period) == (
        "2,000",
        2000.0,
        "units",
        "cars",
        "2019",
    )
    assert [(c.document, c.start, c.end) for c in f.citations] == [("d1", 0, len(text))]


# ---------------------------------------------------------------- regex vs spaCy ents

# Our own sentences with the figure surfaces a reader would mark.
LABELLED = [
    ("Zeta put €300m into research and hired 2,000 engineers.", {"€300m", "2,000"}),
    ("Orbit earned US 3 2 billion last year", {"US 3 2 billion"}),
    ("The board voted 5-0 to approve the merger in 2017.", {"5-0"}),
    ("Rivals spent £2.5bn on 5G networks at 03:04 on Tuesday.", {"£2.5bn"}),
    ("Sales fell 5% while costs rose 28.1 percent.", {"5%", "28.1 percent"}),
    ("Lambda sells over half of its phones abroad.", {"over half"}),
    (
        "The agency is spending hundreds of millions of US dollars on roads.",
        {"hundreds of millions of US dollars"},
    ),
    ("Europe is the number one area; see page 5.", set()),
    (
        "Orbit made US$3.2 billion and wants to reach 10 billion by 2019.",
        {"US$3.2 billion", "10 billion"},
    ),
]


def _scores(found: list[set[str]]) -> tuple[float, float]:
    tp = sum(len(f & gold) for f, (_, gold) in zip(found, LABELLED, strict=False))
    predicted = sum(len(f) for f in found)
    gold = sum(len(g) for _, g in LABELLED)
    return tp / max(predicted, 1), tp / gold


def test_figures_regexes_beat_spacy_ents(nlp):
    ours = [{f.text for f in figures(nlp, text)} for text, _ in LABELLED]
    theirs = [{a.text for a in spacy_amounts(nlp(text))} for text, _ in LABELLED]
    p_ours, r_ours = _scores(ours)
    p_spacy, r_spacy = _scores(theirs)
    print(
        f"\nregex+parse P={p_ours:.2f} R={r_ours:.2f}; spaCy ents P={p_spacy:.2f} R={r_spacy:.2f}"
    )
    assert (p_ours, r_ours) == (1.0, 1.0)
    assert r_spacy < r_ours and p_spacy < p_ours


# ---------------------------------------------------------------- seeds (real articles)


@pytest.fixture(scope="module")
def seed_figures(seeds_dir):
    from storyline.analysis.pipeline import analyze
    from storyline.ingest import document_from_bytes

    docs = [document_from_bytes(p.read_bytes(), str(p)) for p in sorted(seeds_dir.glob("*.txt"))]
    return [f for a in analyze(docs) for f in a.figures]


def _find(figs, text=None, **want):
    for f in figs:
        if text is not None and f.text != text:
            continue
        if all((v(getattr(f, k)) if callable(v) else getattr(f, k) == v) for k, v in want.items()):
            return f
    raise AssertionError(
        f"no figure {text!r} {want} in {[(f.text, f.measure, f.period) for f in figs]}"
    )


def _has(*words):
    return lambda measure: measure is not None and all(w in measure for w in words)


def test_seed_figures_are_all_found(seed_figures):
    figs = seed_figures
    _find(figs, "30 percent", unit="percent", measure=_has("share of", "carrier business"))
    _find(figs, "90 percent", measure=_has("drop", "smartphone partners"))
    _find(
        figs,
        value=3.2,
        unit="USD",
        scale="billion",
        measure=_has("revenue", "enterprise products"),
        period="2013",
        status="actual",
        subject="Huawei",
    )
    _find(
        figs, "10 billion", unit="USD", period="by 2019", status="target", measure=_has("revenue")
    )
    _find(figs, "10 billion", unit="USD", period="2018", status="target")
    _find(figs, "over half", value=50.0, measure=_has("storage products"), claimant="Jimmie Chang")
    _find(
        figs, "1 percent", measure=_has("storage market", "growth"), period="2013", status="actual"
    )
    _find(
        figs,
        "hundreds of millions of US dollars",
        value=None,
        unit="USD",
        scale="million",
        subject="Huawei",
    )
    _find(
        figs,
        "5-0",
        unit="votes",
        measure=_has("vote"),
        subject=_has("Federal Communications Commission"),
    )
    _find(
        figs,
        "28.1 percent",
        measure="profit growth",
        period="2017",
        status="actual",
        subject="Huawei",
    )


def test_seed_figures_no_years_times_or_5g(seed_figures):
    texts = {f.text for f in seed_figures}
    assert not texts & {"2011", "2017", "2018", "2019", "03:04", "5G", "one"}
    assert not any(t.isdigit() and len(t) == 4 for t in texts)


# ---------------------------------------------------------------- regressions from reading Multi-News output


def test_figures_levels_from_and_to_are_not_growth(nlp):
    found = figures(nlp, "The chief's bonus rose to $1.4 million from $1 million.")
    assert [(f.text, f.measure) for f in found] == [
        ("$1.4 million", "bonus"),
        ("$1 million", "bonus"),
    ]


def test_figures_units_of_measurement_and_small_counts(nlp):
    f = only(nlp, "The site lies more than 2,000 km from the coast.")
    assert (f.value, f.unit) == (2000.0, "km")
    assert figures(nlp, "She watched the race with 2 friends.") == []
    assert figures(nlp, "He earned more in May 2017 dollars.") == []


def test_figures_purchase_names_what_was_bought(nlp):
    f = only(nlp, "Lee purchased the mansion for $650,000 in 1977.")
    assert (f.measure, f.period, f.subject) == ("purchase price of mansion", "1977", "Lee")


# ---------------------------------------------------------------- status and claimant


def test_figures_past_tense_vote_is_actual_even_with_a_future_date(nlp):
    text = "The district board voted 5-2 on Monday to approve the harbour plan."
    monday = text.index("on Monday")
    dates = [
        DateMention(
            "on Monday", monday, monday + 9, "2024-06-10", "day", relative=True, future=True
        )
    ]
    f = only(nlp, text, dates=dates, published="2024-06-05")
    assert f.status == "actual"
    assert f.measure == "vote to approve the harbour plan"


def test_figures_a_project_is_no_projection(nlp):
    text = (
        "Orvane Power said on Monday it had finished the work, putting the £1.3bn project on track."
    )
    f = next(f for f in figures(nlp, text) if f.text == "£1.3bn")
    assert f.status == "actual"
    g = only(nlp, "The harbour, which Orvane says will cost £1.2bn, is designed by Cato.")
    assert g.status == "forecast"


def test_figures_date_not_after_publication_is_not_a_plan(nlp):
    text = "Orvane Power paid £40 million for the site on Wednesday."
    wed = text.index("on Wednesday")
    dates = [
        DateMention("on Wednesday", wed, wed + 12, "2024-06-05", "day", relative=True, future=True)
    ]
    assert only(nlp, text, dates=dates, published="2024-06-05").status == "actual"


def test_figures_the_company_is_the_articles_company_not_the_last_organisation(nlp):
    from storyline.analysis.entities import extract_entities

    text = (
        "Orvane Power plans a new harbour. Orvane Power hired Cato. The Tidewater Regulator approved it. "
        "The scheme's budget now stands at £1.2bn, a figure the company says is final."
    )
    doc = nlp(text)
    f = only(nlp, text, entities=extract_entities(text, doc))
    assert f.claimant == "Orvane Power"


def test_figures_claimant_written_as_a_generic_head_is_resolved(nlp):
    text = "The Kestrel Bay Anglers' Association opposed the plan. The Association said its members land £4 million of fish."
    start = text.index("Kestrel")
    full = "Kestrel Bay Anglers' Association"
    entities = [EntityMention(full, "ORG", start, start + len(full))]
    f = only(nlp, text, entities=entities)
    assert f.claimant == full


def test_figures_a_date_past_another_amount_belongs_to_that_one(nlp):
    text = "Orvane Power said the cost has risen to £3.1bn, up from the £2.4bn it gave in 2021."
    year = text.index("2021")
    dates = [DateMention("2021", year, year + 4, "2021", "year")]
    periods = {f.text: f.period for f in figures(nlp, text, dates=dates)}
    assert periods == {"£3.1bn": None, "£2.4bn": "2021"}


def test_figures_small_amounts_of_a_unit_of_measurement_are_kept(nlp):
    f = only(nlp, "The turbines will generate 1.2 gigawatts for the region.")
    assert (f.text, f.value, f.unit) == ("1.2 gigawatts", 1.2, "gigawatts")
