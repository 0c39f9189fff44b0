"""What happened, in story order: the salient sentences of the coverage, dated.

Every sentence of every article is a candidate `Passage`, dated by the past
event it names (a resolved date mention inside it, when plausible) or else
by its article's publication date. A passage is salient when it is central
to the coverage (TF-IDF cosine to the centroid of the articles), early in
its article, carried by the summary or by a timeline event several articles
tell, and when it reports a decisive outcome (a vote, a ruling, a finding, a
withdrawal): `SALIENCE` holds the weights, set by hand and kept in one
place. The narrative keeps the best line of each period, then the best of
the rest up to the caps, each made to stand alone (`readable.standalone`),
and tells them in date order, grouped by year or month when the coverage
spans more than one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Analysis, Citation, NarrativeLine, SummarySentence, TimelineEvent
from .embed import dense, tfidf_vectors
from .readable import standalone
from .since import is_new
from .summary import _eligible as eligible  # one rule for what is reporting, not furniture

MIN_WORDS, MAX_WORDS = 6, 60
# An event date more than this many years before its article is history or a
# misread ("1800 GMT" is not the year 1800): the passage keeps its publication date.
MAX_EVENT_AGE_YEARS = 50
SALIENCE = {
    "centrality": 1.0,
    "position": 0.6,
    "summary": 0.8,
    "timeline_support": 0.3,
    "outcome": 0.9,
    "move": 0.3,
    "quoted": -0.3,
    "event_date": 0.15,
    "number": 0.1,
    "focus": 1.5,
}
# A date after these words bounds a stretch of time rather than dating an event.
_SPAN_WORD = re.compile(r"\b(?:since|until|till|by|through|before)\s+(?:the\s+)?$", re.IGNORECASE)
SAME_LINE = 0.5  # TF-IDF cosine at which two passages tell the same thing
# Words that report a decisive outcome (a vote, a ruling, a finding) weigh
# more than those that report a move or an announcement.
_OUTCOME = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|rul(?:ed|ing)|verdict|found|finds|conclud\w*|approv(?:ed|es|al)"
    r"|reject(?:ed|s)|bann?(?:ed|s|ing)|block(?:ed|s)|signed|passe[ds]|convict\w*|acquitt\w*"
    r"|sentenced|resign(?:ed|s|ation)|fired|elected|won|lost|settle[ds]|charged|arrested|killed|died"
    r"|evidence|probe|investigation|inquiry)\b",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"\b(?:agreed|agreement|announc\w*|launch\w*|withdr\w+|pull(?:ed|s|ing)? out"
    r"|back(?:ed|s|ing)? out|cancel\w*|ordered|decision|deal|pivot\w*|shift\w*|expan\w*)\b",
    re.IGNORECASE,
)
# Lines in someone's words: "what happened" is told in the reporter's voice first.
_QUOTED = re.compile(r"^[^:]{1,80}: “|^[\"“]|\b(?:I|we|We|our|Our)\b")


@dataclass(slots=True)
class Passage:
    """A sentence of one article, dated and scored, before it becomes a line."""

    index: int  # row in the TF-IDF matrix
    document: str
    start: int
    end: int
    text: str
    date: str | None
    published: str | None
    order: int  # the sentence's place in its article
    score: float = 0.0  # salience as an event of the story (SALIENCE)
    central: float = 0.0  # centrality and position alone: what the coverage leads with
    support: int = 1
    citations: list[Citation] = field(default_factory=list)
    line: str | None = None  # the standalone text, once made


@dataclass(slots=True)
class Passages:
    """Every candidate passage of a brief and their TF-IDF rows."""

    items: list[Passage]
    vectors: Any  # CSR rows, L2-normalised
    analyses: dict[str, Analysis]

    def similarity(self, a: Passage, b: Passage) -> float:
        return float(self.vectors[a.index].multiply(self.vectors[b.index]).sum())

    def related(self, chosen: Sequence[Passage]) -> np.ndarray:
        """Each passage's largest cosine to any of `chosen`."""
        if not chosen:
            return np.zeros(len(self.items), dtype=np.float32)
        rows = self.vectors[[p.index for p in chosen]]
        return dense(self.vectors @ rows.T).max(axis=1).ravel()

    def readable(self, passage: Passage) -> str | None:
        """The passage as a line that stands alone (cached), or None."""
        if passage.line is None:
            analysis = self.analyses.get(passage.document)
            passage.line = standalone(passage.text, analysis, passage.start, passage.end) or ""
        return passage.line or None


