"""Find temporal expressions and resolve them against the publication date.

A timeline needs "last October" in a 2013 article to become 2012-10, and
"by 2019" to be a target rather than an event. A small grammar of regular
expressions finds the forms news uses and decides the granularity itself, so
"10 billion", "5-0", "28.1 percent" or "03:04" never become dates and no
precision is invented. spaCy DATE entities (when the pipeline's Doc is given)
add candidates the grammar misses ("two days ago"); those go through
dateparser, and only its year/month/day periods are kept.

Resolution rules (documented because they are choices):
- Absolute dates keep their own granularity ("March 5, 2014" day,
  "October 2012" month, "2017" year); confidence 0.8-0.95.
- A month or day without a year ("in January", "March 5") takes the most
  recent such date not after publication, or the next one when the clause is
  about the future ("will", "plans to", ...).
- "last/this/next week" and "N weeks ago" resolve to the *month* holding the
  shifted day: the model has no week granularity and the month is honest.
- Past or future is the tense of the verb governing the expression when a
  parse is given ("was installed on Monday" past, "would report by February"
  future), else whole-word plan/forecast cues in the clause.
- A weekday ("on Tuesday") is the most recent such day at or before
  publication (the next one, at or after it, in future clauses); "last
  Tuesday" is strictly before. "Said on Tuesday" in a Tuesday article is that
  day: wires and dailies date same-day news by its weekday. Confidence 0.7.
- "the last year", "the next month" are stretches up to or from publication,
  not calendar periods, and give no date.
- When the expression is finer than what is known of the publication date
  (a "2014"-only article saying "on Tuesday"), the value is the publication
  date at its own granularity with confidence 0.3: right year, no invented day.
- Without a publication date, relative expressions resolve against the
  document's latest stated date (`inferred_published`): its year is taken as
  the article's, so "on Tuesday" gives that year (confidence 0.3), "last
  year" the one before, and a month or day without a year the latest one not
  more than a week after that date (the next one in a plan). A document that
  states no date keeps value None.
- `future` is True when the resolved date lies after publication, or when it
  is the publication period itself and its clause carries a plan/forecast cue.
  A date before publication is never future ("by 2010" in 2014 is past).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..datetokens import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    STAMP_YEAR,
    WEEKDAYS,
    YEAR,
)
from ..model import Analysis, DateMention, Granularity
from ..words import CARDINALS, REPORTING_WORDS
from .nlp import doc_text
from .roles import ROLE_HEADS

NUMBER_WORDS = {"a": 1, "an": 1} | {w: n for w, n in CARDINALS.items() if 0 < n <= 12}

# Months and weekdays must be capitalised: "may" and "march" are also words.
_MONTH = rf"(?P<month>(?:{MONTH_NAMES})\b|(?:{MONTH_ABBREVIATIONS})\b\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = rf"(?P<year>{YEAR})(?![\d%$])(?![.,]\d)"
_MOD = r"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+(?:in\s+)?)?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
# "Thursday 6 May 2010": the weekday belongs to the explicit date.
_DAYNAME = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?"
_NUM = r"(?P<num>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Ordered: earlier patterns win overlaps (longest, most explicit first).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(rf"(?<![\d-])(?P<year>{STAMP_YEAR})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    ),
    ("mdy", re.compile(_DAYNAME + _MOD + _MONTH + r"\s+" + _DAY + r"\s*,?\s*" + _YEAR)),
    ("dmy", re.compile(_DAYNAME + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\s*,?\s*" + _YEAR)),
    # "January last year", "September this year": one month of a year told relatively.
    (
        "month_rel_year",
        re.compile(_MONTH + r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    ),
    (
        "rel_month",
        re.compile(
            r"(?i:\b(?P<mod>early|earlier|mid|late|later)[\s-]+)?"
            r"(?i:\b(?P<rel>last|this|next|coming)\s+)" + _MONTH
        ),
    ),
    ("md", re.compile(_MONTH + r"\s+" + _DAY + r"(?!\s*[,:]?\s*\d)")),
    ("dm", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH)),
    # "June and July 2009", "May to August 2010": the year belongs to both; the first is when
    # it began
    (
        "mmy",
        re.compile(
            _MOD
            + _MONTH
            + r"\s+(?:and|or|to|through|until|-|–)\s+(?:early\s+|late\s+|mid-?)?"
            + rf"(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b\.?\s*,?\s*"
            + _YEAR
        ),
    ),
    ("my", re.compile(_MOD + _MONTH + r"\s*,?\s*(?:of\s+)?" + _YEAR)),
    ("ago", re.compile(r"(?i:\b" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+ago)")),
    (
        "rel_unit",
        re.compile(
            r"(?i:\b(?:(?P<mod>early|earlier|mid|late|later|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
            r"(?P<rel>last|this|next|coming)\s+(?P<unit>weekend|week|month|year)\b)"
        ),
    ),
    (
        "season",
        re.compile(
            r"(?i:\b(?:(?P<rel>last|this|next|coming)\s+|(?:in|by|during|until|till|before|"
            r"after|since|from|through)\s+(?:the\s+)?)(?:(?P<mod>early|late|mid)[\s-]*)?"
            r"(?P<season>spring|summer|autumn|fall|winter)\b)"
            r"(?:\s*(?:of\s+)?" + _YEAR + r")?"
        ),
    ),
    ("weekday", re.compile(r"(?i:\b(?P<rel>last|this|next|on|coming)\s+)?" + _WEEKDAY)),
    (
        "deictic",
        re.compile(
            r"(?i:\b(?P<word>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)))\b"
        ),
    ),
    ("month", re.compile(_MOD + _MONTH + r"(?!\s*\d)")),
    (
        "year",
        re.compile(
            r"(?<![\d$£€.,:/-])(?<!\$\s)"
            + _MOD
            + _YEAR
            + r"(?!s\b|'s\b|\s*(?:percent|per\s+cent|%|million|billion|thousand|bn|m\b))"
        ),
    ),
]

# Words before a bare four-digit number that make it a year whatever follows;
# after other words it is a year only when no lowercase word follows
# ("from 2008 to 2010" is; "more than 2000 people" is not).
YEAR_CONTEXT = {
    "in",
    "by",
    "since",
    "until",
    "till",
    "during",
    "before",
    "after",
    "through",
    "early",
    "late",
    "mid",
    "fiscal",
    "circa",
    "summer",
    "spring",
    "autumn",
    "winter",
}
# Words before a bare month name that make it a date ("in May", not "May I").
MONTH_CONTEXT = YEAR_CONTEXT | {
    "of",
    "from",
    "to",
    "and",
    "or",
    "between",
    "end",
    "start",
    "beginning",
}

# Fallback when no parse is given: a plan or forecast in the clause. Whole
# words only, and verb phrases rather than nouns: "planning hurdle" or "later
# than planned" are not plans.
FUTURE_CUES = re.compile(
    r"(?i)(?<![\w'])(?:will|'ll|shall|going\s+to|(?:plans?|planning|aims?|aiming|expects?|hopes?|hoping|"
    r"wants?|intends?|targets?|seeks?|promises?|pledges?|vows?|prepar(?:es?|ing)|set|due|expected|scheduled|forecast|"
    r"projected)\s+to|expected\s+(?:in|by|on)|(?<!had\sbeen\s)(?<!was\s)(?<!were\s)(?:scheduled|slated)\s+(?:[\w’']+\s+){0,4}?for|would\s+(?!have\b)[a-z]+|upcoming|"
    r"by\s+(?=\d{4}\b))(?![\w'])"
)

# With a parse: the auxiliaries and governing verbs that make a clause future.
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "could", "might", "may"})
PLAN_LEMMAS = frozenset(
    {
        "plan",
        "aim",
        "expect",
        "hope",
        "want",
        "intend",
        "target",
        "seek",
        "promise",
        "pledge",
        "vow",
        "schedule",
        "due",
        "set",
        "go",
        "forecast",
        "project",
        "prepare",
    }
)


def governing_verb(token: Any) -> Any | None:
    """The first verb or auxiliary up the head chain from `token`, or None."""
    for _ in range(40):  # heads form a tree; the bound only guards odd parses
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _past(verb: Any) -> bool:
    """A finite past verb, or a participle whose auxiliary is past or "have"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return any(
            ("Past" in c.morph.get("Tense") and c.tag_ == "VBD") or c.lemma_ == "have"
            for c in auxes
        )
    return verb.tag_ == "VBD"


