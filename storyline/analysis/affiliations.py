"""A person's post and organisation, read from the words written around the name:
a title before it ("Energy Minister Ana Ruiz"), a premodifier ("Huawei CTO Li"), an
appositive ("Li, the chief technology officer of Huawei"), a CAPS transcript label, or
a family relation where that tells two people of one surname apart.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .entity_candidates import (
    Candidate,
    inside_candidate,
    is_caps_line,
    is_possessive,
    is_role_word,
    no_space_between,
)
from .entity_rules import (
    ANAPHORIC_OWNERS,
    COURTESY_TITLES,
    NAME_TITLES,
    ORG_PREPOSITIONS,
    ROLE_HEADS,
)
from .names import (
    canonical_name,
)
from .roles import (
    ADULT_AGE,
    CHILD_ROLE,
    COURTESY_GENDER,
    KIN_NOUNS,
    UNIT_NOUNS,
    past_marker,
    with_past,
)


def _is_title(token: Any) -> bool:
    return token.lower_ in NAME_TITLES or token.lower_ in COURTESY_TITLES


def name_title(doc: Any, person: Candidate) -> bool:
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


def strip_leading_title(doc: Any, cand: Candidate) -> None:
    """ "CTO Li Sanqi" -> person "Li Sanqi" (the title is read again by `attach_role`)."""
    s = cand.start
    while s < cand.end - 1 and is_role_word(doc[s]) and not no_space_between(doc[s], doc[s + 1]):
        s += 1  # ("Dean-Charles Chapman" keeps its "Dean")
    if s == cand.start and cand.end - s > 2 and doc[s].is_upper and 2 <= len(doc[s].text) <= 4:
        cand.role = cand.role or doc[s].text  # "SSP Ann Lee": a rank's initials
        s += 1
    if s > cand.start and s < cand.end:
        cand.start = s


def dominant_org(doc: Any, cands: list[Candidate]) -> str | None:
    """The organisation the article is about: its most mentioned one."""
    counts = Counter(
        c.canonical or canonical_name(doc[c.start : c.end].text, "ORG")
        for c in cands
        if c.type == "ORG"
    )
    return counts.most_common(1)[0][0] if counts else None


def _org_at(doc: Any, cands: list[Candidate], i: int) -> Candidate | None:
    return next((c for c in cands if c.start == i and c.type == "ORG"), None)


def attach_role(doc: Any, person: Candidate, cands: list[Candidate], dominant: str | None) -> None:
    """Find the person's title and organisation before ("IDC analyst X") or after ("X, an analyst with Y")."""
    if is_caps_line(doc[person.start]):
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
    if end < 3 or doc[end - 2].lower_ != "of" or not is_role_word(doc[end - 3]):
        return False
    word = doc[end - 1]
    # a lone lowercase word is no organisation's name even where the model tags one
    return (
        word.is_alpha and (word.is_lower or not word.ent_type_) and word.pos_ in ("NOUN", "PROPN")
    )


def _premodifier_role(
    doc: Any, person: Candidate, cands: list[Candidate], dominant: str | None
) -> bool:
    """ "[ORG] role-words PERSON" or "the company's CEO PERSON"; True if a title was found."""
    end = person.start
    if end > 1 and doc[end - 1].text == "," and is_role_word(doc[end - 2]):
        end -= 1  # "Its chairman, Aled Brennan, said"
    head_end = end
    if _of_complement(doc, end):
        head_end = end - 2  # "secretary of state Ann Roe", "Chief of Staff Ann Roe"
    j = head_end
    while j > 0 and is_role_word(doc[j - 1]) and head_end - j < 4:
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


def _titles_next_name(doc: Any, cands: list[Candidate], k: int) -> bool:
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


def _appositive_role(
    doc: Any, person: Candidate, cands: list[Candidate], dominant: str | None
) -> None:
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
        and (is_role_word(doc[k]) or (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ")))
    ):
        k += 1
    if k == r0 or doc[k - 1].lower_ not in ROLE_HEADS:
        _affiliation_only(doc, person, cands)
        return
    if k < n and is_possessive(doc, k):
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
    while (
        m < n
        and m - k < 5
        and not inside_candidate(cands, m)
        and (doc[m].is_lower or doc[m].is_punct)
    ):
        m += 1  # descriptors: "with research firm Gartner"
    org = _org_at(doc, cands, m)
    if org is not None:
        person.organisation = org.canonical or doc[org.start : org.end].text
        scope = unit_scope(doc, org.end)
        if scope is not None:
            # "CEO of Huawei's consumer business group": the title is the unit's, not Huawei's
            person.role = f"{person.role} {doc[k].lower_} {doc[org.end + 1 : scope].text}"


def _affiliation_only(doc: Any, person: Candidate, cands: list[Candidate]) -> None:
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


def _nearest_org(doc: Any, cands: list[Candidate], before: int) -> str | None:
    """The organisation named last before token `before`, in its sentence or the one before:
    what "its" in "Aled Brennan, its chairman" points back at."""
    sent = doc[before].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    orgs = [c for c in cands if c.type == "ORG" and floor <= c.start and c.end <= before]
    if not orgs:
        return None
    last = max(orgs, key=lambda c: c.start)
    return last.canonical or doc[last.start : last.end].text


def _attach_caps_label(doc: Any, person: Candidate) -> None:
    """ "KEVIN HO, PRESIDENT HUAWEI HANDSET PRODUCT LINE": title, then organisation."""
    k = person.end
    if k >= len(doc) or doc[k].text != ",":
        return
    k += 1
    r0 = k
    while k < len(doc) and is_role_word(doc[k]) and "\n" not in doc[k].text:
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


def family_names(doc: Any, cands: list[Candidate]) -> set[str]:
    """Surnames two or more people named in full share in this document."""
    full = {doc[c.start : c.end].text for c in cands if c.type == "PERSON" and c.end - c.start > 1}
    last = Counter(name.split()[-1] for name in full)
    return {w for w, n in last.items() if n > 1}


def family_role(doc: Any, person: Candidate) -> str | None:
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
