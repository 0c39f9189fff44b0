"""Figures: the numbers a story turns on, with what they measure, when, and who says so.

The numbers themselves come from `storyline.analysis.amounts` (regexes, see
there for why); this module decides which are figures and assembles them; their context
(measure, period, subject, claimant, status) is read by figure_reading.py
over the document context of figure_context.py.

Value convention: `Figure.value` is the number *as written* (3.2 for
"US$3.2 billion") and `Figure.scale` holds the word ("billion");
`absolute_amount(figure)` multiplies them out. `value` is None when the text
states no single number: vague amounts ("hundreds of millions of US
dollars": scale "million", unit "USD"), ranges ("$3-4 billion": see
`amount_range`), and vote tallies ("5-0": unit "votes", the tally is the
text). Fractions are percent ("over half" -> 50.0, unit "percent", the
qualifier stays in `text`). Declines keep the written number (5.0 for
"fell 5%"); the direction is in the measure ("share decline").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Analysis, Citation, DateMention, EntityMention, Figure, Quote, Sentence
from . import figure_keep, units
from .amounts import (
    Amount,
    absolute_amount,
    amount_range,
    counted_noun,
    document_amounts,
    find_amounts,
    is_people,
    spacy_amounts,
)
from .cues import SPEECH_VERBS
from .figure_context import _Context, _span
from .figure_reading import _claimant, _period, _read_measure, _status, _subject_name
from .furniture import furniture_spans, inside
from .people import PeopleIndex
from .registry import register
from .roles import KIN_NOUNS

__all__ = [
    "Amount",
    "FigureExtractor",
    "absolute_amount",
    "amount_range",
    "extract_figures",
    "find_amounts",
    "spacy_amounts",
]


def extract_figures(
    text: str,
    nlp_doc,
    *,
    dates: Sequence[DateMention] = (),
    entities: Sequence[EntityMention] = (),
    quotes: Sequence[Quote] = (),
    sentences: Sequence[Sentence] | None = None,
    published: str | None = None,
    doc_id: str = "",
    people: PeopleIndex | None = None,
) -> list[Figure]:
    """Figures in `text` (parsed as `nlp_doc`), in text order.

    `dates`/`entities`/`quotes` are the other components' output; without
    them years, "last year" (against `published`) and spaCy's ents stand in.
    """
    ctx = _Context(text, nlp_doc, dates, entities, quotes, sentences, published, people)
    amounts = document_amounts(text, nlp_doc)
    ctx.amounts = amounts
    figures: list[Figure] = []
    starts: list[tuple[Amount, Figure]] = []
    debris: dict[int, bool] = {}
    for amount in amounts:
        span = _span(nlp_doc, amount.start, amount.end)
        if span is None or not len(span):
            continue
        sentence = ctx.sentence_at(amount.start)
        if sentence.start not in debris:
            debris[sentence.start] = _table_debris(sentence, ctx)
        if debris[sentence.start] or _incidental(amount, span, sentence, ctx):
            continue
        measure, anaphoric, _verb, subject_token = _read_measure(amount, span, sentence, ctx)
        period, date = _period(amount, sentence, ctx)
        figure = Figure(
            text=amount.text.strip(),
            value=amount.value,
            unit=amount.unit,
            scale=amount.scale,
            measure=measure or None,
            period=period,
            subject=_subject_name(subject_token, ctx) if not anaphoric else None,
            claimant=ctx.resolve(_claimant(amount, span, sentence, ctx), amount.start),
            status=_status(span, date, sentence, ctx.published),  # type: ignore[arg-type]
            citations=[Citation(doc_id, sentence.start, sentence.end)],
        )
        if (
            figure.subject is None
            and figure.measure
            and re.search(r"\b(its|their)\b", figure.measure)
        ):
            m = ctx.mention_before(amount.start, ("ORG",))
            figure.subject = m.name if m else None
        if _change_start(amount, sentence, ctx.text):
            figure.status = "actual"  # "boost the number from 70,000 to 85,000": where it was
        if anaphoric:
            _inherit(figure, figures)
        if _condition_slip(span):
            _continue_status(figure, figures)  # "... if he won -- including 62% of ..."
        if amount.kind in ("number", "money") and amount.unit is None and _time_span(span):
            continue  # "4.5 billion years ago" is a time, not an amount
        if amount.kind in ("number", "vague", "bare") and span.end < len(nlp_doc):
            after = span.end + (amount.kind == "vague" and nlp_doc[span.end].lower_ == "of")
            noun = _noun_after(span) if amount.kind in ("bare", "number") else None
            if noun is not None:
                _as_count(figure, noun)  # "nearly three-dozen FBI agents"
            elif after < len(nlp_doc):
                _as_count(figure, nlp_doc[after])
        if figure.unit is None and amount.kind == "number":
            _carry_currency(figure, amount, figures, ctx)
        if amount.kind == "bare" and figure.unit is None and not _elliptic(figure, figures, span):
            if _change_start(amount, sentence, text):
                starts.append((amount, figure))  # "from 40,000 to 65,000": as the end goes
            continue
        if amount.kind == "tally" and not _a_tally(figure, span):
            continue
        if amount.kind == "pair" and figure.unit is None:
            _pair_unit(figure, figures)
        figures.append(figure)
    _carry_currency_back(figures)
    _share_claimant(figures)
    if starts:
        figures = _change_starts(starts, figures, amounts)
    return figures


_TOKEN = re.compile(r"[^\W\d_]+|\d[\d,.]*%?")

# A number written as one end of a range ("20%-25%", "700 to 800 people", "between 5 and
# 10") is no figure alone ("-25%" is no fall, "800 people" not what was counted); a range
# read as one amount ("$3-4 billion") stays one figure. "from 10% to 20%" is a change.
_PERCENT_WORD = r"(?:\s?%|\s(?:percent|per\scent))"
_RANGE_HEAD = re.compile(
    rf"(?<![\w.,])(?P<cur>[$£€])?(?P<num>\d[\d,.]*|{'|'.join(sorted(units.NUMBER_WORDS, key=len, reverse=True))})"
    rf"(?P<pct>{_PERCENT_WORD})?\s?(?:(?P<dash>[-–—])|\sto)\s?$",
    re.I,
)
_RANGE_TAIL = re.compile(
    rf"^(?P<pct>{_PERCENT_WORD})?\s?(?:(?P<dash>[-–—])|to\s)\s?(?P<cur>[$£€])?(?P<num>\d[\d,.]*)"
)
_BETWEEN = re.compile(
    r"\bbetween\s[$£€]?\d[\d,.]*(?:\s(?:thousand|million|billion|trillion|bn|m))?%?\s(?:and\s)?$",
    re.I,
)  # "between $10 million and $25 million": the end of a range
# Cross-links and teasers a page puts between paragraphs ("More: ...", "Related: ...").
_CROSS_LINK = re.compile(
    r"^\W*(?:more|related|read more|see also|also read|watch)\s?:|^\s*\[[^\]]+\]\s*$", re.I
)
# A name that holds a number ("the Fight for $15 movement"): a capitalised word and a
# preposition before the amount; a name once the article quotes it as one (“Fight for $15”).
_NAME_HEAD = re.compile(r"(?<![\w.])(?P<name>[A-Z][a-z]+\s(?:for|of|to))\s$")
_QUOTES_OPEN, _QUOTES_CLOSE = "\"“‘'", "\"”’'"
# Small counts that describe rather than report: family ("he's got four children", "a
# mother to two young girls") and the sources of a story ("three officials said").
_KIN_PLURALS = frozenset(
    [
        "children",
        "kids",
        "sons",
        "daughters",
        "siblings",
        "half-siblings",
        "brothers",
        "sisters",
        "girls",
        "boys",
        "grandchildren",
        "stepchildren",
    ]
)
_SOURCE_NOUNS = frozenset(["official", "source", "aide", "diplomat", "insider"])
_REFERRING = frozenset(["the", "these", "those", "both"])


def _incidental(amount: Amount, span, sentence: Sentence, ctx: _Context) -> bool:
    """Numbers that are no figure a reader quotes: a range or its end, a stock ticker's
    "+0.88%", a name ("FTSE 100"), a listicle's "The 20 Most ...", a cross-link, and
    small counts in passing (family, sources, "the two attacks" told before)."""
    text = ctx.text
    if amount.kind == "votes":
        return False
    before = text[max(sentence.start, amount.start - 30) : amount.start]
    after = text[amount.end : min(sentence.end, amount.end + 30)]
    if amount.kind != "pair" and _a_range(amount, before, after):
        return True  # a pair's sides are read as sides ("(38-34)"), never as a range
    if _CROSS_LINK.match(text[sentence.start : sentence.end]) or _shouted(sentence, text):
        return True
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if amount.text.startswith("+") and re.search(r"\b[A-Z]{1,5}\.?,?\s?$", before):
        return True  # "BP BP., +0.88%": a ticker line
    if re.search(r"\bage[sd]?\s(?:\d+,?\s(?:and\s)?)*$", before):
        return True  # "aged 11, 13, 17, and 18": ages
    if _conditional(span):
        return True  # "even if it was more than 50%": a condition, not a report
    if _figure_of_speech(span, after):
        return True  # "wouldn't go 10 feet", "2 feet shorter or something": no measurement
    if _an_example(span):
        return True  # "if you borrow $28,000 you would pay 2.8 percent": an illustration
    if _a_list_head(span, before, sentence, text):
        return True  # "Here are three reasons to worry:": the article's own list
    if (
        prev is not None
        and amount.kind in ("count", "number", "bare")
        and re.fullmatch(r"[A-Z&]{2,}", prev.text)
        and prev.text not in units.CURRENCY_PREFIXES
        and prev.idx + len(prev) + 1 == amount.start
    ):
        return True  # "the FTSE 100 medical devices group", "S&P 500"
    nxt = doc[span.end] if span.end < len(doc) else None
    if (
        prev is not None
        and prev.lower_ == "the"
        and nxt is not None
        and (nxt.tag_ in ("JJS", "RBS") or nxt.lower_ in ("most", "best", "worst"))
    ):
        return True  # "The 20 Most Epic Wedding FAILs": a ranking
    small = amount.value is not None and amount.value < 10
    if amount.kind in ("count", "number", "bare") and prev is not None and small:
        if amount.unit == "units" and prev.lower_ in ("first", "last", "next", "final"):
            return True  # "the first four states that vote": a selection, not a tally
        if prev.lower_ == "all":
            return True  # "against all three leading candidates": a known set, in passing
    if _named(amount, before, text):
        return True  # "the Fight for $15 movement": a name, not an amount
    if re.search(r"\b(?:per|for\severy)\s$", before, re.I):
        return True  # "for every $10,000 you borrow": the base of a rate
    if re.search(r"\d/$", before) or re.match(r"/\d", after):
        return True  # "the 9/11 attacks", "24/7": a date or a label, not an amount
    if nxt is not None and nxt.lower_ in units.RACE_NOUNS and amount.unit not in (None, "units"):
        return True  # "a 100-yard dash", "the 100-meter sprint": the name of a race
    if (
        amount.start == sentence.start
        and nxt is not None
        and nxt.tag_ in ("NNS", "NNPS")
        and nxt.text[:1].isupper()
        and _title_case(text[sentence.start : sentence.end])
    ):
        return True  # "10 Things to Know for Today": a listicle's title
    if re.match(r"\s?question\b", after) and amount.kind == "money":
        return True  # "the $64,000 question": an idiom
    if amount.kind in ("count", "number", "bare") and _story_sources(span):
        return True  # "according to two senators present", "I interviewed a dozen leaders"
    if amount.unit in ("people", "units") and amount.value is not None and amount.value < 10:
        return _described(span, prev)
    return False


_ANONYMOUS = re.compile(
    r"\b(?:anonymity|anonymously|familiar with|not authorized|on condition)\b", re.I
)
_INTERVIEW_VERBS = frozenset(["interview", "speak", "talk", "survey", "consult", "ask"])


def _story_sources(span) -> bool:
    """People counted as the story's sources, not what it reports: "according to two
    senators present", "three people familiar with the talks", "who requested anonymity",
    "I interviewed more than a dozen leaders" (the writer's own interviews)."""
    token = span[-1]
    noun = counted_noun(token) or (token.head if token.dep_ == "nummod" else None)
    if noun is None or (not is_people(noun) and noun.lemma_.lower() not in _SOURCE_NOUNS):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True
    after = noun.doc[noun.i + 1 : noun.right_edge.i + 1].text
    if (
        noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in SPEECH_VERBS
        and _ANONYMOUS.search(after)
    ):
        return True  # the unnamed who tell it; "arrested two men who spoke on condition ..." stays
    verb = noun.head
    if verb.i != noun.i and noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "spoke to three officials"
    return (
        noun.dep_ in ("dobj", "pobj")
        and verb.lemma_.lower() in _INTERVIEW_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
    )


def _title_case(line: str) -> bool:
    """Most words capitalised, as in a headline ("10 Things to Know for Today")."""
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _named(amount: Amount, before: str, text: str) -> bool:
    """The amount ends a name the article sets in quotation marks somewhere: “Fight for
    $15” (a slogan, a campaign, a title); "bought it from Apple for $3 billion" is no
    name, as the article never quotes "Apple for $3 billion"."""
    m = _NAME_HEAD.search(before)
    if m is None:
        return False
    name = re.escape(m.group("name") + " " + amount.text.strip())
    return bool(re.search(rf"[{_QUOTES_OPEN}]{name}[{_QUOTES_CLOSE}]", text))


def _shouted(sentence: Sentence, text: str) -> bool:
    """A line in capitals ("11-MILLION-TON ICEBERG THREATENS TINY VILLAGE") is a teaser
    for another story, not this one's prose."""
    letters = [c for c in text[sentence.start : sentence.end] if c.isalpha()]
    words = text[sentence.start : sentence.end].split()
    return len(words) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _conditional(span) -> bool:
    """A figure inside an "if"/"unless" clause, unless the clause states a goal ("if
    they want to reach the 2 million mark")."""
    for token in [span.root, *span.root.ancestors]:
        mark = next(
            (c for c in token.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")),
            None,
        )
        if token.dep_ == "advcl" and mark is not None:
            if _slipped(token, mark, span):
                return False  # "scared if he won -- including 62% of Democrats": a parse slip
            return not any(
                t.lemma_.lower() in units.TARGET_LEMMAS or t.lower_ in units.TARGET_LEMMAS
                for t in token.subtree
            )
    return False


_DISTANCES = frozenset(
    ["feet", "foot", "inches", "inch", "yards", "yard", "miles", "mile", "meters", "metres"]
)
_GOING_VERBS = frozenset(["go", "get", "move", "budge", "make"])
_MODALS = frozenset(["would", "could", "will", "can"])
_ILLUSTRATIVE = re.compile(r"^(?:\s[\w-]+){0,2},?\sor\s(?:something|whatever|anything)\b", re.I)


def _figure_of_speech(span, after: str) -> bool:
    """A number used as an image, not a measurement: an amount hedged as an example ("make
    the wall 2 feet shorter or something") and a short distance something "wouldn't go"
    or "can't get" (hyperbole for "not at all"). A bounded one ("could not dig more than
    10 feet") is a measurement."""
    if _ILLUSTRATIVE.match(after):
        return True
    root = span.root
    if _a_turn(span, after):
        return True
    verb = root.head
    if root.lower_ not in _DISTANCES or root.dep_ not in ("npadvmod", "dobj", "advmod"):
        return False
    if verb.lemma_.lower() not in _GOING_VERBS:
        return False
    children = list(verb.children)
    negated = any(c.dep_ == "neg" for c in children)
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in _MODALS for c in children)
    bounded = any(
        t.lower_ in ("than", "least", "most") for t in span.doc[span.start - 3 : span.start]
    )
    return negated and modal and not bounded


_HEAT = re.compile(
    r"\b(?:temperatures?|heat|hot|warm\w*|cold|oven|fever|celsius|fahrenheit)\b", re.I
)


def _a_turn(span, after: str) -> bool:
    """A half or full turn ("rotated 360 degrees", "a 180-degree shift"): the image of a
    reversal or a view all round, not a measurement anyone reports; a temperature stays."""
    text = span.text.replace(",", "")
    if not re.fullmatch(r"(?:180|360)[\s-]degrees?", text):
        return False
    sentence = span.sent.text
    return not re.match(r"\s?(?:[CF]\b|Celsius|Fahrenheit)", after) and not _HEAT.search(sentence)


_LIST_NOUNS = frozenset(
    ["reason", "way", "thing", "takeaway", "lesson", "question", "fact", "tip", "sign", "step"]
)


def _a_list_head(span, before: str, sentence: Sentence, text: str) -> bool:
    """The count of the article's own list ("Here are three reasons ...:", "Four things to
    know:"): a heading for what follows, not a figure about the story."""
    noun = _noun_after(span)
    if noun is None or noun.lemma_.lower() not in _LIST_NOUNS:
        return False
    line = text[sentence.start : sentence.end].rstrip()
    return line.endswith(":") or bool(re.search(r"\bhere\s(?:are|is)\s(?:the\s)?$", before, re.I))


def _an_example(span) -> bool:
    """A figure in what "you" get under a condition put to "you" that supplies its own
    number ("if you have a debt of $28,000 you would be paying 2.8 percent"): a worked
    example, not a report. A condition with no number ("if you are driving a Tesla, you
    are 3.7 times less likely ...", "if you look at the page, you'll see 50 permits a
    day") frames a reported figure."""
    for token in [span.root, *span.root.ancestors]:
        if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in token.children):
            continue  # "if you look at it, we lost $40 million": the outcome is a report
        for clause in token.children:
            if clause.dep_ != "advcl":
                continue
            marked = any(c.dep_ == "mark" and c.lower_ in ("if", "when") for c in clause.children)
            generic = any(c.dep_ == "nsubj" and c.lower_ == "you" for c in clause.children)
            supplied = any(t.like_num for t in clause.subtree)  # the example's own input
            if marked and generic and supplied:
                return True
    return False


