"""Brief -> Markdown.

Citations are numbered links to the Sources list; the link title carries the
cited passage, so most Markdown viewers show it on hover. Article text is
untrusted: `_esc` turns angle brackets into entities and backslash-escapes
Markdown syntax (links, images, emphasis, code, tables), so no link, image
(a tracker) or `javascript:` URL from a source goes live.
A capped section says how much more there is ("Showing 10 of 9,173 events");
`storyline brief --all` writes every item.
"""

from __future__ import annotations

from ..model import Brief, Citation, Figure, Statement
from ._common import (
    cited_documents,
    dated_source,
    describe_full_source,
    first_document,
    periods,
    person_line,
    refs_by_id,
    shown_of,
    source_numbers,
)

MORE = " (the full brief, `storyline brief --all`, has the rest; JSON `totals` has the counts)"

_MARKDOWN_SYNTAX = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]~|"})


def _esc(text: str | None) -> str:
    """Article text as inert Markdown: no HTML, no links or images, no emphasis, one line."""
    if not text:
        return ""
    text = " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())
    return text.translate(_MARKDOWN_SYNTAX)


def _cite(citations: list[Citation], numbers: dict[str, int]) -> str:
    marks = []
    for doc_id in cited_documents(citations):
        first = next(c for c in citations if c.document == doc_id)
        n = numbers.get(doc_id)
        if n is None:
            continue
        passage = _esc(first.text or "").replace('"', "'")
        if len(passage) > 300:
            passage = passage[:297] + "..."
        title = f' "{passage}"' if passage else ""
        marks.append(f"[[{n}]](#source-{n}{title})")
    return " ".join(marks)


def _more(brief: Brief, section: str, shown: int) -> list[str]:
    line = shown_of(brief, section, shown)
    return [f"_{line}{MORE}._", ""] if line else []


def _statement(s: Statement, brief: Brief, n: dict[str, int]) -> str:
    refs = refs_by_id(brief)
    doc = s.document or first_document(s.citations)
    where = dated_source(s.date, refs.get(doc) if doc else None)
    return f"{_esc(s.text)} ({_esc(where)}) {_cite(s.citations, n)}".rstrip()


