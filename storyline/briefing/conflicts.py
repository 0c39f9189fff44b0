"""Conflicts read from facts with a fixed form, which two articles may word differently
but must agree on: a person's age, the street block where something happened, the
month a person was put in a post, the clock time of one event, a person's full name.

Each detector aligns one kind of fact by what it is about (the person, the street,
the event's words), never by the article, and reports documents published at about
the same time (`compare.same_time`) that give different values. A later value given
by a later article is a revision, left to `storyline.briefing.developments`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..analysis.matching import same_word, transposed
from ..analysis.names import name_key
from ..datetokens import MONTH_NAMES
from ..model import Analysis, Citation, Divergence, Entity, Statement

__all__ = [
    "age_divergences",
    "appointment_divergences",
    "block_divergences",
    "clock_divergences",
    "contradiction_divergences",
    "contradictions",
    "month_day",
    "name_form_divergences",
    "near_spelling",
    "quote_divergences",
    "regional_spelling",
    "residence_divergences",
]


@dataclass(slots=True)
class _Fact:
    """One value a document gives for one thing, with the sentence that gives it."""

    key: str  # what it is about: a person, a street, an event
    value: str  # normalised value: "73", "900", "04", "09:06"
    shown: str  # the value as the text writes it
    document: str
    sentence: tuple[int, int]


def name_forms(entities: Sequence[Entity], kind: str) -> dict[str, str]:
    """Every written form (name key) of an entity of type `kind` -> the merged name."""
    names: dict[str, str] = {}
    for e in entities:
        if e.type == kind:
            for form in (e.name, *e.aliases):
                names.setdefault(name_key(form), e.name)
    return names


def sentence_cosines(texts: list[str]) -> np.ndarray | None:
    """Pairwise TF-IDF cosines of sentences (English stop words out), fitted on
    these sentences alone; None when nothing but stop words is left."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform(texts)
    except ValueError:
        return None
    return (matrix @ matrix.T).toarray()


def _person(names: dict[str, str], text: str, canonical: str | None) -> str | None:
    return names.get(name_key(canonical or text)) or names.get(name_key(text))


def _sentence(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in spans if s <= pos < e), None)


