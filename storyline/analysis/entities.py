"""Who and what an article mentions: people, organisations, places, products.

spaCy's small English model finds most names but makes predictable mistakes on
news text, worse still on text with its punctuation stripped ("U S" tagged as an
organisation, "Huawei (STOCK" as one name, "CTO Li Sanqi" as a person, "5G" as a
company). This component keeps spaCy's entities, repairs them with the rules in
`storyline.analysis.entity_rules`, adds what the model misses (acronyms such as
"EMC", product codes such as "Ascend P2", misspelled surnames such as "Sanqui"),
links people to the title and organisation written around them, and resolves
short forms inside one document ("Chang" -> "Jimmie Chang").

Name normalisation lives in `storyline.analysis.names`; its public helpers and
the rule tables are re-exported here for the modules that import them from here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, EntityMention, Turn
from ..words import FUNCTION_WORDS
from .entity_rules import (
    ANAPHORIC_OWNERS,
    CORPORATE_SUFFIXES,
    COUNTRY_ALIASES,
    COURTESY_TITLES,
    GENERIC_ORG_HEADS,
    INSTITUTIONS,
    KEEP_LABELS,
    NAME_TITLES,
    NON_PLAYER_HEADS,
    NON_PLAYER_LABELS,
    NON_PLAYER_TAILS,
    NOT_ACRONYM_ORGS,
    NOT_ENTITY_PATTERNS,
    ORG_DESCRIPTORS,
    ORG_PREPOSITIONS,
    PLACE_HEADS,
    PLACE_ONLY_HEADS,
    PRODUCT_CODE,
    PRONOUNS,
    RANK_ABBREVIATIONS,
    REGIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    US_STATES,
    WIDGET_WORDS,
    WORK_NOUNS,
)
from .furniture import furniture_spans, inside
from .matching import is_titled, same_full_name, titled_name
from .names import (
    acronym,
    canonical_name,
    clean_surface,
    country_name,
    generic_org,
    is_name_word,
    is_place_name,
    leading_org,
    leads,
    name_key,
    resolve_short_name,
    same_word,
    similar,
    strip_corporate_suffix,
    used_as_place,
)
from .nlp import doc_text
from .registry import register
from .roles import (
    ADULT_AGE,
    CHILD_ROLE,
    COURTESY_GENDER,
    KIN_NOUNS,
    UNIT_NOUNS,
    past_marker,
    with_past,
)

__all__ = [
    "ANAPHORIC_OWNERS",
    "COUNTRY_ALIASES",
    "GENERIC_ORG_HEADS",
    "NAME_TITLES",
    "PLACE_HEADS",
    "EntityRecognizer",
    "acronym",
    "canonical_name",
    "clean_surface",
    "country_name",
    "extract_entities",
    "generic_org",
    "is_name_word",
    "is_place_name",
    "leading_org",
    "name_key",
    "resolve_short_name",
    "same_word",
    "similar",
    "strip_corporate_suffix",
    "used_as_place",
]


# ---------------------------------------------------------------- recognition


@dataclass(slots=True)
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    type: str
    role: str | None = None
    organisation: str | None = None
    canonical: str | None = None


def _is_break(token: Any) -> bool:
    return (
        token.is_space
        or "\n" in token.text
        or token.text in {"(", ")", "[", "]", "|", '"', "“", "”"}
        or (  # "Kit Kat - originally ...": a dash between spaces ends a name
            token.text in {"-", "--", "\u2013", "\u2014"}
            and (bool(token.whitespace_) or (token.i > 0 and bool(token.nbor(-1).whitespace_)))
        )
    )


def _trim(doc: Any, cand: _Cand) -> list[_Cand]:
    """Split a span at line breaks/brackets and trim its edges; may yield several parts."""
    parts: list[_Cand] = []
    i = cand.start
    while i < cand.end:
        while i < cand.end and _is_break(doc[i]):
            i += 1
        j = i
        while j < cand.end and not _is_break(doc[j]):
            j += 1
        s, e = i, j
        while s < e and (
            doc[s].lower_ in ("the", "a.m.", "p.m.")
            or doc[s].text in ("a", "an")
            or doc[s].is_punct
        ):
            s += 1  # "12:55 A.M. Hamas says": a live blog's clock opens the line
        while e > s and (
            doc[e - 1].is_punct
            or _is_possessive(doc, e - 1)
            or (doc[e - 1].is_lower and doc[e - 1].lower_ in FUNCTION_WORDS)
        ):
            e -= 1  # "Deutsche Börse of", "Amber and Dru and": a name never ends so
        if cand.type == "PERSON":
            cut = [k for k in range(s + 1, e) if doc[k].lower_ in {"of", "from", "in", "at"}]
            e = cut[0] if cut else e  # "Oliveras of Dover": the person, then where from
            owner = [k for k in range(s + 1, e - 1) if doc[k].lower_ in {"'s", "’s"}]
            if owner:
                # "KCAL9’s Jeff Nguyen": the person follows the owner; "Chapman’s IMDb":
                # one word after a possessive is something the owner has
                s = owner[-1] + 1 if e - owner[-1] > 2 else e
        elif e - s > 1 and doc[e - 1].lower_.rstrip(".") in RANK_ABBREVIATIONS:
            e -= 1  # "New York Police Department Sgt": the rank opens the next name
        if e > s:
            parts.append(_Cand(s, e, cand.type, cand.role, cand.organisation))
        i = j
    return parts


def _is_possessive(doc: Any, i: int) -> bool:
    """ "’s", or a lone "s" left by stripped punctuation ("Huawei s") but not "U S"."""
    t = doc[i]
    if t.lower_ in {"'s", "’s", "'", "’"}:
        return True
    return t.text == "s" and i > 0 and len(doc[i - 1].text) > 1


# A letter written three times running ("Annyyyyywayyy"): spelt-out speech, not a name.
_STRETCHED = re.compile(r"([a-z])\1\1")


def _is_junk(text: str, type: str) -> bool:
    if not text or not any(c.isalpha() for c in text):
        return True
    if text[:2].isalpha() and text[:2].islower():
        return True  # "east coast", "trans-Atlantic" (but "eBay", "iPhone" are names)
    if _STRETCHED.search(text) or text.casefold().rstrip(".") in CORPORATE_SUFFIXES:
        return True  # "Annyyyyywayyy"; a bare "LLC"
    if all(w.casefold() in WIDGET_WORDS for w in text.split()):
        return True  # "Subscribe", "Invalid Email": a page widget
    if any(p.match(text) for p in NOT_ENTITY_PATTERNS):
        return True
    if text.upper() in NOT_ACRONYM_ORGS and text.isupper():
        return True
    if " " not in text and (text.islower() or (not text.isupper() and text.casefold() in PRONOUNS)):
        return True
    return type != "PERSON" and text.casefold() in ROLE_HEADS


def _is_role_word(token: Any) -> bool:
    return token.lower_ in ROLE_HEADS or token.lower_ in ROLE_MODIFIERS


def _is_title(token: Any) -> bool:
    return token.lower_ in NAME_TITLES or token.lower_ in COURTESY_TITLES


def _name_title(doc: Any, person: _Cand) -> bool:
    """ "Councillor Davina Rusk": a title right before (or opening) the name is the role.

    Courtesy titles ("Mr") are stripped but give no role. True if a role was set.
    """
    while person.end - person.start > 1 and _is_title(doc[person.start]):
        person.start += 1  # the model sometimes folds the title into the name
    i = person.start - 1
    if i < 0 or not _is_title(doc[i]) or not doc[i].text[:1].isupper():
        return False
    role = NAME_TITLES.get(doc[i].lower_)
    if role is None:
        return False
    # "Energy Minister Ana Ruiz", "Foreign Minister ...": a capitalised modifier belongs to it
    j = i
    while (
        j > 0
        and doc[j - 1].text[:1].isupper()
        and not doc[j - 1].is_sent_start
        and doc[j - 1].pos_ in ("PROPN", "ADJ", "NOUN")
        and not _covered_any(doc, j - 1)
    ):
        j -= 1
        if i - j >= 2:
            break
    person.role = with_past(" ".join([*(t.text for t in doc[j:i]), role]), past_marker(doc, j))
    return True


def _covered_any(doc: Any, i: int) -> bool:
    return doc[i].ent_type_ in ("PERSON", "ORG", "GPE", "LOC")


def _strip_leading_title(doc: Any, cand: _Cand) -> None:
    """ "CTO Li Sanqi" -> person "Li Sanqi" (the title is read again by `_attach_role`)."""
    s = cand.start
    while s < cand.end - 1 and _is_role_word(doc[s]) and not _glued(doc[s], doc[s + 1]):
        s += 1  # ("Dean-Charles Chapman" keeps its "Dean")
    if s == cand.start and cand.end - s > 2 and doc[s].is_upper and 2 <= len(doc[s].text) <= 4:
        cand.role = cand.role or doc[s].text  # "SSP Ann Lee": a rank's initials
        s += 1
    if s > cand.start and s < cand.end:
        cand.start = s


@register
class EntityRecognizer:
    """Analysis component: fills `analysis.entities` (see the module docstring)."""

    name = "entities"
    version = "5"  # 4: non-players, junk and type evidence, inline furniture; 5: past posts, titles of the next name, leading names
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("entities",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.nlp
        if doc is None:
            from .nlp import load_nlp

            doc = load_nlp()(analysis.document.text)
        entities = extract_entities(analysis.document.text, doc, analysis.document.turns)
        furniture = furniture_spans(analysis.document)
        # a crawl notice or caption names no one in the story ("Alexa" in an archive notice)
        analysis.entities = [e for e in entities if not inside(furniture, e.start)]
        return analysis


def extract_entities(text: str, doc: Any = None, turns: Sequence[Turn] = ()) -> list[EntityMention]:
    """Entity mentions of `text` (offsets into it); `doc` is its spaCy Doc if parsed."""
    if doc is None:
        from .nlp import load_nlp

        doc = load_nlp()(text)
    cands = _from_model(doc)
    _extend_people(doc, cands)
    cands = _add_caps_labels(doc, cands)
    cands = _add_acronyms(doc, cands)
    cands = _add_products(doc, cands)
    cands = _drop_common_words(doc, cands)
    cands, dropped = _drop_non_players(doc, cands)
    cands = _defined_acronyms(doc, cands)
    _fix_types(doc, cands)
    _link_short_forms(doc, cands, [t.organisation for t in turns if t.organisation])
    dominant = _dominant_org(doc, cands)
    families = _family_names(doc, cands)
    for cand in cands:
        if cand.type == "PERSON":
            titled = _name_title(doc, cand)
            _strip_leading_title(doc, cand)
            if not titled:
                _attach_role(doc, cand, cands, dominant)
            if cand.role is None and cand.end - cand.start > 1:
                role = _family_role(doc, cand)
                # a relation is a role only where it tells a family apart (a child, or one
                # of two people of a surname), never a post to compare across articles
                if role == CHILD_ROLE or doc[cand.end - 1].text in families:
                    cand.role = role
    cands = _add_surnames(doc, cands, dropped)
    _resolve_titled_surnames(doc, cands)
    mentions = [_to_mention(doc, c) for c in sorted(cands, key=lambda c: c.start)]
    mentions = _apply_turns(text, mentions, turns)
    _canonicalise(mentions)
    _place_types(text, mentions)
    return mentions


def _from_model(doc: Any) -> list[_Cand]:
    out: list[_Cand] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS or (ent.label_ != "PERSON" and _is_caps_line(ent[0])):
            continue
        for part in _trim(doc, _Cand(ent.start, ent.end, KEEP_LABELS[ent.label_])):
            out.extend(_split_country_prefix(doc, part))
    kept = []
    for cand in out:
        if _tail_of_a_title(doc, cand) or _compound_tail(doc, cand.start):
            continue
        if cand.type == "ORG" and cand.start > 0:
            before = doc[cand.start - 1]
            if before.ent_type_ == "NORP" and before.whitespace_ and before.ent_iob_ in "BI":
                k = cand.start - 1
                while k > 0 and doc[k].ent_iob_ == "I" and doc[k - 1].ent_type_ == "NORP":
                    k -= 1
                cand.start = k  # "South Korean Navy", not "Navy"
        surface = doc[cand.start : cand.end].text
        if country_name(surface):
            nxt = doc[cand.end] if cand.end < len(doc) else None
            if nxt is not None and (nxt.like_num or nxt.text.startswith("$")):
                continue  # "US 3 2 billion": a currency sign, not the country
            cand.type = "LOC" if country_name(surface) in REGIONS else "GPE"
        if not _is_junk(surface, cand.type):
            kept.append(cand)
    return kept


def _compound_tail(doc: Any, i: int) -> bool:
    """ "Prince" of "Port-au-Prince" (token `i`) when the tagger read only the last piece:
    a word joined by a hyphen to the word before it is part of that word, no name of its
    own (nor a near spelling of "Price")."""
    if i < 2:
        return False
    hyphen, word = doc[i - 1], doc[i - 2]
    return hyphen.text in ("-", "‐", "‑") and not hyphen.whitespace_ and not word.whitespace_


def _glued(left: Any, right: Any) -> bool:
    """Two tokens written with no space between them."""
    return not left.whitespace_ and right.i == left.i + 1


def _extend_people(doc: Any, cands: list[_Cand]) -> None:
    """Repair a person's name the model cut short: a hyphenated part ("Moon Jae-in",
    "Dean-Charles Chapman"), and a last name the text also writes alone as a person's
    ("James Dirk" before "Crudup", when "Crudup" stands alone elsewhere)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    lower = {t.lower_ for t in doc if t.is_lower}
    alone: dict[str, set[int]] = {}  # name words standing alone, inside no other name
    for t in doc:
        single = t.ent_type_ == "PERSON" and t.ent_iob_ == "B"
        single = single and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I")
        if single or (t.pos_ == "PROPN" and not t.ent_type_ and not t.is_sent_start):
            alone.setdefault(t.text, set()).add(t.i)
    lone_people = {
        w
        for w in alone
        if is_name_word(w)
        and w.casefold() not in lower
        and w.casefold() not in _ORG_TAILS
        and w.casefold() not in PLACE_HEADS
    }
    for c in cands:
        if c.type != "PERSON":
            continue
        e = c.end
        if (
            e + 1 < len(doc)
            and doc[e].text == "-"
            and _glued(doc[e - 1], doc[e])
            and _glued(doc[e], doc[e + 1])
            and doc[e + 1].is_alpha
        ):
            c.end = e + 2
        s = c.start
        if (
            s >= 2
            and doc[s - 1].text == "-"
            and _glued(doc[s - 2], doc[s - 1])
            and _glued(doc[s - 1], doc[s])
            and doc[s - 2].is_title
            and doc[s - 2].i not in taken
        ):
            c.start = s - 2
        e = c.end
        if (
            c.end - c.start >= 2
            and e < len(doc)
            and e not in taken
            and doc[e].is_title
            and doc[e].pos_ == "PROPN"
            and not doc[e].is_sent_start
            and doc[e].text in lone_people
            and alone[doc[e].text] - {e}
            and not any(p.match(doc[e].text) for p in NOT_ENTITY_PATTERNS)
        ):
            c.end = e + 1
            taken.add(e)