def _event_date(analysis: Analysis, start: int, end: int) -> str | None:
    """The first plausible past date the passage names, else None. A passage
    that also names a future date weighs a plan against the past ("now
    expected in 2028, a year later than the 2027 date it gave in 2023"): it is
    news of its article's day."""
    published = analysis.document.published
    inside = [m for m in analysis.dates if start <= m.start < end and m.value]
    if any(m.future for m in inside):
        return None
    for m in sorted(inside, key=lambda m: m.start):
        if not (start <= m.start < end) or m.value is None or m.future:
            continue
        if m.confidence < 0.5:
            continue
        if _SPAN_WORD.search(analysis.document.text[max(0, m.start - 12) : m.start]):
            continue  # "since 2018", "by 2019": a bound of a stretch, not when it happened
        if published:
            year, pub_year = int(m.value[:4]), int(published[:4])
            if not pub_year - MAX_EVENT_AGE_YEARS <= year <= pub_year:
                continue
            if m.value[: len(published)] > published[: len(m.value)]:
                continue  # after publication: not a past event
            if published.startswith(m.value):
                return published  # "this year" in a dated article: the article's date is finer
        return m.value
    return None


def plausible_date(date: str, published: Sequence[str | None], future: bool = False) -> bool:
    """Whether `date` can be an event of articles published on `published`:
    within MAX_EVENT_AGE_YEARS before the earliest and, unless a plan, not
    after the latest. Articles without dates give no bound."""
    years = [int(p[:4]) for p in published if p]
    if not years or not date[:4].isdigit():
        return True
    year = int(date[:4])
    if year < min(years) - MAX_EVENT_AGE_YEARS:
        return False
    return future or year <= max(years)


def passages(
    analyses: Sequence[Analysis],
    summary: Sequence[SummarySentence] = (),
    timeline: Sequence[TimelineEvent] = (),
    *,
    focus_terms: frozenset[str] = frozenset(),
) -> Passages:
    """Every sentence of the analyses as a scored Passage."""
    from .focus import matches

    items: list[Passage] = []
    for analysis in analyses:
        doc = analysis.document
        for order, sentence in enumerate(doc.sentences):
            text = " ".join(doc.sentence_text(sentence).split())
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                continue
            if not eligible(text, len(text.split())):
                continue  # web furniture, headlines, questions: the summary's own rule
            date = _event_date(analysis, sentence.start, sentence.end) or doc.published
            items.append(
                Passage(
                    len(items),
                    doc.id,
                    sentence.start,
                    sentence.end,
                    text,
                    date,
                    doc.published,
                    order,
                    citations=[Citation(doc.id, sentence.start, sentence.end)],
                )
            )
    vectors = tfidf_vectors([p.text for p in items]) if items else None
    result = Passages(items, vectors, {a.document.id: a for a in analyses})
    if not items:
        return result
    _score(result, summary, timeline, focus_terms, matches)
    return result


def _covers(citations: Sequence[Citation], p: Passage) -> bool:
    return any(c.document == p.document and c.start < p.end and p.start < c.end for c in citations)


def _score(
    result: Passages,
    summary: Sequence[SummarySentence],
    timeline: Sequence[TimelineEvent],
    focus_terms: frozenset[str],
    matches: Any,
) -> None:
    items, vectors = result.items, result.vectors
    docs = sorted({p.document for p in items})
    doc_index = {d: i for i, d in enumerate(docs)}
    which = np.array([doc_index[p.document] for p in items])
    counts = np.bincount(which, minlength=len(docs)).astype(np.float64)
    weights = 1.0 / (counts[which] * len(docs))
    centroid = np.asarray(vectors.T @ weights).ravel()
    norm = np.linalg.norm(centroid)
    centrality = dense(vectors @ (centroid / norm)).ravel() if norm else np.zeros(len(items))
    top = float(centrality.max()) or 1.0
    in_summary: dict[int, int] = {}
    by_doc: dict[str, list[Passage]] = {}
    for p in items:
        by_doc.setdefault(p.document, []).append(p)
    for s in summary:
        for c in s.citations[:1]:
            for p in by_doc.get(c.document, []):
                if c.start < p.end and p.start < c.end:
                    in_summary[p.index] = s.support
    event_support: dict[int, int] = {}
    for e in timeline:
        if e.future or e.support < 2:
            continue
        for c in e.citations:
            for p in by_doc.get(c.document, []):
                if c.start < p.end and p.start < c.end:
                    event_support[p.index] = max(event_support.get(p.index, 0), e.support)
    w = SALIENCE
    for p in items:
        published = p.published
        score = w["centrality"] * float(centrality[p.index]) / top
        score += w["position"] / math.sqrt(1 + p.order)
        p.central = score
        if p.index in in_summary:
            score += w["summary"] * (1 + 0.2 * min(in_summary[p.index] - 1, 5))
        if p.index in event_support:
            score += w["timeline_support"] * min(event_support[p.index], 5) / 5
        if _OUTCOME.search(p.text):
            score += w["outcome"]
        elif _MOVE.search(p.text):
            score += w["move"]
        if _QUOTED.search(p.text):
            score += w["quoted"]
        if p.date and p.date != published:
            score += w["event_date"]
        if any(ch.isdigit() for ch in p.text):
            score += w["number"]
        if focus_terms and matches(p.text, focus_terms):
            score += w["focus"]
        p.score = score


