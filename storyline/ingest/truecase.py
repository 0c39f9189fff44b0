"""Upper-cased speech back into sentence case, so analysis can read it.

Closed captions and some wire copy come in capitals ("BOB WOODWARD TOLD FOX NEWS
ON TUESDAY THAT ..."). spaCy finds no names, dates or figures in such text, and
the summary skips it as shouting. A paragraph whose letters are (almost) all
capitals is re-cased word by word from a case table learned from mixed-case news
(`evaluation/train_truecase.py`): each word takes the form it most often has
inside a sentence ("Woodward", "Fox", "FBI", "told"), a word written two ways
("US"/"us", "Trump"/"trump", "May"/"may") is decided by its neighbours, and a
sentence's first word is capitalised. Mixed-case text is never touched.

Only letters change case, one character for one, so the text keeps its length
and every offset computed on it (turns, citations) stays exact.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .transcript import title_case_name

SHIPPED = Path(__file__).parent / "data" / "truecase.npz"
# A paragraph is shouted when at least this many of its cased letters are capitals
# and it has at least MIN_WORDS words (a one-word heading is left alone).
SHOUTED_SHARE = 0.97
MIN_WORDS = 4
# A word the table has never seen: "title" capitalises it (in capitals, unknown words
# are mostly names), "lower" does not; a short vowel-less one stays in capitals (an
# acronym) either way. Chosen on the choice split (BENCHMARKS.md).
UNKNOWN = "title"
ACRONYM_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What ends a sentence: the next word starts one. Abbreviations ("SEN.", "U.S.",
# "MR.") do not, so the table decides the word after them.
_ENDS = re.compile(r"[.!?]+[\"'”’)\]]*\s+$")
_OPENS_QUOTE = re.compile(r"(?:^|(?<=\s))[(\[]?[\"“‘'`«]+$")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "a.m",
        "p.m",
    ]
)


@dataclass(frozen=True, slots=True)
class CaseTable:
    """Per lower-cased word, its written forms and their counts inside sentences;
    for words written more than one way, counts of (previous word, form) and
    (form, next word)."""

    forms: dict[str, list[tuple[str, int]]]
    before: dict[str, int]  # "prev|Form" -> count
    after: dict[str, int]  # "Form|next" -> count

    def case(self, word: str, prev: str | None, nxt: str | None) -> str | None:
        """The form of `word` (any case) the table prefers here; None when unseen."""
        options = self.forms.get(word.lower())
        if not options:
            return None
        if len(options) == 1:
            return options[0][0]
        # naive Bayes, P(form) P(previous word | form) P(next word | form), over the
        # sides where the table has seen this neighbour with some form (pairs seen once
        # are not kept, so an unseen pair says nothing)
        before = {f: self.before.get(f"{prev}|{f}", 0) for f, _ in options} if prev else {}
        after = {f: self.after.get(f"{f}|{nxt}", 0) for f, _ in options} if nxt else {}
        best, best_score = options[0][0], -math.inf
        for form, count in options:
            score = math.log(count + 1)
            if any(before.values()):
                score += math.log((before[form] + 0.5) / (count + 1))
            if any(after.values()):
                score += math.log((after[form] + 0.5) / (count + 1))
            if score > best_score:
                best, best_score = form, score
        return best


@lru_cache(maxsize=1)
def shipped() -> CaseTable:
    """The table shipped with Storyline (trained by evaluation/train_truecase.py)."""
    return load(SHIPPED)


def load(path: Path) -> CaseTable:
    with np.load(path, allow_pickle=False) as data:
        words, counts = data["forms"].tolist(), data["counts"].tolist()
        ctx, ctx_counts = data["context"].tolist(), data["context_counts"].tolist()
    forms: dict[str, list[tuple[str, int]]] = {}
    for form, count in zip(words, counts, strict=True):
        forms.setdefault(form.lower(), []).append((form, count))
    for options in forms.values():
        options.sort(key=lambda fc: -fc[1])
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for key, count in zip(ctx, ctx_counts, strict=True):
        side, rest = key[0], key[2:]
        (before if side == "<" else after)[rest] = count
    return CaseTable(forms, before, after)


def is_shouted(text: str) -> bool:
    """Whether `text` is written in capitals (a whole paragraph or turn)."""
    upper = sum(1 for c in text if c.isupper())
    lower = sum(1 for c in text if c.islower())
    if upper == 0 or upper < SHOUTED_SHARE * (upper + lower):
        return False
    return len(_WORD.findall(text)) >= MIN_WORDS


def restore_case(text: str, table: CaseTable | None = None) -> str:
    """`text` with every shouted line re-cased (same length; other lines unchanged). The
    table is read only when a line needs it: mixed-case ingest never loads it."""
    out = []
    for line in text.split("\n"):
        if is_shouted(line):
            table = table or shipped()
            line = recase(line, table)
        out.append(line)
    return "\n".join(out)


def recase(text: str, table: CaseTable | None = None, unknown: str = "") -> str:
    """One shouted paragraph in sentence case, the same length as `text`."""
    table = table or shipped()
    words = list(_WORD.finditer(text))
    lowered = [m.group().lower() for m in words]
    chars = list(text)
    prev_form: str | None = None
    for i, m in enumerate(words):
        gap = text[words[i - 1].end() if i else 0 : m.start()]
        first = i == 0 or starts_sentence(text, m.start(), gap)
        opens = _opens_speech(text, m.start(), gap)
        nxt = lowered[i + 1] if i + 1 < len(words) else None
        prev = None if first else (prev_form.lower() if prev_form else None)
        form = _form(m.group(), table, prev, nxt, unknown or UNKNOWN)
        if (first or opens) and form[:1].islower():
            form = form[:1].upper() + form[1:]
        prev_form = form
        for k, c in enumerate(form):
            if len(c) == 1 and c.lower() == chars[m.start() + k].lower():
                chars[m.start() + k] = c
    return "".join(chars)


def _opens_speech(text: str, at: int, gap: str) -> bool:
    """Whether the word at `at` opens a quotation that is a sentence of its own: after a
    comma, colon or sentence end ('SAID, "WE', ': "WE'), not a quoted word inside a
    sentence ('CALLED HER "THIRD-RATE"', which the table decides)."""
    mark = _OPENS_QUOTE.search(gap)
    if mark is None:
        return False
    before = text[: at - (len(gap) - mark.start())].rstrip()
    return not before or before[-1] in ",:;.!?" or before[-1] in "\"”’'"


def starts_sentence(text: str, at: int, gap: str) -> bool:
    """Whether the word at `at` (after `gap`) starts a sentence: a full stop, "!" or "?"
    before it that does not close an abbreviation ("SEN.", "U.S.") or an initial ("F.")."""
    if not _ENDS.search(gap):
        return False
    before = text[: at - len(gap) + 1].split()
    last = before[-1].lower().rstrip(".") if before else ""
    return not (last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()))


def _form(
    word: str, table: CaseTable, prev: str | None, nxt: str | None, unknown: str = UNKNOWN
) -> str:
    """The form of one word (with any "'S"/"'T" tail) in sentence case."""
    found = table.case(word, prev, nxt)
    if found is not None and len(found) == len(word):
        return found
    base, sep, tail = word, "", ""
    if "'" in word or "’" in word:
        base, sep, tail = re.split(r"(['’])", word, maxsplit=1)
    if sep:
        found = table.case(base, prev, nxt)
        if found is not None and len(found) == len(base):
            return found + sep + tail.lower()
    if len(base) > 3 and base[-1] in "Ss" and not re.search(r"[AEIOUYaeiouy]", base[:-1]):
        return base[:-1].upper() + "s" + sep + tail.lower()  # "PFDs"
    if len(base) <= ACRONYM_LETTERS or not re.search(r"[AEIOUYaeiouy]", base):
        return base.upper() + sep + tail.lower()  # an unseen acronym: "PFD", "ACA"
    if unknown == "lower":
        return word.lower()
    return title_case_name(base) + sep + tail.lower()  # mostly names: "McCrory"