def _tail_of_a_title(doc: Any, cand: _Cand) -> bool:
    """ "Thrones" of "Game of Thrones": one word after "of" and a capitalised word no
    name covers is the end of a longer title the model cut, not a name of its own."""
    i = cand.start
    if cand.type not in ("ORG", "PERSON") or cand.end - i != 1 or i < 2:
        return False
    head = doc[i - 2]
    return (
        doc[i - 1].text == "of"
        and head.is_title
        and not head.is_sent_start
        and not head.ent_type_
        and not _is_role_word(head)
        and head.lower_ not in GENERIC_ORG_HEADS
    )


def _drop_common_words(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """A capitalised word opening a sentence ("Paramedics", "State") is no name when the
    article also writes it in lower case."""
    lower = Counter(t.text for t in doc if t.is_lower)
    capital = Counter(t.text for t in doc if t.is_title)
    people = {t.text for c in cands if c.type == "PERSON" for t in doc[c.start : c.end]}
    kept = []
    for c in cands:
        word = doc[c.start].text
        if c.end - c.start == 1 and word.lower() in lower:
            if doc[c.start].is_sent_start:
                continue
            # "the Fraternity" among many "the fraternity": a common word, capitalised
            if c.type != "PERSON" and word.istitle() and lower[word.lower()] >= 2 * capital[word]:
                continue
        if (
            c.type == "ORG"
            and c.end - c.start == 3
            and doc[c.start + 1].lower_ == "and"
            and doc[c.start].text != doc[c.end - 1].text
            and any(t.text in people for t in doc[c.start : c.end])
        ):
            continue  # "Amber and Dru": two people the model read as one organisation
        kept.append(c)
    return kept


# Words before a name that credit the newsroom, not a player ("Editing by Ann Lee and Bo Li").
_CREDIT_BEFORE = re.compile(
    r"(?:(?:^|\n)\s*[Bb]y|\b(?i:editing|reporting|writing|reported|written|edited|compiled|"
    r"produced|photos?|photographs?|video|graphics?|illustrations?)\s+by)"
    r"(?:[\s,&]+(?:and\s+)?[A-Z][\w.'\u2019-]*)*[\s,&]*(?:and\s*)?$"
)
_CREDIT_AFTER = re.compile(
    r"^[^.\n]{0,60}\b(?:contributed (?:to )?(?:this|the) (?:report|story|article)|"
    r"contributed reporting)"
    r"|^\s+(?:may|can) be (?:reached|contacted) at\b"  # "Ann Lee may be reached at ..."
    r"|^\s+reports? for\b"  # "Ann Lee reports for the NBC4 News at 5": a video caption
    r"|^\s*\(@\w+\)",  # "— Ann Lee (@annlee) August 12, 2018": an embedded post's author
    re.IGNORECASE,
)
# "... reports for the NBC4 News": the outlet a video caption credits.
_OUTLET_CREDIT = re.compile(r"\breports? for (?:the )?$")
# "(Reuters) -", "(CNN) --": the outlet a dateline credits.
_DATELINE_AFTER = re.compile(r"^\)\s*(?:-|--|\u2013|\u2014)")
# What follows a dateline's city: ", STATE" and "(Outlet) -" or a dash.
_DATELINE_CITY = re.compile(r"^(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*)?)?\s*(?:\(|-|\u2013|\u2014)")
# Small words a name writes in lower case ("University of Calder") and a headline in
# title case ("Worst Photo Of All Time").
_HEADLINE_SMALL = frozenset(
    {"of", "all", "to", "in", "for", "and", "the", "a", "an", "is", "are", "with", "on", "at"}
)
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "superstorm"})
# Edge words that are never part of a name ("Fleeing Hama", "Invalid").
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "PRON", "SCONJ", "PART", "INTJ", "ADP"})


