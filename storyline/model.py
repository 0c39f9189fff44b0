"""Plain data types that flow through every Storyline stage.

One `Document` is made by ingest, enriched into an `Analysis` by the analysis
components, and many analyses become one `Brief`. Everything here is a plain
dataclass with JSON-friendly fields, so the store, the renderers and the web
API all speak the same shapes. This module imports nothing from storyline.

Offsets are always character offsets into `Document.text` (the clean text),
end-exclusive, so `doc.text[c.start:c.end]` is the cited passage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

# Shapes of input Storyline recognises (see storyline.ingest.detect).
Kind = Literal["html", "webtext", "transcript", "stripped", "text", "json"]
# How precisely a date is known.
Granularity = Literal["year", "month", "day"]
# Where a publication date came from; never invented.
DateSource = Literal["metadata", "text", "filename", "option"]


@dataclass(slots=True)
class Span:
    """A half-open character range [start, end) in a document's clean text."""

    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence of clean text; `speaker` is set inside a transcript turn."""

    start: int
    end: int
    paragraph: int = 0
    speaker: str | None = None


@dataclass(slots=True)
class Turn:
    """A transcript speaker turn: who speaks, and the span of what they say."""

    speaker: str
    role: str | None
    organisation: str | None
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One article, cleaned: the unit everything downstream cites."""

    id: str
    source: str
    text: str
    kind: Kind = "text"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO prefix: "2014", "2014-05" or "2014-05-07"
    published_granularity: Granularity | None = None
    published_source: DateSource | None = None
    url: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    content_hash: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def ref(self) -> DocumentRef:
        return DocumentRef(
            id=self.id,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            published_granularity=self.published_granularity,
            published_source=self.published_source,
            source=self.source,
            kind=self.kind,
        )


@dataclass(slots=True)
class DocumentRef:
    """What a brief says about a document it cites (no text)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    published_granularity: Granularity | None
    published_source: DateSource | None
    source: str
    kind: Kind


@dataclass(slots=True)
class Citation:
    """A passage in a document: the evidence behind a brief item."""

    document: str
    start: int
    end: int
    text: str | None = None  # the passage itself; filled in when a brief is built


# ---------------------------------------------------------------- per document


@dataclass(slots=True)
class EntityMention:
    """One mention of a named thing in one document."""

    text: str
    type: str  # PERSON, ORG, GPE, LOC, PRODUCT, NORP, EVENT ...
    start: int
    end: int
    canonical: str | None = None  # in-document resolution ("Sanqui" -> "Li Sanqi")
    role: str | None = None  # for people: "CTO", "president of marketing"
    organisation: str | None = None


@dataclass(slots=True)
class Quote:
    """Direct or indirect speech attributed to a source."""

    text: str
    direct: bool
    speaker: str | None  # resolved name, or the group ("analysts"), or None
    speaker_kind: Literal["person", "group", "organisation", "unknown"] = "unknown"
    role: str | None = None
    organisation: str | None = None
    cue: str | None = None  # "said", "told", "according to", "speaker label"
    citations: list[Citation] = field(default_factory=list)
    # spans inside the document for evaluation: content, source, cue
    content_spans: list[Span] = field(default_factory=list)
    source_span: Span | None = None
    cue_span: Span | None = None


@dataclass(slots=True)
class Figure:
    """A number with what it measures and who says so."""

    text: str  # surface form: "US$3.2 billion", "5-0"
    value: float | None
    unit: str | None  # "USD", "percent", "votes" ...
    scale: str | None = None  # "billion", "million"
    measure: str | None = None  # "revenue from enterprise products"
    period: str | None = None  # "2013", "by 2019"
    subject: str | None = None  # "Huawei"
    claimant: str | None = None  # who states it
    status: Literal["actual", "target", "forecast", "unknown"] = "unknown"
    citations: list[Citation] = field(default_factory=list)
    # the source's own words around the number ("61 percent of women view Trump
    # unfavorably"), set by the brief when `measure` is missing or does not stand alone
    context: str | None = None
    # a target or forecast its own source says was given up or moved ("originally hoped
    # to reach 10 billion in 2018 but pushed the date back"), set by the brief
    superseded: bool = False


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO prefix at `granularity`
    granularity: Granularity | None
    relative: bool = False
    future: bool = False  # a target or plan, not a past event
    confidence: float = 1.0
    # the date times a thing, a person's post or a lasting state ("Mitt Romney in 2012",
    # "the 2016 contest is ...", "is the best candidate today"), or a goal or hypothetical
    # ("could run in 2020", "a chance to win in November"): not a happening its clause tells
    describes: bool = False


@dataclass(slots=True)
class Clause:
    """A clause of the parse, as character offsets: a verb and everything it governs.

    Stored by the analysis (component "clauses") so later stages can cut a
    sentence at clause boundaries without parsing the text again.
    """

    start: int
    end: int
    head: int  # offset of the clause's verb
    dep: str  # its dependency label: "ROOT", "ccomp", "advcl", "relcl", "conj" ...
    lemma: str  # the verb's lemma ("say", "approve")
    parent: int = -1  # index of the enclosing clause in Analysis.clauses, -1 for none
    pos: str = ""  # the verb's part of speech ("VERB", "AUX"; a ROOT may be neither)
    subject: bool = False  # the verb has its own subject (a conjunct that is a clause)
    own_start: int = -1  # where the clause reads from: a relative clause keeps its noun
    lead_end: int = -1  # own_start past a leading "when", "and", "," (mark, cc, punct)


@dataclass(slots=True)
class ComponentFailure:
    """An analysis component that failed, or was skipped, on one document.

    `error` is the exception's type name, or "skipped" when the component did
    not run because an input it requires came from a failed one. Its outputs
    are left empty for that document, and the brief says so in its notes.
    """

    component: str
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A component that failed or was skipped on one document of a brief: the brief's
    "incomplete" note in a form a program can read (the JSON's `failures`)."""

    document: str  # the document's id
    component: str
    error: str  # the exception's type name, or "skipped"
    message: str


