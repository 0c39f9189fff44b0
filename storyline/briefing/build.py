"""Analysed documents -> one Brief: every section, every item cited.

This is the only place that knows the order of the brief's sections; each
section lives in its own module and takes plain analyses.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import UTC, datetime

from ..analysis.descriptions import PERSON_NOUNS
from ..analysis.roles import COURTESY_TITLES, KIN_NOUNS, NAME_TITLES, ROLE_HEADS
from ..config import Settings
from ..model import (
    Analysis,
    Brief,
    Citation,
    Document,
    DocumentFailure,
    Entity,
    Statement,
    SummarySentence,
    TimelineEvent,
)
from .caps import UNLIMITED, Limits, cap, clean_timeline, narrative_total
from .compare import find_divergences
from .developments import find_developments
from .entities import merge_entities
from .figures import collect_figures, date_by_publication
from .focus import expand, focus_terms
from .lede import build_lede
from .narrative import build_narrative, passages
from .players import key_players, story_subjects
from .quotes import group_quotes
from .readable import REVISION_NOTE, standalone
from .since import day_before, keep_new, parse_since
from .sources import source_refs
from .summary import summarize
from .timeline import build_timeline


def build_brief(
    analyses: list[Analysis],
    settings: Settings | None = None,
    *,
    title: str | None = None,
    query: str | None = None,
    limits: Limits | None = None,
) -> Brief:
    """Build the brief of `analyses`.

    `settings` sets summary length, focus, since (inclusive; a malformed date
    raises ConfigError naming it) and `full` (every item, uncapped); `limits`
    overrides the caps.
    """
    settings = settings or Settings()
    since = parse_since(settings.since) if settings.since else None
    limits = limits or (UNLIMITED if settings.full else Limits())
    documents = [a.document for a in analyses]
    published = {d.id: d.published for d in documents}
    focus = settings.focus or query
    terms = focus_terms(focus)
    summary = summarize(
        documents,
        words=settings.summary_words,
        sentences=settings.summary_sentences,
        focus=expand(focus, (d.text for d in documents)) if focus else None,
        since=day_before(since) if since else None,  # the summary's since is exclusive
        analyses=analyses,
    )
    summary = _readable_summary(summary, {a.document.id: a for a in analyses})
    entities = merge_entities(analyses)
    figures = collect_figures(analyses)
    timeline = clean_timeline(build_timeline(analyses), published)
    quotes = group_quotes(analyses, entities)
    divergences = find_divergences(analyses, entities, figures)
    brief = Brief(
        title=title or _title(entities, query, documents),
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        documents=source_refs(documents),
        summary=summary,
        timeline=timeline,
        quotes=quotes,
        figures=figures,
        entities=entities,
        divergences=divergences,
        developments=find_developments(analyses, figures, entities, limit=None),
        notes=_notes(analyses),
        query=query,
        since=since,
        failures=[
            DocumentFailure(a.document.id, f.component, f.error, f.message)
            for a in analyses
            for f in a.failures
        ],
    )
    keep_new(brief, published)
    pool = passages(analyses, summary, brief.timeline, focus_terms=terms)
    brief.lede = build_lede(pool, since=since)
    brief.narrative = build_narrative(
        pool,
        per_period=limits.narrative_per_period,
        total=narrative_total(limits, len(documents)),
        since=since,
        focus_terms=terms,
    )
    if not settings.full and len(pool.items) > len(brief.narrative):
        brief.totals["narrative"] = len(pool.items)
    players = key_players(
        brief.entities,
        brief.quotes,
        [*brief.lede, *brief.narrative],
        brief.documents,
        limit=None,
        texts={d.id: d.text for d in documents},
        analyses={a.document.id: a for a in analyses},
    )
    brief.key_players = players[: limits.key_players]
    if len(players) > len(brief.key_players):
        brief.totals["key_players"] = len(players)
    by_id = {a.document.id: a for a in analyses}
    for development in brief.developments:
        for side in (development.before, development.after):
            side.text = _statement_line(side, by_id)
    cap(brief, limits, lambda event: _event_line(event, by_id))
    date_by_publication(brief.figures, published)
    _fill_passages(brief, {d.id: d.text for d in documents})
    return brief


def _readable_summary(
    summary: list[SummarySentence], analyses: dict[str, Analysis]
) -> list[SummarySentence]:
    """Summary sentences that stand alone (repaired where the article allows)."""
    kept = []
    for s in summary:
        first = s.citations[0] if s.citations else None
        analysis = analyses.get(first.document) if first else None
        if first is None or analysis is None:
            continue
        fixed = standalone(s.text, analysis, first.start, first.end)
        if fixed:
            kept.append(SummarySentence(fixed, s.citations, s.support))
    return kept


def _event_line(event: TimelineEvent, analyses: dict[str, Analysis]) -> TimelineEvent | None:
    """A timeline event as a line that stands alone, or None. A clause that cannot
    ("the project was approved in March") gives way to its whole sentence, when that
    can, and the event then cites that sentence: a line never says more than its source.
    Where neither can for want of a past happening's subject ("..., he was in charge"),
    the clause is tried once more with the person the article makes plain (`_pronoun_named`)."""
    first = event.citations[0] if event.citations else None
    if first is None:
        return None
    note = REVISION_NOTE.search(event.text)  # "(superseded)": the brief's, not the source's
    text, after = (event.text[: note.start()], note.group(0)) if note else (event.text, "")
    analysis = analyses.get(first.document)
    line = standalone(text, analysis, first.start, first.end)
    if line is not None:
        return dataclasses.replace(event, text=line + after)
    if analysis is None:
        return None
    doc = analysis.document
    for sentence in doc.sentences:
        if sentence.start <= first.start < sentence.end and (sentence.start, sentence.end) != (
            first.start,
            first.end,
        ):
            line = standalone(doc.sentence_text(sentence), analysis, sentence.start, sentence.end)
            if line is not None:
                whole = Citation(first.document, sentence.start, sentence.end)
                return dataclasses.replace(
                    event, text=line + after, citations=[whole, *event.citations[1:]]
                )
            break
    named = None if event.future else _pronoun_named(text, analysis, first.start)
    line = standalone(named, analysis, first.start, first.end) if named else None
    return dataclasses.replace(event, text=line + after) if line is not None else None


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is)\b")
# words that name or describe a person: a pronoun after one may well be theirs
_PERSON_WORDS = (
    PERSON_NOUNS
    | ROLE_HEADS
    | frozenset(KIN_NOUNS)
    | COURTESY_TITLES
    | frozenset(NAME_TITLES)
    | frozenset({"man", "woman", "boy", "girl", "person", "child", "people"})
)


def _personish(word: str) -> bool:
    w = re.sub(r"['’]s$", "", word).lower().rstrip(".")
    return w in _PERSON_WORDS or w.removesuffix("s") in _PERSON_WORDS


def _pronoun_named(text: str, analysis: Analysis, start: int) -> str | None:
    """`text` with its first "he"/"she"/"him"/"his" replaced by the person it stands for,
    when the article makes that plain: the sentence before the passage (and the passage up
    to the pronoun) names one person only, and the passage does not name them itself
    (where it does, the pronoun may be someone else's). A timeline clause often opens
    mid-story ("At a rally this spring, she described Trump as ..."); without the name it
    cannot stand alone and the event was dropped. "her" is left (object or possessive)."""
    pronoun = _PRONOUN.search(text)
    if (
        text.lstrip()[:1] in tuple("),;:]")
        or pronoun is None
        or (pronoun.start() == 0 and pronoun.group(0).islower())
    ):
        return None  # "him most of a day": a clause cut mid-sentence, not a subject
    before = re.findall(r"[A-Za-z][\w'’-]*", text[: pronoun.start()])
    if any(_personish(w) for w in before):
        return None  # "a 78-year-old man ... after he", "Mr. Obama contrasted his": theirs
    named = {
        w
        for m in analysis.entities
        if m.type == "PERSON"
        for w in re.findall(r"[A-Z][a-z'’]+", f"{m.text} {m.canonical or ''}")
    }
    if any(re.sub(r"['’]s$", "", w) in named for w in before):
        return None  # a person the line names before the pronoun (its own referent)
    doc = analysis.document
    k = next((i for i, s in enumerate(doc.sentences) if s.start <= start < s.end), None)
    if k is None:
        return None
    since = doc.sentences[k - 1].start if k > 0 else doc.sentences[k].start
    upto = start + pronoun.start()
    people = {
        m.canonical or m.text
        for m in analysis.entities
        if m.type == "PERSON" and since <= m.start and m.end <= upto
    }
    if len(people) != 1:
        return None
    name = people.pop()
    words = [w for w in re.findall(r"[A-Z][a-z'’]+", name) if len(w) > 2]
    if not words or any(w in text for w in words):
        return None
    said = f"[{name}]'s" if pronoun.group(0).lower() == "his" else f"[{name}]"
    return text[: pronoun.start()] + said + text[pronoun.end() :]


def _statement_line(side: Statement, analyses: dict[str, Analysis]) -> str:
    """A development's side as a line that stands alone when the article allows
    (its speaker named, its pronoun resolved), else as the source says it."""
    first = side.citations[0] if side.citations else None
    if first is None:
        return side.text
    analysis = analyses.get(first.document)
    line = standalone(side.text, analysis, first.start, first.end, strict=False)
    return line or side.text


def _fill_passages(brief: Brief, texts: dict[str, str]) -> None:
    """Put each cited passage into its citation, so the JSON stands alone."""
    for citation in brief.citations():
        text = texts.get(citation.document)
        if text is not None and citation.text is None:
            citation.text = text[citation.start : citation.end]


def _title(entities: list[Entity], query: str | None, documents: list[Document]) -> str:
    """A plain title: the query, or who or what the coverage is mostly about
    (`players.story_subjects`)."""
    if query:
        return f"Brief: {query}"
    subjects = story_subjects(entities, len(documents))
    return f"Brief: {' and '.join(subjects)}" if subjects else "Brief"


def _label(doc: Document) -> str:
    return doc.title or doc.source.rstrip("/").rsplit("/", 1)[-1]


def _notes(analyses: list[Analysis]) -> list[str]:
    """What a reader should know about the evidence: undated sources, shapes."""
    notes = []
    for a in analyses:
        doc = a.document
        if not doc.published:
            notes.append(
                f"No publication date is known for {_label(doc)!r} ({doc.id}); "
                "its relative dates are left unresolved."
            )
        elif doc.published_source == "filename":
            notes.append(
                f"The publication date of {_label(doc)!r} ({doc.published}) "
                "comes from its file name."
            )
    notes += [_incomplete(a) for a in analyses if a.failures]
    kinds = Counter(a.document.kind for a in analyses)
    if kinds:
        described = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        notes.append(f"Sources: {len(analyses)} documents ({described}).")
    return notes


def _incomplete(analysis: Analysis) -> str:
    """The note for a document whose analysis had a component fail (pipeline.py):
    which steps failed or were skipped, so a reader knows what the brief lacks."""
    doc = analysis.document
    failed = [
        f"{f.component} failed ({f.error}: {f.message})"
        for f in analysis.failures
        if f.error != "skipped"
    ]
    skipped = [f.component for f in analysis.failures if f.error == "skipped"]
    said = "; ".join(failed)
    if skipped:
        said += f"; skipped as a result: {', '.join(skipped)}"
    return (
        f"The analysis of {_label(doc)!r} ({doc.id}) is incomplete: {said}. "
        "What those steps find is missing from this brief for that document."
    )
