"""Amounts: finding the numbers in news text, before their context is read.

Regexes do the finding because spaCy's MONEY/PERCENT ents miss the forms news
text is full of ("€300m", "US 3 2 billion" from punctuation-stripped text, a
"5-0" vote) and tag years and "5G" as numbers; the parse is used only to tell a
counted noun from a verb ("2,000 employees") and for QUANTITY ents.

Value convention (carried into `Figure`): `value` is the number *as written*
(3.2 for "US$3.2 billion") and `scale` holds the word ("billion");
`absolute_amount` multiplies them out. `value` is None when the text states no
single number: vague amounts ("hundreds of millions of US dollars"), ranges
("$3-4 billion": see `amount_range`) and vote tallies ("5-0").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..datetokens import MONTHS, WEEKDAYS
from ..model import Figure
from ..words import CARDINALS
from . import units
from .nlp import doc_text

__all__ = [
    "COUNT_WORDS",
    "Amount",
    "NumberPhrase",
    "absolute_amount",
    "amount_range",
    "approximate",
    "document_amounts",
    "find_amounts",
    "number_phrases",
    "rounding",
    "spacy_amounts",
    "stated_bound",
]


@dataclass(slots=True)
class Amount:
    """A number found in the text, before its context is read."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    scale: str | None
    kind: str  # money, percent, fraction, votes, count, number, quantity, bare, tally, pair, ratio


# ---------------------------------------------------------------- finding numbers


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORDNUM = _alt(units.NUMBER_WORDS)
# "Seventy-two percent": tens and a unit word joined by a hyphen, before the single words.
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_WORDNUM_COMPOUND = rf"(?:{_alt(units.TENS)})-(?:{_UNIT_WORDS})\b"
_PREFIX = _alt(units.CURRENCY_PREFIXES)
_CURWORD = _alt(w for w in units.CURRENCY_WORDS if w != "won")
_SCALE_WORD = r"thousand|million|billion|trillion"
_SCALE_ABBR = r"bn|mn|mln|bln|tn|trn|m|b|k"
_DASH = r"\s?(?:-|–|—|to)\s?"

