"""Where sources agree and where they diverge.

Divergences are what a reader of several articles must be told: two outlets
give different numbers for one measure ("revenue $3.2 billion" against
"$3.5 billion"), spell one person's name two ways ("Li Sanqi", "Sanqui"), or
date one event differently.
Agreement is measured by `count_support`: which other documents carry a
sentence close to a given text (TF-IDF cosine over content words), which is
what the summary and the timeline report as `support`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..analysis.names import name_key, same_word
from ..analysis.units import MEASURE_SYNONYMS, SCALE_FACTORS
from ..model import (
    Analysis,
    Citation,
    DateMention,
    Divergence,
    Document,
    Entity,
    Figure,
    Statement,
)
from ..words import CARDINALS, FUNCTION_WORDS

# Relative difference under which two figures are the same (rounding, "about").
FIGURE_TOLERANCE = 0.02
# Cosine above which a sentence supports a text.
SUPPORT_THRESHOLD = 0.3
# Cosine above which two dated sentences (dates left out) report one event.
SAME_EVENT_THRESHOLD = 0.5
_MEASURE_STOP = FUNCTION_WORDS


# ---------------------------------------------------------------- divergences


def find_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], figures: Sequence[Figure]
) -> list[Divergence]:
    """Where sources at about the same time disagree: figures and counts for one measure,
    one event given two dates, one person given two roles, names spelled two ways;
    the clearest conflicts first (spellings last)."""
    labels = {a.document.id: _label(a.document) for a in analyses}
    published = {a.document.id: a.document.published for a in analyses if a.document.published}
    texts = {a.document.id: a.document.text for a in analyses}
    subjects = _entity_names(entities)
    found = [
        *figure_divergences(figures, subjects, labels, published=published, texts=texts),
        *date_divergences(analyses, labels),
        *role_divergences(analyses, entities, labels),
        *count_divergences(analyses, labels),
    ]
    found.sort(key=lambda d: -d.strength)
    return [*found, *spelling_divergences(analyses, entities, labels)]


def _label(doc: Document) -> str:
    """A short name for a source: its outlet, else its title (cut short), else its file name."""
    if doc.outlet:
        return doc.outlet
    if doc.title:
        return doc.title if len(doc.title) <= 60 else doc.title[:57].rsplit(" ", 1)[0] + "…"
    name = re.split(r"[/\\]", doc.source or "")[-1]
    return re.sub(r"\.\w+(#\d+)?$", "", name) or doc.title or doc.id


def _entity_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Every spelling of an entity -> its merged name, as merge keys."""
    names: dict[str, str] = {}
    for e in entities:
        for form in (e.name, *e.aliases):
            names.setdefault(name_key(form), e.name)
    return names


def magnitude(figure: Figure) -> float | None:
    """The figure's value in plain units (3.2 + "billion" -> 3.2e9)."""
    if figure.value is None:
        return None
    factor = SCALE_FACTORS.get((figure.scale or "").casefold(), 1.0)
    return figure.value * factor if abs(figure.value) < factor else figure.value


def measure_key(measure: str) -> str:
    """ "Revenue from its enterprise products" -> "revenue enterprise product"."""
    words = re.findall(r"[a-z0-9]+", measure.casefold())
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _MEASURE_STOP
    )


_MEASURE_FILLER = frozenset(["the", "a", "an", "its", "their", "this", "that", "s"])


def normalise_measure(measure: str, unit: str | None = None) -> tuple[str, str | None]:
    """(group key, label) for a measure: synonyms in `units.MEASURE_SYNONYMS` share one key
    and a label ("project's budget" and "cost of the wind farm" -> "cost of the project");
    other measures keep `measure_key` and no label."""
    words = [w for w in re.findall(r"[a-z]+", measure.casefold()) if w not in _MEASURE_FILLER]
    money = unit is not None and unit not in _NOT_MONEY
    for label, table in MEASURE_SYNONYMS.items():
        heads, objects = table["heads"], table["objects"]
        if not words:
            break
        if money and len(words) == 1 and words[0] in table["bare"]:
            return label, label
        if words[0] in heads:
            rest = [w for w in words[1:] if w not in ("of", "for", "on")]
            if not rest or rest[-1] in objects:
                return label, label
        if words[-1] in heads and len(words) > 1 and all(w in objects for w in words[:-1]):
            return label, label
    return measure_key(measure), None


