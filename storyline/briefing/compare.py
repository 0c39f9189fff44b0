"""Where sources agree and where they diverge.

Divergences are what a reader of several articles must be told: two outlets
give different numbers for one measure ("revenue $3.2 billion" against
"$3.5 billion"), spell one person's name two ways ("Li Sanqi", "Sanqui"), or
date one event differently. Numbers are aligned by alike sentences (`count_pairs`) and,
for counts of people, by what they measure (`measure_pairs`: "deaths in Mexico"), since
outlets rarely tell one toll in like words.
Agreement is measured by `count_support`: which other documents carry a
sentence close to a given text (TF-IDF cosine over content words), which is
what the summary and the timeline report as `support`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..analysis.amounts import (
    COUNT_WORDS,
    approximate,
    number_phrases,
    rounding,
    stated_bound,
)
from ..analysis.names import name_key, same_word
from ..analysis.roles import ROLE_HEADS
from ..analysis.units import MEASURE_SYNONYMS, SCALE_FACTORS
from ..datetokens import WEEKDAY, YEAR
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
from ..words import FUNCTION_WORDS, NAME_TITLES, REPORTING_WORDS
from .conflicts import (
    age_divergences,
    appointment_divergences,
    block_divergences,
    clock_divergences,
    contradiction_divergences,
    month_day,
    name_form_divergences,
    near_spelling,
    quote_divergences,
    residence_divergences,
    sentence_cosines,
    sentence_side,
)

# Relative difference under which two figures are the same (rounding, "about").
FIGURE_TOLERANCE = 0.02
# Relative difference within which a hedged figure ("about", "nearly") agrees, as counts do.
HEDGE_TOLERANCE = 0.1
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
        *age_divergences(analyses, entities, labels),
        *block_divergences(analyses, labels),
        *appointment_divergences(analyses, entities, labels),
        *clock_divergences(analyses, labels),
        *contradiction_divergences(analyses, labels),
        *quote_divergences(analyses, labels),
        *residence_divergences(analyses, entities, labels),
    ]
    found.sort(key=lambda d: -d.strength)
    spellings = spelling_divergences(analyses, entities, labels)
    return [*found, *spellings, *name_form_divergences(analyses, labels, spellings)]


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
    """Half the last written digit of a figure, in plain units (`amounts.rounding`)."""
    factor = SCALE_FACTORS.get((figure.scale or "").casefold(), 1.0)
    if figure.value is not None and abs(figure.value) >= factor:
        factor = 1.0
    return rounding(figure.text, factor)


def same_value(a: Figure, b: Figure, tolerance: float = FIGURE_TOLERANCE) -> bool:
    """Two figures that agree up to rounding, "about" and stated bounds."""
    x, y = magnitude(a), magnitude(b)
    if x is None or y is None:
        return False
    if abs(x - y) <= max(tolerance * max(abs(x), abs(y)), max(half_unit(a), half_unit(b))):
        return True
    if (approximate(a.text) or approximate(b.text)) and abs(x - y) <= HEDGE_TOLERANCE * max(
        abs(x), abs(y)
    ):
        return True  # "nearly $10bn" and "$9.5bn"
    for low, high, f in ((x, y, a), (y, x, b)):  # "at least 9" agrees with 10
        if stated_bound(f.text) == 1 and high > low:
            return True
        if stated_bound(f.text) == -1 and high < low:
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
    single: bool = False,
) -> list[tuple[str, str | None, list[_Value]]]:
    """(measure, subject, values) for every measure that more than one value is given for
    by more than one document.

    Figures are compared when their measure (up to `normalise_measure`), subject,
    unit and period agree and both or neither are targets. A running total such as
    a project's cost is compared whatever the period; other measures need one.
    Values within rounding of each other (`same_value`) are one value. With
    publication dates, an older value a document only recalls ("up from £2.4bn")
    is left to the article that first gave it. With `single`, only figures given as
    the one value of their measure in their sentence count (`_not_compared_in_sentence`).
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
            for size, f in _not_compared_in_sentence(sub, tolerance) if single else sub:
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


def _not_compared_in_sentence(
    items: list[tuple[float, Figure]], tolerance: float
) -> list[tuple[float, Figure]]:
    """Leave out figures whose sentence gives another value of the same measure: "cost
    $15.99 ... now costs $26.33" tells a change or a comparison, not one value that
    another source could contradict."""
    by_sentence: dict[tuple, list[Figure]] = defaultdict(list)
    for _, f in items:
        c = f.citations[0]
        by_sentence[(c.document, c.start, c.end)].append(f)
    return [
        (size, f)
        for size, f in items
        if all(
            same_value(f, g, tolerance)
            for g in by_sentence[
                (f.citations[0].document, f.citations[0].start, f.citations[0].end)
            ]
        )
    ]


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
    for measure, subject, values in figure_groups(
        figures, subjects, tolerance, published, single=True
    ):
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


def _no_apostrophe(word: str) -> str:
    return re.sub(r"['’‘`]", "", word).casefold()


def _is_misspelling(alias: str, name: str) -> bool:
    """An alias with a word that is a near spelling, not a copy, of one of the name's words.

    Not a spelling: a word with other characters in it ("Steele?s", an apostrophe
    lost in transcoding), a short form of a given name ("Pete" for "Peter",
    one the start of the other), or any variant of a "name" holding a word in
    capitals ("JERUSALEM Israel": a dateline read as a person)."""
    words = name.split()
    if any(len(w) >= 4 and w.isupper() for w in words) or re.search(r"[\d,/]", name + alias):
        return False  # a dateline or a caption ("2 Photographs", "Ethan Miller/AP")
    bare = {_no_apostrophe(x) for x in words}
    # "Sa’ar", "Ya'alon"/"Yaalon": a typographic or transliteration apostrophe is no spelling
    odd = [w for w in alias.split() if _no_apostrophe(w) not in bare]
    if not odd or not all(_NAME_WORD.match(o) for o in odd):
        return False
    for o in odd:
        first = len(words) > 1 and words[0].casefold().startswith(o.casefold()[:3])
        if first and (
            words[0].casefold().startswith(o.casefold())
            or o.casefold().startswith(words[0].casefold())
        ):
            return False
    # a misspelling keeps the first letter ("Hisham"/"Hesham"); "Barak" is not "Mubarak";
    # "Jong-un" is not "Jong-nam"; a plural or possessive "s" is no spelling, nor a place's
    # people ("Haiti"/"Haitian")
    return all(
        any(
            near_spelling(o, w)
            and o.casefold().rstrip("s") != w.casefold().rstrip("s")
            and not _demonym(o, w)
            for w in words
        )
        for o in odd
    )


_DEMONYM = re.compile(r"(?:i?an|i?en|n|ese|i|ish|er)s?$")


