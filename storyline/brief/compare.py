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

from ..analysis.entities import name_key, same_word
from ..model import Analysis, Citation, DateMention, Divergence, Document, Entity, Figure

# Scale words -> factor, to compare "3.2 billion" with "3,200 million".
SCALE_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Relative difference under which two figures are the same (rounding, "about").
FIGURE_TOLERANCE = 0.02
# Cosine above which a sentence supports a text.
SUPPORT_THRESHOLD = 0.3
# Cosine above which two dated sentences (dates left out) report one event.
SAME_EVENT_THRESHOLD = 0.5
_MEASURE_STOP = frozenset("the a an of from in on for its their by to and".split())


# ---------------------------------------------------------------- divergences


def find_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], figures: Sequence[Figure]
) -> list[Divergence]:
    """Figures that disagree across documents, names spelled two ways, events dated two ways."""
    labels = {a.document.id: _label(a.document) for a in analyses}
    subjects = _entity_names(entities)
    return [
        *figure_divergences(figures, subjects, labels),
        *spelling_divergences(analyses, entities, labels),
        *date_divergences(analyses, labels),
    ]


def _label(doc: Document) -> str:
    return doc.outlet or doc.title or doc.source or doc.id


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
    """"Revenue from its enterprise products" -> "revenue enterprise product"."""
    words = re.findall(r"[a-z0-9]+", measure.casefold())
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _MEASURE_STOP)


def figure_divergences(
    figures: Sequence[Figure],
    subjects: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
    tolerance: float = FIGURE_TOLERANCE,
) -> list[Divergence]:
    """Figures for one measure, subject, period, unit and status whose values differ across documents."""
    subjects = subjects or {}
    labels = labels or {}
    groups: dict[tuple, list[tuple[float, Figure]]] = defaultdict(list)
    for f in figures:
        size = magnitude(f)
        if size is None or not f.measure or not f.citations:
            continue
        subject = subjects.get(name_key(f.subject), f.subject) if f.subject else None
        key = (measure_key(f.measure), subject, (f.period or "").casefold(), f.unit, f.status)
        groups[key].append((size, f))
    out = []
    for (_, subject, _, _, _), items in groups.items():
        distinct: list[tuple[float, Figure]] = []
        for size, f in sorted(items, key=lambda sf: sf[1].citations[0].document):
            if all(abs(size - s) > tolerance * max(abs(size), abs(s)) for s, _ in distinct):
                distinct.append((size, f))
        docs = {f.citations[0].document for _, f in distinct}
        if len(distinct) < 2 or len(docs) < 2:
            continue
        first = distinct[0][1]
        context = ", ".join(x for x in (subject, first.period) if x)
        versions = " vs ".join(
            f"{f.text} ({labels.get(f.citations[0].document, f.citations[0].document)})" for _, f in distinct
        )
        out.append(
            Divergence(
                kind="figure",
                description=f"Sources differ on {first.measure}" + (f" ({context})" if context else "") + f": {versions}",
                citations=[f.citations[0] for _, f in distinct],
            )
        )
    return out


def _is_misspelling(alias: str, name: str) -> bool:
    """An alias with a word that is a near spelling, not a copy, of one of the name's words."""
    words = name.split()
    odd = [w for w in alias.split() if w.casefold() not in {x.casefold() for x in words}]
    return bool(odd) and all(any(same_word(o, w) for w in words) for o in odd)


def spelling_divergences(
    analyses: Sequence[Analysis], entities: Sequence[Entity], labels: dict[str, str] | None = None
) -> list[Divergence]:
    """People whose name is spelled two ways ("Li Sanqi" and "Sanqui"), with a citation of each."""
    labels = labels or {}
    out = []
    for e in entities:
        if e.type != "PERSON":
            continue
        variants = [a for a in e.aliases if _is_misspelling(a, e.name)]
        for variant in variants:
            name_cite = _first_mention(analyses, e.name, e.name)
            variant_cite = _first_mention(analyses, variant, e.name)
            if name_cite is None or variant_cite is None:
                continue
            where = (
                f"in {labels.get(variant_cite.document, variant_cite.document)}"
                if name_cite.document == variant_cite.document
                else "across sources"
            )
            out.append(
                Divergence(
                    kind="spelling",
                    description=f"{e.name} is also spelled \"{variant}\" ({where})",
                    citations=[name_cite, variant_cite],
                )
            )
    return out


def _first_mention(analyses: Sequence[Analysis], surface: str, name: str) -> Citation | None:
    """The first PERSON mention written `surface` that resolves to `name` (or to itself)."""
    for a in analyses:
        for m in a.entities:
            if m.type == "PERSON" and m.text.casefold() == surface.casefold():
                if (m.canonical or m.text).casefold() in (name.casefold(), surface.casefold()):
                    return Citation(document=a.document.id, start=m.start, end=m.end)
    for a in analyses:
        for m in a.entities:
            if m.type == "PERSON" and m.text.casefold() == surface.casefold():
                return Citation(document=a.document.id, start=m.start, end=m.end)
    return None


def date_divergences(
    analyses: Sequence[Analysis], labels: dict[str, str] | None = None, threshold: float = SAME_EVENT_THRESHOLD
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
                items.append((a.document.id, sent, text[sent[0] : dm.start] + text[dm.end : sent[1]], dm))
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
            if dx.value.startswith(dy.value) or dy.value.startswith(dx.value):
                continue
            seen.add((doc_x, sent_x, doc_y, sent_y))
            out.append(
                Divergence(
                    kind="date",
                    description=(
                        f"Sources date this differently: {dx.value} ({labels.get(doc_x, doc_x)}: \"{dx.text}\") "
                        f"vs {dy.value} ({labels.get(doc_y, doc_y)}: \"{dy.text}\")"
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
        return [Citation(document=self.spans[i][0], start=self.spans[i][1], end=self.spans[i][2]) for _, i in ranked]


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    from ..ingest.segment import segment

    return [(s.start, s.end) for s in segment(doc.text)[1]]


def count_support(
    text: str, documents: Sequence[Document], exclude: str | None = None, threshold: float = SUPPORT_THRESHOLD
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
    return [len(index.cite(t, src)) + (1 if src else 0) for t, src in zip(texts, sources)]