def _slipped(clause, mark, span) -> bool:
    return clause.i > clause.head.i and _after_break(span.doc[mark.i + 1 : span.start])


def _condition_slip(span) -> bool:
    """The figure hangs in a trailing "if" clause only by a parse slip (`_after_break`)."""
    for token in [span.root, *span.root.ancestors]:
        mark = next(
            (c for c in token.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")),
            None,
        )
        if token.dep_ == "advcl" and mark is not None:
            return _slipped(token, mark, span)
    return False


def _continue_status(figure: Figure, earlier: list[Figure]) -> None:
    """A figure that continues the main clause past a condition takes the status of the
    figure of its kind it continues ("38% ... would be scared if he won -- including 62%
    of Democrats": all three are shares the poll found), not the condition's mood."""
    here = figure.citations[0].start
    kind = _unit_kind(figure.unit)
    for f in reversed(earlier):
        if f.citations[0].start != here:
            return
        if _unit_kind(f.unit) == kind:
            figure.status = f.status
            return


def _after_break(tokens) -> bool:
    """A comma or dash between a trailing "if" and the figure: the figure continues the
    main clause ("would be satisfied if he won the nomination, a bit more than the 28%
    who would be scared"), though the parser hangs it in the condition; a pair of commas
    sets off an aside inside the condition ("if he wins, as expected, 60 percent")."""
    texts = [t.text for t in tokens]
    return any(t in ("--", "—", "–") for t in texts) or texts.count(",") % 2 == 1


def _a_range(amount: Amount, before: str, after: str) -> bool:
    if amount.value is None:
        return False  # "$3-4 billion" is one figure, its range kept (`amount_range`)
    percent = amount.unit == "percent"
    money = amount.text.lstrip("+-–—(").startswith(("$", "£", "€"))
    if amount.text[:1] in "-–—" and re.search(r"[\d%]$", before):
        return True  # "20%-25%" read as "20%" and "-25%"
    head = _RANGE_HEAD.search(before)
    if head and not re.search(r"\bfrom\s\S*$", before[: head.start()]):
        if not head.group("dash") and _number_or(head.group("num")) > amount.value:
            return False  # "64 percent to 56 percent": two sides compared, no range
        return _same_kind(head, percent, money)
    tally = re.match(r"^\s?%?\s?[-–—]\s?(\d[\d,.]*)", after)
    if tally and amount.value is not None and _number_or(tally.group(1)) < amount.value:
        return False  # "ahead 47%-36%": a result, not a range
    tail = _RANGE_TAIL.match(after)
    if tail and not re.search(r"\bfrom\s$", before):
        if not tail.group("dash") and _number_or(tail.group("num")) < amount.value:
            return False
        return _same_kind(tail, percent, money)
    if _BETWEEN.search(before):
        return True
    return bool(re.search(r"\bbetween\s$", before)) and bool(re.match(r"^%?\s?and\s", after))


def _number_or(text: str) -> float:
    word = text.lower()
    if word in units.NUMBER_WORDS:
        return units.NUMBER_WORDS[word]
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return float("inf")


def _same_kind(m: re.Match, percent: bool, money: bool) -> bool:
    """A dash always joins a range; "to" only two numbers of one kind ("5% to $3bn" is
    a change to a level)."""
    return bool(m.group("dash")) or (
        bool(m.group("pct")) == percent and bool(m.group("cur")) == money
    )


def _described(span, prev) -> bool:
    """A small count that describes: family, the sources, one told before."""
    token = span[-1]
    noun = counted_noun(token) or (token.head if token.dep_ == "nummod" else None)
    if noun is None:
        return False
    word = noun.lower_
    if word in _KIN_PLURALS:
        top = noun
        while top.dep_ in ("appos", "conj") and top.head.i != top.i:
            top = top.head
        if top.lower_ in _KIN_PLURALS and (
            top.head.lemma_.lower() in ("have", "get", "raise", "adopt")
            or (top.dep_ == "pobj" and top.head.head.lower_ in KIN_SINGULARS)
        ):
            return True  # "he's got four children", "a mother to two young girls"
    if (
        noun.lemma_.lower() in _SOURCE_NOUNS
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in SPEECH_VERBS
    ):
        return True  # "three officials said"
    left = prev
    if left is not None and left.lower_ == "other" and left.i > 0:
        left = left.doc[left.i - 1]
    whole = left is not None and left.i > 0 and left.doc[left.i - 1].lower_ == "of"
    return (
        left is not None
        and not whole  # "one of the two suspects": the whole is counted
        and left.lower_ in _REFERRING
        and not is_people(noun)  # a count of people is a figure wherever it is stated
        and noun.lower_ not in units.MEASURE_UNITS
    )


def _table_debris(sentence: Sentence, ctx: _Context) -> bool:
    """A "sentence" that is a run of numbers (a table or chart flattened by text
    extraction: "Share 45% 38% 29% 21% Source: filings") is no source of figures:
    its numbers have lost the rows and columns that said what they measure."""
    tokens = _TOKEN.findall(ctx.text[sentence.start : sentence.end])
    numbers = sum(t[0].isdigit() for t in tokens)
    if numbers < 4:
        return False
    share = numbers / len(tokens)
    if share >= 0.6:
        return True
    span = _span(ctx.doc, sentence.start, sentence.end)
    verbless = span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)
    return share >= 0.4 and verbless


