"""Caps: each section ranked and cut, the full count kept, junk dates dropped."""

from __future__ import annotations

from storyline.briefing.caps import UNLIMITED, Limits, cap, clean_timeline
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
        entities=[Entity(f"E{k}", "ORG", [], 3, 1) for k in range(30)],
    )
    cap(brief, Limits(timeline=10, timeline_per_date=3, entities=5, entity_model=False))
    assert len(brief.timeline) == 3  # one date: at most three events on it
    assert all(e.support == 4 for e in brief.timeline)
    assert len(brief.entities) == 5
    assert brief.totals["timeline"] == 40 and brief.totals["entities"] == 30
    # a long source list keeps only the articles the brief cites
    assert [d.id for d in brief.documents] == ["d0"]
    assert brief.totals["documents"] == 50


def test_cap_lists_names_mentioned_often_or_given_a_role_and_keeps_all_in_full() -> None:
    entities = [
        Entity("Often", "ORG", [], 5, 2),
        Entity("Once", "ORG", [], 1, 1),
        Entity("Officer", "PERSON", [], 1, 1, role="spokesman"),
        Entity("Twice", "PERSON", [], 2, 2),
        *(Entity(f"E{k}", "ORG", [], 9, 1) for k in range(3)),
    ]
    brief = Brief("t", "g", [_ref(0)], entities=list(entities))
    cap(brief, Limits(entities=4, entity_model=False))
    # without the learned decision: of the four ranked first, the ones the text names
    # three times or gives a role;
    # the list shortens rather than fill up from further down
    assert [e.name for e in brief.entities] == ["Often", "Officer"]
    assert brief.totals["entities"] == 7
    full = Brief("t", "g", [_ref(0)], entities=list(entities))
    cap(full, UNLIMITED)
    assert len(full.entities) == 7 and "entities" not in full.totals


def test_clean_timeline_drops_years_no_article_could_report() -> None:
    events = [
        TimelineEvent("1800", "year", "at 1800 GMT the vote closed", [Citation("a", 0, 1)]),
        TimelineEvent("2015", "year", "the vote closed", [Citation("a", 0, 1)]),
        TimelineEvent("2031", "year", "the plant opens", [Citation("a", 0, 1)], future=True),
        TimelineEvent("2031", "year", "the plant opened", [Citation("a", 0, 1)]),
    ]
    kept = clean_timeline(events, {"a": "2015-06-01"})
    assert [(e.date, e.future) for e in kept] == [("2015", False), ("2031", True)]


def test_the_learned_name_decision_never_drops_the_briefs_subject(monkeypatch) -> None:
    from storyline.briefing import entity_keep

    strict = entity_keep.KeepModel(
        (0.0,) * len(entity_keep.FEATURES), 0.0, threshold=1.01
    )  # nothing passes
    monkeypatch.setattr(entity_keep, "shipped", lambda: strict)
    cites = [Citation(f"d{i}", 10, 16) for i in range(3)]
    entities = [
        Entity("Veltrix", "ORG", [], 32, 3, citations=cites),
        Entity("Ana Ruiz", "PERSON", [], 2, 1, citations=cites[:1]),
    ]
    brief = Brief("t", "g", [_ref(i) for i in range(3)], entities=list(entities))
    cap(brief, Limits(entities=4))
    assert [e.name for e in brief.entities] == ["Veltrix"]
