"""Who a definite description of a person stands for: "The former Florida governor".

News names a person once and then describes them: "5. Jeb Bush. The former Florida
governor took just 6 percent ...", "Just ask former NFL star Herschel Walker. The former
Heisman Trophy winner ... endorsed Trump in 2015." A line lifted from such an article
opens with the description and means nothing alone; named in brackets it stands.

Two readings, in order, each by general means only:
1. The article writes the description next to one person's name: before it ("former
   Florida governor Jeb Bush", "Louisiana Gov. Bobby Jindal": a title noun and its
   "Gov." spelling are one word) or as an apposition after it ("Jeb Bush, the former
   Florida governor,"). Exactly one person must fit.
2. Otherwise, a description specific enough to pick a person out (a modifier: a place, a
   field, "former", an age) stands for the person named last before it, within a short
   stretch of text (the reporter's elegant variation), unless what the article says of
   that person's post contradicts its title noun ("Sen." is no governor).
A bare title ("The judge") is never guessed: the article may introduce a new person.

Nothing here parses: it reads the entity mentions the analysis found. `readable.py`
brackets the name into a brief's line; the quotes stage may use the same reading.
"""

from __future__ import annotations

import re

from ..model import Analysis, EntityMention
from ..words import NAME_TITLES
from .roles import ROLE_HEADS


def _norm(word: str) -> str:
    """One spelling of a title word: "Gov." and "governor" are "governor"."""
    low = word.lower().strip(".,'’")
    return NAME_TITLES.get(low, NAME_TITLES.get(low + ".", low)).lower()


