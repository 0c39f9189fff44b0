"""One name per referent within a document: short forms linked to the full name
("Chang" -> "Jimmie Chang", "Huawei" -> "Huawei Technologies"), titled surnames
resolved ("Mr. Li"), transcript speakers applied, and one spelling and one type
kept for every mention of the same person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..model import EntityMention, Turn
from .affiliations import person_traits
from .entity_candidates import Candidate
from .entity_rules import (
    GENERIC_ORG_HEADS,
    ROLE_HEADS,
)
from .entity_types import person_types
from .matching import is_titled, same_full_name, titled_name
from .names import (
    acronym,
    canonical_name,
    country_name,
    generic_org,
    leading_org,
    leads,
    resolve_short_name,
    used_as_place,
)
from .nlp import doc_text
from .roles import (
    COURTESY_GENDER,
)


def link_short_forms(doc: Any, cands: list[Candidate], known_orgs: Sequence[str] = ()) -> None:
    """ "Veltrix" after "Veltrix Energy", "the Association" after "... Fishermen's Association":
    short forms of a multi-word organisation in the document take its type and name; a lone
    generic head with no such organisation is dropped."""
    orgs = {canonical_name(doc[c.start : c.end].text, "ORG") for c in cands if c.type == "ORG"}
    orgs |= {canonical_name(o, "ORG") for o in known_orgs}
    orgs = {o for o in orgs if len(o.split()) > 1}
    places = {  # "in Washington" makes every "Washington" of the text a place, not "Washington Post"
        canonical_name(doc[c.start : c.end].text, c.type)
        for c in cands
        if c.type in ("GPE", "LOC") and used_as_place(doc_text(doc), doc[c.start].idx)
    }
    for c in list(cands):
        if c.type == "PERSON" or c.canonical:
            continue
        name = canonical_name(doc[c.start : c.end].text, c.type)
        if name in places:
            continue
        title = c.end < len(doc) and doc[c.end].text.casefold() in ROLE_HEADS
        if title and name.casefold() in GENERIC_ORG_HEADS:
            # "Party Chairman Reince Priebus": part of a title, which body it names
            # the text does not say (not the "Nazi Party" named before)
            cands.remove(c)
            continue
        full = leading_org(name, orgs) or generic_org(name, orgs)
        if full is not None:
            c.type, c.canonical = "ORG", full
        elif name.casefold() in GENERIC_ORG_HEADS:
            cands.remove(c)  # "the Council" with no council named: a back-reference, no entity


def resolve_titled_surnames(doc: Any, cands: list[Candidate]) -> None:
    """ "Mr. Vance" after "Nora Vance, 9," is not Nora: a courtesy-titled surname goes to
    the one full name of that surname whose sex and age fit, else it stays its own person
    ("Mr. Vance"), never the first Vance named."""
    traits: dict[str, tuple[str | None, bool]] = {}
    for c in cands:
        if c.type == "PERSON" and c.end - c.start > 1:
            name = c.canonical or canonical_name(doc[c.start : c.end].text, "PERSON")
            g, minor = person_traits(doc, c.start, c.end)
            old_g, old_minor = traits.get(name, (None, False))
            traits[name] = (old_g or g, old_minor or minor)
    for c in cands:
        if c.type != "PERSON" or c.end - c.start != 1 or c.start == 0:
            continue
        title = doc[c.start - 1]
        if title.lower_ not in COURTESY_GENDER:
            continue
        gender = COURTESY_GENDER[title.lower_]
        surname = doc[c.start].text
        fits: list[str] = []
        for full, (g, minor) in traits.items():
            if (
                full.split()[-1] == surname
                and not minor
                and g in (None, gender)
                and not any(same_full_name(full, f) for f in fits)  # one person spelt two ways
            ):
                fits.append(full)
        c.canonical = fits[0] if len(fits) == 1 else titled_name(title.text, surname)


def to_mention(doc: Any, c: Candidate) -> EntityMention:
    """The candidate as the model's mention, with character offsets into the text."""
    span = doc[c.start : c.end]
    return EntityMention(
        text=span.text,
        type=c.type,
        start=span.start_char,
        end=span.end_char,
        canonical=c.canonical,
        role=c.role,
        organisation=c.organisation,
    )