def clause_tense(verb: Any, depth: int = 0) -> bool | None:
    """True for a future or planned clause, False for a past one, None when unsure.

    "will/would/could build" and "aims/plans/is due/is expected to build" are
    future; "was approved", "has risen", "voted to approve" are past; a plain
    present ("opens on Monday") is left to the caller.
    """
    if verb is None or depth > 4:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _counterfactual(verb):
        return False  # "would have been drafted": a past (that did not happen), no plan
    if any(a.lower_ in FUTURE_AUX | _AHEAD_AUX for a in auxes):
        return True  # "must support Clinton in November": the next November, not a past one
    head = verb.head
    if any(a.tag_ == "TO" for a in auxes) and head.i != verb.i:
        # An infinitive takes its time from the verb it completes.
        planned = head.lemma_.lower() in PLAN_LEMMAS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in PLAN_LEMMAS for c in head.children
        )
        if planned:
            # "were due to file": an adjective's time is its copula's
            anchor = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
            return not _past(anchor)
        return clause_tense(governing_verb(head), depth + 1)
    if verb.lemma_.lower() in PLAN_LEMMAS and verb.tag_ == "VBN":
        return not _past(verb)  # "is expected in 2028"; "was expected in May" is past
    if _past(verb):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        return False  # "disclosures filed Sunday night": a reduced relative tells a done deed
    if (
        verb.tag_ in ("VBG", "VBN")
        and verb.dep_ in ("advcl", "acl", "conj", "xcomp")
        and head.i != verb.i
    ):
        return clause_tense(governing_verb(head), depth + 1)  # "..., ending a review"
    return None


def _noun_time(nlp_doc: Any, span: Any) -> bool:
    """Whether the date in `span` times a noun's event rather than its clause: the parse
    hangs it on a noun, or it follows an event noun ("a boost from the win Tuesday")."""
    before = nlp_doc[span.start - 1] if span.start > 0 else None
    return bool(
        (span.root.head.pos_ == "NOUN" and span.root.dep_ in ("npadvmod", "poss", "nmod"))
        or (before is not None and before.lemma_.lower() in EVENT_NOUNS)
    )


def parse_tense(nlp_doc: Any, start: int, end: int) -> bool | None:
    """`clause_tense` of the verb governing the characters [start, end) of `nlp_doc`."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    prep = span.root.head
    if (
        verb is not None
        and prep.lower_ == "for"
        and (prep.head.i == verb.i or (prep.head.head.i == verb.i and prep.head.dep_ == "dobj"))
        and verb.lemma_.lower() in PLAN_LEMMAS | {"slate"}
        and not any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))
    ):
        return True  # "has scheduled the session for Jan. 23": the plan's date is ahead
    tense = clause_tense(verb)
    if (
        tense
        and verb is not None
        and _noun_time(nlp_doc, span)
        and not any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ in ("aux", "auxpass"))
    ):
        # "should get a boost from the win Tuesday": what is owed or expected of the
        # clause (an obligation's "should", "must") says nothing of when the noun's own
        # event was
        tense = None
    if tense is None and verb is not None and verb.dep_ == "advcl" and verb.head.i != verb.i:
        # "Once the rule goes into effect on Dec. 1, workers will receive ...": a present
        # adverbial clause takes the time of the clause it modifies
        tense = clause_tense(governing_verb(verb.head))
    return tense


# Nouns a date may head without naming a thing: "Thursday night", "the 2015 season".
_TIME_NOUNS = frozenset(
    {"night", "morning", "afternoon", "evening", "weekend", "week", "month", "year", "day"}
    | {"time", "period", "season", "quarter", "half", "end", "start", "beginning", "hour"}
)
# Verbs of a lasting state: "is the best candidate today", "even today ... tends to"
# ("Today we have 400 people working" is a count at a date, which a timeline keeps).
_STATE_LEMMAS = frozenset({"be", "remain", "stay", "tend", "seem", "appear"})
# Nouns of a happening: a date they hold dates an event ("his arrest in April", "last
# October's report", "the session on Jan. 23"), whatever the tense around them.
EVENT_NOUNS = frozenset(
    {"arrest", "attack", "election", "vote", "voting", "debate", "primary", "caucus"}
    | {"meeting", "visit", "trip", "speech", "announcement", "launch", "crash", "explosion"}
    | {"blast", "shooting", "ruling", "decision", "verdict", "resignation", "death", "summit"}
    | {"trial", "hearing", "convention", "rally", "interview", "release", "deal", "merger"}
    | {"report", "test", "session", "war", "invasion", "revolution", "uprising", "coup"}
    | {"protest", "strike", "storm", "earthquake", "spill", "disaster", "collapse", "default"}
    | {"bankruptcy", "approval", "agreement", "signing", "ceremony", "inauguration", "funeral"}
    | {"arrival", "departure", "win", "victory", "defeat", "loss", "opening", "closure"}
    | {"raid", "strike", "bombing", "killing", "murder", "kidnapping", "fire", "flood", "outbreak"}
)


def _past_simple(verb: Any) -> bool:
    """A clause told as a past happening: "won", "was ousted", "had won"; not a
    present perfect ("has taken") or a present ("is nationalized")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return any(c.tag_ == "VBD" for c in auxes)
    return bool(verb.tag_ == "VBD")