def _demonym(a: str, b: str) -> bool:
    """One word the other with an ending for its people: "Haitian", "Kenyans", "Iraqi"."""
    short, long_ = sorted((a.casefold(), b.casefold()), key=len)
    if len(short) < 4:
        return False
    if long_.startswith(short) and _DEMONYM.fullmatch(long_[len(short) :]):
        return True
    # "Haitien"/"Haitians": two people's words of one stem
    stems = {_DEMONYM.sub("", w) for w in (short, long_)}
    if len(stems) == 1 and len(next(iter(stems))) >= 4:
        return True
    # "China"/"Chinese": the last vowel dropped ("Hegazy"/"Hegazi" is a spelling)
    return (
        short[-1:] in ("a", "e")
        and re.fullmatch(re.escape(short[:-1]) + r"(?:ese|ian|an)s?", long_) is not None
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
        published = {a.document.id: a.document.published for a in analyses}
        sides = [_mention_side(c, analyses, published) for c in cites]
        out.append(
            Divergence(
                kind="spelling",
                description=f"{e.name} is also spelled {shown} ({where_text})",
                citations=cites,
                sides=sides,
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
    items: list[tuple[str, tuple[int, int], str, DateMention, str]] = []
    for a in analyses:
        spans = _sentence_spans(a.document)
        for dm in a.dates:
            if dm.future or _dates_saying(a.document.text[: dm.start]):
                continue
            value = dm.value if dm.granularity in ("day", "month") else None
            if not dm.value and (md := month_day(dm.text)):
                value = "?-" + md  # "March 22" in an undated article: no year, still a date
            elif not dm.value and (wd := _WEEKDAY.search(dm.text)):
                value = _WEEKDAY_MARK + wd.group(0).casefold()  # "on Sunday", undated
            sent = next(((s, e) for s, e in spans if s <= dm.start < e), None)
            if sent is not None and value:
                text = a.document.text
                items.append(
                    (
                        a.document.id,
                        sent,
                        text[sent[0] : dm.start] + text[dm.end : sent[1]],
                        dm,
                        value,
                    )
                )
    if len({i[0] for i in items}) < 2:
        return []
    sims = sentence_cosines([i[2] for i in items])
    if sims is None:  # nothing but stop words
        return []
    out, seen = [], set()
    texts = {a.document.id: a.document.text for a in analyses}
    for x, (doc_x, sent_x, _, dx, vx) in enumerate(items):
        for y in range(x + 1, len(items)):
            doc_y, sent_y, _, dy, vy = items[y]
            if doc_x == doc_y or sims[x, y] < threshold or (doc_x, sent_x, doc_y, sent_y) in seen:
                continue
            if (dx.relative or dy.relative) and published.get(doc_x) != published.get(doc_y):
                continue
            weekdays = vx.startswith(_WEEKDAY_MARK) + vy.startswith(_WEEKDAY_MARK)
            if weekdays == 1 or (weekdays == 2 and vx == vy):
                continue  # a weekday compares only with a weekday
            if not weekdays:
                vx, vy = _with_year(vx, vy), _with_year(vy, vx)
                if vx.startswith(vy) or vy.startswith(vx):
                    continue
                gap = days_apart(vx, vy)
                if gap is None or gap > 31:
                    continue
            seen.add((doc_x, sent_x, doc_y, sent_y))
            sides = [
                sentence_side(texts, doc, sent, dm.value)
                for doc, sent, dm in ((doc_x, sent_x, dx), (doc_y, sent_y, dy))
            ]
            out.append(
                Divergence(
                    kind="date",
                    description=(
                        f'Sources date this differently: {_shown(dx)} ({labels.get(doc_x, doc_x)}: "{dx.text}") '
                        f'vs {_shown(dy)} ({labels.get(doc_y, doc_y)}: "{dy.text}")'
                    ),
                    citations=[Citation(doc_x, *sent_x), Citation(doc_y, *sent_y)],
                    sides=sides,
                    strength=round(float(sims[x, y]), 3),
                )
            )
    return out


# Verbs of saying whose date is when a thing was said, not when it happened ("Hall
# said Monday that ... the altercation"), besides the shared reporting words.
_SAYING = REPORTING_WORDS | {"announced", "stated", "confirmed", "wrote", "tweeted", "testified"}


def _dates_saying(before: str) -> bool:
    """Whether a date written after `before` dates a saying: a reporting verb within
    the three words before it ("said Monday", "told reporters on Monday")."""
    words = [w.strip(",.;:\"'“”").casefold() for w in before.split()[-3:]]
    return any(w in _SAYING for w in words)


# A weekday named in an article with no publication date ("early Sunday"): no date, but
# two sources naming different weekdays for one event disagree all the same.
_WEEKDAY = re.compile(rf"\b{WEEKDAY}\b", re.I)
_WEEKDAY_MARK = "?wd-"


def _with_year(value: str, other: str) -> str:
    """A date without its year ("?-03-22") takes the other side's year, or a leap year
    when neither has one, so that the two compare by month and day."""
    if not value.startswith("?"):
        return value
    year = other[:4] if not other.startswith("?") else "2000"
    return year + value[1:]


def _shown(dm: DateMention) -> str:
    return dm.value or dm.text


# ---------------------------------------------------------------- numbers in sentences

# A number and the words it counts ("3.7 million miles", "at least nine people",
# "eight times closer") is read by `amounts.number_phrases`, the one reader of numbers.
# A stretch of time a count is over ("over two days", "in the past 24 hours", "since
# Wednesday"): counts over different stretches are not one fact.
_SCOPE = re.compile(
    r"\b(?:(?:over|in|within|during|for)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
    r"(?:\w+\s+)?(?:days?|weeks?|hours?|months?|years?)|"
    # "since Tuesday's quake" is the whole stretch since the event (`_EVENT_DAY`)
    r"since\s+(?!the\b|an?\b)\w+(?!\w|\s*['’]\s*s\b)|"
    # a moment before now an earlier estimate is told at: "initially", "days after the
    # spill began"
    r"initially|at first|originally|at (?:its|the) (?:peak|start|outset)|"
    r"(?:days|weeks|hours) after|last (?:week|month))\b",
    re.I,
)
_COUNTED_STOP = FUNCTION_WORDS
# Cosine (content words, numbers left out) above which two sentences tell one fact.
SAME_FACT_THRESHOLD = 0.5
# Lower cosine enough when the words right around the two numbers name the same thing
# twice over ("four people are in custody", "three people in custody"): at least
# `ANCHOR_WORDS` content words in common within `ANCHOR_SPAN` words of each number.
ANCHORED_THRESHOLD = 0.2
ANCHOR_WORDS = 2
ANCHOR_SPAN = 4


@dataclass
class _Count:
    document: str
    sentence: tuple[int, int]
    value: float
    text: str
    bound: int
    head: str  # the first word after the number that is not a stop word: what is counted
    anchor: frozenset[str] = frozenset()  # content words within ANCHOR_SPAN words of it
    at: int = 0  # offset of the number in the document
    hedged: bool = False  # "about", "nearly", "some"
    factor: float = 1.0  # written unit -> base unit of its dimension ("sq miles" -> km2)
    low: float | None = (
        None  # a range's lower end ("between 100,000 and 200,000"): value is its upper
    )


_SINCE_NOW = re.compile(
    r"\s*(?:hrs?|hours?|mins?|minutes?|secs?|seconds?|days?|weeks?)\s+ago\b", re.I
)


# A time zone after a number: a time of day ("1410 GMT"), not a count.
_CLOCK = re.compile(r"\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|local time)\b")


def _counts(doc: Document) -> list[_Count]:
    out = []
    for start, end in _sentence_spans(doc):
        sentence = doc.text[start:end]
        for p in number_phrases(sentence):
            if re.match(r"\s*of\s+(?:the|these|those|them|its|their|his|her)\b", p.after):
                continue  # "one of the paintings": a part of something, not a count
            if _SINCE_NOW.match(p.after) or _CLOCK.match(p.after):
                continue  # "2 hrs ago", "at 1410 GMT": when, not how many
            words = [w.casefold() for w in re.findall(r"[A-Za-z][\w'-]*", p.after)]
            counted = [
                w[:-1] if len(w) > 3 and w.endswith("s") else w
                for w in words
                if w not in _COUNTED_STOP
            ]
            if not counted:
                continue
            around = sentence[: p.start].split()[-2:] + _predicate(sentence[p.after_start :])
            head, anchor = counted[0], _content(around) | {counted[0]}
            fate = _fate(sentence[p.after_start :]) if head in _GENERIC_HEADS else None
            if fate:  # "nine dead", "eight people were killed", "two people hurt"
                head, anchor = fate, anchor | {fate}
            factor = 1.0
            measure = _measure_unit(counted, sentence[p.after_start :])
            if measure:  # "580 sq miles" and "1,800 square miles" measure one thing
                head, factor = measure
            out.append(
                _Count(
                    doc.id,
                    (start, end),
                    p.value * factor,
                    p.text,
                    p.bound,
                    head,
                    anchor,
                    start + p.start,
                    p.hedged,
                    factor,
                )
            )
        for m in _RANGE.finditer(sentence):  # "between 100,000 and 200,000 dead"
            c = _range_count(doc, start, sentence, m)
            if c is not None:
                out = [x for x in out if not (start + m.start() <= x.at < start + m.end())]
                out.append(c)
        for m in _TALLY_AT.finditer(sentence):  # "the number of cases has risen to 28."
            at = start + m.start("num")
            if any(c.at == at for c in out):
                continue
            value = float(m.group("num").replace(",", ""))
            value *= SCALE_FACTORS.get((m.group("scale") or "").casefold(), 1.0)
            bound = m.group("bound") or ""
            out.append(
                _Count(
                    doc.id,
                    (start, end),
                    value,
                    m.group(0)[m.start("what") - m.start() :].strip(),
                    stated_bound(bound),
                    "tally",
                    frozenset({"tally"}),
                    at,
                    approximate(bound),
                )
            )
        for m in _TOLL.finditer(sentence):
            at = start + m.start("num")
            out = [c for c in out if c.at != at]  # "toll rose to 31 | on Friday"
            value = float(m.group("num").replace(",", ""))
            value *= SCALE_FACTORS.get((m.group("scale") or "").casefold(), 1.0)
            bound = m.group("bound") or ""
            anchor = _content(sentence[: m.start("num")].split()[-4:]) | {DEATHS}
            text = m.group(0)[m.start("toll") - m.start() :].strip()
            out.append(
                _Count(
                    doc.id,
                    (start, end),
                    value,
                    text,
                    -1 if re.match(r"as high as", bound, re.I) else stated_bound(bound),
                    DEATHS,
                    anchor,
                    at,
                    approximate(bound),
                )
            )
    return out


# A range of a count: "between 100,000 and 200,000 dead", "45,000-50 ,000 people"
# (the tokenised text may split a thousands group), "5,000 to 10,000 people".
_RANGE_NUM = r"\d{1,3}(?:\s?,\d{3})+|\d+"
_RANGE = re.compile(
    rf"\b(?:between\s+)?(?P<lo>{_RANGE_NUM})\s*(?:-|–|to|and)\s*(?P<hi>{_RANGE_NUM})"
    r"(?:\s+(?P<scale>million|thousand)\b)?(?![\d.,:]\d)",
    re.I,
)
# The lower end at least this share of the upper: "9-10,000" (nine thousand) and "1 to
# 4" of a percentage are not ranges of one count here.
RANGE_SPAN = 0.05


def _range_count(doc: Document, start: int, sentence: str, m: re.Match) -> _Count | None:
    """A `_Count` for a range of people or things counted, with its lower end as `low`;
    None when it is no count range (years, a lower end far below the upper)."""
    lo = float(re.sub(r"[\s,]", "", m.group("lo")))
    hi = float(re.sub(r"[\s,]", "", m.group("hi")))
    if _YEAR.fullmatch(m.group("lo")) or _YEAR.fullmatch(m.group("hi")):
        return None
    if not (RANGE_SPAN * hi <= lo < hi):
        return None
    scale = SCALE_FACTORS.get((m.group("scale") or "").casefold(), 1.0)
    after = sentence[m.end() :]
    words = [w.casefold() for w in re.findall(r"[A-Za-z][\w'-]*", after)[:4]]
    counted = [
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _COUNTED_STOP
    ]
    before = sentence[: m.start()]
    if not counted and _TOLL_BEFORE.search(before):
        counted = ["dead"]  # "the number of dead could be between 100,000 and 200,000"
    if not counted:
        return None
    head = counted[0]
    fate = _fate(after) if head in _GENERIC_HEADS else None
    if head in ("dead", "killed", "death", "fatalitie"):
        fate = DEATHS
    if head in _GENERIC_HEADS and not fate:
        return None  # "250,000 to 500,000 people in a normal year": of no fate told
    bound = -1 if re.search(r"\b(?:up to|as many as|as high as)\s*$", before, re.I) else 0
    around = before.split()[-2:] + _predicate(after)
    anchor = _content(around) | {fate or head}
    return _Count(
        doc.id,
        (start, start + len(sentence)),
        hi * scale,
        " ".join(sentence[m.start() :].split()[:6]),
        bound,
        fate or head,
        anchor,
        start + m.start("lo"),
        False,
        1.0,
        lo * scale,
    )


# A toll named just before a range with no noun after it ("the total number of dead
# could be `` between 100,000 and 200,000 ''").
_TOLL_BEFORE = re.compile(
    r"\b(?:(?:death\s+)?toll|(?:number|total|tally|count)\s+of\s+(?:the\s+)?(?:dead|deaths|"
    r"fatalities))\b(?:\s+[a-z]+){0,4}?\s+(?:at|of|to|is|was|be|stands at|stood at|reached|hit)"
    r"\s+(?:(?:up to|as many as|as high as)\s+)?(?:[`'\"“‘]+\s*)?$",
    re.I,
)


# Units a measure is written in, by dimension, with the factor to that dimension's
# base unit (metre, litre, kg): "1,500 sq km" and "580 sq miles" are one area, "1,000
# barrels a day" and "42,000 gallons a day" one flow.
_LENGTHS = {
    "mile": 1609.344,
    "km": 1000.0,
    "kilometre": 1000.0,
    "kilometer": 1000.0,
    "metre": 1.0,
    "meter": 1.0,
    "ft": 0.3048,
    "feet": 0.3048,
    "foot": 0.3048,
    "yard": 0.9144,
}
_UNITS: dict[str, tuple[str, float]] = {
    **{u: ("length", f) for u, f in _LENGTHS.items()},
    "acre": ("area", 4046.86),
    "hectare": ("area", 1e4),
    "barrel": ("volume", 158.987),
    "gallon": ("volume", 3.785),
    "litre": ("volume", 1.0),
    "liter": ("volume", 1.0),
    "tonne": ("mass", 1000.0),
    "ton": ("mass", 1000.0),
    "kilogram": ("mass", 1.0),
    "kg": ("mass", 1.0),
    "pound": ("mass", 0.4536),
}
# A unit names no thing measured: "gallons" in common anchor no two numbers.
_UNIT_WORDS = frozenset([*_UNITS, "sq", "square"])
# "a day", "per hour" after the unit (and what it measures): a rate, not an amount.
_RATE = re.compile(
    r"^\s+[\w'-]+(?:[^;]{0,60}?(?:-RRB-|\))\s+|\s+)(?:[\w'-]+\s+){0,3}?"
    r"(?:a|an|per|each)\s+(day|hour|week|month|year)\b",
    re.I,
)


def _measure_unit(counted: list[str], after: str) -> tuple[str, float] | None:
    """(dimension, factor to its base unit) for a number written in a unit of
    `_UNITS` ("sq miles" -> area), a rate when "a day" follows; None otherwise."""
    unit = counted[0]
    if unit in ("sq", "square") and len(counted) > 1 and counted[1] in _LENGTHS:
        dimension, factor = "area", _LENGTHS[counted[1]] ** 2
    elif unit in _UNITS:
        dimension, factor = _UNITS[unit]
    else:
        return None
    rate = _RATE.match(after)
    return (dimension + "/" + rate.group(1).casefold() if rate else dimension), factor


def _fate(after: str) -> str | None:
    """What the clause after a count of people says befell them (`FATES`): the first
    fate word within `FATE_SPAN` words, before any other number ("three people were
    arrested and two were killed" counts the arrested)."""
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    m = _FATE.search(" ".join(clause.split()[:FATE_SPAN]))
    return next((fate for fate, word in m.groupdict().items() if word), None) if m else None


_CLAUSE_END = re.compile(r"[,;:.?!]|\b\d|\b(?:" + "|".join(COUNT_WORDS) + r")\b", re.I)

# A count of people by what befell them, whatever they are called: "nine dead",
# "eight people were killed", "the toll at 10,000" all count `DEATHS`; "two people
# hurt" and "three wounded" count the injured. Only a generic head is renamed: "13
# protesters killed" and "three soldiers killed" stay counts of different people.
DEATHS = "killed"
FATES = {
    DEATHS: r"killed|dead|died|deaths?|fatalities|lost their lives",
    "injured": r"injured|wounded|hurt|injuries",
    "arrested": r"arrested|detained|in custody|under arrest",
}
_FATE = re.compile("|".join(rf"\b(?P<{fate}>{words})\b" for fate, words in FATES.items()), re.I)
# Words after a count in which a fate word tells what it counts ("20,000 people are
# believed to have been killed").
FATE_SPAN = 8
_GENERIC_HEADS = frozenset(
    [
        "people",
        "person",
        "dead",
        "death",
        "fatalitie",
        "fatality",
        "killed",
        "injured",
        "wounded",
        "injurie",
        "arrest",
        "arrested",
        "detained",
    ]
)
# "the death toll from the quake rose to 110,000", "the death toll could be as high as
# 100,000": the toll named before its number, with no noun after it.
_TOLL = re.compile(
    r"\b(?P<toll>(?:death\s+)?toll)\b(?:\s+[a-z]+){0,5}?\s+"
    r"(?:at|of|to|is|was|be|stands at|stood at|reached|hit)\s+(?:[`'\"“‘]+\s*)?"
    r"(?P<bound>(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|"
    r"as high as)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)(?:\s+(?P<scale>million|thousand)\b)?",
    re.I,
)


# Words of time distance ("38,000 years ago"): shared by any two such numbers, so
# they never anchor two numbers to one fact by themselves.
_TIME_WORDS = frozenset(
    ["year", "ago", "day", "week", "month", "hour", "minute", "time", "later", "earlier"]
)


def _predicate(after: str) -> list[str]:
    """The words said of a counted thing: what follows its noun phrase and any "of"
    complement ("three people | in custody", "50 million gallons of water | ."), so
    that "gallons of water" held and "gallons of water" flushed share no predicate."""
    words = after.split()
    i = 0
    while i < len(words) and words[i].casefold().strip(",.;:") not in _COUNTED_STOP:
        i += 1
        if words[i - 1][-1:] in ",.;:":
            break
    if i < len(words) and words[i].casefold() == "of":
        i += 1
        while i < len(words) and words[i].casefold().strip(",.;:") not in _COUNTED_STOP:
            i += 1
            if words[i - 1][-1:] in ",.;:":
                break
    return words[i : i + ANCHOR_SPAN]


def _content(words: list[str]) -> frozenset[str]:
    """Content words, lower-cased and singular: what two number phrases share."""
    out = set()
    for w in words:
        w = re.sub(r"[^a-z'-]", "", w.casefold()).strip("'-")
        if len(w) > 2 and w not in _COUNTED_STOP and w not in COUNT_WORDS:
            out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return frozenset(out)


# Characters around a number in which a place names where the counted thing is.
PLACE_WINDOW = 60


def _gives_number(sentence: str, value: float) -> bool:
    """Whether a sentence writes this number in digits anywhere ("49,000 years old")."""
    if value < 10 or value != int(value):
        return False
    return any(
        float(m.group(0).replace(",", "")) == value
        for m in re.finditer(
            r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\d.,])\d+(?![\d,])", sentence
        )
    )


def _relation(c: _Count) -> str | None:
    """What a time distance is measured from: "150 million years ago" (now) and "ten
    million years later" (another event) are not one fact."""
    m = re.search(r"\b(ago|later|earlier|before|after|old|younger|older)\b", c.text, re.I)
    return m.group(1).casefold() if m else None


def _places_near(c: _Count, places: dict[str, list[tuple[int, str]]]) -> set[str]:
    """Places named near a count ("wounded ... in Kiryat Gat"), not the dateline's or
    the speaker's further along the sentence."""
    return {
        key
        for at, key in places.get(c.document, [])
        if c.sentence[0] <= at < c.sentence[1] and abs(at - c.at) <= PLACE_WINDOW
    }


def _counts_agree(a: _Count, b: _Count) -> bool:
    """Counts agree within 2%, within the rounding of the rounder one ("four million",
    "3.9 million"), within 10% when one is hedged ("about"), and inside a stated bound:
    "at least 30" agrees with 31 but not with 29, a count below what it says is certain,
    nor with 61, a count more than twice its floor (`UPPER_BOUND_SPAN`)."""
    if a.low is not None or b.low is not None:
        return _ranges_meet(a, b)
    low, high = sorted((a.value, b.value))
    if high - low <= max(
        0.02 * high, rounding(a.text, unit=a.factor), rounding(b.text, unit=b.factor)
    ):
        return True
    if (a.hedged or b.hedged) and high - low <= HEDGE_TOLERANCE * high:
        return True
    for x, y in ((a, b), (b, a)):  # "at least nine" agrees with ten
        if x.bound == 1 and y.bound == -1 and x.value <= y.value:
            return True  # "at least 70,000" and "up to 200,000": one range
        # but not with far more: "more than 2,000 people" (7 May) vs 8,480 (17 May)
        if x.bound == 1 and x.value <= y.value <= x.value / UPPER_BOUND_SPAN:
            return True
        # "up to 30" agrees with 25, not with 10: a ceiling that far above the other
        # value is another estimate ("1,000 barrels a day" vs "up to 5,000")
        if x.bound == -1 and UPPER_BOUND_SPAN * x.value <= y.value <= x.value:
            return True
    return False


def _span(c: _Count) -> tuple[float, float]:
    """The values a count allows: its range, down to half an upper bound, up to twice a floor."""
    if c.low is not None:
        return c.low, c.value
    if c.bound == -1:
        return UPPER_BOUND_SPAN * c.value, c.value
    if c.bound == 1:
        return c.value, c.value / UPPER_BOUND_SPAN
    return c.value, c.value


def _ranges_meet(a: _Count, b: _Count) -> bool:
    """Two counts, one a range, agree when the values they allow meet (within 2% or
    the rounding of either): "45,000-50,000" and "about 50,000" do, "100,000-200,000" not."""
    (alo, ahi), (blo, bhi) = _span(a), _span(b)
    slack = max(
        0.02 * max(ahi, bhi), rounding(a.text, unit=a.factor), rounding(b.text, unit=b.factor)
    )
    if a.hedged or b.hedged:
        slack = max(slack, HEDGE_TOLERANCE * max(ahi, bhi))
    return alo - slack <= bhi and blo - slack <= ahi


# The share of an upper bound ("up to", "as many as") down to which a value agrees.
UPPER_BOUND_SPAN = 0.5


# Cosine (numbers left out) of two death tolls' sentences, each with the sentence
# before it, above which the two count the dead of one event.
TOLL_CONTEXT_THRESHOLD = 0.2


def _toll_context(
    analyses: Sequence[Analysis],
    counts: list[_Count],
    sentences: list[tuple[str, tuple[int, int]]],
    texts: dict[str, str],
) -> dict[tuple[int, int], float]:
    """Cosines of every two death tolls' sentences read with the sentence before each,
    keyed by the two numbers' offsets."""
    tolls = [c for c in counts if c.head in FATES]
    if len({c.document for c in tolls}) < 2:
        return {}
    spans = {a.document.id: sentence_spans(a.document) for a in analyses}
    bare = []
    for c in tolls:
        doc_spans = spans[c.document]
        k = next((i for i, sp in enumerate(doc_spans) if sp[0] <= c.sentence[0] < sp[1]), 0)
        start = doc_spans[k - 1][0] if k > 0 else c.sentence[0]
        bare.append(re.sub(r"\d[\d,.]*", " ", texts[c.document][start : c.sentence[1]]))
    sims = sentence_cosines(bare)
    if sims is None:
        return {}
    return {
        (x.at, y.at): float(sims[i, j])
        for i, x in enumerate(tolls)
        for j, y in enumerate(tolls)
        if x.document != y.document
    }


@dataclass
class CountPair:
    """Two documents' different numbers for one thing, aligned by `count_pairs` or
    `measure_pairs` (which names what they measure: "deaths in Mexico")."""

    a: _Count
    b: _Count
    similarity: float  # how alike the two sentences read (numbers left out)
    measure: str | None = None


_UPDATE = re.compile(
    r"\b(?:now|latest|so far|to date|as of|has (?:climbed|risen|grown|reached|increased|jumped|"
    r"soared|doubled)|climbed|risen|rose|jumped|soared|increased to|bringing the (?:total|"
    r"number|toll)|up from|revised|raised (?:its|the|their) estimate|(?:vastly |far )?more "
    r"than (?:initially|previously|first|earlier) (?:estimated|thought|reported|believed))\b",
    re.I,
)


def _updates(texts: dict[str, str], spans: dict[str, list[tuple[int, int]]], c: _Count) -> bool:
    """Whether a count is told as an update ("has climbed to", "now", "vastly more than
    initially estimated"), in its sentence or the one before it."""
    doc_spans = spans[c.document]
    k = next((i for i, sp in enumerate(doc_spans) if sp[0] <= c.sentence[0] < sp[1]), 0)
    start = doc_spans[k - 1][0] if k > 0 else c.sentence[0]
    return bool(_UPDATE.search(texts[c.document][start : c.at]))


def count_pairs(
    analyses: Sequence[Analysis],
    threshold: float = SAME_FACT_THRESHOLD,
    *,
    revisions: bool = False,
) -> list[CountPair]:
    """Two documents that put different numbers on one thing: sentences alike in their
    words (numbers left out), or anchored by the words around both numbers (tolls also
    by the sentence before each). Rounding, "about" and stated bounds agree; so do sentences dated differently (one says "on
    Friday", the other gives no date). The number must count the same thing (the first
    word after it, or the dimension of its unit: "sq miles" and "square miles").

    With `revisions`, the pairs that are a revision: documents published on different
    days, further apart than `SAME_TIME_DAYS` or the later one telling its number as an
    update; without, the pairs of documents at about the same time that are not."""
    published = {a.document.id: a.document.published for a in analyses}
    counts = [c for a in analyses for c in _counts(a.document)]
    if len({c.document for c in counts}) < 2:
        return []
    texts = {a.document.id: a.document.text for a in analyses}
    sentences = sorted({(c.document, c.sentence) for c in counts})
    index = {key: i for i, key in enumerate(sentences)}
    bare = [re.sub(r"\d[\d,.]*", " ", texts[d][s:e]) for d, (s, e) in sentences]
    sims = sentence_cosines(bare)
    if sims is None:
        return []
    context = _toll_context(analyses, counts, sentences, texts)
    when = {
        (a.document.id, span): frozenset(
            d.value or d.text.casefold() for d in a.dates if span[0] <= d.start < span[1]
        )
        | {
            " ".join(m.group(0).casefold().split())
            for m in _SCOPE.finditer(a.document.text[span[0] : span[1]])
        }
        for a in analyses
        for doc_id, span in sentences
        if doc_id == a.document.id
    }
    places = {
        an.document.id: [
            (em.start, name_key(em.canonical or em.text))
            for em in an.entities
            if em.type in ("GPE", "LOC")
        ]
        for an in analyses
    }
    in_sentence: dict[tuple[str, tuple[int, int]], list[_Count]] = defaultdict(list)
    for c in counts:
        in_sentence[(c.document, c.sentence)].append(c)
    spans = {a.document.id: sentence_spans(a.document) for a in analyses}
    found: list[CountPair] = []
    seen = set()
    for i, a in enumerate(counts):
        for b in counts[i + 1 :]:
            if a.document == b.document or a.head != b.head or _relation(a) != _relation(b):
                continue
            pa_, pb_ = published.get(a.document), published.get(b.document)
            if revisions:
                if not (pa_ and pb_ and pa_[:10] != pb_[:10]):
                    continue
                later = b if pb_ > pa_ else a
                if _same_time(pa_, pb_) and not _updates(texts, spans, later):
                    continue
            else:
                if not _same_time(pa_, pb_):
                    continue
                if pa_ and pb_ and pa_[:10] != pb_[:10]:
                    later = b if pb_ > pa_ else a
                    if _updates(texts, spans, later):
                        continue  # a later "has climbed to": a revision, not a conflict
            sim = sims[index[(a.document, a.sentence)], index[(b.document, b.sentence)]]
            shared = a.anchor & b.anchor
            anchored = (
                len(shared) >= ANCHOR_WORDS
                and bool(shared - _TIME_WORDS - _GENERIC_HEADS - _UNIT_WORDS - {a.head})
                and sim >= ANCHORED_THRESHOLD
            )
            if a.head in FATES and not anchored and sim < threshold:
                # a toll's event is often named in the sentence before it ("the 1982
                # crackdown ... Thousands were killed, ... the toll at 10,000")
                anchored = context.get((a.at, b.at), 0.0) >= TOLL_CONTEXT_THRESHOLD
            if (sim < threshold and not anchored) or _counts_agree(a, b):
                continue
            if any(
                c.head == x.head and _counts_agree(c, x)
                for x, other in ((a, b), (b, a))
                for c in in_sentence[(other.document, other.sentence)]
            ):
                continue  # "90 degrees ... 45 degrees" in both: two facts, both agreed on
            if _gives_number(
                texts[b.document][b.sentence[0] : b.sentence[1]], a.value / a.factor
            ) or (
                _gives_number(texts[a.document][a.sentence[0] : a.sentence[1]], b.value / b.factor)
            ):
                continue  # "dated to 44,000 years ago ... between 45,000 and 49,000": both given
            if when[(a.document, a.sentence)] != when[(b.document, b.sentence)]:
                continue  # "97 rockets on Friday" vs "300 rockets": different stretches of time
            pa, pb = _places_near(a, places), _places_near(b, places)
            if pa and pb and not pa & pb:
                continue  # two wounded in one town, fifteen in another: two facts
            key = (a.document, a.sentence, b.document, b.sentence)
            if key in seen:
                continue
            seen.add(key)
            found.append(CountPair(a, b, float(sim)))
    return found


def _same_disagreement(p: CountPair, t: CountPair) -> bool:
    """Two pairs of the same two documents whose numbers agree side by side."""
    if {p.a.document, p.b.document} != {t.a.document, t.b.document} or p.a.head != t.a.head:
        return False
    x, y = (t.a, t.b) if p.a.document == t.a.document else (t.b, t.a)
    return _counts_agree(p.a, x) and _counts_agree(p.b, y)


def same_revision(p: CountPair, t: CountPair, published: dict[str, str | None]) -> bool:
    """Two revision pairs that tell one change: the same later number, and earlier
    numbers that agree or one named measure ("1,000 barrels" in one article, "42,000 gallons" in another,
    both then "up to 5,000 barrels a day")."""

    def order(x: CountPair) -> tuple[_Count, _Count]:
        a, b = sorted((x.a, x.b), key=lambda c: published.get(c.document) or "")
        return a, b

    (p1, p2), (t1, t2) = order(p), order(t)
    return (
        p.measure == t.measure
        and p2.head == t2.head
        and (p2.document, p2.at) == (t2.document, t2.at)
        # one measure's later number: one revision, even from earlier numbers that
        # disagree with each other (that is a conflict of its own)
        and (p.measure is not None or _counts_agree(p1, t1))
    )


# ---------------------------------------------------------------- one measure across documents

# Two documents rarely tell one toll in like sentences ("With 44 people dead ..." and
# "Mexico has reported ... 66 deaths"), so a count of people is also aligned by what it
# measures: what befell them (`FATES`, or `INFECTED`: cases of a disease), where
# (`_measure_place`: one country or region named in its clause, or the world) and how
# sure it is (confirmed or suspected). Only a document that gives one value for a
# measure is aligned on it.
INFECTED = "infected"
# Other things that befall people and are tallied as one number for a place: those
# left homeless, missing, evacuated or rescued (a disaster's tallies besides the toll).
_MORE_FATES = {
    "homeless": r"homeless|displaced",
    "missing": r"missing|unaccounted for",
    "evacuated": r"evacuated",
    "rescued": r"rescued|saved|pulled out alive|pulled alive",
}
_MEASURE_FATES = {**FATES, INFECTED: r"cases|infected|infections|infection", **_MORE_FATES}
_MEASURE_FATE = re.compile(
    "|".join(rf"\b(?P<{fate}>{words})\b" for fate, words in _MEASURE_FATES.items()), re.I
)
# Words after a number within which the counted noun is named ("1,000 or so worldwide
# swine flu cases"); after "people", `FATE_SPAN` ("people around the globe have been
# infected").
COUNTED_SPAN = 6
# "infected more than 2,000 people", "killed up to 176 people": the fate before.
_FATE_BEFORE = re.compile(
    r"\b(?P<verb>killed|infected|injured|wounded|arrested|sickened|killing|infecting|injuring|"
    r"wounding|sickening)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_FATE_VERBS = {
    "sickened": INFECTED,
    "sickening": INFECTED,
    "infecting": INFECTED,
    "wounded": "injured",
    "wounding": "injured",
    "injuring": "injured",
    "killing": "killed",
}
# "the number of confirmed cases ... has climbed to 8,480": a tally told before its number.
_TALLY = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<what>(?:(?!(?:with|in|of|where|that|which)\b)[\w-]+\s+){0,3}?"
    r"(?:cases|deaths|infections|dead|fatalities))\b[^.;]{0,80}?\b(?:to|at|reached|hit|of|is|"
    r"was|stands at|stood at)\s+(?:(?:at least|more than|over|nearly|almost|about|around|"
    r"some|up to)\s+)?$",
    re.I,
)
# A verb after a counted noun ends its noun phrase: what follows is said of it.
_AUXILIARY = re.compile(
    r"\b(?:have|has|had|is|are|was|were|be|been|will|would|could|may|might)\b", re.I
)
# Characters from a count within which its clause names its place ("Mexico remains the
# worst affected country, with more than 1,100 ... cases, including 42 deaths").
MEASURE_PLACE_WINDOW = 120
_TALLY_AT = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<what>(?:(?!(?:with|in|of|where|that|which)\b)[\w-]+\s+){0,3}?"
    r"(?:cases|deaths|infections|dead|fatalities))\b[^.;]{0,80}?\b(?:to|at|reached|hit|of|is|"
    r"was|stands at|stood at)\s+(?P<bound>(?:at least|more than|over|nearly|almost|about|"
    r"around|some|up to)\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)"
    r"(?:\s+(?P<scale>million|thousand)\b)?",
    re.I,
)
WORLD = "world"
_WORLD = re.compile(
    r"\b(?:worldwide|world-wide|globally|global|around the (?:world|globe)|across the "
    r"(?:world|globe)|(?:\d+|[a-z]+) countries)\b",
    re.I,
)
# What ends the clause a count's place is looked for in: a place after "but" or a
# semicolon is another clause's ("26 died in Mexico, but only two outside that country").
_CLAUSE_BREAK = re.compile(r"[;:]|\s--\s|,\s*(?:but|while|whereas|although)\b|\bbut\b", re.I)
# A place after these is not where the counted are: "two deaths outside Mexico",
# "evacuated to the US", "travellers from Mexico".
_OUTSIDE = re.compile(
    r"\b(?:outside|beyond|excluding|except|to|from|into|towards?)\s+(?:of\s+)?(?:the\s+)?$", re.I
)
_SUSPECTED = re.compile(r"\b(?:suspected|probable|possible|likely|presumed|unconfirmed)\b", re.I)
_YEAR = re.compile(rf"\b({YEAR})\b")


