"""Tables for reading figures: currencies, scales, fractions and the verbs around numbers.

Kept as data apart from `amounts.py` and `figures.py`, which apply them, so a
new currency or a new "rose"-like verb is one line here and no regex surgery.
"""

from __future__ import annotations

from ..words import CARDINALS
from .roles import ROLE_HEADS

# Currency written before the number, longest first so "US$" wins over "$".
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "S$": "SGD",
    "NZ$": "NZD",
    "CN¥": "CNY",
    "RMB": "CNY",
    "USD": "USD",
    "GBP": "GBP",
    "EUR": "EUR",
    "CNY": "CNY",
    "JPY": "JPY",
    "HKD": "HKD",
    "AUD": "AUD",
    "CAD": "CAD",
    "CHF": "CHF",
    "INR": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
}

# Currency written after the number ("3.2 billion US dollars"), longest first.
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "hong kong dollars": "HKD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "pounds sterling": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "pounds": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "won": "KRW",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
    "cny": "CNY",
    "rmb": "CNY",
}

# Scale words and abbreviations -> canonical scale.
SCALES: dict[str, str] = {
    "thousand": "thousand",
    "k": "thousand",
    "million": "million",
    "mn": "million",
    "mln": "million",
    "m": "million",
    "billion": "billion",
    "bn": "billion",
    "bln": "billion",
    "b": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "trn": "trillion",
}

SCALE_FACTORS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

# Vague plurals: "hundreds of millions" -> scale million, no value.
VAGUE_PLURALS: dict[str, str | None] = {
    "dozens": None,
    "scores": None,
    "hundreds": None,
    "tens": None,
    "thousands": "thousand",
    "millions": "million",
    "billions": "billion",
    "trillions": "trillion",
}

# Fractions as percent, so "over half" compares with "55 percent".
FRACTIONS: dict[str, float] = {
    "all": 100.0,
    "half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "one-quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "one-fifth": 20.0,
    "two fifths": 40.0,
    "two-fifths": 40.0,
    "three fifths": 60.0,
    "three-fifths": 60.0,
    "a sixth": 100 / 6,
    "one sixth": 100 / 6,
    "one-sixth": 100 / 6,
    "an eighth": 12.5,
    "one eighth": 12.5,
    "one-eighth": 12.5,
    "a tenth": 10.0,
    "one tenth": 10.0,
    "one-tenth": 10.0,
}

# Number words for "five percent", "three million".
NUMBER_WORDS: dict[str, float] = {w: float(n) for w, n in CARDINALS.items()} | {"a hundred": 100.0}
# Tens that join a unit word with a hyphen: "fifty-six".
TENS = frozenset(w for w, n in CARDINALS.items() if 20 <= n < 100 and n % 10 == 0)

# Counted nouns that are people: unit "people", the noun becomes the measure.
PEOPLE_NOUNS = frozenset(
    [
        "people",
        "persons",
        "employees",
        "workers",
        "staff",
        "staffers",
        "customers",
        "users",
        "subscribers",
        "residents",
        "citizens",
        "voters",
        "members",
        "students",
        "patients",
        "visitors",
        "passengers",
        "engineers",
        "researchers",
        "officials",
        "soldiers",
        "troops",
        "victims",
        "deaths",
        "casualties",
        "children",
        "adults",
        "men",
        "women",
        "protesters",
        "demonstrators",
        "activists",
        "migrants",
        "refugees",
        "immigrants",
        "prisoners",
        "inmates",
        "hostages",
        "suspects",
        "officers",
        "police",
        "firefighters",
        "doctors",
        "nurses",
        "teachers",
        "pupils",
        "hikers",
        "tourists",
        "travelers",
        "travellers",
        "fans",
        "players",
        "survivors",
        "civilians",
        "militants",
        "fighters",
        "miners",
        "farmers",
        "applicants",
        "participants",
        "respondents",
        "volunteers",
        "delegates",
        "lawmakers",
        "senators",
        "candidates",
        "athletes",
        "babies",
        "infants",
        "teenagers",
        "veterans",
        "recruits",
        "attendees",
        "spectators",
        "pilgrims",
        "crew",
        "girls",
        "boys",
        "supervisors",
        "managers",
        "agents",
        "technicians",
        "handlers",
        "guards",
        "detectives",
        "investigators",
        "executives",
        "directors",
        "reporters",
        "lawyers",
        "judges",
        "jurors",
        "witnesses",
        "personnel",
        "sailors",
        "marines",
        "pilots",
        "drivers",
        "climbers",
        "runners",
        "prostitutes",
        "commissioners",
        "reservists",
    ]
)

