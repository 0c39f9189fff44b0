"""How much of each section an analyst reads, and which items make the cut.

A brief of 3 articles and one of 3,000 should both read in minutes: each
section is ranked and cut to `Limits`, and `Brief.totals` records how many
items it had, so the renderers can say "10 of 9,173" and the rest stays
reachable (`Settings.full`: CLI `--all`, web `all=1`). Junk is not capped but
dropped whatever the size: a timeline date no article could report ("1800"
read from "1800 GMT").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Brief, DocumentRef, Entity, Figure, SpeakerQuotes, TimelineEvent
from . import entity_keep
from .narrative import plausible_date
from .players import story_subjects

Readable = Callable[[TimelineEvent], "TimelineEvent | None"]


@dataclass(frozen=True, slots=True)
class Limits:
    narrative: int = 24
    narrative_per_period: int = 6
    timeline: int = 30
    timeline_per_date: int = 3
    speakers: int = 10
    quotes_per_speaker: int = 3
    figures: int = 15
    entities: int = 20
    divergences: int = 8
    developments: int = 8
    key_players: int = 8
    notes: int = 8
    all_sources_up_to: int = 30  # a longer Sources list shows only the cited articles
    entity_mentions: int = 3  # a listed name needs this many mentions, or a role (see _entities)
    entity_model: bool = True  # the learned keep decision picks the names (entity_keep)


NONE = 10**9
UNLIMITED = Limits(*(NONE,) * 13, entity_mentions=0, entity_model=False)


def narrative_total(limits: Limits, documents: int) -> int:
    """A few lines per article for a small story, `limits.narrative` for a large one."""
    return min(limits.narrative, max(10, 5 * documents))


def clean_timeline(
    events: list[TimelineEvent], published: dict[str, str | None]
) -> list[TimelineEvent]:
    """Drop events whose date none of their articles could report."""
    kept = []
    for e in events:
        dates = [published.get(c.document) for c in e.citations]
        if plausible_date(e.date, dates, future=e.future):
            kept.append(e)
    return kept


def _timeline(
    events: list[TimelineEvent], limits: Limits, readable: Readable | None = None
) -> list[TimelineEvent]:
    """The best-supported events, at most `timeline_per_date` on one date, in date
    order; with `readable`, each as the line it makes (events that make none are skipped)."""
    ranked = sorted(
        range(len(events)),
        key=lambda i: (
            -events[i].support,
            events[i].future,
            -len(events[i].date),
            abs(len(events[i].text.split()) - 20),
        ),
    )
    per_date: Counter[tuple[str, bool]] = Counter()
    kept: list[tuple[int, TimelineEvent]] = []
    for i in ranked:
        e = events[i]
        if len(kept) >= limits.timeline:
            break
        if per_date[(e.date, e.future)] >= limits.timeline_per_date:
            continue
        if readable is not None:
            line = readable(e)
            if line is None:
                continue
            e = line
        per_date[(e.date, e.future)] += 1
        kept.append((i, e))
    return [e for _, e in sorted(kept, key=lambda pair: pair[0])]


def _quotes(groups: list[SpeakerQuotes], limits: Limits) -> list[SpeakerQuotes]:
    """The speakers who say most across most articles, each with their best quotes."""

    def weight(g: SpeakerQuotes) -> tuple[int, int, int]:
        docs = {c.document for q in g.quotes for c in q.citations}
        named = g.speaker is not None and g.speaker_kind in ("person", "organisation")
        return (-int(named), -len(docs), -len(g.quotes))

    kept: list[SpeakerQuotes] = []
    for g in sorted(groups, key=weight)[: limits.speakers]:
        quotes = sorted(g.quotes, key=lambda q: (not q.direct, -min(len(q.text), 300)))
        best = {id(q) for q in quotes[: limits.quotes_per_speaker]}
        kept.append(
            SpeakerQuotes(
                g.speaker,
                g.speaker_kind,
                g.role,
                g.organisation,
                [q for q in g.quotes if id(q) in best],
            )
        )
    return kept


def _figures(figures: list[Figure], limits: Limits) -> list[Figure]:
    """Figures that say what they measure and about whom, corroborated first."""

    def weight(f: Figure) -> tuple[int, int, int]:
        docs = len({c.document for c in f.citations})
        described = bool(f.measure) + bool(f.subject) + (f.status != "unknown")
        return (-docs, -described, -int(f.value is not None))

    order = {id(f): i for i, f in enumerate(figures)}
    kept = sorted(figures, key=weight)[: limits.figures]
    return sorted(kept, key=lambda f: order[id(f)])


def _notes(notes: list[str], most: int) -> list[str]:
    if len(notes) <= most:
        return notes
    return [*notes[: most - 1], f"… and {len(notes) - most + 1} more notes (see the full brief)."]


def _sources(brief: Brief, limits: Limits) -> list[DocumentRef]:
    """Every article for a short list; for a long one, the articles the brief cites."""
    if len(brief.documents) <= limits.all_sources_up_to:
        return brief.documents
    cited = {c.document for c in brief.citations()}
    return [d for d in brief.documents if d.id in cited]


def _entities(entities: list[Entity], limits: Limits, documents: int) -> list[Entity]:
    """Of the `limits.entities` names ranked first, those the learned keep decision
    (`entity_keep`: mentions, articles, role, spelling, type, the names listed beside it)
    finds likely right; without its weights file, or with `entity_model` off, those
    mentioned `limits.entity_mentions` times or given a role. A name the text uses once
    or twice is most often a mistyped or cut name (on hand-checked Multi-News lists, 0.64
    right at one mention, 0.70 at two, 0.92 with a role), and a list filled from further
    down is worse, so the list shortens instead; the full list (`full`) keeps every name."""
    top = entities[: limits.entities]
    model = entity_keep.shipped() if limits.entity_model else None
    if model is None:
        return [e for e in top if e.mentions >= limits.entity_mentions or e.role]
    ranked = entities[: max(entity_keep.LIST, len(top))]
    chances = model.probabilities(entity_keep.features(ranked, documents))
    # The brief's own subject is listed whatever the model says: "Huawei", named 32 times
    # in all three seed articles, reads as a given name to the name lists.
    subjects = set(story_subjects(entities, documents))
    return [
        e for e, p in zip(top, chances, strict=False) if p >= model.threshold or e.name in subjects
    ]


def cap(brief: Brief, limits: Limits, readable: Readable | None = None) -> Brief:
    """Cut each section of `brief` to `limits` (in place), recording in
    `brief.totals` the full size of each section that was cut. `readable`
    turns a timeline event into a line that stands alone, or None to skip it."""
    full = {
        "timeline": len(brief.timeline),
        "quotes": len(brief.quotes),
        "figures": len(brief.figures),
        "entities": len(brief.entities),
        "divergences": len(brief.divergences),
        "developments": len(brief.developments),
        "notes": len(brief.notes),
    }
    events = brief.timeline
    brief.timeline = _timeline(events, limits, readable)
    brief.quotes = _quotes(brief.quotes, limits)
    brief.figures = _figures(brief.figures, limits)
    brief.entities = _entities(brief.entities, limits, len(brief.documents))
    brief.divergences = sorted(brief.divergences, key=lambda d: -d.strength)[: limits.divergences]
    brief.developments = brief.developments[: limits.developments]
    brief.notes = _notes(brief.notes, limits.notes)
    full["documents"] = len(brief.documents)
    brief.documents = _sources(brief, limits)
    shown = {
        "timeline": len(brief.timeline),
        "quotes": len(brief.quotes),
        "figures": len(brief.figures),
        "entities": len(brief.entities),
        "divergences": len(brief.divergences),
        "developments": len(brief.developments),
        "notes": len(brief.notes),
        "documents": len(brief.documents),
    }
    most_on_a_date = max(Counter((e.date, e.future) for e in events).values(), default=0)
    binding = {  # a section counts as cut only where a limit cut it, not the readability check
        "timeline": full["timeline"] > limits.timeline or most_on_a_date > limits.timeline_per_date,
        "quotes": full["quotes"] > limits.speakers,
        "figures": full["figures"] > limits.figures,
        "entities": full["entities"] > shown["entities"],
        "divergences": full["divergences"] > limits.divergences,
        "developments": full["developments"] > limits.developments,
        "notes": full["notes"] > limits.notes,
        "documents": full["documents"] > limits.all_sources_up_to,
    }
    brief.totals.update({k: n for k, n in full.items() if n > shown[k] and binding[k]})
    return brief