@dataclass(frozen=True)
class Measure:
    """What a count of people measures: a fate, a place (a name key or `WORLD`), and
    whether it is a suspected count."""

    fate: str
    place: str
    suspected: bool
    # dates and stretches of time in its clause ("on Friday", "since March"): a day's
    # toll and a war's are not one measure
    when: frozenset[str] = frozenset()
    # placed by the document's main place, or unplaced: no place named in its clause
    assumed: bool = field(default=False, compare=False)

    def label(self) -> str:
        """How a reader names it: "deaths in Mexico", "suspected cases worldwide"."""
        if self.fate in _RELEASE_LABELS:
            return _RELEASE_LABELS[self.fate]
        what = {
            DEATHS: "deaths",
            INFECTED: "cases",
            "arrested": "arrests",
            "homeless": "people homeless",
            "missing": "people missing",
            "evacuated": "people evacuated",
            "rescued": "people rescued",
        }.get(self.fate, self.fate)
        where = "worldwide" if self.place == WORLD else "in " + self.place.title()
        if not self.place:
            where = "(no place named)"
        return ("suspected " if self.suspected else "") + f"{what} {where}"


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The stretch of `sentence` around offset `at` between clause breaks."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


def _measure_fate(c: _Count, sentence: str, at: int) -> str | None:
    """What befell the people a count counts, read in its sentence (`at`: the number's
    offset in it): a tally before it, a toll, a fate verb before it, or its noun."""
    before = sentence[:at]
    tally = _TALLY.search(before)
    if tally:
        m = _MEASURE_FATE.search(tally.group("what"))
        return next((f for f, w in m.groupdict().items() if w), None) if m else None
    if c.head in FATES and c.text.casefold().startswith(("toll", "death")):
        return c.head  # "the toll at 10,000"
    generic = c.head in ("people", "person")
    span = FATE_SPAN if generic else COUNTED_SPAN
    after = " ".join(sentence[at:].split()[1 : 1 + span])
    after = _CLAUSE_END.split(after, maxsplit=1)[0] if after else after
    if not generic:  # "22 countries have confirmed cases" counts countries
        after = _AUXILIARY.split(after, maxsplit=1)[0]
        # "infected 11,000 people in 42 countries and killed 86": the verb is the subject's
        after = re.split(r"\band\s+(?=[a-z]+ed\b)", after, maxsplit=1)[0]
    m = _MEASURE_FATE.search(after)
    if m:
        return next(f for f, w in m.groupdict().items() if w)
    if c.head in FATES:
        return c.head
    verb = _FATE_BEFORE.search(before)
    if verb and c.head in ("people", "person"):
        word = verb.group("verb").casefold()
        return _FATE_VERBS.get(word, word)
    return None