def apply_turns(
    text: str, mentions: list[EntityMention], turns: Sequence[Turn]
) -> list[EntityMention]:
    """Transcript turns name their speaker with role and organisation directly. A label
    the cleaner removed is one mention of its speaker per document, not one per turn:
    an anchor who speaks every other paragraph is not what the story is about."""
    labelled: set[str] = set()  # speakers already mentioned by a removed label
    for turn in turns:
        if not turn.speaker:
            continue
        window_start = max(0, turn.start - len(turn.speaker) - 200)
        window = text[window_start : turn.start + len(turn.speaker) + 2].casefold()
        at = window.rfind(turn.speaker.casefold())
        existing = None
        if at >= 0:  # the label is still in the text
            start = window_start + at
            end = start + len(turn.speaker)
            existing = next(
                (m for m in mentions if m.start < end and start < m.end and m.type == "PERSON"),
                None,
            )
        else:  # the cleaner removed the label: the name is cited by what they said
            if turn.speaker in labelled:
                continue
            labelled.add(turn.speaker)
            start, end = turn.start, turn.end
        if existing is None:
            existing = EntityMention(
                text=turn.speaker if at < 0 else text[start:end],
                type="PERSON",
                start=start,
                end=end,
            )
            existing.canonical = canonical_name(turn.speaker, "PERSON")
            mentions.append(existing)
        existing.role = existing.role or turn.role
        existing.organisation = existing.organisation or turn.organisation
    mentions.sort(key=lambda m: m.start)
    return mentions


def _one_spelling(mentions: list[EntityMention]) -> None:
    """ "Garry Goddard" once among many "Gary Goddard": one person spelt two ways takes the
    more frequent spelling, so a bare "Goddard" has one full name to go to."""
    counts = Counter(
        m.canonical
        for m in mentions
        if m.type == "PERSON" and m.canonical and " " in m.canonical and not is_titled(m.canonical)
    )
    names = sorted(counts, key=lambda n: (-counts[n], n))
    spelling: dict[str, str] = {}
    for k, name in enumerate(names):
        for other in names[:k]:
            if same_full_name(name, other):
                spelling[name] = spelling.get(other, other)
                break
    for m in mentions:
        if m.type == "PERSON" and m.canonical in spelling:
            m.canonical = spelling[m.canonical]


def _leading_names(fulls: set[str | None]) -> dict[str, str]:
    """Each full name (two words or more) that is the leading words of exactly one longer
    full name, mapped to it: "Hillary Rodham" is "Hillary Rodham Clinton" where she is
    named both ways. Two longer names sharing the lead leave it alone."""
    names = sorted(f for f in fulls if f and " " in f and not is_titled(f))
    out: dict[str, str] = {}
    for short in names:
        fits = [f for f in names if leads(short, f)]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


def canonicalise(mentions: list[EntityMention]) -> None:
    """Give each mention its in-document canonical name ("Chang" -> "Jimmie Chang")."""
    for m in mentions:
        m.canonical = m.canonical or canonical_name(m.text, m.type)
    person_types(mentions)
    _one_spelling(mentions)
    fulls = {m.canonical for m in mentions if m.type == "PERSON" and " " in (m.canonical or "")}
    last = Counter(f.split()[-1] for f in fulls if f)
    surnames = {f.split()[-1]: f for f in fulls if f and last[f.split()[-1]] == 1}
    first = Counter(f.split()[0] for f in fulls if f and not is_titled(f))
    given = {f.split()[0]: f for f in fulls if f and first[f.split()[0]] == 1 and not is_titled(f)}
    for m in mentions:  # the model often reads a lone surname as an organisation or a place
        if m.type in ("ORG", "GPE") and m.canonical in surnames and not country_name(m.text):
            m.type, m.canonical = "PERSON", surnames[m.canonical]
        elif m.type == "GPE" and m.canonical in given and not country_name(m.text):
            m.type, m.canonical = "PERSON", given[m.canonical]  # "Gloria" after "Gloria Chapman"
    # in order of first mention, never set order (which changes with PYTHONHASHSEED):
    # when two organisations share an acronym, the first mentioned one owns it
    orgs = dict.fromkeys(m.canonical for m in mentions if m.type == "ORG" and m.canonical)
    by_acronym: dict[str, str] = {}
    for org in orgs:
        short = acronym(org)
        if short:
            by_acronym.setdefault(short, org)
    longer = _leading_names(fulls)
    for m in mentions:
        if m.type == "PERSON" and m.canonical in longer:
            m.canonical = longer[m.canonical]  # "Hillary Rodham" -> "Hillary Rodham Clinton"
    for m in mentions:
        if m.type == "PERSON" and m.canonical and " " not in m.canonical:
            m.canonical = resolve_short_name(m.canonical, [f for f in fulls if f]) or m.canonical
        elif m.type == "ORG" and by_acronym.get(m.canonical or "") not in (None, m.canonical):
            m.canonical = by_acronym[m.canonical or ""]
    # a person's title found once holds for every mention of them in the document
    known: dict[str, EntityMention] = {}
    for m in mentions:
        if m.type == "PERSON" and m.role and m.canonical and m.canonical not in known:
            known[m.canonical] = m
    for m in mentions:
        src = known.get(m.canonical or "")
        if m.type == "PERSON" and src is not None and m.role is None:
            m.role, m.organisation = src.role, src.organisation
