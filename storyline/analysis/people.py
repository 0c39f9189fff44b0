"""The per-document index of people and organisations every analysis stage reads.

Which person a name, a surname, "he" or "the company's president" refers to,
and which role and organisation that person holds, is decided here once per
document: quotes (through speakers.py), figures (claimants and subjects) and
the stored entity mentions all read the same `PeopleIndex`, so a speaker, a
claimant and an entity cannot disagree about who someone is. Built from the
entity component's mentions and the parse (`PeopleIndexer`, component
"people"); names are matched with the one matcher in matching.py and roles
read with the one word-list in roles.py.

A family shares a surname, so a bare or titled surname is resolved with what
the text tells about each person (`person_traits`): "Mrs. Vance" is a woman
who is not a child, "her mother, Elise Vance" a woman, "Nora Vance, 9," a
child; a bare surname goes to the one adult of that name named just before it
(within `_NEAR` characters), and stays unresolved when two fit: it is never
merged blindly into the first Vance of the article. "She" and "he" skip people
of the other sex; a given name tells a person's likely sex when the text does not
(`given_name_gender`, from the gender-guesser name lists), so "Mr. Wilson" is never
"Jane Wilson" and "he" never "Mrs McConville".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..marks import CLOSE_CURLY, DOUBLED_APOSTROPHE, OPEN_CURLY, STRAIGHT
from ..model import Analysis, EntityMention, Span
from .entities import person_traits, unit_scope
from .entity_rules import ANAPHORIC_OWNERS, GENERIC_ORG_HEADS, ORG_PREPOSITIONS
from .matching import (
    is_titled,
    resolve_short_name,
    similar,
    split_title,
    titled_name,
    word_in_name,
)
from .names import generic_org, given_name_lists, is_place_name, leading_org
from .nlp import doc_text
from .registry import register
from .roles import (
    COURTESY_GENDER,
    KIN_NOUNS,
    NAME_PARTICLES,
    NAME_TITLES,
    ROLE_TAIL_PREPS,
    ROLE_WORDS,
    UNIT_NOUNS,
)

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
# Appositive nouns that say who someone is to the writer, not what post they hold
# ("Tom - the one she fell for", "a man who ...").
_NOT_ROLES = frozenset({"one", "man", "woman", "person", "guy", "girl", "boy", "thing", "kind"})
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


# Punctuation that ends a name's phrase: what follows is not its apposition.
_NOT_APPOSITION = frozenset({":", STRAIGHT, OPEN_CURLY, CLOSE_CURLY, DOUBLED_APOSTROPHE})

# A bare surname shared by several people goes to the one named within this many
# characters before it (the sentence before); further back it is ambiguous.
_NEAR = 400


@dataclass(slots=True)
class _Person:
    name: str
    start: int  # first mention
    role: str | None = None
    organisation: str | None = None
    gender: str | None = None  # "f" / "m" when the text tells (Mrs, "her mother, ...")
    minor: bool = False  # a child ("Nora Vance, 9,"): never "Mr"/"Mrs" anyone


def given_name_gender(name: str) -> str | None:
    """ "m" / "f" when a full name's first word is a given name mostly borne by one sex
    (US usage first, then the lists' world-wide answer); None for an ambiguous or
    unknown name, a titled surname or a single word, and always None without the
    optional `names` extra."""
    words = name.split()
    if len(words) < 2 or is_titled(name) or not words[0].isalpha():
        return None
    detector = given_name_lists()
    if detector is None:
        return None
    found = detector.get_gender(words[0], "usa")
    if found == "unknown":
        found = detector.get_gender(words[0])
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(found)


def _mention_name(mention: EntityMention, doc: Any) -> str:
    """A mention's full name, except that a courtesy-titled surname never becomes a
    full name of the other sex ("Mr. Wilson" is not "Jane Wilson"): it stays titled."""
    name = mention.canonical or mention.text
    words = mention.text.split()
    if len(words) != 1 or name == mention.text:
        return name
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return name
    title = doc[span.start - 1].lower_
    sex = COURTESY_GENDER.get(title)
    if sex is not None and given_name_gender(name) not in (None, sex):
        return titled_name(doc[span.start - 1].text, words[0])
    return name


def _is_role_token(tok: Any) -> bool:
    # "Former AG Mukasey": "former" starts a title, never a name
    return tok.lower_ in ROLE_WORDS or tok.lower_ in NAME_TITLES or tok.lower_ == "former"


def _org_clean(name: str | None) -> str | None:
    """ "the National Marine Regulator" -> "National Marine Regulator"; "Veltrix Energy's" -> "Veltrix Energy"."""
    if not name:
        return None
    name = re.sub(r"^(?:the|The|its|Its)\s+", "", name.strip())
    name = re.sub(r"\s*(?:'s|\u2019s|\bs)$", "", name).strip()
    return name or None


def _is_name_token(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not _is_role_token(tok)


def _leading_gerund(tok: Any) -> bool:
    """ "Bashing Trump may be job one": a sentence's first word, a verb's -ing form the
    tagger ran into the name after it, and no given name ("Sterling", "Irving" are)."""
    return (
        tok.i == tok.sent.start
        and tok.lower_.endswith("ing")
        and len(tok) > 5
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].pos_ == "PROPN"
        and given_name_gender(f"{tok.text} {tok.doc[tok.i + 1].text}") is None
    )


def _clean_name(tokens: list[Any]) -> str:
    return _words([t for t in tokens if t.text not in {"'s", "’s"}])


def _words(tokens: list[Any]) -> str:
    """Tokens as the text writes them: words apart, but a word and the punctuation it
    touches together ("Star Trek: The Next Generation", "Coca-Cola")."""
    out = ""
    for k, t in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        if prev is not None and not (prev.i == t.i - 1 and not prev.whitespace_):
            out += " "
        out += t.text
    return out.strip()


class PeopleIndex:
    """One document's people (name, first mention, role, organisation) and organisations."""

    def __init__(self, nlp_doc: Any, entities: list[EntityMention] | None = None) -> None:
        self.doc = nlp_doc
        self.people: list[_Person] = []
        self._mentions: list[tuple[int, str]] = []  # (char offset, full name) of person mentions
        self._orgs: list[tuple[int, str]] = []
        canon = {}
        for m in entities or []:
            if m.type == "PERSON":
                canon[(m.start, m.end)] = m
        orgs = {_org_clean(e.text) for e in nlp_doc.ents if e.label_ == "ORG"}
        body = {
            t.text for sent in nlp_doc.sents if not headline_case(sent) for t in sent if t.is_alpha
        }
        for ent in nlp_doc.ents:
            if ent.label_ == "PERSON":
                toks = [t for t in ent if _is_name_token(t)]
                if toks and headline_case(ent.sent):
                    # "Don't Let Marco Rubio Tell You": a headline's capitals run a name on
                    # into the words after it; keep what the body writes, and no name
                    # that is an organisation there ("EgyptAir Crash" -> EgyptAir)
                    while len(toks) > 1 and toks[-1].text not in body:
                        toks = toks[:-1]
                    if _clean_name(toks) in orgs:
                        continue
                # a PERSON ent may swallow a leading title ("CTO Li Sanqi") or a gerund
                while toks and (_is_role_token(toks[0]) or _leading_gerund(toks[0])):
                    toks = toks[1:]
                if toks:
                    mention = canon.get((ent.start_char, ent.end_char))
                    if len(toks) < len([t for t in ent if _is_name_token(t)]):
                        mention = None  # trimmed: the mention's name runs on too
                    name = _mention_name(mention, nlp_doc) if mention else _clean_name(toks)
                    title = nlp_doc[toks[0].i - 1] if toks[0].i > 0 else None
                    if (
                        mention is None
                        and len(toks) == 1
                        and title is not None
                        and title.lower_ in COURTESY_GENDER
                    ):
                        name = titled_name(title.text, name)
                    added = self._add_person(name, ent.start_char, mention)
                    gender, minor = person_traits(nlp_doc, toks[0].i, toks[-1].i + 1)
                    if len(added.name.split()) > 1 and not is_titled(added.name):
                        added.gender = (
                            gender or added.gender
                        )  # what the text says over the name's guess
                        added.minor = added.minor or minor
            elif ent.label_ == "ORG":
                self._add_org(ent.start_char, ent.text)
        for m in entities or []:
            if m.type == "PERSON":
                span = nlp_doc.char_span(m.start, m.end, alignment_mode="expand")
                if (
                    span is not None
                    and len(span)
                    and headline_case(span.sent)
                    and (span[-1].text not in body or span.text in orgs)
                ):
                    continue  # a headline's name run on: spaCy's entity above, trimmed
                if span is not None and len(span) > 1 and _leading_gerund(span[0]):
                    continue  # "Bashing Trump": spaCy's entity above, trimmed
                self._add_person(_mention_name(m, nlp_doc), m.start, m)
            elif m.type == "ORG":
                self._add_org(m.start, m.canonical or m.text)
        # learn roles from every mention ("we spoke with the group's CEO Richard Yu")
        for ent in nlp_doc.ents:
            if ent.label_ == "PERSON":
                head = ent.root
                names = self._name_tokens(head, _phrase_tokens(head))
                if names:
                    role, org = self._role_and_org(head, _phrase_tokens(head), names)
                    person = self.person(self.canonical(_clean_name(names), names[0].idx + 1) or "")
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
        gender, bare = split_title(name)
        if gender is not None:
            name = titled_name(name.split()[0], bare)
        full = self.canonical(name, start) or name
        person = next((p for p in self.people if p.name == full), None)
        if person is None:
            if len(full.split()) > 1 and not is_titled(full):
                # a full name upgrades surname-only people seen earlier ("He" then "David He")
                for p in self.people:
                    if len(p.name.split()) == 1 and word_in_name(p.name, full.split()):
                        p.name = full
                        p.gender = p.gender or given_name_gender(full)
                        person = p
                        break
            if person is None:
                person = _Person(
                    full, start, gender=gender if is_titled(full) else given_name_gender(full)
                )
                self.people.append(person)
        if mention is not None:
            person.role = person.role or mention.role
            person.organisation = person.organisation or mention.organisation
        self._mentions.append((start, person.name))
        return person

    def canonical(self, name: str, offset: int | None = None) -> str | None:
        """The full name of a known person that `name` (surname, misspelling) refers to.

        A surname several known people share resolves to the one mentioned
        last before `offset`; without an offset it stays unresolved.
        """
        words = name.split()
        if not words:
            return None
        gender, bare = split_title(name)
        if gender is not None:
            name = titled_name(words[0], bare)
        exact = [p.name for p in self.people if p.name.lower() == name.lower()]
        if exact:
            return exact[0]
        if gender is not None:
            return self._titled(bare, gender, offset)
        full = [p.name for p in self.people if len(p.name.split()) > 1]
        if len(words) == 1:
            recent = [
                n for s, n in sorted(self._mentions, reverse=True) if offset is None or s < offset
            ]
            if offset is None:
                recent = []
            hits = [n for n in full if word_in_name(name, n.split())]
            grown = [n for n in hits if not (self.person(n) or _Person(n, 0)).minor]
            hits = grown or hits  # a bare surname is an adult's; children go by first name
            if len(hits) == 1:
                return hits[0]
            # several people of that name: the only one of them named just before, else nobody
            near = {n for s, n in self._mentions if offset is not None and 0 <= offset - s <= _NEAR}
            if len(set(hits) & near) > 1 and offset is not None:
                # "Tom Pell said A. 'B,' Pell said": the one who spoke in the sentence before
                speaking = self._previous_subjects(offset) & set(hits)
                if len(speaking) == 1:
                    return speaking.pop()
            if len(set(hits) & near) != 1:
                return None
            return resolve_short_name(name, hits, recent)
        hits = [
            n
            for n in full
            if set(words) <= set(n.split())
            or (similar(name, n) >= 0.8 and not _given_names_differ(words, n.split()))
        ]
        return hits[0] if hits else None

    def _titled(self, surname: str, gender: str, offset: int | None) -> str | None:
        """The full name "Mr./Mrs. <surname>" stands for: the one person of that surname
        whose sex and age fit (the latest mentioned when several do), else None."""
        fits = [
            p.name
            for p in self.people
            if len(p.name.split()) > 1
            and not is_titled(p.name)
            and p.name.split()[-1] == surname
            and not p.minor
            and p.gender in (None, gender)
        ]
        if len(fits) <= 1:
            return fits[0] if fits else None
        known = [n for n in fits if (self.person(n) or _Person(n, 0)).gender == gender]
        if len(known) == 1:
            return known[0]
        recent = [
            n for s, n in sorted(self._mentions, reverse=True) if offset is None or s < offset
        ]
        return next((n for n in recent if n in fits), None) if offset is not None else None

    def person_before(self, offset: int, skip: Sequence[Span] = ()) -> _Person | None:
        """The person a "he"/"she" at `offset` refers to: the latest person named before
        it in its own sentence, else the subject of the last earlier sentence that names
        someone ("Ana Ruiz thanked Tom Reyes. '...,' she said" is Ana Ruiz), else the
        latest named there. A "she" never goes to a man the text calls "Mr" or "his
        father", nor a "he" to a woman."""
        wanted = self._pronoun_gender(offset)
        here = self._token_at(offset)
        fits = []
        for start, name in sorted(self._mentions):
            person = self.person(name)
            if start >= offset or person is None:
                continue
            if any(sp.start <= start < sp.end for sp in skip):
                continue  # named inside the quote: whom the speaker talks about
            if _modifies_noun(self._token_at(start)):
                continue  # "Trump aides", "a Trump supporter": not who "he" is
            if wanted and person.gender not in (None, wanted):
                continue
            fits.append((start, person))
        if not fits:
            return None
        last_start, last = fits[-1]
        tok = self._token_at(last_start)
        if here is None or tok is None or tok.sent.start == here.sent.start:
            return last
        chained = self._pronoun_subject_before(offset, fits, wanted, skip)
        if chained is not None:
            # "Ann Roe spoke. She disclosed that Tom Ray called her. '...,' she said": the
            # main-clause "she" of the sentence before, no name there its subject, is
            # the one this "she" continues
            return chained
        sent = tok.sent  # the last earlier sentence naming someone: its subject first
        named = [(s, p) for s, p in fits if sent.start_char <= s < sent.end_char]
        subjects = [(s, p) for s, p in named if _is_subject(self._token_at(s))]
        # the main clause's subject over one inside what was said ("Ann Roe said Tom Ray
        # had left. He said ..." is Ann Roe)
        main = [p for s, p in subjects if _is_main_subject(self._token_at(s))]
        return main[0] if main else subjects[-1][1] if subjects else last

    def _pronoun_subject_before(
        self,
        offset: int,
        fits: list[tuple[int, _Person]],
        wanted: str | None,
        skip: Sequence[Span],
        depth: int = 0,
    ) -> _Person | None:
        """The person a main-clause "he"/"she" of the same sex stands for (resolved the
        same way), when it is the subject of the sentence before the quotation tagged at
        `offset` (or before `offset`'s sentence) and no fitting name there is."""
        here = self._token_at(offset)
        if wanted is None or here is None or depth > 3:
            return None
        # before the quotation this "she" tags, which the parser may cut into sentences
        text = doc_text(here.doc)
        start = min(
            [here.sent.start_char]
            + [
                sp.start
                for sp in skip
                if sp.start < here.sent.start_char
                and sp.end < offset
                and not any(c.isalnum() for c in text[sp.end : here.sent.start_char])
            ]
            + [sp.start for sp in skip if here.sent.start_char <= sp.start < offset]
        )
        here = self._token_at(start)
        if here is None or here.sent.start == 0:
            return None
        prev = self.doc[here.sent.start - 1].sent
        if any(
            prev.start_char <= s < prev.end_char and _is_main_subject(self._token_at(s))
            for s, _ in fits
        ):
            return None
        subj = next(
            (
                t
                for t in prev
                if t.lower_ in ("he", "she")
                and _is_main_subject(t)
                and not any(sp.start <= t.idx < sp.end for sp in skip)
            ),
            None,
        )
        if subj is None or self._pronoun_gender(subj.idx) != wanted:
            return None
        return self.person_before(subj.idx, skip)

    def _previous_subjects(self, offset: int) -> set[str]:
        """People who are the main-clause subject of the sentence before `offset`'s."""
        here = self._token_at(offset)
        if here is None or here.sent.start == 0:
            return set()
        prev = self.doc[here.sent.start - 1].sent
        found = set()
        for s, n in self._mentions:
            tok = self._token_at(s)
            if prev.start_char <= s < prev.end_char and _is_main_subject(tok):
                head = tok
                while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                    head = head.head
                if any(t.dep_ == "conj" and t.ent_type_ == "PERSON" for t in head.subtree):
                    return set()  # "Elise Vance and Tom Vance spoke": either may speak next
                found.add(n)
        return found

    def note_speaker(self, offset: int, name: str) -> None:
        """Record that `name` speaks at `offset` (a resolved "he"): a later "he" in the
        next sentence continues the same speaker ("X said A. He added B. He said C.")."""
        if self.person(name) is not None:
            self._mentions.append((offset, name))

    def _token_at(self, offset: int) -> Any:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _pronoun_gender(self, offset: int) -> str | None:
        span = self.doc.char_span(offset, offset + 5, alignment_mode="expand")
        low = span[0].lower_ if span is not None and len(span) else ""
        return {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(low)

    def person(self, name: str) -> _Person | None:
        """The known person with exactly this (full) name."""
        return next((p for p in self.people if p.name == name), None)

    def learn_role(self, name: str, role: str | None, organisation: str | None) -> None:
        """A title stated for `name` elsewhere (the quotes stage's attribution, "president
        of marketing for its enterprise group" resolved to "..., enterprise group" of
        Huawei): kept where it says more of the same role, so `write_back_roles` gives
        every stage the same one."""
        person = self.person(name)
        if person is not None and says_more(role, person.role):
            person.role, person.organisation = role, organisation or person.organisation

    def person_with_role(
        self, role: str, offset: int, organisation: str | None = None
    ) -> _Person | None:
        """The person named before `offset` whose role has the same head word ("the
        medical examiner" -> the "Chief Medical Examiner"), of `organisation` when given;
        the latest named when several fit."""
        head = role_head(role)
        found = [
            p
            for p in self.people
            if p.role
            and p.start < offset
            and (role_head(p.role) == head or p.role.split()[0].lower() == head)
            and (
                organisation is None
                or (p.organisation is not None and _same_org(p.organisation, organisation))
            )
        ]
        return found[-1] if found else None

    def _org_names_before(self, offset: int) -> list[str]:
        """Organisations named before `offset`, less any that is a known person's name (a
        name the tagger took for an organisation: "Its chief, Rosa Lind")."""
        people = {p.name for p in self.people}
        return [n for s, n in self._orgs if s < offset and n not in people]

    def organisation_before(self, offset: int) -> str | None:
        names = [n for n in self._org_names_before(offset) if len(n.replace(" ", "")) > 2]
        if not names:
            return None
        # the organisation the story is about: the most mentioned, then the latest
        return max(reversed(names), key=names.count)

    def latest_organisation(self, offset: int) -> str | None:
        """The organisation mentioned last before `offset` (for "its")."""
        names = self._org_names_before(offset)
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
        if low in ("party", "union", "council", "committee", "association") and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts
        ):
            return None  # "the Green Unity party": a name, not "the party" named earlier
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

    def _name_tokens(self, head: Any, phrase: list[Any]) -> list[Any]:
        """The name inside a source phrase: the capitalised run ending at the head."""
        if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":
            return []
        if head.lower_ in ROLE_WORDS and head.ent_type_ != "PERSON":
            return []  # "Chief Talent Officer": a capitalised title, not a name
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
            elif (
                tok.i == run[0].i - 1
                and tok.lower_ in NAME_PARTICLES
                and tok.i > 0
                and _is_name_token(head.doc[tok.i - 1])
            ):
                run.insert(0, tok)  # "Michery el Soheil", "Correio de Manha"
            else:
                break
        # titles and units belong to the role: keep what follows the last title word
        while run and _is_role_token(run[0]):
            run = run[1:]
        if run and run[0].lower_ in COURTESY_GENDER:
            run = run[1:]
        if len(run) == 1 and run[0].i > 0 and head.doc[run[0].i - 1].lower_ in COURTESY_GENDER:
            run.insert(0, head.doc[run[0].i - 1])  # "Mr. Vance": the title tells which Vance
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
            if role_part and tok.i != role_part[0].i - 1:
                break  # "Speaking at the inquest, Detective ...": a comma ends the title
            # a lower-case word before a capitalised title is the sentence's, not the
            # title's ("a recommendation Attorney General X adopted")
            plain = bool(role_part) and tok.is_lower and not role_part[0].text[:1].isupper()
            if _is_role_token(tok) or (plain and tok.pos_ in ("ADJ", "NOUN")):
                role_part.insert(0, tok)
            else:
                break
        while len(role_part) > 1 and role_part[-1].lower_.rstrip(".") in _HONORIFICS:
            role_part.pop()
        if role_part:
            role = " ".join(t.text for t in role_part)
            rest: list[Any] = []
            for tok in reversed([t for t in before if t.i < role_part[0].i]):
                if tok.i != (rest[0].i if rest else role_part[0].i) - 1 or tok.pos_ == "VERB":
                    break  # only the words right before the title name its organisation
                rest.insert(0, tok)
            org = self._org_text([t for t in rest if t.lower_ not in _DETERMINERS])
        elif name_toks:
            org = _employer(before, name_toks[0])
        appos = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos"
                and c.pos_ in ("NOUN", "PROPN")
                # 'Keilar: "Polls."' is what she said, not her title
                and not any(t.text in _NOT_APPOSITION for t in head.doc[head.i + 1 : c.i])
            ),
            None,
        )
        if not name_toks:
            appos = head  # "the company's president of marketing": the head is the role
        if (
            appos is not None
            and (
                appos.lower_ in ROLE_WORDS
                or appos is head
                or (appos.pos_ == "NOUN" and appos.lower_ not in _NOT_ROLES)
            )
            and not _shared_relation(appos)
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
        return _scoped(role, org)

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
            if t.i < head.i
            and t.lower_ not in _DETERMINERS
            and t.dep_ in ("amod", "compound")
            and not _is_age(t)
        ]
        role_words = [t.text for t in pre if t.is_lower or _is_role_token(t)] + [head.text]
        org: str | None = None
        possessor = next((t for t in toks if t.i < head.i and t.dep_ == "poss"), None)
        caps_pre = [
            t for t in pre if not t.is_lower and not _is_role_token(t) and t.ent_type_ != "PERSON"
        ]
        if caps_pre:
            org = _org_clean(_clean_name(_whole_entity(caps_pre)))
        elif possessor is not None:
            org = self._possessor(possessor)
        after = [t for t in toks if t.i > head.i and t.dep_ != "punct"]
        clause = {t.i for c in head.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
        tail: list[Any] = []  # words after the head that belong to the role
        for i, tok in enumerate(after):
            if tok.i in clause or tok.tag_ in _WH_TAGS or tok.pos_ in ("VERB", "AUX"):
                break  # "counsel who pursued ...", "lawyer leading ...": the title is the noun
            if tok.lower_ in ROLE_TAIL_PREPS:
                caps = _affiliation(after[i + 1 :])
                if caps:
                    org = _org_clean(_clean_name(caps))
                    scope = unit_scope(head.doc, caps[-1].i + 1)
                    if scope is not None:
                        # "CEO of Huawei's consumer business group": the unit's title
                        unit = head.doc[caps[-1].i + 2 : scope].text
                        role_words += [*(t.text for t in tail), tok.text, unit]
                        tail = []
                    break
                tail.append(tok)
            elif tok.pos_ == "PROPN" and _is_role_token(tok) and tail and tail[-1].pos_ == "CCONJ":
                tail.append(tok)  # "president and CEO of ...": the title goes on
            elif tok.pos_ == "PROPN":
                # "lawmaker from Texas", "contestant on The Apprentice": a phrase the name
                # ends is completed by it; an organisation there is the affiliation
                dangling = _dangling(tail)
                caps = _affiliation(after[i:]) if dangling else []
                owned = _possessed(after, caps)
                if owned is not None:
                    caps = owned  # "from Germany's Green Party": the party, not the country
                by_org = bool(dangling) and tail[dangling[0]].lower_ in ORG_PREPOSITIONS
                if caps and _names_org(caps) and by_org:
                    org = org or _org_clean(_clean_name(caps))
                elif owned is None and _ends_phrase(caps, tok):
                    tail += caps  # never "contestant on Trump" of "on Trump's TV show"
                break
            else:
                tail.append(tok)
        cut = _dangling(tail)
        if tail[: cut[0]] if cut else tail:
            role_words.append(_words(tail[: cut[0]] if cut else tail))
        if org is None:
            org = self._described_org(role_words, head.idx)
        return " ".join(role_words), org

    def _described_org(self, role_words: list[str], offset: int) -> str | None:
        """ "leader of the rescue team" after "the Ogwen Valley Rescue Team" was named: that
        organisation, when exactly one named before ends with the described words."""
        low = " ".join(role_words).lower().split()
        if "of" not in low:
            return None
        tail = low[low.index("of") + 1 :]
        while tail and tail[0] in _DETERMINERS:
            tail = tail[1:]
        if not tail or tail[-1] not in UNIT_NOUNS | _ORG_NOUNS | GENERIC_ORG_HEADS:
            return None
        words = " ".join(tail)
        hits = {
            n
            for s, n in self._orgs
            if s < offset and n.casefold().endswith(words) and len(n.split()) > len(tail)
        }
        return hits.pop() if len(hits) == 1 else None

    def _possessor(self, tok: Any) -> str | None:
        """ "the company's" -> the organisation it stands for."""
        if tok.lower_ in ("its", "their"):
            return self.latest_organisation(tok.idx)
        if tok.pos_ == "PROPN":
            if tok.ent_type_ == "PERSON":
                return None  # "Donald Trump's lawyer": a person's, not an organisation's
            return _clean_name(contiguous([t for t in tok.subtree if t.pos_ == "PROPN"], tok))
        if tok.lower_ in _ORG_NOUNS or tok.lemma_ in _ORG_NOUNS:
            if tok.lower_ == "group":
                found = _antecedent_noun(self.doc, tok)
                if found:
                    return found
            return self.organisation_before(tok.idx)
        return None


_ROLE_WORDS_MAX = 8
# A role's words never run into a clause ("the counsel who pursued ...", "the lawyer leading
# ..."): its title is the noun phrase before it.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# Words that cannot end a role ("lawmaker from", "contestant on the").
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "ADV"})
_NAME_TAIL_MAX = 4  # a name completing a role's phrase: at most this many words


