"""Names that are no player in the story: bylines and photo credits, outlets credited
for a report, datelines, storms, headline words, titles of works, and words the model
read as a name in one place but not elsewhere. Dropped before typing, so a credit line
never becomes a person the brief lists.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .entity_candidates import Candidate, in_caps_run
from .entity_rules import (
    KEEP_LABELS,
    NON_PLAYER_HEADS,
    NON_PLAYER_LABELS,
    NON_PLAYER_TAILS,
    ROLE_HEADS,
    WORK_NOUNS,
)
from .nlp import doc_text
from .roles import (
    KIN_NOUNS,
)

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


# Small words a name writes in lower case ("University of Calder") and a headline in
# title case ("Worst Photo Of All Time").
_HEADLINE_SMALL = frozenset(
    {"of", "all", "to", "in", "for", "and", "the", "a", "an", "is", "are", "with", "on", "at"}
)


_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "superstorm"})


# Edge words that are never part of a name ("Fleeing Hama", "Invalid").
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "PRON", "SCONJ", "PART", "INTJ", "ADP"})


def drop_non_players(doc: Any, cands: list[Candidate]) -> tuple[list[Candidate], set[int]]:
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
    doc: Any, c: Candidate, start: int, end: int, labels: dict[str, Counter[bool]]
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


def _plural_relation(token: Any) -> bool:
    """ "Parents", "Officials": a family word or a role head in the plural."""
    word = token.lower_
    return word.endswith("s") and (
        word[:-1] in KIN_NOUNS or word[:-1] in ROLE_HEADS or token.tag_ == "NNS"
    )


def _joins_a_person(doc: Any, c: Candidate) -> bool:
    """ "Durst for Berman", "Durst in New York": the model's organisation is a person's
    surname run on through a preposition, not a name."""
    first = doc[c.start]
    if not any(t.pos_ == "ADP" and t.is_lower for t in doc[c.start + 1 : c.end]):
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == first.text for e in doc.ents)


def _not_a_player(doc: Any, c: Candidate, start: int, end: int) -> bool:
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
    if len(span) == 1 and first.is_upper and c.type == "ORG" and in_caps_run(first):
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