def _measure_place(
    c: _Count, sentence: str, start: int, at: int, places: list[tuple[int, str]]
) -> str | None:
    """Where a count is: the world when its clause says so ("worldwide", "in 24
    countries"), else the one place named in its clause within `MEASURE_PLACE_WINDOW`
    (not "outside" or "to" it); None when none or two are named."""
    lo, hi = _clause(sentence, at)
    own = _OWN_PLACE.match(sentence[at:])
    if own:  # "848 cases in Britain and more than 27,000 worldwide"
        pos = at + own.start("place")
        named = {key for p, key in places if p - start == pos}
        if len(named) == 1:
            return next(iter(named))
    near = {
        (abs(pos - start - at), key)
        for pos, key in places
        if lo <= pos - start < hi
        and abs(pos - start - at) <= MEASURE_PLACE_WINDOW
        and not _OUTSIDE.search(sentence[: pos - start])
    }
    named = {key for _, key in near}
    world = _WORLD.search(sentence[lo:hi])
    if world:
        # unless one place is named nearer the number: "fears of a global pandemic
        # fading, Japan, where there have been almost 300 cases"
        if len(named) == 1 and min(near)[0] < abs(lo + world.start() - at):
            return next(iter(named))
        return WORLD
    if not named and _GLOBAL_BODY.search(sentence):
        return WORLD  # "the WHO has confirmed 141 deaths": its tally is the world's
    return next(iter(named)) if len(named) == 1 else None


