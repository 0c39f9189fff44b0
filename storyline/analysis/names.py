"""Name normalisation: one spelling of a person, organisation or place everywhere.

`canonical_name` and `name_key` are shared by the entity recogniser, the quotes
and speaker modules and `storyline.briefing.entities`, so a name is folded the same
way in one article and across articles. The short-form resolvers (`resolve_short_name`,
`leading_org`, `generic_org`) decide what a lone surname or a bare "Association" means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from .entity_rules import (
    CORPORATE_SUFFIXES,
    COUNTRY_ALIASES,
    GENERIC_ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
)
from .matching import (  # noqa: F401  (re-exported: the one matcher)
    is_name_word,
    resolve_short_name,
    same_word,
    similar,
)

_COUNTRY_BY_KEY: dict[str, str] = {}
for _name, _aliases in COUNTRY_ALIASES.items():
    for _form in (_name, *_aliases):
        _COUNTRY_BY_KEY[re.sub(r"[^a-z0-9]+", "", _form.casefold())] = _name


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def country_name(text: str) -> str | None:
    """The canonical country or region for a spelling ("U S" -> "United States"), else None."""
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    key = _squash(text)
    if len(key) <= 3 and text.islower():
        return None  # "us" is a pronoun; "US" the country
    return _COUNTRY_BY_KEY.get(key)


def clean_surface(text: str) -> str:
    """Strip what is not part of a name: leading "the", possessives, edge punctuation,
    a bracket and what follows it ("John Kerry.(Reuters"), trailing lower-case words
    ("Associated Press news agency", "Brotherhood's party")."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    text = re.sub(r"(?<=\w)[.,]?\s*[(\[].*$", "", text)
    words = text.split(" ")
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        words.pop()
    text = " ".join(words)
    text = re.sub(r"(?:['’]s?|\s+s)$", "", text)
    text = text.strip(" \t\"'“”‘’()[]{}<>,;:!?-–—")
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and len(last) > 4 and "." not in last[:-1]:
        text = text[:-1]  # a sentence full stop, not "U.S." or "Inc."
    return text


def _titlecase_caps(text: str) -> str:
    """ "KEVIN HO" -> "Kevin Ho" (transcript labels), leaving mixed case alone."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and " " in text:
        return " ".join(w.capitalize() for w in text.split())
    return text


def strip_corporate_suffix(name: str) -> str:
    """ "Huawei Technologies Co. Ltd" -> "Huawei" (never strips the last word)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].casefold() in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(words)


def canonical_name(name: str, type: str | None = None) -> str:
    """The display form of a name, the same in every module.

    Cleans edges and possessives, title-cases all-caps speaker labels, maps
    country spellings to one name, drops corporate suffixes and a leading
    country ("US Federal Communications Commission") from organisations.
    """
    text = clean_surface(name)
    if not text:
        return text
    country = country_name(text)
    if country and type in (None, "GPE", "LOC", "ORG", "NORP"):
        return country
    text = _titlecase_caps(text)
    if type == "PERSON":
        # "Jesse Matthew Jr." is "Jesse Matthew": a generational suffix names no one else
        text = re.sub(r",?\s+(?:Jr|Sr)\.?$", "", text) if " " in text.strip() else text
    if type == "ORG":
        text = strip_corporate_suffix(text)
        words = text.split()
        for n in (3, 2, 1):  # "U S Federal ..." / "US Federal ..."
            if len(words) > n + 1 and country_name(" ".join(words[:n])):
                text = " ".join(words[n:])
                break
    return text


def name_key(name: str, type: str | None = None) -> str:
    """A merge key: case, punctuation and spacing folded out of `canonical_name`."""
    name = re.sub(r"\b([A-Z])\.(?=[A-Z]\b)", r"\1", canonical_name(name, type))  # "L.A." is "LA"
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def acronym(name: str) -> str | None:
    """ "Federal Communications Commission" -> "FCC"; None for short names."""
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def is_place_name(name: str) -> bool:
    """A country, region or a name ending in a place word ("Marrow Bay", "Kent County")."""
    words = name.split()
    return bool(country_name(name)) or (len(words) > 1 and words[-1].casefold() in PLACE_HEADS)


def used_as_place(text: str, start: int) -> bool:
    """Whether the name starting at `start` follows a place preposition ("in Washington")."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].casefold() in PLACE_PREPOSITIONS


def leading_org(short: str, orgs: Iterable[str]) -> str | None:
    """The one longer organisation name that `short` opens ("Veltrix" -> "Veltrix Energy"), else None.

    A place ("Marrow Bay" opens "Marrow Bay Fishermen's Association") is no short form.
    """
    if not short or is_place_name(short):
        return None
    words = short.casefold().split()
    hits = {
        o
        for o in orgs
        if len(o.split()) > len(words) and [w.casefold() for w in o.split()[: len(words)]] == words
    }
    return hits.pop() if len(hits) == 1 else None


def generic_org(head: str, orgs: Iterable[str]) -> str | None:
    """The one organisation that a lone generic head ("Association") points back at, else None."""
    if head.casefold() not in GENERIC_ORG_HEADS:
        return None
    hits = {o for o in orgs if len(o.split()) > 1 and o.split()[-1].casefold() == head.casefold()}
    return hits.pop() if len(hits) == 1 else None


@cache
def given_name_lists() -> Any:
    """The given-name lists of the optional `names` extra (GPL-3.0), or None without it."""
    try:
        import gender_guesser.detector as detector
    except ImportError:
        return None
    return detector.Detector(case_sensitive=False)


def has_given_names() -> bool:
    """Whether `is_given_name` can answer (the optional `names` extra is installed)."""
    return given_name_lists() is not None


def is_given_name(word: str) -> bool:
    """Whether a word is a given name in the lists (any country); False without them."""
    detector = given_name_lists()
    if detector is None or not word.isalpha():
        return False
    return bool(detector.get_gender(word) != "unknown")


@cache
def _regions() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        names.update(
            n.casefold()
            for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))
            if n
        )
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            names.add(sub.name.casefold())
    return frozenset(names)


def is_region(name: str) -> bool:
    """A country or a country's first-level region (ISO 3166: "Ohio", "Bavaria"),
    or a country spelling `country_name` knows."""
    return bool(country_name(name)) or name.casefold() in _regions()


# Words after a name that tell a parent from a child of the same name ("John Roe Jr.").
GENERATION_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def leads(short: str, full: str) -> bool:
    """Whether name `short` (two words or more) is the leading words of `full`, the rest
    not a generation suffix: "Hillary Rodham" leads "Hillary Rodham Clinton", but "John
    Roe" does not lead "John Roe Jr." (his son or father)."""
    words, longer = short.casefold().split(), full.casefold().split()
    rest = longer[len(words) :]
    return (
        len(words) > 1
        and longer[: len(words)] == words
        and bool(rest)
        and not any(w.rstrip(",") in GENERATION_SUFFIXES for w in rest)
    )