def _given_names_differ(a: list[str], b: list[str]) -> bool:
    """ "Hillary Clinton" / "Bill Clinton": two full names whose given names the name lists
    give opposite sexes are two people, however alike the whole strings are (a family
    shares a surname); "Mike"/"Michael", "Bernie"/"Bernard" may be one person."""
    x, y = given_name_gender(" ".join(a)), given_name_gender(" ".join(b))
    return x is not None and y is not None and x != y


def _shared_relation(tok: Any) -> bool:
    """ "A and B, the parents of two Americans": a plural family word describes the
    pair, and is neither one's post (nor are "two Americans" an organisation)."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in KIN_NOUNS


def _dangling(tail: list[Any]) -> list[int]:
    """Positions in `tail` from the first of its trailing function words ("from", "on the")
    to its end; empty where the tail ends in a content word."""
    k = len(tail)
    while k > 0 and (tail[k - 1].pos_ in _FUNCTION_POS or tail[k - 1].is_punct):
        k -= 1
    return list(range(k, len(tail)))


def _is_age(tok: Any) -> bool:
    """ "old" of "a 20-year-old bartender": the person's age, not part of the title."""
    return tok.lower_ == "old" and any(
        c.lower_ in ("year", "years", "month", "months", "week", "weeks") for c in tok.children
    )