# Plural endings that name people ("journalists", "civilians") beyond the list above.
PEOPLE_SUFFIXES = ("ists", "ians")

# Plurals of the role words of `roles.ROLE_HEADS` count people too ("the three governors",
# "two other astronomers" by suffix, "the two leaders"); "heads" and "chiefs" count cattle
# or tribes as often, and "partners" firms.
PEOPLE_NOUNS = (
    PEOPLE_NOUNS
    | frozenset(
        w + "s"
        for w in ROLE_HEADS
        if w.isalpha() and w not in ("head", "chief", "partner", "owner", "investor", "member")
    )
    | frozenset(
        [
            "justices",  # of a court ("four liberal justices"); "justice" the virtue has no plural
            "nominees",
            "contenders",
            "rivals",
            "incumbents",
            "standard-bearers",
            "hopefuls",
            "superdelegates",
            "viewers",
            "listeners",
            "readers",
            "donors",
            "supporters",
            "followers",
            "rabbis",
            "priests",
            "clergy",
            "worshippers",
            # held, wanted or traded people: "five Taliban detainees", "three Cuban spies"
            "detainees",
            "captives",
            "spies",
            "fugitives",
            "defectors",
            "convicts",
            "escapees",
            "evacuees",
            "abductees",
            # who attack or smuggle: "four gunmen", "two attackers"
            "gunmen",
            "attackers",
            "assailants",
            "hijackers",
            "kidnappers",
            "smugglers",
            "traffickers",
            "rebels",
            "insurgents",
            "troopers",
            "cops",
        ]
    )
)

# Plural nouns after a number that are units of measurement: the noun is the unit.
MEASURE_UNITS = frozenset(
    [
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "metres",
        "meters",
        "feet",
        "inches",
        "yards",
        "acres",
        "hectares",
        "degrees",
        "tons",
        "tonnes",
        "kilograms",
        "kg",
        "grams",
        "litres",
        "liters",
        "gallons",
        "barrels",
        "ounces",
        "megawatts",
        "gigawatts",
        "watts",
    ]
)

# Plural nouns after a number that are not counts worth reporting (time spans, rankings).
NOT_COUNTED = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "times",
        "percent",
        "points",
        "pages",
        "am",
        "pm",
        "a.m.",
        "p.m.",
    ]
)

# Words right before a number that make it a label, not a figure ("page 5", "number one").
LABEL_WORDS = frozenset(
    [
        "page",
        "pages",
        "p.",
        "pp.",
        "chapter",
        "section",
        "article",
        "no.",
        "number",
        "rule",
        "figure",
        "table",
        "version",
        "episode",
        "season",
        "vol.",
        "volume",
        "line",
        "item",
        "route",
        "flight",
        "room",
        "phone",
        "tel.",
        "ext.",
        "top",  # "the top 10 movies": a ranking
    ]
)

# Change verbs -> the noun naming the change ("profits rose" -> "profit growth").
RISE_VERBS = frozenset(
    [
        "rise",
        "grow",
        "increase",
        "jump",
        "climb",
        "surge",
        "gain",
        "soar",
        "rocket",
        "swell",
        "expand",
        "advance",
        "improve",
        "double",
        "triple",
        "boost",
    ]
)
FALL_VERBS = frozenset(
    [
        "fall",
        "drop",
        "decline",
        "decrease",
        "slip",
        "slide",
        "sink",
        "shrink",
        "plunge",
        "plummet",
        "tumble",
        "dip",
        "slump",
        "contract",
        "lose",
        "cut",
        "reduce",
        "halve",
    ]
)

