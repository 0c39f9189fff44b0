"""Entity rule tables: the data the entity recogniser and the name helpers read.

Kept apart from the code so the lists (countries, titles, role words, words that
are never names) can grow without touching `storyline.analysis.entities`, and so
the quotes and speaker modules can import them without importing the recogniser.
"""

from __future__ import annotations

import re

from ..words import COURTESY_TITLES, NAME_TITLES  # noqa: F401  (re-exported)
from .roles import (  # noqa: F401  (re-exported: one role list)
    ROLE_HEADS,
    ROLE_MODIFIERS,
)

# spaCy labels we keep, mapped to the type we report.
KEEP_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "PRODUCT": "PRODUCT",
}

# Country and region names with the spellings news text uses for them.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "United States": (
        "US",
        "U.S.",
        "U S",
        "U.S",
        "USA",
        "U.S.A.",
        "U S A",
        "United States of America",
        "America",
    ),
    "United Kingdom": ("UK", "U.K.", "U K", "Britain", "Great Britain"),
    "European Union": ("EU", "E.U.", "E U"),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "China": ("PRC", "People's Republic of China", "Mainland China"),
    "Taiwan": ("Republic of China",),
    "South Korea": ("Korea", "Republic of Korea", "ROK"),
    "North Korea": ("DPRK",),
    "Russia": ("Russian Federation",),
    "Netherlands": ("Holland", "The Netherlands"),
    "Czech Republic": ("Czechia",),
    "Hong Kong": ("HK",),
    "Japan": (),
    "India": (),
    "Germany": (),
    "France": (),
    "Italy": (),
    "Spain": (),
    "Canada": (),
    "Mexico": (),
    "Brazil": (),
    "Australia": (),
    "New Zealand": (),
    "Singapore": (),
    "Malaysia": (),
    "Indonesia": (),
    "Thailand": (),
    "Vietnam": ("Viet Nam",),
    "Philippines": (),
    "Pakistan": (),
    "Iran": (),
    "Iraq": (),
    "Israel": (),
    "Turkey": ("Türkiye",),
    "Saudi Arabia": (),
    "Egypt": (),
    "South Africa": (),
    "Nigeria": (),
    "Kenya": (),
    "Ukraine": (),
    "Poland": (),
    "Sweden": (),
    "Norway": (),
    "Finland": (),
    "Denmark": (),
    "Ireland": (),
    "Switzerland": (),
    "Austria": (),
    "Belgium": (),
    "Portugal": (),
    "Greece": (),
    "Argentina": (),
    "Chile": (),
    "Colombia": (),
    "Peru": (),
    "Venezuela": (),
    "Cuba": (),
    "Europe": (),
    "Asia": (),
    "Africa": (),
    "Asia Pacific": ("Asia-Pacific", "APAC"),
    "Latin America": (),
    "Middle East": (),
    "North America": (),
    "South America": (),
}