def _is_possessive(tok: Any) -> bool:
    return tok.text in ("'s", "\u2019s")


def _ends_phrase(caps: list[Any], first: Any) -> bool:
    """Whether a short name starting at `first` ends a role's phrase (not a possessor)."""
    if not caps or caps[0].i != first.i:
        return False
    if len(caps) > _NAME_TAIL_MAX and not _one_entity(caps):
        return False
    doc = first.doc
    return caps[-1].i + 1 >= len(doc) or not _is_possessive(doc[caps[-1].i + 1])


def _possessed(after: list[Any], caps: list[Any]) -> list[Any] | None:
    """The capitalised run a name's possessive owns ("Germany's Green Party" -> "Green
    Party"); None where the name is no possessor or owns no name."""
    if not caps:
        return None
    rest = [t for t in after if t.i > caps[-1].i]
    if not rest or not _is_possessive(rest[0]) or rest[0].i != caps[-1].i + 1:
        return None
    owned = _affiliation(rest[1:])
    return owned if owned and owned[0].i == rest[0].i + 1 else None


def _names_org(toks: list[Any]) -> bool:
    """Whether a capitalised run names an organisation (not a place, person or work)."""
    return any(t.ent_type_ == "ORG" for t in toks)


_UNIT_OF_ORG = re.compile(
    r"^(?P<org>.+?)\s*['\u2019]s\s+(?P<unit>(?:[a-z-]+\s+){0,3}(?P<head>[a-z]+))$"
)