def describes_thing(
    nlp_doc: Any, start: int, end: int, kind: str = "", *, ahead: bool = False
) -> bool:
    """Whether the date at [start, end) times a thing, a person's post or a lasting
    state rather than a happening its clause tells (`DateMention.describes`).

    A date that modifies a noun ("such as Mitt Romney in 2012", "the 2016 contest is
    nationalized", "McCain's late-2007 turnaround", "the race for the nomination in 2016
    has taken shape") times the noun when its clause is no past happening ("won in
    2012" is one) and no plan; a post held then ("who was Romney's top adviser in 2012")
    is a state. "Today" with a present verb of state ("is the best candidate today",
    "even today ... tends to") is "nowadays"."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    for _ in range(5):
        if root.dep_ != "conj" or root.head.i == root.i:
            break
        root = root.head  # "in 2000 and 2008": the second year hangs on the first
    verb = governing_verb(root)
    if kind == "deictic" and span.text.lower() == "today":
        if doc_text(nlp_doc)[max(0, start - 5) : start].lower().strip() == "even":
            return True
        # "Today the government focuses its attention on ...", "only 7 percent do
        # today": a plain present with "today" tells how things are now (news tells
        # the day's happenings in the past tense); "Today we have 400 people working"
        # is a count at a date, which a timeline keeps
        return bool(
            verb is not None
            and verb.tag_ in ("VBZ", "VBP")
            and verb.lemma_.lower() != "have"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
    if (
        verb is not None
        and verb.lemma_ == "be"
        and root.dep_ == "pobj"
        and any(c.dep_ == "attr" and c.lemma_.lower() in ROLE_HEADS for c in verb.children)
    ):
        return True  # "who was Romney's top adviser in 2012": a post held then
    if (
        kind in ("year", "my", "mmy", "month")
        and verb is not None
        and root.dep_ == "pobj"
        and not _past_simple(verb)
        and clause_tense(verb) is not True
        and _perfect(verb)
    ):
        # "have been drawn to candidates such as Romney in 2012": a perfect tells no
        # happening at a past year; the year belongs to a noun the parse hung on the verb
        return True
    if verb is not None and _counterfactual(verb):
        return True  # "would have been drafted eight weeks ago": what did not happen
    if (
        kind == "rel_unit"
        and span.text.lower().startswith("this")
        and verb is not None
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and verb.lemma_.lower() not in PLAN_LEMMAS
    ):
        return True  # "This year, an average of polls shows Clinton leading": a state
    if (
        kind == "rel_unit"
        and span.text.lower() == "this year"
        and verb is not None
        and _perfect(verb)
        and not _past_simple(verb)
    ):
        # "This year's primaries have featured many firsts": a present perfect over the
        # year so far sums it up; it dates no happening
        return True
    noun = None
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i != root.head.i:
        noun = root.head.head
    elif root.dep_ in ("compound", "amod", "nmod", "nummod", "poss"):
        noun = root.head
    if (
        noun is None
        or verb is None
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.lower_ in _TIME_NOUNS
        or noun.lemma_.lower() in EVENT_NOUNS
        or span.start <= noun.i < span.end
    ):
        return False
    if noun.lemma_.lower() in ROLE_HEADS and verb.lemma_ == "be":
        return True  # "who was Romney's top adviser in 2012": a post held then
    if (
        root.dep_ in ("compound", "nmod", "amod", "nummod", "poss")
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("before", "after")
    ):
        # "received applications before the March 15 deadline": the clause happened
        # some time before (or after) a dated thing, not on its date
        return True
    if ahead and root.dep_ == "pobj" and not _perfect(verb):
        return False  # "on course for first power in 2027": a target, not a description
    return not _past_simple(verb) and clause_tense(verb) is not True


# Verbs by which a clause deals with a thing or an event rather than taking part in it:
# "Republicans investigating the 2012 attack", "had politicized the 2001 attacks".
REFERRING_LEMMAS = frozenset(
    {"investigate", "probe", "examine", "review", "study", "discuss", "recall", "remember"}
    | {"mention", "cite", "invoke", "defend", "criticize", "criticise", "blame", "politicize"}
    | {"concern", "regard", "commemorate", "compare", "question", "recount", "describe"}
    | {"exploit", "revisit", "reference", "condemn", "praise", "dismiss", "downplay"}
)
# Prepositions by which a noun or verb is about a dated thing: "e-mails about the 2012
# attacks", "questions over Clinton's 2002 vote", "an inquiry into the 2012 attack".
_ABOUT = frozenset({"about", "concerning", "regarding", "over", "into"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def refers_to_event(nlp_doc: Any, start: int, end: int) -> bool:
    """`_refers_to` for the date at [start, end): whatever the clause's tense ("will take
    the stage after ... a face-off with Republicans investigating the 2012 attack")."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _refers_to(span.root)


def _refers_to(root: Any) -> bool:
    """Whether a date that modifies a noun ("the 2012 attack", "2012 Benghazi attacks")
    sits in an object that its clause refers to, investigates or talks about: the date
    is the noun's, and the clause happens at another time. A dated noun that is the
    clause's subject ("the 2012 attack killed four"), or one the clause takes part in
    ("won the 2012 election", "voted in Tuesday's primary"), dates the clause."""
    if root.dep_ not in ("compound", "amod", "nummod", "nmod"):
        return False
    noun = root.head
    for _ in range(4):  # "2012 Benghazi attacks": up to the head of the compound
        if noun.dep_ != "compound" or noun.head.i == noun.i:
            break
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i == root.i or noun.dep_ in _SUBJECTS:
        return False
    if noun.dep_ == "pobj":
        return noun.head.lower_ in _ABOUT
    return (
        noun.dep_ == "dobj"
        and noun.head.pos_ in ("VERB", "AUX")
        and noun.head.lemma_.lower() in REFERRING_LEMMAS
    )


# Modals of a possibility, not a plan: "could run in 2020", "might win in November".
_MAYBE_AUX = frozenset({"could", "might", "may", "would", "'d"})
# Modals of an obligation: "the party must support Clinton in November". What someone
# must do is no happening and, unlike "will", no plan either. "should" looks ahead too
# but is as often a schedule ("the trial should be held on Saturday"), which stays a plan.
OBLIGATION_AUX = frozenset({"must", "ought"})
_AHEAD_AUX = OBLIGATION_AUX | {"should"}
# Verbs that make an obligation of the infinitive they govern: "needs to win in
# November", "has to pass it by Friday" (the parser's lemma of "has to" is "have").
_OBLIGATION_HEADS = frozenset({"need", "have"})
# Verbs of a wish: a plan while it is held ("hopes to finish by March"), none of a
# happening once told in the past ("hoped to finish by March": it may not have).
WISH_LEMMAS = frozenset({"hope", "want", "wish", "seek", "intend", "plan", "aim"})
# (the parser's lemma of "hopes" is sometimes "hop")
_WISH_FORMS = frozenset({"hoped", "wanted", "wished", "sought", "intended", "planned", "aimed"})
# "said it would hold a vote in March": a reported "will", which is a plan.
_REPORTED = frozenset({"say", "tell", "announce", "state", "confirm", "report", "add", "write"})
# "would be higher by 2018", "may raise the wage to $15 by 2022": a deadline or a
# projection, which the timeline keeps as ahead.
_BY = re.compile(r"(?i)\bby\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?$")


def _governed_plan(verb: Any, by: bool, ahead: bool, depth: int = 0) -> bool | None:
    """Whether a clause is a plan (True), a goal or hypothetical (False), or neither
    (None: a plain clause, left to `clause_tense`). `by`: the date is a deadline;
    `ahead`: it lies after publication."""
    if verb is None or depth > 4:
        return None
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "wo", "shall") for a in auxes):
        return True
    head = verb.head
    if any(a in OBLIGATION_AUX for a in auxes) or (
        "to" in auxes
        and head.i != verb.i
        and head.lemma_.lower() in _OBLIGATION_HEADS
        and head.pos_ in ("VERB", "AUX")
        and verb.dep_ == "xcomp"
        and not _past(head)
    ):
        # "must support Clinton in November": an obligation, not a past November nor a
        # plan; "must finish by March" is a deadline, which the timeline keeps as ahead
        return None if by else False
    if any(a in _MAYBE_AUX for a in auxes):
        if by:
            return None  # "would be higher by 2018": a projection to a deadline
        # "could run in 2020" is a hypothetical; "said it would vote in March" a plan
        return bool(
            set(auxes) & {"would", "'d"}
            and verb.dep_ == "ccomp"
            and head.i != verb.i
            and head.lemma_.lower() in _REPORTED
        )
    if verb.tag_ in ("VB", "VBG") and not by and _judged(verb):
        # "it is important to defeat Trump in November", "a realistic chance of winning
        # in November", "a real shot at succeeding Obama next January": a goal or a
        # prospect someone weighs, no happening and no plan
        return False
    if "to" in auxes and head.i != verb.i:
        # an infinitive: a plan only when a plan verb (or "due", "set") governs it;
        # "a chance to defeat Trump in November", "bring him to run in 2020" are not
        if not ahead and (
            head.lower_ in _WISH_FORMS or (head.lemma_.lower() in WISH_LEMMAS and _past(head))
        ):
            # "hoped to finish by March" (a past March): a wish told, not a happening;
            # "hoped to reach it in 2018" (ahead) is a target date
            return False
        if head.lemma_.lower() in PLAN_LEMMAS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in PLAN_LEMMAS for c in head.children
        ):
            return True
        if head.pos_ in ("VERB", "AUX"):
            if _past(head):
                return None  # "voted to approve it in March": the vote happened
            return _governed_plan(head, by, ahead, depth + 1)
        if head.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl" and not by:
            return False  # "their best chance to defeat Garrow in November": a goal
    return None