def periods_of(dates: Sequence[str | None]) -> str | None:
    """ "year" when the dates span several years, "month" when several months
    of one year, else None (no grouping)."""
    known = [d for d in dates if d]
    if len({d[:4] for d in known}) > 1:
        return "year"
    if len({d[:7] for d in known if len(d) >= 7}) > 1:
        return "month"
    return None


def period_of(date: str | None, grouping: str | None) -> str | None:
    if date is None or grouping is None:
        return None
    return date[:4] if grouping == "year" else date[:7]


def _sort_key(p: Passage) -> tuple[str, str, str, int]:
    return (p.date or "9999", p.published or "9999", p.document, p.order)


def choose(
    pool: Passages,
    candidates: Sequence[Passage],
    *,
    per_period: int,
    total: int,
    grouping: str | None,
    avoid: Sequence[Passage] = (),
) -> list[Passage]:
    """The best readable, non-repeating passages: the best of each period
    first (most salient periods first), then the best of the rest, at most
    `per_period` in a period and `total` in all."""
    ranked = sorted(candidates, key=lambda p: -p.score)
    chosen: list[Passage] = []
    per: dict[str | None, int] = {}

    def fits(p: Passage) -> bool:
        if per.get(period_of(p.date, grouping), 0) >= per_period:
            return False
        if any(pool.similarity(p, q) >= SAME_LINE for q in (*chosen, *avoid)):
            return False
        return pool.readable(p) is not None

    for rounds in (1, per_period):
        for p in ranked:
            if len(chosen) >= total:
                break
            period = period_of(p.date, grouping)
            if p in chosen or per.get(period, 0) >= rounds:
                continue
            if fits(p):
                chosen.append(p)
                per[period] = per.get(period, 0) + 1
    return chosen


def _supported(pool: Passages, chosen: Sequence[Passage]) -> None:
    """Cite the passages of other articles that tell the same thing."""
    if not chosen:
        return
    rows = pool.vectors[[p.index for p in chosen]]
    similarity = dense(pool.vectors @ rows.T)
    for k, p in enumerate(chosen):
        best: dict[str, tuple[float, Passage]] = {}
        for i in np.flatnonzero(similarity[:, k] >= SAME_LINE):
            other = pool.items[int(i)]
            if other.document == p.document:
                continue
            if other.document not in best or similarity[i, k] > best[other.document][0]:
                best[other.document] = (float(similarity[i, k]), other)
        for _, other in sorted(best.values(), key=lambda x: -x[0])[:4]:
            p.citations.append(Citation(other.document, other.start, other.end))
        p.support = 1 + len(best)


def build_narrative(
    pool: Passages,
    *,
    per_period: int = 6,
    total: int = 24,
    since: str | None = None,
    context: int = 3,
    focus_terms: frozenset[str] = frozenset(),
) -> list[NarrativeLine]:
    """What happened, in date order, capped (`total`, `per_period`).

    With `since`, the lines come from articles published on or after it
    (marked new), plus up to `context` older lines, those closest to the new
    ones, so the news can be read. With `focus_terms`, lines that match are
    preferred over those that do not."""
    from .focus import matches

    items = pool.items
    if focus_terms:
        focused = [p for p in items if matches(p.text, focus_terms)]
        if len(focused) >= 3:
            items = focused
    grouping = periods_of([p.date for p in items])
    new = [p for p in items if is_new(p.published, since)] if since else list(items)
    chosen = choose(pool, new, per_period=per_period, total=total, grouping=grouping)
    if since and context and chosen:
        old = [p for p in items if not is_new(p.published, since)]
        related = pool.related(chosen)
        for p in old:
            p.score = p.score * float(related[p.index])
        backdrop = [p for p in old if related[p.index] >= 0.15]
        chosen += choose(
            pool, backdrop, per_period=context, total=context, grouping=None, avoid=chosen
        )
    _supported(pool, chosen)
    lines = []
    for p in sorted(chosen, key=_sort_key):
        lines.append(
            NarrativeLine(
                text=p.line or p.text,
                date=p.date,
                document=p.document,
                citations=p.citations,
                period=period_of(p.date, grouping),
                support=p.support,
                new=bool(since) and is_new(p.published, since),
            )
        )
    return lines
