"""How the story moved between articles: stances, plans, targets and figures over time.

A development is one actor's position at two dates: a company "not focusing on"
a market, later "working to expand" there (a stance change); a goal for one
year later given for another (a target moved); a measure given a new value by
a later article (a figure revised). Conflicts between sources at about the same
time are divergences (storyline.briefing.compare), not developments.

Mechanisms, none written for a particular story:
- stance: sentences are read as (actor, cue, place) claims. A cue is an
  engagement verb ("expand", "enter", "invest", "focus on") or a disengagement
  one ("back out", "withdraw", "pull out"), negation flips it, and the place is
  the GPE/LOC mention after the cue (or the one a "this market" points back to).
  The actor is the organisation that says or does it: the speaker's
  organisation inside a quote, an organisation named before the cue, else the
  document's main organisation for "we", "it", "the company". Claims of one
  actor about one place are ordered by publication date; a change of polarity
  between dates is a development, and so is a shift ("pivoting towards X")
  away from a place the actor earlier engaged with.
- target: two targets for one measure, subject and value with different
  target years; the earlier one is the one an earlier article gave, or, inside
  one article, the one a revision cue marks ("originally", "pushed back").
- figure: one measure and subject given different values by articles
  published apart (more than `SAME_TIME_DAYS`), in date order; and one count
  (`compare.aligned_counts`: the dead, a spill's flow, a slick's area) given a new
  number by an article of a later day, further apart or told as an update
  ("has climbed to").
- contradiction: a statement a later article denies in the same words
  (`conflicts.contradictions`); at about the same time it is a divergence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.names import country_name, name_key
from ..datetokens import YEAR
from ..model import Analysis, Citation, Development, Entity, Figure, Statement
from ..words import FUNCTION_WORDS
from .compare import (
    FIGURE_TOLERANCE,
    SAME_TIME_DAYS,
    aligned_counts,
    days_apart,
    magnitude,
    normalise_measure,
    same_revision,
    sentence_spans,
)
from .conflicts import name_forms

# Cues of engaging with a place (+1) or turning away from it (-1); matched as
# word prefixes so "expanding", "invested" and "withdrew" count.
_V = r"(?:s|es|ed|ing|d)?"  # verb endings
_ENGAGE = (
    rf"expand{_V}|enter{_V}|invest{_V}\s+in|focus{_V}\s+on|focuss{_V}\s+on|target{_V}|"
    rf"push{_V}\s+into|mov{_V}\s+into|move\s+into|grow{_V}\s+in|"
    rf"build{_V}\s+(?:up\s+)?(?:its|a|our|their)?\s*presence\s+in|"
    rf"commit{_V}\s+to|committ{_V}\s+to|return{_V}\s+to|launch{_V}\s+in"
)
_DISENGAGE = (
    rf"back{_V}\s+out\s+of|pull{_V}\s+out\s+of|withdr[ae]w{_V}\s+from|withdrawn\s+from|"
    rf"exit{_V}|retreat{_V}\s+from|quit{_V}|quitting|abandon{_V}|leav(?:e|es|ing)|left|"
    rf"squeez{_V}\s+out\s+of|shut{_V}\s+out\s+of|giv(?:e|es|ing)\s+up\s+on|"
    rf"scal(?:e|es|ed|ing)\s+back\s+in"
)
_SHIFT = (
    rf"(?:shift{_V}|pivot{_V}|turn{_V}|refocus{_V}|redirect{_V}|mov(?:e|es|ed|ing))"
    r"\b[^.;]{0,40}?\btowards?\b"
)
_CUE = re.compile(
    rf"\b(?:(?P<shift>{_SHIFT})|(?P<engage>{_ENGAGE})|(?P<disengage>{_DISENGAGE}))\b", re.I
)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|won't|wouldn't|isn't|aren't|wasn't|don't|doesn't|didn't|"
    r"cannot|can't|stop\w*|unlikely to)\b|n't\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:being|been|was|were|is|are|get|got)\s+$", re.I)
_ANAPHOR = re.compile(
    r"^\W*(?:in|into|on|from|of|to)?\s*(?:this|that|the)\s+(?:market|country|region)\b|^\W*there\b",
    re.I,
)
_SELF = re.compile(r"\b(?:we|our|us|it|its|the company|the firm|the group)\b", re.I)
_REVISION = re.compile(
    r"\b(?:originally|initially|previously|earlier|had (?:hoped|planned|aimed|expected)|"
    r"pushed\s+\w*\s*back|postponed|delayed|moved\s+back|slipped)\b",
    re.I,
)
# Characters after a cue in which its place must be named.
_OBJECT_WINDOW = 60
# Publication dates at most this many days apart are "the same time".
__all__ = [
    "contradiction_developments",
    "figure_revisions",
    "find_developments",
    "stance_claims",
    "target_developments",
]


@dataclass(slots=True)
class StanceClaim:
    """One actor engaging with (+1) or turning from (-1) a place, in one sentence."""

    actor: str
    place: str
    polarity: int
    shift: bool
    cue: str
    document: str
    date: str
    start: int
    end: int
    text: str
    first_person: bool = False  # "we are expanding": the actor's own words


def find_developments(
    analyses: Sequence[Analysis],
    figures: Sequence[Figure] = (),
    entities: Sequence[Entity] = (),
    *,
    limit: int | None = 20,
) -> list[Development]:
    """Every development found across `analyses`, strongest kinds first, at most `limit`."""
    published = {a.document.id: a.document.published for a in analyses if a.document.published}
    texts = {a.document.id: a.document.text for a in analyses}
    claims = [c for a in analyses for c in stance_claims(a, entities)]
    counts = count_revisions(analyses)
    out = [
        *stance_developments(claims),
        *date_target_developments(analyses),
        *target_developments(figures, published, texts),
        *figure_revisions(figures, published, texts),
        *counts,
        *contradiction_developments(analyses),
    ]
    # one development a pair of sentences, except counts of different measures told in
    # the same sentences ("403 cases ... one death" -> "900 cases, including two deaths")
    measured = {id(d) for d in counts}
    seen: dict[tuple, set[str | None]] = {}
    unique = []
    for d in out:
        key = (d.kind, _cite_key(d.before), _cite_key(d.after))
        head, _, rest = d.what.partition(" revised:")
        measure = head if id(d) in measured and rest else None
        if key in seen and (measure is None or measure in seen[key] or None in seen[key]):
            continue
        seen.setdefault(key, set()).add(measure)
        unique.append(d)
    return unique[:limit] if limit is not None else unique


def _cite_key(s: Statement) -> tuple:
    return tuple((c.document, c.start) for c in s.citations)


# ---------------------------------------------------------------- stance


def _main_org(a: Analysis) -> str | None:
    counts = Counter(
        name_key(m.canonical or m.text) for m in a.entities if m.type == "ORG" and m.text
    )
    names = {name_key(m.canonical or m.text): (m.canonical or m.text) for m in a.entities}
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return names[key] if n >= 2 else None


def _place(text: str) -> str | None:
    """The country or region a phrase names, demonyms included ("American" -> United States)."""
    name = country_name(text)
    if name:
        return name
    word = text.strip()
    if not word[:1].isupper():
        return None
    for stem in (word[:-1], word[:-2], word[:-2] + "e", word[:-3] + "a", word[:-3]):
        if len(stem) >= 4 and (name := country_name(stem)):
            return name
    return None


def stance_claims(a: Analysis, entities: Sequence[Entity] = ()) -> list[StanceClaim]:
    """The (actor, place, polarity) claims of one analysed document."""
    doc = a.document
    if not doc.published:
        return []
    text = doc.text
    main = _main_org(a)
    aliases = name_forms(entities, "ORG")
    places: list[tuple[int, int, str]] = sorted(
        (m.start, m.end, name)
        for m in a.entities
        if m.type in ("GPE", "LOC", "NORP") and (name := _place(m.canonical or m.text))
    )
    orgs = sorted((m.start, m.canonical or m.text) for m in a.entities if m.type == "ORG")
    quotes = [
        (c.start, c.end, q)
        for q in a.quotes
        for c in q.citations
        if c.document == doc.id and q.speaker_kind in ("person", "organisation")
    ]
    out: list[StanceClaim] = []
    prev_place: str | None = None
    for start, end in sentence_spans(doc):
        sentence = text[start:end]
        here = [p for p in places if start <= p[0] < end]
        for m in _CUE.finditer(sentence):
            cue_start, cue_end = start + m.start(), start + m.end()
            before = sentence[: m.start()]
            participle = re.match(r"\w+(?:ed|wn)\b|shut\b|left\b", m.group(0))
            if m.group("disengage") and participle and _PASSIVE.search(before):
                continue  # "being squeezed out": done to the actor, not its stance
            objs = [
                p[2]
                for p in here
                if cue_end <= p[0] <= cue_end + _OBJECT_WINDOW
                and ";" not in text[cue_end : p[0]]
                and not re.search(r"\b(?:as|because|while|but|although)\b", text[cue_end : p[0]])
            ]
            if not objs and m.group("engage"):
                # the word after the cue might be a demonym ("expand in American markets")
                word = re.match(
                    r"\s*(?:in|into|on|the)?\s*(?:the\s+)?([A-Z][a-z]+)", text[cue_end:]
                )
                if word and (name := _place(word.group(1))):
                    objs = [name]
            if not objs and _ANAPHOR.match(text[cue_end : cue_end + 30]) and prev_place:
                objs = [prev_place]
            if not objs:
                word = re.match(
                    r"\W*(?:of|from|in|into)?\s*(?:the\s+)?([A-Z][a-z]+)", text[cue_end:]
                )
                if word and (name := _place(word.group(1))):
                    objs = [name]
            if not objs:
                continue
            actor = _actor(a, quotes, orgs, main, start, cue_start, sentence, before)
            if actor is None:
                continue
            actor = aliases.get(name_key(actor), actor)
            negated = bool(_NEGATION.search(before[-40:]))
            polarity = -1 if m.group("disengage") else 1
            if negated:
                polarity = -polarity
            for place in dict.fromkeys(objs):
                if name_key(place) == name_key(actor):
                    continue
                out.append(
                    StanceClaim(
                        actor=actor,
                        place=place,
                        polarity=polarity,
                        shift=bool(m.group("shift")) and not negated,
                        cue=_cue_phrase(before, m.group(0), negated),
                        document=doc.id,
                        date=doc.published,
                        start=start,
                        end=end,
                        text=sentence,
                        first_person=bool(re.search(r"\b(?:[Ww]e|I)\b", before[-40:])),
                    )
                )
        if here:
            prev_place = here[-1][2]
    return out


def _cue_phrase(before: str, cue: str, negated: bool) -> str:
    cue = re.sub(r"\s+", " ", cue).strip()
    if negated:
        neg = _NEGATION.findall(before[-40:])
        return f"{neg[-1]} {cue}" if neg else f"not {cue}"
    return cue


def _actor(a, quotes, orgs, main, start, cue_start, sentence, before) -> str | None:
    """Who takes the stance: the quoted speaker's organisation, else an organisation
    named before the cue, else the document's main organisation for "we"/"it"."""
    for q_start, q_end, q in quotes:
        if q_start <= cue_start < q_end:
            org = q.organisation if q.speaker_kind == "person" else q.speaker
            if org and main and name_key(main) in name_key(org):
                return main
            if org:
                return org
    named = [name for pos, name in orgs if start <= pos < cue_start]
    if main and any(name_key(main) in name_key(n) for n in named):
        return main
    if named:
        return named[-1]
    if main and _SELF.search(before):
        return main
    return None


