"""Who a source phrase names: a person with role and organisation, a group, or an organisation.

An attribution's source is often not a name: "he", "Sanqui" (a misspelling),
"the company's president", "analysts at Fenwick", "the company" or "the
Association" (the organisation named in full earlier), "a spokesperson for the
Regulator" (the organisation, through a nameless voice), "her mother, Dana"
(Dana, with the family's surname), "an insider" or "the autopsy report" (a
nameless source or a document, shown as the text describes it), "the newspaper"
(the publication last credited). `SpeakerResolver`
reads one document's people (spaCy PERSON entities, and `EntityMention`s from
the entity component when present) and resolves a source phrase to the person
it refers to, never inventing a name: when nothing fits, the speaker stays None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..model import EntityMention, Span
from .cues import (
    BELIEF_VERBS,
    FIRST_PERSON,
    GROUP_NOUNS,
    HEARING_BODIES,
    PERSONAL_PRONOUNS,
    SPEECH_VERBS,
)
from .descriptions import PERSON_NOUNS
from .entity_rules import ANAPHORIC_OWNERS, GENERIC_ORG_HEADS
from .matching import is_titled
from .names import is_place_name
from .people import (
    _DETERMINERS,
    _NOT_ROLES,
    _ORG_NOUNS,
    PeopleIndex,
    _antecedent_noun,
    _clean_name,
    _employer,
    _is_role_token,
    _org_clean,
    _words,
    contiguous,
    given_name_gender,
    role_head,
)
from .roles import KIN_NOUNS, NAME_PARTICLES, ROLE_TAIL_PREPS, ROLE_WORDS, SPOUSE_NOUNS, UNIT_NOUNS
from .units import PEOPLE_NOUNS

# Endings of plural nouns for people ("researchers", "scientists", "Americans",
# "residents"); other plurals ("dogs", "dinosaurs", "results") cannot speak.
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ans", "ents", "ants", "ees", "ives", "ics")


def _can_speak(head: Any) -> bool:
    """A plural speaker must be people or organisations, never animals or things."""
    low, lemma = head.lower_, head.lemma_.lower()
    if head.ent_type_ in ("NORP", "ORG", "GPE") or low in GROUP_NOUNS or lemma in GROUP_NOUNS:
        return True
    if low in PEOPLE_NOUNS or low in ("others", "many", "some", "both", "all", "few"):
        return True
    if lemma in _NAMELESS_SOURCES or lemma in KIN_NOUNS or lemma in _SUPPORTER_NOUNS:
        return True  # "Gloria's friends", "aides", "advocates"
    return low.endswith(_PEOPLE_ENDINGS) or lemma in _BODY_NOUNS


# Plural bodies that speak as one ("eleven organizations ask", "the unions argue").
_BODY_NOUNS = frozenset(
    {
        "company",
        "firm",
        "group",
        "party",
        "organization",
        "organisation",
        "association",
        "coalition",
        "federation",
        "union",
        "agency",
        "committee",
        "council",
    }
)
# People named by the side they take, whose plural ends in none of _PEOPLE_ENDINGS
# ("advocates estimate", "allies say").
_SUPPORTER_NOUNS = frozenset(
    {"advocate", "ally", "proponent", "colleague", "delegate", "aide", "backer", "loyalist"}
)


# Head nouns of a phrase that describes an organisation without naming it ("the council",
# "the company"): the generic heads that can stand for a named one, and a few more.
_ORG_DESCRIPTION_HEADS = (
    GENERIC_ORG_HEADS
    | _ORG_NOUNS
    | {"government", "administration", "authorities", "police", "ministry", "council"}
)


def _joined_hyphen(tok: Any) -> bool:
    """A hyphen inside a name, with no space on either side ("Star-Advertiser")."""
    return (
        tok.text == "-"
        and not tok.whitespace_
        and tok.i > 0
        and not tok.doc[tok.i - 1].whitespace_
        and tok.i + 1 < len(tok.doc)
    )


def _definite(head: Any, phrase: list[Any]) -> bool:
    """ "the party leader", "Acme's chief", "its president": one particular holder."""
    left = [t for t in phrase if t.i < head.i and not t.is_punct]
    return bool(left) and (
        left[0].lower_ in ("the", "its", "their")
        or left[0].dep_ == "poss"
        or any(t.dep_ == "poss" for t in left)
    )


def _organisation_phrase(head: Any, phrase: list[Any]) -> str | None:
    """ "The council" / "the city's transport department": a definite noun phrase headed by
    an organisation noun, as written (capitalised), with an "of" phrase after the head kept
    ("the board of directors"); None for anything else ("a company", "companies")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _ORG_DESCRIPTION_HEADS:
        return None
    if head.tag_ == "NNS" and head.lower_ != "authorities":
        return None  # plurals are groups ("companies"), resolved above
    left = [t for t in phrase if t.i < head.i]
    if not left or (
        left[0].lower_ not in ("the", "its", "their", "this") and left[0].dep_ != "poss"
    ):
        return None  # "a company said": no particular organisation
    toks = contiguous([t for t in phrase if t.i <= head.i], head)
    nxt = head.i + 1
    if nxt < len(head.doc) and head.doc[nxt].lower_ == "of" and head.doc[nxt] in phrase:
        toks += [t for t in head.doc[nxt].subtree if t in phrase]
    name = " ".join(t.text for t in toks if not t.is_punct or t.text in ("'s", "\u2019s"))
    name = name.replace(" 's", "'s").replace(" \u2019s", "\u2019s")
    return name[:1].upper() + name[1:]