_MONEY = re.compile(
    rf"(?<![\w$£€¥₹])(?P<cur>{_PREFIX})\s?(?P<num>{_NUM})"
    rf"(?:{_DASH}(?:{_PREFIX})?\s?(?P<num2>{_NUM}))?"
    rf"(?:(?:\s?|-)(?P<scale>{_SCALE_WORD}|{_SCALE_ABBR})(?![A-Za-z]))?"
    rf"(?:\s(?P<curword>{_CURWORD})\b)?",
    re.I,
)
# Punctuation-stripped "US$3.2 billion" reads "US 3 2 billion".
_STRIPPED_MONEY = re.compile(
    rf"\b(?P<cur>US|HK|USD|RMB)\s(?P<int>\d+)(?:\s(?P<frac>\d{{1,2}}))?\s(?P<scale>{_SCALE_WORD})\b"
)
_NUM_SCALE = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM}|{_WORDNUM})(?:{_DASH}(?P<num2>{_NUM}))?"
    rf"(?:[\s-](?P<scale>{_SCALE_WORD})\b|(?P<abbr>bn|mn)\b)"  # "six-million people"
    rf"(?:\s(?:of\s)?(?P<curword>{_CURWORD})\b)?",
    re.I,
)
# "11m barrels", "3.3 m barrels", "40m customers", "2bn people": a scale abbreviation
# before a plural noun counts that noun in millions/billions (never metres: "the 100m
# hurdles", "a 10m wall" take no plural, or a race's). "k" is left out: on pages it
# is mostly share and vote counters ("300k shares", "18k voters").
_NUM_ABBR_COUNT = re.compile(
    rf"(?<![\w.,$£€¥₹])(?P<num>{_NUM})\s?(?P<abbr>m|mn|bn)\b"
    rf"(?=\s(?!(?:{_alt(units.RACE_NOUNS)})\b)(?:[a-z]+s|people|children|men|women)\b(?!['’]))"
)
_NUM_CURWORD = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s(?P<curword>{_CURWORD})\b", re.I)
_PERCENT = re.compile(
    # "+/-3 percentage points", "±3%": a margin of error, no fall (the sign is kept apart)
    rf"(?<![\w.,-])(?:(?P<pm>\+/[-−]|±)\s?|(?P<sign>[-−+]))?"
    rf"(?P<num>{_NUM}|{_WORDNUM_COMPOUND}|{_WORDNUM})"
    rf"(?:{_DASH}(?P<num2>{_NUM}))?"
    r"(?:\s|-(?=percent\b))?"  # "the 15-percent hurdle"
    r"(?P<pct>%|percentage points?\b|percent\b|per\scent\b|pc\b|pct\b)",
    re.I,
)
# "a 10-point increase", "a 16-point margin": a poll's gap in percentage points.
_POINTS = re.compile(
    rf"(?<![\w.,-])(?P<num>{_NUM}|{_WORDNUM_COMPOUND}|{_WORDNUM})[-\s]points?\s"
    r"(?=(?:increase|decrease|rise|drop|fall|gain|jump|swing|margin|advantage|edge|lead|gap|"
    r"deficit)s?\b)",
    re.I,
)
# "won by 30 points", "led among Latinos by just four points": an election margin, in
# percentage points (read only where the text is about polls or votes: a game's points
# are no share).
_BY_POINTS = re.compile(
    r"\bby\s(?:(?:just|only|more\sthan|nearly|almost|about|some|roughly|over|less\sthan)\s)?"
    rf"(?P<num>{_NUM}|{_WORDNUM})\s(?:percentage\s)?points?\b",
    re.I,
)
_ELECTORAL = re.compile(
    r"\b(?:polls?|voters?|primar(?:y|ies)|caucus(?:es)?|elections?|electorate|ballots?)\b", re.I
)
# "one in five", "about four out of 10 voters": a share, as percent.
_PROPORTION = re.compile(
    rf"(?<![\w.,-])(?P<a>{_NUM}|{_WORDNUM})\s(?:in|out\sof)\s(?P<b>{_NUM}|{_WORDNUM})\b"
    r"(?!\s?(?:%|percent|per\scent|[-–]))",
    re.I,
)
_VOTES = re.compile(
    r"(?<![\w.,:/-])(?P<a>\d{1,3})\s?(?:-to-|-|–|—|to)\s?(?P<b>\d{1,3})(?![\w:/-]|[.,]\w)"
)
_VAGUE = re.compile(
    r"\b(?P<q>dozens|scores|hundreds|tens|thousands|millions|billions|trillions)\sof\s"
    r"(?:(?P<q2>thousands|millions|billions)\sof\s)?"
    rf"(?:(?P<curword>{_CURWORD})\b)?",
    re.I,
)
_FRACTION = re.compile(
    r"\b(?:(?P<q>nearly|almost|virtually|about|around|roughly|over|more\sthan|less\sthan|"
    r"under|at\sleast|just\sover|just\sunder|some)\s)?"
    rf"(?P<frac>{_alt(units.FRACTIONS)})\s(?:of\s)?"
    r"(?=(?:the|its|their|his|her|our|a|an|this|these|those|all)\b)"
    r"(?!an?\s(?:hour|day|week|month|year|minute|second|decade|century|mile|dozen|"
    r"million|billion|point|time|step|world|page)s?\b)",  # "half an hour" is no share
    re.I,
)
# "one-half of 1 percent", "a third of a percentage point": a fraction of one percent
# (0.5 percent); "half of 20 percent" stays 20 percent, its fraction being of something else.
_PERCENT_FRACTIONS = {**units.FRACTIONS, "one-half": 50.0, "one half": 50.0, "a half": 50.0}
_FRACTION_OF_PERCENT = re.compile(
    rf"\b(?P<frac>{_alt(k for k in _PERCENT_FRACTIONS if k != 'all')})\s+of\s+"
    rf"(?:a\s|(?P<num>1|one)\s?)(?P<pct>%|percentage points?\b|percent\b|per\scent\b)",
    re.I,
)
# "about half finished", "nearly a third said": a qualified fraction standing alone.
_BARE_FRACTION = re.compile(
    r"\b(?P<q>nearly|almost|about|around|roughly|over|more\sthan|less\sthan|"
    r"at\sleast|just\sover|just\sunder)\s"
    r"(?P<frac>half|a\sthird|one\sthird|two\sthirds|two-thirds|a\squarter|three\squarters|a\sfifth)"
    r"(?=\s(?:said|say|says|were|are|was|is|had|have|made|did|do|voted|finished|"
    r"remain|remained|died|survived|returned|left|stayed|agreed|supported|opposed)\b)",
    re.I,
)
_COUNT = re.compile(
    rf"(?<![\w.,$£€¥])(?P<num>{_NUM})(?:\s(?P<scale>{_SCALE_WORD}))?\s(?P<noun>[A-Za-z][\w-]*)"
)
# Casualty and arrest counts in headline form: "nine dead", "12 killed", "three arrested".
_CASUALTIES = re.compile(
    rf"(?<![\w.,$£€¥])(?P<num>{_NUM}|{_WORDNUM})(?:\s(?:people|persons|others))?"
    r"(?:\s(?:were|was|have\sbeen|had\sbeen|are))?(?:\s(?:found|reported|confirmed))?"
    rf"\s(?P<state>{_alt(units.CASUALTY_STATES)})\b",
    re.I,
)
# "killing two and wounding one", "killed 130 in Paris": a casualty verb's bare object
# counts people.
_CASUALTY_OBJECTS = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|arresting|arrested|rescuing|"
    rf"rescued)\s(?:at\sleast\s|more\sthan\s|about\s)?(?P<num>{_NUM}|{_WORDNUM})"
    r"(?=\s(?:and|or|others|more|in)\b|[,.;:)])",  # "killed 130 in Paris"
    re.I,
)
# "a 64-yard run", "the 2,650-mile trail": a measure written as a hyphenated modifier.
_HYPHEN_UNIT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})-(?P<unit>mile|yard|foot|feet|metre|meter|kilometre|kilometer|"
    r"km|acre|hectare|ton|tonne|pound|inch|megawatt|gigawatt|gallon|litre|liter)\b",
    re.I,
)
# "the group's 57,000-member Facebook page", "a 40,000-person reserve": a count of people.
_HYPHEN_MEMBERS = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})-(?:member|person|strong)\b", re.I)
# "the 11 million-person population": a scaled number read bare, whose hyphenated head
# says it counts people.
_PEOPLE_HEAD = re.compile(r"-(?:member|person|strong)\b", re.I)
# "3.7 times less likely", "seven times as high", "a factor of about 7": a ratio.
# "12 times that year", "12 times over five years", "7-10 times" are frequencies or a range.
_TIMES = re.compile(
    rf"(?<![\w.,–-])(?P<num>{_NUM}|{_WORDNUM})\stimes\s(?!(?:over|under|after)\b)"
    r"(?=(?:as|more|less|that|the|higher|lower|"
    r"larger|bigger|greater|smaller|faster|slower|safer|likely|[a-z]+er)\b)"
    r"(?!(?:that|the)\s(?:year|month|week|day|night|season|summer|winter|spring|fall)s?\b)"
    rf"|\bfactor\sof\s(?:about\s|around\s|roughly\s)?(?P<num2>{_NUM}|{_WORDNUM})\b",
    re.I,
)
# Spans that hold digits but no figure: clock times, dates, phone numbers.
_NOT_FIGURES = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _number(text: str) -> float:
    text = text.lower().replace(",", "")
    if text in units.NUMBER_WORDS:
        return units.NUMBER_WORDS[text]
    tens, _, one = text.partition("-")
    if tens in units.TENS and one in units.NUMBER_WORDS:  # "seventy-two"
        return units.NUMBER_WORDS[tens] + units.NUMBER_WORDS[one]
    return float(text)