# The count's own place, right after what it counts: "848 cases in Britain".
_OWN_PLACE = re.compile(r"\S+(?:\s+(?!in\b)[a-z][\w-]*){0,3}\s+in\s+(?:the\s+)?(?P<place>[A-Z])")
# A body whose tallies are the world's when no place is named.
_GLOBAL_BODY = re.compile(r"\b(?:WHO|World Health Organi[sz]ation)\b")


# A volume is measured by what was done with it: let out (a spill's flow, or what has
# spilled so far) or taken back (collected, captured, siphoned): the verb nearest the
# number within `RELEASE_WINDOW` characters of its clause says which. Only what was let
# out is a `Measure`; a volume of neither (produced, held, made) is none.
RELEASE_WINDOW = 80
_LET_OUT = re.compile(
    r"\b(?:leak\w*|spill\w*|gush\w*|spew\w*|pour\w*|flow\w*|emanat\w*|escap\w*|"
    r"discharg\w*|belch\w*|bleed\w*|pumped into|released into)\b",
    re.I,
)
_TAKEN_BACK = re.compile(
    r"\b(?:collect\w*|captur\w*|trap\w*|siphon\w*|recover\w*|retriev\w*|skimm\w*|burn\w*|"
    r"contain\w*|clean\w*|suck\w*|produc\w*|hold\w*|store\w*|export\w*|import\w*)\b",
    re.I,
)
_RELEASE_LABELS = {"released/day": "the flow (a day)", "released": "the amount released"}
# "100,000 gallons more a day": what is added, not the amount.
_INCREMENT = re.compile(r"^\S+(?:\s+[\w-]+){0,3}?\s+(?:more|extra|additional|less|fewer)\b", re.I)