def stance_developments(claims: Sequence[StanceClaim]) -> list[Development]:
    """Polarity changes of one actor about one place between publication dates, and
    shifts towards a place after engaging with another."""
    by_key: dict[tuple[str, str], list[StanceClaim]] = defaultdict(list)
    for c in claims:
        by_key[(name_key(c.actor), name_key(c.place))].append(c)
    out: list[Development] = []
    for items in by_key.values():
        per_date = _settled(items)
        for (d1, c1), (d2, c2) in itertools.pairwise(per_date):
            if c1.polarity != c2.polarity and not _same_time(d1, d2):
                out.append(
                    Development(
                        what=(
                            f"{c2.actor} changed course on {c2.place}: "
                            f'"{c1.cue}" ({d1}) → "{c2.cue}" ({d2})'
                        ),
                        kind="stance",
                        before=_statement(c1),
                        after=_statement(c2),
                    )
                )
    shifted: set[tuple[str, str]] = set()
    for shift in (c for c in claims if c.shift):
        if (shift.document, name_key(shift.actor)) in shifted:
            continue  # one shift per article and actor
        shifted.add((shift.document, name_key(shift.actor)))
        earlier = [
            c
            for c in claims
            if name_key(c.actor) == name_key(shift.actor)
            and c.polarity > 0
            and not c.shift
            and c.date < shift.date
            and not _same_time(c.date, shift.date)
            and name_key(c.place) != name_key(shift.place)
        ]
        if not earlier:
            continue
        last = max(earlier, key=lambda c: (c.date, c.first_person, -c.start))
        targets = sorted(
            {
                c.place
                for c in claims
                if c.shift and (c.document, c.start) == (shift.document, shift.start)
            }
        )
        out.append(
            Development(
                what=(
                    f"{shift.actor} shifted from {last.place} ({last.date}) "
                    f"towards {' and '.join(targets)} ({shift.date})"
                ),
                kind="plan",
                before=_statement(last),
                after=_statement(shift),
            )
        )
    return out