def _scale(word: str | None) -> str | None:
    return units.SCALES.get(word.lower()) if word else None


def _currency_word(word: str | None) -> str | None:
    return units.CURRENCY_WORDS.get(" ".join(word.lower().split())) if word else None


def _value(m: re.Match, key: str = "num") -> float | None:
    """The single number of a match, or None for a range."""
    return None if m.groupdict().get("num2") else _number(m.group(key))


def _from_money(m: re.Match) -> Amount:
    unit = units.CURRENCY_PREFIXES.get(m.group("cur")) or units.CURRENCY_PREFIXES.get(
        m.group("cur").upper()
    )
    unit = _currency_word(m.group("curword")) or unit
    return Amount(m.start(), m.end(), m.group(), _value(m), unit, _scale(m.group("scale")), "money")


def _from_stripped(m: re.Match) -> Amount:
    value = float(f"{m.group('int')}.{m.group('frac') or 0}")
    unit = {"US": "USD", "HK": "HKD"}.get(
        m.group("cur"), units.CURRENCY_PREFIXES.get(m.group("cur"))
    )
    return Amount(m.start(), m.end(), m.group(), value, unit, _scale(m.group("scale")), "money")


def _from_num_scale(m: re.Match) -> Amount | None:
    num = m.group("num")
    if num.lower() in units.NUMBER_WORDS and m.group("num2"):
        return None
    unit = _currency_word(m.group("curword"))
    scale = _scale(m.group("scale") or m.group("abbr"))
    kind = "money" if unit or m.group("abbr") else "number"
    return Amount(m.start(), m.end(), m.group(), _value(m), unit, scale, kind)


def _from_abbr_count(m: re.Match) -> Amount:
    scale = _scale(m.group("abbr"))
    return Amount(m.start(), m.end(), m.group(), _number(m.group("num")), None, scale, "number")


def _from_num_curword(m: re.Match) -> Amount | None:
    if _YEAR.match(m.group("num")):  # "in May 2017 dollars"
        return None
    unit = _currency_word(m.group("curword"))
    if m.group("curword").lower() in ("pound", "pounds") and _weight(m.string, m.start(), m.end()):
        return Amount(
            m.start(), m.end(), m.group(), _number(m.group("num")), "lb", None, "quantity"
        )
    return Amount(m.start(), m.end(), m.group(), _number(m.group("num")), unit, None, "money")


def _weight(text: str, start: int, end: int) -> bool:
    """ "lost 75 pounds": a weight when weight words are near and money words are not."""
    words = set(re.findall(r"[a-z-]+", text[max(0, start - 60) : end + 40].lower()))
    return bool(words & units.WEIGHT_CONTEXT) and not words & units.MONEY_CONTEXT


def _from_percent(m: re.Match) -> Amount:
    value = _value(m)
    if value is not None and m.group("sign") in ("-", "−"):
        value = -value
    unit = "percentage points" if m.group("pct").lower().startswith("percentage") else "percent"
    return Amount(m.start(), m.end(), m.group(), value, unit, None, "percent")


def _from_vague(m: re.Match) -> Amount:
    scale = units.VAGUE_PLURALS[(m.group("q2") or m.group("q")).lower()]
    unit = _currency_word(m.group("curword"))
    text = m.group().rstrip()
    if not unit:  # "thousands of people": the count rule decides; drop the trailing "of"
        text = re.sub(r"\s+of$", "", text)
    return Amount(
        m.start(), m.start() + len(text), text, None, unit, scale, "money" if unit else "vague"
    )


def _from_fraction(m: re.Match) -> Amount | None:
    frac = " ".join(m.group("frac").lower().split())
    qualifier = (m.group("q") or "").lower()
    if frac == "all" and qualifier not in ("nearly", "almost", "virtually"):
        return None
    text = m.group().rstrip()
    text = re.sub(r"\s+of$", "", text)
    return Amount(
        m.start(), m.start() + len(text), text, units.FRACTIONS[frac], "percent", None, "fraction"
    )


def _from_fraction_of_percent(m: re.Match) -> Amount:
    share = _PERCENT_FRACTIONS[" ".join(m.group("frac").lower().split())] / 100
    unit = "percentage points" if m.group("pct").lower().startswith("percentage") else "percent"
    return Amount(m.start(), m.end(), m.group(), share, unit, None, "percent")


def _from_points(m: re.Match) -> Amount:
    text = m.group().rstrip()
    return Amount(
        m.start(),
        m.start() + len(text),
        text,
        _number(m.group("num")),
        "percentage points",
        None,
        "percent",
    )


def _from_proportion(m: re.Match) -> Amount | None:
    a, b = _number(m.group("a")), _number(m.group("b"))
    if not 0 < a < b or b > 1000 or _YEAR.match(m.group("b")):
        return None  # "3 in 2016" is no share
    return Amount(m.start(), m.end(), m.group(), round(100 * a / b, 1), "percent", None, "fraction")


def _vote_context(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 30) : m.start()].lower().split()[-3:]
    after = text[m.end() : m.end() + 30].lower().split()[:2]
    words = {w.strip(".,;:()\"'") for w in before + after}
    return bool(words & units.VOTE_WORDS)


def find_amounts(text: str) -> list[Amount]:
    """Every number-with-a-unit in `text` that the regexes recognise, left to right.

    Counts ("2,000 employees") need the parse to tell a noun from a verb, so
    they come from `extract_figures`; this finds everything else.
    """
    found: list[Amount] = []
    for regex, build in (
        (_STRIPPED_MONEY, _from_stripped),
        (_MONEY, _from_money),
        (_NUM_ABBR_COUNT, _from_abbr_count),
        (_NUM_SCALE, _from_num_scale),
        (_NUM_CURWORD, _from_num_curword),
        (_FRACTION_OF_PERCENT, _from_fraction_of_percent),
        (_PERCENT, _from_percent),
        (_VAGUE, _from_vague),
        (_FRACTION, _from_fraction),
        (_BARE_FRACTION, _from_fraction),
        (_POINTS, _from_points),
        (_PROPORTION, _from_proportion),
    ):
        for m in regex.finditer(text):
            amount = build(m)
            if amount is not None:
                found.append(amount)
    for m in _VOTES.finditer(text):
        if _vote_context(text, m) and not (_YEAR.match(m.group("a")) or _YEAR.match(m.group("b"))):
            found.append(Amount(m.start(), m.end(), m.group(), None, "votes", None, "votes"))
    if _ELECTORAL.search(text):
        for m in _BY_POINTS.finditer(text):
            start = m.start("num")
            value = _number(m.group("num"))
            found.append(
                Amount(
                    start,
                    m.end(),
                    text[start : m.end()],
                    value,
                    "percentage points",
                    None,
                    "percent",
                )
            )
    return _resolve_overlaps(text, found)


