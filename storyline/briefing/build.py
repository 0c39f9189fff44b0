"""Analysed documents -> one Brief: every section, every item cited.

This is the only place that knows the order of the brief's sections; each
section lives in its own module and takes plain analyses.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime

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
from .readable import REVISION_NOTE, pronoun_named, standalone
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
    the clause is tried once more with the person the article makes plain (`readable.pronoun_named`)."""
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
    named = None if event.future else pronoun_named(text, analysis, first.start)
    line = standalone(named, analysis, first.start, first.end) if named else None
    return dataclasses.replace(event, text=line + after) if line is not None else None


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
    texts = {d.id: d.text for d in documents}
    named = [e for e in entities if any(_names(texts, c, e) for c in e.citations)]
    subjects = story_subjects(named, len(documents))
    return f"Brief: {' and '.join(subjects)}" if subjects else "Brief"


def _names(texts: dict[str, str], citation: Citation, entity: Entity) -> bool:
    """Whether the cited passage writes the entity's name (or an alias): a transcript
    speaker known only from a removed label ("JANE MORROW, HOST:") is cited by what
    they said, and an anchor is not what the story is about."""
    passage = texts.get(citation.document, "")[citation.start : citation.end].casefold()
    return any(n.casefold() in passage for n in (entity.name, *entity.aliases))


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