def _elliptic(figure: Figure, earlier: list[Figure], span) -> bool:
    """ "sometimes 100 miles, sometimes 1,000", "400 people ... more than a thousand": a
    number standing alone shares the unit of the figure before it in its sentence;
    with none there it is no figure (a bare number says nothing by itself)."""
    if _a_tally(figure, span):
        return True  # "the number of pandas rose 17 percent to reach 1,864": pandas
    here = figure.citations[0].start
    for f in reversed(earlier):
        if f.citations[0].start != here:
            break
        if f.unit and f.unit != "votes":
            figure.unit = f.unit
            figure.measure = f.measure
            figure.subject = figure.subject or f.subject
            return True
    return False


_FROM_HEAD = re.compile(r"\bfrom\s(?:about\s|around\s|roughly\s|some\s)?$", re.I)
_TO_TAIL = re.compile(
    r"^(?:\s?(?:%|percent|per\scent|[a-z]+))?\s?to\s(?:about\s|around\s|roughly\s)?[$£€]?\d",
    re.I,
)


def _change_start(amount: Amount, sentence: Sentence, text: str) -> bool:
    """The first amount of "from X to Y" is the level a change starts from: what was,
    whatever the change's own status (a plan, a forecast)."""
    before = text[max(sentence.start, amount.start - 20) : amount.start]
    after = text[amount.end : min(sentence.end, amount.end + 30)]
    return bool(_FROM_HEAD.search(before) and _TO_TAIL.match(after))