def _scoped(role: str | None, org: str | None) -> tuple[str | None, str | None]:
    """ "CEO" of "Huawei's consumer business group" -> ("CEO, consumer business group",
    "Huawei"): a title scoped to a part of an organisation keeps the part in the role
    and names the organisation itself, never promoting the title to the whole company.
    A description longer than `_ROLE_WORDS_MAX` words is no title ("the wife of a man
    whose ...")."""
    if role and len(role.split()) > _ROLE_WORDS_MAX:
        return None, None
    m = _UNIT_OF_ORG.match(org or "")
    if not role or m is None or m.group("head") not in UNIT_NOUNS:
        return role, org
    unit = m.group("unit")
    return (role if unit in role else f"{role}, {unit}"), m.group("org")


def role_head(role: str | None) -> str:
    """The word a title is about: "Chief Medical Examiner" -> "examiner", "president of
    marketing, enterprise group" -> "president"."""
    words = re.split(r"\s+(?:of|for|at|with|in)\s+|,", (role or "").lower())[0].split()
    while len(words) > 1 and words[-1].rstrip(".") in _HONORIFICS:
        words.pop()  # "Medical Examiner Dr.": the examiner
    return words[-1] if words else ""


# Titles of address written between a post and a name ("Chief Medical Examiner Dr. Ana
# Ruiz"): part of how the person is addressed, not of the post.
_HONORIFICS = frozenset({"dr", "prof", "professor", "sir", "dame"})