# Adjectives that make a plan or a forecast of the infinitive they govern ("is due to
# vote", "is likely to win"), not a goal someone weighs ("is important to win").
_FORECAST_ADJ = frozenset({"likely", "unlikely", "sure", "certain", "poised", "ready", "able"})


def _judged(verb: Any) -> bool:
    """A non-finite verb that an evaluative adjective on a copula ("it is important
    to defeat", "will be very difficult for X to win") or a noun through a preposition
    ("chance of winning", "shot at succeeding") governs: a goal or a prospect."""
    head = verb.head
    if head.i == verb.i:
        return False
    if (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in ("of", "at", "for")  # not "remarks after meeting ... on Tuesday"
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        return head.head.lemma_.lower() not in EVENT_NOUNS
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and head.lemma_ == "be":
        return any(
            c.dep_ == "acomp"
            and c.pos_ == "ADJ"
            and c.lemma_.lower() not in PLAN_LEMMAS | _FORECAST_ADJ
            for c in head.children
        )
    return False


def goal_or_hypothetical(nlp_doc: Any, start: int, end: int, *, ahead: bool = False) -> bool:
    """Whether the date at [start, end) belongs to a goal or a hypothetical, which tells
    no happening and no plan: "to defeat Trump in November", "what could bring him to
    run in 2020", "would win in 2016", "hoped to finish by March". Plans governed by a
    plan verb or "will" ("hopes to finish by March", "will meet on Friday", "said it
    would vote in March") and projections to a deadline ("would be higher by 2018") are
    not."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span.root)
    if verb is None or _counterfactual(verb) or _past(verb):
        return False  # "won in 2012", "has won": a happening
    by = bool(_BY.search(doc_text(nlp_doc), max(0, start - 24), start))
    if _noun_time(nlp_doc, span) and any(
        c.lower_ in OBLIGATION_AUX for c in verb.children if c.dep_ in ("aux", "auxpass")
    ):
        return False  # "should get a boost from the win Tuesday": the win happened
    return _governed_plan(verb, by, ahead) is False


def denied(nlp_doc: Any, start: int, end: int) -> bool:
    """Whether the date at [start, end) is in a clause a negated verb governs, which
    tells of nothing that happens: "Unity doesn't mean Sanders closes up shop tomorrow".
    A day's event a noun names keeps its date ("did not say if he would attend
    Monday's debate")."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.head.lemma_.lower() in EVENT_NOUNS:
        return False
    verb = governing_verb(root)
    return bool(
        verb is not None
        and verb.dep_ == "ccomp"
        and verb.head.i != verb.i
        and any(c.dep_ == "neg" for c in verb.head.children)
    )


def _counterfactual(verb: Any) -> bool:
    """ "would have been drafted", "could have won": a past that did not happen."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "have" in auxes and any(a in ("would", "could", "should", "might") for a in auxes)


def _perfect(verb: Any) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)


def _present(verb: Any) -> bool:
    """A finite present clause ("are eligible", "holds"), not a perfect ("has turned")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return all(c.tag_ in ("VBZ", "VBP") and c.lemma_ != "have" for c in auxes)
    return bool(verb.tag_ in ("VBZ", "VBP"))


def _present_at(nlp_doc: Any, start: int, end: int) -> bool:
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(40):  # "his victory in Tuesday's primary": a noun's time, not the clause's
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        event = (
            token.i == span.root.i
            and token.dep_ in ("poss", "compound", "nmod")
            and token.head.lemma_.lower() in EVENT_NOUNS
            and token.head.dep_ == "pobj"
            and token.head.head.lower_ in _TOWARD_EVENT
        )
        token = token.head
        if event:
            # "is facing in Tuesday's primary": the day's own event; the verb it takes
            # place under tells whether it is still to come
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _TIME_NOUNS:
            return False
    verb = governing_verb(span.root)
    for _ in range(3):  # "are eligible to vote ... on Tuesday": the infinitive's clause
        if verb is None or verb.head.i == verb.i or not any(c.tag_ == "TO" for c in verb.children):
            break
        verb = governing_verb(verb.head)
    return verb is not None and _present(verb)


def _scheduled_at(nlp_doc: Any, start: int, end: int) -> bool:
    """A plain present of a doing at the date ("which votes June 7", "takes effect in
    January"): a schedule. A present of a state ("sales are strong in March") is not."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not _present_at(nlp_doc, start, end):
        return False
    verb = governing_verb(span.root)
    return verb is not None and verb.lemma_.lower() not in _STATE_LEMMAS | {"have"}


# Prepositions by which a present clause takes place at, or works toward, a day's event
# ("is facing in Tuesday's primary", "is preparing for Friday's debate"); "is celebrating
# after Tuesday's primary", "is angry about Tuesday's vote" look back.
_TOWARD_EVENT = frozenset({"in", "at", "during", "for", "before", "into", "toward", "towards"})
# "ahead of New York's Tuesday primary": the day is still to come.
_AHEAD_OF = re.compile(r"(?i)\bahead\s+of\s+(?:[\w'’.-]+\s+){0,3}$")


@dataclass(frozen=True, slots=True)
class Published:
    """What is known of the publication date."""

    date: dt.date
    granularity: Granularity
    # An undated document: `date` is the latest date it states (`inferred_published`), a
    # lower bound known to this granularity; `granularity` is then "year" (the year is
    # taken as the article's, nothing finer is claimed).
    inferred: Granularity | None = None

    @property
    def floor_known(self) -> bool:
        """The month of an inferred date is known (it came from a day or month)."""
        return self.inferred in ("day", "month")

    @classmethod
    def parse(cls, value: str | None) -> Published | None:
        if not value:
            return None
        m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            return None
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        gran: Granularity = "day" if m[3] else "month" if m[2] else "year"
        try:
            return cls(dt.date(year, month, day), gran)
        except ValueError:
            return None


_RANK = {"year": 0, "month": 1, "day": 2}


def iso(date: dt.date, granularity: Granularity) -> str:
    """The ISO prefix of `date` at `granularity`."""
    return date.isoformat()[: {"year": 4, "month": 7, "day": 10}[granularity]]


def _coarse(pub: Published, wanted: Granularity) -> tuple[str, Granularity, float] | None:
    """Publication date at its own granularity when `wanted` is finer than it."""
    if _RANK[wanted] <= _RANK[pub.granularity]:
        return None
    return iso(pub.date, pub.granularity), pub.granularity, 0.3


def _month_year(month: int, pub: Published, future: bool, rel: str | None) -> tuple[int, float]:
    """The year of a month named without one, and the confidence in it."""
    year = pub.date.year
    if pub.floor_known and rel is None:
        # undated article, its latest stated date known: a past month lies not after it
        # (a week's slack: "On March 21, 2012 ... on March 22"), a planned one not before
        if future:
            return (year if month >= pub.date.month else year + 1), 0.5
        first = dt.date(year, month, 1)
        return (year if first <= pub.date + INFERRED_SLACK else year - 1), 0.5
    known = pub.granularity != "year" or pub.floor_known
    if rel == "last":
        return (year if known and month < pub.date.month else year - 1), (0.8 if known else 0.6)
    if rel in ("next", "coming"):
        return (year if known and month > pub.date.month else year + 1), (0.8 if known else 0.4)
    if rel == "this" or not known:
        return year, (0.8 if rel == "this" else 0.5)
    if future:
        return (year if month >= pub.date.month else year + 1), 0.7
    return (year if month <= pub.date.month else year - 1), 0.75


def _context(text: str, start: int, end: int) -> str:
    """The clause around a mention: up to sentence punctuation, 60 chars each side."""
    left = text[max(0, start - 60) : start]
    right = text[end : end + 60]
    left = re.split(r"[.!?;]\s|\n", left)[-1]
    right = re.split(r"[.!?;](?:\s|$)|\n", right)[0]
    return f"{left} {right}"


Resolved = tuple[
    str | None, Granularity | None, bool, float
]  # value, granularity, relative, confidence


# How loosely a count of units back is meant: "eight years ago" may be seven and a half
# years back, "a year ago" is about twelve months (days: an eighth of the unit).
def _counted_year(pub: Published, n: int, unit_days: float) -> Resolved:
    """The year of "N months/years/decades ago" when every reading of the count, the
    shifted day give or take half a unit (an eighth for one unit), lies in one calendar
    year; else no year an event may take (confidence 0.25). A count is never finer
    than its year: "three months ago" is approximate by weeks."""
    slack = unit_days / (8 if n == 1 else 2)
    shifted = pub.date - dt.timedelta(days=n * unit_days)
    low, high = shifted - dt.timedelta(days=slack), shifted + dt.timedelta(days=slack)
    if pub.granularity == "day" and not pub.inferred and low.year == high.year:
        return f"{shifted.year:04d}", "year", True, 0.8
    return f"{shifted.year:04d}", "year", True, 0.25


def _resolve(kind: str, m: re.Match[str], pub: Published | None, future: bool) -> Resolved | None:
    """What one match means, or None to drop it (an impossible date)."""
    g = m.groupdict()
    month = MONTHS[g["month"].rstrip(".").lower()] if g.get("month") else None
    if g.get("mnum"):
        month = int(g["mnum"])
    if month is None and kind in (
        "iso",
        "mdy",
        "dmy",
        "my",
        "mmy",
        "md",
        "dm",
        "month",
        "rel_month",
        "month_rel_year",
    ):
        return None
    month = month or 1  # unused below by the kinds that name no month
    if kind in ("iso", "mdy", "dmy"):
        try:
            day = dt.date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            return None
        return iso(day, "day"), "day", False, 0.95
    if kind in ("my", "mmy"):
        return f"{int(g['year']):04d}-{month:02d}", "month", False, 0.95
    if kind == "year":
        return g["year"], "year", False, 0.85
    if kind == "season":
        return _season(g, pub, future)
    if kind == "month_rel_year":
        if pub is None:
            return None, None, True, 0.0
        step = {"last": -1, "this": 0, "next": 1}[g["rel"]]
        return (
            f"{pub.date.year + step:04d}-{month:02d}",
            "month",
            True,
            0.6 if pub.inferred else 0.85,
        )
    if kind in ("md", "dm"):
        if not 1 <= int(g["day"]) <= 31:
            return None
        if pub is None:
            return None, None, True, 0.0
        if pub.floor_known:
            year, conf = _month_year(month, pub, future, None)
            try:
                day = dt.date(year, month, int(g["day"]))
            except ValueError:
                return None
            if not future and day > pub.date + INFERRED_SLACK:
                day = day.replace(year=year - 1) if (month, int(g["day"])) != (2, 29) else day
            return iso(day, "day"), "day", True, conf
        if pub.granularity == "year":
            # "March 22" in a 2012 article: 2012-03-22; the day is written, only the
            # year is inferred (documents rarely recall a date from another year
            # without naming that year).
            try:
                day = dt.date(pub.date.year, month, int(g["day"]))
            except ValueError:
                return None
            return iso(day, "day"), "day", True, 0.5
        year, conf = _month_year(month, pub, future, None)
        try:
            day = dt.date(year, month, int(g["day"]))
        except ValueError:
            return None
        if pub.granularity == "day" and not future and day > pub.date:
            try:
                day = day.replace(year=year - 1)
            except ValueError:  # Feb 29 has no day the year before
                return None
        return iso(day, "day"), "day", True, conf
    if kind in ("month", "rel_month"):
        if pub is None:
            return None, None, True, 0.0
        year, conf = _month_year(month, pub, future, (g.get("rel") or "").lower() or None)
        return f"{year:04d}-{month:02d}", "month", True, conf
    if pub is None:
        return None, None, True, 0.0
    if kind == "deictic":
        word = g["word"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        coarse = _coarse(pub, "day")
        if coarse:
            return coarse[0], coarse[1], True, coarse[2]
        return iso(pub.date + dt.timedelta(days=shift), "day"), "day", True, 0.9
    if kind == "weekday":
        coarse = _coarse(pub, "day")
        if coarse:
            return coarse[0], coarse[1], True, coarse[2]
        rel = (g.get("rel") or "").lower()
        weekday = WEEKDAYS[g["weekday"].lower()]
        if rel in ("next", "coming") or (future and rel != "last"):
            delta = (weekday - pub.date.weekday()) % 7 or (7 if rel == "next" else 0)
        else:
            delta = -((pub.date.weekday() - weekday) % 7 or (7 if rel == "last" else 0))
        return iso(pub.date + dt.timedelta(days=delta), "day"), "day", True, 0.7
    if kind in ("rel_unit", "ago"):
        unit = g["unit"].lower()
        if kind == "ago":
            n = int(g["num"]) if g["num"].isdigit() else NUMBER_WORDS[g["num"].lower()]
            step = -n
        else:
            n = 0
            rel = g["rel"].lower()
            step = {"last": -1, "this": 0, "next": 1, "coming": 1}[rel]
        grans: dict[str, Granularity] = {
            "day": "day",
            "week": "month",
            "weekend": "month",
            "month": "month",
            "year": "year",
        }
        wanted = grans[unit]
        if kind == "ago" and (unit == "year" or (unit == "month" and n > 1)):
            return _counted_year(pub, n, 365.25 if unit == "year" else 30.44)
        if unit == "year":
            return f"{pub.date.year + step:04d}", "year", True, 0.6 if pub.inferred else 0.9
        if pub.inferred and step < 0:
            # "last month" in an undated article whose latest stated date is 2012-01-02:
            # the year of the shifted date (2011), never finer
            back = pub.date - dt.timedelta(days=-step * (7 if unit.startswith("week") else 31))
            if unit == "day":
                back = pub.date - dt.timedelta(days=-step)
            return f"{back.year:04d}", "year", True, 0.3
        coarse = _coarse(pub, wanted)
        if coarse:
            return coarse[0], coarse[1], True, coarse[2]
        if unit == "day":
            return iso(pub.date + dt.timedelta(days=step), "day"), "day", True, 0.85
        if unit in ("week", "weekend"):
            # the month of the week (Monday to Sunday) or of its weekend; a week that
            # straddles two months ("earlier this week" on Saturday 3 September) names
            # neither, so only its year is told, below the confidence an event needs
            # (weeks run Sunday to Saturday as US news counts them; a weekend is the
            # Saturday and Sunday closing a Monday-to-Sunday week)
            shifted = pub.date + dt.timedelta(weeks=step)
            if unit == "weekend":
                first = shifted + dt.timedelta(days=5 - shifted.weekday())
                last = first + dt.timedelta(days=1)
            else:
                first = shifted - dt.timedelta(days=(shifted.weekday() + 1) % 7)
                last = first + dt.timedelta(days=6)
            if first.month != last.month:
                return f"{shifted.year:04d}", "year", True, 0.25
            return iso(first, "month"), "month", True, 0.6
        total = pub.date.year * 12 + pub.date.month - 1 + step
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "month", True, 0.85
    return None


# First and last month of each season (northern hemisphere; a winter is the year it starts).
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 12),
}


def _season(g: dict[str, Any], pub: Published | None, future: bool) -> Resolved:
    """The year of "in the spring", "next summer", "last autumn", "summer of 2012".

    The model has no season granularity, so a season gives its year. Without a
    modifier, a future clause means the next season not yet over ("start work in
    the spring" in November: next year) and a past one the last season begun."""
    if g.get("year"):
        return g["year"], "year", False, 0.9
    if pub is None:
        return None, None, True, 0.0
    first, last = SEASONS[g["season"].lower()]
    year, month = pub.date.year, pub.date.month
    known = pub.granularity != "year"
    rel = (g.get("rel") or "").lower()
    if rel == "this":
        return f"{year:04d}", "year", True, 0.8
    if rel == "next":
        return f"{year + 1:04d}", "year", True, 0.8
    if rel == "coming":
        return f"{year if known and month < first else year + 1:04d}", "year", True, 0.7
    if rel == "last":
        return f"{year if known and month > last else year - 1:04d}", "year", True, 0.7
    if not known:
        return f"{year:04d}", "year", True, 0.5
    if future:
        return f"{year if month <= last else year + 1:04d}", "year", True, 0.7
    return f"{year if month >= first else year - 1:04d}", "year", True, 0.7


# "1800 GMT", "2030 hours", "at 1900 local time": a 24-hour clock time, not a year.
_CLOCK_AFTER = re.compile(
    r"\s*(?:GMT|UTC|Z\b|ET\b|EST|EDT|CT\b|CST|CDT|MT\b|MST|MDT|PT\b|PST|PDT|BST|CET|CEST|"
    r"IST|JST|AEST|AEDT|SAST|EAT|WAT|MSK|(?i:hours?\b|hrs?\b|h\b|local\s+time|zulu))"
)


def _is_clock(text: str, m: re.Match[str]) -> bool:
    """A four-digit number read as hhmm followed by a time zone or "hours"."""
    digits = m.group("year")
    if int(digits[:2]) > 23 or int(digits[2:]) > 59:
        return False
    return bool(_CLOCK_AFTER.match(text, m.end()))


def _year_is_date(text: str, m: re.Match[str]) -> bool:
    """A bare four-digit number is a year only in a date-like context, never a clock time."""
    if _is_clock(text, m):
        return False
    if m.group("mod"):
        return True
    before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()])
    prev = before[-1].lower() if before else ""
    if prev in YEAR_CONTEXT or prev.endswith("'s"):
        return True
    if prev in _YEAR_DETERMINERS and names_event(text, m.end()):
        return True
    after = text[m.end() : m.end() + 20].lstrip()
    # "2000 people" is a count; "In 2011 Huawei" or "2017." is a year.
    return not re.match(r"[a-z]", after)


