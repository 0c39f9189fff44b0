"""Word lists that drive attribution finding, kept as data apart from the code.

Cue verbs are lemmas of verbs that introduce reported speech or a stated
belief (PolNeAR annotates both). The lists were drawn up by reading the
PolNeAR training annotations; the extractor applies them in `quotes.py`.
"""

from __future__ import annotations

from .roles import ROLE_TAIL_PREPS, ROLE_WORDS  # noqa: F401  (re-exported: one role list)

# Verbs of saying: their subject is a source, their clause complement the content.
SPEECH_VERBS = frozenset(
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
        "concede",
        "confirm",
        "deny",
        "reveal",
        "respond",
        "reply",
        "answer",
        "ask",
        "tweet",
        "post",
        "email",
        "recall",
        "mention",
        "predict",
        "promise",
        "pledge",
        "vow",
        "assert",
        "maintain",
        "contend",
        "complain",
        "comment",
        "observe",
        "remark",
        "point",
        "indicate",
        "conclude",
        "testify",
        "emphasize",
        "emphasise",
        "caution",
        "urge",
        "allege",
        "charge",
        "boast",
        "quip",
        "joke",
        "lament",
        "describe",
        "estimate",
        "forecast",
        "guess",
        "disclose",
        "assure",
        "agree",
        "counter",
        "retort",
        "brag",
        "inform",
        "advise",
        "tout",
        "proclaim",
        "reiterate",
        "underscore",
        "signal",
        "hint",
        "continue",
        "exclaim",
        "shout",
        "yell",
        "scream",
        "whisper",
    ]
)

# Cues that report speech only when a quotation stands next to them ("he continued";
# "she shouted" at a crowd says nothing, '"Stop!" she shouted' does).
QUOTE_ONLY_CUES = frozenset({"continue", "exclaim", "shout", "yell", "scream", "whisper"})

# Verbs of belief or perception: weaker, but PolNeAR counts them as attribution.
BELIEF_VERBS = frozenset(
    [
        "think",
        "believe",
        "know",
        "feel",
        "fear",
        "hope",
        "expect",
        "suspect",
        "worry",
        "doubt",
        "understand",
        "find",
        "show",
        "assume",
        "reckon",
        "figure",
        "guess",
        "learn",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "consider",
        "wonder",
        "imagine",
        "predict",
        "suppose",
        "envision",
        "envisage",
    ]
)

# Verbs of stance: what they take as object is the content ("endorsed Kasich").
STANCE_VERBS = frozenset(
    [
        "support",
        "endorse",
        "back",
        "praise",
        "criticize",
        "criticise",
        "call",
        "want",
        "oppose",
        "refuse",
        "urge",
        "attack",
        "congratulate",
        "mock",
        "blame",
        "accuse",
        "defend",
        "reject",
        "condemn",
        "welcome",
        "decline",
        "thank",
        "slam",
        "blast",
        "dismiss",
        "question",
        "challenge",
        "propose",
        "seek",
        "demand",
        "favor",
        "favour",
        "prefer",
        "applaud",
        "denounce",
        "decry",
        "cite",
        "recommend",
        "vote",
        "refer",
        "talk",
        "speak",
        "see",
        "view",
        "express",
        "raise",
        "hope",
        "hop",
        "plan",
        "intend",
        "repeat",
        "threaten",
        "remind",
        "echo",
        "discuss",
        "rebut",
        "portray",
        "publish",
        "present",
        "deem",
        "seem",
        "appear",
        "offer",
        "push",
        "decide",
        "like",
        "highlight",
        "advocate",
    ]
)

# Stance verbs that report only with one of these objects ("raised concerns"
# is a stance, "raised $2 million" is not).
OBJECT_CUES = {
    "raise": frozenset(
        {"concern", "question", "issue", "doubt", "alarm", "objection", "possibility", "prospect"}
    ),
}

# Passive cues that report with no source ("is expected to", "is believed to", "we are told that").
PASSIVE_CUES = frozenset(
    {"expect", "believe", "report", "say", "tell", "think", "rumor", "rumour", "predict"}
)

# Nouns that report speech or stance with a possessor as source ("her criticism of X").
CUE_NOUNS = frozenset(
    [
        "claim",
        "criticism",
        "warning",
        "refusal",
        "support",
        "opposition",
        "call",
        "endorsement",
        "statement",
        "assertion",
        "argument",
        "promise",
        "pledge",
        "threat",
        "denial",
        "accusation",
        "allegation",
        "insistence",
        "suggestion",
        "demand",
        "objection",
        "praise",
        "condemnation",
        "rejection",
        "complaint",
        "belief",
        "view",
    ]
)

