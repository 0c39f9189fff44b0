"""Caps: each section ranked and cut, the full count kept, junk dates dropped."""

from __future__ import annotations

from storyline.briefing.caps import Limits, cap, clean_timeline
from storyline.model import Brief, Citation, DocumentRef, Entity, TimelineEvent


def _ref(i: int) -> DocumentRef:
    return DocumentRef(f"d{i}", f"T{i}", None, "2015-06-01", "day", "metadata", f"{i}.txt", "text")


def test_cap_keeps_best_supported_events_per_date_and_records_totals() -> None:
    events = [
        TimelineEvent(
            "2015-06-01", "day", f"event {k}", [Citation("d0", k, k + 1)], support=k % 4 + 1
        )
        for k in range(40)
    ]
    brief = Brief(
        "t",
        "g",
        [_ref(i) for i in range(50)],
        timeline=events,
        entities=[Entity(f"E{k}", "ORG", [], 1, 1) for k in range(30)],
    )
    cap(brief, Limits(timeline=10, timeline_per_date=3, entities=5))
    assert len(brief.timeline) == 3  # one date: at most three events on it
    assert all(e.support == 4 for e in brief.timeline)
    assert len(brief.entities) == 5
    assert brief.totals["timeline"] == 40 and brief.totals["entities"] == 30
    # a long source list keeps only the articles the brief cites
    assert [d.id for d in brief.documents] == ["d0"]
    assert brief.totals["documents"] == 50


def test_clean_timeline_drops_years_no_article_could_report() -> None:
    events = [
        TimelineEvent("1800", "year", "at 1800 GMT the vote closed", [Citation("a", 0, 1)]),
        TimelineEvent("2015", "year", "the vote closed", [Citation("a", 0, 1)]),
        TimelineEvent("2031", "year", "the plant opens", [Citation("a", 0, 1)], future=True),
        TimelineEvent("2031", "year", "the plant opened", [Citation("a", 0, 1)]),
    ]
    kept = clean_timeline(events, {"a": "2015-06-01"})
    assert [(e.date, e.future) for e in kept] == [("2015", False), ("2031", True)]