def _resolve_overlaps(text: str, found: list[Amount]) -> list[Amount]:
    blocked = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Amount] = []
    for amount in found:
        if any(s < amount.end and amount.start < e for s, e in blocked):
            continue
        if kept and amount.start < kept[-1].end:
            continue
        if _after_label(text, amount.start):
            continue
        kept.append(amount)
    return kept


def _after_label(text: str, start: int, counts: bool = False) -> bool:
    """ "page 5", "number 10": a label. Before a counted noun "number" is the word
    for a total ("of that number 315 children"), no label."""
    before = text[max(0, start - 12) : start].lower().split()
    if counts and before and before[-1] == "number":
        return False
    return bool(before) and before[-1] in units.LABEL_WORDS


def _counts(text: str, nlp_doc, taken: list[Amount]) -> list[Amount]:
    """Digits counting a plural noun: "2,000 employees", "3 million subscribers"."""
    found = []
    for m in _COUNT.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in taken):
            continue
        num = m.group("num")
        if num in units.NUMBER_NAMES or _per_base(text, m.start()):
            continue
        if _YEAR.match(num) or _after_label(text, m.start(), counts=True):
            continue
        noun = nlp_doc.char_span(m.start("noun"), m.end("noun"), alignment_mode="expand")
        if noun is None or not len(noun):
            continue
        token = noun[0]
        if token.tag_ not in ("NNS", "NNPS") or token.lower_ in units.NOT_COUNTED:
            continue
        if token.ent_type_ in ("DATE", "TIME"):
            continue
        people = token.lower_ in units.PEOPLE_NOUNS
        measured = token.lower_ in units.MEASURE_UNITS  # "1.2 gigawatts" is no small count
        if (
            _number(num) < 10 and not people and not measured and not m.group("scale")
        ):  # "2 friends"
            continue
        unit = (
            "people" if people else token.lower_ if token.lower_ in units.MEASURE_UNITS else "units"
        )
        end = m.end("noun") if measured else m.start("noun")  # "1.2 gigawatts", "2,000 employees"
        amount_text = text[m.start() : end].rstrip()
        found.append(
            Amount(
                m.start(),
                m.start() + len(amount_text),
                amount_text,
                _number(num),
                unit,
                _scale(m.group("scale")),
                "count",
            )
        )
    return found


_VAGUE_BEFORE = frozenset(["few", "several", "many", "hundreds", "thousands", "dozens"])


def _dated(token) -> bool:
    """Part of a date or time by spaCy's reading; "1,500" with its thousands comma
    never is ("some days 1,500" is read as a DATE)."""
    return token.ent_type_ in ("DATE", "TIME") and not re.fullmatch(
        r"\d{1,3}(?:,\d{3})+", token.text
    )


def is_people(noun) -> bool:
    """A plural noun that counts people: listed, a nationality ("Palestinians"), or a
    "-ists"/"-ians" word ("journalists", "civilians")."""
    word = noun.lower_
    return (
        word in units.PEOPLE_NOUNS
        or noun.ent_type_ == "NORP"
        or word.endswith(units.PEOPLE_SUFFIXES)
    )


def counted_noun(token):
    """The plural noun a number token counts, from the parse: "600 permanent jobs"
    (adjectives between), "five banks" (a number word), "25 of the 80 turbines"
    (a part of a counted whole); None when it counts nothing."""
    head = token.head
    while head.dep_ == "compound" and head.tag_ in ("NN", "NNP") and head.head.i > head.i:
        head = head.head  # "80 turbine foundations"
    if token.dep_ == "nummod" and head.i > token.i and head.tag_ in ("NNS", "NNPS"):
        return head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT"):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == token.i + 1:
                whole = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (
                    whole is not None
                    and whole.tag_ in ("NNS", "NNPS")
                    and any(
                        c.dep_ in ("nummod", "poss") or c.lower_ in ("the", "these", "those")
                        for c in whole.children
                    )
                ):
                    return whole
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """Digits run into letters ("120mm", "5G", "4K"): a model or spec, not a count;
    or a number that is a name ("911 centers", "a 747")."""
    if text[start:end] in units.NUMBER_NAMES:
        return True
    return end < len(text) and text[end].isalpha() and text[start].isdigit()


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _per_base(text: str, start: int) -> bool:
    """ "717 reports per 100,000 residents": the base of a rate is no figure."""
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in ("per", "every")