def _released(c: _Count, sentence: str, at: int) -> str | None:
    """ "released" (or "released/day", a flow) for a volume let out, by the verb nearest
    the number in its clause; None for any other count or a volume taken back."""
    if c.head not in ("volume", "volume/day"):
        return None
    if _INCREMENT.match(sentence[at:]):
        return None
    lo, hi = _clause(sentence, at)
    rate = c.head == "volume/day" or bool(
        _DAILY.search(sentence[at : min(hi, at + RELEASE_WINDOW)])
    )
    lo, hi = max(lo, at - RELEASE_WINDOW), min(hi, at + RELEASE_WINDOW)
    verbs = [
        (abs(m.start() + lo - at), kind)
        for kind, rx in (("out", _LET_OUT), ("back", _TAKEN_BACK))
        for m in rx.finditer(sentence[lo:hi])
    ]
    if not verbs and rate and _LET_OUT.search(sentence[_clause(sentence, at)[0] : at]):
        verbs = [(0, "out")]  # "the real flow rate ..., based on ..., is closer to 25,000 a day"
    if not verbs or min(verbs)[1] != "out":
        return None
    return "released/day" if rate else "released"


# "40,000 barrels (1.7 million gallons) of oil a day": a rate, the unit's aside between.
_DAILY = re.compile(r"\b(?:a|per|each) day\b|\bdaily\b", re.I)


