"""Developments: stance changes, shifts, moved targets and revised figures over time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.briefing.developments import find_developments, stance_claims
from storyline.model import Analysis, Citation, Document, EntityMention, Figure

PLACES = ("Brazil", "Chile", "Mexico")


def _analysis(doc_id: str, published: str, text: str) -> Analysis:
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, published=published)
    ents = []
    for name, kind in (("Acme", "ORG"), *((p, "GPE") for p in PLACES)):
        for m in re.finditer(name, text):
            ents.append(EntityMention(name, kind, m.start(), m.end(), name))
    return Analysis(document=doc, entities=ents)


def test_a_stance_that_turns_between_articles_is_a_development():
    analyses = [
        _analysis("a", "2013-05-01", "Acme said it is withdrawing from Brazil. Acme shares fell."),
        _analysis("b", "2015-02-01", "Acme is expanding in Brazil again. Acme hired staff."),
    ]
    out = find_developments(analyses)
    assert [d.kind for d in out] == ["stance"]
    d = out[0]
    assert "Acme" in d.what and "Brazil" in d.what
    assert (d.before.document, d.before.date) == ("a", "2013-05-01")
    assert (d.after.document, d.after.date) == ("b", "2015-02-01")
    assert d.before.text.startswith("Acme said it is withdrawing")


def test_no_development_at_one_time_or_without_a_change():
    same_time = [
        _analysis("a", "2013-05-01", "Acme said it is withdrawing from Brazil. Acme fell."),
        _analysis("b", "2013-05-03", "Acme is expanding in Brazil. Acme rose."),
    ]
    no_change = [
        _analysis("a", "2013-05-01", "Acme is expanding in Brazil. Acme rose."),
        _analysis("b", "2016-05-01", "Acme is investing in Brazil. Acme rose."),
    ]
    negated = [
        _analysis("a", "2013-05-01", "Acme is not leaving Brazil. Acme rose."),
        _analysis("b", "2016-05-01", "Acme is investing in Brazil. Acme rose."),
    ]
    for analyses in (same_time, no_change, negated):
        assert [d for d in find_developments(analyses) if d.kind == "stance"] == []
    claims = stance_claims(negated[0])
    assert [(c.place, c.polarity) for c in claims] == [("Brazil", 1)]


def test_a_shift_towards_other_places_after_engaging_with_one():
    analyses = [
        _analysis("a", "2014-01-01", "Acme is expanding in Mexico. Acme rose."),
        _analysis("b", "2018-01-01", "Acme is pivoting towards Brazil and Chile. Acme rose."),
    ]
    out = find_developments(analyses)
    assert [d.kind for d in out] == ["plan"]
    assert (
        out[0].what == "Acme shifted from Mexico (2014-01-01) towards Brazil and Chile (2018-01-01)"
    )


def _target(doc, text, period, start):
    return Figure(
        text="10 billion",
        value=10,
        unit="USD",
        scale="billion",
        measure="revenue",
        period=period,
        subject="Acme",
        status="target",
        citations=[Citation(doc, start, start + len(text))],
    )


def test_a_target_moved_to_another_year():
    text = "Acme wants revenue of $10bn by 2019. Originally Acme hoped to reach it in 2018."
    first, second = text.split(". ")
    a = _analysis("a", "2014-03-01", text)
    figures = [_target("a", first, "by 2019", 0), _target("a", second, "2018", len(first) + 2)]
    out = find_developments([a], figures)
    assert [d.kind for d in out] == ["target"]
    assert "from 2018 to 2019" in out[0].what
    assert out[0].before.text.startswith("Originally")
    unordered = [_target("a", first, "by 2019", 0), _target("a", first, "2018", 0)]
    assert find_developments([a], unordered) == []  # one article, no cue: no order to tell


@pytest.mark.slow
def test_seeds_show_the_stance_change_and_the_moved_target(seeds_dir: Path) -> None:
    from storyline.api import analyze, read
    from storyline.briefing.entities import merge_entities
    from storyline.briefing.figures import collect_figures

    docs = [d for d in read(sorted(str(p) for p in seeds_dir.iterdir())) if isinstance(d, Document)]
    analyses = analyze(docs)
    entities = merge_entities(analyses)
    out = find_developments(analyses, collect_figures(analyses), entities)
    kinds = {d.kind: d for d in out}
    stance = kinds["stance"]
    assert "Huawei" in stance.what and "United States" in stance.what
    assert (stance.before.date, stance.after.date) == ("2013", "2014")
    assert "2018 to 2019" in kinds["target"].what
    assert "Europe" in kinds["plan"].what and kinds["plan"].after.date == "2018"