# These take a prepositional object as content ("referring to X", "talked about X").
PREP_CONTENT_VERBS = frozenset(
    {"refer", "talk", "speak", "vote", "call", "ask", "advocate", "point"}
)

# Verbs outside the lists above that PolNeAR train annotates as cues in at least 40% of
# their uses with a subject and a complement, and at least 6 times ("issued a statement",
# "unveiled a plan", "railed against X", "invoked X"): counted by
# `bench/polnear.py ../shared/eval/polnear/train --cue-stats 0.4:6`; the criterion was
# checked across the two halves of train (chosen on one, scored on the other).
LEARNED_CUE_VERBS = frozenset(
    [
        "aim",
        "apologize",
        "block",
        "brush",
        "chant",
        "compare",
        "hail",
        "invoke",
        "issue",
        "knock",
        "lash",
        "lay",
        "list",
        "name",
        "nominate",
        "order",
        "outline",
        "pass",
        "plot",
        "press",
        "promote",
        "quote",
        "rail",
        "reference",
        "release",
        "request",
        "resist",
        "rule",
        "share",
        "shrug",
        "sound",
        "stake",
        "unveil",
        "voice",
        "weigh",
    ]
)

STANCE_VERBS = STANCE_VERBS | LEARNED_CUE_VERBS
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS

# Cue verbs whose content is usually a clause after the verb when written
# without punctuation ("CONTENT said NAME"); used by the stripped-text rules.
TRAILING_CUES = frozenset(
    {"say", "add", "explain", "note", "tell", "write", "continue", "insist", "stress"}
)

# Plural nouns that make a source a group rather than a person.
GROUP_NOUNS = frozenset(
    [
        "official",
        "officials",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "source",
        "sources",
        "critic",
        "critics",
        "observer",
        "observers",
        "people",
        "executive",
        "executives",
        "lawmaker",
        "lawmakers",
        "economist",
        "economists",
        "investor",
        "investors",
        "researcher",
        "researchers",
        "scientist",
        "scientists",
        "supporter",
        "supporters",
        "opponent",
        "opponents",
        "resident",
        "residents",
        "voter",
        "voters",
        "leader",
        "leaders",
        "diplomat",
        "diplomats",
        "authority",
        "authorities",
        "regulator",
        "regulators",
        "police",
        "prosecutor",
        "prosecutors",
        "investigator",
        "investigators",
        "employee",
        "employees",
        "worker",
        "workers",
        "industry",
        "insider",
        "insiders",
        "observer",
        "watcher",
        "watchers",
    ]
)


PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
PLURAL_PRONOUNS = frozenset({"they", "them"})


# Cues that report the opposite of their content ("denied that X"): the brief shows the
# cue with the content, so the denial is never read as the speaker's claim.
DENIAL_VERBS = frozenset(
    ["deny", "reject", "dismiss", "refute", "dispute", "rebut", "contest", "disavow", "contradict"]
)
# First-person singular words: in reported (indirect) speech they only occur in a quote.
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})

# Adjectives of stance or feeling: with a copula and a complement they attribute a view
# to their subject ("X is critical of Y", "X was confident that Y", "X is eager to Y").
# Drawn from PolNeAR train annotations.
STANCE_ADJECTIVES = frozenset(
    [
        "critical",
        "supportive",
        "skeptical",
        "sceptical",
        "optimistic",
        "pessimistic",
        "confident",
        "sure",
        "unsure",
        "certain",
        "uncertain",
        "convinced",
        "aware",
        "concerned",
        "worried",
        "upbeat",
        "tired",
        "proud",
        "appreciative",
        "hostile",
        "opposed",
        "eager",
        "quick",
        "interested",
        "angry",
        "upset",
        "happy",
        "unhappy",
        "nervous",
        "honest",
        "upfront",
        "outspoken",
        "fond",
        "enamored",
        "impressed",
        "frustrated",
        "disappointed",
        "ambivalent",
        "wary",
        "keen",
        "determined",
        "adamant",
        "emphatic",
        "divided",
        "loyal",
        "devoted",
        "outraged",
        "furious",
        "satisfied",
        "uncomfortable",
        "shy",
        "afraid",
        "hopeful",
        "doubtful",
        "grateful",
        "thankful",
        "clear",
        "correct",
        "right",
        "wrong",
        "dismissive",
        "fearful",
        "enthusiastic",
        "bullish",
        "bearish",
    ]
)

