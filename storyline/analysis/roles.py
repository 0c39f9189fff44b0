"""Job titles and the words around them: the one role word-list every module reads.

Entities (a person's role), speakers (a source phrase's title), figures and the
transcript reader all decide "is this word part of a title?" from these lists,
so a role is read the same way wherever it appears. `ROLE_HEADS` head a title
("analyst", "CEO"); `TITLE_MODIFIERS` only ever modify one ("vice", "chief");
`FUNCTION_MODIFIERS` name the field a title covers ("marketing director") and
are role words only next to a head. `ROLE_WORDS` (heads and title modifiers) is
what a source phrase is scanned with.

`TOP_ROLES` are the titles that mean the head of a whole organisation: a
person whose title is scoped to a part of it ("CEO of the consumer business
group") keeps the scope and is never shortened to "CEO, Company".

Titles written before a name (`NAME_TITLES`, `COURTESY_TITLES`) live in
`storyline/words.py`, since ingest needs them too (a stripped "Sen" gets its
point back) and ingest never imports analysis.
"""

from __future__ import annotations

from typing import Any

ROLE_HEADS = frozenset(
    [
        "analyst",
        "president",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cmo",
        "cio",
        "vp",
        "evp",
        "svp",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "cofounder",
        "co-founder",
        "director",
        "professor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "mayor",
        "executive",
        "officer",
        "engineer",
        "economist",
        "researcher",
        "head",
        "manager",
        "editor",
        "lawyer",
        "attorney",
        "official",
        "partner",
        "fellow",
        "strategist",
        "consultant",
        "adviser",
        "advisor",
        "commissioner",
        "representative",
        "rep.",
        "chief",
        "leader",
        "owner",
        "investor",
        "scientist",
        "ambassador",
        "architect",
        "chancellor",
        "correspondent",
        "counsel",
        "dean",
        "lecturer",
        "member",
        "reporter",
        "examiner",
        "coroner",
        "pathologist",
        "prosecutor",
        "investigator",
        "detective",
        "constable",
        "sergeant",
        "inspector",
        "superintendent",
        "admiral",
        "commander",
        "author",
        "host",
        "expert",
        "activist",
        "commentator",
        "columnist",
        "pollster",
        "historian",
        "committeeman",
        "committeewoman",
    ]
)
# Small words inside a name ("Michery el Soheil", "Correio de Manha", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "bin",
        "ibn",
    }
)
# Words that only modify a title ("vice president", "senior analyst").
TITLE_MODIFIERS = frozenset(
    [
        "senior",
        "junior",
        "vice",
        "chief",
        "executive",
        "general",
        "principal",
        "managing",
        "deputy",
        "lead",
        "former",
        "assistant",
        "associate",
        "rear",  # "Rear Admiral"
    ]
)
# The field a title covers ("marketing director", "equity analyst").
FUNCTION_MODIFIERS = frozenset(
    [
        "research",
        "technology",
        "technical",
        "financial",
        "operating",
        "marketing",
        "global",
        "regional",
        "product",
        "sales",
        "industry",
        "market",
        "equity",
    ]
)
ROLE_MODIFIERS = TITLE_MODIFIERS | FUNCTION_MODIFIERS
# Title words scanned for in a source phrase ("chief executive officer", "IDC analyst").
ROLE_WORDS = (ROLE_HEADS | TITLE_MODIFIERS) - {"former", "managing"}

# Role heads that may carry a prepositional tail ("president of marketing").
ROLE_TAIL_PREPS = frozenset({"of", "for", "at", "with", "in"})

# Titles of the head of a whole organisation.
TOP_ROLES = frozenset(
    [
        "ceo",
        "chief executive",
        "chief executive officer",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "co-founder",
        "cofounder",
        "managing director",
    ]
)
# Nouns naming a part of an organisation: a title followed by "of the X group" is scoped.
UNIT_NOUNS = frozenset(
    [
        "group",
        "division",
        "unit",
        "business",
        "department",
        "arm",
        "subsidiary",
        "branch",
        "section",
        "team",
        "segment",
        "operations",
        "office",
        "lab",
        "laboratory",
    ]
)

# Courtesy titles that tell a person's sex ("Mrs Vance" is not the Vances' son).
COURTESY_GENDER: dict[str, str] = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
}
# Family words that name a person by their relation ("her mother, Elise Vance"); the
# sex they tell, or None.
KIN_NOUNS: dict[str, str | None] = {
    "mother": "f",
    "mom": "f",
    "mum": "f",
    "wife": "f",
    "sister": "f",
    "daughter": "f",
    "grandmother": "f",
    "stepmother": "f",
    "aunt": "f",
    "niece": "f",
    "widow": "f",
    "girlfriend": "f",
    "father": "m",
    "dad": "m",
    "husband": "m",
    "brother": "m",
    "son": "m",
    "grandfather": "m",
    "stepfather": "m",
    "uncle": "m",
    "nephew": "m",
    "widower": "m",
    "boyfriend": "m",
    "parent": None,
    "cousin": None,
    "sibling": None,
    "spouse": None,
    "partner": None,
}
# Relations by marriage or choice: they need not share the family's surname.
SPOUSE_NOUNS = frozenset(
    {"husband", "wife", "spouse", "partner", "boyfriend", "girlfriend", "widow", "widower"}
)
# Below this age a person is a child: never "Mr" or "Mrs" anyone, nor a parent.
ADULT_AGE = 18
# The role of a person the story gives an age below ADULT_AGE and no title.
CHILD_ROLE = "child"

# Words that put a title in the past: "former senator", "ex-mayor", "then-Sen.". A role
# the text gives with one keeps it, so a brief never shows a past post as the current one.
PAST_WORDS = frozenset({"former", "onetime", "one-time", "erstwhile"})
PAST_PREFIXES = frozenset({"ex", "then"})  # written glued with a hyphen ("ex-CEO")


def past_marker(doc: Any, i: int) -> str | None:
    """The past marker written before the title starting at token `i` of spaCy `doc`, as
    it should prefix the role ("former ", "ex-", "then-"), or None. Up to two capitalised
    words may stand between ("former Maryland governor", "former Obama adviser")."""
    k = i - 1
    while k >= 0 and i - k <= 2 and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN":
        k -= 1
    if k < 0:
        return None
    tok = doc[k]
    if tok.lower_ in PAST_WORDS:
        return "former "
    glued = tok.text == "-" and not tok.whitespace_ and k > 0 and not doc[k - 1].whitespace_
    if glued and doc[k - 1].lower_ in PAST_PREFIXES:
        return doc[k - 1].lower_ + "-"
    return None


def is_past_role(role: str | None) -> bool:
    """Whether `role` is marked as a past post ("former Senator", "ex-mayor")."""
    low = (role or "").lower()
    return low.split(" ", 1)[0] in PAST_WORDS or low.startswith(("ex-", "then-"))


def with_past(role: str, marker: str | None) -> str:
    """`role` with `marker` in front, unless it already has one."""
    return role if not marker or is_past_role(role) else marker + role


def bare_role(role: str) -> str:
    """`role` without its past marker ("then-Senator" -> "Senator")."""
    low = role.lower()
    for prefix in ("ex-", "then-"):
        if low.startswith(prefix):
            return role[len(prefix) :]
    first, _, rest = role.partition(" ")
    return rest if first.lower() in PAST_WORDS and rest else role
