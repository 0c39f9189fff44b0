"""collect_figures: one entry per figure across documents, with every citation."""

from __future__ import annotations

import pytest

from storyline.briefing.figures import (
    collect_figures,
    measure_stands,
    same_figure,
    source_context,
)
from storyline.model import Analysis, Citation, Clause, Document, Figure


def analysis(doc_id: str, *figures: Figure) -> Analysis:
    return Analysis(
        document=Document(id=doc_id, source=f"{doc_id}.txt", text="x" * 200), figures=list(figures)
    )


def fig(text, value, unit, scale=None, *, doc="a", start=0, **kw) -> Figure:
    return Figure(text, value, unit, scale, citations=[Citation(doc, start, start + 10)], **kw)


def test_collect_figures_merges_the_same_figure_across_documents():
    one = fig(
        "US$3.2 billion",
        3.2,
        "USD",
        "billion",
        doc="a",
        measure="revenue from enterprise products",
        period="2013",
        subject="Huawei",
        status="actual",
    )
    two = fig(
        "$3,200 million",
        3200.0,
        "USD",
        "million",
        doc="b",
        measure="enterprise revenue",
        period="2013",
        claimant="Jimmie Chang",
        status="actual",
    )
    (merged,) = collect_figures([analysis("a", one), analysis("b", two)])
    assert merged.text == "US$3.2 billion" and merged.measure == "revenue from enterprise products"
    # who states the number is read from the cited passage, never filled from another outlet
    assert merged.claimant is None and merged.subject == "Huawei"
    assert [c.document for c in merged.citations] == ["a", "b"]
    assert one.citations == [Citation("a", 0, 10)]  # the analyses are left as they were


@pytest.mark.parametrize(
    "other",
    [
        fig(
            "10 billion",
            10.0,
            "USD",
            "billion",
            doc="b",
            period="2018",
            measure="revenue",
            status="target",
        ),
        fig(
            "11 billion",
            11.0,
            "USD",
            "billion",
            doc="b",
            period="by 2019",
            measure="revenue",
            status="target",
        ),
        fig(
            "10 billion",
            10.0,
            "EUR",
            "billion",
            doc="b",
            period="by 2019",
            measure="revenue",
            status="target",
        ),
        fig(
            "10 billion",
            10.0,
            "USD",
            "billion",
            doc="b",
            period="by 2019",
            measure="revenue",
            status="actual",
        ),
        fig(
            "10 billion",
            10.0,
            "USD",
            "billion",
            doc="b",
            period="by 2019",
            measure="smartphone shipments",
            status="target",
        ),
    ],
)
def test_collect_figures_keeps_different_figures_apart(other):
    base = fig(
        "10 billion",
        10.0,
        "USD",
        "billion",
        doc="a",
        period="by 2019",
        measure="revenue",
        status="target",
    )
    assert not same_figure(base, other)
    assert len(collect_figures([analysis("a", base), analysis("b", other)])) == 2


def test_collect_figures_merges_tallies_and_vague_amounts_by_text():
    votes = [fig("5-0", None, "votes", doc=d, measure="vote on the order") for d in "ab"]
    vague = [fig("hundreds of millions of US dollars", None, "USD", "million", doc=d) for d in "ab"]
    out = collect_figures([analysis("a", votes[0], vague[0]), analysis("b", votes[1], vague[1])])
    assert sorted((f.text, len(f.citations)) for f in out) == [
        ("5-0", 2),
        ("hundreds of millions of US dollars", 2),
    ]
    ranges = [
        fig("$3-4 billion", None, "USD", "billion"),
        fig("$3-5 billion", None, "USD", "billion", doc="b"),
    ]
    assert len(collect_figures([analysis("a", ranges[0]), analysis("b", ranges[1])])) == 2


def test_collect_figures_order_subject_measure_period():
    figs = [
        fig("9%", 9.0, "percent", subject="Zeta", measure="growth", period="2017"),
        fig("5%", 5.0, "percent", subject="Acme", measure="profit growth", period="2018", start=20),
        fig("4%", 4.0, "percent", subject="Acme", measure="profit growth", period="2017", start=40),
        fig("$1m", 1.0, "USD", "million", subject="Acme", measure="fine", start=60),
        fig("7", 7.0, "units", start=80),
    ]
    out = collect_figures([analysis("a", *figs)])
    assert [f.text for f in out] == ["$1m", "4%", "5%", "9%", "7"]


