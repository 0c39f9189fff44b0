"""The story-shaped brief end to end on three invented articles (spaCy runs):
lede, dated narrative by period, readable lines, inclusive since, stem focus."""

from __future__ import annotations

import pytest

import storyline
from storyline.briefing.readable import problems
from storyline.config import Settings
from storyline.errors import ConfigError
from storyline.ingest import document_from_text

ARTICLES = [
    (
        "a",
        "2019-03-12",
        "Coastal Courier",
        "Veltrix Energy will not build its planned turbine plant in Aberdeen, the company said "
        "on Monday. Chief executive Maren Holt said rising steel costs made the project too "
        "expensive. “We are not focusing on Scotland for now,” Holt said. The council had backed "
        "the plan in 2017. In many of these towns the firm already runs small depots. Voting on "
        "the harbour levy closed at 1800 GMT.",
    ),
    (
        "b",
        "2020-06-02",
        "Harbour Post",
        "The Aberdeen council voted 7-2 on Tuesday to approve a revised Veltrix Energy plant. "
        "An inquiry ordered by the council found no evidence that officials had favoured the "
        "company. He said the cost of the plant had fallen by a third. Veltrix Energy now expects "
        "the plant to cost £40 million.",
    ),
    (
        "c",
        "2021-01-15",
        "Newsline",
        "Veltrix Energy opened its Aberdeen turbine plant on Friday, two years after it shelved "
        "the project. Maren Holt said the plant would employ 300 people. Veltrix Energy plans a "
        "second plant in Norway by 2023.",
    ),
]


def _docs():
    docs = []
    for name, date, outlet, text in ARTICLES:
        doc = document_from_text(text, f"{name}.txt", date=date)
        doc.outlet = outlet
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def brief():
    return storyline.brief(_docs())


def _lines(b) -> list[str]:
    return [
        *(s.text for s in b.lede),
        *(line.text for line in b.narrative),
        *(s.text for s in b.summary),
        *(e.text for e in b.timeline),
        *(d.text for p in b.key_players for d in p.did if not d.text.startswith("“")),
    ]


def test_story_lede_opens_with_the_latest_development_and_is_cited(brief) -> None:
    assert 2 <= len(brief.lede) <= 3
    latest = next(d.id for d in brief.documents if d.outlet == "Newsline")
    assert brief.lede[0].citations[0].document == latest
    assert all(s.citations for s in brief.lede)


def test_story_narrative_is_in_date_order_grouped_by_year_with_sources(brief) -> None:
    dates = [line.date for line in brief.narrative]
    assert all(dates) and dates == sorted(dates)
    assert {line.period for line in brief.narrative} >= {"2019", "2020", "2021"}
    for line in brief.narrative:
        assert line.period == line.date[:4]
        assert line.document and line.citations and line.citations[0].document == line.document
    text = " ".join(line.text for line in brief.narrative)
    assert "voted 7-2" in text  # a decisive outcome
    assert "found no evidence" in text  # a finding


def test_story_every_line_stands_alone(brief) -> None:
    bad = {line: problems(line) for line in _lines(brief) if problems(line)}
    assert bad == {}
    assert "these towns" not in " ".join(_lines(brief))


def test_story_has_no_junk_years(brief) -> None:
    years = [int(e.date[:4]) for e in brief.timeline] + [
        int(line.date[:4]) for line in brief.narrative if line.date
    ]
    assert years and min(years) >= 1969


def test_story_key_players_are_ranked_and_cited(brief) -> None:
    names = [p.name for p in brief.key_players]
    assert names[0] == "Veltrix Energy"
    assert "Maren Holt" in names
    assert all(d.citations for p in brief.key_players for d in p.did)


def test_story_since_is_inclusive_and_reaches_every_section() -> None:
    b = storyline.brief(_docs(), Settings(since="2020-06-02"))
    published = {d.id: d.published for d in b.documents}
    new_ids = {i for i, p in published.items() if p >= "2020-06-02"}
    assert len(new_ids) == 2  # the article published on the day counts as new
    assert b.lede[0].citations[0].document in new_ids
    assert any(line.new for line in b.narrative)
    assert all(line.new == (line.document in new_ids) for line in b.narrative)
    assert sum(not line.new for line in b.narrative) <= 3  # only the context needed
    assert all(e.date >= "2020-06-02" or e.future for e in b.timeline)
    for group in b.quotes:
        assert all(c.document in new_ids for q in group.quotes for c in q.citations)
    assert all(any(c.document in new_ids for c in f.citations) for f in b.figures)
    assert all(c.document in new_ids for s in b.summary for c in s.citations[:1])


def test_story_malformed_since_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="2024-13-45"):
        storyline.brief(_docs(), Settings(since="2024-13-45"))


def test_story_focus_costs_finds_the_cost_lines() -> None:
    b = storyline.brief(_docs(), Settings(focus="costs"))
    assert b.narrative
    assert all("cost" in line.text.lower() for line in b.narrative)
    assert any("cost" in s.text.lower() for s in b.summary)


def test_demo_brief_lines_all_stand_alone() -> None:
    from pathlib import Path

    demo = Path(storyline.__file__).parent / "demo"
    docs = [d for d in storyline.read([str(demo)]) if not isinstance(d, Exception)]
    b = storyline.brief(docs)
    assert b.lede and b.narrative
    bad = {line: problems(line) for line in _lines(b) if problems(line)}
    assert bad == {}
