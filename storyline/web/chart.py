"""Timeline geometry for a server-drawn SVG chart (no JavaScript library).

Each event becomes a mark on a time axis whose width shows how precisely its
date is known: a dot for a day, a bar across the month or year otherwise.
Marks that would overlap go to the next lane down. The template draws the
shapes; this module only computes numbers, so it is easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..clustering.listing import period
from ..model import TimelineEvent

WIDTH = 720
LEFT = 16
RIGHT = 16
TOP = 12
LANE = 24
AXIS = 34
MIN_MARK = 10
LABEL = 22  # room for an event number beside its mark


@dataclass(slots=True)
class Mark:
    number: int  # 1-based position of the event in the list under the chart
    x: float
    y: float
    width: float
    day: bool
    future: bool
    label: str  # the date as written, for the tooltip


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    marks: list[Mark]
    ticks: list[Tick]


def timeline_chart(events: list[TimelineEvent]) -> Chart | None:
    """Lay `events` out on a time axis; None when no event has a usable date."""
    spans = [(i, period(e.date)) for i, e in enumerate(events, 1)]
    dated = [(i, s) for i, s in spans if s is not None]
    if not dated:
        return None
    lo = min(s[0] for _, s in dated).toordinal()
    hi = max(s[1] for _, s in dated).toordinal()
    inner = WIDTH - LEFT - RIGHT - LABEL
    scale = inner / max(hi - lo, 1)
    lanes: list[float] = []  # right edge of the last mark in each lane
    marks = []
    for number, (start, end) in dated:
        event = events[number - 1]
        x = LEFT + (start.toordinal() - lo) * scale
        width = max((end.toordinal() - start.toordinal()) * scale, MIN_MARK)
        right = x + width + LABEL
        lane = next((k for k, edge in enumerate(lanes) if edge + 2 <= x), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        else:
            lanes[lane] = right
        marks.append(
            Mark(
                number,
                round(x, 1),
                TOP + lane * LANE,
                round(width, 1),
                end.toordinal() - start.toordinal() == 1,
                event.future,
                event.date,
            )
        )
    axis_y = TOP + len(lanes) * LANE + 4
    return Chart(WIDTH, int(axis_y + AXIS), axis_y, marks, _ticks(lo, hi, scale))


def _ticks(lo: int, hi: int, scale: float) -> list[Tick]:
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    years = last.year - first.year + 1
    ticks = []
    if years >= 3:
        step = max(1, round(years / 8))
        for y in range(first.year, last.year + 1, step):
            d = date(y, 1, 1).toordinal()
            if lo <= d <= hi:
                ticks.append(Tick(round(LEFT + (d - lo) * scale, 1), str(y)))
    else:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = max(1, round(months / 8))
        y, m = first.year, first.month
        for k in range(0, months, step):
            yy, mm = y + (m - 1 + k) // 12, (m - 1 + k) % 12 + 1
            d = date(yy, mm, 1).toordinal()
            if lo <= d <= hi:
                ticks.append(Tick(round(LEFT + (d - lo) * scale, 1), f"{yy}-{mm:02d}"))
    return ticks
