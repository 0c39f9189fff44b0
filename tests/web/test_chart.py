"""Timeline chart geometry (storyline.web.chart)."""

from __future__ import annotations

from datetime import date

from storyline.model import TimelineEvent
from storyline.web.chart import LANE, period, timeline_chart


def event(when: str, granularity: str = "day", future: bool = False) -> TimelineEvent:
    return TimelineEvent(when, granularity, f"event on {when}", [], future=future)  # type: ignore[arg-type]


def test_period_covers_the_granularity() -> None:
    assert period("2014") == (date(2014, 1, 1), date(2015, 1, 1))
    assert period("2014-12") == (date(2014, 12, 1), date(2015, 1, 1))
    assert period("2014-05-07") == (date(2014, 5, 7), date(2014, 5, 8))
    assert period("soon") is None and period("2014-13") is None


def test_chart_orders_marks_by_time_and_widths_by_precision() -> None:
    chart = timeline_chart([event("2020-01-01"), event("2021"), event("2022-06-15")])
    assert chart is not None
    first, year, last = chart.marks
    assert first.x < year.x < last.x
    assert first.day and last.day and not year.day
    assert year.width > 20 * first.width  # a year bar is much wider than a day dot
    assert [t.label for t in chart.ticks] == ["2020", "2021", "2022"]


def test_overlapping_marks_go_to_another_lane() -> None:
    chart = timeline_chart([event("2020-01-01"), event("2020-01-02"), event("2023-01-01")])
    assert chart is not None
    a, b, c = chart.marks
    assert a.y != b.y  # a day apart: would overlap
    assert c.y == a.y  # far away: back in the first lane
    assert chart.axis_y >= b.y + LANE


def test_short_spans_get_month_ticks_and_undated_events_are_skipped() -> None:
    chart = timeline_chart(
        [event("2024-03-04"), event("2024-05", "month", future=True), event("someday")]
    )
    assert chart is not None
    assert [m.number for m in chart.marks] == [1, 2]
    assert chart.marks[1].future
    assert [t.label for t in chart.ticks] == [
        "2024-04",
        "2024-05",
        "2024-06",
    ]  # months inside the span
    assert timeline_chart([event("someday")]) is None and timeline_chart([]) is None
