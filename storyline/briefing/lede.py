"""The lede: the story in two or three sentences, each cited.

It opens with the latest central development: the most salient readable
passage of the latest coverage (the articles of the last period, or those
new since `since`). Then the context that explains it: the passages most
related to that development, weighed by their own salience, one from earlier
coverage when there is any (how it came to this), then one more from
anywhere, never repeating a line already said.
"""

from __future__ import annotations

import re

from ..model import SummarySentence
from .narrative import Passage, Passages, period_of, periods_of
from .since import is_new

MAX_SENTENCES = 3
MIN_RELATED = 0.005  # context must share some words with the development
REPEATS = 0.3  # a context sentence this close to one already chosen says it again
_QUOTED = re.compile(r"[“”\"]|\b(?:I|we|We|our|Our)\b")


def build_lede(pool: Passages, *, since: str | None = None) -> list[SummarySentence]:
    """Two or three cited sentences: the latest central development, then context."""
    items = pool.items
    if not items:
        return []
    grouping = periods_of([p.published for p in items]) or "month"
    recent = [p for p in items if is_new(p.published, since)] if since else items
    last = max((period_of(p.published, grouping) or "" for p in recent), default="")
    latest = [p for p in recent if (period_of(p.published, grouping) or "") == last]
    lead = next((p for p in sorted(latest or items, key=_lead_rank) if _reporter(pool, p)), None)
    if lead is None:
        return []
    chosen: list[Passage] = [lead]
    related = pool.related([lead])
    top = max(p.score for p in items) or 1.0

    def weight(p: Passage) -> float:
        return (p.score / top) * (0.5 + float(related[p.index]))

    lead_period = period_of(lead.published, grouping)
    earlier = [p for p in items if (period_of(p.published, grouping) or "") < (lead_period or "")]
    for group in (earlier, items):
        for p in sorted(group, key=lambda p: -weight(p)):
            if len(chosen) >= MAX_SENTENCES or (group is earlier and len(chosen) >= 2):
                break
            if p in chosen or related[p.index] < MIN_RELATED:
                continue
            if any(pool.similarity(p, q) >= REPEATS for q in chosen):
                continue
            if _reporter(pool, p):
                chosen.append(p)
                break
    context = sorted(chosen[1:], key=lambda p: (p.date or "9999", p.published or "", p.order))
    return [
        SummarySentence(text=p.line or p.text, citations=list(p.citations[:1]), support=1)
        for p in [lead, *context]
    ]


def _lead_rank(p: Passage) -> tuple[float, float]:
    """What the latest coverage leads with: central and early, then salient."""
    return (-(p.central + 0.3 * p.score), p.order)


def _reporter(pool: Passages, p: Passage) -> bool:
    """A readable line in the reporter's voice (a lede quotes no one)."""
    line = pool.readable(p)
    return bool(line) and not _QUOTED.search(line or "")