# A nameless single source the text still identifies ("an insider tells us", "a witness
# said"): shown as written, never resolved to someone named.
_NAMELESS_SOURCES = frozenset(
    {
        "insider",
        "source",
        "witness",
        "eyewitness",
        "bystander",
        "neighbour",
        "neighbor",
        "resident",
        "friend",
        "relative",
        "acquaintance",
        "confidant",
        "employee",
        "passenger",
        "staffer",
        "operative",
        "aide",
        "attendee",
        "colleague",
    }
)
# People the text describes by sex alone ("one woman adopted from Iran", "the man"): shown
# as described, and the one a later "she"/"he" means when no one is named since.
_NAMELESS_PEOPLE = {"woman": "f", "girl": "f", "man": "m", "boy": "m"}
# Documents that state things ("the autopsy report says", "according to the lawsuit"):
# the document is the source. Records and data are evidence someone cites, not a source.
_MAX_REREADS = 4  # how often `resolve` may re-read a phrase cut from the one it was given
_DOCUMENT_SOURCES = frozenset(
    {
        "report",
        "study",
        "survey",
        "poll",
        "lawsuit",
        "suit",
        "complaint",
        "filing",
        "indictment",
        "affidavit",
        "autopsy",
        "documents",
        "docs",
        "memo",
        "letter",
        "statement",
        "review",
        "audit",
        "transcript",
        "ruling",
        "petition",
        "warrant",
        "obituary",
        "release",  # "a press release from X"
        "announcement",
        "profile",  # "his Facebook profile"
        "tally",  # "a CNN tally"
        "summary",  # "its Amazon summary"
        "order",  # "the order released Friday said": a court's order
        "website",  # "the website explains", when no organisation is named with the word
        "ad",  # "A campaign TV ad released Thursday accuses X"
        "advertisement",
        "commercial",
        "email",
        "e-mail",
        "tweet",
    }
)
# Nouns for a kind of organisation ("the airline said"): with "the", the organisation the
# story is about when no earlier one is named with that word ("the church" -> "Living
# Church of God").
_ORG_KIND_NOUNS = frozenset(
    {
        "airline",
        "carrier",
        "network",
        "broadcaster",
        "retailer",
        "automaker",
        "carmaker",
        "manufacturer",
        "insurer",
        "lender",
        "publisher",
        "studio",
        "church",
        "charity",
        "hospital",
        "museum",
        "site",
        "website",
    }
)
# Web pages: "the website" stands for an organisation named with the word ("the Acme
# website"), never for the one the story is about.
_PAGE_NOUNS = frozenset({"website"})
# A publication named by its kind ("according to the newspaper"): the one last credited.
_PUBLICATION_NOUNS = frozenset({"newspaper", "paper", "magazine", "tabloid", "daily", "outlet"})
# Lower-case heads that end an organisation's written name ("the Green Unity party").
_NAME_ENDING_ORG_NOUNS = frozenset(
    {"party", "union", "group", "association", "council", "committee", "campaign", "movement"}
)


# Determiners that introduce someone new ("a longtime adviser", "one senior Democrat"):
# such a phrase never stands for a person named before with the same title.
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _indefinite(head: Any, phrase: list[Any]) -> bool:
    """ "a longtime adviser to both Clintons", "one senior Democrat": a singular noun
    phrase opened by an indefinite determiner."""
    first = min((t for t in (*phrase, *head.lefts) if not t.is_punct), key=lambda t: t.i)
    return (
        head.tag_ in ("NN", "NNP")
        and first.i < head.i
        and first.lower_ in _INDEFINITE
        and first.dep_ in ("det", "nummod")
    )


def _for_people(head: Any) -> bool:
    """A noun for one person, not a title alone: "veteran", "adviser", "person", "Democrat"."""
    low = head.lower_
    return (
        low in PERSON_NOUNS
        or low in _NAMELESS_SOURCES
        or low in _NOT_ROLES
        or low in ROLE_WORDS
        or head.lemma_.lower() in ROLE_WORDS
    )


