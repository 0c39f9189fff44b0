"""Who said what across all documents: one entry per speaker, people first.

Each document resolves its own speakers ("he" -> "David He"); across documents
the same person may still appear as "David He", "He" or "Sanqui"/"Li Sanqi".
`group_quotes` merges them using the merged entities (names and aliases) and,
failing that, surname and spelling similarity, so every person appears once
with their role, organisation and every quote. Groups merge by their words
whatever the case; organisations merge short names into the full one
("Veltrix" -> "Veltrix Energy") and take in their spokespeople's quotes.
Speech whose speaker the text never names or the analysis could not resolve
("..., we're told") is left out: the section says who said what, and a quote
without its speaker tells neither (it stays in `Analysis.quotes`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..analysis.entities import generic_org, leading_org
from ..analysis.matching import is_titled, same_person, split_title
from ..analysis.people import given_name_gender
from ..model import Analysis, Entity, Quote, SpeakerQuotes

_KIND_ORDER = {"person": 0, "group": 1, "organisation": 2, "unknown": 3}


def _entity_name(name: str, people: list[Entity]) -> str | None:
    low = name.lower()
    for ent in people:
        if ent.name.lower() == low or low in (a.lower() for a in ent.aliases):
            return ent.name
    return None


def _titled_full(name: str, names: list[str]) -> str | None:
    """ "Mr. Wilson" in one article -> the one speaker of another called "<given name>
    Wilson" whose given name fits the title's sex ("Gary Wilson", never "Jane Wilson")."""
    sex, surname = split_title(name)
    fits = [
        n
        for n in names
        if not is_titled(n)
        and len(n.split()) > 1
        and n.split()[-1] == surname
        and given_name_gender(n) in (None, sex)
    ]
    return fits[0] if len(fits) == 1 else None


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    # the fullest of the most frequent ("president of marketing ..." over "president")
    top = max(counts.values())
    return max((v for v, c in counts.items() if c == top), key=len)


def _organisation_names(quotes: list[Quote]) -> dict[str, str]:
    """Each organisation name -> the name it is grouped under ("Veltrix" -> "Veltrix Energy")."""
    names = {q.speaker for q in quotes if q.speaker_kind == "organisation" and q.speaker}
    voiced = [
        q for q in quotes if q.speaker is None and q.speaker_kind == "organisation"
    ]  # "a spokesperson for X"
    names |= {q.organisation for q in voiced if q.organisation}
    return {n: generic_org(n, names) or leading_org(n, names) or n for n in names}


def group_quotes(
    analyses: list[Analysis], entities: list[Entity] | None = None
) -> list[SpeakerQuotes]:
    """Group every quote by speaker across documents; people (by quote count) before groups and organisations."""
    people = [e for e in entities or [] if e.type == "PERSON"]
    buckets: dict[tuple[str, str | None], list[Quote]] = {}
    names: list[str] = []  # person keys, longest first when merging
    quotes = [q for a in analyses for q in a.quotes]
    # full names first, so a surname joins the full name rather than the reverse
    person_names = sorted(
        {q.speaker for q in quotes if q.speaker_kind == "person" and q.speaker},
        key=lambda n: (-len(n.split()), n),
    )
    canonical: dict[str, str] = {}
    for name in person_names:
        target = _entity_name(name, people)
        if target is None:
            target = next((n for n in names if same_person(name, n, person_names)), name)
        elif target not in names:
            target = next((n for n in names if same_person(target, n, person_names)), target)
        canonical[name] = target
        if target not in names:
            names.append(target)
    for name, target in canonical.items():
        if target == name and is_titled(name):
            canonical[name] = _titled_full(name, names) or name
    org_names = _organisation_names(quotes)
    group_names: dict[str, list[str]] = {}
    for q in quotes:
        qkind = q.speaker_kind if q.speaker else "unknown"
        key: tuple[str, str | None]
        if qkind == "person" and q.speaker:
            key = ("person", canonical[q.speaker])
        elif qkind == "group" and q.speaker:
            key = ("group", q.speaker.casefold())
            group_names.setdefault(q.speaker.casefold(), []).append(q.speaker)
        elif qkind == "organisation" and (q.speaker or q.organisation):
            key = ("organisation", org_names[q.speaker or q.organisation or ""])
        elif q.organisation and q.speaker_kind == "organisation":
            key = ("organisation", org_names[q.organisation])
        else:
            continue  # no speaker: not who-said-what
        buckets.setdefault(key, []).append(q)
    out = []
    for (kind, speaker), qs in buckets.items():
        role = _most_common(q.role for q in qs) if kind in ("person", "group") else None
        org = _most_common(q.organisation for q in qs) if kind in ("person", "group") else None
        if kind == "group" and speaker:
            # the surface form as written, capitalised ("Analysts at Fenwick Research")
            name = _most_common(group_names[speaker]) or speaker
            speaker = name[:1].upper() + name[1:]
        if kind == "person" and speaker:
            ent = next((e for e in people if e.name == speaker), None)
            if ent is not None:
                role, org = role or ent.role, org or ent.organisation
        out.append(
            SpeakerQuotes(
                speaker=speaker, speaker_kind=kind, role=role, organisation=org, quotes=qs
            )
        )
    out.sort(key=lambda s: (_KIND_ORDER.get(s.speaker_kind, 3), -len(s.quotes), s.speaker or ""))
    return out