# Determiners before a bare year that make it one when a happening follows.
_YEAR_DETERMINERS = frozenset({"the", "a", "an", "their", "his", "her", "its", "our", "your"})


def names_event(text: str, at: int) -> bool:
    """Whether the words after `at` (up to three, within the noun phrase) end in a noun of a
    happening (`EVENT_NOUNS`): "the 2008 primary", "the 2012 attacks", "a 1952 coup".
    A count written without its comma ("the 2000 people") or a dated thing ("his 2014
    return", "the 2016 presidential candidate") stays no date."""
    words = re.findall(r"[A-Za-z-]+|[^\sA-Za-z-]", text[at : at + 50])[:3]
    for word in words:
        if not word[0].isalpha():
            return False
        w = word.lower()
        if w in EVENT_NOUNS or (w.endswith("s") and w[:-1] in EVENT_NOUNS):
            return True
        if w.endswith("es") and w[:-2] in EVENT_NOUNS:
            return True
    return False


def _month_is_date(text: str, m: re.Match[str]) -> bool:
    """A month name standing alone is a date after a preposition or before "'s"."""
    if m.group("mod") or text.startswith("'s", m.end()):
        return True
    before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()])
    return bool(before) and before[-1].lower() in MONTH_CONTEXT


# A weekday in a name: "Black Wednesday", "Super Tuesday", "the Sunday Times", "the Mail on
# Sunday" name an event or a paper, not the day of the week.
_DAY_NAME_BEFORE = re.compile(
    r"\b(?:Black|Super|Good|Holy|Ash|Palm|Easter|Bloody|Cyber|Shrove|Maundy|Whit|Fat|Giving|"
    r"Manic|Mail\s+on|Independent\s+on)\s+$"
)
_DAY_NAME_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Independent|Tribune|Observer|Mail|Sport|"
    r"Night\s+Football)\b"
)