def _described(head: Any, phrase: list[Any]) -> str:
    """A nameless source as the text describes it, capitalised: "An insider", "The
    autopsy report", "A statement from the family", "Pell's attorney"."""
    doc = head.doc
    left = [t for t in phrase if t.i <= head.i]
    start = min((t.i for t in left), default=head.i)
    end = head.i + 1
    preps = ("of", "from", "by", "to") if _for_people(head) else ("of", "from", "by")
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in preps), None)
    close = next(
        (
            c
            for c in head.children
            if c.dep_ == "amod" and c.i == head.i + 1 and c.lower_ in ("close", "closest")
        ),
        None,
    )
    verb = head.head
    if (
        prep is None
        and _for_people(head)
        and head.dep_ == "nsubj"
        and verb.i < head.i
        and verb.lemma_ == "say"
        and head.i + 1 < len(doc)
        and doc[head.i + 1].lower_ == "to"
        and doc[head.i + 1].head.i == verb.i
    ):
        # '"...," said one longtime adviser to Bill Clinton': the parse hung the "to"
        # phrase on the verb; after an inverted subject it says whose adviser
        prep = doc[head.i + 1]
        phrase = [*phrase, *prep.subtree]
    if prep is None and close is not None:
        # "a person close to the Clintons": who the nameless source is close to
        prep = next((c for c in close.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if prep is not None and prep in phrase and len(list(prep.subtree)) <= 4:
        end = max(t.i for t in prep.subtree) + 1  # "from the family", not a whole clause
    elif prep is not None and obj is not None and obj.pos_ == "PROPN" and obj.i - prep.i <= 5:
        end = obj.i + 1  # "A study by the Mercatus Center" (at a university, left out)
        while (
            end + 2 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end].head.i == obj.i
            and all(
                t.pos_ == "PROPN" or t.lower_ in ("the", "of", "and", "&")
                for t in doc[end + 1 : max(t.i for t in doc[end].subtree) + 1]
            )
        ):
            # "the Council of the Great City Schools": the name runs on through its "of"
            end = max(t.i for t in doc[end].subtree) + 1
    words = [t for t in doc[start:end] if not t.is_punct or t.text in ("'s", "\u2019s", "-")]
    text = "".join(t.text + t.whitespace_ for t in words).strip().rstrip(",")
    text = text.replace(" 's", "'s").replace(" \u2019s", "\u2019s")
    return text[:1].upper() + text[1:]


def _group_name(head: Any, phrase: list[Any]) -> str:
    """A plural source as written, without its determiner and without what a comma adds
    after the noun ("The aides, led by X," -> "Aides")."""
    cut = next((t.i for t in phrase if t.i > head.i and t.is_punct), None)
    words = [
        t
        for t in phrase
        if (t.lower_ not in _DETERMINERS or t.i > head.i)
        and not (t.is_punct and t.text not in ("'s", "\u2019s") and not _joined_hyphen(t))
        and (cut is None or t.i < cut)
    ]
    # as written: "Fact-checkers", "Gloria’s friends"
    name = _words(sorted(words, key=lambda t: t.i)) or head.text
    return name[:1].upper() + name[1:]


# Singular nouns counting the plural after "of" ("a number of Democrats", "a majority of
# voters"): the plural is who acts.
_COUNT_NOUNS = frozenset({"number", "majority", "minority", "handful", "lot", "couple", "host"})


# Singular nouns for a body of people named by its members ("a group of 32 experts").
_COLLECTIVE_NOUNS = frozenset({"group", "panel", "team", "coalition", "delegation"})


def _members(tok: Any, nouns: frozenset[str] = _COUNT_NOUNS) -> Any:
    """The plural counted by "a number of X" (X), else None."""
    if tok.lower_ not in nouns:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return obj if obj is not None and obj.tag_ in ("NNS", "NNPS") else None


def _names_after_plural(head: Any) -> str | None:
    """ "biographers, David and Jeanne Heidler," -> "David and Jeanne Heidler": people
    named between commas right after a plural noun for people (parsed as its
    apposition or conjunct)."""
    doc = head.doc
    if head.tag_ != "NNS" or not _can_speak(head) or head.lemma_.lower() in _BODY_NOUNS:
        return None
    if head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    first = doc[head.i + 2]
    if first.ent_type_ != "PERSON" or first.head != head or first.dep_ not in ("appos", "conj"):
        return None
    run = []
    for tok in doc[first.i : min(len(doc), first.i + 8)]:
        if tok.text == ",":
            break
        if tok.pos_ not in ("PROPN", "CCONJ"):
            return None
        run.append(tok)
    else:
        return None
    if not any(t.pos_ == "CCONJ" for t in run):
        return None  # one name: the appositive rules name a person
    return " ".join(t.text for t in run)


# What someone releases that then "accuses", "says", "claims": the releaser speaks.
_RELEASED = frozenset(
    {"video", "ad", "advertisement", "commercial", "spot", "statement", "letter", "report", "email"}
)
_RELEASING = frozenset({"release", "issue", "publish", "air", "run", "send", "launch", "post"})


def _publisher(head: Any) -> Any:
    """The subject of "X released a video that accuses ...", when `head` is that "that"
    or "which"; else None."""
    if head.lower_ not in ("that", "which") or head.dep_ != "nsubj" or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    verb = noun.head
    if noun.lemma_.lower() not in _RELEASED or noun.dep_ != "dobj":
        return None
    if any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in noun.lefts):
        return None  # "published the Harbor Institute report, which notes": its author's
    if verb.lemma_.lower() not in _RELEASING:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def _campaign_owner(head: Any) -> Any:
    """The person's name or pronoun owning "campaign" ("the Cruz campaign", "Cruz's
    campaign", "her campaign"), else None."""
    if head.lemma_.lower() != "campaign" or head.tag_ != "NN":
        return None
    return next(
        (
            c
            for c in head.children
            if c.dep_ in ("poss", "compound")
            and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN" or c.lower_ in ("his", "her"))
        ),
        None,
    )


def _relative_owner(whose: Any) -> Any:
    """The noun a "whose" clause hangs on ("Trump, whose attorneys argued" -> Trump)."""
    tok = whose
    while tok.dep_ != "relcl" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ == "relcl" and tok.head.pos_ in ("PROPN", "NOUN") else None


SpeakerKind = Literal["person", "group", "organisation", "unknown"]


@dataclass(slots=True)
class Speaker:
    """A resolved source."""

    name: str | None
    kind: SpeakerKind
    role: str | None = None
    organisation: str | None = None