def _same_org(a: str, b: str) -> bool:
    x, y = _org_clean(a) or a, _org_clean(b) or b
    return x.casefold() in y.casefold() or y.casefold() in x.casefold()


def _employer(before: list[Any], first: Any) -> str | None:
    """ "KIRO Radio's Mike Lewis": an organisation's possessive right before a name is the
    person's employer (never a person's: "Ann Roe's Tom Ray" says nothing of an employer)."""
    if len(before) < 2 or before[-1].i != first.i - 1 or before[-1].text not in ("'s", "\u2019s"):
        return None
    run: list[Any] = []
    for tok in reversed(before[:-1]):
        if tok.i != (run[0].i if run else before[-1].i) - 1 or not tok.text[:1].isupper():
            break
        run.insert(0, tok)
    if not run or any(t.ent_type_ == "PERSON" for t in run):
        return None
    return _org_clean(_clean_name(run))


def _is_main_subject(tok: Any) -> bool:
    """Whether the name at `tok` is the subject of its sentence's main verb."""
    if tok is None:
        return False
    while (
        tok.dep_ in ("compound", "flat", "nmod")
        and tok.head is not tok
        and tok.head.i > tok.i
        and tok.head.pos_ == "PROPN"
    ):
        tok = tok.head  # "Gerry" -> "Adams"; never "Sinn Féin" -> "leader": a modifier
    return tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT"


