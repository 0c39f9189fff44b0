"""Text whose punctuation an earlier pipeline stripped: put back what is unambiguous.

Some corpora keep only letters and digits: "the company s president",
"isn t", "U S", "US 3 2 billion", one sentence (or several) per line with no
full stops. We restore apostrophes, dotted abbreviations and decimals, end
each line as a sentence, and split a line where a new sentence clearly
starts (`sentence_ends`, a boundary model learned from punctuated news). Attribution tails written as a new sentence ("...
markets He said") become ", he said". Quotes and commas are not guessed.
The repaired text is the clean text; all offsets refer to it.
"""

from __future__ import annotations

import itertools
import re

from ..words import COURTESY_TITLES, NAME_TITLES
from .cleaned import Cleaned, join_paragraphs
from .sentence_ends import shipped

_CONTRACTIONS = [
    (re.compile(r"\b(\w+n) t\b"), r"\1't"),  # isn t, don t, won t, can t
    (re.compile(r"\b([Ii]) m\b"), r"\1'm"),
    (re.compile(r"\b(\w+) (re|ve|ll)\b(?=\s+[a-z])"), r"\1'\2"),
    (re.compile(r"\b([Ii]|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he) d\b"), r"\1'd"),
    (re.compile(r"\b(\w+) s\b"), r"\1's"),  # possessive or "it s"; a lone "s" is never a word
]
# "US 3 2 billion" -> "US$3.2 billion"; "3 2 percent" -> "3.2 percent"
_CURRENCY = re.compile(r"\b(US|U S|HK|NZ|A|C|S)\s(?=\d)")
_DECIMAL = re.compile(
    r"\b(\d{1,3}) (\d{1,2})(?= (?:billion|million|trillion|thousand|percent|per cent|bn|m|%)\b)"
)
# "1 237 delegates" -> "1,237": a group of 1-3 digits and groups of exactly three, not a
# day after a month ("May 5 100 people").
_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})((?: \d{3})+)(?![\w.,])")
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|January|Feb|February|Mar|March|Apr|April|May|June?|July?|Aug|August|Sept?|"
    r"September|Oct|October|Nov|November|Dec|December) $"
)
# A title that is only a title with its point ("Sen Bernie Sanders" -> "Sen. Bernie
# Sanders", as analysis/roles.py lists it), before a capitalised name.
_DOTTED_TITLES = sorted(
    {t[:-1] for t in (*NAME_TITLES, *COURTESY_TITLES) if t.endswith(".")}
    - {t for t in (*NAME_TITLES, *COURTESY_TITLES) if not t.endswith(".")}
)
_TITLE = re.compile(rf"\b({'|'.join(t.capitalize() for t in _DOTTED_TITLES)})(?= [A-Z][a-z])")
_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z] ){1,3}[A-Z])(?![\w.])")
_SAFE_INITIALS = {"U S", "U K", "U N", "U S A", "E U", "D C", "L A", "N Y"}
_TIME = re.compile(r"\b(\d{1,2})(?: (\d{2}))? ([ap]) m\b")

_ATTRIBUTION = re.compile(
    r"^(?:He|She|They) (?:said|says|added|adds|explained|noted|told|stated)\b", re.I
)
_WORD = re.compile(r"\S+")
_SAID = frozenset({"said", "says", "added", "adds"})
_OPENERS = frozenset({"The", "But", "However", "We", "They", "It", "This", "That", "There", "I"})


def clean_stripped(text: str) -> Cleaned:
    """Repair punctuation-stripped text; each input line becomes one paragraph."""
    paragraphs = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            paragraphs.append(repair_line(line))
    return Cleaned(join_paragraphs(paragraphs))


def repair_line(line: str) -> str:
    """Restore apostrophes, abbreviations, decimals and sentence ends in one line."""
    return " ".join(_close(s) for s in split_sentences(restore(line)))


def restore(line: str) -> str:
    """Apostrophes, dotted abbreviations, decimals and clock times; no sentence ends."""
    line = _CURRENCY.sub(lambda m: m.group(1).replace(" ", "") + "$", line)
    line = _DECIMAL.sub(r"\1.\2", line)
    line = _THOUSANDS.sub(_join_thousands, line)
    line = _TITLE.sub(r"\1.", line)
    line = _TIME.sub(
        lambda m: f"{m.group(1)}{':' + m.group(2) if m.group(2) else ''} {m.group(3)}.m.", line
    )
    line = _INITIALS.sub(_dot_initials, line)
    for pattern, repl in _CONTRACTIONS:
        line = pattern.sub(repl, line)
    return line


def split_sentences(line: str) -> list[str]:
    """Split where the boundary model (`sentence_ends`) puts a sentence end."""
    words = _WORD.findall(line)
    ends = shipped().ends(words)
    # A capitalised "He said" after a lower-case word is an attribution tail the
    # model left inside the sentence: cut there too, and the loop below makes it ", he said".
    tails = [
        i
        for i in range(1, len(words) - 1)
        if _ATTRIBUTION.match(f"{words[i]} {words[i + 1]}")
        and words[i][0].isupper()
        and words[i - 1][:1].islower()
    ]
    # "... not improving Chang said The U.S. ...": content, then its speaker, then a
    # capitalised opener. After such a tail a new sentence starts (the model, trained on
    # text where 'said: "The' is one sentence, is unsure there).
    after_tails = [
        i
        for i in range(4, len(words))
        if words[i - 1] in _SAID
        and words[i] in _OPENERS
        and words[i - 2][:1].isupper()
        and words[i - 3][:1].islower()
    ]
    cuts = sorted({0, *ends, *tails, *after_tails, len(words)})
    out: list[str] = []
    for lo, hi in itertools.pairwise(cuts):
        text = " ".join(words[lo:hi])
        if out and _ATTRIBUTION.match(text) and hi - lo <= 8:
            out[-1] = (
                f"{out[-1]}, {text[0].lower()}{text[1:]}"  # "... markets He said" -> ", he said"
            )
        elif text:
            out.append(text)
    return out


def _join_thousands(m: re.Match[str]) -> str:
    if _MONTH_BEFORE.search(m.string, 0, m.start()):
        return m.group()
    return m.group(1) + m.group(2).replace(" ", ",")


def _dot_initials(m: re.Match[str]) -> str:
    letters = m.group(1)
    if letters not in _SAFE_INITIALS and ("I" in letters.split() or "A" in letters.split()):
        return letters
    return "".join(f"{c}." for c in letters.split())


def _close(sentence: str) -> str:
    if re.search(r"[.!?][\"”’')\]]*$", sentence):
        return sentence
    return sentence + "."