def test_collect_figures_on_the_seeds(seeds_dir):
    from storyline.analysis.pipeline import analyze
    from storyline.ingest import document_from_bytes

    docs = [document_from_bytes(p.read_bytes(), str(p)) for p in sorted(seeds_dir.glob("*.txt"))]
    analyses = list(analyze(docs))
    out = collect_figures(analyses)
    total = sum(len(a.figures) for a in analyses)
    # The seeds share no figure, but "the 10 billion figure" with no period joins the 2019 target.
    assert len(out) == total - 1
    targets = sorted(f.period for f in out if f.text == "10 billion (USD)")
    assert targets == ["2018", "by 2019"]
    (by_2019,) = [f for f in out if f.period == "by 2019"]
    assert len(by_2019.citations) == 2 and by_2019.unit == "USD"
    subjects = [f.subject for f in out]
    assert subjects.index("Huawei") < subjects.index(None)  # unknown subjects last


def test_one_document_repeating_an_amount_is_one_figure():
    a = fig(
        "£3.25bn",
        3.25,
        "GBP",
        "billion",
        doc="a",
        measure="project",
        period="2025-01-15",
        status="forecast",
    )
    b = fig("£3.25bn", 3.25, "GBP", "billion", doc="a", start=50, status="actual")
    assert len(collect_figures([analysis("a", a, b)])) == 1
    # across documents a forecast and an actual of one amount stay apart
    c = fig("£3.25bn", 3.25, "GBP", "billion", doc="b", measure="revenue", status="actual")
    d = fig("£3.25bn", 3.25, "GBP", "billion", doc="c", measure="revenue", status="forecast")
    assert len(collect_figures([analysis("b", c), analysis("c", d)])) == 2


def test_running_total_merges_across_its_synonyms_and_periods():
    a = fig(
        "£3.1bn",
        3.1,
        "GBP",
        "billion",
        doc="a",
        measure="cost of offshore wind farm",
        period="2023-03",
    )
    b = fig("£3.1bn", 3.1, "GBP", "billion", doc="b", measure="project's budget", period="2023")
    c = fig(
        "3.1 billion pounds",
        3.1,
        "GBP",
        "billion",
        doc="c",
        measure="investment",
        status="forecast",
    )
    merged = collect_figures([analysis("a", a), analysis("b", b), analysis("c", c)])
    assert len(merged) == 1 and [x.document for x in merged[0].citations] == ["a", "b", "c"]
    target = fig("£3.1bn", 3.1, "GBP", "billion", doc="d", measure="budget", status="target")
    assert not same_figure(a, target)


def test_date_by_publication_dates_only_undated_actual_figures() -> None:
    from storyline.briefing.figures import date_by_publication
    from storyline.model import Citation, Figure

    present = Figure(
        "30 percent",
        30.0,
        "percent",
        status="actual",
        citations=[Citation("b", 0, 5), Citation("a", 0, 5)],
    )
    dated = Figure(
        "$5 million",
        5.0,
        "USD",
        scale="million",
        period="2013",
        status="actual",
        citations=[Citation("a", 0, 5)],
    )
    target = Figure(
        "10 billion", 10.0, "USD", scale="billion", status="target", citations=[Citation("a", 0, 5)]
    )
    date_by_publication([present, dated, target], {"a": "2014-05-07", "b": "2013"})
    assert present.period == "as of 2013"
    assert dated.period == "2013"
    assert target.period is None


def test_a_subject_stating_its_own_figure_fills_the_claimant():
    one = fig("80", 80.0, "units", doc="a", measure="turbines", subject="Veltrix", status="actual")
    two = fig(
        "80",
        80.0,
        "units",
        doc="b",
        measure="turbines",
        subject="Veltrix",
        claimant="Veltrix Energy",
        status="actual",
    )
    (merged,) = collect_figures([analysis("a", one), analysis("b", two)])
    assert merged.claimant == "Veltrix Energy"


# ---------------------------------------------------------------- standing alone

EARNED = (
    "The former secretary of state earned more than $11 million delivering 51 speeches"
    " in 2014 and the first three months of 2015, according to The Washington Post."
)
CLUB = (
    "The anti-tax group Club for Growth was one of his biggest supporters, spending more"
    " than $5.5 million on the Senate race."
)


@pytest.mark.parametrize(
    ("measure", "sentence", "stands"),
    [
        (None, EARNED, False),
        ("earnings of months of 2015", EARNED, False),  # an "of" part of time words only
        ("earnings of total", "They earned her a total of $675,000.", False),
        ("growth", CLUB, False),  # only inside the name "Club for Growth"
        ("Everyone else", "Everyone else is at 2 percent or below.", False),
        ("former Secretary of growth", "Clinton doubles Sanders; 61 percent to 30 percent.", False),
        ("spending on the Senate race", CLUB, True),
        ("speeches", EARNED, True),
        ("earnings", EARNED, True),  # an inflection of "earned"
        ("support", "Former Maryland Gov. Martin O'Malley gets 1 percent support.", True),
    ],
)
def test_measure_stands(measure, sentence, stands) -> None:
    assert measure_stands(measure, sentence) is stands


