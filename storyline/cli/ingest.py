"""`storyline ingest`: read inputs into the store.

Every input gets its own outcome line, named by the input (control characters
escaped, so a file name cannot forge a line). Exit status: 0 when every input
was stored or already known, 3 when some failed (PARTIAL), 1 when none could
be stored, 130 on Ctrl-C ("interrupted after N added"; what was added stays).
"""

from __future__ import annotations

from typing import Any

import typer

from ..api import cluster
from ..clustering import Report, pending_count
from ..config import Settings
from ..errors import InputError, StoreError, StorylineError
from ..ingest import read
from ..model import Document
from ..store import AddResult, open_store
from ._progress import progress_bar
from ._util import DbOption, app, cli_settings, console, fail, safe

EXIT_PARTIAL = 3
EXIT_INTERRUPTED = 130


class Interrupted(Exception):
    """Ctrl-C during a batch, with how far it got."""

    def __init__(self, results: list[AddResult], errors: list[InputError]) -> None:
        self.results = results
        self.errors = errors
        super().__init__("interrupted")


def ingest_inputs(
    store: Any,
    inputs: list[str],
    *,
    as_kind: str | None = None,
    date: str | None = None,
    settings: Settings | None = None,
    quiet: bool = False,
) -> tuple[list[AddResult], list[InputError]]:
    """Read every input into `store`; report each result or error as it comes.

    A document the store refuses (say, a case-only variant of a stored text)
    is that input's error; the batch goes on. Ctrl-C raises `Interrupted`.
    """
    results: list[AddResult] = []
    errors: list[InputError] = []
    try:
        with progress_bar("Ingesting") as advance:
            for item in read(inputs, as_kind=as_kind, date=date, settings=settings):  # type: ignore[arg-type]
                if isinstance(item, Document):
                    try:
                        result = store.add(item)
                    except StoreError as exc:
                        item = InputError(item.source, _reason(str(exc), item.source))
                    else:
                        results.append(result)
                        if not quiet:
                            _report(item, result)
                if isinstance(item, InputError):
                    errors.append(item)
                    console.print("[red]error:[/red] ", end="", highlight=False, markup=True)
                    console.print(safe(str(item)), highlight=False, markup=False)
                advance()
    except KeyboardInterrupt:
        raise Interrupted(results, errors) from None
    return results, errors


def _reason(message: str, source: str) -> str:
    return message[len(source) + 2 :] if message.startswith(f"{source}: ") else message


def _report(doc: Document, result: AddResult) -> None:
    label = safe(doc.title or doc.source)
    if result.status in {"added", "unchanged"}:
        line = f"{result.status:<10} {result.id}  {label}"
    else:
        line = f"{result.status:<10} {result.id}  {label} (same as {result.duplicate_of})"
    console.print(line, highlight=False, markup=False)


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders, globs, '-' for stdin, URLs or feed URLs."
    ),
    db: DbOption = None,
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

    Exit status: 0 all stored or known, 3 some inputs failed, 1 none stored, 130 interrupted.

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
            report = _cluster(store)
    except Interrupted as stop:
        added = sum(r.status == "added" for r in stop.results)
        console.print(f"interrupted after {added} added", highlight=False, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:
        console.print("interrupted after 0 added", highlight=False, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except StorylineError as exc:
        fail(str(exc))
    added = sum(r.status == "added" for r in results)
    console.print(
        f"{added} added, {len(results) - added} already known or duplicate, {len(errors)} failed",
        highlight=False,
    )
    if report is not None and (report.clustered or report.skipped):
        console.print(
            f"{report.clustered} documents put in stories ({report.new_stories} new stories)"
            + (f", {len(report.skipped)} not clusterable" if report.skipped else ""),
            highlight=False,
        )
        for doc_id, reason in report.skipped:
            console.print(f"no story   {doc_id}  {reason}", highlight=False, markup=False)
    if not results:
        raise typer.Exit(1)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


def _cluster(store: Any) -> Report | None:
    """Put the new documents in stories, in publication-date order (see storyline.clustering).

    Both backends keep stories; a store without `transaction()` is skipped (None).
    """
    if not hasattr(store, "transaction"):
        return None
    with progress_bar("Clustering", total=pending_count(store)) as advance:
        return cluster(store, progress=lambda i, n: advance())


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
    if counts["added"]:
        from ..distributed import cluster_on_cluster

        try:
            report = cluster_on_cluster(settings.db, settings.scheduler, settings=settings)
        except StorylineError as exc:
            fail(str(exc))
        console.print(
            f"{report.clustered} documents put in stories ({report.new_stories} new stories)",
            highlight=False,
        )
    if counts["added"] + counts["known"] == 0:
        raise typer.Exit(1)
    if counts["error"]:
        raise typer.Exit(EXIT_PARTIAL)
