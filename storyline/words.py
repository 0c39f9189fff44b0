"""The general English word lists every stage shares: one place, so stages agree.

A list that serves one decision of one module (the words a role may not start
with, the furniture of a web page) stays in that module; the lists here are the
ones several stages need: function words, the bigger stop-word list of
bag-of-words statistics, number words and the surface forms of reporting verbs.
(Speech-verb *lemmas* with their grammar live in `analysis/cues.py`, the one
place that decides what a cue is.)
"""

from __future__ import annotations

import functools

# Auxiliaries and modals: a verb phrase's helpers ("has been", "would say").
AUXILIARIES: frozenset[str] = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "shall",
    ]
)

# Articles, prepositions, conjunctions, pronouns, auxiliaries and modals: words
# that say nothing about what a sentence is about. Stages compare what remains.
FUNCTION_WORDS: frozenset[str] = AUXILIARIES | frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "than",
        "then",
        "as",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "over",
        "through",
        "about",
        "after",
        "before",
        "up",
        "out",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "him",
        "her",
        "us",
        "them",
        "his",
        "their",
        "our",
        "your",
        "my",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "while",
        "there",
        "not",
        "no",
        "also",
        "more",
        "most",
        "less",
        "other",
        "others",
        "such",
    ]
)

# Surface forms of reporting: "said" tells who spoke, not what happened.
REPORTING_WORDS: frozenset[str] = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "according",
        "added",
        "adds",
        "explained",
        "noted",
        "reported",
    ]
)

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Cardinal number words: "nine dead", "five percent", "three million".
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"hundred": 100}


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (318), for bag-of-words statistics
    (TF-IDF, story terms), where dropping common content words helps too.
    Loaded lazily: scikit-learn's text module is slow to import."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


# A news site's section names and the generic nouns of any report: they name
# the page or the genre, never the story ("Huawei · market · Business").
# Story and event labels leave them out.
SECTION_WORDS: frozenset[str] = frozenset(
    [
        "arts",
        "breaking",
        "business",
        "company",
        "companies",
        "culture",
        "entertainment",
        "exclusive",
        "group",
        "health",
        "home",
        "latest",
        "lifestyle",
        "live",
        "local",
        "national",
        "news",
        "official",
        "officials",
        "opinion",
        "politics",
        "science",
        "sport",
        "sports",
        "statement",
        "story",
        "tech",
        "technology",
        "travel",
        "update",
        "updated",
        "updates",
        "video",
        "videos",
        "world",
    ]
)


# Titles written before a name ("Councillor Davina Rusk", "Dr Ana Ruiz"): they are the
# person's role. Courtesy titles (Mr, Ms) are not roles and are only stripped.
NAME_TITLES: dict[str, str] = {
    "councillor": "Councillor",
    "councilman": "Councilman",
    "councilwoman": "Councilwoman",
    "alderman": "Alderman",
    "senator": "Senator",
    "sen.": "Senator",
    "governor": "Governor",
    "gov.": "Governor",
    "mayor": "Mayor",
    "minister": "Minister",
    "judge": "Judge",
    "justice": "Justice",
    "dr": "Dr",
    "dr.": "Dr",
    "professor": "Professor",
    "prof.": "Professor",
    "prof": "Professor",
    "president": "President",
    "premier": "Premier",
    "chancellor": "Chancellor",
    "representative": "Representative",
    "rep.": "Representative",
    "congressman": "Congressman",
    "congresswoman": "Congresswoman",
    "ambassador": "Ambassador",
    "commissioner": "Commissioner",
    "general": "General",
    "gen.": "General",
    "admiral": "Admiral",
    "ag": "Attorney General",
    "commander": "Commander",
    "lieutenant": "Lieutenant",
    "brigadier": "Brigadier",
    "colonel": "Colonel",
    "captain": "Captain",
    "sheriff": "Sheriff",
    "inspector": "Inspector",
    "detective": "Detective",
    "det": "Detective",
    "det.": "Detective",
    "constable": "Constable",
    "con": "Constable",
    "sergeant": "Sergeant",
    "sgt": "Sergeant",
    "sgt.": "Sergeant",
    "superintendent": "Superintendent",
    "supt": "Superintendent",
    # British police ranks written as initials before a name ("DC Tim Bird")
    "dc": "Detective Constable",
    "ds": "Detective Sergeant",
    "di": "Detective Inspector",
    "dci": "Detective Chief Inspector",
    "pc": "Police Constable",
    "bishop": "Bishop",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
}
# Courtesy titles (Mr, Ms): no roles, only stripped before a name.
COURTESY_TITLES = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."])
