"""What kind of thing a name is: person, organisation, place or product.

spaCy's label is a first guess; the words around each mention ("shares of", "Mr.",
"the ... of", "a ... resident") and the article's other mentions of the same name
correct it, within one document.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import EntityMention
from .entity_candidates import ORG_TAILS, Candidate, is_role_word
from .entity_rules import (
    GENERIC_ORG_HEADS,
    INSTITUTIONS,
    NOT_ACRONYM_ORGS,
    ORG_DESCRIPTORS,
    PLACE_HEADS,
    PLACE_ONLY_HEADS,
    ROLE_HEADS,
    US_STATES,
)
from .matching import is_titled
from .names import (
    country_name,
    used_as_place,
)
from .nlp import doc_text

# What follows a dateline's city: ", STATE" and "(Outlet) -" or a dash.
_DATELINE_CITY = re.compile(r"^(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*)?)?\s*(?:\(|-|\u2013|\u2014)")


def fix_types(doc: Any, cands: list[Candidate]) -> None:
    """Correct the model's type where the context says otherwise.

    "research firm Forrester" and "Forrester analyst Jane Porter" name an
    organisation, not a person; "Cisco and EMC": an unknown place coordinated
    with an organisation is one too.
    """
    by_start = {c.start: c for c in cands}
    model_types = [c.type for c in cands]
    for c in cands:
        after = doc_text(doc)[doc[c.end - 1].idx + len(doc[c.end - 1].text) :][:40]
        if (
            c.type == "ORG"
            and doc[c.start].is_upper
            and doc[c.start].text not in NOT_ACRONYM_ORGS
            and _DATELINE_CITY.match(after)
        ):
            c.type = "GPE"  # "OSLO (Reuters) -": a dateline's city
    for c in cands:
        words = doc[c.start : c.end]
        if (
            c.type in ("ORG", "GPE", "LOC")
            and len(words) >= 2
            and words[0].lower_ in RULER_TITLES
            and all(t.is_title and t.pos_ == "PROPN" for t in words[1:])
            and not any(t.lower_ in ORG_TAILS or t.lower_ in PLACE_HEADS for t in words[1:])
        ):
            c.type = "PERSON"  # "King Tommen Baratheon": a titled person
        if (
            c.type in ("GPE", "LOC")
            and c.start > 0
            and doc[c.start - 1].is_lower
            and doc[c.start - 1].lower_ in ORG_DESCRIPTORS
            and not country_name(words.text)
            and words.text not in US_STATES
        ):
            c.type = "ORG"  # "the fraternity Alpha Sigma Phi"
        if c.type != "PERSON":
            continue
        if c.start > 0 and doc[c.start - 1].lower_ in ORG_DESCRIPTORS and doc[c.start - 1].is_lower:
            c.type = "ORG"
            continue
        if c.end < len(doc) and doc[c.end].is_lower and doc[c.end].lower_ in ORG_DESCRIPTORS:
            c.type = "ORG"  # "the electronic Arca platform", "the Gaines firm"
            continue
        if (
            c.end - c.start == 1
            and c.start > 1
            and (
                (
                    doc[c.start - 1].lower_ in ("for", "at", "with")
                    and any(t.lower_ in ROLE_HEADS for t in doc[max(0, c.start - 6) : c.start - 1])
                )
                or (doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in ROLE_HEADS)
            )
        ):
            c.type = "ORG"  # "vice president of education for Wella": an employer
            continue
        if _owned_like_a_firm(doc, c):
            c.type = "ORG"  # "Nestlé, which argued", "Wella's chief executive"
            continue
        if c.start > 0 and doc[c.start - 1].text == "the" and not _late(doc, c.start - 1):
            # "the Daily News", "the Hatfield Barrow": a person is never "the X Y"
            tail = words[-1].lower_
            c.type = "LOC" if tail in PLACE_HEADS or tail in PLACE_ONLY_HEADS else "ORG"
            continue
        k = c.end
        while k < len(doc) and is_role_word(doc[k]):
            k += 1
        nxt = by_start.get(k)
        if (
            k > c.end
            and any(t.lower_ in ROLE_HEADS for t in doc[c.end : k])
            and nxt
            and nxt.type == "PERSON"
        ):
            c.type = "ORG"
    for c in cands:
        if c.end < len(doc) - 1 and doc[c.end].lower_ in ("and", "or", ","):
            other = by_start.get(c.end + 1)
            if other is None:
                continue
            for a, b in ((c, other), (other, c)):
                if (
                    a.type == "GPE"
                    and b.type == "ORG"
                    and not country_name(doc[a.start : a.end].text)
                    and doc[a.start : a.end].text.rstrip(".") not in US_STATES
                ):
                    a.type = "ORG"
                elif a.type == "ORG" and b.type == "PERSON" and _looks_personal(doc, a):
                    a.type = "PERSON"  # "Dana Holt and Ann Lee": two people
    # one name, one type: what the words around one mention show holds for the name's
    # other mentions in the text, which the model typed without that evidence
    shown: dict[str, set[str]] = {}
    for c, model in zip(cands, model_types, strict=True):
        if c.type != model:
            shown.setdefault(doc[c.start : c.end].text, set()).add(c.type)
    for c, model in zip(cands, model_types, strict=True):
        types = shown.get(doc[c.start : c.end].text)
        if c.type == model and types and len(types) == 1:
            c.type = next(iter(types))


# What a firm has and a person has not: "Wella's chief executive", "Nestlé's shares".
_FIRM_HAS = frozenset(
    {"ceo", "shares", "stock", "brand", "brands", "products", "stores", "headquarters"}
    | {"website", "factory", "factories", "plants", "subsidiary", "employees", "customers"}
    | {"shareholders", "executives", "chairman", "chief", "board", "profits", "revenue"}
)


def _owned_like_a_firm(doc: Any, c: Candidate) -> bool:
    """A one-word "person" the text writes "X, which ..." or "X's shares": a firm."""
    e = c.end
    if c.end - c.start != 1 or e + 1 >= len(doc):
        return False
    if doc[e].text == "," and doc[e + 1].lower_ == "which":
        return True
    return doc[e].lower_ in {"'s", "’s"} and doc[e + 1].lower_ in _FIRM_HAS


def _late(doc: Any, i: int) -> bool:
    """ "the late X", "the Rev. X": "the" that may open a person's name phrase."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in {"late", "rev", "rev.", "reverend"}