def _named_day(text: str, m: re.Match[str]) -> bool:
    if (m.group("rel") or "").lower() in ("last", "this", "next", "coming"):
        return False
    day = m.start("weekday")
    return bool(
        _DAY_NAME_BEFORE.search(text, max(0, day - 20), day) or _DAY_NAME_AFTER.match(text, m.end())
    )


def _is_stretch(text: str, m: re.Match[str]) -> bool:
    """ "the last year", "the next month": a stretch of time up to or from now,
    not the previous or next calendar period, so not a date."""
    before = re.findall(r"[\w']+", text[max(0, m.start() - 12) : m.start()])
    return not m.group("mod") and bool(before) and before[-1].lower() == "the"


# A line without any of these holds no date; skipping it makes the scan ~3x faster.
_TRIGGER = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|(?i:tonight|tomorrow|week|month|year|ago|morning|noon|evening|spring|summer|autumn|fall|winter)"
)


_DEICTIC_PATTERN = dict(PATTERNS)["deictic"]
# A capitalised "Today" inside a sentence is a name: "told USA TODAY", "NBC's Today show".
_NAME_BEFORE_DEICTIC = re.compile(r"(?i)\bUSA\s+$")


def _named_deictic(text: str, m: re.Match[str]) -> bool:
    """Whether "today"/"tonight" at `m` is part of a name ("USA TODAY", "the Today show"):
    capitalised after a word that is not in capitals itself (a headline in capitals
    keeps "TODAY") and before one that is not capitalised, or after "USA"."""
    before = text[max(0, m.start() - 30) : m.start()]
    if _NAME_BEFORE_DEICTIC.search(before):
        return True
    word = m.group(0)
    prev = re.search(r"([A-Za-z'’]+)[\s]+$", before)
    after = re.match(r"(?:['’]s)?\s+([A-Za-z])", text[m.end() : m.end() + 6])
    return bool(
        word[:1].isupper()
        and prev is not None
        and not prev.group(1).isupper()
        and not re.search(r"[.!?:;\"“”‘’(\n]\s*$", before)
        # a headline in title case ("Protesters Are Targeting Hillary At Tonight's
        # Debate") capitalises the next word too
        and not (after is not None and after.group(1).isupper())
    )