def _settled(items: list[StanceClaim]) -> list[tuple[str, StanceClaim]]:
    """One claim per publication date: the first of the date's majority polarity (the
    actor's own words first); dates
    whose claims are split evenly are left out (no settled stance to compare)."""
    by_date: dict[str, list[StanceClaim]] = defaultdict(list)
    for c in items:
        by_date[c.date].append(c)
    out = []
    for date in sorted(by_date):
        group = sorted(by_date[date], key=lambda c: (c.document, c.start))
        total = sum(c.polarity for c in group)
        if total == 0:
            continue
        side = [c for c in group if (c.polarity > 0) == (total > 0)]
        out.append((date, next((c for c in side if c.first_person), side[0])))
    return out


def same_time(a: str | None, b: str | None) -> bool:
    """Publication dates at most `SAME_TIME_DAYS` apart (year or month prefixes read as
    their first day)."""
    return _same_time(a, b)


def _same_time(a: str | None, b: str | None) -> bool:
    gap = days_apart(a, b)
    return gap is not None and gap <= SAME_TIME_DAYS


def _statement(c: StanceClaim) -> Statement:
    return Statement(
        text=c.text.strip(),
        date=c.date,
        citations=[Citation(document=c.document, start=c.start, end=c.end)],
        document=c.document,
    )