_NOT_MONEY = frozenset({"percent", "percentage points", "votes", "people", "units"})
# Publication dates at most this many days apart are "about the same time": values
# that differ then are a disagreement; further apart, a later value is a revision.
SAME_TIME_DAYS = 7
_LOWER_BOUND = re.compile(r"\b(?:at least|more than|over|upwards of|nearly|almost)\b", re.I)
_UPPER_BOUND = re.compile(r"\b(?:at most|fewer than|less than|under|up to)\b", re.I)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO date prefixes, each read as its first day; None if unreadable."""
    if not a or not b:
        return None
    try:
        da = date.fromisoformat((a + "-01-01")[:10] if len(a) < 10 else a[:10])
        db = date.fromisoformat((b + "-01-01")[:10] if len(b) < 10 else b[:10])
    except ValueError:
        return None
    return abs((da - db).days)


def half_unit(figure: Figure) -> float:
    """Half the last written digit of a figure, in plain units: the rounding it allows
    ("four million" -> 500,000; "3.9 million" -> 50,000; "37,847" -> 0.5)."""
    factor = SCALE_FACTORS.get((figure.scale or "").casefold(), 1.0)
    if figure.value is not None and abs(figure.value) >= factor:
        factor = 1.0
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", figure.text)
    if m is None:
        return 0.5 * factor  # a number word ("four"): whole units
    decimals = len(m.group(1) or "")
    return 0.5 * factor * 10.0 ** (-decimals)


def _bound(figure: Figure) -> int:
    """+1 for "at least nine", -1 for "fewer than nine", 0 for an exact figure."""
    if _LOWER_BOUND.search(figure.text):
        return 1
    if _UPPER_BOUND.search(figure.text):
        return -1
    return 0


def same_value(a: Figure, b: Figure, tolerance: float = FIGURE_TOLERANCE) -> bool:
    """Two figures that agree up to rounding, "about" and stated bounds."""
    x, y = magnitude(a), magnitude(b)
    if x is None or y is None:
        return False
    if abs(x - y) <= max(tolerance * max(abs(x), abs(y)), max(half_unit(a), half_unit(b))):
        return True
    for low, high, f in ((x, y, a), (y, x, b)):  # "at least 9" agrees with 10
        if _bound(f) == 1 and high > low:
            return True
        if _bound(f) == -1 and high < low:
            return True
    return False


@dataclass
class _Value:
    size: float
    text: str
    cites: dict[str, Citation]  # document id -> first citation there
    period: str | None
    figure: Figure


def figure_groups(
    figures: Sequence[Figure],
    subjects: dict[str, str] | None = None,
    tolerance: float = FIGURE_TOLERANCE,
    published: dict[str, str] | None = None,
) -> list[tuple[str, str | None, list[_Value]]]:
    """(measure, subject, values) for every measure that more than one value is given for
    by more than one document.

    Figures are compared when their measure (up to `normalise_measure`), subject,
    unit and period agree and both or neither are targets. A running total such as
    a project's cost is compared whatever the period; other measures need one.
    Values within rounding of each other (`same_value`) are one value. With
    publication dates, an older value a document only recalls ("up from £2.4bn")
    is left to the article that first gave it.
    """
    subjects = subjects or {}
    published = published or {}
    groups: dict[tuple, list[tuple[float, Figure]]] = defaultdict(list)
    names: dict[tuple, str] = {}
    for f in figures:
        size = magnitude(f)
        if size is None or not f.measure or not f.citations:
            continue
        mkey, label = normalise_measure(f.measure, f.unit)
        if label is None and not f.period:
            continue  # "shares fell 4%" in two articles: two moments, not one measure
        period = "" if label else (f.period or "").casefold()
        key = (mkey, period, f.unit, f.status == "target")
        names.setdefault(key, label or f.measure)
        groups[key].append((size, f))
    out = []
    for key, items in groups.items():
        for subject, sub in _by_subject(items, subjects).items():
            values: list[_Value] = []
            for size, f in sub:
                same = next((v for v in values if same_value(f, v.figure, tolerance)), None)
                if same is None:
                    same = _Value(size, f.text, {}, f.period, f)
                    values.append(same)
                for c in f.citations:
                    same.cites.setdefault(c.document, c)
            if len(values) < 2:
                continue
            if all(doc in published for v in values for doc in v.cites):
                _drop_recalled(values, published)
            values = [v for v in values if v.cites]
            if len(values) >= 2 and len({doc for v in values for doc in v.cites}) >= 2:
                out.append((names[key], subject, values))
    return out


def figure_divergences(
    figures: Sequence[Figure],
    subjects: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
    tolerance: float = FIGURE_TOLERANCE,
    published: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
) -> list[Divergence]:
    """Figures for one measure and subject that sources give different values for at
    about the same time (publication dates at most `SAME_TIME_DAYS` apart, or undated).

    A later value for the same measure is a revision, reported by
    `storyline.briefing.developments`, not here.
    """
    labels = labels or {}
    published = published or {}
    texts = texts or {}
    out = []
    for measure, subject, values in figure_groups(figures, subjects, tolerance, published):
        same_time = _same_time_values(values, published)
        if same_time is None:
            continue
        values = same_time
        values.sort(key=lambda v: (min(published.get(d, "") for d in v.cites), min(v.cites)))
        context = ", ".join(x for x in (subject, values[0].period) if x)
        versions = " vs ".join(
            f"{v.text} ({', '.join(labels.get(d, d) for d in v.cites)})" for v in values
        )
        sizes = [abs(v.size) for v in values]
        spread = (max(sizes) - min(sizes)) / max(sizes) if max(sizes) else 0.0
        docs = {d for v in values for d in v.cites}
        sides = [_side(v, published, texts) for v in values]
        out.append(
            Divergence(
                kind="count" if values[0].figure.unit in _COUNT_UNITS else "figure",
                description=f"Sources differ on {measure}"
                + (f" ({context})" if context else "")
                + f": {versions}",
                citations=[c for s in sides for c in s.citations],
                sides=sides,
                strength=round(min(1.0, spread) * (1 + 0.25 * (len(docs) - 2)), 3),
            )
        )
    return out


_COUNT_UNITS = frozenset({"people", "votes", "units", None})


def _same_time_values(values: list[_Value], published: dict[str, str]) -> list[_Value] | None:
    """The values of documents published at about the same time as a document giving
    another value; None when every difference is between dates (a revision)."""
    keep = []
    for v in values:
        for w in values:
            if w is v:
                continue
            if any(
                d != e and _same_time(published.get(d), published.get(e))
                for d in v.cites
                for e in w.cites
            ):
                keep.append(v)
                break
    return keep if len(keep) >= 2 else None


def _same_time(a: str | None, b: str | None) -> bool:
    """Undated documents count as one time (one event's coverage); dated ones within
    `SAME_TIME_DAYS` of each other, a month or year prefix read as its first day only
    when both are that coarse and equal."""
    if a is None and b is None:
        return True
    if a is None or b is None:
        return False
    if len(a) < 10 or len(b) < 10:
        return a == b
    gap = days_apart(a, b)
    return gap is not None and gap <= SAME_TIME_DAYS


def _side(v: _Value, published: dict[str, str], texts: dict[str, str]) -> Statement:
    cites = sorted(v.cites.values(), key=lambda c: (published.get(c.document, ""), c.document))
    first = cites[0]
    passage = first.text or texts.get(first.document, "")[first.start : first.end]
    return Statement(
        text=passage.strip() or v.text,
        date=published.get(first.document),
        citations=cites,
        document=first.document,
    )


def _by_subject(
    items: list[tuple[float, Figure]], subjects: dict[str, str]
) -> dict[str | None, list]:
    """Split by subject; figures with none join the only named subject there is."""
    split: dict[str | None, list[tuple[float, Figure]]] = defaultdict(list)
    for size, f in items:
        subject = subjects.get(name_key(f.subject), f.subject) if f.subject else None
        split[subject].append((size, f))
    named = [s for s in split if s is not None]
    if len(named) == 1 and None in split:
        split[named[0]].extend(split.pop(None))
    return split


def _drop_recalled(values: list[_Value], published: dict[str, str]) -> None:
    """A document giving a new value and recalling an old one ("£3.1bn, up from £2.4bn")
    is not a source for the old one, which an earlier document gave."""
    for v in values:
        for doc in list(v.cites):
            earlier = any(published[o] < published[doc] for o in v.cites)
            new_here = any(
                doc in w.cites and not any(published[o] < published[doc] for o in w.cites)
                for w in values
                if w is not v
            )
            if earlier and new_here:
                del v.cites[doc]


_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?$")


def _is_misspelling(alias: str, name: str) -> bool:
    """An alias with a word that is a near spelling, not a copy, of one of the name's words.

    Not a spelling: a word with other characters in it ("Steele?s", an apostrophe
    lost in transcoding), a short form of a given name ("Pete" for "Peter",
    one the start of the other), or any variant of a "name" holding a word in
    capitals ("JERUSALEM Israel": a dateline read as a person)."""
    words = name.split()
    if any(len(w) >= 4 and w.isupper() for w in words):
        return False
    odd = [w for w in alias.split() if w.casefold() not in {x.casefold() for x in words}]
    if not odd or not all(_NAME_WORD.match(o) for o in odd):
        return False
    for o in odd:
        first = len(words) > 1 and words[0].casefold().startswith(o.casefold()[:3])
        if first and (
            words[0].casefold().startswith(o.casefold())
            or o.casefold().startswith(words[0].casefold())
        ):
            return False
    # a misspelling keeps the first letter ("Hisham"/"Hesham"); "Barak" is not "Mubarak"
    return all(
        any(same_word(o, w) and o[:1].casefold() == w[:1].casefold() for w in words) for o in odd
    )


def spelling_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """One divergence per person whose name is spelled more than one way ("Holt", "Holte"),
    naming each spelling with the sources that use it and citing one mention of each."""
    labels = labels or {}
    out = []
    for e in entities:
        if e.type != "PERSON":
            continue
        words = {w.casefold() for w in e.name.split()}
        variants: list[str] = []
        for alias in e.aliases:
            if _is_misspelling(alias, e.name):
                variants += [
                    w for w in alias.split() if w.casefold() not in words and w not in variants
                ]
        if not variants:
            continue
        forms = {e.name.casefold(), *(a.casefold() for a in e.aliases)}
        spellings = [w for w in e.name.split() if any(same_word(w, v) for v in variants)] + variants
        cites, where = [], []
        for word in spellings:
            docs = _documents_spelling(analyses, word, forms)
            cite = _first_mention(analyses, e.name, e.name) if word in e.name.split() else None
            cite = cite or _first_word_mention(analyses, word, forms)
            if cite is None or not docs:
                continue
            cites.append(cite)
            where.append(f'"{word}" in ' + ", ".join(labels.get(d, d) for d in docs))
        if len(cites) < 2:
            continue
        docsets = [set(_documents_spelling(analyses, w, forms)) for w in spellings]
        alldocs = set().union(*docsets)
        shown = ", ".join(f'"{v}"' for v in variants)
        where_text = (
            f"across sources: {'; '.join(where)}"
            if len(alldocs) > 1
            else f"in {labels.get(cites[0].document, cites[0].document)}"
        )
        out.append(
            Divergence(
                kind="spelling",
                description=f"{e.name} is also spelled {shown} ({where_text})",
                citations=cites,
            )
        )
    return out


def _person_mentions(analyses: Sequence[Analysis], forms: set[str]):
    for a in analyses:
        for m in a.entities:
            if (
                m.type == "PERSON"
                and (m.canonical or m.text).casefold() in forms | {m.text.casefold()}
                and (m.text.casefold() in forms or (m.canonical or "").casefold() in forms)
            ):
                yield a, m


def _documents_spelling(analyses: Sequence[Analysis], word: str, forms: set[str]) -> list[str]:
    """Documents with a mention of the person written with `word` (case aside)."""
    docs: list[str] = []
    for a, m in _person_mentions(analyses, forms):
        if word.casefold() in (w.casefold() for w in m.text.split()) and a.document.id not in docs:
            docs.append(a.document.id)
    return docs


def _first_word_mention(
    analyses: Sequence[Analysis], word: str, forms: set[str]
) -> Citation | None:
    for a, m in _person_mentions(analyses, forms):
        if word.casefold() in (w.casefold() for w in m.text.split()):
            return Citation(document=a.document.id, start=m.start, end=m.end)
    return None


def _first_mention(analyses: Sequence[Analysis], surface: str, name: str) -> Citation | None:
    """The first PERSON mention written `surface` that resolves to `name` (or to itself)."""
    for a in analyses:
        for m in a.entities:
            if (
                m.type == "PERSON"
                and m.text.casefold() == surface.casefold()
                and (m.canonical or m.text).casefold() in (name.casefold(), surface.casefold())
            ):
                return Citation(document=a.document.id, start=m.start, end=m.end)
    for a in analyses:
        for m in a.entities:
            if m.type == "PERSON" and m.text.casefold() == surface.casefold():
                return Citation(document=a.document.id, start=m.start, end=m.end)
    return None


def date_divergences(
    analyses: Sequence[Analysis],
    labels: dict[str, str] | None = None,
    threshold: float = SAME_EVENT_THRESHOLD,
) -> list[Divergence]:
    """One event (near-identical sentences in two documents) given two different past dates.

    Dates that only differ in precision ("2018-04" and "2018-04-17") agree. Two
    relative dates ("on Tuesday") are compared only between documents published
    the same day, since each resolves against its own publication date; dates a
    month or more apart are taken for two events of one kind, not one event.
    """
    labels = labels or {}
    published = {a.document.id: a.document.published for a in analyses}
    items: list[tuple[str, tuple[int, int], str, DateMention]] = []
    for a in analyses:
        spans = _sentence_spans(a.document)
        for dm in a.dates:
            if not dm.value or dm.future or dm.granularity not in ("day", "month"):
                continue
            sent = next(((s, e) for s, e in spans if s <= dm.start < e), None)
            if sent is not None:
                text = a.document.text
                items.append(
                    (a.document.id, sent, text[sent[0] : dm.start] + text[dm.end : sent[1]], dm)
                )
    if len({i[0] for i in items}) < 2:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform([i[2] for i in items])
    except ValueError:  # nothing but stop words
        return []
    sims = (matrix @ matrix.T).toarray()
    out, seen = [], set()
    texts = {a.document.id: a.document.text for a in analyses}
    for x, (doc_x, sent_x, _, dx) in enumerate(items):
        for y in range(x + 1, len(items)):
            doc_y, sent_y, _, dy = items[y]
            if doc_x == doc_y or sims[x, y] < threshold or (doc_x, sent_x, doc_y, sent_y) in seen:
                continue
            assert dx.value is not None and dy.value is not None
            if dx.value.startswith(dy.value) or dy.value.startswith(dx.value):
                continue
            if (dx.relative or dy.relative) and published.get(doc_x) != published.get(doc_y):
                continue
            gap = days_apart(dx.value, dy.value)
            if gap is None or gap > 31:
                continue
            seen.add((doc_x, sent_x, doc_y, sent_y))
            sides = [
                Statement(
                    text=texts[doc][sent[0] : sent[1]].strip(),
                    date=dm.value,
                    citations=[Citation(doc, *sent)],
                    document=doc,
                )
                for doc, sent, dm in ((doc_x, sent_x, dx), (doc_y, sent_y, dy))
            ]
            out.append(
                Divergence(
                    kind="date",
                    description=(
                        f'Sources date this differently: {dx.value} ({labels.get(doc_x, doc_x)}: "{dx.text}") '
                        f'vs {dy.value} ({labels.get(doc_y, doc_y)}: "{dy.text}")'
                    ),
                    citations=[Citation(doc_x, *sent_x), Citation(doc_y, *sent_y)],
                    sides=sides,
                    strength=round(float(sims[x, y]), 3),
                )
            )
    return out


# ---------------------------------------------------------------- numbers in sentences

# A number and the words it counts: "3.7 million miles", "at least nine people",
# "eight times closer", "11 states". Years, clock times, ages, ordinals and
# phone-like strings are left out by `_NUMBER_SKIP`.
_NUMBER_WORDS = {w: n for w, n in CARDINALS.items() if n} | {"dozen": 12}
_NUMBER = re.compile(
    r"(?P<bound>\b(?:at least|more than|over|nearly|almost|about|around|some|roughly|up to|fewer than|less than)\s+)?"
    r"(?<![\w$£€.,:/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?![.,:/-]?\d)(?:\s+(?P<scale>million|billion|thousand|trillion)\b)?"
    r"(?P<after>(?:\s+[A-Za-z][\w'-]*){1,3})",
    re.I,
)
_NUMBER_SKIP = re.compile(
    r"^\s+(?:a\.m|p\.m|am\b|pm\b|o'clock|years?\s+old|-year|year-old|percent of the vote)", re.I
)
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:group|groups|lane|lanes|flight|gate|room|block|route|no|number|chapter|section|"
    r"article|phase|level|grade|stage|terminal|platform|line|channel|district|ward|precinct|"
    r"station|highway|road|interstate|type|category|model|version|season|episode|page|"
    r"question|item|class|division|week|day|game|round|act|rule|amendment|title)s?\.?|"
    r"\d\s*(?:,|and|or|to|through|-))\s*$",
    re.I,
)
_COUNTED_STOP = FUNCTION_WORDS
# Cosine (content words, numbers left out) above which two sentences tell one fact.
SAME_FACT_THRESHOLD = 0.5


@dataclass
class _Count:
    document: str
    sentence: tuple[int, int]
    value: float
    text: str
    bound: int
    head: str  # the first word after the number that is not a stop word: what is counted


def _counts(doc: Document) -> list[_Count]:
    out = []
    for start, end in _sentence_spans(doc):
        sentence = doc.text[start:end]
        for m in _NUMBER.finditer(sentence):
            raw = m.group("num").casefold().replace(",", "")
            value = float(_NUMBER_WORDS.get(raw, raw) if not raw[0].isdigit() else raw)
            if raw[0].isdigit() and 1800 <= value <= 2100 and not m.group("scale"):
                continue  # a year
            if _NUMBER_SKIP.match(m.group("after")) or re.match(r"-", sentence[m.end("num") :]):
                continue
            if _LABEL_BEFORE.search(sentence[: m.start("num")]):
                continue  # "group 2", "lane 1", "Flight 8501", "3, 4 and 5": names, not counts
            value *= SCALE_FACTORS.get((m.group("scale") or "").casefold(), 1.0)
            words = [w.casefold() for w in re.findall(r"[A-Za-z][\w'-]*", m.group("after"))]
            counted = [
                w[:-1] if len(w) > 3 and w.endswith("s") else w
                for w in words
                if w not in _COUNTED_STOP
            ]
            if not counted:
                continue
            bound = m.group("bound") or ""
            kind = 1 if re.match(r"(?i)at least|more than|over", bound) else 0
            kind = -1 if re.match(r"(?i)up to|fewer than|less than", bound) else kind
            text = (m.group(0)).strip()
            out.append(_Count(doc.id, (start, end), value, text, kind, counted[0]))
    return out


def _counts_agree(a: _Count, b: _Count) -> bool:
    low, high = sorted((a.value, b.value))
    if high - low <= 0.02 * high:
        return True
    approx = any(
        re.match(r"(?i)(?:nearly|almost|about|around|some|roughly)\b", x.text) for x in (a, b)
    )
    if approx and high - low <= 0.1 * high:
        return True
    for x, y in ((a, b), (b, a)):  # "at least nine" agrees with ten
        if x.bound == 1 and y.value >= x.value:
            return True
        if x.bound == -1 and y.value <= x.value:
            return True
    return False


def count_divergences(
    analyses: Sequence[Analysis],
    labels: dict[str, str] | None = None,
    threshold: float = SAME_FACT_THRESHOLD,
) -> list[Divergence]:
    """One fact counted differently by documents at about the same time: two sentences
    alike in their words (numbers left out) that put different numbers on the same
    thing ("3.7 million miles" vs "3.9 million miles", "eight times closer" vs "seven
    times closer"). Rounding, "about" and stated bounds ("at least nine") agree; so do
    sentences dated differently (one says "on Friday", the other gives no date), which
    may count over different stretches of time. The number must count the same
    thing (the first word after it: "four big parts", "two big objects")."""
    labels = labels or {}
    published = {a.document.id: a.document.published for a in analyses}
    counts = [c for a in analyses for c in _counts(a.document)]
    if len({c.document for c in counts}) < 2:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = {a.document.id: a.document.text for a in analyses}
    sentences = sorted({(c.document, c.sentence) for c in counts})
    index = {key: i for i, key in enumerate(sentences)}
    bare = [re.sub(r"\d[\d,.]*", " ", texts[d][s:e]) for d, (s, e) in sentences]
    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform(bare)
    except ValueError:
        return []
    sims = (matrix @ matrix.T).toarray()
    when = {
        (a.document.id, span): frozenset(
            d.value or d.text.casefold() for d in a.dates if span[0] <= d.start < span[1]
        )
        for a in analyses
        for doc_id, span in sentences
        if doc_id == a.document.id
    }
    in_sentence: dict[tuple[str, tuple[int, int]], list[_Count]] = defaultdict(list)
    for c in counts:
        in_sentence[(c.document, c.sentence)].append(c)
    out, seen = [], set()
    for i, a in enumerate(counts):
        for b in counts[i + 1 :]:
            if a.document == b.document or a.head != b.head:
                continue
            if not _same_time(published.get(a.document), published.get(b.document)):
                continue
            sim = sims[index[(a.document, a.sentence)], index[(b.document, b.sentence)]]
            if sim < threshold or _counts_agree(a, b):
                continue
            if any(
                c.head == x.head and _counts_agree(c, x)
                for x, other in ((a, b), (b, a))
                for c in in_sentence[(other.document, other.sentence)]
            ):
                continue  # "90 degrees ... 45 degrees" in both: two facts, both agreed on
            if when[(a.document, a.sentence)] != when[(b.document, b.sentence)]:
                continue  # "97 rockets on Friday" vs "300 rockets": different stretches of time
            key = (a.document, a.sentence, b.document, b.sentence)
            if key in seen:
                continue
            seen.add(key)
            sides = [
                Statement(
                    text=texts[c.document][c.sentence[0] : c.sentence[1]].strip(),
                    date=published.get(c.document),
                    citations=[Citation(c.document, *c.sentence)],
                    document=c.document,
                )
                for c in (a, b)
            ]
            out.append(
                Divergence(
                    kind="count",
                    description=(
                        f'Sources differ on a number: "{a.text}" ({labels.get(a.document, a.document)}) '
                        f'vs "{b.text}" ({labels.get(b.document, b.document)})'
                    ),
                    citations=[s.citations[0] for s in sides],
                    sides=sides,
                    strength=round(
                        float(sim) * min(1.0, abs(a.value - b.value) / max(a.value, b.value)), 3
                    ),
                )
            )
    return out


_ROLE_STOP = FUNCTION_WORDS | {"former", "then"}


def _role_words(role: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", role.casefold()) if w not in _ROLE_STOP}


def _same_role(a: str, b: str) -> bool:
    """Roles that can name one post: a shared word, or one the other's initials ("CTO")."""
    wa, wb = _role_words(a), _role_words(b)
    if not wa or not wb or wa & wb:
        return True
    for short, long in ((a, b), (b, a)):
        letters = re.sub(r"[^A-Za-z]", "", short)
        if letters.isupper() and 2 <= len(letters) <= 5:
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long)).upper()
            if letters.upper() in initials or initials in letters.upper():
                return True
    return False