def _change_starts(
    starts: list[tuple[Amount, Figure]], figures: list[Figure], amounts: list[Amount]
) -> list[Figure]:
    """A bare number a change starts from ("raise the number of visas from 40,000 to
    65,000") counts what the figure it changes to counts, and goes just before it; it
    stays out when that end is no figure either."""
    found = list(figures)
    for amount, figure in starts:
        nxt = next((a for a in amounts if a.start > amount.start), None)
        if nxt is None:
            continue
        here = figure.citations[0].start
        end = next(
            (f for f in found if f.citations[0].start == here and f.text == nxt.text.strip()),
            None,
        )
        if end is None or end.unit is None:
            continue
        figure.unit, figure.measure = end.unit, figure.measure or end.measure
        figure.subject = figure.subject or end.subject
        figure.claimant = figure.claimant or end.claimant
        found.insert(found.index(end), figure)
    return found


def _pair_unit(figure: Figure, earlier: list[Figure]) -> None:
    """A side of "N to M" counts what the figure before it in its sentence counts; after
    a margin in points ("by 22 points (47 to 25)") the sides are shares, in percent; with
    none before, a count ("he now has 739 to Cruz's 465")."""
    here = figure.citations[0].start
    before = [f for f in earlier if f.citations[0].start == here and f.unit]
    last = before[-1] if before else None
    if last is not None and last.unit in ("percent", "percentage points"):
        figure.unit = "percent"
    elif last is not None and last.unit in ("people", "units"):
        figure.unit, figure.measure = last.unit, figure.measure or last.measure
    else:
        figure.unit = "units"