def _parsed_counts(text: str, nlp_doc, taken: list[Amount]) -> list[Amount]:
    """Counts the digit-noun pattern misses, found through the parse (`counted_noun`)."""
    found: list[Amount] = []
    blocked = _blocked_spans(text)
    for token in nlp_doc:
        if token.tag_ != "CD" or not token.like_num:
            continue
        start, end = token.idx, token.idx + len(token)
        if any(a.start < end and start < a.end for a in [*taken, *found]):
            continue
        word = token.lower_.replace(",", "")
        if word not in units.NUMBER_WORDS and not re.fullmatch(_NUM, token.text):
            continue
        if _glued(text, start, end) or _inside(blocked, start, end) or _per_base(text, start):
            continue  # "120mm", "7:31 P.M.", "per 100,000 residents"
        if _YEAR.match(token.text) or _after_label(text, start, counts=True) or _dated(token):
            continue
        if (
            word in units.NUMBER_WORDS
            and token.i > 0
            and nlp_doc[token.i - 1].lower_ in _VAGUE_BEFORE
        ):
            continue  # "a few hundred" is vague
        noun = counted_noun(token)
        if noun is None or noun.lower_ in units.NOT_COUNTED or noun.ent_type_ in ("DATE", "TIME"):
            continue
        if any(c.dep_ == "nummod" and c.i == token.i - 1 for c in noun.children):
            continue  # "3 million" is the regexes'; "two dozen" is one number
        people = is_people(noun)
        measured = noun.lower_ in units.MEASURE_UNITS
        value = _number(token.text)
        before = nlp_doc[token.i - 1] if token.i > 0 else None
        if word == "hundred" and before is not None and before.lower_ in units.NUMBER_WORDS:
            value *= _number(before.text)  # "two hundred students"
            start = before.idx
        tens = re.search(rf"\b({_alt(units.TENS)})-$", text[max(0, start - 8) : start], re.I)
        if tens and value < 10:  # "Fifty-six soldiers"
            value += units.NUMBER_WORDS[tens.group(1).lower()]
            start -= len(tens.group())
        possessed = any(c.dep_ == "poss" for c in noun.children)
        if possessed and value < 10:  # "her six children" describes, it does not count
            continue
        # "one of" is no count; a few things are one only as what the sentence is about
        # ("Three mortar shells hit"), not in passing ("with 2 friends", "two cats")
        subject = noun.dep_ in ("nsubj", "nsubjpass") and noun.i > token.i
        if value < 2 or (value < 10 and not people and not measured and not subject):
            continue
        if measured:
            if noun.i != token.i + 1:
                continue  # "25 of the 80 miles": a distance is read where it is written
            end = noun.idx + len(noun)  # "three miles"
        unit = "people" if people else noun.lower_ if measured else "units"
        found.append(Amount(start, end, text[start:end], value, unit, None, "count"))
    return found


_A_SCALE = re.compile(rf"\b(?:a|the)\s(?P<scale>{_SCALE_WORD}|dozen)\b(?!\s+of\b)", re.I)


def _one(scale: str) -> tuple[float, str | None, str | None]:
    """(value, unit, scale) of "a thousand" / "a dozen"."""
    if scale.lower() == "dozen":
        return 12.0, None, None
    return 1.0, None, _scale(scale)


_DOZENS = re.compile(rf"(?<![\w.,])(?P<num>{_WORDNUM}|\d+)[\s-]dozen\b(?!\s+of\b)", re.I)


def _dozens(text: str, taken: list[Amount]) -> list[Amount]:
    """ "three dozen films", "nearly three-dozen FBI agents": 36, a count for the parse."""
    found = []
    for m in _DOZENS.finditer(text):
        if not any(a.start < m.end() and m.start() < a.end for a in taken):
            value = _number(m.group("num")) * 12
            found.append(Amount(m.start(), m.end(), m.group(), value, None, None, "bare"))
    return found


def _bare_numbers(text: str, nlp_doc, taken: list[Amount]) -> list[Amount]:
    """Numbers standing alone, kind "bare": "sometimes 100 miles, sometimes 1,000",
    "more than a thousand". Whether one is a figure, and of what, depends on the
    figures before it in its sentence (`extract_figures` decides)."""
    found = []
    blocked = _blocked_spans(text)
    for m in _A_SCALE.finditer(text):
        if not any(a.start < m.end() and m.start() < a.end for a in taken):
            found.append(Amount(m.start(), m.end(), m.group(), *_one(m.group("scale")), "bare"))
    for token in nlp_doc:
        start, end = token.idx, token.idx + len(token)
        word = token.lower_ in units.NUMBER_WORDS
        if token.tag_ != "CD" or not (word or re.fullmatch(_NUM, token.text)):
            continue
        if _glued(text, start, end) or _inside(blocked, start, end):
            continue
        if any(a.start < end and start < a.end for a in [*taken, *found]):
            continue
        if _YEAR.match(token.text) or _after_label(text, start) or _dated(token):
            continue
        counts = token.dep_ in ("nummod", "compound", "quantmod") and token.head.i > token.i
        if counts and re.search(r"\bfrom\s$", text[max(0, start - 5) : start], re.I):
            # "from 40,000 to 65,000": the parse binds the start to the end; it is a level
            counts = not re.match(r"\sto\s[$£€]?\d", text[end : end + 6])
        if counts or _number(token.text) < (2 if word else 10):
            continue
        if token.i + 1 < len(nlp_doc) and nlp_doc[token.i + 1].pos_ in ("NOUN", "PROPN", "SYM"):
            continue
        # a number word alone ("rises to eight") is a figure only as a tally's value
        kind = "tally" if word else "bare"
        found.append(Amount(start, end, token.text, _number(token.text), None, None, kind))
    return found


# "leads Sanders 1,428 to 1,153", "(47 to 25)", "739 to Cruz's 465 and Kasich's 143": the
# sides of a result, the larger first (a range runs upwards, "from 70,000 to 85,000").
_PAIR_NUM = r"\d{1,3}(?:,\d{3})+|\d+"
_PAIR = re.compile(
    rf"(?<![\w.,$£€¥/-])(?P<a>{_PAIR_NUM})\sto\s(?:[A-Z][\w.-]*['’]s\s)?(?P<b>{_PAIR_NUM})"
    r"(?![\w%-]|[.,]\d|\s?(?:percent|per\scent|percentage)\b)"
)
_PAIR_MORE = re.compile(
    rf"^(?:,\s|,?\sand\s)[A-Z][\w.-]*['’]s\s(?P<c>{_PAIR_NUM})(?![\w%-]|[.,]\d)"
)


# "pull within 5 points of Trump (35-30)": a poll's two shares in brackets after a margin.
_BRACKET_PAIR = re.compile(r"\((?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\)")
_MARGIN_BEFORE = re.compile(r"\b(?:points?|percent|per\scent)\b|%", re.I)