# ---------------------------------------------------------------- dated targets

# "first power by 2027", "completion in 2028", "a decision until 2026": what is due,
# right before the preposition that ties it to a future year.
_DUE = re.compile(
    r"(?P<what>(?:[A-Za-z][\w-]*\s+){1,3}?)(?:is\s+|are\s+|was\s+|now\s+)*"
    r"(?:(?:expected|due|scheduled|planned|set)\s+)?(?:by|in|for|until|before)\s+"
    r"(?:the\s+end\s+of\s+|early\s+|mid-?\s*|late\s+)?$",
    re.I,
)
# "on course", "on track", "still due": the words around what is due, not what.
_DUE_STOP = FUNCTION_WORDS | {"now", "still", "course", "track"}


@dataclass(slots=True)
class DateTarget:
    """A thing said to be due in a future year, in one sentence of one document."""

    what: str  # normalised: "first power"
    year: str
    document: str
    date: str
    start: int
    end: int
    text: str
    actor: str | None


def _due_key(words: str) -> str | None:
    kept = [w.casefold() for w in re.findall(r"[A-Za-z][\w-]*", words)]
    while kept and kept[0] in _DUE_STOP:
        kept = kept[1:]
    kept = [w for w in kept if w not in _DUE_STOP]
    if not kept or len(kept) > 3:
        return None
    return " ".join(kept[-2:])


def date_targets(a: Analysis) -> list[DateTarget]:
    """Things a document says are due in a year after its publication."""
    doc = a.document
    if not doc.published:
        return []
    spans = sentence_spans(doc)
    main = _main_org(a)
    out = []
    for dm in a.dates:
        if not dm.value or dm.granularity != "year" or dm.value <= doc.published[:4]:
            continue
        k = next((k for k, (s, e) in enumerate(spans) if s <= dm.start < e), None)
        if k is None:
            continue
        s, e = spans[k]
        m = _DUE.search(doc.text[max(s, dm.start - 80) : dm.start])
        if m is None:
            continue
        key = _due_key(m.group("what"))
        if key is None:
            continue
        out.append(
            DateTarget(key, dm.value[:4], doc.id, doc.published, s, e, doc.text[s:e].strip(), main)
        )
    return out