def _is_subject(tok: Any) -> bool:
    """Whether the name starting at `tok` is the subject of its clause."""
    if tok is None:
        return False
    while tok.dep_ in ("compound", "flat", "nmod") and tok.head is not tok and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj"  # a passive subject ("was thanked by X") is not who acts


def _affiliation(toks: list[Any]) -> list[Any]:
    """The organisation a role's tail names: the first capitalised run, joined across
    "of"/"for"/"&" ("University of Michigan"), never the place after it ("in Ann Arbor")."""
    run: list[Any] = []
    for k, t in enumerate(toks):
        # a lower-case word the tagger calls a proper noun ("longtime") names nothing
        named = (t.pos_ == "PROPN" and t.text[:1].isupper()) or t.ent_type_ == "ORG"
        if (named and (not run or t.i == run[-1].i + 1)) or (
            run
            and t.lower_ in ("of", "for", "&", "and")
            and k + 1 < len(toks)
            and toks[k + 1].pos_ == "PROPN"
            and toks[k + 1].text[:1].isupper()
            and t.i == run[-1].i + 1
        ):
            run.append(t)
        elif run or t.pos_ == "ADP" or not t.is_lower:
            break  # "research firm Gartner": lower-case words before the name are skipped
    while run and run[-1].lower_ in ("of", "for", "&", "and"):
        run.pop()
    return _whole_entity(run, left=False)