def _a_tally(figure: Figure, span) -> bool:
    """ "places the death toll at 1,364", "the number of wounded has risen to 6,785": a
    number a toll or total is put at counts what that total counts."""
    verb = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c not in span]
    if verb.dep_ == "relcl":
        nouns.append(verb.head)  # "a crowd that had swelled to 2,000"
    if not nouns and verb.dep_ in ("xcomp", "advcl", "conj") and verb.lemma_.lower() == "reach":
        # "the number of pandas rose 17 percent to reach 1,864"
        nouns = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in units.TALLY_NOUNS or lemma in units.PEOPLE_TALLIES:
            figure.unit = "people" if lemma in units.PEOPLE_TALLIES else "units"
            compound = [
                c.lower_
                for c in noun.children
                if c.dep_ in ("compound", "amod") and c.lower_ not in units.NOT_COUNTED
            ]
            figure.measure = " ".join([*compound, noun.lower_])
            return True
    return False


def _carry_currency_back(figures: list[Figure]) -> None:
    """ "approved 10 billion, after a 5 billion euro first phase": a scaled bare number
    left without a unit takes the currency of a later amount in its sentence."""
    for i, figure in enumerate(figures):
        if figure.unit is not None or figure.scale not in ("million", "billion", "trillion"):
            continue
        here = figure.citations[0].start
        for later in figures[i + 1 :]:
            if later.citations[0].start != here:
                break
            if later.unit in _CURRENCIES:
                figure.unit = later.unit
                break


