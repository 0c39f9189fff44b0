"""`storyline stories`: list the store's stories, show one, or re-cluster."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import typer

from ..api import cluster, stories, story
from ..clustering.listing import outlets_text
from ..errors import StorylineError
from ..model import Story
from ._progress import progress_bar
from ._util import DbOption, app, check_since, console, fail, out

stories_app = typer.Typer(
    help="Stories: threads of coverage, each with its events.", no_args_is_help=False
)
app.add_typer(stories_app, name="stories")


def _open(db: str | None) -> Any:
    """The store at --db (SQLite path or postgresql:// URL; default STORYLINE_DB)."""
    from .store_cmds import _open as open_store_or_fail

    return open_store_or_fail(db)


def _as_dict(s: Story) -> dict[str, object]:
    return dataclasses.asdict(s)


def _outlets(s: Story) -> str:
    """The outlet column: "3 outlets", "3 outlets +1 unknown", or "outlet unknown"."""
    if s.outlets == 0:
        return "outlet unknown"
    said = f"{s.outlets:>3} outlet{'' if s.outlets == 1 else 's'}"
    return said + (f" +{s.outlet_unknown} unknown" if s.outlet_unknown else "")


@stories_app.callback(invoke_without_command=True)
def list_stories(
    ctx: typer.Context,
    db: DbOption = None,
    since: str | None = typer.Option(
        None, "--since", help="Only stories with a document on or after this date (YYYY[-MM[-DD]])."
    ),
    query: str | None = typer.Option(
        None, "--query", "-q", help="Only stories holding a document that matches this search."
    ),
    min_docs: int = typer.Option(1, "--min-docs", help="Only stories with at least N documents."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Show at most N stories."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of stories."),
    rebuild: bool = typer.Option(
        False, "--rebuild", help="Re-cluster every document from scratch first."
    ),
) -> None:
    """List stories, most active first (documents not yet in a story are clustered first).

    Example:

        storyline stories --db news.db --min-docs 3
        storyline stories --db news.db --query huawei --json
        storyline stories show s1a2b3c4d5e6f --db news.db
    """
    if ctx.invoked_subcommand is not None:
        return
    if min_docs < 1:
        fail(f"--min-docs must be at least 1, got {min_docs}")
    check_since(since)
    try:
        with _open(db) as store:
            if rebuild:
                with progress_bar("Clustering", total=store.count()) as advance:
                    report = cluster(store, rebuild=True, progress=lambda i, n: advance())
                console.print(
                    f"re-clustered {report.clustered} documents: {report.new_stories} stories "
                    f"founded, {report.merges} merges",
                    highlight=False,
                )
            found = stories(store, since=since, query=query, min_docs=min_docs, limit=limit)
    except StorylineError as exc:
        fail(str(exc))
    if as_json:
        out(json.dumps([_as_dict(s) for s in found], ensure_ascii=False, indent=2))
        return
    if not found:
        console.print("no stories", highlight=False)
        return
    lines = []
    for s in found:
        span = s.first or "undated"
        if s.last != s.first:
            span = f"{span}..{s.last or 'undated'}"
        lines.append(
            f"{s.id}  {len(s.documents):>5} docs  {len(s.events):>4} events  "
            f"{_outlets(s):<22}  {span:<22}  {s.label}"
        )
    out("\n".join(lines))


@stories_app.command("show")
def show(
    story_id: str = typer.Argument(..., help="A story id from `storyline stories`."),
    db: DbOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print the story as JSON."),
) -> None:
    """Show one story: its span, events and documents.

    Example:

        storyline stories show s1a2b3c4d5e6f --db news.db
    """
    try:
        with _open(db) as store:
            found = story(store, story_id)
            refs = {r.id: r for r in store.list()} if not as_json else {}
    except StorylineError as exc:
        fail(str(exc))
    if as_json:
        out(json.dumps(_as_dict(found), ensure_ascii=False, indent=2))
        return
    span = found.first or "undated"
    if found.last != found.first:
        span = f"{span} to {found.last or 'undated'}"
    lines = [
        f"{found.label}  ({found.id})",
        f"{len(found.documents)} documents, {outlets_text(found)}, {span}",
        "",
    ]
    for event in found.events:
        span = event.first or "undated"
        if event.last and event.last != event.first:
            span += f" to {event.last}"
        lines.append(f"event {event.id}  {span}  {event.label}")
        for doc_id in event.documents:
            ref = refs.get(doc_id)
            title = (ref.title or ref.source) if ref else doc_id
            lines.append(f"  {doc_id}  {(ref.published if ref else None) or '-':<10}  {title}")
    if found.activity:
        lines += ["", "activity: " + ", ".join(f"{k} {n}" for k, n in found.activity)]
    out("\n".join(lines))