# A running tally told as of now: "has climbed to 8,480 ... in its latest update on
# Sunday", "today increased its global tally to 2,300", "putting the figure at 1,121
# cases yesterday". Its date is when the tally was given (the article's day or the day
# before), so it is the current tally like one told with no date; a count of a day's
# events ("12 killed on Friday") is not a tally and keeps its date.
_TALLIED = re.compile(r"\b(?:tally|total|toll|figure|number|count)\b", re.I)
_SAID_IN = re.compile(r"\b(?:update|statement|report|briefing|bulletin)\s*$", re.I)
AS_OF_DAYS = 1


# A day named as an event's ("Tuesday's earthquake has left 45,000 dead"): the day of
# what caused the count, not of the count, which runs from it; a day's own tally
# ("Sunday's toll") keeps its day.
_EVENT_DAY = re.compile(
    r"\s*['’]\s*s\s+(?!(?:[\w.-]+\s+){0,2}?(?:toll|tally|figure|number|count|total|update|"
    r"report|statement|briefing|estimate)s?\b)",
    re.I,
)


def _as_of_now(
    d: DateMention, doc: Document, sentence: str, start: int, at: int, c: _Count
) -> bool:
    """Whether date mention `d` in a count's clause only dates the telling of a running
    tally (see `_TALLIED`) or a saying ("said on Sunday"), not the counted events."""
    before = doc.text[max(start, d.start - 40) : d.start]
    if _dates_saying(before) or _SAID_IN.search(before):
        return True
    apart = days_apart(d.value, doc.published)
    if apart is None or apart > AS_OF_DAYS or (d.value or "")[:10] > (doc.published or "")[:10]:
        return False
    lo, _ = _clause(sentence, at)
    return c.head == "tally" or bool(
        _TALLIED.search(sentence[lo:at]) or _UPDATE.search(sentence[lo:at])
    )


# A count whose clause names no place is placed in the document's main place: the one
# named in at least MAIN_PLACE_SHARE of its place mentions, at least MAIN_PLACE_MENTIONS
# times ("Tuesday's earthquake has left 45,000-50,000 people dead" in a Haiti report).
MAIN_PLACE_SHARE = 0.5
MAIN_PLACE_MENTIONS = 3


def _main_place(places: list[tuple[int, str]]) -> str | None:
    """The place most of a document's place mentions name, if one does."""
    if not places:
        return None
    counts: dict[str, int] = defaultdict(int)
    for _, key in places:
        counts[key] += 1
    key, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return key if n >= MAIN_PLACE_MENTIONS and n >= MAIN_PLACE_SHARE * len(places) else None


def measures(analysis: Analysis) -> list[tuple[Measure, _Count]]:
    """The counts of people in a document whose measure is known (`Measure`), each
    with it; a count of an earlier year's event ("in 1982"; any year, in an undated
    document) is left out."""
    doc = analysis.document
    year = (doc.published or "")[:4]
    places = sorted(
        (em.start, name_key(em.canonical or em.text))
        for em in analysis.entities
        if em.type in ("GPE", "LOC")
    )
    main = _main_place(places)
    out = []
    for c in _counts(doc):
        if any(d.start <= c.at < d.end for d in analysis.dates):
            continue  # "the 12 January quake that killed ...": a day, not a count
        start, end = c.sentence
        sentence = doc.text[start:end]
        at = c.at - start
        if re.match(r"\S+\s+(?:new|more|further|additional|other)\b", sentence[at:]):
            continue  # "five new cases": what was added, not the total
        released = _released(c, sentence, at)
        fate = released or _measure_fate(c, sentence, at)
        if fate is None:
            continue
        lo, hi = _clause(sentence, at)
        if any(not year or y < year for y in _YEAR.findall(sentence[lo:hi])):
            continue  # "the 1982 crackdown ... 10,000": a fixed fact of the past
        place = "" if released else _measure_place(c, sentence, start, at, places)
        assumed = place is None
        if place is None and not any(start + lo <= p < start + hi for p, _ in places):
            # "the quake has left 50,000 dead": the article's main place, else, for a
            # toll, none (one story's unplaced tolls are its own; a count of the homeless
            # or the missing with no place is often of one camp or street)
            place = main or ("" if fate == DEATHS else None)
        if place is None:
            continue
        suspected = bool(_SUSPECTED.search(sentence[max(lo, at - 40) : min(hi, at + 60)]))
        when = frozenset(
            d.value or d.text.casefold()
            for d in analysis.dates
            if start + lo <= d.start < start + hi
            and not _as_of_now(d, doc, sentence, start, at, c)
            and not _EVENT_DAY.match(doc.text, d.end)
        ) | {" ".join(m.group(0).casefold().split()) for m in _SCOPE.finditer(sentence[lo:hi])}
        if released:  # "leaked before the well was capped on July 15": all it let out,
            # unless told at an earlier moment ("initially")
            when = frozenset(
                " ".join(m.group(0).casefold().split()) for m in _SCOPE.finditer(sentence[lo:hi])
            )
        out.append((Measure(fate, place, suspected, when, assumed and not released), c))
    return out


def _speakers(a: Analysis) -> list[tuple[int, int, str]]:
    """The sentences (spans) an attribution covers, each with its speaker's name key."""
    return [
        (c.start, c.end, name_key(q.speaker)) for q in a.quotes if q.speaker for c in q.citations
    ]


# A number the article gives as the official or estimated figure, not as a source's:
# "An estimated 5,000 barrels ... have poured into the Gulf each day".
_OFFICIAL = re.compile(
    r"\b(?:an estimated|estimated at|(?:the )?official (?:estimate|figure|toll|count)s?|"
    r"government (?:estimate|figure|toll)s?)\b",
    re.I,
)


def _official(texts: dict[str, str], c: _Count) -> bool:
    """Whether a count's sentence gives it as the official or estimated figure."""
    return bool(_OFFICIAL.search(texts[c.document][c.sentence[0] : c.sentence[1]]))


def _two_sources(
    cs: list[_Count],
    speakers: list[tuple[int, int, str]],
    texts: dict[str, str],
    spans: dict[str, list[tuple[int, int]]],
) -> tuple[_Count, _Count] | None:
    """Two numbers one document gives for one measure in two sentences, each attributed
    (`Quote`) to another speaker, neither told as an update ("rose to"): the article
    reports sources that disagree ("some scientists ... saying the widely repeated
    figure of 5,000 barrels" ... "other researchers ... told US news media outlets the
    leak was spewing about 70,000 barrels per day"). An unattributed number may be the
    article's own earlier estimate, so it is not set against a source's."""

    def said_by(c: _Count) -> str | None:
        s, e = c.sentence
        return next((k for qs, qe, k in speakers if qs < e and s < qe), None)

    for i, a in enumerate(cs):
        for b in cs[i + 1 :]:
            if a.sentence == b.sentence or _counts_agree(a, b):
                continue
            sa, sb = said_by(a), said_by(b)
            if sa == sb or not (sa or _official(texts, a)) or not (sb or _official(texts, b)):
                continue
            if _updates(texts, spans, a) or _updates(texts, spans, b):
                continue
            return a, b
    return None


# Counts whose place is assumed (`Measure.assumed`) this many times apart are of
# different scopes (a day's toll and a war's), not one measure told two ways.
ASSUMED_RATIO = 10.0