def _result_pairs(text: str, taken: list[Amount]) -> list[Amount]:
    """The sides of a result written "N to M" with no unit, kind "pair" (their unit is
    the result's, which `extract_figures` takes from the sentence); and a poll's shares
    in brackets after a margin ("within 5 points of Trump (35-30)"), a score elsewhere."""
    found: list[Amount] = []
    for m in _BRACKET_PAIR.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if not _MARGIN_BEFORE.search(before.rsplit(".", 1)[-1]):
            continue
        for key in ("a", "b"):
            start, stop = m.start(key), m.end(key)
            if not any(x.start < stop and start < x.end for x in [*taken, *found]):
                value = _number(m.group(key))
                found.append(Amount(start, stop, m.group(key), value, "percent", None, "pair"))
    for m in _PAIR.finditer(text):
        a, b = _number(m.group("a")), _number(m.group("b"))
        if a < 10 or a <= b or _YEAR.match(m.group("a")) or _YEAR.match(m.group("b")):
            continue
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"\b(?:from|between|ages?d?|aged)\s$", before):
            continue
        sides = [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
        end = m.end()
        while more := _PAIR_MORE.match(text[end : end + 40]):
            sides.append((end + more.start("c"), end + more.end("c")))
            end += more.end()
        # "212,205 to 210,424 votes": a side read with its unit lends it to the others
        unit, kind = next(
            ((x.unit, x.kind) for x in taken if x.unit and x.start <= sides[1][0] < x.end),
            (None, "pair"),
        )
        for start, stop in sides:
            if not any(x.start < stop and start < x.end for x in [*taken, *found]):
                value = _number(text[start:stop])
                found.append(Amount(start, stop, text[start:stop], value, unit, None, kind))
    return found


# "trounced him by nearly 3-to-1", "by a ratio of about four to one", "a 2-to-1 margin":
# a ratio to one, as a margin or a ratio (not "from one to three", a range; not a score).
_RATIO_SIDE = rf"(?:\d+(?:\.\d+)?|{_UNIT_WORDS}|ten)"
_RATIO = re.compile(
    rf"(?:\b(?:by|ratio\sof|margin\sof)\s(?:(?:nearly|about|almost|roughly|around|more\sthan|"
    rf"over|better\sthan|some)\s)?(?:an?\s)?)?"
    rf"(?<![\w.,-])(?P<a>{_RATIO_SIDE})(?:-to-|\sto\s)(?P<b>1|one)\b(?!-\d)"
    rf"(?P<tail>\s(?:margin|ratio|edge|advantage|majority)\b)?",
    re.I,
)


def _ratios_to_one(text: str, taken: list[Amount]) -> list[Amount]:
    """ "by nearly 3-to-1", "by a ratio of about four to one", "a 2-to-1 margin": a ratio
    "N-1" (unit "ratio", no single value: the text says it), only after "by", "ratio of",
    "margin of" or before "margin"/"ratio", so "one to one" talks and ranges stay out."""
    found: list[Amount] = []
    for m in _RATIO.finditer(text):
        led = m.start() < m.start("a")
        if not (led or m.group("tail")) or m.group("a").lower() in ("1", "one"):
            continue
        start, end = m.start("a"), m.end("b")
        if any(a.start < end and start < a.end for a in taken):
            continue
        found.append(Amount(start, end, text[start:end], None, "ratio", None, "ratio"))
    return found


# "The current delegate count is Donald Trump 384, Sen. Ted Cruz 300, Rubio 151, and
# Kasich 37": a list of names each followed by its number, a tally by name.
_NAMED_NUMBER = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’-]+)\s(?P<num>\d{1,3}(?:,\d{3})*)(?=,|\s?and\b|\.|;|$)"
)


# Words before a number that make it a date or a label, not a name's tally: "March 15,
# April 26, and May 3", "Route 9", "Room 101", "Game 7".
_NOT_NAMES = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        [
            "no",
            "route",
            "highway",
            "interstate",
            "room",
            "page",
            "section",
            "article",
            "chapter",
            "flight",
            "game",
            "week",
            "day",
            "stage",
            "gate",
            "pier",
            "unit",
            "district",
            "ward",
        ]
    )
)


def _named_numbers(text: str, nlp_doc, taken: list[Amount]) -> list[Amount]:
    """A list of at least three "Name N" items in one sentence, the name a person or
    group the parse knows, counts what the sentence names: people ("delegate count"),
    votes, else nothing (no unit, no figure)."""
    found: list[Amount] = []
    for sent in nlp_doc.sents:
        line = text[sent.start_char : sent.end_char]
        items = [
            m
            for m in _NAMED_NUMBER.finditer(line)
            if not _YEAR.match(m.group("num"))
            and m.group("name").split()[-1].lower().rstrip(".") not in _NOT_NAMES
        ]
        if len(items) < 3:
            continue
        words = {t.lower_ for t in sent} | {t.lemma_.lower() + "s" for t in sent}
        unit = "people" if words & units.PEOPLE_NOUNS else "votes" if "votes" in words else None
        if unit is None:
            continue
        for m in items:
            start, stop = sent.start_char + m.start("num"), sent.start_char + m.end("num")
            if not any(x.start < stop and start < x.end for x in [*taken, *found]):
                found.append(
                    Amount(
                        start, stop, m.group("num"), _number(m.group("num")), unit, None, "count"
                    )
                )
    return found


def _casualties(text: str, taken: list[Amount]) -> list[Amount]:
    """ "nine dead", "12 killed", "three arrested": counts of people by what befell them."""
    found: list[Amount] = []
    for m in [*_CASUALTIES.finditer(text), *_CASUALTY_OBJECTS.finditer(text)]:
        if any(a.start < m.end() and m.start() < a.end for a in [*taken, *found]):
            continue
        num = m.group("num")
        if _YEAR.match(num) or num.lower() in ("one", "a", "an"):
            continue
        start = m.start("num")
        found.append(Amount(start, m.end("num"), num, _number(num), "people", None, "count"))
    return found