def render_markdown(brief: Brief) -> str:
    n = source_numbers(brief)
    refs = refs_by_id(brief)
    out: list[str] = [f"# {_esc(brief.title)}", ""]
    total_docs = brief.totals.get("documents", len(brief.documents))
    meta = f"_{total_docs} sources · generated {brief.generated}"
    if brief.query:
        meta += f" · query “{_esc(brief.query)}”"
    if brief.matched is not None:
        meta += f" · {brief.matched} matched"
        if brief.used is not None:
            meta += f", {brief.used} used"
    if brief.since:
        meta += f" · new since {_esc(brief.since)} (inclusive)"
    out += [meta + "_", ""]
    if brief.stories:
        spans = "; ".join(f"{_esc(s.label)} ({s.documents} articles)" for s in brief.stories)
        out += [f"**Stories spanned:** {spans}", ""]

    if brief.lede:
        lede = []
        for s in brief.lede:
            doc = first_document(s.citations)
            ref = refs.get(doc) if doc else None
            lede.append(
                f"{_esc(s.text)} _({_esc(dated_source(None, ref))})_ {_cite(s.citations, n)}"
            )
        out += [" ".join(lede), ""]

    out += ["## What happened", ""]
    if brief.narrative:
        for period, lines in periods(brief.narrative):
            if period:
                out += [f"### {_esc(period)}", ""]
            for line in lines:
                where = dated_source(line.date, refs.get(line.document))
                new = " **new**" if line.new else ""
                support = f" _({line.support} sources)_" if line.support > 1 else ""
                out.append(
                    f"- **{_esc(where)}**{new} — {_esc(line.text)} {_cite(line.citations, n)}{support}"
                )
            out.append("")
        out += _more(brief, "narrative", len(brief.narrative))
    elif brief.summary:
        for s in brief.summary:
            support = f" _({s.support} sources)_" if s.support > 1 else ""
            out.append(f"- {_esc(s.text)} {_cite(s.citations, n)}{support}")
        out.append("")
    else:
        out += ["_Nothing to tell: no sentences to choose from._", ""]

    out += ["## How it developed", ""]
    if brief.developments:
        for dev in brief.developments:
            out.append(f"- **{_esc(dev.what)}** _({dev.kind})_")
            out.append(f"  - before: {_statement(dev.before, brief, n)}")
            out.append(f"  - after: {_statement(dev.after, brief, n)}")
        out.append("")
        out += _more(brief, "developments", len(brief.developments))
    else:
        out += ["_No change across articles detected._", ""]

    out += ["## Key players", ""]
    if brief.key_players:
        for p in brief.key_players:
            did = " ".join(f"{_esc(s.text)} {_cite(s.citations, n)}" for s in p.did)
            who = _esc(person_line(p.name, p.role, p.organisation))
            out.append(f"- **{who}**" + (f" — {did}" if did else ""))
        out.append("")
        out += _more(brief, "key_players", len(brief.key_players))
    else:
        out += ["_No people or organisations stand out._", ""]

    out += ["## When", ""]
    if brief.timeline:
        out += ["| Date | Event | Sources |", "|---|---|---|"]
        for event in brief.timeline:
            date = event.date + (" (planned)" if event.future else "")
            out.append(f"| {date} | {_esc(event.text)} | {_cite(event.citations, n)} |")
        out.append("")
        out += _more(brief, "timeline", len(brief.timeline))
    else:
        out += ["_No dated events found._", ""]

    out += ["## Who said what", ""]
    for group in brief.quotes:
        out += [f"### {_esc(person_line(group.speaker, group.role, group.organisation))}", ""]
        for q in group.quotes:
            body = f"“{_esc(q.text)}”" if q.direct else f"{_esc(q.text)} _(reported)_"
            out.append(f"- {body} {_cite(q.citations, n)}")
        out.append("")
    if brief.quotes:
        out += _more(brief, "quotes", len(brief.quotes))
    else:
        out += ["_No quotes found._", ""]

    out += ["## The numbers", ""]
    if brief.figures:
        out += [
            "| Figure | What it measures | Period | About | Stated by | Status | Sources |",
            "|---|---|---|---|---|---|---|",
        ]
        for f in brief.figures:
            out.append(
                f"| {_esc(f.text)} | {_esc(_measure_cell(f))} | {_esc(f.period)} | {_esc(f.subject)} | "
                f"{_esc(f.claimant)} | {f.status}{' (superseded)' if f.superseded else ''} | "
                f"{_cite(f.citations, n)} |"
            )
        out.append("")
        out += _more(brief, "figures", len(brief.figures))
    else:
        out += ["_No figures found._", ""]

    out += ["## Where sources agree or diverge", ""]
    corroborated = [s for s in brief.summary if s.support > 1]
    if corroborated:
        out += [
            f"- {len(corroborated)} of {len(brief.summary)} summary points are carried by more than one source.",
            "",
        ]
    for d in brief.divergences:
        out.append(f"**{d.kind}**: {_esc(d.description)} {_cite(d.citations, n)}")
        out.append("")
        if d.sides:
            heads, cells = [], []
            for side in d.sides:
                doc = side.document or first_document(side.citations)
                heads.append(_esc(dated_source(side.date, refs.get(doc) if doc else None)))
                cells.append(f"{_esc(side.text)} {_cite(side.citations, n)}".strip())
            out += [
                "| " + " | ".join(heads) + " |",
                "|" + "---|" * len(heads),
                "| " + " | ".join(cells) + " |",
                "",
            ]
    if brief.divergences:
        out += _more(brief, "divergences", len(brief.divergences))
    if not corroborated and not brief.divergences:
        out += ["_No agreement or divergence across sources detected._", ""]

    out += ["## Who is involved", ""]
    if brief.entities:
        out += [
            "| Name | Type | Role | Also written | Mentions | Sources |",
            "|---|---|---|---|---|---|",
        ]
        for ent in brief.entities:
            role = ", ".join(x for x in (ent.role, ent.organisation) if x)
            aliases = ", ".join(a for a in ent.aliases if a != ent.name)
            out.append(
                f"| {_esc(ent.name)} | {ent.type} | {_esc(role)} | {_esc(aliases)} | "
                f"{ent.mentions} | {_cite(ent.citations, n)} |"
            )
        out.append("")
        out += _more(brief, "entities", len(brief.entities))
    else:
        out += ["_No entities found._", ""]

    out += ["## Sources", ""]
    for ref in brief.documents:
        i = n[ref.id]
        out.append(f'{i}. <a id="source-{i}"></a>{_esc(describe_full_source(ref))} · id `{ref.id}`')
    out.append("")
    out += _more(brief, "documents", len(brief.documents))
    if brief.notes:
        out += ["## Notes", ""] + [f"- {_esc(note)}" for note in brief.notes] + [""]
    return "\n".join(out)


def _measure_cell(figure: Figure) -> str | None:
    """What a figure measures; the source's own words, quoted, where the brief found
    no measure that stands alone (`Figure.context`)."""
    return f"“{figure.context}”" if figure.context else figure.measure