def date_target_developments(analyses: Sequence[Analysis]) -> list[Development]:
    """A thing due in one year, said by a later article to be due in another: one
    development per change, from the last article giving the old year to the first
    giving the new one. Only documents whose main organisation is the same are
    compared, so "first power" of two projects is not one target."""
    groups: dict[tuple[str, str | None], list[DateTarget]] = defaultdict(list)
    for a in analyses:
        for t in date_targets(a):
            groups[(t.what, name_key(t.actor) if t.actor else None)].append(t)
    out = []
    for (what, actor), items in groups.items():
        if actor is None:
            continue
        # one year per document: the first it gives (a later "than the 2027 date" recalls)
        per_doc: dict[str, DateTarget] = {}
        for t in sorted(items, key=lambda t: t.start):
            per_doc.setdefault(t.document, t)
        ordered = sorted(per_doc.values(), key=lambda t: (t.date, t.document))
        for prev, nxt in itertools.pairwise(ordered):
            if prev.year == nxt.year or _same_time(prev.date, nxt.date):
                continue
            out.append(
                Development(
                    what=f"Target moved: {what} from {prev.year} ({prev.date}) to {nxt.year} ({nxt.date})",
                    kind="target",
                    before=Statement(
                        prev.text,
                        prev.date,
                        [Citation(prev.document, prev.start, prev.end)],
                        prev.document,
                    ),
                    after=Statement(
                        nxt.text,
                        nxt.date,
                        [Citation(nxt.document, nxt.start, nxt.end)],
                        nxt.document,
                    ),
                )
            )
    return out


# ---------------------------------------------------------------- targets


def _year(period: str | None) -> str | None:
    m = re.search(rf"\b({YEAR})\b", period or "")
    return m.group(1) if m else None


