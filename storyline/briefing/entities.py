"""One entry per person, organisation, place or product across all the articles.

Articles spell one name many ways ("U S", "U.S.", "US", "the United States";
"Huawei Technologies Co. Ltd" and "Huawei"; "Li Sanqi" and "Sanqui"). Mentions
are grouped by their normalised name (`storyline.analysis.names.name_key`,
which folds countries and corporate suffixes), then groups are joined when a
lone name word is the surname or given name of exactly one full name (exact or
a near spelling), when two full names differ only by near spellings of long
words, or when an acronym spells a longer organisation's initials. Short words
never join on their own, so "Li" or "He" cannot swallow somebody else.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..analysis.entity_rules import GENERIC_ORG_HEADS, INSTITUTIONS, PLACE_HEADS
from ..analysis.matching import is_titled, same_full_name, split_title, without_initials
from ..analysis.names import (
    acronym,
    canonical_name,
    country_name,
    generic_org,
    leading_org,
    leads,
    name_key,
    resolve_short_name,
    used_as_place,
)
from ..analysis.people import role_head
from ..analysis.roles import CHILD_ROLE, KIN_NOUNS, bare_role, is_past_role
from ..model import Analysis, Citation, Entity, EntityMention

# Types reported as one family when voting on a merged entity's type.
PLACE_TYPES = {"GPE", "LOC"}
_DATEISH = re.compile(
    r"^(?:\d{1,4}s?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
    r"today|yesterday|tomorrow)$",
    re.I,
)


@dataclass
class _Group:
    key: str
    mentions: list[tuple[str, EntityMention]] = field(
        default_factory=list
    )  # (document id, mention)

    @property
    def type(self) -> str:
        return Counter(m.type for _, m in self.mentions).most_common(1)[0][0]

    def names(self) -> Counter[str]:
        return Counter(m.canonical or canonical_name(m.text, m.type) for _, m in self.mentions)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def is_junk_name(name: str) -> bool:
    """Names not worth listing: single lowercase words, numbers, dates."""
    words = name.split()
    if not words or not any(c.isalpha() for c in name):
        return True
    if len(words) == 1 and (name.islower() or len(name) < 2):
        return True
    return all(_DATEISH.match(w) for w in words)


def merge_entities(analyses: Sequence[Analysis], *, max_citations: int = 5) -> list[Entity]:
    """Merge the entity mentions of all analyses into entities, most important first.

    Importance is how many documents mention the entity, then how often, then
    whether the text gives it a role: among names tied on both, a person the text
    introduces with a title is a player, where a name without one is as often a
    passing reference, so the alphabet no longer pushes a titled speaker below
    one-mention brands out of the shown list (on the hand-checked lists: as many
    wrong names, more right ones; BENCHMARKS.md, seeds audit).
    Citations are the first mention in each document, topped up to
    `max_citations` with further mentions.
    """
    groups: dict[str, _Group] = {}
    for analysis in analyses:
        for m in analysis.entities:
            key = name_key(m.canonical or m.text, m.type)
            if not key or is_junk_name(m.canonical or m.text):
                continue
            groups.setdefault(key, _Group(key)).mentions.append((analysis.document.id, m))
    glist = list(groups.values())
    uf = _UnionFind(len(glist))
    _link_people(glist, uf)
    _link_acronyms(glist, uf)
    texts = {a.document.id: a.document.text for a in analyses}
    places = {
        i
        for i, g in enumerate(glist)
        if any(m.type in PLACE_TYPES and used_as_place(texts[d], m.start) for d, m in g.mentions)
    }
    anchors = _link_short_forms(glist, uf, places)
    _link_lone_surnames(glist, uf, places)
    person_roots = {uf.find(i) for i, g in enumerate(glist) if g.type == "PERSON" and " " in g.key}

    merged: dict[int, list[_Group]] = defaultdict(list)
    shared = _shared_surnames(glist)
    sizes = Counter(uf.find(i) for i in range(len(glist)))
    for i, g in enumerate(glist):
        if g.key in shared and sizes[uf.find(i)] == 1:
            continue  # "Huang" for two Huangs: nobody in particular, so not listed
        merged[uf.find(i)].append(g)
    entities = []
    surnames = {
        g.key.split()[-1]: g.key.split()[0]
        for g in glist
        if g.type == "PERSON" and len(g.key.split()) == 2 and not is_titled(g.key)
    }
    person_words = {w for g in glist if g.type == "PERSON" and " " in g.key for w in g.key.split()}
    for root, parts in merged.items():
        anchor = anchors.get(uf.find(root))
        entity = _build(parts, max_citations, anchor)
        if anchor is None and entity.type != "PERSON" and uf.find(root) in person_roots:
            entity.type, entity.name = "PERSON", _pick_name(parts, "PERSON")  # "Tucci"
        if anchor is None and _written_as_place(entity, parts, texts, person_words):
            entity.type = "GPE"
        elif anchor is None and _family_name(entity, surnames):
            entity.type = "PERSON"
        entities.append(entity)
    _drop_shared_aliases(entities)
    entities.sort(key=lambda e: (-e.documents, -e.mentions, not e.role, e.name))
    return entities


def _written_as_place(
    entity: Entity, parts: list[_Group], texts: dict[str, str], person_words: set[str]
) -> bool:
    """A one-word "person" or "organisation" that the articles write as a place ("in
    Wiltshire") in at least half its mentions, that none gives a title and that is no
    word of anyone's full name, is a place: the vote runs over the whole cluster."""
    if entity.type not in ("PERSON", "ORG") or " " in entity.name:
        return False
    if entity.name.casefold() in INSTITUTIONS or entity.name.casefold() in person_words:
        return False
    mentions = [(d, m) for g in parts for d, m in g.mentions]
    if any(m.role or m.organisation for _, m in mentions):
        return False
    placed = [m.type in PLACE_TYPES or used_as_place(texts[d], m.start) for d, m in mentions]
    return any(used_as_place(texts[d], m.start) for d, m in mentions) and 2 * sum(placed) >= len(
        placed
    )


def _family_name(entity: Entity, surnames: dict[str, str]) -> bool:
    """ "Chip Gaines" read as an organisation in one article, "Joanna Gaines" a person in
    another: a two-word title-case name ending in a person's surname, opening with no
    surname, with no organisation or place word, is a person of that family."""
    words = entity.name.split()
    return (
        entity.type == "ORG"
        and len(words) == 2
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and words[-1].casefold() in surnames
        and words[0].casefold() not in surnames
        and not any(w.casefold() in GENERIC_ORG_HEADS or w.casefold() in PLACE_HEADS for w in words)
    )


def _drop_shared_aliases(entities: list[Entity]) -> None:
    """A lone word two people carry as an alias ("Vance", resolved to the mother in one
    article and to the daughter in another) is nobody's: a speaker written so stays
    apart instead of joining whichever came first. An alias only one person carries
    stays theirs ("Durst" for Robert Durst, though Kathleen Durst is named too)."""
    people = [e for e in entities if e.type == "PERSON"]
    owners: Counter[str] = Counter()
    for e in people:
        owners.update({a.casefold() for a in e.aliases if " " not in a})
    for e in people:
        e.aliases = [a for a in e.aliases if " " in a or owners[a.casefold()] < 2]


def _shared_surnames(glist: list[_Group]) -> set[str]:
    """Keys of lone words that are the surname of two or more people named in full."""
    owners: Counter[str] = Counter()
    for g in glist:
        if g.type == "PERSON" and len(g.key.split()) > 1 and not is_titled(g.key):
            owners[g.key.split()[-1]] += 1
    return {g.key for g in glist if " " not in g.key and owners[g.key] >= 2}


def _link_people(glist: list[_Group], uf: _UnionFind) -> None:
    people = [(i, g) for i, g in enumerate(glist) if g.type == "PERSON"]
    full = {g.names().most_common(1)[0][0]: i for i, g in people if len(g.key.split()) > 1}
    plain = {n: i for n, i in full.items() if not is_titled(n)}
    for i, g in people:
        name = g.names().most_common(1)[0][0]
        if len(name.split()) == 1:
            target = resolve_short_name(name, full)
            if target is not None:
                uf.union(i, full[target])
        elif is_titled(name):
            # "Ms. Shourd" in one article, "Sarah Shourd" in another: the one adult of
            # that surname whose family role fits ("Mr. Vance" is not "Nora Vance, 9")
            gender, surname = split_title(name)
            fits = [n for n in plain if n.split()[-1] == surname and _fits(glist[plain[n]], gender)]
            if len(fits) == 1:
                uf.union(i, plain[fits[0]])
    # A match needs as many words and one word equal (casefolded) in the same place, so
    # only names sharing such a word are compared: the same links, without all pairs.
    buckets: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    for name in sorted(full):
        words = without_initials(name)
        for k, word in enumerate(words):
            buckets[(len(words), k, word.casefold())].append(name)
    for group in buckets.values():
        for a_idx, a in enumerate(group):
            for b in group[a_idx + 1 :]:
                if same_full_name(a, b):
                    uf.union(full[a], full[b])
    # "Hillary Rodham" is "Hillary Rodham Clinton": the leading words of exactly one
    # longer name (two longer names sharing them leave it apart)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in plain:
        by_first[name.split()[0].casefold()].append(name)
    for name in plain:
        longer = [n for n in by_first[name.split()[0].casefold()] if leads(name, n)]
        if len(longer) == 1:
            uf.union(plain[name], plain[longer[0]])
    # "Sam Prideaux Robards" is "Sam Robards": a middle name dropped
    short: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in full:
        words = name.split()
        if len(words) == 2 and not is_titled(name):
            short[(words[0].casefold(), words[1].casefold())].append(name)
    for name in full:
        words = without_initials(name)
        if len(words) == 3:
            hits = short.get((words[0].casefold(), words[2].casefold()), [])
            if len(hits) == 1:
                uf.union(full[name], full[hits[0]])


def _link_lone_surnames(glist: list[_Group], uf: _UnionFind, places: AbstractSet[int]) -> None:
    """ "Tucci" read as a place in one article, "Stanley Tucci" named in another: a name
    no article writes as a place ("in X") that is the surname of exactly one person named
    in full ("de Soultrait" of "Arthur de Soultrait" too) is that person."""
    full = [(i, g.key.split()) for i, g in enumerate(glist) if g.type == "PERSON"]
    full = [(i, w) for i, w in full if len(w) > 1 and not is_titled(glist[i].key)]
    for i, g in enumerate(glist):
        words = g.key.split()
        if g.type == "PERSON" or i in places or len(words) > 2:
            continue
        owners = {
            uf.find(j)
            for j, name in full
            if len(name) > len(words) and name[-len(words) :] == words
        }
        if len(owners) == 1:
            uf.union(i, owners.pop())


def _fits(group: _Group, gender: str | None) -> bool:
    """Whether a courtesy title of `gender` can name the person of `group`: not a child,
    not a relative of the other sex ("father" for "Mrs.")."""
    for _, m in group.mentions:
        role = (m.role or "").casefold()
        if role == CHILD_ROLE or KIN_NOUNS.get(role, gender) not in (None, gender):
            return False
    return True


def _link_acronyms(glist: list[_Group], uf: _UnionFind) -> None:
    orgs = [(i, g) for i, g in enumerate(glist) if g.type == "ORG"]
    by_acronym: dict[str, list[int]] = defaultdict(list)
    for i, g in orgs:
        short = acronym(g.names().most_common(1)[0][0])
        if short:
            by_acronym[short].append(i)
    for i, g in orgs:
        name = g.names().most_common(1)[0][0]
        hits = by_acronym.get(name, [])
        if name.isupper() and len(hits) == 1 and hits[0] != i:
            uf.union(i, hits[0])


def _link_short_forms(
    glist: list[_Group], uf: _UnionFind, places: AbstractSet[int] = frozenset()
) -> dict[int, str]:
    """Join "Veltrix" to "Veltrix Energy" and a lone "Association" to the one organisation
    named "... Association", across documents; places ("Marrow Bay", a name written
    "in Washington" in `places`) stay apart.

    Returns merged root -> the full organisation name, which gives the entity its name and type.
    """
    orgs = {g.names().most_common(1)[0][0]: i for i, g in enumerate(glist) if g.type == "ORG"}
    long_orgs = [o for o in orgs if len(o.split()) > 1]
    # "Goddard Space Flight Center" is "NASA Goddard Space Flight Center": a name of three
    # or more words that ends a longer organisation's name is that organisation
    for name, i in orgs.items():
        words = name.casefold().split()
        if len(words) < 3:
            continue
        longer = [
            o
            for o in long_orgs
            if len(o.split()) > len(words)
            and [w.casefold() for w in o.split()[-len(words) :]] == words
        ]
        if len(longer) == 1:
            uf.union(i, orgs[longer[0]])
    links: list[tuple[int, str]] = []
    for i, g in enumerate(glist):
        if g.type == "PERSON" or i in places:  # written "in Washington": a place
            continue
        name = g.names().most_common(1)[0][0]
        full = leading_org(name, long_orgs) or generic_org(name, long_orgs)
        if full is not None and orgs[full] != i:
            uf.union(i, orgs[full])
            links.append((i, full))
    return {uf.find(i): full for i, full in links}


def _pick_name(parts: list[_Group], type: str) -> str:
    names: Counter[str] = Counter()
    for g in parts:
        names.update(g.names())
    if type in PLACE_TYPES:
        for name, _ in names.most_common():
            if country_name(name):
                return country_name(name) or name
    if type == "PERSON":
        full = [(n, c) for n, c in names.items() if len(n.split()) > 1 and not is_titled(n)]
        full = full or [(n, c) for n, c in names.items() if len(n.split()) > 1]
        if full:
            return max(full, key=lambda nc: (nc[1], len(nc[0])))[0]
    return max(names.items(), key=lambda nc: (nc[1], len(nc[0])))[0]


def _past_if_said(
    role: str | None, org: str | None, roles: Counter[tuple[str, str | None]]
) -> tuple[str | None, str | None]:
    """Where one mention gives a post as past ("former Senator", "then-Sen.") and another
    the bare post, the brief must not claim it is current: the past form wins."""
    if not role or is_past_role(role):
        return role, org
    head = role_head(bare_role(role))
    past = [
        (r, o)
        for (r, o), _ in roles.most_common()
        if is_past_role(r) and role_head(bare_role(r)) == head
    ]
    return past[0] if past else (role, org)


def _build(parts: list[_Group], max_citations: int, anchor: str | None = None) -> Entity:
    mentions = [pm for g in parts for pm in g.mentions]
    types = Counter(m.type for _, m in mentions)
    type = "ORG" if anchor else types.most_common(1)[0][0]
    name = anchor or _pick_name(parts, type)
    aliases: dict[str, str] = {}
    for _, m in mentions:
        for form in (m.text, m.canonical):
            if form and form.casefold() != name.casefold():
                aliases.setdefault(form.casefold(), form)
    roles = Counter((m.role, m.organisation) for _, m in mentions if m.role)
    role, org = roles.most_common(1)[0][0] if roles else (None, None)
    role, org = _past_if_said(role, org, roles)
    if org is None:
        orgs = Counter(m.organisation for _, m in mentions if m.organisation)
        org = orgs.most_common(1)[0][0] if orgs else None
    docs: list[str] = []
    citations: list[Citation] = []
    rest: list[Citation] = []
    for doc_id, m in sorted(mentions, key=lambda dm: (dm[0], dm[1].start)):
        cite = Citation(document=doc_id, start=m.start, end=m.end)
        if doc_id not in docs:
            docs.append(doc_id)
            citations.append(cite)
        else:
            rest.append(cite)
    citations.extend(rest[: max(0, max_citations - len(citations))])
    return Entity(
        name=name,
        type=type,
        aliases=sorted(aliases.values(), key=str.casefold),
        mentions=len(mentions),
        documents=len(docs),
        role=role,
        organisation=org,
        citations=citations,
    )