def _ratios(text: str, taken: list[Amount]) -> list[Amount]:
    """ "3.7 times less likely", "a factor of about 7": unit "times"."""
    found = []
    for m in _TIMES.finditer(text):
        key = "num" if m.group("num") else "num2"
        start, end = m.start(key), m.end(key)
        if m.group("num"):
            end = m.start(key) + len(m.group(key)) + len(" times")
        if any(a.start < end and start < a.end for a in taken) or _YEAR.match(m.group(key)):
            continue
        value = _number(m.group(key))
        if value < 2 and key == "num":
            continue  # "one times" is no ratio
        found.append(Amount(start, end, text[start:end], value, "times", None, "quantity"))
    return found


def _hyphen_units(text: str, taken: list[Amount]) -> list[Amount]:
    """ "a 64-yard run": 64 yards, a measure spaCy's QUANTITY ents do not always see."""
    found = []
    for m in _HYPHEN_UNIT.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in taken):
            continue
        unit = m.group("unit").lower()
        unit = "feet" if unit in ("foot", "feet") else unit if unit == "km" else unit + "s"
        found.append(
            Amount(m.start(), m.end(), m.group(), _number(m.group("num")), unit, None, "quantity")
        )
    for m in _HYPHEN_MEMBERS.finditer(text):
        if not any(a.start < m.end() and m.start() < a.end for a in taken + found):
            value = _number(m.group("num"))
            found.append(Amount(m.start(), m.end(), m.group(), value, "people", None, "count"))
    return found


def spacy_amounts(nlp_doc) -> list[Amount]:
    """spaCy's own MONEY/PERCENT/QUANTITY/CARDINAL ents as Amounts: the baseline the regexes beat.

    Kept so the comparison in tests/analysis/test_figures.py can be rerun.
    """
    out = []
    for ent in nlp_doc.ents:
        if ent.label_ not in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            continue
        start = ent.start_char
        m = _QUALIFIER.match(ent.text)
        if m:
            start += m.end()
        text = doc_text(nlp_doc)[start : ent.end_char]
        parsed = find_amounts(text)
        a = parsed[0] if parsed and parsed[0].start == 0 and parsed[0].end == len(text) else None
        kind = {"MONEY": "money", "PERCENT": "percent"}.get(ent.label_, "number")
        out.append(
            Amount(
                start,
                ent.end_char,
                text,
                a.value if a else None,
                a.unit if a else None,
                a.scale if a else None,
                a.kind if a else kind,
            )
        )
    return out


_QUALIFIER = re.compile(
    r"(?:about|around|roughly|nearly|almost|some|over|more than|less than|up to)\s+(?=[\d$£€¥])",
    re.I,
)


# Words that are part of a unit ("metric tons", "nautical miles"), unlike "700 sheer feet".
_UNIT_QUALIFIERS = frozenset(
    ["square", "cubic", "metric", "nautical", "light", "short", "long", "fluid", "imperial"]
)


def _quantities(nlp_doc, taken: list[Amount]) -> list[Amount]:
    """spaCy QUANTITY ents ("5 kilometres", "300 tonnes") the regexes have no rule for."""
    out = []
    for ent in nlp_doc.ents:
        if ent.label_ != "QUANTITY" or any(
            a.start < ent.end_char and ent.start_char < a.end for a in taken
        ):
            continue
        m = re.search(_NUM, ent.text)
        if not m:
            continue
        rest = ent.text[m.end() :].lower()
        if not re.fullmatch(r"[-\s]*[a-zµμ]+(?:[-\s][a-z]+)?", rest):  # "300 × 300 μm holes"
            continue
        words = [w for w in re.split(r"[-\s]+", rest) if w]
        scale = _scale(words[0]) if words and words[0] in units.SCALE_FACTORS else None
        words = words[1:] if scale else words
        while words and words[-1] in ("per", "of", "a", "an", "the"):
            words.pop()  # "50-hiker-per-day": spaCy's entity stops mid-compound
        if len(words) > 1 and words[0] not in _UNIT_QUALIFIERS:
            words = words[1:]  # "700 sheer feet": an adjective is no part of the unit
        unit = " ".join(words) or None
        if unit is not None and unit + "s" in units.PEOPLE_NOUNS:
            unit = "people"  # "a 50-hiker cap" counts hikers
        elif unit is not None:  # "a 6,200-square-foot house" measures square feet
            *head, last = unit.split()
            plural = "feet" if last == "foot" else last + "s"
            if plural in units.MEASURE_UNITS or last == "foot":
                unit = " ".join([*head, plural])
            elif last not in units.MEASURE_UNITS and len(last) > 3:
                continue  # "2,000 overnight": spaCy's QUANTITY took an adverb for a unit
        out.append(
            Amount(
                ent.start_char, ent.end_char, ent.text, _number(m.group()), unit, scale, "quantity"
            )
        )
    return out


def document_amounts(text: str, nlp_doc) -> list[Amount]:
    """Every amount of a parsed document, in text order: the regex finds, then
    the counts and spaCy quantities they leave uncovered."""
    amounts = find_amounts(text)
    amounts += _counts(text, nlp_doc, amounts)
    amounts += _casualties(text, amounts)
    amounts += _hyphen_units(text, amounts)
    amounts += _ratios(text, amounts)
    amounts += _dozens(text, amounts)
    amounts += _parsed_counts(text, nlp_doc, amounts)
    amounts += _quantities(nlp_doc, amounts)
    amounts += _result_pairs(text, amounts)
    amounts += _ratios_to_one(text, amounts)
    amounts += _named_numbers(text, nlp_doc, amounts)
    amounts += _bare_numbers(text, nlp_doc, amounts)
    amounts = [
        replace(a, unit="people")
        if a.unit is None and a.kind == "number" and _PEOPLE_HEAD.match(text, a.end)
        else a
        for a in amounts
    ]
    amounts.sort(key=lambda a: a.start)
    return amounts


# ---------------------------------------------------------------- helpers for callers