# Verbs whose money object is an investment, spending, income...
MONEY_VERBS: dict[str, str] = {
    "invest": "investment",
    "pour": "investment",
    "plough": "investment",
    "plow": "investment",
    "spend": "spending",
    "raise": "funding raised",
    "pay": "payment",
    "earn": "earnings",
    "make": "earnings",
    "generate": "revenue",
    "sell": "sales",
    "fine": "fine",
    "lose": "loss",
    "borrow": "borrowing",
    "lend": "lending",
    "owe": "debt",
    "cost": "cost",
    "charge": "charge",
    "offer": "offer",
    "put": "investment",
    "buy": "purchase price",
    "purchase": "purchase price",
    "acquire": "purchase price",
    "bid": "bid",
    "value": "valuation",
}

# Verbs and nouns whose subject or owner holds the goal a figure under them states:
# "Huawei wants that figure to reach 10 billion", "the company's target of $5bn";
# a promise is a goal too ("had promised 1,000 jobs"). Inflected forms too: the small
# model lemmatises "hoped" as "hop".
GOAL_WORDS = frozenset(
    [
        "want",
        "wants",
        "wanted",
        "hope",
        "hopes",
        "hoped",
        "aim",
        "aims",
        "aimed",
        "plan",
        "plans",
        "planned",
        "seek",
        "seeks",
        "sought",
        "intend",
        "intends",
        "intended",
        "strive",
        "aspire",
        "promise",
        "promises",
        "promised",
        "pledge",
        "pledges",
        "pledged",
        "vow",
        "vows",
        "vowed",
        "target",
        "targets",
        "targeted",
        "goal",
        "ambition",
        "objective",
    ]
)
# A request is a goal too, but the asker's, not its owner's: "asked Zuckerberg for $1bn",
# "begged for $5,000", "pleaded for him to invest $1 billion".
REQUEST_WORDS = frozenset(
    [
        "ask",
        "asks",
        "asked",
        "asking",
        "request",
        "requested",
        "plead",
        "pleaded",
        "beg",
        "begged",
        "demand",
        "demanded",
    ]
)
# Sums a goal or request verb can ask for, with the amount written after them: "seeks
# damages in excess of $500,000", "demanded a ransom of $2m".
SOUGHT_SUMS = frozenset(
    ["damage", "damages", "compensation", "payment", "ransom", "funding", "money", "sum", "fee"]
)
# A level someone needs is a requirement: "he needs to close in on 15 percent", "needs
# 1,237 delegates". Not a goal of its subject's own making, so no claimant is read from it.
NEED_WORDS = frozenset(["need", "needs", "needed"])
# Status cues: lemmas in the figure's clause that make it a plan: a goal, a request, or a
# requirement ("must fund £12m"). One list with GOAL_WORDS, so the two cannot drift.
# A proposal is a plan too, whose amount is not yet in force: "the president proposed
# nearly $1 billion in funds" (its object), "a proposed $50,000 borrowing cap" (its noun).
PROPOSAL_WORDS = frozenset(["propose", "proposes", "proposed", "proposing"])
TARGET_LEMMAS = GOAL_WORDS | REQUEST_WORDS | NEED_WORDS | PROPOSAL_WORDS | frozenset(["must"])
# Participles before a figure's noun that make the amount a plan, not a count made: "a
# proposed $50,000 cap", "the planned 3,000 job cuts", "its promised $2 billion".
PLANNED_MODIFIERS = frozenset(
    ["proposed", "planned", "promised", "pledged", "requested", "sought", "targeted"]
)

# Races named by their distance: "a 100-yard dash" names the race, measures nothing told.
RACE_NOUNS = frozenset(
    ["dash", "sprint", "relay", "freestyle", "backstroke", "breaststroke", "medley", "hurdles"]
)
# Verbs that set a tally, whose subject states the figure: "the agency increases the death
# toll to 267", "officials revised the number of missing to 40".
TALLY_VERBS = frozenset(["increase", "raise", "revise", "lower", "update", "put", "set"])

# Nouns of asking: a figure that is their object ("Obama's $1.9 billion request", "a call
# for a $1.9 billion package", "the $1.1 billion proposal") is a target.
REQUEST_NOUNS = frozenset(["request", "proposal", "call", "demand", "offer", "bid", "appeal"])