def _whole_entity(toks: list[Any], *, left: bool = True) -> list[Any]:
    """The tokens carried out to the edges of the one named entity they lie in: "South"
    of "University of South Florida" is that university, and "Star Trek" runs on to
    "Star Trek: The Next Generation" (a colon or an "of" inside a name does not end it).
    Unchanged where they lie in no entity or in several; with `left` false only the end
    is carried (the start is where the caller's phrase begins)."""
    if not toks or not all(t.ent_type_ for t in toks):
        return toks
    doc = toks[0].doc
    start, end = toks[0].i, toks[-1].i + 1
    while left and start > 0 and doc[start].ent_iob_ == "I" and not _is_role_token(doc[start - 1]):
        start -= 1
    while (
        end < len(doc)
        and doc[end].ent_iob_ == "I"
        and not (_is_possessive(doc[end]) or doc[end].tag_ == "POS" or _is_role_token(doc[end]))
    ):
        end += 1  # never past a possessive ("Mark Dunn's show", "United Airlines' chief")
        # nor into a title the tagger took into the name ("Goldman Sachs Senior Analyst")
    if any(doc[k].ent_iob_ == "B" for k in range(start + 1, end)):
        return toks  # more than one entity
    return list(doc[start:end])


def _one_entity(toks: list[Any]) -> bool:
    """Whether the tokens are exactly one named entity."""
    doc = toks[0].doc
    return (
        toks[0].ent_iob_ == "B"
        and all(t.ent_iob_ == "I" for t in toks[1:])
        and (toks[-1].i + 1 >= len(doc) or doc[toks[-1].i + 1].ent_iob_ != "I")
    )


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
        if (cand.lemma_ == tok.lemma_ or cand.lower_ == tok.lower_) and cand.pos_ in (
            "NOUN",
            "PROPN",  # "China's foreign ministry", tagged as a name
        ):
            mods = [t for t in cand.lefts if t.dep_ in ("compound", "amod", "poss", "case")]
            if mods:
                return doc[mods[0].i : cand.i + 1].text
    return None


