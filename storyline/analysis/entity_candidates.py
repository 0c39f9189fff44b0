"""Where the names are: the candidate spans an article's entity mentions start from.

spaCy's entities, trimmed at line breaks and brackets and repaired where the small
model cuts a name short ("Moon Jae-in"), plus what it misses: CAPS speaker labels,
acronyms ("EMC"), product codes ("Ascend P2"), acronyms an article defines, and bare
surnames standing for a person named in full. `Candidate` is the span every later
stage (non-players, types, roles, merging) reads and edits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..words import FUNCTION_WORDS
from .entity_rules import (
    CORPORATE_SUFFIXES,
    GENERIC_ORG_HEADS,
    KEEP_LABELS,
    NON_PLAYER_LABELS,
    NON_PLAYER_TAILS,
    NOT_ACRONYM_ORGS,
    NOT_ENTITY_PATTERNS,
    PLACE_HEADS,
    PRODUCT_CODE,
    PRONOUNS,
    RANK_ABBREVIATIONS,
    REGIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    WIDGET_WORDS,
)
from .names import (
    canonical_name,
    country_name,
    is_name_word,
    resolve_short_name,
)
from .nlp import doc_text


@dataclass(slots=True)
class Candidate:
    """A name being found: token span, type, and what later stages fill in (role, canonical)."""

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


def _trim(doc: Any, cand: Candidate) -> list[Candidate]:
    """Split a span at line breaks/brackets and trim its edges; may yield several parts."""
    parts: list[Candidate] = []
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
            or is_possessive(doc, e - 1)
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
            parts.append(Candidate(s, e, cand.type, cand.role, cand.organisation))
        i = j
    return parts


def is_possessive(doc: Any, i: int) -> bool:
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


def is_role_word(token: Any) -> bool:
    """A post or its modifier ("chief", "executive"), from the one role word list."""
    return token.lower_ in ROLE_HEADS or token.lower_ in ROLE_MODIFIERS


def model_candidates(doc: Any) -> list[Candidate]:
    """spaCy's entities of the kept labels, trimmed and split, minus junk and title tails."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS or (ent.label_ != "PERSON" and is_caps_line(ent[0])):
            continue
        for part in _trim(doc, Candidate(ent.start, ent.end, KEEP_LABELS[ent.label_])):
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


def no_space_between(left: Any, right: Any) -> bool:
    """Two tokens written with no space between them."""
    return not left.whitespace_ and right.i == left.i + 1


def extend_people(doc: Any, cands: list[Candidate]) -> None:
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
        and w.casefold() not in ORG_TAILS
        and w.casefold() not in PLACE_HEADS
    }
    for c in cands:
        if c.type != "PERSON":
            continue
        e = c.end
        if (
            e + 1 < len(doc)
            and doc[e].text == "-"
            and no_space_between(doc[e - 1], doc[e])
            and no_space_between(doc[e], doc[e + 1])
            and doc[e + 1].is_alpha
        ):
            c.end = e + 2
        s = c.start
        if (
            s >= 2
            and doc[s - 1].text == "-"
            and no_space_between(doc[s - 2], doc[s - 1])
            and no_space_between(doc[s - 1], doc[s])
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


def _tail_of_a_title(doc: Any, cand: Candidate) -> bool:
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
        and not is_role_word(head)
        and head.lower_ not in GENERIC_ORG_HEADS
    )


def drop_common_words(doc: Any, cands: list[Candidate]) -> list[Candidate]:
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


def defined_acronyms(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """An acronym the text defines ("Nasdaq OMX Group (NOG)", "IntercontinentalExchange,
    or ICE,") names what it follows, with its type, wherever the text uses it; one
    defined after a law, a work or an event ("Toxic Substances Control Act (TSCA)") or
    after lowercase words it abbreviates ("intercontinental ballistic missile (ICBM)")
    names no player and is dropped everywhere."""
    by_end = {c.end: c for c in cands}
    meaning: dict[str, Candidate | None] = {}
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


def _split_country_prefix(doc: Any, cand: Candidate) -> list[Candidate]:
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
                    Candidate(cand.start, cand.start + n, "GPE"),
                    Candidate(cand.start + n, cand.end, "ORG"),
                ]
    return [cand]


# A transcript speaker label left in the text: "JANE DOE, TITLE ORGANISATION ..." at a line start.
CAPS_LABEL = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){1,3}),[ \t]", re.M)


def add_caps_labels(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """The model often misses all-capital names; a label line names its speaker."""
    for match in CAPS_LABEL.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or not is_caps_line(span[0]):
            continue
        cands = [c for c in cands if c.end <= span.start or c.start >= span.end]
        cands.append(Candidate(span.start, span.end, "PERSON"))
    return sorted(cands, key=lambda c: c.start)


def inside_candidate(cands: list[Candidate], i: int) -> bool:
    """Token `i` already belongs to a candidate."""
    return any(c.start <= i < c.end for c in cands)


def is_caps_line(token: Any) -> bool:
    """Transcript speaker labels ("JOSEPHINE WOLFF, PROFESSOR ...") are all capitals."""
    text = doc_text(token.doc)
    s = text.rfind("\n", 0, token.idx) + 1
    e = text.find("\n", token.idx)
    line = re.split(r"[\"“]", text[s : e if e >= 0 else len(text)], maxsplit=1)[0]
    letters = [c for c in line[:80] if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.9 * len(letters)


def add_acronyms(doc: Any, cands: list[Candidate]) -> list[Candidate]:
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
            and not inside_candidate(cands, tok.i)
            and not country_name(t)
            and not is_caps_line(tok)
            and not in_caps_run(tok)
        ):
            added.append(Candidate(tok.i, tok.i + 1, "ORG"))
    return sorted(cands + added, key=lambda c: c.start)


def in_caps_run(tok: Any) -> bool:
    """A word of a passage written in capitals ("HALF OF HOMES WILL LOSE ROOFS"): a word
    next to it is in capitals too, so it is shouting, not an acronym."""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.is_upper and len(t.text) > 2 for t in near)


def add_products(doc: Any, cands: list[Candidate]) -> list[Candidate]:
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
            added.append(Candidate(start, tok.i + 1, "PRODUCT"))
    return sorted(cands + added, key=lambda c: c.start)


def add_surnames(doc: Any, cands: list[Candidate], skip: set[int] | None = None) -> list[Candidate]:
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
        if tok.pos_ != "PROPN" or inside_candidate(cands, tok.i) or not is_name_word(tok.text):
            continue
        if (skip and tok.i in skip) or _compound_tail(doc, tok.i):
            continue
        full = resolve_short_name(tok.text, fulls)
        if full is not None:
            added.append(Candidate(tok.i, tok.i + 1, "PERSON", canonical=full))
    return sorted(cands + added, key=lambda c: c.start)


ORG_TAILS = (
    GENERIC_ORG_HEADS
    | CORPORATE_SUFFIXES
    | {"law", "partners", "associates", "llp", "academy", "school", "church", "hospital"}
    | {"center", "centre", "museum", "library", "clinic", "airport", "prison", "magazine"}
    | {"nations", "fraternity", "sorority", "chapter", "press", "exchange", "studios"}
    | {"records", "homes", "properties", "foods", "stores", "airlines", "motors", "bureau"}
    | {"sheriff", "police", "network", "media", "entertainment", "pictures", "brands"}
)