# Nouns of a level to be reached: a figure that sets one is a requirement wherever it is
# stated ("its 15 percent threshold", "the commission's 15-percent hurdle").
THRESHOLD_NOUNS = frozenset(
    ["threshold", "hurdle", "benchmark", "cutoff", "cut-off", "quota", "requirement"]
)
# Nouns of a level a policy sets: a figure in one is what its advocate seeks, so a target,
# when the noun phrase is the object of support, a mandate or a demand ("calling on
# candidates to support the $15 minimum wage", "to require a $15 minimum"); the level in
# force is stated without such a verb ("the current federal minimum wage of $7.25").
POLICY_LEVEL_NOUNS = frozenset(
    ["wage", "minimum", "maximum", "cap", "ceiling", "floor", "tax", "tariff", "rate", "limit"]
)
# Verbs (forms and lemmas) whose object level is sought or imposed.
ADVOCACY_WORDS = frozenset(
    [
        "support",
        "supports",
        "supported",
        "supporting",
        "back",
        "backs",
        "backed",
        "backing",
        "endorse",
        "endorses",
        "endorsed",
        "advocate",
        "advocates",
        "advocated",
        "champion",
        "champions",
        "championed",
        "favor",
        "favors",
        "favored",
        "favour",
        "favours",
        "favoured",
        "propose",
        "proposes",
        "proposed",
        "mandate",
        "mandates",
        "mandated",
        "require",
        "requires",
        "required",
        "decide",
        "deciding",
        "push",
        "pushing",
        "pushed",
        "fight",
        "fighting",
        "fought",
        "call",
        "calling",
        "called",
        "embrace",
        "embraces",
        "embraced",
        "embracing",
    ]
)
# Cues that make a figure a prediction.
FORECAST_LEMMAS = frozenset(
    [
        "expect",
        "expects",
        "expected",
        "forecast",
        "forecasts",
        "predict",
        "predicts",
        "predicted",
        "project",
        "projected",
        "anticipate",
        "anticipates",
        "anticipated",
        "will",
        "shall",
        "could",
        "might",
        "may",
        "would",
        "likely",
        "outlook",
        "guidance",
    ]
)

# Participles that make the infinitive after them a plan: "is designed to generate 1.2
# gigawatts" (target), "is set to open 40 stores" (forecast). Only with a "to" clause:
# "she designed the $5m house" is done.
PLAN_PARTICIPLES: dict[str, str] = {
    "designed": "target",
    "intended": "target",
    "meant": "target",
    "required": "target",
    "obliged": "target",
    "obligated": "target",
    "supposed": "target",
    "set": "forecast",
    "due": "forecast",
    "scheduled": "forecast",
    "slated": "forecast",
    "poised": "forecast",
}

# Verbs that make the infinitive under them a requirement, in either voice: "was ordered
# to pay $33.5 million", "a jury ordered him to pay $25 million", "decided to call up 16,000".
REQUIREMENT_VERBS = frozenset(
    [
        "order",
        "ordered",
        "require",
        "required",
        "oblige",
        "obliged",
        "decide",
        "decided",
        "agree",
        "agreed",
        "commit",
        "committed",
    ]
)


# Totals a bare number can be put at: "the death toll rose to 56", "the number of wounded
# has risen to 6,785".
TALLY_NOUNS = frozenset(["toll", "number", "total", "tally", "count"])
# Totals that count people: "a crowd that had swelled to 2,000".
PEOPLE_TALLIES = frozenset(["toll", "crowd", "turnout", "attendance"])

# Numbers that are names, not amounts: emergency lines, airliners.
NUMBER_NAMES = frozenset(["911", "999", "737", "747", "787"])

# Speech verbs that are arithmetic with an object: "the delay would add £150m to the cost".
ARITHMETIC_VERBS = frozenset(["add"])

# Nouns spelled like a status cue that are no cue ("the £3bn project", "a £2m plan" is one).
NOT_STATUS_NOUNS = frozenset(["project", "projects"])