# Titles of rulers and officials that open a person's name ("King Tommen", "Queen Ana").
RULER_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "lord", "lady", "sir", "dame", "pope", "emperor"}
    | {"president", "senator", "sen.", "governor", "gov.", "dr.", "mr.", "mrs.", "ms."}
)


def _looks_personal(doc: Any, c: Candidate) -> bool:
    """Two capitalised proper nouns, no organisation word, never written "the X Y" in the
    text (as "the White House" is): a name shaped like a person's."""
    toks = doc[c.start : c.end]
    if len(toks) != 2 or not all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in toks
    ):
        return False
    if any(t.lower_ in GENERIC_ORG_HEADS or t.lower_ in ORG_TAILS for t in toks):
        return False
    return re.search(rf"\bthe\s+{re.escape(toks.text)}\b", doc_text(doc), re.IGNORECASE) is None


def person_types(mentions: list[EntityMention]) -> None:
    """One name, one type: a two- or three-word name the model read as an organisation
    once ("Dana Holt and ...") is a person when the text also names that person, or
    writes their surname alone as a person; a "person" ending in a place word
    ("Larch Creek Trail") is a place."""
    people = {m.canonical for m in mentions if m.type == "PERSON" and m.canonical}
    lone = {p for p in people if " " not in p}
    # "Chip Gaines" read as an organisation beside "Joanna Gaines": a family's surname
    lone |= {p.split()[-1] for p in people if " " in p and not is_titled(p)}
    given = {p.split()[0] for p in people if " " in p and not is_titled(p)}
    for m in mentions:
        name = m.canonical or ""
        words = name.split()
        if (
            m.type in ("PERSON", "ORG")
            and len(words) > 1
            and words[-1].casefold() in PLACE_ONLY_HEADS
        ):
            m.type = "LOC"
        elif (
            len(words) > 1
            and not country_name(name)
            and (
                (m.type in ("PERSON", "PRODUCT") and words[-1].casefold() in ORG_TAILS)
                or (m.type in ("GPE", "LOC") and words[-1].casefold() in _BODY_TAILS)
            )
        ):
            # "Herman Law", "Dunn Partners": a firm named after people; "the United
            # Nations", "Cumberland County District Court": a body, not a place
            m.type = "ORG"
        elif (
            m.type == "ORG"
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() and w[1:].islower() for w in words)
            and not any(w.casefold() in GENERIC_ORG_HEADS for w in words)
            and not any(w.casefold() in ORG_TAILS or w.casefold() in PLACE_HEADS for w in words)
            and words[0] not in lone - given  # "Trump Tower": a surname opens a place's name
            and (name in people or words[-1] in lone)
        ):
            m.type = "PERSON"


