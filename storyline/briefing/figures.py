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
from ..datetokens import MONTH_NAMES
from ..model import Analysis, Clause, Figure
from ..words import FUNCTION_WORDS
from .compare import normalise_measure
from .readable import REVISED_HERE

__all__ = ["add_context", "collect_figures", "measure_stands", "same_figure", "source_context"]

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
    word its status differently; across articles the status must agree, and two amounts
    that name no measure must have the same claimant (nothing else says they are one).
    """
    if a.unit != b.unit or not _same_amount(a, b) or not _compatible(a.subject, b.subject):
        return False
    if _running_total(a, b):
        return True
    unmeasured = not _words(a.measure) and not _words(b.measure)
    if unmeasured and a.claimant != b.claimant and not _one_document(a, b):
        return False  # "10 percent" of a poll in one article, of a governor in another
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
    """All figures across `analyses`, merged, ordered by subject, measure, then period;
    a figure whose measure does not stand alone carries its source words (`context`)."""
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
    add_context(merged, analyses)
    mark_superseded(merged, analyses)
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


# ---------------------------------------------------------------- standing alone

# Words that say no "what": time ("months of 2015"), bare quantity ("a total of") and
# the pronouns of a list ("everyone else"). A measure made only of these, or with an
# "of" part made only of these, names nothing a reader can check.
_EMPTY_WORDS = (
    FUNCTION_WORDS
    | {
        "everyone",
        "everybody",
        "else",
        "total",
        "number",
        "amount",
        "sum",
        "rest",
        "year",
        "month",
        "week",
        "day",
        "quarter",
        "time",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
    }
    | set(MONTH_NAMES.casefold().split("|"))
)
_NUMBER_WORDS = {"", "percent", "percentage", "point", "points", "to"}
_CONTEXT_WORDS = 14  # a table cell a reader takes in at a glance
_BOUNDARY = re.compile(r"[,;:]$|^[—–]$|--$")


def _content(words: Sequence[str]) -> list[str]:
    out = []
    for word in words:
        w = word.casefold().strip("'’\".(),;:“”")
        if not w or w.isdigit() or w.rstrip("s") in _EMPTY_WORDS or w in _EMPTY_WORDS:
            continue
        out.append(word.strip("'’\".(),;:“”"))
    return out


def _in_sentence(word: str, sentence: str) -> bool:
    """`word` of a measure is read from the sentence as a common word: present (up to
    an inflection: "earnings"/"earned") and, when the measure writes it in lower case,
    not only inside a capitalised name ("growth" from "Club for Growth")."""
    key = word.casefold().rstrip("s")
    stem = key[:4] if len(key) >= 4 else key
    for m in re.finditer(r"[\w'’-]+", sentence):
        w = m.group()
        k = w.casefold().rstrip("s")
        if k == key or (len(stem) == 4 and k.startswith(stem) and len(k) >= 4):
            if word[:1].islower() and w[:1].isupper() and m.start() > 0:
                continue  # only inside a name ("Club for Growth")
            return True
    return False


def measure_stands(measure: str | None, sentence: str) -> bool:
    """A cheap check that `measure` names what the number in `sentence` measures.

    It fails when there is no measure, when it is only time, quantity or function
    words, when one of its "of" parts is ("earnings of months of 2015", "earnings of
    total"), or when one of its words is not in the cited sentence as a common word
    (a measure filled from another mention, or cut from a proper name)."""
    if not measure:
        return False
    parts = re.split(r"\s+of\s+", measure.strip())
    if any(not _content(part.split()) for part in parts):
        return False
    return all(_in_sentence(w, sentence) for w in _content(measure.split()))


def _number_span(sentence: str, text: str) -> tuple[int, int] | None:
    m = re.search(r"(?<![\w$€£¥])" + re.escape(text) + r"(?!\w)", sentence)
    if m is None:
        digits = re.search(r"\d[\d.,]*", text)
        if digits is None:
            return None
        m = re.search(r"(?<![\d.,])" + re.escape(digits.group()) + r"(?![\d])", sentence)
    return (m.start(), m.end()) if m else None


def source_context(
    text: str, start: int, end: int, number: tuple[int, int], clauses: Sequence[Clause]
) -> str:
    """The source's own words around a number, at most ~14 of them.

    `text[start:end]` is the cited sentence and `number` the number's offsets in the
    document. Read from the smallest clause that holds the number, without the clauses
    nested in it that do not ("who said Wall Street ..."), then narrowed to the part
    between commas/semicolons/dashes that holds the number, widened to the left across
    such a boundary while that part says too little; a cut inside a part is marked "…".
    Never cuts a word: it works on whitespace-separated words of the source.
    """
    lo, hi = start, end
    holding = [
        c
        for c in clauses
        if c.start <= number[0] and number[1] <= c.end and start <= c.start and c.end <= end
    ]
    best = min(holding, key=lambda c: c.end - c.start, default=None)
    if best is not None:
        lo, hi = best.start, best.end
        for c in clauses:  # nested clauses after the number are cut off ...
            if c is not best and lo <= c.start and c.end <= hi and c.start >= number[1]:
                ahead = text[lo : c.start].split()
                if ahead and ahead[-1].casefold() in FUNCTION_WORDS:
                    continue  # ... unless that leaves "its revenue from" hanging
                hi = min(hi, c.start)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[lo:hi])]
    words = [(lo + a, lo + b) for a, b in words]
    if not words:
        return text[number[0] : number[1]]
    first = next(i for i, (a, b) in enumerate(words) if b > number[0])
    last = max(i for i, (a, b) in enumerate(words) if a < number[1])

    def boundary(i: int) -> bool:
        return bool(_BOUNDARY.search(text[words[i][0] : words[i][1]]))

    def _joins(word: tuple[int, int]) -> bool:  # the next item of a list starts here
        return text[word[0] : word[1]].casefold() in ("and", "but")

    left = first
    while left > 0 and not boundary(left - 1):
        left -= 1
    right = last
    while right < len(words) - 1 and not boundary(right) and not _joins(words[right + 1]):
        right += 1

    def says_little(i: int, j: int) -> bool:  # nothing but numbers besides the figure
        rest = [text[a:b] for k, (a, b) in enumerate(words[i : j + 1], i) if not first <= k <= last]
        return not [w for w in _content(rest) if w.casefold().strip("%") not in _NUMBER_WORDS]

    while says_little(left, right) and left > 0:  # too little: take the part before too
        left -= 1
        while left > 0 and not boundary(left - 1):
            left -= 1
    cut_left = cut_right = False
    if right - left + 1 > _CONTEXT_WORDS:  # keep the number, more of what leads to it
        after = min(right - last, 4)
        before = min(first - left, max(_CONTEXT_WORDS - (last - first + 1) - after, 0))
        if first - before > left:
            left, cut_left = first - before, True
        if right - left + 1 > _CONTEXT_WORDS:
            right, cut_right = left + _CONTEXT_WORDS - 1, True
    phrase = text[words[left][0] : words[right][1]].strip(" ,;:—–")
    phrase = phrase.rstrip(".") if not cut_right else phrase
    return ("…" if cut_left else "") + phrase + ("…" if cut_right else "")


def add_context(figures: Sequence[Figure], analyses: Sequence[Analysis]) -> None:
    """Give each figure whose measure does not stand alone its source words
    (`Figure.context`), read from its first citation, so the numbers table never
    shows a bare "61 percent"."""
    by_id = {a.document.id: a for a in analyses}
    for figure in figures:
        if not figure.citations:
            continue
        cite = figure.citations[0]
        analysis = by_id.get(cite.document)
        if analysis is None:
            continue
        doc = analysis.document.text
        sentence = doc[cite.start : cite.end]
        if measure_stands(figure.measure, sentence):
            continue
        original = re.sub(r" \([A-Z]{3}\)$", "", figure.text)  # with_currency's mark
        span = _number_span(sentence, original)
        if span is None:
            continue
        number = (cite.start + span[0], cite.start + span[1])
        figure.context = source_context(doc, cite.start, cite.end, number, analysis.clauses)


def mark_superseded(figures: Sequence[Figure], analyses: Sequence[Analysis]) -> None:
    """Mark a target or forecast that every source citing it says was given up or moved
    ("Originally Huawei hoped to reach the 10 billion number in 2018 but pushed the target
    date back"): the numbers table must not show it as the current plan. The same
    sentence rule marks such a plan in the timeline (`readable.REVISED_HERE`)."""
    texts = {a.document.id: a.document.text for a in analyses}
    for figure in figures:
        if figure.status not in ("target", "forecast") or not figure.citations:
            continue
        sentences = [
            texts[c.document][c.start : c.end] for c in figure.citations if c.document in texts
        ]
        if sentences and all(REVISED_HERE.search(s) for s in sentences):
            figure.superseded = True