# Nouns that describe one person besides the role titles ("the Heisman Trophy winner").
PERSON_NOUNS = frozenset(
    {
        "winner",
        "star",
        "legend",
        "candidate",
        "nominee",
        "front-runner",
        "frontrunner",
        "hopeful",
        "contender",
        "incumbent",
        "challenger",
        "billionaire",
        "businessman",
        "businesswoman",
        "mogul",
        "magnate",
        "tycoon",
        "neurosurgeon",
        "surgeon",
        "lawmaker",
        "congressman",
        "congresswoman",
        "legislator",
        "veteran",
        "actor",
        "actress",
        "singer",
        "rapper",
        "anchor",
        "host",
        "pastor",
        "businessperson",
        "entrepreneur",
        "developer",
        "activist",
        "democrat",
        "republican",
    }
)
# Role words that name an office too loosely to be one person's title here.
_LOOSE = frozenset({"member", "head", "partner", "official", "spokesman", "spokeswoman"})
HEADS = sorted(
    {w for w in ROLE_HEADS | set(NAME_TITLES) | PERSON_NOUNS if w.replace("-", "").isalpha()}
    - _LOOSE,
    key=len,
    reverse=True,
)
_HEAD_WORDS = frozenset(_norm(h) for h in HEADS)
_QUOTES = "\"'“”‘’«»("
# "The former Florida governor", "The 74-year-old", "The New Jersey governor", "The senator
# from Texas": "the", up to four modifiers, a person noun, and no name after it (then the
# line names the person itself: "The Vermont senator Bernie Sanders").
_LOWER_MODS = (
    "former|then|current|retired|longtime|long-time|veteran|embattled|outgoing|incoming"
    "|presumptive|likely|ex|real|estate|business|party|state|junior|senior|top|celebrity"
    "|billionaire|conservative|liberal|progressive|independent|presidential|vice|deputy"
    "|chief|executive|reality|tv|television|football|basketball|baseball|golf|tennis"
)
# A modifier: a capitalised word ("Florida", "Heisman"), a possessive ("Clinton's"), a
# hyphenated word ("first-term"), or one of the few lower-case words above.
_MOD = rf"(?:(?-i:[A-Z][\w.'’-]*)|[\w.]+['’]s|\w+-[\w-]+|(?:{_LOWER_MODS}))"
DESCRIPTION = re.compile(
    rf"^[{_QUOTES}]*(?P<the>the)\s+(?P<mods>(?:{_MOD}\s+){{0,4}})"
    rf"(?P<head>{'|'.join(re.escape(h) for h in HEADS)}|\d{{1,3}}-year-old)(?![\w-])"
    r"(?P<tail>\s+(?:of|from)\s+(?:the\s+)?(?:state|(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2}))?"
    r"(?!\s*\[)(?!\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Modifiers that alone make no description specific.
_VAGUE = frozenset({"the", "a", "new", "same", "other", "first", "second", "last", "top", "of"})
WINDOW = 700  # characters back to the last person named, for reading 2
_PHRASE_END = re.compile(r"[,;:()\"“”]|\band\b|\bwhile\b|(?<![A-Z][a-z])(?<![A-Z])\.\s")


def _words(text: str) -> list[str]:
    return [_norm(w) for w in re.findall(r"[\w.'’-]+", text) if w.lower() != "the"]


def _name(m: EntityMention) -> str:
    return m.canonical or m.text


def _near_words(text: str, m: EntityMention) -> set[str]:
    """The words of a description written next to a mention: right before it, ending in
    its title ("former Florida governor Jeb Bush", "Louisiana Gov. Bobby Jindal"), or as
    an apposition after it ("Jeb Bush, the former Florida governor,"); and its role."""
    words: set[str] = set()
    before = _words(_PHRASE_END.split(text[max(0, m.start - 60) : m.start])[-1])
    if before and before[-1] in _HEAD_WORDS:
        words.update(before[-6:])
    after = text[m.end : m.end + 100]
    if after.startswith(", "):
        described = DESCRIPTION.match(after[2:])
        if described:
            words.update(_words(described.group(0)))
    if m.role:
        words.update(_words(m.role))
    return words


_PASSING = re.compile(
    r"\b(?:by|with|to|from|of|for|at|on|about|against|than|like|including)\s+"
    r"(?:(?:[A-Z][\w.'’-]*|[a-z]+)\s+){0,3}$"
)


def _in_passing(text: str, m: EntityMention, floor: int = 0) -> bool:
    """A mention of a person in passing: a possessor ("Trump's show") or the object of a
    preposition, after any words of their post ("by Fox Business moderator Gerard Baker")."""
    if text[m.end : m.end + 2] in ("'s", "’s"):
        return True
    before = _PHRASE_END.split(text[max(0, floor, m.start - 50) : m.start])[-1]
    return bool(_PASSING.search(before)) and not re.search(r"\b(?:said|says)\s*$", before)


def _sentence_start(analysis: Analysis, at: int) -> int:
    return next((s.start for s in analysis.document.sentences if s.start <= at < s.end), 0)


def described_person(analysis: Analysis, start: int, mods: str, head: str) -> str | None:
    """The person the description "the MODS HEAD" written at offset `start` of the
    analysed document stands for, or None when the article does not tell one."""
    text = analysis.document.text
    wanted = {w for w in _words(f"{mods} {head}") if w not in ("former", "then", "of", "from")}
    people = [m for m in analysis.entities if m.type == "PERSON" and m.end <= start]
    fitting = {
        _name(m) for m in analysis.entities if m.type == "PERSON" and wanted <= _near_words(text, m)
    }
    if len(fitting) == 1:
        return next(iter(fitting))
    if fitting:
        return None
    specific = [w for w in _words(mods) if w not in _VAGUE] or re.match(r"\d", head)
    if not specific:
        return None
    # the person the passage is about: not one named only in passing, as an object of a
    # preposition ("asked by moderator Gerard Baker") or a possessor ("on Trump's show"),
    # nor one the line itself names ("The NFL legend said people misunderstand Trump")
    line = text[start : start + 400].split("\n")[0]
    people = [
        m
        for m in people
        if not _in_passing(text, m, _sentence_start(analysis, m.start))
        and not any(w in line for w in re.findall(r"[A-Z][a-z'’]{2,}", _name(m)))
    ]
    if not people:
        return None
    last = max(people, key=lambda m: m.start)
    if start - last.end > WINDOW:
        return None
    title = _norm(head)
    if title in ROLE_HEADS or title in {t.lower() for t in NAME_TITLES.values()}:
        posts = {
            _norm(w) for m in people if _name(m) == _name(last) and m.role for w in _words(m.role)
        }
        known = posts & ({w.lower() for w in NAME_TITLES.values()} | ROLE_HEADS)
        if known and title not in known:
            return None  # "Sen. Dale Mercer" is no governor
    return _name(last)


def resolve_description(analysis: Analysis, text: str, start: int) -> tuple[int, str] | None:
    """For a line `text` written at offset `start` that opens with a description of a
    person: where the description ends in `text` and the name it stands for."""
    m = DESCRIPTION.match(text)
    if m is None:
        return None
    name = described_person(
        analysis, start, f"{m.group('mods')} {m.group('tail') or ''}", m.group("head")
    )
    if name is None or name.lower() in m.group(0).lower():
        return None
    return m.end(), name