@dataclass
class Analysis:
    """A document and what the analysis components found in it.

    `nlp` holds the spaCy Doc while the pipeline runs; it is never stored.
    """

    document: Document
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    nlp: Any = field(default=None, repr=False, compare=False)
    # the per-document PeopleIndex (analysis/people.py) while the pipeline runs; never stored
    people: Any = field(default=None, repr=False, compare=False)
    # components that failed or were skipped on this document (analysis/pipeline.py);
    # an analysis with failures is incomplete and is never cached
    failures: list[ComponentFailure] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every component ran: only complete analyses may be cached."""
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (without the document text), for the store's cache."""
        data = {
            "document": self.document.id,
            "entities": [dataclasses.asdict(e) for e in self.entities],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "figures": [dataclasses.asdict(f) for f in self.figures],
            "dates": [dataclasses.asdict(d) for d in self.dates],
            "clauses": [dataclasses.asdict(c) for c in self.clauses],
        }
        if self.failures:  # travels from a cluster worker; absent when complete
            data["failures"] = [dataclasses.asdict(f) for f in self.failures]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], document: Document) -> Analysis:
        """Rebuild an Analysis from `to_dict` output and its Document."""
        return cls(
            document=document,
            entities=[EntityMention(**e) for e in data.get("entities", [])],
            quotes=[_quote_from_dict(q) for q in data.get("quotes", [])],
            figures=[_figure_from_dict(f) for f in data.get("figures", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            clauses=[Clause(**c) for c in data.get("clauses", [])],
            failures=[ComponentFailure(**f) for f in data.get("failures", [])],
        )


def _citations(items: list[dict[str, Any]]) -> list[Citation]:
    return [Citation(**c) for c in items]


def _quote_from_dict(q: dict[str, Any]) -> Quote:
    q = dict(q)
    q["citations"] = _citations(q.get("citations", []))
    q["content_spans"] = [Span(**s) for s in q.get("content_spans", [])]
    for key in ("source_span", "cue_span"):
        if q.get(key) is not None:
            q[key] = Span(**q[key])
    return Quote(**q)


def _figure_from_dict(f: dict[str, Any]) -> Figure:
    f = dict(f)
    f["citations"] = _citations(f.get("citations", []))
    return Figure(**f)


# ---------------------------------------------------------------- the brief


@dataclass(slots=True)
class SummarySentence:
    text: str
    citations: list[Citation]
    support: int = 1  # how many documents carry this information


@dataclass(slots=True)
class TimelineEvent:
    date: str
    granularity: Granularity
    text: str
    citations: list[Citation]
    support: int = 1
    future: bool = False


@dataclass(slots=True)
class SpeakerQuotes:
    """Everything one source said across the documents."""

    speaker: str | None
    speaker_kind: str
    role: str | None
    organisation: str | None
    quotes: list[Quote]


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or product merged across documents."""

    name: str
    type: str
    aliases: list[str]
    mentions: int
    documents: int
    role: str | None = None
    organisation: str | None = None
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """One side of a divergence or a development: what a source said, and when."""

    text: str
    date: str | None  # ISO prefix of the statement's date (event date, else publication)
    citations: list[Citation]
    document: str | None = None  # id of the document it comes from


DivergenceKind = Literal["figure", "count", "date", "role", "claim", "spelling"]


@dataclass(slots=True)
class Divergence:
    """Where sources disagree at the same time (not a revision over time).

    `sides` holds each position, cited and dated, so every renderer can show
    them side by side; `citations` is every side's citations, flattened.
    """

    kind: DivergenceKind
    description: str
    citations: list[Citation]
    sides: list[Statement] = field(default_factory=list)
    strength: float = 0.0  # for ranking: larger is a clearer, more material conflict


DevelopmentKind = Literal["stance", "plan", "target", "figure", "contradiction"]


@dataclass(slots=True)
class Development:
    """How the story moved between articles: a stance changed, a target moved,
    a figure revised, a claim later contradicted. `before` is the earlier side."""

    what: str
    kind: DevelopmentKind
    before: Statement
    after: Statement


@dataclass(slots=True)
class NarrativeLine:
    """A line of "what happened", in story order, with its date and source."""

    text: str
    date: str | None  # event date, else the document's publication date (ISO prefix)
    document: str  # id of the document the line comes from
    citations: list[Citation]
    period: str | None = None  # the heading it is grouped under ("2013", "2014-05")
    support: int = 1
    new: bool = False  # published on or after the brief's `since`


@dataclass(slots=True)
class KeyPlayer:
    """A person or organisation that matters to the story, ranked by `score`."""

    name: str
    type: str  # PERSON, ORG, GPE ...
    role: str | None
    organisation: str | None
    did: list[SummarySentence]  # what they said or did, cited
    score: float = 0.0


@dataclass(slots=True)
class StoryRef:
    """A story a brief's documents belong to (see storyline.stories)."""

    id: str
    label: str
    documents: int


@dataclass(slots=True)
class StoryEvent:
    """One happening inside a story (a vote, an outage): usually days long."""

    id: str
    label: str
    documents: list[str]
    first: str | None = None
    last: str | None = None


@dataclass(slots=True)
class Story:
    """A running thread of coverage, weeks to years long; events nest inside it."""

    id: str
    label: str
    first: str | None  # earliest publication date (ISO prefix) of its documents
    last: str | None
    documents: list[str]
    outlets: int = 0  # distinct outlets named (or web sites) among its documents and copies
    events: list[StoryEvent] = field(default_factory=list)
    activity: list[tuple[str, int]] = field(default_factory=list)  # (ISO week or day, documents)
    outlet_unknown: int = 0  # its documents with no outlet named and no web address
    title: str = ""  # a readable title: its key names, then what it is about


@dataclass(slots=True)
class Brief:
    title: str
    generated: str  # ISO timestamp
    documents: list[DocumentRef]
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    quotes: list[SpeakerQuotes] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    divergences: list[Divergence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "no publication date for X"
    query: str | None = None
    since: str | None = None
    lede: list[SummarySentence] = field(default_factory=list)  # the story in 2-3 sentences
    narrative: list[NarrativeLine] = field(default_factory=list)  # what happened, in order
    developments: list[Development] = field(default_factory=list)  # how it developed
    key_players: list[KeyPlayer] = field(default_factory=list)
    stories: list[StoryRef] = field(default_factory=list)  # stories the documents span
    matched: int | None = None  # documents a query matched ...
    used: int | None = None  # ... and how many of them the brief used
    # section -> how many items it had before it was capped (only capped sections);
    # the full lists come with `Settings.full` (CLI `--all`, web `all=1`)
    totals: dict[str, int] = field(default_factory=dict)
    # components that failed or were skipped, per document (also told in `notes`)
    failures: list[DocumentFailure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def citations(self) -> Iterator[Citation]:
        """Every citation in the brief, section by section."""
        item: Any
        for item in (
            *self.lede,
            *self.summary,
            *self.narrative,
            *self.timeline,
            *self.figures,
            *self.entities,
            *self.divergences,
        ):
            yield from item.citations
        for development in self.developments:
            yield from development.before.citations
            yield from development.after.citations
        for player in self.key_players:
            for line in player.did:
                yield from line.citations
        for group in self.quotes:
            for quote in group.quotes:
                yield from quote.citations