def _drop_non_players(doc: Any, cands: list[_Cand]) -> tuple[list[_Cand], set[int]]:
    """Names that are no one in the story: a byline or an editing credit ("Editing by
    Ann Lee"), a staff contribution line, the outlet of a dateline ("(Reuters) -"), a
    social handle ("@Outlet"); edge words that are no name are trimmed ("Fleeing
    Hama" -> "Hama"), and a lone common word read as a name is dropped ("Detectives",
    "Invalid"). Returns the kept candidates and the tokens of the dropped ones."""
    kept = []
    dropped: set[int] = set()
    labels = _model_votes(doc)
    glued = _run_together(doc)
    works: set[str] = set()
    for c in cands:
        while c.end - c.start > 1 and (
            (
                doc[c.start].pos_ in _NOT_NAME_POS
                and (
                    doc[c.start].tag_ == "VBG"
                    or (doc[c.start].is_sent_start and c.type != "PERSON")
                )
            )
            or (c.type == "PERSON" and c.end - c.start > 2 and doc[c.start].tag_ == "NN")
            or (c.type == "PERSON" and _plural_relation(doc[c.start]))
        ):  # "Parents Ashley and Evan Boyle": a plural relation or role opens the name
            c.start += 1  # "Fleeing Hama", "Photographer Ann Lee": the name is what follows
        first = doc[c.start]
        start, end = first.idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        if _no_player_kind(doc, c, start, end, labels):
            works.add(doc[c.start : c.end].text)
        if (
            _not_a_player(doc, c, start, end)
            or doc[c.start : c.end].text in works
            or any(t.i in glued for t in doc[c.start : c.end])
        ):
            dropped.update(range(c.start, c.end))
        else:
            kept.append(c)
    # a work, law or event shown to be one anywhere in the text is one everywhere
    # ("HGTV’s Fixer Upper stars" after "the television program Fixer Upper")
    again = [c for c in kept if doc[c.start : c.end].text in works]
    for c in again:
        dropped.update(range(c.start, c.end))
    return [c for c in kept if c not in again], dropped