def target_developments(
    figures: Sequence[Figure], published: Mapping[str, str | None], texts: dict[str, str]
) -> list[Development]:
    """One target (measure, subject, value) given for two different years."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        size = magnitude(f)
        year = _year(f.period)
        if f.status != "target" or size is None or not f.measure or not year or not f.citations:
            continue
        key, _ = normalise_measure(f.measure, f.unit)
        groups[(key, name_key(f.subject or ""), f.unit)].append(f)
    out = []
    for items in groups.values():
        for i, f in enumerate(items):
            for g in items[i + 1 :]:
                a, b = magnitude(f), magnitude(g)
                assert a is not None and b is not None
                if abs(a - b) > FIGURE_TOLERANCE * max(abs(a), abs(b)):
                    continue
                if _year(f.period) == _year(g.period):
                    continue
                order = _target_order(f, g, published, texts)
                if order is None:
                    continue
                old, new = order
                what = (
                    f"Target moved: {new.text} {_label_measure(new)}"
                    f" from {_year(old.period)} to {_year(new.period)}"
                )
                out.append(
                    Development(
                        what=what,
                        kind="target",
                        before=_figure_statement(old, published, texts),
                        after=_figure_statement(new, published, texts),
                    )
                )
    return out


def _label_measure(f: Figure) -> str:
    parts = [f"({f.measure}"]
    if f.subject:
        parts.append(f", {f.subject}")
    return "".join(parts) + ")"


def _target_order(f, g, published, texts) -> tuple[Figure, Figure] | None:
    """(earlier, later) target: by publication date, else by a revision cue in one sentence."""
    df, dg = published.get(f.citations[0].document), published.get(g.citations[0].document)
    if df and dg and df != dg:
        return (f, g) if df < dg else (g, f)
    rf = bool(_REVISION.search(_cited(f, texts)))
    rg = bool(_REVISION.search(_cited(g, texts)))
    if rf == rg:
        return None
    return (f, g) if rf else (g, f)


def _cited(f: Figure, texts: dict[str, str]) -> str:
    c = f.citations[0]
    return c.text or texts.get(c.document, "")[c.start : c.end]


def _figure_statement(f: Figure, published, texts) -> Statement:
    c = f.citations[0]
    return Statement(
        text=_cited(f, texts).strip() or f.text,
        date=published.get(c.document),
        citations=[Citation(document=c.document, start=c.start, end=c.end)],
        document=c.document,
    )


# ---------------------------------------------------------------- figures


def figure_revisions(
    figures: Sequence[Figure],
    published: Mapping[str, str | None],
    texts: dict[str, str] | None = None,
) -> list[Development]:
    """A measure given a new value by a later article: each step in date order."""
    from .compare import figure_groups

    texts = texts or {}

    def side(v, date, c) -> Statement:
        passage = c.text or texts.get(c.document, "")[c.start : c.end]
        return Statement(passage.strip() or v.text, date, [c], c.document)

    out = []
    for name, subject, values in figure_groups(figures, published=published):  # type: ignore[arg-type]
        dated = [(published.get(doc), v, c) for v in values for doc, c in v.cites.items()]
        if any(d is None for d, _, _ in dated):
            continue
        steps = sorted(dated, key=lambda x: (x[0], x[2].start))
        firsts: list[
            tuple[str | None, Any, Citation]
        ] = []  # first appearance of each value, in date order
        for date, v, c in steps:
            if not any(v is w for _, w, _ in firsts):
                firsts.append((date, v, c))
        for (d1, v1, c1), (d2, v2, c2) in itertools.pairwise(firsts):
            if _same_time(d1, d2):
                continue  # sources at one time disagree: a divergence, not a revision
            head = name + (f" ({subject})" if subject else "")
            out.append(
                Development(
                    what=f"{head[:1].upper() + head[1:]} revised: {v1.text} ({d1}) → {v2.text} ({d2})",
                    kind="figure",
                    before=side(v1, d1, c1),
                    after=side(v2, d2, c2),
                )
            )
    return out


def count_revisions(analyses: Sequence[Analysis]) -> list[Development]:
    """One count given a new number by an article of a later day (`compare.aligned_counts`
    with `revisions`): "44 people dead" (May 7) -> "66 deaths" (May 17)."""
    published = {a.document.id: a.document.published for a in analyses}
    texts = {a.document.id: a.document.text for a in analyses}
    out = []
    told: list[Any] = []
    for pair in aligned_counts(analyses, revisions=True):
        if any(same_revision(pair, t, published) for t in told):
            continue  # one change, told from several earlier articles: once
        told.append(pair)
        first, then = sorted((pair.a, pair.b), key=lambda c: published.get(c.document) or "")
        d1, d2 = published.get(first.document), published.get(then.document)

        def side(c: Any, date: str | None) -> Statement:
            start, end = c.sentence
            cite = Citation(document=c.document, start=start, end=end)
            return Statement(texts[c.document][start:end].strip(), date, [cite], c.document)

        head = (
            f"{pair.measure[:1].upper()}{pair.measure[1:]} revised" if pair.measure else "Revised"
        )
        out.append(
            Development(
                what=f'{head}: "{first.text}" ({d1}) → "{then.text}" ({d2})',
                kind="figure",
                before=side(first, d1),
                after=side(then, d2),
            )
        )
    return out


# ---------------------------------------------------------------- contradiction


def contradiction_developments(analyses: Sequence[Analysis]) -> list[Development]:
    """A statement an article published later denies ("the plant will close", then
    "the company denied that the plant will close"), earlier side first. Pairs of
    about the same time are divergences, and undated ones cannot be ordered."""
    from .conflicts import contradictions, sentence_side

    published = {a.document.id: a.document.published for a in analyses}
    texts = {a.document.id: a.document.text for a in analyses}
    out, seen = [], set()
    for c in contradictions(analyses):
        first, then = published.get(c.claim.document), published.get(c.denial.document)
        if not first or not then or same_time(first, then):
            continue
        pair = (c.claim.document, c.denial.document)
        if pair in seen:
            continue
        seen.add(pair)
        sides = [
            sentence_side(texts, f.document, f.sentence, published.get(f.document))
            for f in (c.claim, c.denial)
        ]
        before, after = sides if first < then else sides[::-1]
        out.append(
            Development(
                what=f"Contradicted later ({before.date} → {after.date})"
                if first < then
                else f"Denied, then stated ({before.date} → {after.date})",
                kind="contradiction",
                before=before,
                after=after,
            )
        )
    return out
