"""Brief -> Markdown.

Citations are numbered links to the Sources list; the link title carries the
cited passage, so most Markdown viewers show it on hover. Article text is
untrusted: `_esc` turns angle brackets into entities and backslash-escapes
Markdown syntax (links, images, emphasis, code, tables), so no link, image
(a tracker) or `javascript:` URL from a source goes live; `_code` fences
text shown in code spans.
"""

from __future__ import annotations

import re

from ..model import Brief, Citation
from ._common import cited_documents, describe_source, person_line, source_numbers

_MARKDOWN_SYNTAX = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]~|"})


def _esc(text: str | None) -> str:
    """Article text as inert Markdown: no HTML, no links or images, no emphasis, one line."""
    if not text:
        return ""
    text = " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())
    return text.translate(_MARKDOWN_SYNTAX)


def _code(text: str) -> str:
    """`text` as a code span, fenced by more backticks than it holds (it cannot break out)."""
    text = " ".join(text.split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


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


def render_markdown(brief: Brief) -> str:
    n = source_numbers(brief)
    out: list[str] = [f"# {_esc(brief.title)}", ""]
    meta = f"_{len(brief.documents)} sources · generated {brief.generated}"
    if brief.query:
        meta += f" · query “{_esc(brief.query)}”"
    if brief.since:
        meta += f" · new since {_esc(brief.since)}"
    out += [meta + "_", ""]

    out += ["## What happened", ""]
    for s in brief.summary:
        support = f" _({s.support} sources)_" if s.support > 1 else ""
        out.append(f"- {_esc(s.text)} {_cite(s.citations, n)}{support}")
    if not brief.summary:
        out.append("_No summary: no sentences to choose from._")
    out.append("")

    out += ["## When", ""]
    if brief.timeline:
        out += ["| Date | Event | Sources |", "|---|---|---|"]
        for e in brief.timeline:
            date = e.date + (" (planned)" if e.future else "")
            out.append(f"| {date} | {_esc(e.text)} | {_cite(e.citations, n)} |")
    else:
        out.append("_No dated events found._")
    out.append("")

    out += ["## Who said what", ""]
    for group in brief.quotes:
        out += [f"### {_esc(person_line(group.speaker, group.role, group.organisation))}", ""]
        for q in group.quotes:
            body = f"“{_esc(q.text)}”" if q.direct else f"{_esc(q.text)} _(reported)_"
            out.append(f"- {body} {_cite(q.citations, n)}")
        out.append("")
    if not brief.quotes:
        out += ["_No quotes found._", ""]

    out += ["## The numbers", ""]
    if brief.figures:
        out += [
            "| Figure | What it measures | Period | About | Stated by | Status | Sources |",
            "|---|---|---|---|---|---|---|",
        ]
        for f in brief.figures:
            out.append(
                f"| {_esc(f.text)} | {_esc(f.measure)} | {_esc(f.period)} | {_esc(f.subject)} | "
                f"{_esc(f.claimant)} | {f.status} | {_cite(f.citations, n)} |"
            )
    else:
        out.append("_No figures found._")
    out.append("")

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
    else:
        out.append("_No entities found._")
    out.append("")

    out += ["## Where sources agree or diverge", ""]
    corroborated = [s for s in brief.summary if s.support > 1]
    if corroborated:
        out.append(
            f"- {len(corroborated)} of {len(brief.summary)} summary points are carried by more than one source."
        )
    for d in brief.divergences:
        out.append(f"- **{d.kind}**: {_esc(d.description)} {_cite(d.citations, n)}")
    if not corroborated and not brief.divergences:
        out.append("_No agreement or divergence across sources detected._")
    out.append("")

    out += ["## Sources", ""]
    for ref in brief.documents:
        i = n[ref.id]
        out.append(
            f'{i}. <a id="source-{i}"></a>{_esc(describe_source(ref))} · {_code(ref.source)} · {ref.kind} · id `{ref.id}`'
        )
    out.append("")
    if brief.notes:
        out += ["## Notes", ""] + [f"- {_esc(note)}" for note in brief.notes] + [""]
    return "\n".join(out)