def _unit_kind(unit: str | None) -> str:
    if unit in (None, "units", "people", "votes"):
        return "count"
    if unit in ("percent", "percentage points"):
        return "percent"
    return "money" if unit in _CURRENCIES else unit


def _share_claimant(figures: list[Figure]) -> None:
    """ "82 percent ... while only 14 percent ..., according to the FBI", "(46 percent to
    40 percent)" in a named poll: a figure that continues a list of its kind in one
    sentence takes the one source the earlier members were given, where the parse tied
    that source to the first member only."""
    for i, figure in enumerate(figures):
        if figure.claimant is not None:
            continue
        here, kind = figure.citations[0].start, _unit_kind(figure.unit)
        names = {
            f.claimant
            for f in figures[:i]
            if f.citations[0].start == here and _unit_kind(f.unit) == kind and f.claimant
        }
        if len(names) == 1:
            figure.claimant = names.pop()


_TIME_UNITS = frozenset(["years", "months", "weeks", "days", "hours", "decades", "centuries"])


def _time_span(span) -> bool:
    """A scaled number of years ("4.5bn years ago", "for 1.5 billion years")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _TIME_UNITS


def _noun_after(span):
    """The plural noun a number counts across its modifiers: "three-dozen FBI agents"."""
    noun = counted_noun(span[-1])
    if noun is not None and noun.i >= span.end:
        return noun
    doc = span.doc
    for token in doc[span.end : span.end + 4]:
        if token.tag_ in ("NNS", "NNPS"):
            return token
        if (
            token.tag_ in ("VBN", "VBD")
            and token.i + 1 < len(doc)
            and doc[token.i + 1].tag_ in ("NNS", "NNPS")
        ):
            continue  # "475 pledged delegates": a participle read as a verb
        if token.dep_ not in ("compound", "amod", "nmod"):
            return None
    return None


def _as_count(figure: Figure, noun) -> None:
    """ "40 million phones": a scaled number before a plural noun counts that noun."""
    if (
        noun.tag_ in ("NNS", "NNPS")
        and noun.lower_ not in units.NOT_COUNTED
        and figure.unit is None
    ):
        if noun.lower_ in units.CURRENCY_WORDS:
            return
        if noun.lower_ in units.MEASURE_UNITS:
            power = [c.lower_ for c in noun.children if c.lower_ in ("cubic", "square")]
            figure.unit = " ".join([*power[:1], noun.lower_])  # "20 million cubic kilometres"
            return
        figure.unit = "people" if is_people(noun) else "units"
        figure.measure = figure.measure or noun.lower_


def _inherit(figure: Figure, earlier: list[Figure]) -> None:
    """ "that figure", "the 10 billion number": take what the earlier figure measured."""
    same = [
        f
        for f in earlier
        if f.value == figure.value and f.scale == figure.scale and f.value is not None
    ]
    source = same[-1] if same else (earlier[-1] if earlier else None)
    if source is None:
        return
    figure.measure = figure.measure or source.measure
    figure.subject = figure.subject or source.subject
    if figure.unit is None and source.unit and source.unit not in ("percent", "votes"):
        figure.unit = source.unit


def _carry_currency(figure: Figure, amount: Amount, earlier: list[Figure], ctx: _Context) -> None:
    """ "reach 10 billion" after "US$3.2 billion" in the same sentence or paragraph is USD too."""
    here = ctx.sentence_at(amount.start)
    for f in reversed(earlier):
        there = ctx.sentence_at(f.citations[0].start)
        if there.start != here.start and there.paragraph != here.paragraph:
            return
        if f.unit in _CURRENCIES:
            figure.unit = f.unit
            return


KIN_SINGULARS = frozenset(KIN_NOUNS)
_CURRENCIES = frozenset(units.CURRENCY_PREFIXES.values()) | frozenset(units.CURRENCY_WORDS.values())


@register
class FigureExtractor:
    """Analysis component: fills `analysis.figures`."""

    name = "figures"
    # result pairs, change starts, rate bases, +/-, survey answers, polls that have, the
    # learned keep hook (its weights file, when one ships, is in the source digest);
    # 11: proposals and sought policy levels are targets, group sizes, held people counted;
    # 13: a figure in a quotation a transcript turn gives to someone named is theirs
    version = "13"
    requires = ("dates", "entities", "quotes", "people")
    provides = ("figures",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        analysis.figures = extract_figures(
            doc.text,
            analysis.nlp,
            dates=analysis.dates,
            entities=analysis.entities,
            quotes=analysis.quotes,
            sentences=doc.sentences or None,
            published=doc.published,
            doc_id=doc.id,
            people=analysis.people,
        )
        furniture = furniture_spans(doc)
        analysis.figures = [
            f
            for f in analysis.figures
            if not (f.citations and inside(furniture, f.citations[0].start))
        ]
        analysis.figures = figure_keep.keep(analysis.figures, analysis)
        return analysis
