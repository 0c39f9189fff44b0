"""The one fuzzy name matcher: when two spellings name the same person or thing.

Entities, speakers, quotes, figures and the brief all ask "is this the same
name?"; they ask it here, so a misspelling ("Sanqui"/"Sanqi") merges, or does
not, the same way in every section.

- `same_word`: two name words, one spelling or near variants; short words
  must match exactly ("He" is never "Ho").
- `word_in_name`: a lone word is one of a full name's words.
- `same_full_name`: two full names with the same words in order (middle
  initials aside), near spellings allowed but one word exact.
- `resolve_short_name`: the one full name a lone surname or given name
  refers to, never a guess: two people of that name (a family) mean no answer
  unless one of them was mentioned last (`nearest_first`).
- `same_person`: the brief's test for grouping speakers across documents.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from .entity_rules import PRONOUNS
from .roles import COURTESY_GENDER

# Two spellings of a name word are one above this similarity ("Sanqui"/"Sanqi").
WORD_SIMILARITY = 0.8
# Two whole names this similar are one person spelt two ways.
NAME_SIMILARITY = 0.85
_MIN_FUZZY_LEN = 4


def similar(a: str, b: str) -> float:
    """Spelling similarity of two strings in [0, 1] (difflib ratio, case-folded)."""
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def same_word(a: str, b: str, threshold: float = WORD_SIMILARITY) -> bool:
    """Two name words are one spelling or near variants; short words must match exactly.
    Hyphenated words match part by part ("Jong-nam" is not "Jong-un": another person)."""
    if a.casefold() == b.casefold():
        return True
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) > 1 and len(parts_a) == len(parts_b):
        return all(same_word(x, y, threshold) for x, y in zip(parts_a, parts_b, strict=True))
    if min(len(a), len(b)) < _MIN_FUZZY_LEN:
        return False
    if abs(len(a) - len(b)) > 2:
        return False  # "Secret"/"Secretary": a word with an ending of its own, not a spelling
    return similar(a, b) >= threshold or transposed(a, b)


def transposed(a: str, b: str) -> bool:
    """ "Ilsa"/"Isla", "Olivares"/"Oliveras": the same letters with two of them swapped,
    neighbours or one apart (one apart only in words of five letters or more), first
    letter kept (case-folded)."""
    a, b = a.casefold(), b.casefold()
    if len(a) != len(b) or a == b or a[:1] != b[:1]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and (diff[1] == diff[0] + 1 or (diff[1] == diff[0] + 2 and len(a) >= 5))
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def word_in_name(word: str, name_words: Iterable[str]) -> bool:
    """A single name word is one of a full name's words, exactly or by spelling."""
    return any(same_word(word, w) for w in name_words)


def without_initials(name: str) -> list[str]:
    """ "John S. Pistole" -> ["John", "Pistole"]."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w)]
    return words if len(words) > 1 else name.split()


def same_full_name(a: str, b: str) -> bool:
    """Two full names with the same words (middle initials aside), near spellings, one word exact."""
    wa, wb = without_initials(a), without_initials(b)
    return (
        len(wa) == len(wb) > 1
        and all(same_word(x, y) for x, y in zip(wa, wb, strict=False))
        and any(x.casefold() == y.casefold() for x, y in zip(wa, wb, strict=False))
    )


def is_name_word(word: str) -> bool:
    """Whether a single word can stand for a person (not "Li", "He" or a pronoun)."""
    return len(word) >= 3 and word.casefold() not in PRONOUNS and word[:1].isupper()


def short_name_candidates(short: str, full_names: Iterable[str]) -> list[str]:
    """Full names a lone word may stand for: exact word matches, else near surnames."""
    fulls = sorted({f for f in full_names if len(f.split()) > 1})
    exact = [f for f in fulls if short.casefold() in (w.casefold() for w in f.split())]
    if exact:
        return exact
    return [f for f in fulls if same_word(f.split()[-1], short)]


def resolve_short_name(
    short: str, full_names: Iterable[str], nearest_first: Sequence[str] = ()
) -> str | None:
    """The one full name that a lone surname or given name refers to, else None.

    Exact word matches win over near spellings, which are tried on surnames
    only ("Sanqui" -> "Li Sanqi", but "Johnny" is not "John Tessier"). Two
    candidates (a mother and a child of one surname) mean no answer, unless
    `nearest_first` (names by recency of mention, latest first) shows which
    of them was mentioned last: "Smith" right after "Mary Smith" is Mary.
    """
    if " " in short.strip() or not is_name_word(short):
        return None
    hits = short_name_candidates(short, full_names)
    if len(hits) == 1:
        return hits[0]
    if hits and nearest_first:
        latest = next((n for n in nearest_first if n in hits), None)
        return latest
    return None


def same_person(a: str, b: str, others: Iterable[str] = ()) -> bool:
    """Whether two speaker names are one person ("Chang" ~ "Jimmie Chang").

    A lone word matches a full name only when no other full name in `others`
    shares it (two Changs: the surname alone is ambiguous).
    """
    wa, wb = a.casefold().split(), b.casefold().split()
    if wa == wb:
        return True
    short, long_ = (a, b) if len(wa) <= len(wb) else (b, a)
    if len(short.split()) == 1 and len(long_.split()) > 1:
        if not word_in_name(short, long_.split()):
            return False
        rivals = [
            o
            for o in others
            if len(o.split()) > 1 and o != long_ and word_in_name(short, o.split())
        ]
        return not rivals
    return same_full_name(a, b) or similar(a, b) >= NAME_SIMILARITY


def titled_name(title: str, surname: str) -> str:
    """ "mr", "Vance" -> "Mr. Vance": one spelling of a courtesy-titled surname."""
    low = title.casefold().rstrip(".")
    shown = "Miss" if low == "miss" else low.capitalize() + "."
    return f"{shown} {surname}"


def split_title(name: str) -> tuple[str | None, str]:
    """ "Mrs. Vance" -> ("f", "Vance"); a name without a courtesy title -> (None, name)."""
    words = name.split()
    if len(words) >= 2 and words[0].casefold() in COURTESY_GENDER:
        return COURTESY_GENDER[words[0].casefold()], " ".join(words[1:])
    return None, name


def is_titled(name: str) -> bool:
    """Whether a name is a courtesy title and a surname ("Mr. Vance")."""
    return split_title(name)[0] is not None