# Verbs that make their subject the claimant of a figure inside their clause.
CLAIM_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "explain",
        "note",
        "write",
        "report",
        "announce",
        "state",
        "claim",
        "argue",
        "insist",
        "stress",
        "warn",
        "suggest",
        "declare",
        "acknowledge",
        "admit",
        "confirm",
        "reveal",
        "estimate",
        "guess",
        "reckon",
        "think",
        "believe",
        "expect",
        "predict",
        "forecast",
        "calculate",
        "disclose",
        "place",
        "put",
        "project",
    ]
)
# Claim verbs that also govern the figure directly ("Chang estimates the market at $5bn",
# "the ministry places the death toll at 1,364").
ESTIMATE_VERBS = frozenset(
    ["estimate", "guess", "reckon", "forecast", "predict", "calculate", "place", "put"]
)

# Plural heads kept as written in a change measure ("sales decline", not "sale decline").
PLURAL_MEASURES = frozenset(
    ["sales", "earnings", "shares", "savings", "orders", "exports", "imports", "assets"]
)

# Common nouns that name a body and can stand as a figure's subject ("the board voted 5-0").
INSTITUTION_NOUNS = frozenset(
    [
        "board",
        "court",
        "committee",
        "commission",
        "council",
        "agency",
        "government",
        "parliament",
        "senate",
        "congress",
        "regulator",
        "panel",
        "jury",
        "union",
    ]
)

# Nouns that point back at a figure already given ("that figure", "the 10 billion target").
ANAPHORIC_NOUNS = frozenset(
    ["figure", "number", "target", "goal", "mark", "amount", "sum", "total", "level"]
)

# Vote words around a tally "5-0".
# A court's or a panel's split too: "ruled 7-2", "deadlocked 4 to 4", "split 5-4".
VOTE_WORDS = frozenset(
    {"vote", "votes", "voted", "voting", "decision", "ruling", "majority", "verdict", "ballot"}
    | {"ruled", "deadlocked", "deadlock", "split", "tied"}
)

# Measures that name one running total however an article words it ("cost", "the project's
# budget", "the £3bn project", "cost of the wind farm"): figures for them are compared
# across articles whatever period each gives. label -> heads, the nouns they may be "of",
# and nouns that stand for the measure alone when the figure is money.
MEASURE_SYNONYMS: dict[str, dict[str, frozenset[str]]] = {
    "cost of the project": {
        "heads": frozenset(
            [
                "cost",
                "costs",
                "budget",
                "price",
                "bill",
                "investment",
                "spend",
                "spending",
                "outlay",
            ]
        ),
        "objects": frozenset(
            [
                "project",
                "scheme",
                "farm",
                "plant",
                "development",
                "station",
                "build",
                "construction",
            ]
        ),
        "bare": frozenset(["project", "scheme"]),
    },
}

# "75 pounds" is a weight, not sterling, when words like these stand near it.
WEIGHT_CONTEXT = frozenset(
    [
        "weigh",
        "weighs",
        "weighed",
        "weighing",
        "weight",
        "heavy",
        "heavier",
        "lighter",
        "lost",
        "lose",
        "losing",
        "gained",
        "gain",
        "overweight",
        "obese",
        "lb",
        "lbs",
        "ounces",
        "kilograms",
        "kilos",
        "kg",
        "feet",
        "inches",
        "tall",
        "pound-for-pound",
    ]
)
# ... and sterling when these do.
MONEY_CONTEXT = frozenset(
    [
        "cost",
        "costs",
        "paid",
        "pay",
        "price",
        "priced",
        "worth",
        "fine",
        "fined",
        "salary",
        "sterling",
        "budget",
        "spend",
        "spent",
        "raised",
        "sold",
        "bought",
        "fund",
        "funding",
        "bonus",
        "fee",
        "fees",
        "wage",
        "wages",
        "profit",
        "revenue",
        "loan",
        "bill",
    ]
)

# What befell the people a headline count counts ("nine dead", "three arrested").
CASUALTY_STATES = frozenset(
    [
        "dead",
        "killed",
        "injured",
        "wounded",
        "hurt",
        "missing",
        "arrested",
        "detained",
        "hospitalized",
        "hospitalised",
        "evacuated",
        "rescued",
        "charged",
        "displaced",
    ]
)
