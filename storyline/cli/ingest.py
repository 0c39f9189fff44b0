"""`storyline ingest`: read inputs into the store."""

from __future__ import annotations

from typing import Any

import typer

from ..config import Settings
from ..errors import InputError, StorylineError
from ..ingest import read
from ..model import Document
from ..store import AddResult, open_store
from ._progress import progress_bar
from ._util import app, cli_settings, console, fail


def ingest_inputs(
    store: Any,
    inputs: list[str],
    *,
    as_kind: str | None = None,
    date: str | None = None,
    settings: Settings | None = None,
    quiet: bool = False,
) -> tuple[list[AddResult], list[InputError]]:
    """Read every input into `store`; report each result or error as it comes."""
    results: list[AddResult] = []
    errors: list[InputError] = []
    with progress_bar("Ingesting") as advance:
        for item in read(inputs, as_kind=as_kind, date=date, settings=settings):  # type: ignore[arg-type]
            if isinstance(item, InputError):
                errors.append(item)
                console.print(f"[red]error:[/red] {item}", highlight=False, markup=True)
            else:
                result = store.add(item)
                results.append(result)
                if not quiet:
                    _report(item, result)
            advance()
    return results, errors


def _report(doc: Document, result: AddResult) -> None:
    label = doc.title or doc.source
    if result.status == "added":
        console.print(f"added      {result.id}  {label}", highlight=False, markup=False)
    elif result.status == "unchanged":
        console.print(f"unchanged  {result.id}  {label}", highlight=False, markup=False)
    else:
        console.print(
            f"{result.status:<10} {result.id}  {label} (same as {result.duplicate_of})",
            highlight=False,
            markup=False,
        )


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders, globs, '-' for stdin, URLs or feed URLs."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="SQLite file or postgresql:// URL to write (default: STORYLINE_DB or storyline.db).",
    ),
    as_kind: str | None = typer.Option(
        None, "--as", help="Force the shape: html, webtext, transcript, stripped, text, json."
    ),
    date: str | None = typer.Option(
        None, "--date", help="Publication date for every input (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler (tcp://host:8786): workers read, dedupe and write to a PostgreSQL --db.",
    ),
) -> None:
    """Read articles into the store, skipping exact and near duplicates.

    Example:

        storyline ingest articles/ https://example.com/feed.xml --db story.db
        storyline ingest /shared/articles --db postgresql://news@db/news --scheduler tcp://sched:8786
    """
    settings = cli_settings(db=db, scheduler=scheduler)
    if settings.scheduler:
        _ingest_on_cluster(inputs, settings, as_kind=as_kind, date=date, quiet=quiet)
        return
    try:
        with open_store(settings.db, settings=settings) as store:
            results, errors = ingest_inputs(
                store, inputs, as_kind=as_kind, date=date, settings=settings, quiet=quiet
            )
    except StorylineError as exc:
        fail(str(exc))
    added = sum(r.status == "added" for r in results)
    console.print(
        f"{added} added, {len(results) - added} already known or duplicate, {len(errors)} failed",
        highlight=False,
    )
    if not results:
        raise typer.Exit(1)


def _ingest_on_cluster(
    inputs: list[str], settings: Settings, *, as_kind: str | None, date: str | None, quiet: bool
) -> None:
    """`storyline ingest --scheduler`: the cluster reads and stores; we print outcomes."""
    from ..distributed import ingest_on_cluster

    counts = {"added": 0, "known": 0, "error": 0}
    try:
        with progress_bar("Ingesting on the cluster") as advance:
            for outcome in ingest_on_cluster(
                inputs,
                settings.db,
                settings.scheduler,
                settings=settings,
                as_kind=as_kind,
                date=date,
            ):
                if outcome.status == "error":
                    counts["error"] += 1
                    console.print(
                        f"[red]error:[/red] {outcome.source}: {outcome.error}", highlight=False
                    )
                else:
                    counts["added" if outcome.status == "added" else "known"] += 1
                    if not quiet:
                        label = outcome.title or outcome.source
                        same = f" (same as {outcome.duplicate_of})" if outcome.duplicate_of else ""
                        console.print(
                            f"{outcome.status:<10} {outcome.id}  {label}{same}",
                            highlight=False,
                            markup=False,
                        )
                advance()
    except StorylineError as exc:
        fail(str(exc))
    console.print(
        f"{counts['added']} added, {counts['known']} already known or duplicate, "
        f"{counts['error']} failed",
        highlight=False,
    )
    if counts["added"] + counts["known"] == 0:
        raise typer.Exit(1)
