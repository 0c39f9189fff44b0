"""Key players: the people and organisations the story turns on, ranked.

Importance counts how many articles name a player (breadth), how often
(weight, damped), how much they say (quotes), and whether they act in the
story's salient lines (the narrative and the lede name them). Places and
the outlets that report the story are not players. Each player comes with
what they said (their quotes, direct first) or did (the story lines that
name them), cited.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..model import (
    Analysis,
    Citation,
    DocumentRef,
    Entity,
    KeyPlayer,
    NarrativeLine,
    SpeakerQuotes,
    SummarySentence,
)
from .readable import main_verb, problems

PLAYER_TYPES = ("PERSON", "ORG")
MAX_DID = 2
MAX_DID_WORDS = 45  # a statement longer than this belongs in "Who said what"
# ...unless it is all a player said that stands alone: one long line beats an empty row.
MAX_ONLY_WORDS = 2 * MAX_DID_WORDS
# "…, reports IDG": an organisation named only as the source of a report is an outlet.
_REPORTED_BY = re.compile(
    r"(?:reports|reported|reporting|according to|via|told|said)\s*$", re.IGNORECASE
)


def _only_a_source(entity: Entity, texts: dict[str, str]) -> bool:
    """Whether every cited mention of an organisation credits it with a report."""
    cited = [c for c in entity.citations if c.document in texts]
    return bool(cited) and all(
        _REPORTED_BY.search(texts[c.document][max(0, c.start - 24) : c.start]) for c in cited
    )


def _names(entity: Entity) -> list[str]:
    return sorted({entity.name, *entity.aliases}, key=len, reverse=True)


def _mentions(text: str, names: Sequence[str]) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names if len(n) > 2)


def _overlaps(a: str, b: str) -> bool:
    """Whether two lines say the same words (one quotes the other)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(wa and wb) and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def _quotes_of(entity: Entity, quotes: Sequence[SpeakerQuotes]) -> SpeakerQuotes | None:
    names = {n.lower() for n in _names(entity)}
    for group in quotes:
        if group.speaker and group.speaker.lower() in names:
            return group
    return None


def key_players(
    entities: Sequence[Entity],
    quotes: Sequence[SpeakerQuotes],
    lines: Sequence[NarrativeLine | SummarySentence],
    documents: Sequence[DocumentRef],
    *,
    limit: int | None = 8,
    texts: dict[str, str] | None = None,
    analyses: dict[str, Analysis] | None = None,
) -> list[KeyPlayer]:
    """The ranked key players, at most `limit` (None: all). `texts` (document
    id -> clean text) lets an organisation cited only as a report's source
    ("…, reports IDG") be left out as the outlet it is; `analyses` (document
    id -> analysis) let the readability check find fragments by the clauses
    the analysis stored."""
    outlets = {(d.outlet or "").lower() for d in documents if d.outlet}
    players = []
    for entity in entities:
        if entity.type not in PLAYER_TYPES or entity.name.lower() in outlets:
            continue
        if entity.type == "ORG" and texts and _only_a_source(entity, texts):
            continue
        names = _names(entity)
        group = _quotes_of(entity, quotes)
        in_lines = [line for line in lines if _mentions(line.text, names)]
        said = len(group.quotes) if group else 0
        if not said and not in_lines and entity.documents < 2 and entity.mentions < 3:
            continue
        score = (
            2.0 * entity.documents
            + math.log1p(entity.mentions)
            + 0.7 * math.log1p(said)
            + 1.0 * min(len(in_lines), 5)
        )
        did = _statements(entity.name, group, analyses, MAX_DID_WORDS, MAX_DID)
        if group and not did and not in_lines:
            did = _statements(entity.name, group, analyses, MAX_ONLY_WORDS, 1)
        for line in in_lines:
            if len(did) >= MAX_DID:
                break
            if not any(_overlaps(line.text, d.text) for d in did):
                did.append(SummarySentence(line.text, list(line.citations[:1]), 1))
        players.append(
            KeyPlayer(
                name=entity.name,
                type=entity.type,
                role=entity.role or (group.role if group else None),
                organisation=entity.organisation or (group.organisation if group else None),
                did=did,
                score=round(score, 3),
            )
        )
    players.sort(key=lambda p: -p.score)
    return players if limit is None else players[:limit]


def _statements(
    name: str,
    group: SpeakerQuotes | None,
    analyses: dict[str, Analysis] | None,
    max_words: int,
    most: int,
) -> list[SummarySentence]:
    """Up to `most` of the player's quotes that stand alone, direct ones first, none over `max_words`."""
    did: list[SummarySentence] = []
    if group is None:
        return did
    for q in sorted(group.quotes, key=lambda q: (not q.direct, abs(len(q.text.split()) - 25))):
        text = " ".join(q.text.split()).rstrip(",;: ")
        if len(text.split()) > max_words:
            continue
        verb = _verb(q.citations, analyses)
        if q.direct:
            ok = not problems(f"{name}: “{text}.”", verb)
            shown = f"“{text}”"
        else:  # reported speech reads as the reporter's sentence
            shown = text if text[-1:] in ".!?" else f"{text}."
            ok = not problems(shown, verb)
        if ok:
            did.append(SummarySentence(shown, list(q.citations), 1))
        if len(did) >= most:
            break
    return did


def _verb(citations: Sequence[Citation], analyses: dict[str, Analysis] | None) -> bool | None:
    """Whether the cited passages have a main verb (`main_verb`); None when unknown."""
    if not analyses:
        return None
    found = [main_verb(analyses.get(c.document), c.start, c.end) for c in citations]
    known = [f for f in found if f is not None]
    return any(known) if known else None


# What a brief can be titled by, and how much less a place counts than a player.
_SUBJECT_TYPES = {"PERSON": 1.0, "ORG": 1.0, "PRODUCT": 0.8, "GPE": 0.6, "LOC": 0.6}
_LEAD_CHARS = 600  # a first mention this early is in the article's lead
_PAIR_SHARE = 0.8  # a second player this close to the first shares the title


def story_subjects(entities: Sequence[Entity], n_docs: int) -> list[str]:
    """Who or what the coverage is mostly about: one name, or two players who share it.

    Each entity scores by how many articles name it (2 each), how many name it in
    their lead (1.5 each) and how often (damped); places count less than players. A
    name one article mentions in passing ("iPad" in a summit story, "Alexa" in a crawl
    notice) cannot outscore the players every article leads with.
    """
    scored = []
    words = {w for e in entities if e.type == "PERSON" and " " in e.name for w in e.name.split()}
    for e in entities:
        weight = _SUBJECT_TYPES.get(e.type)
        if weight is None or len(e.name) < 2:
            continue
        if e.type == "PERSON" and " " not in e.name and e.name in words:
            continue  # a bare surname two people share ("Simpson"): no title
        lead = len({c.document for c in e.citations if c.start < _LEAD_CHARS})
        score = weight * (2.0 * e.documents + 1.5 * lead + math.log1p(e.mentions))
        scored.append((score, e))
    if not scored:
        return []
    scored.sort(key=lambda se: (-se[0], se[1].name))
    best_score, best = scored[0]
    if n_docs > 1 and best.documents < 2 and any(e.documents >= 2 for _, e in scored):
        best_score, best = next((s, e) for s, e in scored if e.documents >= 2)
    names = [best.name]
    for score, e in scored[1:3]:
        if (
            best.type in PLAYER_TYPES
            and e.type in PLAYER_TYPES
            and e.documents == best.documents
            and score >= _PAIR_SHARE * best_score
            and e.name not in best.name
            and best.name not in e.name
        ):
            names.append(e.name)
            break
    return names