def measure_pairs(analyses: Sequence[Analysis], *, revisions: bool = False) -> list[CountPair]:
    """Two documents' different numbers for one `Measure`. Without `revisions`, the
    pairs of documents of one day (or both undated): a conflict; with, of different
    days: a toll or a case count moves, so a later day's number is a revision (one
    dated and one undated document are neither). A
    document telling one measure two ways (two numbers that do not agree) is left out
    of it: which is meant cannot be told."""
    published = {a.document.id: a.document.published for a in analyses}
    by_measure: dict[Measure, dict[str, list[_Count]]] = defaultdict(lambda: defaultdict(list))
    assumed: set[tuple[str, int]] = set()
    texts = {a.document.id: a.document.text for a in analyses}
    spans = {a.document.id: sentence_spans(a.document) for a in analyses}
    speakers = {a.document.id: _speakers(a) for a in analyses}
    for a in analyses:
        for m, c in measures(a):
            by_measure[m][c.document].append(c)
            if m.assumed:
                assumed.add((c.document, c.at))
    found = []
    for measure, docs in by_measure.items():
        told = {d: cs[0] for d, cs in docs.items() if all(_counts_agree(cs[0], x) for x in cs[1:])}
        if not revisions:  # one article telling two sources' numbers: their conflict
            for d, cs in docs.items():
                two = None if d in told else _two_sources(cs, speakers[d], texts, spans)
                if two:
                    found.append(CountPair(*two, 0.0, measure.label()))
        ids = sorted(told)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                cx, cy = told[x], told[y]
                if _counts_agree(cx, cy):
                    continue
                if {(cx.document, cx.at), (cy.document, cy.at)} & assumed and max(
                    cx.value, cy.value
                ) > ASSUMED_RATIO * min(cx.low or cx.value, cy.low or cy.value):
                    continue  # a place not named: "13 dead" today vs the war's 10,000
                pa, pb = published.get(x), published.get(y)
                if bool(pa) != bool(pb):
                    continue  # one undated: neither one time nor an order
                if ((pa or "")[:10] == (pb or "")[:10]) == revisions:
                    continue
                found.append(CountPair(cx, cy, 0.0, measure.label()))
    return found


def _count_pair(p: CountPair) -> frozenset:
    return frozenset({(p.a.document, p.a.at), (p.b.document, p.b.at)})


def aligned_counts(
    analyses: Sequence[Analysis],
    threshold: float = SAME_FACT_THRESHOLD,
    *,
    revisions: bool = False,
) -> list[CountPair]:
    """The pairs of `count_pairs` (alike sentences), then those of `measure_pairs` (one
    measure) on counts neither mode of `count_pairs` paired: one verdict a pair of
    counts, so two measures told in the same sentences ("403 cases ... one death") are
    two. A pair of `count_pairs` whose counts share a `Measure` is named by it."""
    pairs = count_pairs(analyses, threshold, revisions=revisions)
    other = count_pairs(analyses, threshold, revisions=not revisions)
    seen = {_count_pair(p) for p in [*pairs, *other]}
    measured = {(c.document, c.at): m for a in analyses for m, c in measures(a)}
    named = []
    for p in pairs:
        m = measured.get((p.a.document, p.a.at))
        if p.measure is None and m is not None and m == measured.get((p.b.document, p.b.at)):
            p = replace(p, measure=m.label())
        named.append(p)
    return [
        *named,
        *(p for p in measure_pairs(analyses, revisions=revisions) if _count_pair(p) not in seen),
    ]


def count_divergences(
    analyses: Sequence[Analysis],
    labels: dict[str, str] | None = None,
    threshold: float = SAME_FACT_THRESHOLD,
) -> list[Divergence]:
    """One fact counted differently by documents at about the same time (`count_pairs`):
    "3.7 million miles" vs "3.9 million miles", "eight times closer" vs "seven times
    closer", about 580 sq miles vs 1,800 square miles."""
    labels = labels or {}
    published = {a.document.id: a.document.published for a in analyses}
    texts = {a.document.id: a.document.text for a in analyses}
    out = []
    told: list[CountPair] = []
    for pair in aligned_counts(analyses, threshold):
        a, b = pair.a, pair.b
        if any(_same_disagreement(pair, t) for t in told):
            continue  # "580 sq miles (1,500 sq km)" said twice: one disagreement
        told.append(pair)
        sides = [
            sentence_side(texts, c.document, c.sentence, published.get(c.document)) for c in (a, b)
        ]
        out.append(
            Divergence(
                kind="count",
                description=(
                    f"Sources differ on {pair.measure or 'a number'}: "
                    f'"{a.text}" ({labels.get(a.document, a.document)}) '
                    f'vs "{b.text}" ({labels.get(b.document, b.document)})'
                ),
                citations=[s.citations[0] for s in sides],
                sides=sides,
                strength=round(
                    max(pair.similarity, ANCHORED_THRESHOLD)
                    * min(1.0, abs(a.value - b.value) / max(a.value, b.value)),
                    3,
                ),
            )
        )
    return out


_ROLE_STOP = FUNCTION_WORDS | {"former", "then"}
_PAST_POST = re.compile(r"\b(?:former|then|ex-|onetime|one-time|retired|outgoing)", re.I)


def _role_words(role: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", role.casefold()) if w not in _ROLE_STOP}


# Descriptions a person keeps alongside any post: a profession, a military rank,
# having founded something, speaking for or heading or advising a body. "Founder"
# and "CEO", "lawyer" and "executive vice president" are both true at once.
_CO_HELD = frozenset(
    [
        "founder",
        "cofounder",
        "co-founder",
        "lawyer",
        "attorney",
        "counsel",
        "adviser",
        "advisor",
        "general",
        "colonel",
        "admiral",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "member",
        "head",
        "leader",
        "owner",
        "partner",
    ]
)


# Words of a post, office or rank (the role word-list's heads and the titles written
# before names, with a few ranks): only two posts can conflict. A family tie, an age,
# a profession or a description ("mother", "old widow", "veteran cop",
# "palaeontologist") is held alongside any post.
_POSTS = (
    ROLE_HEADS
    | {t.rstrip(".") for t in NAME_TITLES}
    | {"superintendent", "sergeant", "lieutenant", "coach", "prosecutor", "principal"}
) - {"dr", "sir", "dame", "lord", "lady", "member", "fellow", "investor", "reporter"}
# One post under two names: "Representative Ann Lee" is a congresswoman.
_POST_SYNONYMS = {
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "sen": "senator",
    "gov": "governor",
    "chairwoman": "chairman",
    "chair": "chairman",
    "prof": "professor",
}


# Chief officers' initials, written out: "ceo" and "chief executive" are one post.
_CHIEF_INITIALS = {
    "ceo": "executive",
    "cfo": "financial",
    "coo": "operating",
    "cto": "technology",
    "cmo": "marketing",
    "cio": "information",
}


def _post_words(role: str) -> set[str]:
    """The words of a role that name a post, synonyms made one and chief officers'
    initials written out; an abbreviation in capitals ("SSP") is a post."""
    words = set()
    for w in _role_words(role):
        if w in _CHIEF_INITIALS:
            words |= {"chief", _CHIEF_INITIALS[w]}
        elif w in _POSTS:
            words.add(_POST_SYNONYMS.get(w, w))
    words |= {w.casefold() for w in re.findall(r"\b[A-Z]{2,5}\b", role)} - set(_CHIEF_INITIALS)
    return words


def _same_role(a: str, b: str) -> bool:
    """Roles that can name one post: a shared word, one the other's initials ("CTO"),
    one a description held alongside any post (`_CO_HELD`), or either no post at all."""
    wa, wb = _role_words(a), _role_words(b)
    if not wa or not wb:
        return True
    if _PAST_POST.search(a) or _PAST_POST.search(b):
        return True  # "former CEO": a post once held, not one against another now
    pa, pb = _post_words(a), _post_words(b)
    if not pa or not pb or pa & pb:
        return True
    if wa & wb:
        return True
    if (wa | wb) & _CO_HELD:
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
    out = []
    for person, by_doc in roles.items():
        docs = sorted(by_doc)
        for i, d1 in enumerate(docs):
            for d2 in docs[i + 1 :]:
                (r1, c1), (r2, c2) = by_doc[d1], by_doc[d2]
                if _same_role(r1, r2) or not _same_time(published.get(d1), published.get(d2)):
                    continue
                sides = [_mention_side(c, analyses, published) for c in (c1, c2)]
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


def _mention_side(
    cite: Citation, analyses: Sequence[Analysis], published: dict[str, str | None]
) -> Statement:
    """One side of a divergence shown by a mention: its sentence, the mention cited."""
    return Statement(
        text=_sentence_at(cite.document, analyses, cite.start),
        date=published.get(cite.document),
        citations=[cite],
        document=cite.document,
    )


def _sentence_at(doc_id: str, analyses: Sequence[Analysis], pos: int) -> str:
    doc = next(a.document for a in analyses if a.document.id == doc_id)
    for s, e in _sentence_spans(doc):
        if s <= pos < e:
            return doc.text[s:e].strip()
    return doc.text[pos : pos + 200]


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
