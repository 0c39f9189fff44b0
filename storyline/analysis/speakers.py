"""Who a source phrase names: a person with role and organisation, a group, or an organisation.

An attribution's source is often not a name: "he", "Sanqui" (a misspelling),
"the company's president", "analysts at Fenwick", "the company" or "the
Association" (the organisation named in full earlier), "a spokesperson for the
Regulator" (the organisation, through a nameless voice). `SpeakerResolver`
reads one document's people (spaCy PERSON entities, and `EntityMention`s from
the entity component when present) and resolves a source phrase to the person
it refers to, never inventing a name: when nothing fits, the speaker stays None.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..model import EntityMention
from .cues import FIRST_PERSON, GROUP_NOUNS, PERSONAL_PRONOUNS, ROLE_TAIL_PREPS, ROLE_WORDS
from .entities import (
    ANAPHORIC_OWNERS,
    GENERIC_ORG_HEADS,
    NAME_TITLES,
    generic_org,
    is_place_name,
    leading_org,
)

SpeakerKind = Literal["person", "group", "organisation", "unknown"]

# Two spellings of a name token count as one above this similarity ("Sanqui"/"Sanqi").
FUZZY_RATIO = 0.8
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
_ORG_NOUNS = {
    "company",
    "firm",
    "group",
    "business",
    "unit",
    "division",
    "agency",
    "department",
    "ministry",
}


@dataclass(slots=True)
class Speaker:
    """A resolved source."""

    name: str | None
    kind: SpeakerKind
    role: str | None = None
    organisation: str | None = None


@dataclass(slots=True)
class _Person:
    name: str
    start: int  # first mention
    role: str | None = None
    organisation: str | None = None


def _is_role_token(tok: Any) -> bool:
    return tok.lower_ in ROLE_WORDS or tok.lower_ in NAME_TITLES


def _org_clean(name: str | None) -> str | None:
    """ "the National Marine Regulator" -> "National Marine Regulator"; "Veltrix Energy's" -> "Veltrix Energy"."""
    if not name:
        return None
    name = re.sub(r"^(?:the|The|its|Its)\s+", "", name.strip())
    name = re.sub(r"\s*(?:'s|\u2019s|\bs)$", "", name).strip()
    return name or None


def _is_name_token(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not _is_role_token(tok)


def _clean_name(tokens: list[Any]) -> str:
    words = [t.text for t in tokens if t.text not in {"'s", "’s"}]
    return " ".join(words).strip()


class SpeakerResolver:
    """Resolve source phrases of one document to people, groups and organisations."""

    def __init__(self, nlp_doc: Any, entities: list[EntityMention] | None = None) -> None:
        self.doc = nlp_doc
        self.people: list[_Person] = []
        self._mentions: list[tuple[int, str]] = []  # (char offset, full name) of person mentions
        self._orgs: list[tuple[int, str]] = []
        canon = {}
        for m in entities or []:
            if m.type == "PERSON":
                canon[(m.start, m.end)] = m
        for ent in nlp_doc.ents:
            if ent.label_ == "PERSON":
                toks = [t for t in ent if _is_name_token(t)]
                # a PERSON ent may swallow a leading title ("CTO Li Sanqi")
                while toks and _is_role_token(toks[0]):
                    toks = toks[1:]
                if toks:
                    mention = canon.get((ent.start_char, ent.end_char))
                    name = (mention.canonical or mention.text) if mention else _clean_name(toks)
                    self._add_person(name, ent.start_char, mention)
            elif ent.label_ == "ORG":
                self._add_org(ent.start_char, ent.text)
        for m in entities or []:
            if m.type == "PERSON":
                self._add_person(m.canonical or m.text, m.start, m)
            elif m.type == "ORG":
                self._add_org(m.start, m.canonical or m.text)
        # learn roles from every mention ("we spoke with the group's CEO Richard Yu")
        for ent in nlp_doc.ents:
            if ent.label_ == "PERSON":
                head = ent.root
                names = self._name_tokens(head, _phrase_tokens(head))
                if names:
                    role, org = self._role_and_org(head, _phrase_tokens(head), names)
                    person = self.person(self.canonical(_clean_name(names)) or "")
                    if person is not None and role:
                        person.role = _fuller(person.role, role)
                        person.organisation = _fuller(person.organisation, org)
        self._orgs.sort()

    def _add_org(self, start: int, name: str) -> None:
        name = _org_clean(name) or ""
        if len(name.replace(" ", "")) > 2 and not is_place_name(name):
            self._orgs.append((start, name))

    # ---------------------------------------------------------------- people
    def _add_person(self, name: str, start: int, mention: EntityMention | None = None) -> _Person:
        full = self.canonical(name) or name
        person = next((p for p in self.people if p.name == full), None)
        if person is None:
            if len(full.split()) > 1:
                # a full name upgrades surname-only people seen earlier ("He" then "David He")
                for p in self.people:
                    if len(p.name.split()) == 1 and _token_match(p.name, full.split()):
                        p.name = full
                        person = p
                        break
            if person is None:
                person = _Person(full, start)
                self.people.append(person)
        if mention is not None:
            person.role = person.role or mention.role
            person.organisation = person.organisation or mention.organisation
        self._mentions.append((start, person.name))
        return person

    def canonical(self, name: str) -> str | None:
        """The full name of a known person that `name` (surname, misspelling) refers to."""
        words = name.split()
        if not words:
            return None
        exact = [p.name for p in self.people if p.name.lower() == name.lower()]
        if exact:
            return exact[0]
        full = [p.name for p in self.people if len(p.name.split()) > 1]
        if len(words) == 1:
            hits = [n for n in full if _token_match(name, n.split())]
            if hits:
                return hits[0]
        else:
            hits = [n for n in full if _similar(name, n) or set(words) <= set(n.split())]
            if hits:
                return hits[0]
        return None

    def person_before(self, offset: int) -> _Person | None:
        """The most recently mentioned person before `offset` (for he/she)."""
        best = None
        for start, name in self._mentions:
            if start < offset and (best is None or start >= best[0]):
                best = (start, name)
        return self.person(best[1]) if best else None

    def person(self, name: str) -> _Person | None:
        """The known person with exactly this (full) name."""
        return next((p for p in self.people if p.name == name), None)

    def person_with_role(self, role: str, offset: int) -> _Person | None:
        head = role.split()[0].lower() if role else ""
        found = [
            p
            for p in self.people
            if p.role and p.role.split()[0].lower() == head and p.start < offset
        ]
        return found[-1] if found else None

    def organisation_before(self, offset: int) -> str | None:
        names = [n for s, n in self._orgs if s < offset and len(n.replace(" ", "")) > 2]
        if not names:
            return None
        # the organisation the story is about: the most mentioned, then the latest
        return max(reversed(names), key=names.count)

    def latest_organisation(self, offset: int) -> str | None:
        """The organisation mentioned last before `offset` (for "its")."""
        names = [n for s, n in self._orgs if s < offset]
        return names[-1] if names else None

    def full_organisation(self, name: str, offset: int) -> str:
        """A short or generic name ("Association", "Veltrix") as its fuller earlier mention."""
        earlier = [n for s, n in self._orgs if s < offset] or [n for _, n in self._orgs]
        return generic_org(name, earlier) or leading_org(name, earlier) or name

    def organisation_noun(self, head: Any) -> str | None:
        """ "the company", "the association", "the Association": the organisation it stands for."""
        low = head.lower_
        if low not in GENERIC_ORG_HEADS and low not in ANAPHORIC_OWNERS:
            return None
        if not any(
            c.lower_ in ("the", "its", "their", "this")
            for c in head.children
            if c.dep_ in ("det", "poss")
        ):
            return None
        earlier = [n for s, n in self._orgs if s < head.idx]
        hit = generic_org(head.text, earlier)
        if hit is None and low in ANAPHORIC_OWNERS | {"corporation"}:
            hit = self.organisation_before(head.idx)
        return hit

    # ---------------------------------------------------------------- phrases
    def resolve(self, head: Any, phrase: list[Any]) -> Speaker:
        """Resolve a source phrase (spaCy tokens) whose syntactic head is `head`."""
        low = head.lower_
        in_name = head.ent_type_ == "PERSON" and head.i > 0 and head.nbor(-1).ent_type_ == "PERSON"
        if low in PERSONAL_PRONOUNS and not in_name:
            person = self.person_before(head.idx)
            if person is None:
                return Speaker(None, "unknown")
            return Speaker(person.name, "person", person.role, person.organisation)
        if low in FIRST_PERSON or (head.pos_ == "PRON" and not in_name):
            return Speaker(None, "unknown")
        if _is_role_token(head) and not self._name_tokens(head, phrase):
            # "Its chairman, Aled Brennan, said": the name is an appositive of the title
            names_ = [
                c
                for c in head.children
                if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
            ]
            appos = names_[0] if names_ else None
            if appos is not None:
                names = self._name_tokens(appos, list(appos.subtree))
                if names:
                    rest = [t for t in phrase if t.i <= head.i]
                    role, org = self._role_and_org(head, rest, [])
                    person = self._add_person(_clean_name(names), names[0].idx)
                    person.role = person.role or role
                    person.organisation = person.organisation or _org_clean(org)
                    return Speaker(person.name, "person", person.role, person.organisation)
        org_noun = self.organisation_noun(head) if head.pos_ in ("NOUN", "PROPN") else None
        if org_noun:
            return Speaker(org_noun, "organisation")
        name_toks = self._name_tokens(head, phrase)
        if name_toks:
            role, org = self._role_and_org(head, phrase, name_toks)
            org = _org_clean(org)
            raw = _clean_name(name_toks)
            known = self.canonical(raw)
            tagged = any(t.ent_type_ == "PERSON" for t in name_toks)
            if (
                not known
                and not tagged
                and not role
                and (self._is_org(name_toks) or len(name_toks) == 1)
            ):
                return Speaker(self._org_name(head, phrase), "organisation")
            person = self._add_person(raw, name_toks[0].idx)
            person.role = person.role or role
            person.organisation = person.organisation or org
            return Speaker(person.name, "person", person.role, person.organisation)
        plural = (
            head.tag_ == "NNS"
            and head.pos_ in ("NOUN", "PRON", "ADJ")
            and head.lower_ not in ROLE_WORDS
        )
        # "analysts", and any plural speaker: "American companies", "Others"
        if (head.lemma_.lower() in GROUP_NOUNS or head.lower_ in GROUP_NOUNS or plural) and (
            head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("s")
        ):
            words = [
                t.text
                for t in phrase
                if (t.lower_ not in _DETERMINERS or t.i > head.i) and not t.is_punct
            ]
            name = " ".join(words) or head.text
            return Speaker(name[:1].upper() + name[1:], "group", None, self._group_org(head))
        if head.lower_ in ROLE_WORDS or head.lemma_.lower() in ROLE_WORDS:
            role, org = self._role_and_org(head, phrase, [])
            org = _org_clean(org)
            if org:
                # "a spokesperson for the Regulator": the organisation speaks, through a nameless voice
                return Speaker(None, "organisation", role, org)
            person = self.person_with_role(role or head.lower_, head.idx)
            if person is not None:
                return Speaker(person.name, "person", person.role, person.organisation)
            return Speaker(None, "unknown", role, org)
        if head.ent_type_ in ("ORG", "GPE", "NORP") or head.pos_ == "PROPN":
            return Speaker(self._org_name(head, phrase), "organisation")
        return Speaker(None, "unknown")

    def _org_name(self, head: Any, phrase: list[Any]) -> str:
        """The organisation a source phrase names, in full ("The ... Association" / "Association")."""
        toks = [
            t
            for t in phrase
            if (t.pos_ == "PROPN" or t.text in ("'s", "\u2019s", "&")) and t.i <= head.i
        ]
        toks = contiguous(toks, head) if toks and head in toks else [head]
        name = _org_clean(head.doc[toks[0].i : toks[-1].i + 1].text) or head.text
        if len(name.split()) == 1:
            name = self.full_organisation(name, head.idx)
        return name

    def _group_org(self, head: Any) -> str | None:
        """ "analysts at Fenwick Research" -> "Fenwick Research"."""
        for prep in (
            c
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("at", "with", "from", "of", "for")
        ):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return _org_clean(
                    _clean_name(contiguous([t for t in obj.subtree if t.pos_ == "PROPN"], obj))
                )
        return None

    def resolve_name(self, name_toks: list[Any], role_toks: list[Any]) -> Speaker:
        """Resolve a name found by word order, with the role phrase that follows it."""
        toks = [t for t in name_toks if not _is_role_token(t)] or name_toks
        if len(toks) == 1 and toks[0].lower_ in PERSONAL_PRONOUNS:
            return self.resolve(toks[0], toks)
        person = self._add_person(_clean_name(toks), toks[0].idx)
        if role_toks:
            head = next((t for t in role_toks if t.lower_ in ROLE_WORDS), None)
            if head is not None:
                role, org = self._surface_role(role_toks, head)
                # the surface phrase is the fuller one ("president of marketing for ...")
                person.role = role or person.role
                person.organisation = org or person.organisation
        return Speaker(person.name, "person", person.role, person.organisation)

    def _surface_role(self, toks: list[Any], head: Any) -> tuple[str | None, str | None]:
        """ "the company's president of marketing" / "an analyst with research firm Gartner"."""
        org: str | None = None
        poss = next((t for t in toks if t.i < head.i and t.lower_ in _ORG_NOUNS), None)
        if poss is not None:
            org = self._possessor(poss)
        caps = [t for t in toks if t.i > head.i and t.text[:1].isupper()]
        words = [t for t in toks if t.i >= head.i]
        back = next(
            (t for t in toks if t.i > head.i and t.lower_ in ANAPHORIC_OWNERS and t.is_lower), None
        )
        if not caps and back is not None:
            # "an analyst with the firm": the firm is the one the story is about
            org = self.latest_organisation(back.idx)
            words = [t for t in words if t.i < back.i]
            while len(words) > 1 and (
                words[-1].lower_ in ROLE_TAIL_PREPS or words[-1].lower_ in _DETERMINERS
            ):
                words.pop()
        if caps:
            org = _clean_name(caps)
            cut = caps[0].i
            words = [t for t in words if t.i < cut]
            while (
                len(words) > 1 and words[-1].lower_ not in ("of",) and not _is_role_token(words[-1])
            ):
                if words[-1].lower_ in ROLE_TAIL_PREPS:
                    words.pop()
                    break
                words.pop()
            if len(words) > 1 and words[-1].lower_ in ROLE_TAIL_PREPS:
                words.pop()  # "chief executive of" Veltrix
        return " ".join(t.text for t in words) or None, _org_clean(org)

    def _name_tokens(self, head: Any, phrase: list[Any]) -> list[Any]:
        """The name inside a source phrase: the capitalised run ending at the head."""
        if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":
            return []
        run = [head]
        for tok in reversed(phrase):
            if tok.i >= head.i:
                continue
            if (
                tok.i == run[0].i - 1
                and _is_name_token(tok)
                and tok.dep_ in ("compound", "nmod", "nsubj", "appos")
            ):
                run.insert(0, tok)
            else:
                break
        # titles and units belong to the role: keep what follows the last title word
        while run and _is_role_token(run[0]):
            run = run[1:]
        return run

    def _is_org(self, toks: list[Any]) -> bool:
        types = {t.ent_type_ for t in toks}
        return "PERSON" not in types and bool(types & {"ORG", "GPE", "NORP", "FAC", "PRODUCT"})

    def _role_and_org(
        self, head: Any, phrase: list[Any], name_toks: list[Any]
    ) -> tuple[str | None, str | None]:
        """Role and organisation from pre-modifiers ("IDC analyst") or an appositive."""
        name_ids = {t.i for t in name_toks}
        start = name_toks[0].i if name_toks else head.i + 1
        before = [t for t in phrase if t.i < start and t.i not in name_ids and t.dep_ != "punct"]
        role: str | None = None
        org: str | None = None
        if not name_toks:
            before = [t for t in phrase if t.i <= head.i and t.dep_ != "punct"]
        # premodifiers: ORG words, then title words ("Carrier Network Business Group CTO")
        role_part: list[Any] = []
        for tok in reversed(before):
            if _is_role_token(tok) or (role_part and tok.is_lower and tok.pos_ in ("ADJ", "NOUN")):
                role_part.insert(0, tok)
            else:
                break
        if role_part:
            role = " ".join(t.text for t in role_part)
            rest = [t for t in before if t.i < role_part[0].i and t.lower_ not in _DETERMINERS]
            org = self._org_text(rest)
        appos = next(
            (c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None
        )
        if not name_toks:
            appos = head  # "the company's president of marketing": the head is the role
        if appos is not None and (
            appos.lower_ in ROLE_WORDS or appos is head or appos.pos_ == "NOUN"
        ):
            a_role, a_org = self._appositive(
                appos, phrase if appos is head else list(appos.subtree)
            )
            if appos is head:
                role = a_role or role
                org = a_org or org
            else:
                role = role or a_role
                org = org or a_org
        return role, org

    def _org_text(self, toks: list[Any]) -> str | None:
        """Organisation words before a title: "IDC", "the group's" (resolved)."""
        owners = [
            t
            for t in toks
            if t.dep_ == "poss" and (not t.text[:1].isupper() or t.lower_ in ANAPHORIC_OWNERS)
        ]
        poss = owners[0] if owners else None
        if poss is not None:
            return self._possessor(poss)
        caps = [t for t in toks if t.text[:1].isupper() or t.text in ("'s", "’s", "&", "of")]
        while caps and caps[-1].text in ("'s", "’s", "of", "&"):
            caps = caps[:-1]
        return _clean_name(caps) or None

    def _appositive(self, head: Any, toks: list[Any]) -> tuple[str | None, str | None]:
        """ "an analyst with research firm Gartner" -> ("analyst", "Gartner")."""
        pre = [
            t
            for t in toks
            if t.i < head.i and t.lower_ not in _DETERMINERS and t.dep_ in ("amod", "compound")
        ]
        role_words = [t.text for t in pre if t.is_lower or _is_role_token(t)] + [head.text]
        org: str | None = None
        possessor = next((t for t in toks if t.i < head.i and t.dep_ == "poss"), None)
        caps_pre = [t for t in pre if not t.is_lower and not _is_role_token(t)]
        if caps_pre:
            org = _clean_name(caps_pre)
        elif possessor is not None:
            org = self._possessor(possessor)
        after = [t for t in toks if t.i > head.i and t.dep_ != "punct"]
        for i, tok in enumerate(after):
            if tok.lower_ in ROLE_TAIL_PREPS:
                caps = [t for t in after[i + 1 :] if t.pos_ == "PROPN" or t.ent_type_ == "ORG"]
                if caps:
                    org = _clean_name(contiguous(caps, caps[-1]))
                    break
                role_words.append(tok.text)
            elif tok.pos_ == "PROPN":
                break
            else:
                role_words.append(tok.text)
        return " ".join(role_words), org

    def _possessor(self, tok: Any) -> str | None:
        """ "the company's" -> the organisation it stands for."""
        if tok.lower_ in ("its", "their"):
            return self.latest_organisation(tok.idx)
        if tok.pos_ == "PROPN":
            return _clean_name(contiguous([t for t in tok.subtree if t.pos_ == "PROPN"], tok))
        if tok.lower_ in _ORG_NOUNS or tok.lemma_ in _ORG_NOUNS:
            if tok.lower_ == "group":
                found = _antecedent_noun(self.doc, tok)
                if found:
                    return found
            return self.organisation_before(tok.idx)
        return None


def _phrase_tokens(head: Any) -> list[Any]:
    """A noun phrase around `head` without clauses hanging off it."""
    drop = {
        t.i
        for c in head.children
        if c.dep_ in ("relcl", "acl", "punct", "prep", "cc", "conj")
        for t in c.subtree
    }
    appos = [c for c in head.children if c.dep_ == "appos"]
    keep = {t.i for a in appos for t in a.subtree}
    return [t for t in head.subtree if t.i not in drop or t.i in keep]


def _antecedent_noun(doc: Any, tok: Any) -> str | None:
    """The last earlier noun phrase with the same head noun ("the group" -> "consumer business group")."""
    for cand in reversed(doc[: tok.i]):
        if cand.lemma_ == tok.lemma_ and cand.pos_ == "NOUN":
            mods = [t for t in cand.lefts if t.dep_ in ("compound", "amod", "poss", "case")]
            if mods:
                return doc[mods[0].i : cand.i + 1].text
    return None


def contiguous(toks: list[Any], anchor: Any) -> list[Any]:
    """The run of `toks` with consecutive indices that contains `anchor`."""
    ids = {t.i for t in toks}
    lo = hi = anchor.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in toks if lo <= t.i <= hi] or [anchor]


def _fuller(old: str | None, new: str | None) -> str | None:
    """Keep the more specific of two descriptions ("Huawei" < "Huawei's consumer business group")."""
    if not old or (new and old.lower() in new.lower()):
        return new or old
    return old


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= FUZZY_RATIO


def _token_match(word: str, tokens: list[str]) -> bool:
    """A single name word matches a full name's token exactly or by spelling."""
    w = word.lower()
    for tok in tokens:
        t = tok.lower()
        if w == t or (len(w) >= 4 and len(t) >= 4 and _similar(w, t)):
            return True
    return False