class SpeakerResolver(PeopleIndex):
    """Resolve source phrases of one document to people, groups and organisations.

    Reads and extends a PeopleIndex: `SpeakerResolver.over(index)` shares the
    index's state, so people learned from a source phrase are known to the
    stages that run later (figures).
    """

    def __init__(self, nlp_doc: Any, entities: list[EntityMention] | None = None) -> None:
        super().__init__(nlp_doc, entities)

    @classmethod
    def over(cls, index: PeopleIndex) -> SpeakerResolver:
        """A resolver reading and extending `index` (the same people, not a copy)."""
        resolver = cls.__new__(cls)
        resolver.__dict__ = index.__dict__
        return resolver

    # ---------------------------------------------------------------- phrases
    def resolve(
        self, head: Any, phrase: list[Any], skip: Sequence[Span] = (), *, depth: int = 0
    ) -> Speaker:
        """Resolve a source phrase (spaCy tokens) whose syntactic head is `head`; a
        pronoun never goes to someone named inside `skip` (the quote it introduces:
        '"I think Ann Roe was a great choice," he said' is not Ann Roe's). `depth` counts
        the re-reads of a cut phrase (a dateline, an apposition): an odd parse can send them
        round in a circle, and then nobody is the speaker."""
        if depth > _MAX_REREADS:
            return Speaker(None, "unknown")
        low = head.lower_
        dash = next(
            (t for t in phrase if t.text in ("\u2014", "\u2013", "--") and t.i > head.i), None
        )
        if dash is not None:
            # "CLEVELAND, July 19 (UPI) — Former Attorney General X": a dateline, then the source
            rest = [t for t in phrase if t.i > dash.i]
            ids = {t.i for t in rest}
            roots = [t for t in rest if t.head.i not in ids or t.head.i == t.i]
            if roots:
                return self.resolve(roots[-1], rest, skip, depth=depth + 1)
        if head.ent_type_ == "GPE" and head.i == head.sent.start and head.head.i > head.i:
            # "CLEVELAND, July 19 (UPI) — Former Attorney General X told": a dateline
            # parsed as the subject; the source follows the dash
            between = head.doc[head.i + 1 : head.head.i]
            cut = next((t for t in reversed(between) if t.text in ("\u2014", "\u2013", "--")), None)
            rest = [t for t in between if cut is not None and t.i > cut.i]
            ids = {t.i for t in rest}
            roots = [t for t in rest if t.head.i not in ids or t.head.i == t.i]
            if roots:
                return self.resolve(roots[-1], rest, skip, depth=depth + 1)
        whose = next((t for t in phrase if t.lower_ == "whose" and t.head.i == head.i), None)
        owner = _relative_owner(whose) if whose is not None else None
        if whose is not None and owner is not None:
            # "Trump, whose attorneys argued": Trump's attorneys
            named = self.canonical(owner.text, owner.idx) or owner.text
            rest_words = " ".join(t.text for t in phrase if t.i > whose.i and not t.is_punct)
            return Speaker(f"{named}'s {rest_words}", "group")
        if head.ent_type_ in ("DATE", "TIME"):
            # "the order released Friday said": the parse took the date for the subject
            nouns = [t for t in phrase if t.i < head.i and t.pos_ == "NOUN"]
            if not nouns and head.head.dep_ == "acl" and head.head.head.pos_ == "NOUN":
                # the phrase was cut to the date: "the order released Friday said"
                noun = head.head.head
                return self.resolve(
                    noun, [t for t in noun.subtree if t.i <= noun.i], skip, depth=depth + 1
                )
            return (
                self.resolve(nouns[-1], phrase, skip, depth=depth + 1)
                if nouns
                else Speaker(None, "unknown")
            )
        publisher = _publisher(head)
        if publisher is not None:
            # "Rand Paul has released a Web video that accuses Cruz of ...": who released it
            return self.resolve(
                publisher,
                [t for t in publisher.subtree if t.i <= publisher.i],
                skip,
                depth=depth + 1,
            )
        if (
            low in ("who", "which")
            and head.dep_ in ("nsubj", "nsubjpass")
            and head.head.dep_ in ("relcl", "acl")
            and head.head.head.i < head.i
            and (head.head.lemma_ in SPEECH_VERBS or low == "who")
        ):
            # "X, who thinks Y", "the AP report, which notes Z", "Plouffe, who called Trump
            # 'a psychopath'": the relative pronoun stands for the noun it hangs on, read
            # without the clause ("polls that show" is no one speaking)
            noun = head.head.head
            before = next((t for t in reversed(head.doc[: head.i]) if not t.is_punct), None)
            if (
                low == "who"
                and noun.pos_ == "NOUN"
                and not _can_speak(noun)
                and before is not None
                and before.pos_ == "NOUN"
                and before.i > noun.i
                and _can_speak(before)
            ):
                # "mandates and powerful teachers unions who said": the parse hung the
                # clause on a thing; "who" is the people just before it
                noun = before
            clause = {t.i for t in head.head.subtree}
            rest = [t for t in noun.subtree if t.i not in clause and t.i <= head.i]
            return self.resolve(noun, rest, skip, depth=depth + 1)
        in_name = head.ent_type_ == "PERSON" and head.i > 0 and head.nbor(-1).ent_type_ == "PERSON"
        if (
            low == "him" or (low == "her" and head.dep_ in ("dobj", "pobj", "dative", "poss"))
        ) and not in_name:
            return Speaker(None, "unknown")  # an object pronoun is who was spoken to or of
        if low in PERSONAL_PRONOUNS and not in_name:
            person = self.person_before(head.idx, skip)
            person = self._untagged_subject(head, skip) or person
            nameless = self._nameless_since(head, person, skip)
            if nameless is not None:
                return nameless
            if person is None:
                return Speaker(None, "unknown")
            return Speaker(person.name, "person", person.role, person.organisation)
        if (
            low == "they"
            and head.dep_ in ("nsubj", "nsubjpass")
            and head.head.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
            and head.head.lemma_ not in BELIEF_VERBS
        ):
            # a main clause's "they" that speaks ("They argue that ..."), not a "they
            # feel" (a belief) or a "they" in a relative or adverbial clause
            return self._group_before(head, skip)
        if low in FIRST_PERSON or (head.pos_ == "PRON" and not in_name):
            return Speaker(None, "unknown")
        owner = _campaign_owner(head)
        if owner is not None:
            # "The Cruz campaign calls this ...", "her campaign said": the person's
            # campaign speaks, shown as written (a pronoun's owner by name)
            if owner.pos_ != "PRON":
                return Speaker(_described(head, phrase), "group")
            person = self.person_before(owner.idx, skip)
            if person is not None:
                return Speaker(f"{person.name}'s campaign", "group")
            return Speaker(None, "unknown")
        if (
            head.dep_ == "appos"
            and head.head.pos_ == "NOUN"
            and head.head.i < head.i
            and head.head not in phrase
        ):
            # "his nephew Michery el Soheil added", the source cut to the name: the whole
            # phrase says who (a relative, a friend) and where the name starts
            return self.resolve(head.head, list(head.head.subtree), skip, depth=depth + 1)
        if (
            _indefinite(head, phrase)
            and (head.lower_ in PERSON_NOUNS or head.lower_ in ("person", "individual"))
            and not any(c.dep_ == "appos" for c in head.children)
        ):
            # "a 2008 Clinton veteran", "one senior Democrat", "a person close to the
            # Clintons": a nameless source as the text describes it, not a party or no one
            lefts = [t for c in head.lefts for t in c.subtree]
            return Speaker(_described(head, [*phrase, *lefts]), "group")
        members = _members(head) if head.tag_ == "NN" else None
        if members is None and head.lower_ in _COLLECTIVE_NOUNS:
            members = _members(head, _COLLECTIVE_NOUNS)
        if members is not None and _can_speak(members):
            # "a bipartisan group of 32 national security experts ... arguing": the people
            # as the text counts them, without what follows them
            words = [
                t
                for t in head.doc[head.left_edge.i : members.i + 1]
                if not t.is_punct or _joined_hyphen(t)
            ]
            name = _words(words)
            return Speaker(name[:1].upper() + name[1:], "group")
        as_person = self._known_person(head)
        if as_person is not None:
            return as_person
        named = self._named_by_appositive(head, skip)
        if named is not None:
            return named
        if low in KIN_NOUNS and head.pos_ == "NOUN" and head.tag_ != "NNS":
            return self._relative(head, phrase)
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
            known = self.canonical(raw, name_toks[0].idx)
            tagged = any(t.ent_type_ == "PERSON" for t in name_toks)
            # a given name first ("Noah Rothman") is a person whatever the tagger says
            given = len(name_toks) > 1 and given_name_gender(raw) is not None
            if (
                not known
                and not tagged
                and not role
                and not given
                and (self._is_org(name_toks) or len(name_toks) == 1)
            ):
                return Speaker(self._org_name(head, phrase), "organisation")
            if not org:
                doc = head.doc
                org = _employer(
                    list(doc[max(0, name_toks[0].i - 6) : name_toks[0].i]), name_toks[0]
                )
            person = self._add_person(raw, name_toks[0].idx)
            person.role = person.role or role
            person.organisation = person.organisation or org
            return Speaker(person.name, "person", person.role, person.organisation)
        plural = (
            head.tag_ == "NNS"
            and head.pos_ in ("NOUN", "PRON", "ADJ")
            and head.lower_ not in ROLE_WORDS
            and _can_speak(head)
        )
        if (head.lemma_.lower() in GROUP_NOUNS or head.lower_ in GROUP_NOUNS or plural) and (
            head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("s")
        ):
            # "analysts", and any plural speaker: "American companies", "Others"
            return Speaker(_group_name(head, phrase), "group", None, self._group_org(head))
        if _is_role_token(head) or head.lemma_.lower() in ROLE_WORDS:
            role, org = self._role_and_org(head, phrase, [])
            org = _org_clean(org)
            owner = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "poss" or (c.dep_ == "compound" and c.text[:1].isupper())
                ),
                None,
            )
            if org and _definite(head, phrase):
                # "the Harbour Party leader said": the leader named earlier, not the party
                person = self.person_with_role(
                    role or head.lower_, head.idx, org
                ) or self._subject_holder(head, role or head.lower_, None, skip)
                if person is not None:
                    return Speaker(person.name, "person", person.role, person.organisation)
            if org and owner is not None and self._names_person(owner):
                # "Pell's attorney": a person's lawyer speaks for that person, not for an
                # organisation called "Pell"
                return Speaker(_described(head, phrase), "group", role)
            if org and _indefinite(head, phrase) and self._place_or_people(org, phrase):
                # "a Chinese official", "a Cairo airport official told": a nameless voice
                # of a country or a city, not an organisation called "Chinese" or "Cairo"
                return Speaker(_described(head, phrase), "group", role)
            if org:
                # "a spokesperson for the Regulator": the organisation speaks, through a nameless voice
                return Speaker(None, "organisation", role, org)
            holder = (
                None
                if _indefinite(head, phrase)
                else self.person_with_role(role or head.lower_, head.idx)
            )
            person = (
                self._subject_holder(head, role or head.lower_, holder, skip)
                if _definite(head, phrase)
                else None
            ) or holder
            if person is not None:
                return Speaker(person.name, "person", person.role, person.organisation)
            if any(t.i < head.i and t.lower_ not in _DETERMINERS and t.is_alpha for t in phrase):
                # "a school spokesman told the paper": a nameless voice the text describes
                return Speaker(_described(head, phrase), "group", role, org)
            return Speaker(None, "unknown", role, org)  # "a spokesman said": no one in particular
        if head.ent_type_ in ("ORG", "GPE", "NORP") or head.pos_ == "PROPN":
            return Speaker(self._org_name(head, phrase), "organisation")
        earlier = self._organisation_described(head, phrase)
        if earlier:
            return Speaker(earlier, "organisation")
        described = _organisation_phrase(head, phrase)
        if described:
            # "the council", "the state health department" with no one named organisation
            # it fits: the organisation as the text describes it, not no speaker at all
            return Speaker(described, "organisation")
        if head.pos_ == "NOUN" and head.lemma_.lower() in _PUBLICATION_NOUNS | {"newspapers"}:
            outlet = self.publication_before(head.idx) if _definite(head, phrase) else None
            return Speaker(
                outlet or _described(head, phrase), "organisation" if outlet else "group"
            )
        if head.pos_ == "NOUN" and (
            head.lower_ in _DOCUMENT_SOURCES
            or (head.lemma_.lower() in _DOCUMENT_SOURCES and head.lower_ != "records")
            or (head.lower_ in _NAMELESS_SOURCES and head.tag_ == "NN")
            or head.lower_ in _NAMELESS_PEOPLE  # "said the woman, who asked not to be named"
            or head.lemma_.lower() in HEARING_BODIES  # "the inquest heard that X"
        ):
            # "an autopsy report says", "according to the lawsuit", "an insider tells us":
            # a source the text identifies without a name, shown as it is described
            return Speaker(_described(head, phrase), "group")
        return Speaker(None, "unknown")

    def _subject_holder(self, head: Any, role: str, holder: Any, skip: Sequence[Span]) -> Any:
        """ "Cruz defends his record in an ad: '...,' the senator says", "Reid blasted
        Rubio. '...,' the Senate minority leader said": a definite title is the person
        the sentence (or the one before) is about, its subject before the title, when
        nothing known of that person says otherwise (no other role) and the title's
        known holder, if any, was not mentioned since."""
        doc = head.doc
        sent = head.sent
        subjects = [
            t
            for t in doc[sent.start : head.i]
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.head.pos_ in ("VERB", "AUX")
            and not any(sp.start <= t.idx < sp.end for sp in skip)
        ]
        if any(t.dep_ == "poss" for t in head.children):
            return None  # "Aske's attorney": someone's, not the person the text is about
        if not subjects and sent.start > 0 and "\n" not in doc[sent.start - 1 : head.i].text:
            # the sentence before, in the same paragraph (a new paragraph's "the mayor
            # said" after someone else's quote is a new voice)
            prev = doc[sent.start - 1].sent
            subjects = [t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
        if not subjects:
            return None
        subj = subjects[-1]
        span = list(subj.subtree)
        a, b = span[0].idx, span[-1].idx + len(span[-1])
        names = [(st, n) for st, n in self._mentions if a <= st < b]
        if not names and subj.pos_ == "PROPN":
            known = self.canonical(subj.text, subj.idx)  # a surname the tagger missed
            names = [(subj.idx, known)] if known else []
        if not names:
            return None
        person = self.person(names[-1][1])
        if person is None or (person.role and role_head(person.role) != role_head(role)):
            return None
        if holder is not None and holder is not person:
            since = [
                st for st, n in self._mentions if n == holder.name and names[-1][0] < st < head.idx
            ]
            if since:
                return None
        return person

    def _group_before(self, pronoun: Any, skip: Sequence[Span]) -> Speaker:
        """ "Eleven groups are asking X. They argue that ...": a "they" that speaks is the
        latest plural subject before it in its sentence or the two before, when that
        subject is people or organisations; a subject naming people one by one ("Cruz and
        Rubio") or anything else plural ends the search with no one."""
        doc = pronoun.doc
        sent = pronoun.sent
        first = sent.start
        for _ in range(2):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        for tok in reversed(doc[first : pronoun.i]):
            if (
                tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.head.dep_ not in ("ROOT", "conj")
                or any(sp.start <= tok.idx < sp.end for sp in skip)
            ):
                # only a main clause's subject: in "Republicans say Democrats are
                # trying X. They say ..." the "they" is the Republicans
                continue
            if tok.lower_ == "they":
                continue  # the same group again
            members = _members(tok)
            if members is not None:
                tok = members  # "an increasing number of Democrats": the Democrats
            conj = any(c.dep_ == "conj" for c in tok.children)
            if tok.tag_ in ("NNS", "NNPS") and tok.pos_ in ("NOUN", "PROPN") and not conj:
                if not _can_speak(tok):
                    break
                phrase = [t for t in tok.subtree if t.i <= tok.i]
                return Speaker(_group_name(tok, phrase), "group", None, self._group_org(tok))
            if conj or tok.ent_type_ == "PERSON":
                break
        return Speaker(None, "unknown")

    def _untagged_subject(self, pronoun: Any, skip: Sequence[Span]) -> Any:
        """ "Trump blamed officials on Twitter. '...,' he wrote": the tagger missed the
        subject's name (and took "Twitter" for a person), so the people named there are
        only objects; a known person's surname as the main subject of the sentence before
        is who a "he"/"she" opening no name of its own sentence means."""
        sent = pronoun.sent
        if sent.start == 0 or any(
            t.ent_type_ == "PERSON" and not any(s.start <= t.idx < s.end for s in skip)
            for t in pronoun.doc[sent.start : pronoun.i]
        ):
            return None
        prev = pronoun.doc[sent.start - 1].sent
        subj = next(
            (t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ == "PROPN"),
            None,
        )
        if subj is None or subj.ent_type_ == "PERSON":
            return None
        name = self.canonical(subj.text, subj.idx)
        person = self.person(name) if name else None
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower_)
        if person is None or (wanted and person.gender not in (None, wanted)):
            return None
        return person

    def _nameless_since(self, pronoun: Any, person: Any, skip: Sequence[Span]) -> Speaker | None:
        """ "One woman adopted from Iran ... 'X,' she said": a nameless person made the
        subject after the last one named is who a "she" of her sex means."""
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower_)
        if wanted is None:
            return None
        since = max(
            (
                s
                for s, n in self._mentions
                if person is not None and n == person.name and s < pronoun.idx
            ),
            default=-1,
        )
        found = None
        for tok in pronoun.doc[: pronoun.i]:
            if tok.idx <= since or any(sp.start <= tok.idx < sp.end for sp in skip):
                continue
            if (
                tok.pos_ == "NOUN"
                and _NAMELESS_PEOPLE.get(tok.lower_) == wanted
                and tok.dep_ in ("nsubj", "nsubjpass")
            ):
                found = tok
        if found is None:
            return None
        return Speaker(_described(found, [t for t in found.subtree if t.i <= found.i]), "group")

    def _known_person(self, head: Any) -> Speaker | None:
        """A capitalised word the tagger took for a plural or an organisation ("Sanders
        released a statement") that is a person named earlier in full."""
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" or not head.text[:1].isupper():
            return None
        if not head.is_alpha or head.lower_ in GROUP_NOUNS or head.lower_ in ROLE_WORDS:
            return None
        if any(c.dep_ in ("det", "compound", "amod") for c in head.children):
            return None  # "the Democrats", "Senate Republicans": a group
        full = self.canonical(head.text, head.idx)
        person = self.person(full) if full and len(full.split()) > 1 else None
        if person is None:
            return None
        return Speaker(person.name, "person", person.role, person.organisation)

    def _named_by_appositive(self, head: Any, skip: Sequence[Span]) -> Speaker | None:
        """A description followed by its name ("his friend Mahamat Oumar", "the news site
        RTL Info", "their school, Leaders' College"): the name, a person when the noun is
        one for people, else an organisation; and "an interview X gave": X."""
        if head.lower_ == "one" and head.pos_ in ("NUM", "PRON", "NOUN"):
            # "One of the university's top executives, Michael Sexton, testified"
            appos = next(
                (c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
            )
            names = self._name_tokens(appos, list(appos.subtree)) if appos is not None else []
            if not names:
                return None
            person = self._add_person(_clean_name(names), names[0].idx)
            group = next(
                (
                    o
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
            if group is not None and (_is_role_token(group) or group.lemma_.lower() in ROLE_WORDS):
                phrase = [t for t in group.subtree if t.i <= group.i]
                role, org = self._role_and_org(group, phrase, [])
                person.role = person.role or (role and role.rstrip("s"))
                person.organisation = person.organisation or _org_clean(org)
            return Speaker(person.name, "person", person.role, person.organisation)
        if head.pos_ != "NOUN" or head.lower_ in KIN_NOUNS or _is_role_token(head):
            return None
        lemma = head.lemma_.lower()
        if lemma in _DOCUMENT_SOURCES or lemma == "interview":
            said = next((c for c in head.children if c.dep_ == "relcl"), None)
            subj = next((c for c in said.children if c.dep_ == "nsubj"), None) if said else None
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return self.resolve(subj, list(subj.subtree), skip)
            return None
        named = _names_after_plural(head)
        if named:
            # "Henry Clay's biographers, David and Jeanne Heidler, wrote": the names
            return Speaker(named, "group")
        appos = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos"
                and (c.pos_ == "PROPN" or (c.ent_type_ == "ORG" and c.text[:1].isupper()))
            ),
            None,
        )
        if appos is None:
            return None
        if lemma in _NAMELESS_SOURCES or head.lower_ in PEOPLE_NOUNS:
            names = self._name_tokens(appos, list(appos.subtree))
            if not names:
                return None
            person = self._add_person(_clean_name(names), names[0].idx)
            person.role = person.role or head.lower_
            return Speaker(person.name, "person", person.role, person.organisation)
        return Speaker(self._org_name(appos, list(appos.subtree)), "organisation")

    def _organisation_described(self, head: Any, phrase: list[Any]) -> str | None:
        """ "the ministry" / "the church" / "the airline": the organisation named earlier
        with that word ("Living Church of God"), else the fuller description just before
        ("China's foreign ministry"), else for a kind of company the one the story is about."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not _definite(head, phrase):
            return None
        if lemma not in _ORG_DESCRIPTION_HEADS and lemma not in _ORG_KIND_NOUNS:
            return None
        if any(t.dep_ in ("poss", "compound", "amod") for t in head.lefts):
            return None  # "the city's transport department": described in full already
        names = [n for n in self._org_names_before(head.idx) if lemma in n.casefold().split()]
        if len(set(names)) > 1:
            return None  # two councils named: "the council" is neither for sure
        if names:
            return names[-1]
        fuller = _antecedent_noun(head.doc, head)
        if fuller and fuller.casefold() != head.text.casefold():
            return fuller[:1].upper() + fuller[1:]
        if lemma in _ORG_KIND_NOUNS and lemma not in _PAGE_NOUNS:
            return self.organisation_before(head.idx)
        return None  # "the website explains": a page, not the outlet the story quotes most

    @staticmethod
    def _place_or_people(org: str, phrase: list[Any]) -> bool:
        """Whether the "organisation" read from a source phrase is a place or a people
        ("Chinese", "Cairo", "Soviet"): words the tagger marks so, or a country's name."""
        words = set(org.split())
        marked = [t for t in phrase if t.text in words]
        return is_place_name(org) or (
            bool(marked) and all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in marked)
        )

    def _names_person(self, tok: Any) -> bool:
        """Whether a possessor ("Pell's") names a person: a PERSON entity or a known name."""
        if tok.ent_type_ == "PERSON":
            return True
        if not tok.text[:1].isupper():
            return False
        name = _clean_name(contiguous([t for t in tok.subtree if t.text[:1].isupper()], tok))
        return self.canonical(name, tok.idx) is not None

    def _relative(self, head: Any, phrase: list[Any]) -> Speaker:
        """ "Pell's mother, Dana," -> Dana Pell; "Mrs Pell's son" -> the one other Pell of
        a man's name in the document; else the relation as written ("Tom Pell's brother").
        A relation of "his"/"her" is left unresolved: it means nothing out of context."""
        want = KIN_NOUNS.get(head.lower_)
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        owner_toks = (
            contiguous([t for t in owner.subtree if t.pos_ == "PROPN"], owner)
            if owner is not None and owner.pos_ == "PROPN"
            else []
        )
        surname = owner_toks[-1].text if owner_toks else None
        appos = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
            ),
            None,
        )
        names = self._name_tokens(appos, list(appos.subtree)) if appos is not None else []
        if names:
            name = _clean_name(names)
            if len(names) == 1 and surname and name != surname:
                name = f"{name} {surname}"  # "Pell's mother, Dana": Dana Pell
            person = self._add_person(name, names[0].idx)
            person.gender = person.gender or want
            return Speaker(person.name, "person", person.role, person.organisation)
        if surname is None:
            return Speaker(None, "unknown")
        if head.lower_ in SPOUSE_NOUNS:
            return Speaker(_described(head, phrase), "group")  # a spouse's name may differ
        owner_name = _clean_name(owner_toks)
        owner_full = self.canonical(owner_name, owner_toks[0].idx) or owner_name
        fits = {
            p.name
            for p in self.people
            if len(p.name.split()) > 1
            and not is_titled(p.name)
            and p.name.split()[-1] == surname
            and p.name != owner_full
            and p.gender in (None, want)
            and not p.minor
        }
        relative = self.person(fits.pop()) if len(fits) == 1 else None
        if relative is not None:
            return Speaker(relative.name, "person", relative.role, relative.organisation)
        return Speaker(_described(head, phrase), "group")

    def publication_before(self, offset: int) -> str | None:
        """The publication last credited before `offset` ("the Herald reported ...")."""
        before = [n for s, n in getattr(self, "_publications", []) if s < offset]
        return before[-1] if before else None

    def note_publication(self, offset: int, name: str) -> None:
        """Record an organisation credited with a report ("the Herald reported")."""
        if not hasattr(self, "_publications"):
            self._publications: list[tuple[int, str]] = []
        self._publications.append((offset, name))

    def _org_name(self, head: Any, phrase: list[Any]) -> str:
        """The organisation a source phrase names, in full ("The ... Association" /
        "Association"; "the Dale-Times"; "the Green Unity party")."""
        toks = [
            t
            for t in phrase
            if (t.pos_ == "PROPN" or t.text in ("'s", "\u2019s", "&") or _joined_hyphen(t))
            and t.i <= head.i
        ]
        if (
            head not in toks
            and head.lower_ in _NAME_ENDING_ORG_NOUNS
            and head.i - 1 in {t.i for t in toks}
        ):
            toks.append(head)  # a capitalised name ending in a lower-case "party"
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
        titles = [k for k, t in enumerate(name_toks) if _is_role_token(t)]
        title = None
        if titles and titles[-1] + 1 < len(name_toks):
            # "Democratic Rep. Dina Titus": the name follows the last title word
            title = " ".join(t.text for t in name_toks[: titles[-1] + 1] if _is_role_token(t))
            toks = name_toks[titles[-1] + 1 :]
        else:
            toks = [t for t in name_toks if not _is_role_token(t)] or name_toks
        poss = [k for k, t in enumerate(toks) if t.text in ("'s", "\u2019s")]
        if poss and poss[-1] + 1 < len(toks):
            toks = toks[poss[-1] + 1 :]  # "Commentary's Noah Rothman": the name follows
        lower = [k for k, t in enumerate(toks) if t.is_lower and t.lower_ not in NAME_PARTICLES]
        if lower and lower[-1] + 1 < len(toks):
            toks = toks[lower[-1] + 1 :]  # "Leeds resident Jason Pratt": the name is the end
        if len(toks) == 1 and toks[0].lower_ in PERSONAL_PRONOUNS:
            return self.resolve(toks[0], toks)
        person = self._add_person(_clean_name(toks), toks[0].idx)
        person.role = person.role or title
        doc = toks[0].doc
        employer = _employer(list(doc[max(0, toks[0].i - 6) : toks[0].i]), toks[0])
        if employer and not person.organisation:
            person.organisation = employer  # "KIRO Radio's Mike Lewis said"
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
            unit = [t for t in toks if t.i > back.i and t.is_alpha]
            words = [t for t in words if t.i < back.i]
            while len(words) > 1 and (
                words[-1].lower_ in ROLE_TAIL_PREPS or words[-1].lower_ in _DETERMINERS
            ):
                words.pop()
            if back.lower_ in ("its", "their") and unit and unit[-1].lower_ in UNIT_NOUNS:
                # "president of marketing for its enterprise group": the title is scoped
                # to a part of the company, as _scoped writes it
                role = " ".join(t.text for t in words)
                return f"{role}, {' '.join(t.text for t in unit)}", _org_clean(org)
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