def role_divergences(
    analyses: Sequence[Analysis],
    entities: Sequence[Entity],
    labels: dict[str, str] | None = None,
) -> list[Divergence]:
    """One person given roles that cannot name one post by documents at about the same time.

    Roles sharing a word ("president", "president of marketing") or matching as
    initials ("CTO", "chief technology officer") agree; so do roles given by
    articles published apart, since people change posts.
    """
    labels = labels or {}
    names: dict[str, str] = {}
    for e in entities:
        if e.type == "PERSON":
            for form in (e.name, *e.aliases):
                names.setdefault(name_key(form), e.name)
    published = {a.document.id: a.document.published for a in analyses}
    roles: dict[str, dict[str, tuple[str, Citation]]] = defaultdict(dict)
    for a in analyses:
        for m in a.entities:
            if m.type != "PERSON" or not m.role:
                continue
            person = names.get(name_key(m.canonical or m.text))
            if person is None:
                continue
            roles[person].setdefault(
                a.document.id, (m.role, Citation(a.document.id, m.start, m.end))
            )
    texts = {a.document.id: a.document.text for a in analyses}
    out = []
    for person, by_doc in roles.items():
        docs = sorted(by_doc)
        for i, d1 in enumerate(docs):
            for d2 in docs[i + 1 :]:
                (r1, c1), (r2, c2) = by_doc[d1], by_doc[d2]
                if _same_role(r1, r2) or not _same_time(published.get(d1), published.get(d2)):
                    continue
                sides = [
                    Statement(
                        text=_sentence_at(texts[c.document], c.document, analyses, c.start),
                        date=published.get(c.document),
                        citations=[c],
                        document=c.document,
                    )
                    for c in (c1, c2)
                ]
                out.append(
                    Divergence(
                        kind="role",
                        description=(
                            f"Sources give {person} different roles: {r1} "
                            f"({labels.get(d1, d1)}) vs {r2} ({labels.get(d2, d2)})"
                        ),
                        citations=[c1, c2],
                        sides=sides,
                        strength=0.3,
                    )
                )
                break
            else:
                continue
            break
    return out


