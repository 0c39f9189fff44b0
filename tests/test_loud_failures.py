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


def test_missing_spacy_for_timeline_warns(monkeypatch, caplog) -> None:
    from storyline.briefing import timeline
    from storyline.errors import ConfigError

    def no_model():
        raise ConfigError("spaCy model 'x' is not installed")

    monkeypatch.setattr(timeline, "load_nlp", no_model)
    with caplog.at_level(logging.WARNING, logger="storyline.briefing.timeline"):
        timeline.build_timeline([])
    assert any("not installed" in r.getMessage() for r in caplog.records)
