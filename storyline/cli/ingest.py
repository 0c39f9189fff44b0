"""`storyline ingest`: read inputs into the store."""

from __future__ import annotations

import typer

from ..api import cluster
from ..clustering import Report, pending_count
from ..config import Settings
from ..errors import InputError, StorylineError
from ..ingest import read
from ..model import Document
from ..store import AddResult, Store
from ._progress import progress_bar
from ._util import app, cli_settings, console, fail


def ingest_inputs(
    store: Store,
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
    db: str = typer.Option("storyline.db", "--db", help="SQLite file to write."),
    as_kind: str | None = typer.Option(
        None, "--as", help="Force the shape: html, webtext, transcript, stripped, text, json."
    ),
    date: str | None = typer.Option(
        None, "--date", help="Publication date for every input (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
) -> None:
    """Read articles into the store, skipping exact and near duplicates.

    Example:

        storyline ingest articles/ https://example.com/feed.xml --db story.db
    """
    settings = cli_settings(db=db)
    try:
        with Store(db, near_duplicate_threshold=settings.near_duplicate_threshold) as store:
            results, errors = ingest_inputs(
                store, inputs, as_kind=as_kind, date=date, settings=settings, quiet=quiet
            )
            report = _cluster(store)
    except StorylineError as exc:
        fail(str(exc))
    added = sum(r.status == "added" for r in results)
    console.print(
        f"{added} added, {len(results) - added} already known or duplicate, {len(errors)} failed",
        highlight=False,
    )
    if report.clustered or report.skipped:
        console.print(
            f"{report.clustered} documents put in stories ({report.new_stories} new stories)"
            + (f", {len(report.skipped)} not clusterable" if report.skipped else ""),
            highlight=False,
        )
    for doc_id, reason in report.skipped:
        console.print(f"no story   {doc_id}  {reason}", highlight=False, markup=False)
    if not results:
        raise typer.Exit(1)


def _cluster(store: Store) -> Report:
    """Put the new documents in stories, in publication-date order (see storyline.clustering)."""
    with progress_bar("Clustering", total=pending_count(store)) as advance:
        return cluster(store, progress=lambda i, n: advance())
