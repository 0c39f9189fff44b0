"""`storyline list` and `storyline search`: look into the store."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import StorylineError
from ..store import is_postgres, open_store
from ._util import DbOption, app, check_since, cli_settings, console, fail, out, safe


def _open(db: str | None) -> Any:
    settings = cli_settings(db=db)
    if not is_postgres(settings.db) and not Path(settings.db).exists():
        fail(f"{safe(settings.db)}: no such store (storyline ingest ... --db {safe(settings.db)})")
    return open_store(settings.db, settings=settings)


@app.command("list")
def list_documents(
    db: DbOption = None,
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="Rows per page (0: all)."),
    page: int = typer.Option(1, "--page", min=1, help="Page to show (of --limit rows)."),
    since: str | None = typer.Option(
        None, "--since", help="Only documents published on or after this date (YYYY[-MM[-DD]])."
    ),
    query: str | None = typer.Option(
        None, "--query", "-q", help="Only documents matching these words, as search does."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show what is stored, one page at a time (oldest first).

    Example:

        storyline list --db story.db --since 2014-01 --query huawei --limit 20 --page 2
    """
    check_since(since)
    try:
        with _open(db) as store:
            total = store.count() if since is None and query is None else None
            refs = store.list(
                limit=limit or None, offset=(page - 1) * limit, since=since, query=query
            )
    except StorylineError as exc:
        fail(str(exc))
    if as_json:
        out(json.dumps([dataclasses.asdict(r) for r in refs], ensure_ascii=False, indent=2))
        return
    first = (page - 1) * limit
    if not refs:
        # an empty table reads like an empty store; say which filter or page emptied it
        if total == 0:
            why = "the store is empty"
        elif total is not None:
            why = f"page {page} is past the end ({total} documents, {limit} a page)"
        else:
            why = "none match --since/--query" + (f" on page {page}" if page > 1 else "")
        console.print(f"no documents: {why}", highlight=False, markup=False)
        return
    shown = f"{first + 1}-{first + len(refs)}"
    of = f" of {total}" if total is not None else " matching"
    table = Table(title=f"documents {shown}{of}")
    # ids and dates are copied into other commands: never broken across lines
    for col in ("id", "published", "kind"):
        table.add_column(col, no_wrap=True)
    for col in ("outlet", "title"):
        table.add_column(col, overflow="fold")
    for r in refs:
        table.add_row(
            r.id,
            r.published or "?",
            r.kind,
            escape(safe(r.outlet or "")),
            escape(safe(r.title or r.source)),
        )
    Console().print(table)


@app.command()
def search(
    query: str = typer.Argument(..., help='Words or "a phrase".'),
    db: DbOption = None,
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Number of hits."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Search stored documents (SQLite FTS5 bm25, or PostgreSQL full-text ranking).

    Example:

        storyline search "network equipment" --db story.db
    """
    try:
        with _open(db) as store:
            hits = store.search(query, limit=limit)
    except StorylineError as exc:
        fail(str(exc))
    if as_json:
        out(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    console = Console()
    if not hits:
        console.print(f"no documents match {query!r}", highlight=False, markup=False)
        raise typer.Exit(1)
    for i, hit in enumerate(hits, 1):
        ref = hit.document
        console.print(
            f"[bold]{i}. {escape(safe(ref.title or ref.source))}[/bold]  [dim]{ref.id} · {ref.published or '?'} · score {hit.score:.2f}[/dim]",
            highlight=False,
        )
        console.print("   " + safe(hit.snippet.replace("\n", " ")), highlight=False, markup=False)