def _model_votes(doc: Any) -> dict[str, Counter[bool]]:
    """For each name the model found, how often it labelled it a player (person,
    organisation, place, product) or not (a work, a law, an event): one vote per mention."""
    votes: dict[str, Counter[bool]] = {}
    for ent in doc.ents:
        if ent.label_ in NON_PLAYER_LABELS or ent.label_ in KEEP_LABELS:
            name = ent.text.strip(" \"“”'‘’").removeprefix("the ").removeprefix("The ")
            votes.setdefault(name, Counter())[ent.label_ in NON_PLAYER_LABELS] += 1
    return votes


def _run_together(doc: Any) -> set[int]:
    """Tokens that are two words run together by lost spacing ("Saganestimated"): a
    capitalised word the text also writes alone, then a lowercase word it also writes
    alone."""
    capital = {t.text for t in doc if t.is_title and len(t.text) >= 3}
    lower = {t.text for t in doc if t.is_lower and t.is_alpha and len(t.text) >= 3}
    out = set()
    for t in doc:
        w = t.text
        if not (t.is_alpha and w[:1].isupper() and w[1:].islower() and len(w) >= 7):
            continue
        if any(w[:k] in capital and w[k:] in lower for k in range(3, len(w) - 2)):
            out.add(t.i)
    return out


# A quotation of a few title-case words ("“Fixer Upper”", "\"Forgetting to Be Afraid\""):
# the title of a work.
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies in a short quoted title (most words capitalised)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for m in _QUOTED.finditer(text, line_start, line_end):
        if m.start(1) <= start and end <= m.end(1):
            quoted = m.group(1).rstrip(" .,;:!?")
            words = [w for w in quoted.split() if w[:1].isalpha()]
            big = [w for w in words if len(w) > 3 or w[:1].isupper()]
            return (
                0 < len(words) <= 8
                and not re.search(r"[.!?,;:]\s", quoted)
                and sum(w[:1].isupper() for w in big) >= max(1, 0.6 * len(big))
            )
    return False


# A bracket opened right after a sentence, holding only names: "... reported. (Ann Lee and"
_BRACKET_CREDIT = re.compile(r"[.!?\"”)]\s*\((?:[A-Z][\w'.-]*\s+)*(?:(?:and|&)\s+)?$")


def _no_player_kind(
    doc: Any, c: _Cand, start: int, end: int, labels: dict[str, Counter[bool]]
) -> bool:
    """A work ("the television program Fixer Upper", a quoted title), a law, an event,
    an award or an era ("Clean Water Act", "Battle of Stone Mill", "Bronze Age"), a
    name the model labels a work, law or event at least as often as a player, or a
    vanity phone word ("222-TIPS"): no one who acts in the story."""
    text = doc_text(doc)
    words = doc[c.start : c.end].text.split()
    if len(words) > 1 and (
        words[-1].casefold() in NON_PLAYER_TAILS
        or (words[0].casefold() in NON_PLAYER_HEADS and words[1] == "of")
    ):
        return True
    if c.start > 0 and doc[c.start - 1].is_lower and doc[c.start - 1].lower_ in WORK_NOUNS:
        return True
    if _in_quoted_title(text, start, end):
        return True
    if c.type != "PERSON" and any(
        t.is_lower and t.pos_ in ("VERB", "AUX") for t in doc[c.start + 1 : c.end - 1]
    ):
        return True  # "Isaiah claims Frances": a clause, not a name
    if c.type == "PERSON" and _BRACKET_CREDIT.search(text[max(0, start - 80) : start]):
        return True  # "... no injuries reported. (Ann Lee)": a live blog's byline
    if (
        c.type == "ORG"
        and c.end - c.start == 1
        and c.start > 1
        and doc[c.start - 1].text == "of"
        and doc[c.start - 2].is_title
        and doc[c.start - 2].lower_ in ROLE_HEADS
    ):
        return True  # "Secretary of State John Kerry": part of a title
    if (
        c.type == "PERSON"
        and c.start > 0
        and doc[c.start - 1].lower_ in ("a", "an")
        and not (c.end + 1 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].like_num)
    ):
        return True  # "looks like a Kit Kat": a thing, not a person ("a Tom Lee, 35," aside)
    if (
        c.end < len(doc)
        and doc[c.start : c.end].text.isupper()
        and doc[c.end].lower_ in {"rule", "act", "law", "amendment", "bill"}
    ):
        return True  # "the RRP rule", "the ACA law"
    if (
        c.end - c.start == 1
        and words[0].isupper()
        and c.start > 0
        and (doc[c.start - 1].like_num or doc[c.start - 1].lower_ in {"a.m.", "p.m.", "am", "pm"})
    ):
        return True  # "3000 BC", "5 p.m. PDT": an era or a time zone
    if re.fullmatch(r"[A-Z][a-z]+ ?- ?[a-z]+", doc[c.start : c.end].text) or (
        c.type != "PERSON" and re.match(r"-[a-z]", text[end : end + 2])
    ):
        return True  # "Teeny-tiny": a hyphenated word opening a sentence
    vote = labels.get(doc[c.start : c.end].text)
    if vote and vote[True] >= vote[False]:
        return True
    return bool(re.search(r"\d-$", text[max(0, start - 2) : start]))


