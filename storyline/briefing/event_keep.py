"""Which dated passages are timeline events: a learned keep-or-drop decision.

Each rule `timeline.dated_sentences` gained (a date after "since", a poll's field
dates, "Tuesday's primary" read as a thing) fixed the gold it was written on and
barely moved unseen articles: a date in a sentence is an event when its clause tells
a happening at that date, and the evidence for that is general. The tense, aspect
and mood of the verb that governs the date (a modal, a negation, "if", a question),
the kind of date expression (a weekday, a month alone, a year, "last week"), where
it sits (inside a quotation, a relative clause, a possessive "Tuesday's", after
"by"), how far it lies from publication, and the sentence around it (a headline,
poll figures, a speech verb) are the rows of `FEATURES`. A logistic regression over
them, fitted on every hand-checked event gold file
(`storyline.evaluation.train_event_keep`, folds holding whole gold files out,
threshold chosen on their out-of-fold predictions), ships as a small array file; a
passage the rules keep is dropped when its probability is under `threshold`.
Without the file the rules alone decide.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import linear
from ..analysis.cues import SPEECH_VERBS
from ..model import Analysis, Clause, DateMention

if TYPE_CHECKING:
    from .timeline import DatedSentence

SHIPPED = Path(__file__).parent / "data" / "event_keep.npz"

DEPS = ("ROOT", "advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "pcomp")
KINDS = ("weekday", "month_day", "month", "year", "deictic", "relative", "ago", "season")
BEFORE = ("on", "in", "at", "by", "of", "for", "ahead", "during")  # the word before the date
FEATURES = (
    "granularity_day",
    "granularity_month",
    "relative",
    "future",
    "low_confidence",  # resolved with confidence under 0.6 (a weekday in a year-dated article)
    *(f"kind_{k}" for k in KINDS),
    *(f"before_{w}" for w in BEFORE),
    "possessive",  # "Tuesday's primary"
    "log_days_before_publication",
    "after_publication",
    "publication_day",
    "no_publication",
    *(f"dep_{d}" for d in DEPS),
    "dep_other",
    "no_clause",
    "nested_clauses",  # clauses holding the date, beyond the first, / 3
    "speech_head",  # the date's own verb is "said", "told": "said on Tuesday"
    "under_speech",  # a speech verb above the date's clause: reported words
    "verb_past",
    "verb_present",
    "verb_ing",
    "verb_base",
    "verb_be",
    "verb_have",
    "modal",  # will/would/could/may/might/should/can before the verb
    "will",
    "perfect",  # has/have/had before the verb
    "negation",
    "conditional",  # if/unless/whether before the date in its sentence
    "question",
    "in_quotation",
    "date_after_verb",
    "log_words_to_verb",
    "headline",  # the first sentence
    "log_sentence_index",
    "log_sentence_words",
    "other_dates",  # other distinct dates in the sentence
    "passage_is_sentence",
    "percent",  # poll figures: a level, not a happening
    "poll",
    "superlative",  # "the largest since", "the first time in"
    "date_share",  # the date's share of its sentence: a dateline, a newsletter header
    "past_day_present_verb",  # "Iowans kick off the voting Monday" read as last Monday
    "possessive_past",  # "before Monday's caucus" read as last Monday
    "ago_not_year",  # "two weeks ago", "a month ago": approximate
    "year_before_noun",  # "Obama's 2008 campaign", "the 2008 race"
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}

_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_MONTH = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DEICTIC = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow)\b")
_RELATIVE = re.compile(r"(?i)\b(?:last|this|next|past|coming|previous|earlier|later)\b")
_SEASON = re.compile(r"(?i)\b(?:spring|summer|fall|autumn|winter)\b")
_WORD = re.compile(r"[A-Za-z']+|[’'][a-z]+")
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "'ll"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "'d"})
_NEGATION = frozenset({"not", "n't", "never", "no"})
_PAST_WORDS = frozenset({"was", "were", "had", "did"})
_PRESENT_WORDS = frozenset({"is", "are", "am", "has", "have", "do", "does", "'s", "'re"})
_CONDITIONAL = re.compile(r"(?i)\b(?:if|unless|whether)\b")
_PERCENT = re.compile(r"(?i)\d\s*(?:%|percent\b|per\s+cent\b|points?\b)")
_POLL = re.compile(r"(?i)\b(?:poll|polls|polling|survey|surveys)\b")
_SUPERLATIVE = re.compile(r"(?i)\b(?:\w+est|most|first|biggest|largest|highest|lowest)\b")


def _kind(text: str) -> str:
    if re.search(r"(?i)\bago\b", text):
        return "ago"
    if _DEICTIC.search(text):
        return "deictic"
    if _WEEKDAY.search(text):
        return "weekday"
    if _MONTH.search(text):
        return "month_day" if _DAY_NUMBER.search(_MONTH.sub(" ", text)) else "month"
    if _SEASON.search(text):
        return "season"
    if _RELATIVE.search(text):
        return "relative"
    if _YEAR.search(text):
        return "year"
    return ""


def _parse_iso(value: str) -> dt.date | None:
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 7
        d = int(parts[2]) if len(parts) > 2 else 15
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def _verb_form(word: str, lemma: str) -> str:
    w = word.lower()
    if w in _PAST_WORDS:
        return "past"
    if w in _PRESENT_WORDS:
        return "present"
    if w.endswith("ing"):
        return "ing"
    if w == lemma.lower():
        return "base"
    if w.endswith("s") and lemma.lower() in (w[:-1], w[:-2]):
        return "present"
    return "past"


def features(
    analysis: Analysis,
    item: DatedSentence,
    mention: DateMention | None,
    spans: Sequence[tuple[int, int]],
) -> list[float]:
    """One row of FEATURES for a dated passage of `analysis`."""
    text = analysis.document.text
    row = [0.0] * len(FEATURES)

    def on(name: str, value: float = 1.0) -> None:
        row[_INDEX[name]] = value

    at = item.at if item.at >= 0 else item.start
    m_text = mention.text if mention else ""
    m_end = mention.end if mention else at
    on("granularity_day", float(item.granularity == "day"))
    on("granularity_month", float(item.granularity == "month"))
    on("relative", float(bool(mention and mention.relative)))
    on("future", float(item.future))
    on("low_confidence", float(item.confidence < 0.6))
    kind = _kind(m_text)
    if kind:
        on(f"kind_{kind}")
    # the preposition before the date, inside the mention ("on Tuesday") or before it
    before = [w.lower() for w in _WORD.findall(text[max(0, at - 25) : at])]
    before += [w.lower() for w in _WORD.findall(m_text)[:1] if w.lower() in BEFORE]
    if before[-2:] == ["ahead", "of"]:
        on("before_ahead")  # "ahead of Saturday's caucus"
    elif before and before[-1] in BEFORE:
        on(f"before_{before[-1]}")
    on("possessive", float(text[m_end : m_end + 2] in ("'s", "’s")))
    published = analysis.document.published
    pub = _parse_iso(published) if published else None
    when = _parse_iso(item.date)
    if pub is None or when is None:
        on("no_publication")
    else:
        days = (pub - when).days
        on("log_days_before_publication", math.log1p(max(days, 0)) / 5.0)
        on("after_publication", float(item.date > (published or "")[: len(item.date)]))
        on("publication_day", float(item.date == published))
    clauses: Sequence[Clause] = analysis.clauses
    holding = [c for c in clauses if c.start <= at < c.end]
    node = min(holding, key=lambda c: c.end - c.start) if holding else None
    if node is None:
        on("no_clause")
    else:
        on(f"dep_{node.dep}" if node.dep in DEPS else "dep_other")
        on("nested_clauses", min(len(holding) - 1, 3) / 3.0)
        on("speech_head", float(node.lemma in SPEECH_VERBS))
        up = clauses[node.parent] if node.parent >= 0 else None
        while up is not None:
            if up.lemma in SPEECH_VERBS:
                on("under_speech")
                break
            up = clauses[up.parent] if up.parent >= 0 else None
        verb = re.match(r"[\w'’-]+", text[node.head : node.head + 30])
        word = verb.group(0) if verb else ""
        on(f"verb_{_verb_form(word, node.lemma)}")
        on("verb_be", float(node.lemma == "be"))
        on("verb_have", float(node.lemma == "have"))
        lead = [w.lower() for w in _WORD.findall(text[node.start : node.head])][-4:]
        on("modal", float(any(w in _MODALS for w in lead)))
        on("will", float(any(w in ("will", "'ll") for w in lead)))
        on("perfect", float(any(w in _PERFECT for w in lead)))
        on("negation", float(any(w in _NEGATION for w in lead)))
        on("date_after_verb", float(at > node.head))
        lo, hi = sorted((at, node.head))
        on("log_words_to_verb", math.log1p(len(_WORD.findall(text[lo:hi]))) / 3.0)
    k = item.sentence if 0 <= item.sentence < len(spans) else None
    if k is None:
        k = next((i for i, (s, e) in enumerate(spans) if s <= at < e), 0)
    s, e = spans[k] if spans else (item.start, item.end)
    sentence = text[s:e]
    on("conditional", float(bool(_CONDITIONAL.search(text[s:at]))))
    on("question", float(sentence.rstrip(" \"'”’)").endswith("?")))
    on("in_quotation", float(_in_quotation(text, at)))
    on("headline", float(k == 0))
    on("log_sentence_index", math.log1p(k) / 4.0)
    on("log_sentence_words", math.log1p(len(_WORD.findall(sentence))) / 4.0)
    dates = {d.value for d in analysis.dates if d.value is not None and s <= d.start < e} - {
        item.date
    }
    on("other_dates", min(len(dates), 3) / 3.0)
    on("passage_is_sentence", float(item.start <= s and item.end >= e - 1))
    on("percent", float(bool(_PERCENT.search(sentence))))
    on("poll", float(bool(_POLL.search(sentence))))
    on("superlative", float(bool(_SUPERLATIVE.search(sentence))))
    on("date_share", len(m_text) / max(len(sentence.strip()), 1))
    past = not item.future and row[_INDEX["after_publication"]] == 0.0
    present = any(row[_INDEX[f]] for f in ("verb_present", "verb_base", "modal"))
    on("past_day_present_verb", float(past and present and kind in ("weekday", "month_day")))
    on("possessive_past", float(past and row[_INDEX["possessive"]] == 1.0))
    on("ago_not_year", float(kind == "ago" and item.granularity != "year"))
    on(
        "year_before_noun",
        float(kind == "year" and bool(re.match(r"\s+[a-z]", text[m_end : m_end + 3]))),
    )
    return row


def _in_quotation(text: str, at: int) -> bool:
    para = text[text.rfind("\n", 0, at) + 1 : at]
    return (
        para.count("“") > para.count("”") or para.count('"') % 2 == 1 or para.count("''") % 2 == 1
    )


def rows(analysis: Analysis, items: Sequence[DatedSentence]) -> list[list[float]]:
    """FEATURES rows for passages of one analysis (each found by its date's offset)."""
    from .timeline import sentence_spans

    spans = sentence_spans(analysis.document)
    by_start = {m.start: m for m in analysis.dates}
    return [features(analysis, item, by_start.get(item.at), spans) for item in items]


@dataclass(frozen=True, slots=True)
class EventKeepModel(linear.Model):
    """Logistic regression weights over FEATURES, and the probability an event needs."""

    FEATURES = FEATURES
    SHIPPED = SHIPPED


@cache
def shipped() -> EventKeepModel | None:
    """The shipped model, or None when its file is absent (the rules alone decide)."""
    return EventKeepModel.load() if SHIPPED.exists() else None


def decide(analysis: Analysis, items: list[DatedSentence]) -> list[DatedSentence]:
    """The passages the shipped model keeps (all of them without a model)."""
    model = shipped()
    if model is None or not items:
        return items
    p = model.probabilities(rows(analysis, items))
    return [item for item, q in zip(items, p, strict=True) if q >= model.threshold]