# Copulas that link a subject to a stance adjective ("remained confident").
COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "sound", "stay", "grow"})

# Documents that speak for their authors after "in" ("in a CNN poll, X leads",
# "in Forbes' words, X"): the noun phrase is the source, the clause the content.
REPORT_NOUNS = frozenset(
    [
        "poll",
        "survey",
        "study",
        "report",
        "analysis",
        "memo",
        "letter",
        "filing",
        "word",
        "statement",
        "editorial",
        "op-ed",
        "column",
        "tweet",
        "post",
        "ruling",
        "opinion",
        "complaint",
        "lawsuit",
        "document",
        "assessment",
        "estimate",
        "projection",
        "forecast",
        "tally",
        "count",
        "release",
    ]
)

# A light verb with a speech noun is a multi-word cue ("made the case that X",
# "issued a warning that X"); "make it clear that X" too. From PolNeAR train.
LIGHT_VERBS = frozenset(
    {"make", "issue", "release", "offer", "give", "send", "deliver", "voice", "have"}
)
SPEECH_NOUNS = frozenset(
    [
        "statement",
        "case",
        "argument",
        "point",
        "observation",
        "claim",
        "promise",
        "pledge",
        "warning",
        "prediction",
        "remark",
        "comment",
        "announcement",
        "assurance",
        "assertion",
        "accusation",
        "allegation",
        "suggestion",
        "vow",
        "threat",
        "clear",
    ]
)

# "have" with a noun of view attributes that view ("had a favorable opinion of X",
# "has doubts about X"). From PolNeAR train.
VIEW_NOUNS = frozenset(
    [
        "opinion",
        "view",
        "feeling",
        "interest",
        "concern",
        "doubt",
        "reservation",
        "confidence",
        "faith",
        "fear",
        "hope",
        "objection",
        "problem",
        "issue",
        "question",
        "complaint",
        "criticism",
        "praise",
        "respect",
        "sympathy",
        "admiration",
    ]
)

# Subjects of "is that ..." that name what someone says or thinks ("his message was that X",
# "one view is that X"): the copula is the cue, the clause the content.
PREDICATE_SPEECH_NOUNS = frozenset(
    [
        "message",
        "view",
        "phrase",
        "slogan",
        "mantra",
        "refrain",
        "answer",
        "response",
        "position",
        "argument",
        "point",
        "claim",
        "line",
        "idea",
        "theory",
        "belief",
        "concern",
        "fear",
        "hope",
        "conclusion",
        "assessment",
        "verdict",
        "explanation",
        "excuse",
        "complaint",
        "criticism",
        "promise",
        "pledge",
        "warning",
    ]
)


# Verbs that say a judgement of an object: "called the claims 'baseless'", "described the
# route as dangerous", "labelled him a liar". With an object and its predicate the content
# is a proposition about the object (a small clause), speech as much as "said X was Y".
PREDICATING_CUES = frozenset(
    {
        "call",
        "describe",
        "label",
        "brand",
        "dub",
        "characterise",
        "characterize",
        "term",
        "portray",
        "depict",
    }
)

# Bodies that hear evidence: "The inquest heard that X", "the court was told X". The
# body is where it was said, and the brief shows it as the source (its witnesses are
# not named in the sentence).
HEARING_BODIES = frozenset(
    {"inquest", "hearing", "court", "tribunal", "trial", "jury", "inquiry", "committee"}
)

# Verbs that report a reply only with "back" ("Mr Roe fired back", "she shot back", "hit
# back at critics"); alone they are no cue ("fired the coach").
RETORT_VERBS = frozenset({"fire", "shoot", "hit", "snap"})

# Verbs whose subject receives what a cue noun expresses ("Roe faced criticism of X", "won
# the endorsement of Y"): the subject is its target, not its source, so a noun cue under
# one of them takes no source from the subject (cue_finders.noun_candidate).
RECEIVING_VERBS = frozenset(
    {
        "face",
        "receive",
        "win",
        "get",
        "earn",
        "draw",
        "garner",
        "attract",
        "gain",
        "snag",
        "court",
        "seek",
        "land",
        "secure",
        "weather",
        "endure",
        "suffer",
        "take",
        "lose",
    }
)
