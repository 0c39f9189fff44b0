"""What the figure readers know about one document: its mentions, sentences and parse.

`_Context` holds the entity mentions (resolved through the PeopleIndex when
there is one), sentences, dates and quotes of a document while its numbers
are read; the small parse helpers (governing verb, subject, phrase) are shared
by the readers in figure_reading.py.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ..model import Sentence, Span
from . import units
from .amounts import (
    Amount,
)
from .matching import resolve_short_name
from .names import generic_org, leading_org
from .quotemarks import find_quote_spans

_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)

_PRONOUNS = frozenset(["it", "its", "they", "their", "them", "he", "she", "his", "her"])

_TRAILING = frozenset(
    [
        "of",
        "in",
        "on",
        "from",
        "for",
        "to",
        "by",
        "with",
        "at",
        "and",
        "or",
        "the",
        "a",
        "an",
        "its",
        "their",
    ]
)

_TIME_NOUNS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "quarter",
        "quarters",
        "time",
        "times",
    ]
)

_ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "group",
        "giant",
        "maker",
        "vendor",
        "business",
        "carrier",
        "operator",
        "corporation",
    ]
)

_CLAUSE_BREAKS = frozenset({"but", ";", "while", "whereas", "although", "though"})

_SUBJECT_TYPES = ("ORG", "PERSON", "GPE", "NORP", "PRODUCT", "FAC")

# Organisations "the company" never means.
_NOT_COMPANIES = units.INSTITUTION_NOUNS | frozenset(
    ["association", "society", "federation", "ministry", "department", "authority"]
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    type: str


class _Context:
    """What `extract_figures` knows about one document while it reads its numbers."""

    def __init__(self, text, nlp_doc, dates, entities, quotes, sentences, published, people=None):
        self.text = text
        self.people = people
        self.doc = nlp_doc
        self.dates = list(dates)
        self.quotes = list(quotes)
        self.published = published
        self.amounts: list[Amount] = []  # every amount of the document, set by extract_figures
        self._quote_groups: list[list[Span]] | None = None
        if entities:
            self.mentions = [
                _Mention(e.start, e.end, _clean_name(e.canonical or e.text), e.type)
                for e in entities
            ]
        else:
            self.mentions = [
                _Mention(e.start_char, e.end_char, _clean_name(e.text), e.label_)
                for e in nlp_doc.ents
                if e.label_ in _SUBJECT_TYPES
            ]
        self.mentions.sort(key=lambda m: m.start)
        if sentences:
            self.sentences = list(sentences)
        else:
            self.sentences = [Sentence(s.start_char, s.end_char) for s in nlp_doc.sents]

    def quote_groups(self) -> list[list[Span]]:
        """The document's quotations (`quotemarks.find_quote_spans`), read once."""
        if self._quote_groups is None:
            self._quote_groups = find_quote_spans(self.text)
        return self._quote_groups

    def sentence_at(self, pos: int) -> Sentence:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return Sentence(0, len(self.text))

    def mention_in(self, start: int, end: int, types=_SUBJECT_TYPES) -> _Mention | None:
        for m in self.mentions:
            if m.start < end and start < m.end and m.type in types:
                return m
        return None

    def mention_before(self, pos: int, types: tuple[str, ...]) -> _Mention | None:
        best = None
        for m in self.mentions:
            if m.end > pos:
                break
            if m.type in types:
                best = m
        return best

    def company(self, pos: int) -> _Mention | None:
        """What "the company" at `pos` means: the organisation the article names most
        (not a council, regulator or association), else the last one named before it."""
        counts: dict[str, int] = {}
        first: dict[str, _Mention] = {}
        for m in self.mentions:
            if m.type == "ORG" and m.name.split()[-1].casefold() not in _NOT_COMPANIES:
                counts[m.name] = counts.get(m.name, 0) + 1
                first.setdefault(m.name, m)
        if counts:
            return first[max(counts, key=lambda n: (counts[n], -first[n].start))]
        return self.mention_before(pos, ("ORG",))

    def resolve(self, name: str | None, offset: int | None = None) -> str | None:
        """Who a claimant as read (a speaker's words, a subject) names.

        Tidied first (`_tidy_name`: quotation marks, a hyphen the parse spaced out); a
        record stands for its owner ("the foundation's tally" -> "foundation"); a bare
        generic head ("Association", "foundation") -> the one organisation it points back
        at; a bare surname -> the person the people index knows by it before an
        organisation it opens ("Herman" is Jeff Herman, not "Herman Law"), the
        organisation otherwise ("Veltrix" -> "Veltrix Energy")."""
        if not name:
            return name
        name = _tidy_name(name, self.text)
        owner = _RECORD_OWNER.fullmatch(name)
        if owner:
            name = owner.group("owner")
        bare = re.sub(r"^the\s+", "", name, flags=re.I)
        if not bare or " " in bare:
            return name or None
        orgs = [m.name for m in self.mentions if m.type == "ORG"]
        generic = generic_org(bare, orgs)
        if generic:
            return generic
        person = self.full_name(bare, offset)  # a surname several share: the one named last
        if person != bare or (self.people is not None and self.people.canonical(bare, offset)):
            return person  # the people index knows the name as a person's
        return leading_org(bare, orgs) or name

    def full_name(self, name: str, offset: int | None = None) -> str:
        """ "Chang" -> "Jimmie Chang" when the document names him in full elsewhere.

        The document's PeopleIndex decides when there is one; a surname that
        several people share resolves to the one named last before `offset`.
        """
        if " " in name:
            return name
        if self.people is not None:
            return self.people.canonical(name, offset) or name
        recent = [
            m.name
            for m in sorted(self.mentions, key=lambda m: -m.start)
            if m.type == "PERSON" and (offset is None or m.start <= offset)
        ]
        fulls = [m.name for m in self.mentions if m.type == "PERSON"]
        return resolve_short_name(name, fulls, recent if offset is not None else ()) or name