# Head nouns that, written alone and capitalised after an organisation's full name
# ("the Association said"), point back at that organisation rather than name a new one.
GENERIC_ORG_HEADS = frozenset(
    [
        "association",
        "council",
        "regulator",
        "bank",
        "group",
        "committee",
        "commission",
        "authority",
        "agency",
        "board",
        "company",
        "corporation",
        "union",
        "institute",
        "foundation",
        "society",
        "federation",
        "ministry",
        "club",
        "alliance",
        "department",
        "court",
        "trust",
        "fund",
        "office",
        "party",
        "university",
        "college",
        "academy",
        "school",
        "journal",
        "post",
        "times",
        "herald",
        "tribune",
        "command",
        "service",
        "news",
    ]
)
# Last words that make a name a place ("Marrow Bay", "Greywater County"): such a name
# is never a short form of an organisation that starts with it.
PLACE_HEADS = frozenset(
    [
        "bay",
        "river",
        "lake",
        "sea",
        "ocean",
        "island",
        "islands",
        "isle",
        "coast",
        "valley",
        "county",
        "city",
        "town",
        "village",
        "port",
        "harbour",
        "harbor",
        "mount",
        "mountain",
        "mountains",
        "hill",
        "hills",
        "street",
        "road",
        "avenue",
        "square",
        "park",
        "beach",
        "cape",
        "peninsula",
        "gulf",
        "strait",
        "bridge",
        "province",
        "state",
        "district",
        "region",
        "trail",
        "highway",
        "canyon",
        "forest",
        "falls",
    ]
)
# Place words that are never a surname: a "person" ending in one is a place ("Larch Trail").
PLACE_ONLY_HEADS = frozenset(
    [
        "trail",
        "highway",
        "canyon",
        "county",
        "avenue",
        "road",
        "street",
        "island",
        "islands",
        "mountains",
        "peninsula",
        "province",
        "district",
        "valley",
        "creek",
    ]
)
# Possessors that point back at the organisation the article is about.
ANAPHORIC_OWNERS = frozenset({"company", "firm", "group", "its", "their", "vendor", "maker"})
# Nouns that introduce an organisation's name ("research firm Gartner").
ORG_DESCRIPTORS = frozenset(
    [
        "firm",
        "company",
        "group",
        "maker",
        "agency",
        "bank",
        "carrier",
        "vendor",
        "rival",
        "startup",
        "operator",
        "giant",
        "consultancy",
        "manufacturer",
        "regulator",
        "retailer",
        "publisher",
        "broadcaster",
        "network",
        "supplier",
        "fraternity",
        "sorority",
        "platform",
        "chain",
        "newspaper",
        "outlet",
    ]
)
# Prepositions joining a title to its organisation ("analyst with Gartner").
ORG_PREPOSITIONS = frozenset({"with", "at", "of", "for", "from", "in"})

# Corporate suffixes that do not change which organisation is meant.
CORPORATE_SUFFIXES = frozenset(
    [
        "inc",
        "inc.",
        "incorporated",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "company",
        "ltd",
        "ltd.",
        "limited",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "bv",
        "technologies",
        "technology",
        "holdings",
        "holding",
    ]
)

# Capitalised acronyms that are not organisations.
NOT_ACRONYM_ORGS = frozenset(
    [
        "IT",
        "AI",
        "TV",
        "PC",
        "OK",
        "AM",
        "PM",
        "GMT",
        "UTC",
        "EST",
        "PST",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "CMO",
        "CIO",
        "VP",
        "STOCK",
        "NEWS",
        "UPDATE",
        "LIVE",
        "VIDEO",
        "PHOTO",
        "UPDATED",
        "BREAKING",
        "FILE",
        "EMBED",
        "GIF",
        "II",
        "III",
        "IV",
        "LTE",
        "GPS",
        "CPU",
        "GPU",
        "SMS",
        "API",
        "USB",
        "PDF",
        "FAQ",
        "DIY",
        "ID",
        "RSS",
        "HTML",
        "URL",
        "VR",
        "AR",
        "IOT",
        "IPO",
        "GDP",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "ET",
        "PT",
        "CT",
        "EDT",
        "CDT",
        "MDT",
        "PDT",
        "BST",
        "CET",
        "BC",
        "BCE",
        "AD",
    ]
)
# Surface forms that are never a named entity, whatever the model says.
NOT_ENTITY_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"^\d+G$",  # 5G, 4G
        r"^[\d\s.,:/%$-]+$",  # numbers, times
        r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$",
        r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)$",
        r"^(?:[Tt]he )?(?:Twenties|Thirties|Forties|Fifties|Sixties|Seventies|Eighties|Nineties)$",
    )
)
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "its",
        "their",
        "our",
        "me",
        "us",
    ]
)
# A product model code: "P2", "S4", "G7", "X10".
PRODUCT_CODE = re.compile(r"^[A-Z]{1,3}\d{1,3}[a-z]?$")

# Entries of COUNTRY_ALIASES that are regions (type LOC), not states (GPE).
REGIONS = frozenset(
    {
        "Europe",
        "Asia",
        "Africa",
        "Asia Pacific",
        "Latin America",
        "Middle East",
        "North America",
        "South America",
    }
)

