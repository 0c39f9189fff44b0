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

from ..analysis.names import name_key, same_word
from ..analysis.units import MEASURE_SYNONYMS, SCALE_FACTORS
from ..model import Analysis, Citation, DateMention, Divergence, Document, Entity, Figure

# Relative difference under which two figures are the same (rounding, "about").
FIGURE_TOLERANCE = 0.02
# Cosine above which a sentence supports a text.
SUPPORT_THRESHOLD = 0.3
# Cosine above which two dated sentences (dates left out) report one event.
SAME_EVENT_THRESHOLD = 0.5
_MEASURE_STOP = frozenset(
    ["the", "a", "an", "of", "from", "in", "on", "for", "its", "their", "by", "to", "and"]
)


# ---------------------------------------------------------------- divergences


def find_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], figures: Sequence[Figure]
) -> list[Divergence]:
    """Figures that disagree across documents, names spelled two ways, events dated two ways."""
    labels = {a.document.id: _label(a.document) for a in analyses}
    published = {a.document.id: a.document.published for a in analyses if a.document.published}
    subjects = _entity_names(entities)
    return [
        *figure_divergences(figures, subjects, labels, published=published),
        *spelling_divergences(analyses, entities, labels),
        *date_divergences(analyses, labels),
    ]


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


def figure_divergences(
    figures: Sequence[Figure],
    subjects: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
    tolerance: float = FIGURE_TOLERANCE,
    published: dict[str, str] | None = None,
) -> list[Divergence]:
    """Figures for one measure and subject whose values differ across documents.

    Figures are compared when their measure (up to `normalise_measure`), subject,
    unit and period agree and both or neither are targets. A running total such as
    a project's cost is compared whatever the period; other measures need one.
    With publication dates (`published`: document id -> ISO date) the values are
    listed in date order and called "revised over time" when each date has one
    value, "sources disagree" when one date has two; an older value a document
    only recalls ("up from £2.4bn") is left to the article that first gave it.
    """
    subjects = subjects or {}
    labels = labels or {}
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
            d = _divergence(names[key], subject, sub, labels, published, tolerance)
            if d is not None:
                out.append(d)
    return out


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


@dataclass
class _Value:
    size: float
    text: str
    cites: dict[str, Citation]  # document id -> first citation there
    period: str | None


def _divergence(measure, subject, items, labels, published, tolerance) -> Divergence | None:
    values: list[_Value] = []
    for size, f in items:
        same = next(
            (v for v in values if abs(size - v.size) <= tolerance * max(abs(size), abs(v.size))),
            None,
        )
        if same is None:
            same = _Value(size, f.text, {}, f.period)
            values.append(same)
        for c in f.citations:
            same.cites.setdefault(c.document, c)
    if len(values) < 2:
        return None
    dated = all(doc in published for v in values for doc in v.cites)
    if dated:
        _drop_recalled(values, published)
    values = [v for v in values if v.cites]
    if len(values) < 2 or len({doc for v in values for doc in v.cites}) < 2:
        return None
    if not dated:
        values.sort(key=lambda v: min(v.cites))
        context = ", ".join(x for x in (subject, values[0].period) if x)
        versions = " vs ".join(
            f"{v.text} ({', '.join(labels.get(d, d) for d in v.cites)})" for v in values
        )
        return Divergence(
            kind="figure",
            description=f"Sources differ on {measure}"
            + (f" ({context})" if context else "")
            + f": {versions}",
            citations=[next(iter(v.cites.values())) for v in values],
        )
    dates = {id(v): sorted({published[d] for d in v.cites}) for v in values}
    values.sort(key=lambda v: dates[id(v)])
    steps = " → ".join(f"{v.text} ({', '.join(dates[id(v)])})" for v in values)
    seen: set[str] = set()
    clash = False
    for v in values:
        clash = clash or bool(seen & set(dates[id(v)]))
        seen |= set(dates[id(v)])
    verdict = "sources disagree" if clash else "revised over time"
    head = measure[:1].upper() + measure[1:] + (f" ({subject})" if subject else "")
    cites = [
        c for v in values for c in sorted(v.cites.values(), key=lambda c: published[c.document])
    ]
    return Divergence(kind="figure", description=f"{head}: {steps} — {verdict}", citations=cites)


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


def _is_misspelling(alias: str, name: str) -> bool:
    """An alias with a word that is a near spelling, not a copy, of one of the name's words."""
    words = name.split()
    odd = [w for w in alias.split() if w.casefold() not in {x.casefold() for x in words}]
    return bool(odd) and all(any(same_word(o, w) for w in words) for o in odd)


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

    Dates that only differ in precision ("2018-04" and "2018-04-17") agree.
    """
    labels = labels or {}
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
    for x, (doc_x, sent_x, _, dx) in enumerate(items):
        for y in range(x + 1, len(items)):
            doc_y, sent_y, _, dy = items[y]
            if doc_x == doc_y or sims[x, y] < threshold or (doc_x, sent_x, doc_y, sent_y) in seen:
                continue
            if dx.value is None or dy.value is None:
                continue
            if dx.value.startswith(dy.value) or dy.value.startswith(dx.value):
                continue
            seen.add((doc_x, sent_x, doc_y, sent_y))
            out.append(
                Divergence(
                    kind="date",
                    description=(
                        f'Sources date this differently: {dx.value} ({labels.get(doc_x, doc_x)}: "{dx.text}") '
                        f'vs {dy.value} ({labels.get(doc_y, doc_y)}: "{dy.text}")'
                    ),
                    citations=[Citation(doc_x, *sent_x), Citation(doc_y, *sent_y)],
                )
            )
    return out


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