# A record or tally named by its owner ("the foundation's tally", "Gallup's data"): the owner states it.
_RECORD_OWNER = re.compile(
    r"(?P<owner>.+?)\s?['’]s?\s+(?:own\s+)?(?:tally|count|counts|report|figures|data|estimates?"
    r"|records|analysis|numbers|statistics|survey|poll|study|calculations?)",
    re.I,
)
_QUOTE_MARKS = "\"“”‘’'«»"


def _tidy_name(name: str, text: str) -> str:
    """A claimant as a reader writes it: no quotation marks or stray punctuation around it
    ('" Pluto killer'), and a hyphen the parse spaced out closed again when the text
    writes it closed ("al - Kidra" -> "al-Kidra")."""
    name = name.strip().strip(_QUOTE_MARKS + " ,;:").strip()
    name = re.sub(r"\s?['’]s?$", "", name)  # "agency's" (a possessor read alone)
    closed = re.sub(r"\s+([-‐–])\s+", r"\1", name)
    if closed != name and closed in text:
        name = closed
    return name


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"(?:'s|’s)$", "", name)


def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _ancestors(token, sentence: Sentence):
    """The token's heads up to the root, staying inside the sentence.

    spaCy's own sentences can run across lines of punctuation-stripped text;
    the document's sentences are the ones to trust.
    """
    while token.head.i != token.i:
        token = token.head
        if not sentence.start <= token.idx < sentence.end:
            return
        yield token


def _governing_verb(token, sentence: Sentence):
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((t for t in _ancestors(token, sentence) if t.pos_ in ("VERB", "AUX")), None)


def _subject_of(verb, sentence: Sentence):
    """nsubj of `verb`, climbing xcomp/conj links when the verb has none."""
    while verb is not None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        # Run-on sentences of stripped text: the name just before "has been selling".
        first = min(
            [verb, *(c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg"))],
            key=lambda t: t.i,
        )
        before = verb.doc[first.i - 1] if first.i > 0 else None
        if before is not None and before.tag_ in ("NNP", "PRP") and before.idx >= sentence.start:
            return before
        head = verb.head
        inside = sentence.start <= head.idx < sentence.end
        if verb.dep_ in ("xcomp", "conj", "advcl") and head.i != verb.i and inside:
            verb = head
        else:
            break
    return None


def _phrase(
    tokens, exclude: AbstractSet[int] = frozenset(), max_tokens: int = 9, strip_det: bool = True
) -> str:
    """Words of a noun phrase, cut before verbs, clauses and punctuation."""
    words: list[Any] = []
    for t in tokens:
        if t.i in exclude:
            continue
        clause = t.dep_ in ("relcl", "acl", "cc") or (t.pos_ in ("VERB", "AUX") and words)
        if t.is_punct or t.is_space or clause:
            break
        words.append(t.text)
        if len(words) >= max_tokens:
            break
    while strip_det and words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")


def _subtree(token):
    """The token's subtree in order, leaving out clause-like children."""
    skip: set[int] = set()
    for t in token.subtree:
        if t.i != token.i and (t.dep_ in ("relcl", "acl", "advcl", "conj", "cc", "appos")):
            skip.update(x.i for x in t.subtree)
    return [t for t in token.subtree if t.i not in skip]