# Words before a name that make it a place where it stands ("in Washington").
PLACE_PREPOSITIONS = frozenset(["in", "near", "outside", "across", "throughout", "around"])

# US states and their AP abbreviations: "Omak, Wash." names a place.
US_STATES = frozenset(
    [
        "Alabama",
        "Ala",
        "Alaska",
        "Arizona",
        "Ariz",
        "Arkansas",
        "Ark",
        "California",
        "Calif",
        "Colorado",
        "Colo",
        "Connecticut",
        "Conn",
        "Delaware",
        "Del",
        "Florida",
        "Fla",
        "Georgia",
        "Ga",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Ill",
        "Indiana",
        "Ind",
        "Iowa",
        "Kansas",
        "Kan",
        "Kentucky",
        "Ky",
        "Louisiana",
        "La",
        "Maine",
        "Maryland",
        "Md",
        "Massachusetts",
        "Mass",
        "Michigan",
        "Mich",
        "Minnesota",
        "Minn",
        "Mississippi",
        "Miss",
        "Missouri",
        "Mo",
        "Montana",
        "Mont",
        "Nebraska",
        "Neb",
        "Nevada",
        "Nev",
        "Hampshire",
        "Jersey",
        "Mexico",
        "York",
        "Carolina",
        "Dakota",
        "Ohio",
        "Oklahoma",
        "Okla",
        "Oregon",
        "Ore",
        "Pennsylvania",
        "Pa",
        "Rhode",
        "Tennessee",
        "Tenn",
        "Texas",
        "Utah",
        "Vermont",
        "Vt",
        "Virginia",
        "Va",
        "Washington",
        "Wash",
        "Wisconsin",
        "Wis",
        "Wyoming",
        "Wyo",
    ]
)

# Rank abbreviations written before a name ("Sgt. Daniel Boody"): never the last word of
# an organisation's name, which the model sometimes runs on into ("Police Department Sgt").
RANK_ABBREVIATIONS = frozenset(
    {"sgt", "lt", "capt", "cpl", "pvt", "det", "insp", "supt", "cmdr", "maj", "col", "adm"}
)

# Page-widget words a capitalised button or form leaves behind ("Subscribe", "Invalid
# Email"): a name made only of these is no one in the story.
WIDGET_WORDS = frozenset(
    {"subscribe", "unsubscribe", "click", "cancel", "share", "tweet", "email", "e-mail"}
    | {"invalid", "login", "log", "sign", "follow", "comments", "comment", "advertisement"}
    | {"photograph", "photo", "photos", "image", "video", "watch", "print", "reply", "submit"}
    | {"copyright", "loading", "close", "menu", "search", "skip", "continue", "related"}
)
# Nouns that introduce a work's title ("the television program Fixer Upper"): the name
# after them is a work, not a player.
WORK_NOUNS = frozenset(
    {"series", "show", "program", "programme", "film", "movie", "book", "memoir", "novel"}
    | {"album", "song", "documentary", "episode", "sitcom", "podcast", "play", "musical"}
)
# Last words of a name that is a law, an event, an award or an era ("Clean Water Act",
# "Tony Awards", "Bronze Age"), never a person, place or organisation in the story.
NON_PLAYER_TAILS = frozenset(
    {"act", "rule", "amendment", "treaty", "accord", "awards", "award", "prize", "games"}
    | {"olympics", "festival", "war", "age", "era", "championship", "championships", "cup"}
)
# Leading words of such a name ("Battle of Stone Mill", "Siege of ...").
NON_PLAYER_HEADS = frozenset({"battle", "siege", "war", "operation"})
# spaCy labels of names that are no players (a work, a law, an event).
NON_PLAYER_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT"})

# Bodies a text puts things "in" that are not places ("in Congress").
INSTITUTIONS = frozenset(
    {"congress", "parliament", "senate", "house", "assembly", "court", "cabinet", "government"}
    | {"police", "army", "navy", "military", "church", "nato", "office", "administration"}
)