def _disagreements(
    facts: list[_Fact],
    published: dict[str, str | None],
    agree: Callable[[set[str], set[str]], bool] | None = None,
) -> list[tuple[str, _Fact, _Fact]]:
    """(key, fact of one document, fact of another) for each thing two documents
    published at about the same time give values for that `agree` rejects (by
    default: no value in common); one pair per thing, the first documents first."""
    from .compare import _same_time

    agree = agree or (lambda a, b: bool(a & b))
    by_key: dict[str, dict[str, list[_Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in facts:
        by_key[f.key][f.document].append(f)
    out = []
    for key, by_doc in by_key.items():
        docs = list(by_doc)
        done = False
        for i, d1 in enumerate(docs):
            for d2 in docs[i + 1 :]:
                if not _same_time(published.get(d1), published.get(d2)):
                    continue
                v1 = {f.value for f in by_doc[d1]}
                v2 = {f.value for f in by_doc[d2]}
                if agree(v1, v2):
                    continue
                f1 = by_doc[d1][0]
                f2 = next(f for f in by_doc[d2] if f.value not in v1)
                out.append((key, f1, f2))
                done = True
                break
            if done:
                break
    return out


def sentence_side(
    texts: dict[str, str], document: str, sentence: tuple[int, int], date: str | None
) -> Statement:
    """One side of a divergence or development: a whole sentence, cited and dated."""
    return Statement(
        text=texts[document][sentence[0] : sentence[1]].strip(),
        date=date,
        citations=[Citation(document, *sentence)],
        document=document,
    )


def _divergence(
    kind: str,
    description: str,
    facts: Sequence[_Fact],
    texts: dict[str, str],
    published: dict[str, str | None],
    strength: float,
) -> Divergence:
    sides = [sentence_side(texts, f.document, f.sentence, published.get(f.document)) for f in facts]
    return Divergence(
        kind=kind,  # type: ignore[arg-type]
        description=description,
        citations=[s.citations[0] for s in sides],
        sides=sides,
        strength=strength,
    )


def _context(analyses: Sequence[Analysis]):
    from .compare import _label, sentence_spans

    labels = {a.document.id: _label(a.document) for a in analyses}
    published = {a.document.id: a.document.published for a in analyses}
    texts = {a.document.id: a.document.text for a in analyses}
    spans = {a.document.id: sentence_spans(a.document) for a in analyses}
    return labels, published, texts, spans


# ---------------------------------------------------------------- ages

# "Durst, 73," / "Durst (73)" after a name; "the 72-year-old Durst", "73-year-old
# real estate heir Robert Durst" before one (up to three lower-case words between).
_AGE_AFTER = re.compile(
    r"^\s*(?:,\s*|\(\s*)(?:aged\s+|age\s+|who\s+is\s+)?(\d{1,3})(?![.,]\d)\s*(?:[,)]|\.(?!\d)|$)"
)
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z][\w'-]*\s+){0,3}$")


def age_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One person given different ages by documents of about the same time
    ("Durst, 73," or "Durst, aged 73," against "the 72-year-old Durst"). An age is read only where it is
    written against the name, so a neighbour's age is never taken for the person's."""
    names = name_forms(entities, "PERSON")
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    facts = []
    for a in analyses:
        text = a.document.text
        for m in a.entities:
            # a known person's name, whatever type this one mention was given
            # ("Durst, 73," tagged as an organisation)
            person = (
                _person(names, m.text, m.canonical)
                if m.type == "PERSON"
                else names.get(name_key(m.text))
            )
            if person is None:
                continue
            after = _AGE_AFTER.match(text[m.end : m.end + 16])
            before = _AGE_BEFORE.search(text[max(0, m.start - 60) : m.start])
            for found in (after, before):
                if found is None or not 0 < int(found.group(1)) < 120:
                    continue
                sent = _sentence(spans[a.document.id], m.start)
                if sent is not None:
                    age = str(int(found.group(1)))
                    facts.append(_Fact(person, age, age, a.document.id, sent))
    return [
        _divergence(
            "figure",
            f"Sources give {person}'s age differently: {f1.shown} ({labels.get(f1.document, f1.document)})"
            f" vs {f2.shown} ({labels.get(f2.document, f2.document)})",
            (f1, f2),
            texts,
            published,
            0.5,
        )
        for person, f1, f2 in _disagreements(facts, published)
    ]


# ---------------------------------------------------------------- street blocks

_BLOCK = re.compile(
    r"\b(\d{2,5})\s+block\s+of\s+((?:(?:[NSEW]\.?|[A-Z0-9][\w'-]*)\s+){0,4}[A-Z0-9][\w'-]*)"
)
_STREET_TYPE = re.compile(
    r"\s+(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|court|ct|place|pl|"
    r"way|terrace|ter|circle|cir|parkway|pkwy|highway|hwy)\.?$",
    re.I,
)
# A sentence saying where someone lives or is registered gives a second place, not
# the place where the story's event happened.
_RESIDENCE = re.compile(r"\b(?:lives?|lived|living|resides?|resided|residence|home address)\b")


def block_divergences(
    analyses: Sequence[Analysis], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One street given different block numbers for where something happened
    ("900 block of Buffalo Springs Drive" against "800 block of Buffalo Springs"):
    documents of about the same time that share no block number of that street.
    Where someone lives is kept apart from where something happened."""
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    facts = []
    for a in analyses:
        for m in _BLOCK.finditer(a.document.text):
            sent = _sentence(spans[a.document.id], m.start())
            if sent is None:
                continue
            street = _STREET_TYPE.sub("", m.group(2)).casefold()
            where = (
                "home" if _RESIDENCE.search(texts[a.document.id][sent[0] : sent[1]]) else "event"
            )
            facts.append(_Fact(f"{street}|{where}", m.group(1), m.group(0), a.document.id, sent))
    out = []
    for _key, f1, f2 in _disagreements(facts, published):
        street = _STREET_TYPE.sub("", f1.shown.split(" block of ", 1)[-1])
        out.append(
            _divergence(
                "claim",
                f"Sources place this on different blocks of {street}: "
                f'"{f1.shown}" ({labels.get(f1.document, f1.document)}) vs '
                f'"{f2.shown}" ({labels.get(f2.document, f2.document)})',
                (f1, f2),
                texts,
                published,
                0.4,
            )
        )
    return out


# ---------------------------------------------------------------- appointments

# Verbs of putting a person in a post; being elected, nominated or sworn in are
# other events of their own dates, so they are not in the list.
_APPOINTED = re.compile(r"\b(?:named|hired|appointed|tapped|picked|selected|promoted)\b")
_MONTHS = MONTH_NAMES.casefold().split("|")
_MONTH = re.compile(
    r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?(?:\s+\d{1,2}\b,?)?(?:\s+(\d{4}))?",
    re.I,
)


def _month(text: str, value: str | None) -> tuple[str | None, str] | None:
    """(year or None, month "05") of a date mention, from its ISO value or its words
    ("in April": no year)."""
    if value and len(value) >= 7:
        return value[:4], value[5:7]
    m = _MONTH.search(text)
    if m is None:
        return None
    month = f"{[x[:3] for x in _MONTHS].index(m.group(1).casefold()[:3]) + 1:02d}"
    return (m.group(2) or (value[:4] if value else None)), month


def month_day(text: str) -> str | None:
    """ "MM-DD" of a date written with a month name and a day ("March 22", "Aug. 18")."""
    m = re.search(
        r"\b(" + "|".join(x[:3] for x in _MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b", text, re.I
    )
    if m is None or not 1 <= int(m.group(2)) <= 31:
        return None
    month = [x[:3] for x in _MONTHS].index(m.group(1).casefold()) + 1
    return f"{month:02d}-{int(m.group(2)):02d}"


def appointment_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One person put in a post in different months by documents of about the same
    time ("named chief in May 2014" against "hired in April"). A month without a year
    is compared by month alone; two years that differ are two appointments."""
    names = name_forms(entities, "PERSON")
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    facts = []
    for a in analyses:
        doc_id = a.document.id
        for dm in a.dates:
            if dm.future or dm.granularity not in (None, "month", "day"):
                continue
            when = _month(dm.text, dm.value)
            sent = _sentence(spans[doc_id], dm.start)
            if when is None or sent is None:
                continue
            sentence = texts[doc_id][sent[0] : sent[1]]
            if not _APPOINTED.search(sentence):
                continue
            people = {
                p
                for m in a.entities
                if m.type == "PERSON" and sent[0] <= m.start < sent[1]
                for p in [_person(names, m.text, m.canonical)]
                if p
            }
            if len(people) != 1:  # "X named Y": whose post it is must be clear
                continue
            year, month = when
            facts.append(_Fact(people.pop(), f"{year or '?'}-{month}", dm.text, doc_id, sent))

    def agree(a: set[str], b: set[str]) -> bool:
        for x in a:
            for y in b:
                (xy, xm), (yy, ym) = x.split("-"), y.split("-")
                if xm == ym and (xy == yy or "?" in (xy, yy)):
                    return True
                if xy != yy and "?" not in (xy, yy):
                    return True  # two years: two appointments, not one told two ways
        return False

    return [
        _divergence(
            "date",
            f"Sources date when {person} took the post differently: "
            f'"{f1.shown}" ({labels.get(f1.document, f1.document)}) vs '
            f'"{f2.shown}" ({labels.get(f2.document, f2.document)})',
            (f1, f2),
            texts,
            published,
            0.5,
        )
        for person, f1, f2 in _disagreements(facts, published, agree)
    ]


# ---------------------------------------------------------------- clock times

_CLOCK = re.compile(
    r"(?P<hedge>\b(?:about|around|approximately|roughly|shortly (?:after|before)|just "
    r"(?:after|before)|nearly|almost)\s+)?\b(?P<h>\d{1,2}):(?P<m>[0-5]\d)\s*"
    r"(?P<half>[ap]\.?\s?m\b\.?)?",
    re.I,
)
# Clock times of one event closer than this, one of them hedged ("around 9:06"), agree.
HEDGED_MINUTES = 15


def clock_divergences(
    analyses: Sequence[Analysis],
    labels: dict[str, str] | None = None,
    threshold: float | None = None,
) -> list[Divergence]:
    """One event (sentences alike once their times are left out) given different clock
    times by documents of about the same time ("the call came in at 9:06 a.m." against
    "at 9:09 a.m."). A hedged time ("around 9:06") agrees within `HEDGED_MINUTES`."""
    from .compare import SAME_EVENT_THRESHOLD, _same_time

    threshold = SAME_EVENT_THRESHOLD if threshold is None else threshold
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    items = []
    for a in analyses:
        doc_id = a.document.id
        for s, e in spans[doc_id]:
            sentence = texts[doc_id][s:e]
            times = list(_CLOCK.finditer(sentence))
            if len(times) == 1:  # a sentence with two times tells a sequence
                items.append((doc_id, (s, e), times[0], _CLOCK.sub(" ", sentence)))
    if len({i[0] for i in items}) < 2:
        return []
    sims = sentence_cosines([i[3] for i in items])
    if sims is None:
        return []
    out, seen = [], set()
    for x, (d1, s1, t1, _) in enumerate(items):
        for y in range(x + 1, len(items)):
            d2, s2, t2, _ = items[y]
            if d1 == d2 or sims[x, y] < threshold or (d1, d2) in seen:
                continue
            if not _same_time(published.get(d1), published.get(d2)):
                continue
            gap = abs(_minutes(t1) - _minutes(t2))
            if gap == 0 or ((t1.group("hedge") or t2.group("hedge")) and gap <= HEDGED_MINUTES):
                continue
            if t1.group("half") and t2.group("half") and gap >= 12 * 60 - HEDGED_MINUTES:
                continue  # 9:00 a.m. and 9:00 p.m.: two events
            seen.add((d1, d2))
            f1 = _Fact("", "", t1.group(0).strip(), d1, s1)
            f2 = _Fact("", "", t2.group(0).strip(), d2, s2)
            out.append(
                _divergence(
                    "date",
                    f'Sources time this differently: "{f1.shown}" ({labels.get(d1, d1)}) '
                    f'vs "{f2.shown}" ({labels.get(d2, d2)})',
                    (f1, f2),
                    texts,
                    published,
                    round(float(sims[x, y]), 3),
                )
            )
    return out


def _minutes(m: re.Match) -> int:
    hour, minute = int(m.group("h")) % 12, int(m.group("m"))
    if (m.group("half") or "").casefold().startswith("p"):
        hour += 12
    return hour * 60 + minute


# ---------------------------------------------------------------- full names

_INITIAL = re.compile(r"^[A-Z]\.?$")
_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$")
# An organisation's name is compared word by word when it is this long ("Federal Law
# Enforcement Officers Association"): shorter ones ("House Committee") are generic.
ORG_NAME_WORDS = 3
_ORG_JOINERS = frozenset(["of", "for", "and", "on", "the", "in", "&"])
# Letters two words of one organisation's name must share at the start to be one
# word written two ways ("Officials"/"Officers").
ORG_STEM = 5


# British and American spellings of one word ("Centre"/"Center", "Defence"/"Defense",
# "Labour"/"Labor", "Organisation"/"Organization"): house style, not two names.
_REGIONAL = (
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"our(s?|ed|ing|ite|ites)$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)


def regional_spelling(a: str, b: str) -> bool:
    """Whether two words are one word in British and American spelling."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return False
    for pattern, american in _REGIONAL:
        a, b = pattern.sub(american, a), pattern.sub(american, b)
    return a == b


def _one_stem_two_endings(a: str, b: str) -> bool:
    """ "Officials"/"Officers": one stem of at least `ORG_STEM` letters, two endings,
    neither word the start of the other ("Democrat"/"Democratic" is one word) nor
    the other's British or American spelling ("Centre"/"Center")."""
    if regional_spelling(a, b):
        return False
    a, b = a.casefold(), b.casefold()
    if a.startswith(b) or b.startswith(a):
        return False
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return stem >= ORG_STEM


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one name word: the same first letter, and near (`same_word`)
    or two letters swapped. Hyphenated names compare part by part, so "Jong-un" is
    not "Jong-nam"."""
    if a[:1].casefold() != b[:1].casefold() or min(len(a), len(b)) < 4:
        return False
    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb):
        return False
    return all(
        x.casefold() == y.casefold() or same_word(x, y) or transposed(x, y)
        for x, y in zip(pa, pb, strict=True)
    )


def name_form_divergences(
    analyses: Sequence[Analysis],
    labels: dict[str, str] | None = None,
    known: Sequence[Divergence] = (),
) -> list[Divergence]:
    """A person's full name given two ways by two documents: the same surname and
    every other word the same but one, which differs ("Betty Jane Perske" against
    "Betty Joan Perske"; "Fransiskus" and "Henry" for one search chief). An
    organisation's name of `ORG_NAME_WORDS` words or more with one word written two
    ways ("... Officials Association" / "... Officers Association") is told too. With only a
    given name and a surname, the given names must be near spellings ("Ilsa"/"Isla"),
    since two people of one family differ there. Neither document may use both
    forms (then they are two people), and a pair a spelling divergence in `known`
    already names is not told again."""
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    forms: dict[tuple[str, ...], dict[str, tuple[int, int]]] = defaultdict(dict)
    organisations: set[tuple[str, ...]] = set()
    for a in analyses:
        for m in a.entities:
            if m.type == "ORG":
                words = tuple(m.text.split())
                if len(words) < ORG_NAME_WORDS or not all(
                    _WORD.match(w) or w in _ORG_JOINERS for w in words
                ):
                    continue
                organisations.add(words)
            elif m.type == "PERSON":
                words = tuple(w for w in m.text.split() if not _INITIAL.match(w))
                if len(words) < 2 or not all(_WORD.match(w) for w in words):
                    continue
            else:
                continue
            sent = _sentence(spans[a.document.id], m.start)
            if sent is not None:
                forms[words].setdefault(a.document.id, sent)
    said = [set(re.findall(r"[\w-]+", d.description)) for d in known if d.kind == "spelling"]
    out, told = [], set()
    keys = sorted(forms)
    for i, f in enumerate(keys):
        for g in keys[i + 1 :]:
            org = f in organisations
            if len(f) != len(g) or org != (g in organisations) or (not org and f[-1] != g[-1]):
                continue
            diff = [k for k in range(len(f)) if f[k] != g[k]]
            if len(diff) != 1:
                continue
            x, y = f[diff[0]], g[diff[0]]
            if (len(f) == 2 or org) and not (
                near_spelling(x, y) or (org and _one_stem_two_endings(x, y))
            ):
                continue
            if regional_spelling(x, y):
                continue  # "Defence"/"Defense": one word, two house styles
            if x.casefold().rstrip("s") == y.casefold().rstrip("s"):
                continue  # "Institute"/"Institutes": a plural, not a second name
            if x.startswith(y) or y.startswith(x):
                continue  # "Pete"/"Peter": a short form, not a second name
            if set(forms[f]) & set(forms[g]):
                continue  # one document names both: two people
            if any(x in words and y in words for words in said):
                continue  # a spelling divergence already tells it
            if (f[-1], diff[0]) in told:
                continue
            told.add((f[-1], diff[0]))
            d1, d2 = next(iter(forms[f])), next(iter(forms[g]))
            if not _same_time_docs(published, d1, d2):
                continue
            f1 = _Fact("", "", " ".join(f), d1, forms[f][d1])
            f2 = _Fact("", "", " ".join(g), d2, forms[g][d2])
            out.append(
                _divergence(
                    "spelling",
                    f'{f1.shown} is also given as "{f2.shown}" ("{x}" in '
                    f"{', '.join(labels.get(d, d) for d in forms[f])}; "
                    f'"{y}" in {", ".join(labels.get(d, d) for d in forms[g])})',
                    (f1, f2),
                    texts,
                    published,
                    0.0,
                )
            )
    return out


def _same_time_docs(published: dict[str, str | None], a: str, b: str) -> bool:
    from .compare import _same_time

    return _same_time(published.get(a), published.get(b))


# ---------------------------------------------------------------- contradictions

# Words that deny what the rest of a sentence says.
_DENIAL = re.compile(
    r"\b(?:not|never|no longer|denied|denies|deny|denying|false|untrue|refuted|refutes|"
    r"rejected|rejects|dismissed|dismisses)\b|n['’]t\b",
    re.I,
)
# Two sentences, denial words left out, at least this alike say the same thing.
CONTRADICTION_THRESHOLD = 0.6
# A sentence needs this many content words to carry a claim of its own.
_CLAIM_WORDS = 4
# Each sentence's content words (denial words aside) must be this share of the
# other's: one statement, negated, not a longer sentence with a "not" of its own.
CONTRADICTION_COVER = 0.8


@dataclass(slots=True)
class Contradiction:
    """A sentence of one document and a sentence of another that denies it."""

    claim: _Fact  # document and sentence that says it
    denial: _Fact  # document and sentence that denies it
    similarity: float


def contradictions(
    analyses: Sequence[Analysis], threshold: float = CONTRADICTION_THRESHOLD
) -> list[Contradiction]:
    """Sentence pairs of two documents that say the same thing (TF-IDF cosine of their
    words, denial words left out, at least `threshold`) where one denies it ("the
    plant will close" against "the company denied that the plant will close").

    A document that reports both the claim and the denial is not a side: then the
    sources agree that the point is disputed. Questions are no claims."""
    from ..words import stop_words

    stop = stop_words()
    _, _, texts, spans = _context(analyses)
    items = []
    for a in analyses:
        doc_id = a.document.id
        for s, e in spans[doc_id]:
            sentence = texts[doc_id][s:e]
            if sentence.rstrip().endswith("?"):
                continue
            bare = _DENIAL.sub(" ", sentence)
            words = {w for w in re.findall(r"[a-z]{3,}", bare.casefold()) if w not in stop}
            if len(words) < _CLAIM_WORDS:
                continue
            items.append((doc_id, (s, e), bool(_DENIAL.search(sentence)), bare, words))
    if len({i[0] for i in items}) < 2:
        return []
    sims = sentence_cosines([i[3] for i in items])
    if sims is None:
        return []
    close: dict[int, list[int]] = defaultdict(list)
    for x in range(len(items)):
        for y in range(len(items)):
            if x != y and sims[x, y] >= threshold:
                close[x].append(y)
    out = []
    for x, (dx, sx, neg_x, _, wx) in enumerate(items):
        if neg_x:
            continue
        for y in close[x]:
            dy, sy, neg_y, _, wy = items[y]
            if dy == dx or not neg_y:
                continue
            shared = len(wx & wy)
            if shared < CONTRADICTION_COVER * max(len(wx), len(wy)):
                continue
            # either document giving both sides reports a dispute, not a conflict
            if any(items[z][0] == dx and items[z][2] for z in close[y]) or any(
                items[z][0] == dy and not items[z][2] for z in close[x]
            ):
                continue
            out.append(
                Contradiction(
                    _Fact("", "", "", dx, sx), _Fact("", "", "", dy, sy), float(sims[x, y])
                )
            )
    return out


def contradiction_divergences(
    analyses: Sequence[Analysis], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """Contradictions between documents of about the same time, as `claim` divergences;
    a later denial is a development (`developments.contradiction_developments`)."""
    own_labels, published, texts, _ = _context(analyses)
    labels = labels or own_labels
    out, seen = [], set()
    for c in contradictions(analyses):
        if not _same_time_docs(published, c.claim.document, c.denial.document):
            continue
        pair = (c.claim.document, c.denial.document)
        if pair in seen:
            continue
        seen.add(pair)
        out.append(
            _divergence(
                "claim",
                f"{labels.get(c.denial.document, c.denial.document)} contradicts "
                f"{labels.get(c.claim.document, c.claim.document)}",
                (c.claim, c.denial),
                texts,
                published,
                round(c.similarity, 3),
            )
        )
    return out


# ---------------------------------------------------------------- quotations

# A quotation needs this many words to be compared with another.
QUOTE_WORDS = 5
# Share of the shorter quotation's words the two must have in the same order.
QUOTE_COVER = 0.8


def _named(word: str, text: str) -> bool:
    """Whether a word of a quotation is a name there (capitalised, not opening a
    sentence): a speaker who says one line of two places or people says it twice."""
    return any(
        m.group(0)[:1].isupper() and not re.search(r"(?:^|[.!?]\s+|[\"“‘]\s*)$", text[: m.start()])
        for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)
    )


def _quote_words(text: str) -> list[str]:
    return [w.strip("'") for w in re.findall(r"[a-z0-9']+", text.casefold().replace("’", "'"))]


def _number(word: str) -> float | None:
    from ..words import CARDINALS

    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return float(CARDINALS[word]) if CARDINALS.get(word) else None


def _misquoted(a: list[str], b: list[str], stop: frozenset[str]) -> tuple[str, str] | None:
    """The word one quotation has where the other has another, when the two are one
    quotation (in the same order, `QUOTE_COVER` of the shorter's words) with one content
    word swapped for a different one inside it ("check this out, buddy" / "check this
    out, bodyguard"). Not a swap: a contraction or function word ("I'm"/"I am"), an
    inflection or spelling ("fire"/"fired"), a swap at either end (a cut quotation)."""
    from difflib import SequenceMatcher

    if min(len(a), len(b)) < QUOTE_WORDS:
        return None
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if matched < QUOTE_COVER * min(len(a), len(b)):
        return None
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return None
    for tag, i1, i2, j1, j2 in ops[equal[0] + 1 : equal[-1]]:
        if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            continue
        x, y = a[i1], b[j1]
        if _number(x) is not None and _number(y) is not None:
            if _number(x) != _number(y):
                return x, y  # "20 tunnels" / "30 tunnels" in one quotation
            continue
        if x in stop or y in stop or len(x) < 3 or len(y) < 3 or x.isdigit() or y.isdigit():
            continue
        if x[:4] == y[:4] or same_word(x, y):
            continue
        return x, y
    return None


def quote_divergences(
    analyses: Sequence[Analysis], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One person's words quoted two ways by two documents of about the same time:
    direct quotations of the same speaker that are one quotation but for one word
    ("Well, check this out, buddy" against "Well check this out, bodyguard"), as a
    `claim` divergence naming both words. One pair per speaker and two documents."""
    from ..words import stop_words

    stop = stop_words()
    own_labels, published, texts, _ = _context(analyses)
    labels = labels or own_labels
    quotes = [
        (a.document.id, name_key(q.speaker), q)
        for a in analyses
        for q in a.quotes
        if q.direct and q.speaker and q.citations
    ]
    out, told = [], set()
    for i, (d1, k1, q1) in enumerate(quotes):
        for d2, k2, q2 in quotes[i + 1 :]:
            if d1 == d2 or k1 != k2 or (k1, d1, d2) in told:
                continue
            if not _same_time_docs(published, d1, d2):
                continue
            swap = _misquoted(_quote_words(q1.text), _quote_words(q2.text), stop)
            if swap is None or _named(swap[0], q1.text) or _named(swap[1], q2.text):
                continue  # "the people of Texas" / "of Florida": one line said twice
            told.add((k1, d1, d2))
            c1, c2 = q1.citations[0], q2.citations[0]
            f1 = _Fact(k1, swap[0], swap[0], d1, (c1.start, c1.end))
            f2 = _Fact(k1, swap[1], swap[1], d2, (c2.start, c2.end))
            out.append(
                _divergence(
                    "claim",
                    f'Sources quote {q1.speaker} differently: "{swap[0]}" '
                    f'({labels.get(d1, d1)}) vs "{swap[1]}" ({labels.get(d2, d2)})',
                    (f1, f2),
                    texts,
                    published,
                    0.5,
                )
            )
    return out


# ---------------------------------------------------------------- where a person lives

# A residence written before a place: "lives in", "lived with his wife in", "based in".
_RESIDES = re.compile(
    r"\b(?:lives|lived|living|resides|resided|residing|based)\b[^.;:!?]{0,40}?\bin\s+(?:the\s+)?$",
    re.I,
)
# Words that bound a residence in time ("lived in Paris before moving to Canada"): a
# history, not where the person lives.
_BOUNDED = re.compile(
    r"\b(?:before|until|moved|moving|grew up|(?<!-)born|raised|previously|formerly|once|used to)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"^\W*(?:he|she)\b", re.I)


def _regions() -> dict[str, frozenset[tuple[str, str]]]:
    """Country and first-level region names (ISO 3166 via pycountry), case-folded ->
    (code, country code): the places two sources cannot both give as one person's home
    unless one lies in the other."""
    import pycountry

    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name)}:
            out[name.casefold()].add((c.alpha_2, c.alpha_2))
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in ("State", "Province", "Territory"):
            out[sub.name.casefold()].add((sub.code, sub.country_code))
    return {k: frozenset(v) for k, v in out.items()}


_REGION_CACHE: list[dict[str, frozenset[tuple[str, str]]]] = []


def _region(name: str) -> frozenset[tuple[str, str]]:
    if not _REGION_CACHE:
        _REGION_CACHE.append(_regions())
    return _REGION_CACHE[0].get(name.casefold(), frozenset())


def _within(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One place is the other, or lies in it (Quebec in Canada)."""
    return a == b or (a[1] == b[1] and (a[0] == a[1] or b[0] == b[1]))


def residence_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One person said to live in two places that cannot both hold by documents of about
    the same time ("lived with his wife in Ontario" against "lived in Quebec for more
    than 60 years"). Only countries and states or provinces are compared, so a town and
    its region never conflict (no gazetteer of towns is assumed); a place lying in the
    other agrees (Quebec, Canada). A sentence bounding the residence in time ("before
    moving to") is a history, and a document giving two homes tells a move, so
    neither is a side. The person is named in the sentence, or, when it opens with
    "he" or "she", is the last person named before it."""
    names = name_forms(entities, "PERSON")
    own_labels, published, texts, spans = _context(analyses)
    labels = labels or own_labels
    facts: list[_Fact] = []
    homes: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for a in analyses:
        doc_id, text = a.document.id, a.document.text
        people = [
            (m.start, p)
            for m in a.entities
            if m.type == "PERSON" and (p := _person(names, m.text, m.canonical))
        ]
        for m in a.entities:
            if m.type not in ("GPE", "LOC") or not (codes := _region(m.text)):
                continue
            sent = _sentence(spans[doc_id], m.start)
            if sent is None or not _RESIDES.search(text[sent[0] : m.start]):
                continue
            sentence = text[sent[0] : sent[1]]
            if _BOUNDED.search(sentence):
                continue
            before = [p for at, p in people if sent[0] <= at < m.start]
            if before:
                person = before[-1]
            elif _PRONOUN_START.match(sentence):
                earlier = [p for at, p in people if at < sent[0]]
                if not earlier:
                    continue
                person = earlier[-1]
            else:
                continue
            homes[(person, doc_id)] |= codes
            facts.append(_Fact(person, m.text, m.text, doc_id, sent))
    moved = {
        key
        for key, codes in homes.items()
        if any(not _within(x, y) and not _within(y, x) for x in codes for y in codes)
    }
    facts = [f for f in facts if (f.key, f.document) not in moved]

    def agree(v1: set[str], v2: set[str]) -> bool:
        return any(
            _within(x, y) or _within(y, x)
            for a in v1
            for b in v2
            for x in _region(a)
            for y in _region(b)
        )

    return [
        _divergence(
            "claim",
            f"Sources place {person}'s home differently: {f1.shown} "
            f"({labels.get(f1.document, f1.document)}) vs {f2.shown} "
            f"({labels.get(f2.document, f2.document)})",
            (f1, f2),
            texts,
            published,
            0.5,
        )
        for person, f1, f2 in _disagreements(facts, published, agree)
    ]
