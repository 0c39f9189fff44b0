"""Which extracted figures to list: a learned keep-or-drop decision.

Three sessions of hand rules (figures.py `_incidental`, figure_reading.py) fixed the
figure gold they were written on and barely moved fresh articles: what the extractor
gets wrong there is a long tail (a hypothetical "could represent 30%", a law's threshold
read as actual, first-person numbers in a transcript, durations and labels the rules did
not foresee). What separates a right figure from a wrong one in the hand-checked gold is
mostly evidence around it that generalises: its kind and unit, whether a claimant, a
measure or a period was read, the words of its clause (a condition, a modal, a
negation, a question, first person), whether it sits inside a quotation, how the number
is written and what follows it, and how many numbers share its sentence. A logistic
regression over these (`FEATURES`), fitted on the figure gold
(`storyline.evaluation.train_figure_keep`, folds holding whole gold files out) and
shipped as a small array file, gives each figure a probability of being listed right;
figures below the threshold (chosen on out-of-fold predictions) are dropped. Without
the file every figure is kept.

`record` reads what the features need from the analysis while the parse is at hand
(a plain JSON-able dict, so training can refit without parsing again); `features`
turns a record into a row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import linear
from ..model import Analysis, Figure
from .nlp import doc_text

SHIPPED = Path(__file__).parent / "data" / "figure_keep.npz"

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CONDITION = frozenset({"if", "unless", "whether", "even", "once", "until", "should"})
_MODALS = frozenset({"would", "could", "might", "may", "can", "should", "must", "'d"})
_FUTURE = frozenset({"will", "'ll", "wo"})
_NEGATION = frozenset({"not", "n't", "no", "never", "without", "nor"})
_FIRST = frozenset({"i", "we", "me", "us", "my", "our", "i'm", "i've", "we're"})
_SECOND = frozenset({"you", "your", "you're"})
_GOAL = frozenset(
    {"need", "needs", "needed", "goal", "target", "require", "requires", "required",
     "threshold", "minimum", "maximum", "plan", "plans", "proposed", "proposal", "want",
     "wants", "aim", "aims", "seek", "seeks", "call", "calls", "limit", "cap"}
)  # fmt: skip
_BOUND = frozenset(
    {"least", "most", "than", "up", "nearly", "about", "almost", "around", "roughly",
     "some", "over", "under", "approximately", "only", "just"}
)  # fmt: skip
_TIME_NOUNS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "second", "seconds", "decade", "decades", "times", "time",
     "year-old", "years-old", "am", "pm", "a.m.", "p.m.", "o'clock"}
)  # fmt: skip
_POLL = frozenset({"poll", "polls", "survey", "surveyed", "respondents", "voters", "polling"})
_SAY = frozenset(
    {"say", "said", "says", "told", "tell", "according", "claimed", "claims", "noted",
     "added", "argued", "insisted", "stated", "reported", "estimated", "estimates"}
)  # fmt: skip
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|twice)\b",
    re.I,
)

STATUSES = ("actual", "target", "forecast", "unknown")
UNITS = ("percent", "money", "people", "votes", "units", "none", "other")
CANDIDATES = (
    *(f"status_{s}" for s in STATUSES),
    *(f"unit_{u}" for u in UNITS),
    "percentage_points",
    "no_value",  # a tally, a range or a vague amount
    "log_value",
    "small_count",  # a count under ten
    "round_value",  # a multiple of 10 (or of 100 for 100 and above)
    "year_like",  # an integer 1900-2100 with no unit
    "word_number",  # written in words
    "has_scale",
    "has_claimant",
    "claimant_one_word",
    "claimant_pronoun",
    "has_measure",
    "log_measure_words",
    "has_subject",
    "has_period",
    "inside_quote",  # within a direct quote's content
    "quote_marks_in_sentence",
    "condition",  # "if", "unless", "even if" governs the number's clause
    "modal",  # would, could, might ... governs it
    "future",
    "negated",
    "question",
    "first_person",
    "second_person",
    "goal_word",  # need, goal, threshold ... in the sentence
    "bound_before",  # "at least", "more than", "nearly"
    "time_after",  # "years", "-year-old", "times" after the number
    "hyphen_after",  # "three-judge", "90-second"
    "capital_after",  # "Fox News 6": a name
    "ordinal_or_label_before",  # "No.", "mile", "Day"
    "poll_word",
    "say_word",
    "headline",  # first sentence
    "position",  # sentence index / sentences
    "log_sentence_words",
    "numbers_in_sentence",
    "figures_in_sentence",
    "digit_share",  # table-like: digits among the sentence's characters
    "head_noun",  # the number modifies a noun (nummod)
    "head_verb",  # the number is a verb's object or subject
    "log_document_figures",
    "claimant_lowercase",  # "reports", "divorce settlement": a thing, not a source
    "claimant_capitals",  # "ON HAPPINESS": a heading read as a name
    "quote_without_claimant",
    "small_word_people",  # "the two researchers", "two people" in passing
    "planned_without_future",  # a forecast or target read from a modal or condition alone
    "title_case",  # most words capitalised: a headline, a book or list title
    "alternatives",  # "100,000, 200,000 or 250,000": a choice, not a count
)
# The shipped subset: the figure's own reading (status, unit, a period) and the marks of a
# number that is no report (a quote, a modal, a negation, a question, first person,
# alternatives, a heading read as a claimant). The full candidate set fitted worse out
# of fold (more weights than the 82 negatives of the gold support).
FEATURES = (
    "inside_quote",
    "quote_marks_in_sentence",
    "modal",
    "negated",
    "first_person",
    "question",
    "status_forecast",
    "planned_without_future",
    "small_count",
    "small_word_people",
    "unit_units",
    "has_period",
    "claimant_capitals",
    "quote_without_claimant",
    "alternatives",
)


def _token_at(nlp_doc: Any, offset: int) -> Any:
    span = nlp_doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return next((t for t in nlp_doc if t.idx + len(t) > offset), nlp_doc[-1])


def record(figure: Figure, analysis: Analysis) -> dict[str, Any]:
    """What `features` reads of `figure` (one of `analysis.figures`), as plain data,
    while the parse is at hand."""
    doc = analysis.document
    text = doc_text(analysis.nlp) if analysis.nlp is not None else doc.text
    citation = figure.citations[0] if figure.citations else None
    start, end = (citation.start, citation.end) if citation else (0, 0)
    sentence = text[start:end]
    at = sentence.find(figure.text)
    at = start + max(at, 0)
    sentences = doc.sentences or []
    position = next((i for i, s in enumerate(sentences) if s.start <= start < s.end), 0)
    rec: dict[str, Any] = {
        "text": figure.text,
        "value": figure.value,
        "unit": figure.unit,
        "scale": figure.scale,
        "status": figure.status,
        "claimant": figure.claimant,
        "measure": figure.measure,
        "subject": figure.subject,
        "period": figure.period,
        "sentence": sentence,
        "at": at - start,
        "position": position,
        "sentences": len(sentences),
        "document_figures": len(analysis.figures),
        "figures_in_sentence": sum(
            1 for f in analysis.figures if f.citations and f.citations[0].start == start
        ),
        "inside_quote": any(
            q.direct and any(s.start <= at < s.end for s in q.content_spans)
            for q in analysis.quotes
        ),
    }
    syntax: dict[str, Any] = {"governors": [], "aux": [], "marks": [], "neg": False}
    if analysis.nlp is not None and len(analysis.nlp) and citation:
        token = _token_at(analysis.nlp, at)
        syntax["dep"] = token.dep_
        syntax["head_pos"] = token.head.pos_
        node = token
        for _ in range(12):
            for child in node.children:
                if child.dep_ in ("aux", "auxpass"):
                    syntax["aux"].append(child.lower_)
                elif child.dep_ in ("mark", "advmod") and child.i < token.i:
                    syntax["marks"].append(child.lower_)
                elif child.dep_ == "neg":
                    syntax["neg"] = True
            if node.head is node:
                break
            node = node.head
            syntax["governors"].append(node.lemma_.casefold())
    rec["syntax"] = syntax
    return rec


def _unit_kind(unit: str | None) -> str:
    if unit in ("percent", "percentage points"):
        return "percent"
    if unit and _CURRENCY.match(unit):
        return "money"
    if unit in ("people", "votes", "units"):
        return unit
    return "none" if unit is None else "other"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+|[?]", text.casefold())


def features(rec: dict[str, Any]) -> list[float]:
    """One row of FEATURES for a figure's record."""
    row = dict(zip(CANDIDATES, candidate_features(rec), strict=True))
    return [row[name] for name in FEATURES]


