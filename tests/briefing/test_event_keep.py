"""The learned keep-or-drop decision for timeline events: rows, weights file, wiring."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.api import analyze
from storyline.briefing import event_keep
from storyline.briefing.event_keep import FEATURES, EventKeepModel, rows
from storyline.briefing.timeline import dated_sentences
from storyline.model import Analysis, Document


def _analysed(text: str, published: str = "2016-06-08") -> Analysis:
    doc = Document(
        id="k1", source="k1.txt", text=text, published=published, published_granularity="day"
    )
    return analyze([doc])[0]


def test_shipped_model_loads_with_its_feature_names() -> None:
    model = event_keep.shipped()
    assert model is not None, "storyline/briefing/data/event_keep.npz is missing"
    assert model.names == FEATURES and len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_candidates_name_the_rule_that_drops_them() -> None:
    a = _analysed(
        "Sales have fallen by 30 percent since 2018. The senate passed the bill on Monday."
    )
    found = {d.date: d.dropped for d in dated_sentences(a, candidates=True)}
    assert found == {"2018": "since", "2016-06-06": None}
    assert [d.date for d in dated_sentences(a)] == ["2016-06-06"]


def test_rows_read_tense_quotation_and_date_kind() -> None:
    a = _analysed("“It could happen tomorrow,” he said. The senate passed the bill on Thursday.")
    items = dated_sentences(a, candidates=True)
    col = {name: i for i, name in enumerate(FEATURES)}
    quoted, passed = rows(a, items)
    assert len(quoted) == len(FEATURES)
    assert quoted[col["in_quotation"]] == 1.0 and quoted[col["modal"]] == 1.0
    assert quoted[col["kind_deictic"]] == 1.0
    assert passed[col["in_quotation"]] == 0.0 and passed[col["verb_past"]] == 1.0
    assert passed[col["kind_weekday"]] == 1.0 and passed[col["before_on"]] == 1.0


@pytest.mark.skipif(event_keep.shipped() is None, reason="weights file missing")
def test_shipped_model_drops_a_quoted_possibility_and_keeps_a_reported_happening() -> None:
    text = "“We might not come tomorrow,” she said. The senate passed the bill on Thursday."
    a = _analysed(text)
    kept = [d.text for d in dated_sentences(a)]
    assert kept == ["The senate passed the bill on Thursday."]
    assert len(dated_sentences(a, candidates=True)) == 2  # the rules alone keep both


def test_decide_applies_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _analysed("The senate passed the bill on Thursday.")
    items = dated_sentences(a, candidates=True)
    zero = tuple(0.0 for _ in FEATURES)
    monkeypatch.setattr(event_keep, "shipped", lambda: EventKeepModel(zero, -2.0, 0.5))
    assert event_keep.decide(a, items) == []
    monkeypatch.setattr(event_keep, "shipped", lambda: EventKeepModel(zero, 2.0, 0.5))
    assert event_keep.decide(a, items) == items


def test_without_a_parse_the_rules_alone_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _analysed("The senate passed the bill on Thursday.")
    zero = tuple(0.0 for _ in FEATURES)
    monkeypatch.setattr(event_keep, "shipped", lambda: EventKeepModel(zero, -2.0, 0.5))
    assert dated_sentences(a) == []
    unparsed = dataclasses.replace(a, clauses=[])
    assert [d.date for d in dated_sentences(unparsed)] == ["2016-06-02"]