def _sentence_at(text: str, doc_id: str, analyses: Sequence[Analysis], pos: int) -> str:
    doc = next(a.document for a in analyses if a.document.id == doc_id)
    for s, e in _sentence_spans(doc):
        if s <= pos < e:
            return text[s:e].strip()
    return text[pos : pos + 200]


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a document: its own, else the segmenter's."""
    return _sentence_spans(doc)


# ---------------------------------------------------------------- agreement


class SupportIndex:
    """Sentences of a set of documents, vectorised once, to find support for many texts."""

    def __init__(self, documents: Sequence[Document], threshold: float = SUPPORT_THRESHOLD) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.threshold = threshold
        self.spans: list[tuple[str, int, int]] = []
        texts: list[str] = []
        for doc in documents:
            for start, end in _sentence_spans(doc):
                self.spans.append((doc.id, start, end))
                texts.append(doc.text[start:end])
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        self.matrix = self.vectorizer.fit_transform(texts) if texts else None

    def cite(self, text: str, exclude: str | None = None) -> list[Citation]:
        """The best supporting sentence in each document other than `exclude`."""
        if self.matrix is None or not text.strip():
            return []
        scores = (self.matrix @ self.vectorizer.transform([text]).T).toarray().ravel()
        best: dict[str, tuple[float, int]] = {}
        for i, score in enumerate(scores):
            doc_id = self.spans[i][0]
            if doc_id == exclude or score < self.threshold:
                continue
            if doc_id not in best or score > best[doc_id][0]:
                best[doc_id] = (float(score), i)
        ranked = sorted(best.values(), key=lambda si: -si[0])
        return [
            Citation(document=self.spans[i][0], start=self.spans[i][1], end=self.spans[i][2])
            for _, i in ranked
        ]


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    from ..ingest.segment import segment

    return [(s.start, s.end) for s in segment(doc.text)[1]]


def count_support(
    text: str,
    documents: Sequence[Document],
    exclude: str | None = None,
    threshold: float = SUPPORT_THRESHOLD,
) -> list[Citation]:
    """Sentences of other documents that carry `text`: one citation per supporting document.

    For many texts over the same documents build one `SupportIndex` instead.
    """
    return SupportIndex(documents, threshold).cite(text, exclude)


def support_counts(
    texts: Sequence[str], documents: Sequence[Document], sources: Sequence[str | None] | None = None
) -> list[int]:
    """How many distinct documents carry each text, counting its own source document."""
    index = SupportIndex(documents)
    sources = sources or [None] * len(texts)
    return [
        len(index.cite(t, src)) + (1 if src else 0) for t, src in zip(texts, sources, strict=False)
    ]
