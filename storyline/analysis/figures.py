"""Figures: the numbers a story turns on, with what they measure, when, and who says so.

The numbers themselves come from `storyline.analysis.amounts` (regexes, see
there for why); this module reads their context from the spaCy parse: the
measure noun phrase, the period, the subject, the claimant and the status.

Value convention: `Figure.value` is the number *as written* (3.2 for
"US$3.2 billion") and `Figure.scale` holds the word ("billion");
`absolute_amount(figure)` multiplies them out. `value` is None when the text
states no single number: vague amounts ("hundreds of millions of US
dollars": scale "million", unit "USD"), ranges ("$3-4 billion": see
`amount_range`), and vote tallies ("5-0": unit "votes", the tally is the
text). Fractions are percent ("over half" -> 50.0, unit "percent", the
qualifier stays in `text`). Declines keep the written number (5.0 for
"fell 5%"); the direction is in the measure ("share decline").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, Citation, DateMention, EntityMention, Figure, Quote, Sentence
from . import units
from .amounts import (
    Amount,
    absolute_amount,
    amount_range,
    document_amounts,
    find_amounts,
    spacy_amounts,
)
from .cues import SPEECH_VERBS
from .names import generic_org, leading_org

__all__ = [
    "Amount",
    "FigureExtractor",
    "absolute_amount",
    "amount_range",
    "extract_figures",
    "find_amounts",
    "spacy_amounts",
]


# ---------------------------------------------------------------- reading the context

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

    def __init__(self, text, nlp_doc, dates, entities, quotes, sentences, published):
        self.text = text
        self.doc = nlp_doc
        self.dates = list(dates)
        self.quotes = list(quotes)
        self.published = published
        self.amounts: list[Amount] = []  # every amount of the document, set by extract_figures
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

    def resolve(self, name: str | None) -> str | None:
        """A speaker written as a bare head ("Association") -> the organisation it points back at."""
        if not name or " " in name.strip():
            return name
        orgs = [m.name for m in self.mentions if m.type == "ORG"]
        full = generic_org(name, orgs) or leading_org(name, orgs)
        return full or self.full_name(name)

    def full_name(self, name: str) -> str:
        """ "Chang" -> "Jimmie Chang" when the document names him in full elsewhere."""
        if " " in name:
            return name
        for m in self.mentions:
            if m.type == "PERSON" and m.name.split()[-1] == name and " " in m.name:
                return m.name
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


def _noun_measure(noun, amount_ids: set[int]) -> str:
    """ "drop in its number of smartphone partners" from the head noun "drop"."""
    left = [c for c in noun.lefts if c.dep_ == "compound" and c.i not in amount_ids]
    tokens = sorted([*[t for c in left for t in c.subtree], noun], key=lambda t: t.i)
    for child in noun.rights:
        if child.dep_ == "prep":
            tokens.extend(_subtree(child))
            break
    return _phrase(tokens, amount_ids)


def _change_measure(verb, subject, span) -> str:
    """Profits rose 28.1% -> "profit growth"; a level ("rose to 9%") -> the subject alone."""
    to_level = any(t.lower_ in ("to", "from") and t.head.i == verb.i for t in span.root.ancestors)
    noun = "" if to_level else "growth" if verb.lemma_.lower() in units.RISE_VERBS else "decline"
    if subject is None or subject.lower_ in _PRONOUNS:
        return noun or "level"
    words = []
    for t in _subtree(subject):
        if t.ent_type_ in _SUBJECT_TYPES or t.dep_ in ("det", "poss", "case") or t.is_punct:
            continue
        singular = t.i == subject.i and noun and t.lower_ not in units.PLURAL_MEASURES
        words.append(t.lemma_.lower() if singular else t.text if t.pos_ == "PROPN" else t.lower_)
    return " ".join(w for w in [*words, noun] if w)


def _to_clause(verb) -> str | None:
    """ "voted 5-0 to approve the merger" -> "to approve the merger"."""
    for child in verb.rights:
        if child.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in child.lefts):
            words: list[Any] = []
            for t in child.subtree:  # up to the first comma: "to approve X's application"
                if (t.is_punct and t.text not in ("'s", "’s")) or len(words) >= 8:
                    break
                words.append(t.text)
            while words and words[-1].lower() in _TRAILING:
                words.pop()
            return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    return None


def _prep_phrase(verb, amount_ids: set[int]) -> str | None:
    for child in verb.rights:
        if child.dep_ != "prep" or child.i in amount_ids:
            continue
        objs = [c for c in child.subtree if c.dep_ == "pobj"]
        if objs and objs[0].ent_type_ in ("DATE", "TIME"):
            continue
        return _phrase(_subtree(child), amount_ids)
    return None


def _is_anaphor(token) -> bool:
    return (
        token is not None
        and token.lemma_.lower() in units.ANAPHORIC_NOUNS
        and any(c.lower_ in ("that", "this", "the") for c in token.children)
    )


def _read_measure(amount: Amount, span, sentence: Sentence, ctx: _Context):
    """(measure, anaphoric, governing verb, subject token) for one amount."""
    doc = ctx.doc
    ids = {t.i for t in span}
    nxt = doc[span.end] if span.end < len(doc) else None
    nxt2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
    verb = _governing_verb(span.root, sentence)
    subject = _subject_of(verb, sentence) if verb is not None else None
    if amount.kind == "count" and nxt is not None and amount.unit in ("people", "units"):
        return _noun_measure(nxt, ids), False, verb, subject
    if span.root.head.lower_ in ("worth", "valued") and span.root.head.head.pos_ == "NOUN":
        return "value of " + _noun_measure(span.root.head.head, ids), False, verb, subject
    if nxt is not None and amount.kind in ("percent", "fraction"):
        head = None
        if nxt.lower_ == "of" and nxt2 is not None:  # "30 percent of the world's carrier business"
            head = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if head is None:
                head = nxt2.head if nxt2.dep_ in ("det", "poss", "amod", "compound") else nxt2
        elif nxt.dep_ in ("det", "poss") and nxt.head.i > nxt.i and nxt.head.pos_ == "NOUN":
            head = nxt.head  # "nearly all its revenue"
        if head is not None:
            return "share of " + _phrase(_subtree(head), ids, strip_det=False), False, verb, subject
    if (
        nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN")
        and nxt.ent_type_ not in ("DATE", "TIME", "GPE")
        and nxt.lower_ not in _TIME_NOUNS
    ):
        if nxt.lemma_.lower() in units.ANAPHORIC_NOUNS:
            return None, True, verb, subject
        if nxt.tag_ != "NNP":
            return _noun_measure(nxt, ids), False, verb, subject
    if (
        nxt is not None
        and nxt2 is not None
        and nxt.lower_ in ("in", "of")
        and amount.kind in ("money", "number")
        and nxt2.pos_ == "NOUN"
        and not nxt2.ent_type_
    ):
        return _noun_measure(nxt2, ids), False, verb, subject
    if verb is None:
        return None, False, None, None
    if _is_anaphor(subject):
        return None, True, verb, subject
    lemma = verb.lemma_.lower()
    if lemma in units.RISE_VERBS or lemma in units.FALL_VERBS:
        return _change_measure(verb, subject, span), False, verb, subject
    if amount.kind == "votes":
        prep = _prep_phrase(verb, ids) or _to_clause(verb)
        return ("vote " + prep) if prep else "vote", False, verb, subject
    if lemma in units.MONEY_VERBS and amount.kind in ("money", "number"):
        noun = units.MONEY_VERBS[lemma]
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in ids), None)
        if obj is not None and obj.pos_ == "NOUN":  # "purchased the mansion for $650,000"
            return f"{noun} of {_noun_measure(obj, ids)}", False, verb, subject
        prep = _prep_phrase(verb, ids)
        return (f"{noun} {prep}" if prep else noun), False, verb, subject
    if lemma in ("be", "represent", "reach", "total", "hit", "top", "stand", "account", "amount"):
        if (
            subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl"
        ):  # "pension, which is $25,000"
            return _noun_measure(verb.head, ids), False, verb, subject
        named = (
            subject is None or subject.lower_ in _PRONOUNS or subject.ent_type_ in _SUBJECT_TYPES
        )
        if not named and subject is not None and subject.tag_ not in ("WDT", "WP", "DT", "EX"):
            return _phrase(_subtree(subject)), False, verb, subject
    return None, False, verb, subject


def _subject_name(subject, ctx: _Context) -> str | None:
    if subject is None:
        return None
    lemma = subject.lemma_.lower()
    if subject.lower_ in ("he", "she", "his", "her"):
        m = ctx.mention_before(subject.idx, ("PERSON",))
        return ctx.full_name(m.name) if m else None
    if lemma in _ORG_NOUNS and subject.tag_ == "NN":
        m = ctx.company(subject.idx)
        return m.name if m else None
    if subject.lower_ in _PRONOUNS:
        m = ctx.mention_before(subject.idx, ("ORG",)) or ctx.mention_before(
            subject.idx, _SUBJECT_TYPES
        )
        return m.name if m else None
    parts = [subject, *(c for c in subject.children if c.dep_ in ("compound", "poss"))]
    named = sorted(parts, key=lambda t: t.i)
    for t in named:
        m = ctx.mention_in(t.idx, t.idx + len(t))
        if m is not None:
            return m.name
    if subject.tag_ == "NNP" or lemma in units.INSTITUTION_NOUNS:
        return " ".join(t.text for t in named if t.dep_ != "poss")
    return None


def _cue_speaker(cue, ctx: _Context) -> str | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _speaker_name(child, ctx)
    return None


def _speaker_name(token, ctx: _Context) -> str | None:
    if token.lower_ in ("he", "she"):
        m = ctx.mention_before(token.idx, ("PERSON",))
        return ctx.full_name(m.name) if m else None
    if token.lower_ in _PRONOUNS or token.lower_ in ("i", "we", "you"):
        return None
    if token.lemma_.lower() in _ORG_NOUNS and token.tag_ == "NN":
        m = ctx.company(token.idx)
        if m is not None:
            return m.name
    tokens = [t for t in token.subtree if t.dep_ not in ("appos", "prep", "pobj", "det")] or [token]
    m = ctx.mention_in(token.idx, token.idx + len(token), ("PERSON", "ORG", "NORP", "GPE"))
    if m is not None:
        return ctx.full_name(m.name)
    left = [t for t in tokens if t.i <= token.i]
    return re.sub(r"\s+(['’]s?)(?=\s|$)", r"\1", " ".join(t.text for t in left))


def _claimant(amount: Amount, span, sentence: Sentence, ctx: _Context) -> str | None:
    if sentence.speaker:
        return sentence.speaker
    for quote in ctx.quotes:
        if quote.speaker and any(s.start <= amount.start < s.end for s in quote.content_spans):
            return quote.speaker
    verb = _governing_verb(span.root, sentence)
    for anc in _ancestors(span.root, sentence):
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and lemma in units.CLAIM_VERBS:
            if verb is not None and anc.i == verb.i and lemma not in units.ESTIMATE_VERBS:
                continue
            name = _cue_speaker(anc, ctx)
            if name:
                return name
    trailing = _trailing_cue(span, sentence, ctx)
    if trailing:
        return trailing
    # "according to X": before the content when it opens the sentence, after it otherwise.
    sent_text = ctx.text[sentence.start : sentence.end]
    for m in re.finditer(r"\baccording to\s", sent_text, re.I):
        cue_start = sentence.start + m.start()
        opens = not sent_text[: m.start()].strip(" \"“'")
        if (opens and amount.start > cue_start) or (not opens and amount.end <= cue_start):
            to = _span(ctx.doc, sentence.start + m.end(), sentence.start + m.end() + 1)
            if to is not None and len(to):
                return _speaker_name(to[0].head if to[0].dep_ == "compound" else to[0], ctx)
    return None


def _trailing_cue(span, sentence: Sentence, ctx: _Context) -> str | None:
    """ "... over half of its products said Jimmie Chang": the next speech verb in the
    sentence with a name right beside it, for parses that missed the link."""
    doc = ctx.doc
    for t in doc[span.end :]:
        if t.idx >= sentence.end:
            break
        if t.lower_ == "according" or (t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS):
            if t.lower_ == "according":
                return None
            after = ctx.mention_in(t.idx + len(t) + 1, t.idx + len(t) + 3, ("PERSON", "ORG"))
            before = ctx.mention_in(max(t.idx - 3, 0), t.idx - 1, ("PERSON", "ORG"))
            for m in (after, before):
                if m is not None and (m.start >= t.idx or m.end <= t.idx):
                    return ctx.full_name(m.name)
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            return _speaker_name(subject, ctx) if subject is not None else None
    return None


def _not_after(period: DateMention, published: str | None) -> bool:
    """A date on or before publication is no plan, whatever the resolver flagged."""
    if not period.value or not published:
        return False
    n = min(len(period.value), len(published))
    return period.value[:n] <= published[:n]


def _status(
    span, period: DateMention | None, sentence: Sentence, published: str | None = None
) -> str:
    """target / forecast / actual from the verbs above the figure; unknown without a verb."""
    lemmas: set[str] = set()
    verbs = []
    for anc in [*span, *_ancestors(span.root, sentence)]:
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and lemma in SPEECH_VERBS and lemma not in units.FORECAST_LEMMAS:
            break
        if anc.pos_ not in ("NOUN", "PROPN") or lemma not in units.NOT_STATUS_NOUNS:
            lemmas.update((lemma, anc.lower_))  # "the £3bn project" is no projection
        if anc.pos_ in ("VERB", "AUX"):
            verbs.append(anc)
            lemmas.update(c.lemma_.lower() for c in anc.children if c.dep_ in ("aux", "auxpass"))
    if span.end < len(span.doc) and span.doc[span.end].lemma_.lower() not in units.NOT_STATUS_NOUNS:
        lemmas.add(span.doc[span.end].lemma_.lower())  # "the $5 billion target"
    if verbs and verbs[0].tag_ == "VBD":  # "voted 4-1", "which it put at £3.1bn": done
        own = {verbs[0].lemma_.lower(), verbs[0].lower_}
        own |= {c.lower_ for c in verbs[0].children if c.dep_ in ("aux", "auxpass")}
        if not own & (units.TARGET_LEMMAS | units.FORECAST_LEMMAS):
            return "actual"
    if lemmas & units.TARGET_LEMMAS:
        return "target"
    if lemmas & units.FORECAST_LEMMAS:
        return "forecast"
    if period is not None and period.future and not _not_after(period, published):
        return "forecast"
    if any(v.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG") for v in verbs):
        return "actual"
    return "unknown"


def _clause_bounds(sentence: Sentence, pos: int, ctx: _Context) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    span = _span(ctx.doc, sentence.start, sentence.end)
    if span is None:
        return start, end
    for t in span:
        if t.lower_ in _CLAUSE_BREAKS:
            if t.idx < pos:
                start = max(start, t.idx)
            else:
                end = min(end, t.idx)
    return start, end


def _fallback_dates(text: str, start: int, end: int, published: str | None) -> list[DateMention]:
    """Years and "last year" in a clause, for when no DateResolver ran."""
    out = []
    for m in re.finditer(r"\b(?:19|20)\d\d\b", text[start:end]):
        out.append(DateMention(m.group(), start + m.start(), start + m.end(), m.group(), "year"))
    year = int(published[:4]) if published and published[:4].isdigit() else None
    for m in re.finditer(r"\b(last|this|next) year\b", text[start:end], re.I):
        value = (
            None
            if year is None
            else str(year + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()])
        )
        out.append(
            DateMention(
                m.group(),
                start + m.start(),
                start + m.end(),
                value,
                "year" if value else None,
                relative=True,
                future=m.group(1).lower() == "next",
            )
        )
    return out


_MAX_DATE_DISTANCE = 80  # characters: further off, a date belongs to another clause


def _amount_between(amount: Amount, date: DateMention, amounts: Sequence[Amount]) -> bool:
    """ "risen to £3.1bn, up from the £2.4bn it gave in March": a date past another
    amount belongs to that one."""
    lo, hi = (amount.end, date.start) if date.start >= amount.end else (date.end, amount.start)
    return any(lo <= a.start and a.end <= hi for a in amounts if a is not amount)


def _period(
    amount: Amount, sentence: Sentence, ctx: _Context
) -> tuple[str | None, DateMention | None]:
    start, end = _clause_bounds(sentence, amount.start, ctx)
    if ctx.dates:
        candidates = [d for d in ctx.dates if start <= d.start and d.end <= end]
    else:
        candidates = _fallback_dates(ctx.text, start, end, ctx.published)
    candidates = [
        d
        for d in candidates
        if not (amount.start <= d.start < amount.end)
        and min(abs(d.start - amount.end), abs(amount.start - d.end)) <= _MAX_DATE_DISTANCE
        and not _amount_between(amount, d, ctx.amounts)
    ]
    if not candidates:
        return None, None
    best = min(candidates, key=lambda d: min(abs(d.start - amount.end), abs(amount.start - d.end)))
    label = best.value or best.text
    before = ctx.text[max(0, best.start - 6) : best.start].lower().split()
    if best.text.lower().startswith("by ") or (before and before[-1] in ("by", "until", "through")):
        label = f"by {label}"
    return label, best


# ---------------------------------------------------------------- the extractor


def extract_figures(
    text: str,
    nlp_doc,
    *,
    dates: Sequence[DateMention] = (),
    entities: Sequence[EntityMention] = (),
    quotes: Sequence[Quote] = (),
    sentences: Sequence[Sentence] | None = None,
    published: str | None = None,
    doc_id: str = "",
) -> list[Figure]:
    """Figures in `text` (parsed as `nlp_doc`), in text order.

    `dates`/`entities`/`quotes` are the other components' output; without
    them years, "last year" (against `published`) and spaCy's ents stand in.
    """
    ctx = _Context(text, nlp_doc, dates, entities, quotes, sentences, published)
    amounts = document_amounts(text, nlp_doc)
    ctx.amounts = amounts
    figures: list[Figure] = []
    for amount in amounts:
        span = _span(nlp_doc, amount.start, amount.end)
        if span is None or not len(span):
            continue
        sentence = ctx.sentence_at(amount.start)
        measure, anaphoric, _verb, subject_token = _read_measure(amount, span, sentence, ctx)
        period, date = _period(amount, sentence, ctx)
        figure = Figure(
            text=amount.text.strip(),
            value=amount.value,
            unit=amount.unit,
            scale=amount.scale,
            measure=measure or None,
            period=period,
            subject=_subject_name(subject_token, ctx) if not anaphoric else None,
            claimant=ctx.resolve(_claimant(amount, span, sentence, ctx)),
            status=_status(span, date, sentence, ctx.published),  # type: ignore[arg-type]
            citations=[Citation(doc_id, sentence.start, sentence.end)],
        )
        if (
            figure.subject is None
            and figure.measure
            and re.search(r"\b(its|their)\b", figure.measure)
        ):
            m = ctx.mention_before(amount.start, ("ORG",))
            figure.subject = m.name if m else None
        if anaphoric:
            _inherit(figure, figures)
        if amount.kind in ("number", "vague") and span.end < len(nlp_doc):
            after = span.end + (amount.kind == "vague" and nlp_doc[span.end].lower_ == "of")
            if after < len(nlp_doc):
                _as_count(figure, nlp_doc[after])
        if figure.unit is None and amount.kind == "number":
            _carry_currency(figure, amount, figures, ctx)
        figures.append(figure)
    return figures


def _as_count(figure: Figure, noun) -> None:
    """ "40 million phones": a scaled number before a plural noun counts that noun."""
    if (
        noun.tag_ in ("NNS", "NNPS")
        and noun.lower_ not in units.NOT_COUNTED
        and figure.unit is None
    ):
        if noun.lower_ in units.CURRENCY_WORDS:
            return
        if noun.lower_ in units.MEASURE_UNITS:
            figure.unit = noun.lower_
            return
        figure.unit = "people" if noun.lower_ in units.PEOPLE_NOUNS else "units"
        figure.measure = figure.measure or noun.lower_


def _inherit(figure: Figure, earlier: list[Figure]) -> None:
    """ "that figure", "the 10 billion number": take what the earlier figure measured."""
    same = [
        f
        for f in earlier
        if f.value == figure.value and f.scale == figure.scale and f.value is not None
    ]
    source = same[-1] if same else (earlier[-1] if earlier else None)
    if source is None:
        return
    figure.measure = figure.measure or source.measure
    figure.subject = figure.subject or source.subject
    if figure.unit is None and source.unit and source.unit not in ("percent", "votes"):
        figure.unit = source.unit


def _carry_currency(figure: Figure, amount: Amount, earlier: list[Figure], ctx: _Context) -> None:
    """ "reach 10 billion" after "US$3.2 billion" in the same sentence or paragraph is USD too."""
    here = ctx.sentence_at(amount.start)
    for f in reversed(earlier):
        there = ctx.sentence_at(f.citations[0].start)
        if there.start != here.start and there.paragraph != here.paragraph:
            return
        if f.unit in _CURRENCIES:
            figure.unit = f.unit
            return


_CURRENCIES = frozenset(units.CURRENCY_PREFIXES.values()) | frozenset(units.CURRENCY_WORDS.values())


class FigureExtractor:
    """Analysis component: fills `analysis.figures`."""

    name = "figures"
    requires: tuple[str, ...] = ("dates", "entities")
    provides: tuple[str, ...] = ("figures",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        analysis.figures = extract_figures(
            doc.text,
            analysis.nlp,
            dates=analysis.dates,
            entities=analysis.entities,
            quotes=analysis.quotes,
            sentences=doc.sentences or None,
            published=doc.published,
            doc_id=doc.id,
        )
        return analysis