def _candidates(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Grammar matches in text order; the first pattern to claim a span keeps it."""
    for line in re.finditer(r"[^\n]+", text):
        if not _TRIGGER.search(line.group(0)):
            continue
        taken: list[tuple[int, int]] = []
        found: list[tuple[str, re.Match[str]]] = []
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(text, line.start(), line.end()):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                if kind == "year" and not _year_is_date(text, m):
                    continue
                if kind == "month" and not _month_is_date(text, m):
                    continue
                if (kind == "weekday" and _named_day(text, m)) or (
                    kind == "deictic" and _named_deictic(text, m)
                ):
                    taken.append((m.start(), m.end()))
                    continue
                taken.append((m.start(), m.end()))
                if kind == "rel_unit" and _is_stretch(text, m):
                    continue  # claimed, so no shorter pattern reads it as a date
                found.append((kind, m))
        yield from sorted(found, key=lambda km: km[1].start())


def _is_future(
    value: str | None, granularity: Granularity | None, pub: Published | None, cue: bool
) -> bool:
    if value is None or granularity is None or pub is None:
        return cue
    rank = min(_RANK[granularity], _RANK[pub.granularity])
    width = {0: 4, 1: 7, 2: 10}[rank]
    mine, theirs = value[:width], iso(pub.date, pub.granularity)[:width]
    if mine != theirs:
        return mine > theirs
    return cue


INFERRED_SLACK = dt.timedelta(days=7)
# A month or day named without a year, in a clause neither past nor planned, is read
# as ahead of publication when it falls at most this far ahead.
AHEAD_DAYS = 45


def _nearest_ahead(
    value: str | None,
    granularity: Granularity | None,
    pub: Published | None,
    m: re.Match[str],
    days: int | None = None,
) -> tuple[str | None, bool]:
    """`value` (resolved as past) moved a year on when that lands it within `days`
    (AHEAD_DAYS) after a publication date known to the day; `m` must name no year or
    relative word."""
    if (
        value is None
        or pub is None
        or pub.granularity != "day"
        or pub.inferred
        or m.groupdict().get("year")
        or m.groupdict().get("rel")
    ):
        return value, False
    if granularity == "month" and value[:7] == pub.date.isoformat()[:7]:
        # the month in progress ("likely to raise rates in December" on Dec. 1): the rest
        # of it lies ahead, so it is this one, not next year's
        return value, True
    year = int(value[:4]) + 1
    try:
        ahead = dt.date(year, int(value[5:7]), int(value[8:10]) if granularity == "day" else 1)
    except ValueError:
        return value, False
    if pub.date < ahead <= pub.date + dt.timedelta(days=days or AHEAD_DAYS):
        return f"{year:04d}{value[4:]}", True
    return value, False


def _non_finite_at(nlp_doc: Any, start: int, end: int) -> bool:
    """Whether the verb governing [start, end) is an infinitive or a gerund with no
    finite auxiliary ("to defeat", "of winning"), which tells no time of its own."""
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span.root)
    if verb is None or verb.tag_ not in ("VB", "VBG"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VB":
        return bool(auxes) and all(c.tag_ == "TO" for c in auxes)
    return not auxes and verb.dep_ in ("pcomp", "xcomp", "acl")


def inferred_published(text: str, nlp_doc: Any = None) -> Published | None:
    """What an undated document's own dates tell of when it was written: its latest
    explicit date ("Jan. 2, 2012", "October 2012", "2012") in a clause that is not a
    plan, as a lower bound whose year is taken as the article's.

    Without it every "Tuesday", "last year" or "March 22" of a document with no
    publication date is dropped, though the article says "in the first 11 months of
    2011 ... last year" in plain words. Publication is usually days after the latest
    date an article states, so its year is right far more often than not; a weekday
    then resolves to that year only (`_coarse`), never to an invented day.
    """
    explicit = [
        d
        for d in resolve_dates(text, None, nlp_doc)
        if not d.relative and d.value and d.granularity == "day" and not d.future
    ]
    if not explicit:
        return None
    latest = max(explicit, key=lambda d: (d.value or "").ljust(10, "-"))
    found = Published.parse(latest.value)
    if found is None:
        return None
    return Published(found.date, "year", latest.granularity)


def resolve_dates(
    text: str,
    published: str | None,
    nlp_doc: Any = None,
    *,
    reference: Published | None = None,
    tenses: dict[tuple[int, int], bool] | None = None,
) -> list[DateMention]:
    """Every temporal expression in `text`, resolved against `published` (or, for an
    undated document, against a `reference` from `inferred_published`). `tenses` gives
    the past/future of expressions already decided (by span), for resolving again
    without the parse.

    `nlp_doc` (a spaCy Doc of `text`) is optional: with it, the tense of the
    verb governing each expression decides past or future (`parse_tense`),
    and its DATE entities that the grammar missed are tried with dateparser.
    Without it a whole-word cue list around the expression decides.
    """
    pub = Published.parse(published) or reference
    mentions: list[DateMention] = []
    for kind, m in _candidates(text):
        if tenses is not None and (m.start(), m.end()) in tenses:
            tense: bool | None = tenses[(m.start(), m.end())]  # decided before, by a parse
        else:
            tense = parse_tense(nlp_doc, m.start(), m.end()) if nlp_doc is not None else None
        context = _context(text, m.start(), m.end())
        if nlp_doc is not None:
            # with a parse the verb's own tense was read; what follows the date belongs
            # to other clauses ("a story in September that said FEMA would resettle ...")
            context = re.split(r"[.!?;]\s|\n", text[max(0, m.start() - 60) : m.start()])[-1]
        cue = tense if tense is not None else bool(FUTURE_CUES.search(context))
        if kind == "weekday" and not cue and (m.group("rel") or "").lower() in ("", "on"):
            # "ahead of New York's Tuesday primary", "are eligible to vote ... on Tuesday":
            # a weekday in a present clause, or one an event is ahead of, is still to come
            cue = bool(_AHEAD_OF.search(text, max(0, m.start() - 60), m.start())) or (
                nlp_doc is not None and tense is None and _present_at(nlp_doc, m.start(), m.end())
            )
        resolved = _resolve(kind, m, pub, cue)
        if (
            kind == "rel_unit"
            and tense is False
            and pub is not None
            and pub.granularity == "day"
            and pub.date.weekday() == 6
            and m.group(0).lower() == "this week"
        ):
            # "announced this week" in a Sunday paper: the week just ended (Sunday to
            # Saturday), not the one the paper opens
            resolved = _resolve(kind, m, Published(pub.date - dt.timedelta(days=1), "day"), cue)
        if resolved is None:
            continue
        value, gran, relative, conf = resolved
        parsed = nlp_doc is not None or tenses is not None
        if parsed and tense is None and not cue and kind in ("md", "dm", "month"):
            # the parse finds it neither past nor planned ("Nevada, which holds caucuses
            # on Feb. 20", a Feb. 10 article): the nearest such day, not a year back
            # ("to defeat Trump in November", "a chance of winning in November": a
            # non-finite clause has no past of its own, so its month is the next one)
            # "California, which votes June 7", "When Democrats get to Philadelphia in late
            # July": a plain present tells a schedule, so its month is the next one too
            days = (
                366
                if nlp_doc is not None
                and (_non_finite_at(nlp_doc, *m.span()) or _scheduled_at(nlp_doc, *m.span()))
                else None
            )
            value, ahead = _nearest_ahead(value, gran, pub, m, days)
            cue = cue or ahead
        if kind in ("md", "dm", "month") and _NAMED_EVENT.match(text, m.end()):
            # "the Sept. 11 attacks": a date naming a past event; no year is told, so
            # only a recent one (within AHEAD_DAYS before publication) is this year's
            value, gran, relative, conf = _named_event(value, gran, relative, conf, pub)
        future = _is_future(value, gran, pub, cue)
        mentions.append(
            DateMention(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                value=value,
                granularity=gran,
                relative=relative,
                future=future,
                confidence=conf,
                # (a date ahead that a noun holds is a scheduled event: "another test on Jan. 1")
                describes=(
                    not (future and gran == "day")
                    and tense is not True
                    and nlp_doc is not None
                    and describes_thing(nlp_doc, m.start(), m.end(), kind, ahead=future)
                )
                or (
                    # (a day ahead is a scheduled one: "a chance to win it on Tuesday")
                    nlp_doc is not None
                    and not (future and gran == "day")
                    and goal_or_hypothetical(nlp_doc, m.start(), m.end(), ahead=future)
                )
                or (nlp_doc is not None and denied(nlp_doc, m.start(), m.end()))
                # "Republicans investigating the 2012 attack": the attack's year
                or (nlp_doc is not None and refers_to_event(nlp_doc, m.start(), m.end())),
            )
        )
    if nlp_doc is not None:
        mentions.extend(_from_entities(nlp_doc, pub, mentions))
        mentions.sort(key=lambda d: d.start)
    _years_from_context(text, mentions)
    return mentions


# Nouns after a year-less date that make it the name of an event: "the Sept. 11 attacks".
_NAMED_EVENT = re.compile(
    r"(?i)\s*(?:terror(?:ist)?\s+|suicide\s+|mass\s+)?(?:attacks?|bombings?|massacres?|shootings?)\b"
)


def _named_event(
    value: str | None,
    gran: Granularity | None,
    relative: bool,
    conf: float,
    pub: Published | None,
) -> tuple[str | None, Granularity | None, bool, float]:
    """The resolution of a year-less date that names an event ("the Sept. 11 attacks",
    "the March 11 bombings"): kept when it lies within AHEAD_DAYS before a publication
    known to the day ("the Nov. 13 attacks" in a December article), else no value:
    such a name recalls a past year the text does not tell, and `_years_from_context`
    must not lend it one (relative is cleared)."""
    if value is not None and pub is not None and pub.granularity == "day" and not pub.inferred:
        first = Published.parse(value)
        if first is not None and dt.timedelta(0) <= pub.date - first.date <= dt.timedelta(
            days=AHEAD_DAYS
        ):
            return value, gran, relative, conf
    return None, None, False, 0.0


# How far back (characters) an explicit year may lend itself to "March 22".
YEAR_CONTEXT_SPAN = 1500
_MONTH_DAY = [
    re.compile(r"^" + _MONTH + r"\s+" + _DAY + r"$"),
    re.compile(r"^\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"$"),
]
_MONTH_ALONE = re.compile(r"^" + _MOD + _MONTH + r"$")
# A sentence end between two mentions: "... 2003. On April 9 ..."
# A bare year sets the time frame only as "in 2004", "during 2004".
_TIME_FRAME = re.compile(r"(?i)\b(?:in|during)\s+(?:early\s+|late\s+|mid-?)?$")
_SAID = REPORTING_WORDS | {"announced", "announces", "confirmed", "stated", "wrote"}
_SENTENCE_END = re.compile(r"[.!?][\"'’”]?\s+[A-Z\"“‘(]|\n")


def _years_from_context(text: str, mentions: list[DateMention]) -> None:
    """Years for a month-and-day ("May 4") or a month ("in April") written without one.

    - The article is undated: the year of the closest explicit full date before it
      (within `YEAR_CONTEXT_SPAN`), else of the closest one after it, else of a
      time-frame year earlier in its sentence ("In 2012, ... on March 22"); confidence
      0.5. Undated articles that say "On March 21, 2012 ... on March 22" are
      common; the day is written, the year is the article's own.
    - The article is dated, and the same sentence already named an earlier year
      ("The invasion began on March 20, 2003, and Baghdad fell on April 9"): that
      year, not the publication's, when the date does not fall before the one that
      named the year; confidence 0.6. Across sentences the publication date
      stands: "The law passed in 2009. On March 3 the minister said ..." in a 2011
      article is 2011.
    Never a year after publication: a recalled year is a past one.
    """
    anchors = [d for d in mentions if not d.relative and d.value and d.granularity]
    if not anchors:
        return
    for d in mentions:
        if not d.relative:
            continue
        m = _MONTH_DAY[0].match(d.text) or _MONTH_DAY[1].match(d.text)
        alone = None if m else _MONTH_ALONE.match(d.text)
        if m is None and alone is None:
            continue
        g = (m or alone).groupdict()  # type: ignore[union-attr]
        month = MONTHS[g["month"].rstrip(".").lower()]
        if d.value is None:
            if m is None:
                continue
            # a full date only: "won March 2012" recalls a record, it does not date "Dec 17"
            near = [a for a in anchors if a.granularity == "day"]
            before = [a for a in near if a.end <= d.start and d.start - a.end <= YEAR_CONTEXT_SPAN]
            after = [a for a in near if a.start >= d.end and a.start - d.end <= YEAR_CONTEXT_SPAN]
            anchor = before[-1] if before else (after[0] if after else None)
            if anchor is None:
                # "In 2012, ... on March 22": a time-frame year earlier in the sentence
                frame = [
                    a
                    for a in anchors
                    if a.granularity == "year"
                    and a.end <= d.start
                    and _TIME_FRAME.search(text, 0, a.start)
                    and not _SENTENCE_END.search(text, a.end, d.start)
                ]
                anchor = frame[-1] if frame else None
            if anchor is None:
                continue
            try:
                day = dt.date(int(anchor.value[:4]), month, int(g["day"]))  # type: ignore[index]
            except ValueError:
                continue
            d.value, d.granularity, d.confidence = iso(day, "day"), "day", 0.5
            continue
        if d.future:
            continue
        before = [a for a in anchors if a.end <= d.start]
        if not before or _SENTENCE_END.search(text, before[-1].end, d.start):
            continue
        anchor = before[-1]
        if anchor.granularity == "year" and not _TIME_FRAME.search(text, 0, anchor.start):
            continue  # "the 1989 spill ... blew up April 20": a year naming a thing
        named = anchor.value or ""
        lead_in = re.findall(r"[A-Za-z]+", text[max(anchor.end, d.start - 40) : d.start])
        if any(w.lower() in _SAID for w in lead_in[-4:]):
            continue  # "sales rose in 2010, the firm said on March 3": when it was said
        year = int(named[:4])
        if year >= int(d.value[:4]):
            continue  # the same year, or a later one: the publication's reading stands
        if m is not None:
            try:
                value = iso(dt.date(year, month, int(g["day"])), "day")
            except ValueError:
                continue
        else:
            value = f"{year:04d}-{month:02d}"
        if value[: len(named)] < named:
            continue  # before the date that named the year: not the same story
        d.value, d.confidence = value, 0.6


# The spaCy DATE entities worth handing to dateparser: "a decade ago".
_PARSEABLE = re.compile(r"(?i)\bago\b")


def _from_entities(
    nlp_doc: Any, pub: Published | None, found: list[DateMention]
) -> list[DateMention]:
    """spaCy DATE entities the grammar missed, parsed by dateparser when relative."""
    if pub is None:
        return []
    from dateparser.date import DateDataParser

    extra: list[DateMention] = []
    parser = None
    text = doc_text(nlp_doc)
    for ent in nlp_doc.ents:
        if ent.label_ != "DATE" or any(
            ent.start_char < d.end and d.start < ent.end_char for d in found
        ):
            continue
        if not _PARSEABLE.search(ent.text):
            continue
        named = _DEICTIC_PATTERN.match(text, ent.start_char)
        if named and _named_deictic(text, named):
            continue  # "told USA TODAY": a newspaper, not the day
        if parser is None:
            base = dt.datetime.combine(pub.date, dt.time(12))
            parser = DateDataParser(
                languages=["en"],
                settings={
                    "RELATIVE_BASE": base,
                    "PREFER_DATES_FROM": "past",
                    "RETURN_TIME_AS_PERIOD": True,
                },
            )
        data = parser.get_date_data(ent.text)
        if data.date_obj is None or data.period not in ("day", "month", "year"):
            continue
        gran: Granularity = data.period
        coarse = _coarse(pub, gran)
        value, conf = (coarse[0], 0.3) if coarse else (iso(data.date_obj.date(), gran), 0.6)
        gran = coarse[1] if coarse else gran
        back = (pub.date.year - data.date_obj.year) * 12 + pub.date.month - data.date_obj.month
        if data.period in ("month", "year") and back > 1:
            # "two decades ago", "a decade ago", "18 months ago": a count, as in the grammar
            decade = "decade" in ent.text.lower()
            unit = 3652.5 if decade else 365.25 if data.period == "year" else 30.44
            n = max(1, round(back / (120 if decade else 12 if data.period == "year" else 1)))
            value, gran, _, conf = _counted_year(pub, n, unit)  # type: ignore[assignment]
        extra.append(
            DateMention(
                ent.text,
                ent.start_char,
                ent.end_char,
                value,
                gran,
                True,
                _is_future(value, gran, pub, False),
                conf,
            )
        )
    return extra


class DateResolver:
    """Analysis component: fills `analysis.dates`."""

    name = "dates"
    # 5: goals and hypotheticals describe; year-less names of past events ("the Sept. 11
    # attacks") unresolved; counted spans ("eight years ago") only at a safe year
    # 6: goals weighed by an adjective or a noun, states told with "today" or "this year",
    # a date before/after a thing, months of non-finite clauses ahead, Sunday's "this week"
    version = "6"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        reference = None if doc.published else inferred_published(doc.text, analysis.nlp)
        analysis.dates = resolve_dates(doc.text, doc.published, analysis.nlp, reference=reference)
        return analysis
