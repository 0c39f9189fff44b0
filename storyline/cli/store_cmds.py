"""`storyline list` and `storyline search`: look into the store."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import StorylineError
from ..store import Store
from ._util import DbOption, app, cli_settings, fail, out, safe


def _open(db: str | None) -> Store:
    path = cli_settings(db=db).db
    if not Path(path).exists():
        fail(f"{path}: no such store (storyline ingest ... --db {path})")
    return Store(path)


@app.command("list")
def list_documents(
    db: DbOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show what is stored.

    Example:

        storyline list --db story.db
    """
    try:
        with _open(db) as store:
            refs = store.list()
    except StorylineError as exc:
        fail(str(exc))
    if as_json:
        out(json.dumps([dataclasses.asdict(r) for r in refs], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(refs)} documents in {store.path}")
    for col in ("id", "published", "kind", "outlet", "title"):
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
    limit: int = typer.Option(10, "--limit", "-n", help="Number of hits."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Search stored documents (SQLite FTS5, ranked by bm25).

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