def candidate_features(rec: dict[str, Any]) -> list[float]:
    """One row of CANDIDATES (every feature tried; FEATURES is the shipped subset)."""
    value = rec["value"]
    sentence: str = rec["sentence"]
    at: int = rec["at"]
    before = _words(sentence[max(0, at - 30) : at])
    after_text = sentence[at + len(rec["text"]) :]
    after = _words(after_text[:30])
    words = _words(sentence)
    wordset = set(words)
    capitalised = re.findall(r"\b[A-Z][\w'’-]*", sentence)  # a headline or table line
    syntax = rec["syntax"]
    clause = set(syntax["aux"]) | set(syntax["marks"])
    kind = _unit_kind(rec["unit"])
    claimant = rec["claimant"] or ""
    measure_words = len((rec["measure"] or "").split())
    numbers = len(re.findall(r"\d[\d,.]*", sentence)) + len(_NUMBER_WORD.findall(sentence))
    letters = sum(c.isalnum() for c in sentence) or 1
    row = [float(rec["status"] == s) for s in STATUSES]
    row += [float(kind == u) for u in UNITS]
    row += [
        float(rec["unit"] == "percentage points"),
        float(value is None),
        math.log10(1 + abs(value)) if value is not None else 0.0,
        float(value is not None and kind in ("people", "units", "none") and abs(value) < 10),
        float(
            value is not None
            and value == int(value)
            and value != 0
            and (value % 100 == 0 if value >= 100 else value % 10 == 0)
        ),
        float(
            value is not None
            and rec["unit"] is None
            and value == int(value)
            and 1900 <= value <= 2100
        ),
        float(bool(_NUMBER_WORD.search(rec["text"])) and not re.search(r"\d", rec["text"])),
        float(bool(rec["scale"])),
        float(bool(claimant)),
        float(bool(claimant) and len(claimant.split()) == 1),
        float(claimant.casefold() in ("he", "she", "they", "i", "we", "it")),
        float(bool(rec["measure"])),
        math.log1p(measure_words),
        float(bool(rec["subject"])),
        float(bool(rec["period"])),
        float(rec["inside_quote"]),
        float(bool(re.search(r"[\"“”]", sentence))),
        float(bool(clause & _CONDITION) or "if" in before),
        float(bool(set(syntax["aux"]) & _MODALS)),
        float(bool(set(syntax["aux"]) & _FUTURE)),
        float(syntax["neg"] or bool(set(before) & _NEGATION)),
        float("?" in sentence),
        float(bool(wordset & _FIRST)),
        float(bool(wordset & _SECOND)),
        float(bool((wordset | set(syntax["governors"])) & _GOAL)),
        float(bool(set(before[-3:]) & _BOUND)),
        float(bool(after) and (after[0] in _TIME_NOUNS or after[0].startswith("year"))),
        float(after_text.startswith("-")),
        float(bool(re.match(r"\s+[A-Z]", after_text))),
        float(bool(before) and before[-1] in ("no", "mile", "day", "number", "page", "route")),
        float(bool(wordset & _POLL)),
        float(bool(wordset & _SAY)),
        float(rec["position"] == 0),
        rec["position"] / max(rec["sentences"], 1),
        math.log1p(len(words)),
        math.log1p(numbers),
        math.log1p(rec["figures_in_sentence"]),
        sum(c.isdigit() for c in sentence) / letters,
        float(syntax.get("dep") == "nummod"),
        float(syntax.get("head_pos") in ("VERB", "AUX") and syntax.get("dep") != "nummod"),
        math.log1p(rec["document_figures"]),
        float(claimant[:1].islower()),
        float(len(claimant) > 3 and claimant.isupper()),
        float(rec["inside_quote"] and not claimant),
        float(
            kind == "people"
            and value is not None
            and abs(value) < 10
            and not re.search(r"\d", rec["text"])
        ),
        float(rec["status"] in ("forecast", "target") and not set(syntax["aux"]) & _FUTURE),
        float(len(capitalised) >= 0.6 * max(len(words), 1) and len(words) > 2),
        float(bool(re.search(r"\d[\d,.]*\s*,\s*[\d,.]+,?\s+or\s+\d|\d\s+or\s+\d", sentence))),
    ]
    return row


@dataclass(frozen=True, slots=True)
class KeepModel(linear.Model):
    """Logistic regression weights over FEATURES, and the probability a figure needs."""

    FEATURES = FEATURES
    SHIPPED = SHIPPED


@cache
def shipped() -> KeepModel | None:
    """The shipped model, or None when its file is absent (every figure is then kept)."""
    return KeepModel.load() if SHIPPED.exists() else None


def keep(figures: Sequence[Figure], analysis: Analysis) -> list[Figure]:
    """`figures` (those of `analysis`) less the ones the shipped model drops."""
    model = shipped()
    if model is None:
        return list(figures)
    return [
        f for f in figures if model.probability(features(record(f, analysis))) >= model.threshold
    ]