def headline_case(sent: Any) -> bool:
    """Whether a sentence is written in headline capitals ("Hillary Clinton Says EgyptAir
    Crash Seems Like ..."): a title, a related-links line, not running text."""
    # the words outside names and quotations: running text writes most in lower case
    words, quoted = [], False
    for t in sent:
        if t.text in (STRAIGHT, OPEN_CURLY, CLOSE_CURLY, DOUBLED_APOSTROPHE, "``"):
            quoted = t.text not in (CLOSE_CURLY, DOUBLED_APOSTROPHE) and not quoted
            continue
        if not quoted and t.is_alpha and len(t) > 2 and not t.ent_type_ and t.i > sent.start:
            words.append(t)
    if len(words) < 3:
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _modifies_noun(tok: Any) -> bool:
    """Whether a name is only a modifier of a common noun ("Trump aides", "a Trump
    supporter"), not a mention of the person as a participant."""
    if tok is None:
        return False
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN"


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


@register
class PeopleIndexer:
    """Analysis component: builds `analysis.people` (the PeopleIndex) for the later stages."""

    name = "people"
    version = "9"  # 9: a sentence-initial gerund is no given name ("Bashing Trump"); 3: fuller roles written back; 4: given-name sex, main-clause subjects; 5: headline names, particles; 6: roles end at their noun phrase; 7: no garbled roles (case break, shared relations); 8: two full names of opposite sexes stay two people, a "she" continues the one of the sentence before
    requires: tuple[str, ...] = ("nlp", "entities")
    provides: tuple[str, ...] = ("people",)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.nlp is not None:
            analysis.people = index = PeopleIndex(analysis.nlp, analysis.entities)
            write_back_roles(index, analysis.entities)
        return analysis


_UNRESOLVED_OWNER = re.compile(r"\b(?:its|their)\b")


def says_more(new: str | None, old: str | None) -> bool:
    """Whether role `new` replaces `old` for one person: where there was none, where it
    holds the old one ("CEO" -> "CEO, consumer business group"), or where it is the same
    title with its owner resolved ("... for its enterprise group" -> "..., enterprise
    group"). A different title is another role, not a better one."""
    if not new or new == old:
        return False
    return (
        old is None
        or old.lower() in new.lower()
        or (role_head(old) == role_head(new) and _UNRESOLVED_OWNER.search(old) is not None)
    )


def write_back_roles(index: PeopleIndex, mentions: list[EntityMention]) -> None:
    """One role per person, the one place roles go back to the entity mentions: a
    mention takes the index's role where the index knows more of the same role ("CEO"
    -> "CEO, consumer business group"; "president of marketing for its enterprise
    group" -> "president of marketing, enterprise group", as the quotes stage resolved
    it), so the entity list, the key players and the quotes name a person alike. A
    different role the mention states is kept (a person may hold two). Run when the
    index is built and again by any stage that teaches it a role (quotes)."""
    for mention in mentions:
        if mention.type != "PERSON":
            continue
        name = mention.canonical or mention.text
        person = index.person(index.canonical(name, mention.start) or name)
        if person is not None and says_more(person.role, mention.role):
            mention.role = person.role
            mention.organisation = person.organisation or mention.organisation