def test_source_context_keeps_the_number_and_cuts_a_clause_that_does_not_hold_it() -> None:
    text = (
        "Clinton won by almost 60 points among the 30 percent of voters who said Wall Street"
        " does more to help the economy."
    )
    root = Clause(0, len(text), text.index("won"), "ROOT", "win")
    relcl = Clause(text.index("who"), len(text) - 1, text.index("said"), "relcl", "say", parent=0)
    at = text.index("60 points")
    got = source_context(text, 0, len(text), (at, at + 9), [root, relcl])
    assert got == "Clinton won by almost 60 points among the 30 percent of voters"
    # without a parse the cut is at ~14 whole words, marked
    got = source_context(text, 0, len(text), (at, at + 9), [])
    assert got.endswith("…") and len(got.rstrip("…").split()) <= 14
    assert all(word in text.split() for word in got.rstrip("…").split())


def test_source_context_never_leaves_a_word_hanging_before_a_cut_clause() -> None:
    text = "The firm makes nearly all its revenue from selling gear to phone carriers."
    root = Clause(0, len(text), text.index("makes"), "ROOT", "make")
    pcomp = Clause(text.index("selling"), len(text) - 1, text.index("selling"), "pcomp", "sell")
    at = text.index("nearly all")
    got = source_context(text, 0, len(text), (at, at + 10), [root, pcomp])
    assert got == "The firm makes nearly all its revenue from selling gear to phone carriers"


def test_source_context_takes_the_list_item_of_the_number() -> None:
    text = (
        "Clinton's victory was achieved through the support of women (61 percent), nonwhite"
        " voters (67 percent) and Democrats looking for an experienced candidate (90 percent),"
        " according to CNN."
    )
    at = text.index("67 percent")
    assert source_context(text, 0, len(text), (at, at + 10), []) == "nonwhite voters (67 percent)"
    at = text.index("90 percent")
    assert (
        source_context(text, 0, len(text), (at, at + 10), [])
        == "nonwhite voters (67 percent) and Democrats looking for an experienced candidate"
        " (90 percent)"  # without a parse, the part between commas
    )


def test_collect_figures_quotes_the_source_only_where_the_measure_does_not_stand() -> None:
    text = "Everyone else is at 2 percent or below. " + CLUB
    doc = Document(id="a", source="a.txt", text=text)
    bare = Figure("2 percent", 2.0, "percent", citations=[Citation("a", 0, 39)])
    club = Figure(
        "$5.5 million",
        5.5,
        "USD",
        "million",
        measure="spending on the Senate race",
        citations=[Citation("a", 40, len(text))],
    )
    got = {f.text: f for f in collect_figures([Analysis(document=doc, figures=[bare, club])])}
    assert got["2 percent"].context == "Everyone else is at 2 percent or below"
    assert got["$5.5 million"].context is None


def test_a_target_its_own_source_says_was_moved_is_marked_superseded() -> None:
    old = "Originally the firm hoped to reach 10 billion in revenue in 2018 but pushed it back."
    new = " By 2019 the firm wants its revenue to reach 10 billion."
    doc = Document(id="a", source="a.txt", text=old + new)
    moved = Figure(
        "10 billion",
        10.0,
        "USD",
        "billion",
        measure="revenue",
        period="2018",
        status="target",
        citations=[Citation("a", 0, len(old))],
    )
    current = Figure(
        "10 billion",
        10.0,
        "USD",
        "billion",
        measure="revenue",
        period="by 2019",
        status="target",
        citations=[Citation("a", len(old) + 1, len(old + new))],
    )
    got = collect_figures([Analysis(document=doc, figures=[moved, current])])
    assert [(f.period, f.superseded) for f in got] == [("2018", True), ("by 2019", False)]


def test_unmeasured_amounts_of_different_claimants_in_two_articles_stay_apart() -> None:
    poll = fig("10 percent", 10.0, "percent", doc="a", status="actual")
    claim = fig("10 percent", 10.0, "percent", doc="b", status="actual", claimant="Ann Ode")
    assert not same_figure(poll, claim)
    assert len(collect_figures([analysis("a", poll), analysis("b", claim)])) == 2
    # the same claimant's unmeasured amount in two articles is still one figure
    again = fig("10 percent", 10.0, "percent", doc="c", status="actual", claimant="Ann Ode")
    assert same_figure(claim, again)
    # and two unmeasured amounts with no claimant, as before
    assert same_figure(poll, fig("10 percent", 10.0, "percent", doc="c", status="actual"))