# Last words of a body's name that no place name ends in ("West Bank" and "Soviet Union"
# are places, so not every organisation word is here).
_BODY_TAILS = frozenset(
    {"nations", "court", "council", "sheriff", "police", "department", "university"}
    | {"college", "school", "hospital", "museum", "academy", "institute", "commission"}
    | {"committee", "agency", "board", "office", "ministry", "fraternity", "sorority"}
)


# "Omak, Wash.", "Brewster, Washington": a name followed by a state or country is a place.
_PLACE_AFTER = re.compile(r"^,\s+([A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?)")


# "a Rockaway man", "an Omak resident": a name between these is where someone lives.
_RESIDENT_BEFORE = re.compile(r"\b[Aa]n? $")


_RESIDENT_AFTER = re.compile(r"^ (?:man|woman|men|women|resident|residents|native|boy|girl|teen)\b")


# "Connor Cummings, 20, of Rockaway": a name after a person's "of" is their home town.
_HOME_BEFORE = re.compile(r"[A-Z][a-z]+(?:, \d{1,3})?, of $")


def place_types(text: str, mentions: list[EntityMention]) -> None:
    """A one-word "person" or "organisation" the text writes as a place ("in Mazama",
    "Bellingham, Wash.") and never as anyone's name is a place."""
    names = {
        w
        for m in mentions
        if m.type == "PERSON" and " " in (m.canonical or "")
        for w in (m.canonical or "").split()
    }
    by_name: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if m.type in ("PERSON", "ORG", "GPE", "LOC") and m.canonical and " " not in m.canonical:
            by_name.setdefault(m.canonical, []).append(m)
    for name, group in by_name.items():
        if all(m.type in ("GPE", "LOC") for m in group) or name.casefold() in INSTITUTIONS:
            continue
        if any(m.type == "PERSON" and (m.role or m.organisation) for m in group):
            continue
        if name in names:
            continue  # a word of someone's name
        placed = 0
        for m in group:
            after = _PLACE_AFTER.match(text[m.end : m.end + 30])
            state = after.group(1).rstrip(".") if after else None
            if (
                m.type in ("GPE", "LOC")
                or used_as_place(text, m.start)
                or (state and (country_name(state) or state in US_STATES or state.isupper()))
                or (
                    _RESIDENT_BEFORE.search(text[max(0, m.start - 4) : m.start])
                    and _RESIDENT_AFTER.match(text[m.end : m.end + 12])
                )
                or _HOME_BEFORE.search(text[max(0, m.start - 30) : m.start])
            ):
                placed += 1
        if placed and placed * 2 >= len(group):
            for m in group:
                if m.type in ("PERSON", "ORG"):
                    m.type = "GPE"
