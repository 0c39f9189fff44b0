"""The brief's figures: every number across the documents, each reported once.

Two articles quoting "US$3.2 billion" and "$3.2bn" of enterprise revenue for
2013 are one figure with two citations. Figures merge when their amounts are
equal once scaled, their units agree and nothing else contradicts (a known
period, status or measure that differs keeps them apart); then fields one
report left empty are filled from the others.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from ..analysis import units
from ..analysis.figures import absolute_amount
from ..analysis.names import name_key
from ..model import Analysis, Figure
from ..words import FUNCTION_WORDS
from .compare import normalise_measure

__all__ = ["collect_figures", "same_figure"]

_STOPWORDS = FUNCTION_WORDS | {"share"}


def _words(measure: str | None) -> set[str]:
    if not measure:
        return set()
    words = re.findall(r"[\w-]+", measure.casefold())
    return {w.rstrip("s") for w in words if w not in _STOPWORDS}


def _similar_measures(a: str | None, b: str | None, *, one_document: bool = True) -> bool:
    """Measures that may name one thing. Within one article a number without a measure
    is a repeat of the measured one; across articles it may be anything ("15 percent" of
    a poll in one, "a 15 percent surcharge" in another), so only two unmeasured ones
    merge there."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return one_document or (not wa and not wb)
    small, large = sorted((wa, wb), key=len)
    return small <= large or len(wa & wb) / len(wa | wb) >= 0.5


def _compatible(a, b) -> bool:
    return a is None or b is None or a == b


def _same_amount(a: Figure, b: Figure) -> bool:
    x, y = absolute_amount(a), absolute_amount(b)
    if x is not None and y is not None:
        return math.isclose(x, y, rel_tol=1e-9)
    if x is None and y is None:  # ranges, tallies, vague amounts: compare as written
        return a.scale == b.scale and _norm_text(a.text) == _norm_text(b.text)
    return False


def _norm_text(text: str) -> str:
    return re.sub(r"[^\w.%-]+", "", text.casefold())


def _running_total(a: Figure, b: Figure) -> bool:
    """Both measure one running total under synonyms ("cost", "project's budget"): the
    period and forecast/actual wording then say nothing about which number it is."""
    if not a.measure or not b.measure or "target" in (a.status, b.status):
        return False
    la, lb = normalise_measure(a.measure, a.unit)[1], normalise_measure(b.measure, b.unit)[1]
    return la is not None and la == lb


def _one_document(a: Figure, b: Figure) -> bool:
    docs = {c.document for c in a.citations} | {c.document for c in b.citations}
    return len(docs) == 1


def same_figure(a: Figure, b: Figure) -> bool:
    """True when `a` and `b` report the same number about the same thing.

    One article repeating an amount ("the £3bn project", "the budget of £3bn") may
    word its status differently; across articles the status must agree.
    """
    if a.unit != b.unit or not _same_amount(a, b) or not _compatible(a.subject, b.subject):
        return False
    if _running_total(a, b):
        return True
    return (
        _compatible(a.period, b.period)
        and (
            a.status == b.status
            or "unknown" in (a.status, b.status)
            or (_one_document(a, b) and "target" not in (a.status, b.status))
        )
        and _similar_measures(a.measure, b.measure, one_document=_one_document(a, b))
    )


def _merge(into: Figure, other: Figure) -> None:
    """Fold a repeat of a figure into it. The claimant is filled from another mention
    only when there the subject states its own figure ("the company said" of Veltrix's
    turbines): a third party quoting the number ("an analyst said") did not make the
    subject's claim, and must not be credited with it."""
    for name in ("measure", "period", "subject"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if into.claimant is None and other.claimant and _own_figure(other):
        into.claimant = other.claimant
    if into.status == "unknown":
        into.status = other.status
    for citation in other.citations:
        if citation not in into.citations:
            into.citations.append(citation)


def _own_figure(figure: Figure) -> bool:
    """The figure's claimant is its subject (a company stating its own number)."""
    if not figure.claimant or not figure.subject:
        return False
    a, b = name_key(figure.claimant, "ORG"), name_key(figure.subject, "ORG")
    return bool(a and b) and (a in b or b in a)


_CURRENCY_CODES = frozenset(units.CURRENCY_PREFIXES.values()) | frozenset(
    units.CURRENCY_WORDS.values()
)
_CURRENCY_MARK = re.compile(
    r"[$€£¥]|\b(?:" + "|".join(re.escape(w) for w in units.CURRENCY_WORDS) + r")\b", re.I
)


def with_currency(text: str, unit: str | None) -> str:
    """ "10 billion" read as USD from its sentence shows as "10 billion (USD)", so the
    brief never shows an amount of money without its currency."""
    if unit in _CURRENCY_CODES and not _CURRENCY_MARK.search(text) and unit not in text:
        return f"{text} ({unit})"
    return text


def collect_figures(analyses: Sequence[Analysis]) -> list[Figure]:
    """All figures across `analyses`, merged, ordered by subject, measure, then period."""
    merged: list[Figure] = []
    for analysis in analyses:
        for figure in analysis.figures:
            match = next((m for m in merged if same_figure(m, figure)), None)
            if match is None:
                merged.append(
                    dataclasses.replace(
                        figure,
                        text=with_currency(figure.text, figure.unit),
                        citations=list(figure.citations),
                    )
                )
            else:
                _merge(match, figure)
    order = {id(f): i for i, f in enumerate(merged)}

    def key(f: Figure):
        return (
            f.subject is None,
            (f.subject or "").casefold(),
            f.measure is None,
            (f.measure or "").casefold(),
            (f.period or "").removeprefix("by "),
            order[id(f)],
        )

    return sorted(merged, key=key)


def date_by_publication(figures: Sequence[Figure], published: dict[str, str | None]) -> None:
    """Give an undated actual figure the time it was reported ("as of 2014").

    A figure stated in the present ("the US represents about 30 percent") is
    true as of its article's publication; saying so lets a reader place it.
    Targets and forecasts are left alone: their period is when they fall due.
    Run after divergences are found, which compare only explicit periods.
    """
    for figure in figures:
        if figure.period or figure.status in ("target", "forecast"):
            continue
        dates = sorted(p for c in figure.citations if (p := published.get(c.document)))
        if dates:
            figure.period = f"as of {dates[0]}"