def _defined_acronyms(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """An acronym the text defines ("Nasdaq OMX Group (NOG)", "IntercontinentalExchange,
    or ICE,") names what it follows, with its type, wherever the text uses it; one
    defined after a law, a work or an event ("Toxic Substances Control Act (TSCA)") or
    after lowercase words it abbreviates ("intercontinental ballistic missile (ICBM)")
    names no player and is dropped everywhere."""
    by_end = {c.end: c for c in cands}
    meaning: dict[str, _Cand | None] = {}
    for c in cands:
        word = doc[c.start].text
        if c.end - c.start != 1 or not word.isupper() or len(word) < 2 or c.start < 2:
            continue
        before = doc[c.start - 1]
        if before.text == "(" and c.end < len(doc) and doc[c.end].text == ")":
            k = c.start - 1
        elif before.lower_ == "or" and doc[c.start - 2].text == ",":
            k = c.start - 2
        else:
            continue
        owner = by_end.get(k)
        if owner is not None and owner.type != "PERSON":
            meaning.setdefault(word, owner)
            continue
        ent = next((e for e in doc.ents if e.end == k), None)
        if ent is not None and ent.label_ in NON_PLAYER_LABELS:
            meaning.setdefault(word, None)
            continue
        lead = [t for t in doc[max(0, k - len(word)) : k] if t.is_alpha]
        lead = [t for t in lead[::-1] if t.lower_ not in FUNCTION_WORDS][::-1]
        if (
            len(lead) >= 2
            and lead[-1].text[0].upper() == word[-1]
            and all(t.is_lower for t in lead[-2:])
            and any(t.text[0].upper() == word[0] for t in lead)
        ):
            meaning.setdefault(word, None)  # "intercontinental ballistic missile (ICBM)"
        elif lead and lead[-1].lower_ in NON_PLAYER_TAILS:
            meaning.setdefault(word, None)
    if not meaning:
        return cands
    kept = []
    for c in cands:
        word = doc[c.start].text if c.end - c.start == 1 else None
        if word not in meaning:
            kept.append(c)
            continue
        owner = meaning[word]
        if owner is not None:
            if owner.type == "PRODUCT" and c.type == "ORG":
                owner.type = "ORG"  # "IntercontinentalExchange, or ICE": a firm, not a product
            c.type = owner.type
            c.canonical = owner.canonical or canonical_name(
                doc[owner.start : owner.end].text, owner.type
            )
            kept.append(c)
    return kept


def _plural_relation(token: Any) -> bool:
    """ "Parents", "Officials": a family word or a role head in the plural."""
    word = token.lower_
    return word.endswith("s") and (
        word[:-1] in KIN_NOUNS or word[:-1] in ROLE_HEADS or token.tag_ == "NNS"
    )


def _joins_a_person(doc: Any, c: _Cand) -> bool:
    """ "Durst for Berman", "Durst in New York": the model's organisation is a person's
    surname run on through a preposition, not a name."""
    first = doc[c.start]
    if not any(t.pos_ == "ADP" and t.is_lower for t in doc[c.start + 1 : c.end]):
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == first.text for e in doc.ents)


def _not_a_player(doc: Any, c: _Cand, start: int, end: int) -> bool:
    text, first = doc_text(doc), doc[c.start]
    span = doc[c.start : c.end]
    if (start > 0 and text[start - 1] in "@#") or any(t.text[:1] in "@#" for t in span):
        return True  # a social handle
    if any(t.text[:1].isupper() and t.lower_ in _HEADLINE_SMALL for t in span[1:]):
        return True  # "Worst Photo Of All Time": a headline in title case, not a name
    if (
        c.start > 0
        and doc[c.start - 1].text[:1].isupper()
        and doc[c.start - 1].lower_ in _HEADLINE_SMALL - {"a", "an", "the"}
        and not doc[c.start - 1].is_sent_start
    ):
        return True  # "Real Housewives Of Beverly Hills": the end of a title-case title
    if c.type == "PERSON" and any(t.like_num for t in span):
        return True
    if c.type == "ORG" and _joins_a_person(doc, c):
        return True
    if "/" in span.text:
        return True  # "AP Photo/Ann Lee", "Ann Lee/Wirewire": a picture credit
    if len(span) == 1 and first.is_upper and c.type == "ORG" and _in_caps_run(first):
        return True  # "FAKE NEWS": shouting, not an organisation
    if c.type == "PERSON" and c.start > 0 and doc[c.start - 1].lower_ in _STORM_WORDS:
        return True  # "Hurricane Betsy": a storm, not a person
    if c.end - c.start == 1:
        common = first.pos_ in _NOT_NAME_POS or (
            first.tag_ == "NNS" and not first.text.isupper() and first.text[1:].islower()
        )
        if common and (c.type != "PERSON" or first.is_sent_start):
            return True  # "Detectives", "Invalid": a common word opening a line
    if c.type == "PERSON" and (
        _CREDIT_BEFORE.search(text[max(0, start - 120) : start])
        or _CREDIT_AFTER.match(text[end : end + 120])
    ):
        return True
    if c.type == "ORG" and _OUTLET_CREDIT.search(text[max(0, start - 20) : start]):
        return True
    return (
        c.type == "ORG"
        and text[start - 1 : start] == "("
        and bool(_DATELINE_AFTER.match(text[end:]))
    )


