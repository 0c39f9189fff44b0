"""Text whose punctuation an earlier pipeline stripped: put back what is unambiguous.

Some corpora keep only letters and digits: "the company s president",
"isn t", "U S", "US 3 2 billion", one sentence (or several) per line with no
full stops. We restore apostrophes, dotted abbreviations and decimals, end
each line as a sentence, and split a line where a new sentence clearly
starts (a capitalised opener such as "The", "But" or "In addition" right
after a lower-case word). Attribution tails written as a new sentence ("...
markets He said") become ", he said". Quotes and commas are not guessed.
The repaired text is the clean text; all offsets refer to it.
"""

from __future__ import annotations

import re

from .cleaned import Cleaned, join_paragraphs

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
_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z] ){1,3}[A-Z])(?![\w.])")
_SAFE_INITIALS = {"U S", "U K", "U N", "U S A", "E U", "D C", "L A", "N Y"}
_TIME = re.compile(r"\b(\d{1,2})(?: (\d{2}))? ([ap]) m\b")

# Capitalised words that open a sentence but do not occur capitalised mid-sentence.
OPENERS = {
    "The",
    "But",
    "However",
    "In",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "We",
    "They",
    "She",
    "It",
    "Now",
    "So",
    "Meanwhile",
    "Still",
    "Yet",
    "Also",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Although",
    "Because",
    "Since",
    "There",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "Many",
    "Some",
    "Most",
    "Other",
    "Others",
    "Instead",
    "Nevertheless",
    "Moreover",
    "Furthermore",
    "Currently",
    "Earlier",
    "Later",
    "Next",
    "Today",
    "Yesterday",
    "Overall",
    "Certain",
    "As",
    "For",
    "On",
    "At",
    "With",
    "By",
    "A",
    "An",
    "He",
}
# After these a capitalised word is likely a name or title, not a new sentence.
_NO_BREAK_AFTER = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "as",
    "into",
    "than",
    "about",
    "like",
    "called",
    "named",
    "via",
    "per",
    "vs",
    "versus",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "said",
    "says",
    "told",
    "according",
}
# "X said Y" keeps a capitalised opener after "said" only for these, which start a clause.
_OPENER_AFTER_SAID = {"The", "But", "However", "In", "We", "They", "It", "This", "That", "There"}
_ATTRIBUTION = re.compile(
    r"^(He|She|They) (said|says|added|adds|explained|noted|told|stated)\b", re.I
)
_WORD = re.compile(r"\S+")


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
    line = _CURRENCY.sub(lambda m: m.group(1).replace(" ", "") + "$", line)
    line = _DECIMAL.sub(r"\1.\2", line)
    line = _TIME.sub(
        lambda m: f"{m.group(1)}{':' + m.group(2) if m.group(2) else ''} {m.group(3)}.m.", line
    )
    line = _INITIALS.sub(_dot_initials, line)
    for pattern, repl in _CONTRACTIONS:
        line = pattern.sub(repl, line)
    sentences = split_sentences(line)
    return " ".join(_close(s) for s in sentences)


def split_sentences(line: str) -> list[str]:
    """Split where a capitalised opener follows a lower-case word (conservative)."""
    words = _WORD.findall(line)
    sentences: list[list[str]] = [[]]
    for i, word in enumerate(words):
        current = sentences[-1]
        if current and _starts_sentence(current, words, i):
            sentences.append([])
        sentences[-1].append(word)
    out: list[str] = []
    for chunk in sentences:
        text = " ".join(chunk)
        if out and _ATTRIBUTION.match(text) and len(chunk) <= 8:
            out[-1] = (
                f"{out[-1]}, {text[0].lower()}{text[1:]}"  # "... markets He said" -> ", he said"
            )
        else:
            out.append(text)
    return out


def _starts_sentence(current: list[str], words: list[str], i: int) -> bool:
    word = words[i]
    if word not in OPENERS or len(current) < 3:
        return False
    previous = current[-1]
    if not re.fullmatch(r"[a-z][a-z'\-]*|\d[\d.,]*%?", previous) or previous in _NO_BREAK_AFTER:
        # "... Chang said The U.S. climate"
        return previous in {"said", "says"} and word in _OPENER_AFTER_SAID and len(current) >= 3
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in {"A", "An", "As", "For", "On", "At", "With", "By"} and not nxt[:1].islower():
        return False  # "For Trump", "At Sea": could be a name or title
    if word == "He" and not nxt[:1].islower():
        return False
    if word in {"In", "On", "At", "As", "For", "With", "By", "A", "An"} and not re.fullmatch(
        r"[a-z]+", nxt
    ):
        return False
    return bool(nxt)


def _dot_initials(m: re.Match[str]) -> str:
    letters = m.group(1)
    if letters not in _SAFE_INITIALS and ("I" in letters.split() or "A" in letters.split()):
        return letters
    return "".join(f"{c}." for c in letters.split())


def _close(sentence: str) -> str:
    if re.search(r"[.!?][\"”’')\]]*$", sentence):
        return sentence
    return sentence + "."
