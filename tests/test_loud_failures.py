"""Fallbacks that change results say so: a missing scorer or spaCy model is logged."""

from __future__ import annotations

import logging


def test_missing_scorer_warns_once(monkeypatch, tmp_path, caplog) -> None:
    from storyline.briefing import ranker, summary

    monkeypatch.setattr(ranker, "SHIPPED", tmp_path / "missing.json")
    ranker.shipped.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="storyline.briefing.ranker"):
            assert summary._ranker() == ranker.Ranker.linear(summary.HAND_WEIGHTS)
            summary._ranker()
        assert sum("hand-set weights" in r.getMessage() for r in caplog.records) == 1
    finally:
        ranker.shipped.cache_clear()


def test_unparsed_analysis_for_timeline_warns(caplog) -> None:
    from storyline.analysis.dates import resolve_dates
    from storyline.briefing import timeline
    from storyline.model import Analysis, Document

    text = "The bridge opened in 2009."
    doc = Document(id="a", source="a.txt", text=text)
    unparsed = Analysis(document=doc, dates=resolve_dates(text, None))  # no stored clauses
    with caplog.at_level(logging.WARNING, logger="storyline.briefing.timeline"):
        timeline.build_timeline([unparsed])
    assert any("no parse" in r.getMessage() for r in caplog.records)