def _split_country_prefix(doc: Any, cand: _Cand) -> list[_Cand]:
    """ "the U S Huawei" (stripped text) -> GPE "U S" + ORG "Huawei".

    Only a single word after the country is split off; a longer name such as
    "US Federal Communications Commission" stays one organisation.
    """
    if cand.type != "ORG":
        return [cand]
    for n in (3, 2, 1):
        if cand.end - cand.start == n + 1 and country_name(doc[cand.start : cand.start + n].text):
            rest = doc[cand.start + n]
            if rest.text[:1].isupper() and country_name(rest.text) is None:
                return [
                    _Cand(cand.start, cand.start + n, "GPE"),
                    _Cand(cand.start + n, cand.end, "ORG"),
                ]
    return [cand]


# A transcript speaker label left in the text: "JANE DOE, TITLE ORGANISATION ..." at a line start.
CAPS_LABEL = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){1,3}),[ \t]", re.M)


def _add_caps_labels(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """The model often misses all-capital names; a label line names its speaker."""
    for match in CAPS_LABEL.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or not _is_caps_line(span[0]):
            continue
        cands = [c for c in cands if c.end <= span.start or c.start >= span.end]
        cands.append(_Cand(span.start, span.end, "PERSON"))
    return sorted(cands, key=lambda c: c.start)


def _covered(cands: list[_Cand], i: int) -> bool:
    return any(c.start <= i < c.end for c in cands)


def _is_caps_line(token: Any) -> bool:
    """Transcript speaker labels ("JOSEPHINE WOLFF, PROFESSOR ...") are all capitals."""
    text = doc_text(token.doc)
    s = text.rfind("\n", 0, token.idx) + 1
    e = text.find("\n", token.idx)
    line = re.split(r"[\"“]", text[s : e if e >= 0 else len(text)], maxsplit=1)[0]
    letters = [c for c in line[:80] if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.9 * len(letters)


def _add_acronyms(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """All-capital words the model missed ("EMC", "IDC") are organisations."""
    added = []
    for tok in doc:
        t = tok.text
        if (
            2 <= len(t) <= 5
            and t.isalpha()
            and t.isupper()
            and t not in NOT_ACRONYM_ORGS
            and t.casefold() not in CORPORATE_SUFFIXES
            and tok.pos_ in ("PROPN", "NOUN")
            and not _covered(cands, tok.i)
            and not country_name(t)
            and not _is_caps_line(tok)
            and not _in_caps_run(tok)
        ):
            added.append(_Cand(tok.i, tok.i + 1, "ORG"))
    return sorted(cands + added, key=lambda c: c.start)


def _in_caps_run(tok: Any) -> bool:
    """A word of a passage written in capitals ("HALF OF HOMES WILL LOSE ROOFS"): a word
    next to it is in capitals too, so it is shouting, not an acronym."""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.is_upper and len(t.text) > 2 for t in near)


def _add_products(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """A capitalised name followed by a model code ("Ascend P2") is a product."""
    added = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (
            PRODUCT_CODE.match(tok.text)
            and prev.text[:1].isupper()
            and prev.is_alpha
            and not prev.is_sent_start
            and not any(c.start <= tok.i < c.end and c.end != tok.i + 1 for c in cands)
            and not any(p.match(prev.text) for p in NOT_ENTITY_PATTERNS)
        ):
            start = tok.i - 1
            for c in [c for c in cands if c.start <= start < c.end or c.start <= tok.i < c.end]:
                cands.remove(c)  # a product name beats a partial ORG reading
            added.append(_Cand(start, tok.i + 1, "PRODUCT"))
    return sorted(cands + added, key=lambda c: c.start)


def _fix_types(doc: Any, cands: list[_Cand]) -> None:
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
            and not any(t.lower_ in _ORG_TAILS or t.lower_ in PLACE_HEADS for t in words[1:])
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
        while k < len(doc) and _is_role_word(doc[k]):
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


def _owned_like_a_firm(doc: Any, c: _Cand) -> bool:
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


def _looks_personal(doc: Any, c: _Cand) -> bool:
    """Two capitalised proper nouns, no organisation word, never written "the X Y" in the
    text (as "the White House" is): a name shaped like a person's."""
    toks = doc[c.start : c.end]
    if len(toks) != 2 or not all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in toks
    ):
        return False
    if any(t.lower_ in GENERIC_ORG_HEADS or t.lower_ in _ORG_TAILS for t in toks):
        return False
    return re.search(rf"\bthe\s+{re.escape(toks.text)}\b", doc_text(doc), re.IGNORECASE) is None


def _link_short_forms(doc: Any, cands: list[_Cand], known_orgs: Sequence[str] = ()) -> None:
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


def _dominant_org(doc: Any, cands: list[_Cand]) -> str | None:
    """The organisation the article is about: its most mentioned one."""
    counts = Counter(
        c.canonical or canonical_name(doc[c.start : c.end].text, "ORG")
        for c in cands
        if c.type == "ORG"
    )
    return counts.most_common(1)[0][0] if counts else None


def _org_at(doc: Any, cands: list[_Cand], i: int) -> _Cand | None:
    return next((c for c in cands if c.start == i and c.type == "ORG"), None)


def _attach_role(doc: Any, person: _Cand, cands: list[_Cand], dominant: str | None) -> None:
    """Find the person's title and organisation before ("IDC analyst X") or after ("X, an analyst with Y")."""
    if _is_caps_line(doc[person.start]):
        _attach_caps_label(doc, person)
    elif not _premodifier_role(doc, person, cands, dominant):
        _appositive_role(doc, person, cands, dominant)


def _is_owner_s(doc: Any, i: int) -> bool:
    """Token i and i+1 read "company 's" (or "company s" in stripped text)."""
    return (
        i + 1 < len(doc)
        and doc[i].lower_ in ANAPHORIC_OWNERS
        and doc[i + 1].lower_ in {"'s", "’s", "s"}
    )


def _of_complement(doc: Any, end: int) -> bool:
    """Whether the words before token `end` read "title of X" with X one plain word
    ("secretary of state", "Chief of Staff"), not a named organisation or place."""
    if end < 3 or doc[end - 2].lower_ != "of" or not _is_role_word(doc[end - 3]):
        return False
    word = doc[end - 1]
    # a lone lowercase word is no organisation's name even where the model tags one
    return (
        word.is_alpha and (word.is_lower or not word.ent_type_) and word.pos_ in ("NOUN", "PROPN")
    )


def _premodifier_role(doc: Any, person: _Cand, cands: list[_Cand], dominant: str | None) -> bool:
    """ "[ORG] role-words PERSON" or "the company's CEO PERSON"; True if a title was found."""
    end = person.start
    if end > 1 and doc[end - 1].text == "," and _is_role_word(doc[end - 2]):
        end -= 1  # "Its chairman, Aled Brennan, said"
    head_end = end
    if _of_complement(doc, end):
        head_end = end - 2  # "secretary of state Ann Roe", "Chief of Staff Ann Roe"
    j = head_end
    while j > 0 and _is_role_word(doc[j - 1]) and head_end - j < 4:
        j -= 1
    if j == head_end or not any(t.lower_ in ROLE_HEADS for t in doc[j:head_end]):
        return False
    if end < person.start and not (
        j > 0 and (doc[j - 1].lower_ in ("its", "their") or _is_owner_s(doc, j - 2))
    ):
        return False  # a comma needs "Its chairman," to read as a title
    person.role = with_past(doc[j:end].text, past_marker(doc, j))
    if j > 0 and doc[j - 1].lower_ in ("its", "their"):
        person.organisation = _nearest_org(doc, cands, j - 1) or dominant
        return True
    org = next((c for c in cands if c.end == j and c.type == "ORG"), None)
    if org is not None:
        person.organisation = org.canonical or doc[org.start : org.end].text
    elif _is_owner_s(doc, j - 2) or (j >= 1 and doc[j - 1].lower_ in ANAPHORIC_OWNERS):
        person.organisation = dominant
    return True


def _titles_next_name(doc: Any, cands: list[_Cand], k: int) -> bool:
    """Whether the title ending before token `k` (with an "of Staff" complement) is
    written before the next person's name, so it is theirs, not an appositive's."""
    n = len(doc)
    if k < n and doc[k].lower_ == "of":
        m = k + 1
        while m < n and m - k <= 2 and doc[m].text[:1].isupper() and doc[m].ent_type_ != "PERSON":
            m += 1
        k = m if m > k + 1 else k
    if k >= n:
        return False
    return doc[k].ent_type_ == "PERSON" or any(c.type == "PERSON" and c.start == k for c in cands)


def _appositive_role(doc: Any, person: _Cand, cands: list[_Cand], dominant: str | None) -> None:
    """ "PERSON[,] [a|the] [company's] role [of noun] [prep [descriptor] ORG]"."""
    n = len(doc)
    k = person.end
    if k < n and doc[k].text == ",":
        k += 1
    if k < n and doc[k].lower_ in ("a", "an", "the"):
        k += 1
    owner = None
    named = _org_at(doc, cands, k)
    if _is_owner_s(doc, k):
        owner, k = dominant, k + 2
    elif k < n and doc[k].lower_ in ("its", "their"):
        owner, k = _nearest_org(doc, cands, person.start) or dominant, k + 1
    elif named is not None and named.end < n and doc[named.end].lower_ in {"'s", "’s"}:
        owner, k = named.canonical or doc[named.start : named.end].text, named.end + 1
    while k < n and doc[k].lower_ in ("same", "other", "another"):
        k += 1  # "the same lawyer who ...": the title is "lawyer"
    r0 = k
    while (
        k < n
        and k - r0 < 4
        and (_is_role_word(doc[k]) or (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ")))
    ):
        k += 1
    if k == r0 or doc[k - 1].lower_ not in ROLE_HEADS:
        _affiliation_only(doc, person, cands)
        return
    if k < n and _is_possessive(doc, k):
        return  # "X, the current president's late father": the title is someone else's
    if _titles_next_name(doc, cands, k):
        return  # "Chief of Staff Ann Cole, Deputy Chief of Staff Ben Ruiz": Ruiz's title
    # "president of marketing": a lowercase 'of' complement belongs to the title
    if k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN":
        k += 2
    person.role = doc[r0:k].text
    person.organisation = owner
    if k >= n or doc[k].lower_ not in ORG_PREPOSITIONS:
        return
    m = k + 1
    if (m < n and doc[m].lower_ in ("its", "their")) or _is_owner_s(doc, m + 1):
        person.organisation = person.organisation or dominant  # "for its enterprise group"
        return
    while m < n and m - k < 5 and not _covered(cands, m) and (doc[m].is_lower or doc[m].is_punct):
        m += 1  # descriptors: "with research firm Gartner"
    org = _org_at(doc, cands, m)
    if org is not None:
        person.organisation = org.canonical or doc[org.start : org.end].text
        scope = unit_scope(doc, org.end)
        if scope is not None:
            # "CEO of Huawei's consumer business group": the title is the unit's, not Huawei's
            person.role = f"{person.role} {doc[k].lower_} {doc[org.end + 1 : scope].text}"


def _affiliation_only(doc: Any, person: _Cand, cands: list[_Cand]) -> None:
    """ "Tom Berg of the University of Calder in East Marrow": no title, but the
    organisation named right after the name ("of", "from", "at") is the person's; a place
    there ("of Springfield") is where they live, not an affiliation."""
    k = person.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "from", "at"):
        return
    m = k + 1 + (doc[k + 1].lower_ == "the")
    org = _org_at(doc, cands, m)
    if org is not None and not (org.end < len(doc) and doc[org.end].lower_ in {"'s", "’s"}):
        person.organisation = org.canonical or doc[org.start : org.end].text


def unit_scope(doc: Any, i: int) -> int | None:
    """End of "'s consumer business group" starting at token `i` (the possessive), when the
    phrase names a part of the organisation (roles.UNIT_NOUNS); else None."""
    n = len(doc)
    if i >= n or doc[i].lower_ not in {"'s", "’s"}:
        return None
    j, end = i + 1, None
    while j < n and j - i <= 4 and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "PROPN"):
        if doc[j].lower_ in UNIT_NOUNS:
            end = j + 1  # the last unit noun of the run: "consumer business group"
        j += 1
    return end


def _nearest_org(doc: Any, cands: list[_Cand], before: int) -> str | None:
    """The organisation named last before token `before`, in its sentence or the one before:
    what "its" in "Aled Brennan, its chairman" points back at."""
    sent = doc[before].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    orgs = [c for c in cands if c.type == "ORG" and floor <= c.start and c.end <= before]
    if not orgs:
        return None
    last = max(orgs, key=lambda c: c.start)
    return last.canonical or doc[last.start : last.end].text


def _attach_caps_label(doc: Any, person: _Cand) -> None:
    """ "KEVIN HO, PRESIDENT HUAWEI HANDSET PRODUCT LINE": title, then organisation."""
    k = person.end
    if k >= len(doc) or doc[k].text != ",":
        return
    k += 1
    r0 = k
    while k < len(doc) and _is_role_word(doc[k]) and "\n" not in doc[k].text:
        k += 1
    if k == r0:
        return
    person.role = _label_case(doc[r0:k].text)
    m = k
    while m < len(doc) and doc[m].is_alpha and doc[m].is_upper and "\n" not in doc[m].text:
        m += 1
    if m > k:
        person.organisation = _label_case(doc[k:m].text)


def _label_case(text: str) -> str:
    """ "ROCHESTER INSTITUTE OF TECHNOLOGY" -> "Rochester Institute of Technology"; "VP", "CTO" kept."""
    words = text.split()
    if len(words) == 1 and len(text) <= 3:
        return text
    return " ".join(
        w.lower() if w in {"OF", "AND", "THE", "FOR", "AT"} else w.capitalize() for w in words
    )


def person_traits(doc: Any, start: int, end: int) -> tuple[str | None, bool]:
    """(sex, is a child) of the person named by tokens [start, end), from the words
    around the name: a courtesy title ("Mrs Vance"), a family word in apposition
    ("her mother, Elise Vance"; "Tom Vance, the boy's father"), an age ("Nora
    Vance, 9,"; "9-year-old Nora Vance"). Unknown parts are None / False."""
    n = len(doc)
    gender: str | None = None
    minor = False
    before = doc[max(0, start - 4) : start]
    if start > 0 and doc[start - 1].lower_ in COURTESY_GENDER:
        gender = COURTESY_GENDER[doc[start - 1].lower_]
    elif start > 1 and doc[start - 1].text == "," and doc[start - 2].lower_ in KIN_NOUNS:
        gender = KIN_NOUNS[doc[start - 2].lower_]  # "her mother, Elise Vance"
    if gender is None and end < n and doc[end].text == ",":
        for tok in doc[end + 1 : min(n, end + 6)]:
            if tok.is_punct:
                break
            if tok.lower_ in KIN_NOUNS:
                gender = KIN_NOUNS[tok.lower_]  # "Tom Vance, the boy's father,"
                break
    if end + 1 < n and doc[end].text == "," and doc[end + 1].like_num:
        age = doc[end + 1].text
        minor = age.isdigit() and int(age) < ADULT_AGE and (end + 2 >= n or doc[end + 2].is_punct)
    for tok in before:
        m = re.match(r"^(\d{1,2})-year-old$", tok.text)
        if m and int(m.group(1)) < ADULT_AGE:
            minor = True
    return gender, minor


def _family_names(doc: Any, cands: list[_Cand]) -> set[str]:
    """Surnames two or more people named in full share in this document."""
    full = {doc[c.start : c.end].text for c in cands if c.type == "PERSON" and c.end - c.start > 1}
    last = Counter(name.split()[-1] for name in full)
    return {w for w, n in last.items() if n > 1}


def _family_role(doc: Any, person: _Cand) -> str | None:
    """A person with no title, named by their relation ("her mother, Elise Vance" ->
    "mother") or as a child ("Nora Vance, 9," -> CHILD_ROLE): what the story says
    they are, and what keeps a parent and a child of one surname apart across articles."""
    before = person.start - 2 if person.start > 1 and doc[person.start - 1].text == "," else -1
    after = range(person.end + 1, min(len(doc), person.end + 8))
    if person.end >= len(doc) or doc[person.end].text != ",":
        after = range(0)
    for i in (before, *after):
        if 0 <= i < len(doc) and doc[i].lower_ in KIN_NOUNS:
            between = doc[min(i, person.end) : max(i, person.start)]
            if any(
                t.text in ".;:!?"
                or t.pos_ in ("VERB", "AUX")
                or t.lower_ in ("who", "which", "whose", "that")
                for t in between
            ):
                break  # "Tom Vance, who found his son": not an apposition
            return doc[i].lower_
    return CHILD_ROLE if person_traits(doc, person.start, person.end)[1] else None


def _resolve_titled_surnames(doc: Any, cands: list[_Cand]) -> None:
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


def _add_surnames(doc: Any, cands: list[_Cand], skip: set[int] | None = None) -> list[_Cand]:
    """Lone name words the model missed ("Sanqui guesses") that match a person in the text;
    tokens in `skip` (a byline, a credit) are left alone."""
    fulls = {
        canonical_name(doc[c.start : c.end].text, "PERSON")
        for c in cands
        if c.type == "PERSON" and c.end - c.start > 1
    }
    if not fulls:
        return cands
    added = []
    for tok in doc:
        if tok.pos_ != "PROPN" or _covered(cands, tok.i) or not is_name_word(tok.text):
            continue
        if (skip and tok.i in skip) or _compound_tail(doc, tok.i):
            continue
        full = resolve_short_name(tok.text, fulls)
        if full is not None:
            added.append(_Cand(tok.i, tok.i + 1, "PERSON", canonical=full))
    return sorted(cands + added, key=lambda c: c.start)


def _to_mention(doc: Any, c: _Cand) -> EntityMention:
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


def _apply_turns(
    text: str, mentions: list[EntityMention], turns: Sequence[Turn]
) -> list[EntityMention]:
    """Transcript turns name their speaker with role and organisation directly."""
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


_ORG_TAILS = (
    GENERIC_ORG_HEADS
    | CORPORATE_SUFFIXES
    | {"law", "partners", "associates", "llp", "academy", "school", "church", "hospital"}
    | {"center", "centre", "museum", "library", "clinic", "airport", "prison", "magazine"}
    | {"nations", "fraternity", "sorority", "chapter", "press", "exchange", "studios"}
    | {"records", "homes", "properties", "foods", "stores", "airlines", "motors", "bureau"}
    | {"sheriff", "police", "network", "media", "entertainment", "pictures", "brands"}
)


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


def _person_types(mentions: list[EntityMention]) -> None:
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
                (m.type in ("PERSON", "PRODUCT") and words[-1].casefold() in _ORG_TAILS)
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
            and not any(w.casefold() in _ORG_TAILS or w.casefold() in PLACE_HEADS for w in words)
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


def _place_types(text: str, mentions: list[EntityMention]) -> None:
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


def _canonicalise(mentions: list[EntityMention]) -> None:
    """Give each mention its in-document canonical name ("Chang" -> "Jimmie Chang")."""
    for m in mentions:
        m.canonical = m.canonical or canonical_name(m.text, m.type)
    _person_types(mentions)
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