def absolute_amount(figure: Figure) -> float | None:
    """The figure multiplied out: 3.2 + "billion" -> 3.2e9; None without a single value."""
    if figure.value is None:
        return None
    return figure.value * units.SCALE_FACTORS.get(figure.scale or "", 1.0)


def amount_range(figure: Figure) -> tuple[float, float] | None:
    """(low, high) multiplied out for a range like "$3-4 billion"; (v, v) for a single value."""
    if figure.value is not None:
        v = absolute_amount(figure)
        return (v, v)  # type: ignore[return-value]
    m = re.search(rf"({_NUM}){_DASH}(?:{_PREFIX})?\s?({_NUM})", figure.text)
    if not m or figure.unit == "votes":
        return None
    factor = units.SCALE_FACTORS.get(figure.scale or "", 1.0)
    return (_number(m.group(1)) * factor, _number(m.group(2)) * factor)


# ---------------------------------------------------------------- number phrases and bounds
# One reader of a number with its stated bound and what follows it ("at least nine
# people", "3.7 million miles", "some 1,000 barrels"), for comparing what sources say:
# `briefing.compare` aligns these across documents. (Added by the divergence work,
# which kept its own copy in compare.py before.)

COUNT_WORDS: dict[str, int] = {w: n for w, n in CARDINALS.items() if n} | {"dozen": 12}
_LOWER = r"at least|more than|over|upwards of"
_UPPER = r"at most|up to|as many as|fewer than|less than|under"
_APPROX = r"nearly|almost|about|around|some|roughly|approximately"
_LOWER_BOUND = re.compile(rf"\b(?:{_LOWER})\b", re.I)
_UPPER_BOUND = re.compile(rf"\b(?:{_UPPER})\b", re.I)
_APPROXIMATE = re.compile(rf"\b(?:{_APPROX})\b", re.I)
_PHRASE = re.compile(
    rf"(?P<bound>\b(?:{_LOWER}|{_UPPER}|{_APPROX})\s+)?"
    r"(?<![\w$£€.,:/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
    + rf")\b(?![.,:/-]?\d)(?:\s+(?P<scale>{_SCALE_WORD})\b)?"
    r"(?P<after>(?:\s+[A-Za-z][\w'-]*){1,3})",
    re.I,
)
# What follows a number that is no count: clock times, ages, a vote share, a block.
_PHRASE_SKIP = re.compile(
    r"^\s+(?:a\.m|p\.m|am\b|pm\b|o'clock|years?\s+old|-year|year-old|percent of the vote|"
    r"block\b)",
    re.I,
)
# What before a number makes it a name or a list item: "group 2", "Flight 8501",
# "3, 4 and 5", "nine to 33 years".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:group|groups|lane|lanes|flight|gate|room|block|route|no|number|chapter|section|"
    r"article|phase|level|grade|stage|terminal|platform|line|channel|district|ward|precinct|"
    r"station|highway|road|interstate|type|category|model|version|season|episode|page|"
    r"question|item|class|division|week|day|game|round|act|rule|amendment|title)s?\.?|"
    r"\d\s*(?:,|and|or|to|through|-)|"
    r"\b(?:" + "|".join(COUNT_WORDS) + r")\s+(?:or|to|through))\s*$",
    re.I,
)


def stated_bound(text: str) -> int:
    """+1 for "at least nine", -1 for "up to nine" / "fewer than nine", 0 for an exact
    or approximate figure."""
    if _LOWER_BOUND.search(text):
        return 1
    if _UPPER_BOUND.search(text):
        return -1
    return 0


def approximate(text: str) -> bool:
    """Whether a number is hedged: "about 65", "nearly $10bn", "some 1,000"."""
    return bool(_APPROXIMATE.search(text))


def rounding(text: str, factor: float | None = None, unit: float = 1.0) -> float:
    """Half the last written digit of a number, in plain units: the rounding it allows
    ("four million" -> 500,000; "3.9 million" -> 50,000; "37,847" -> 0.5). `factor` is
    the scale the written number is multiplied by (None: a scale word in `text`);
    `unit` converts the result ("sq miles" to km2)."""
    if factor is None:
        scale = re.search(rf"\b({_SCALE_WORD})\b", text, re.I)
        factor = units.SCALE_FACTORS.get(scale.group(1).casefold(), 1.0) if scale else 1.0
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    decimals = len(m.group(1) or "") if m else 0
    return 0.5 * factor * unit * 10.0 ** (-decimals)


@dataclass(slots=True)
class NumberPhrase:
    """A number in a sentence and the words after it, in plain units."""

    start: int  # of the number, in the sentence
    value: float
    text: str  # bound, number, scale and the words after: "at least nine people were"
    bound: int  # `stated_bound` of the phrase
    hedged: bool  # "about", "nearly", "some" before it
    after_start: int  # where the words after the number begin
    after: str


def number_phrases(sentence: str) -> list[NumberPhrase]:
    """Every count-like number in a sentence with its bound and the 1-3 words after it;
    years, clock times, ages, labels ("Flight 8501") and list items are left out."""
    out = []
    for m in _PHRASE.finditer(sentence):
        raw = m.group("num").casefold().replace(",", "")
        value = float(COUNT_WORDS.get(raw, raw) if not raw[0].isdigit() else raw)
        year = raw[0].isdigit() and "," not in m.group("num") and 1800 <= value <= 2100
        if year and not m.group("scale"):
            continue  # a year ("1,800 square miles" is none)
        rest = sentence[m.end("num") :]
        if _PHRASE_SKIP.match(rest) or rest.startswith("-"):
            continue
        if _LABEL_BEFORE.search(sentence[: m.start("num")]):
            continue
        value *= units.SCALE_FACTORS.get((m.group("scale") or "").casefold(), 1.0)
        out.append(
            NumberPhrase(
                m.start("num"),
                value,
                m.group(0).strip(),
                stated_bound(m.group("bound") or ""),
                approximate(m.group("bound") or ""),
                m.start("after"),
                m.group("after"),
            )
        )
    return out
