"""`storyline brief`: write the brief of inputs or of stored documents."""

from __future__ import annotations

from pathlib import Path

import typer

from ..api import BRIEF_LIMIT, brief_from_store
from ..errors import StorylineError
from ..renderers import format_for_path, render
from ..store import is_postgres, open_store
from ._progress import progress_bar
from ._util import DbOption, app, check_since, cli_settings, console, fail, out
from .ingest import ingest_inputs


@app.command()
def brief(
    inputs: list[str] | None = typer.Argument(
        None,
        help="Articles to brief (files, folders, globs, '-', URLs). Omit to brief stored documents.",
    ),
    db: DbOption = None,
    query: str | None = typer.Option(
        None, "--query", "-q", help="Brief the stored documents matching this search."
    ),
    ids: list[str] | None = typer.Option(
        None, "--id", help="Brief these stored document ids (repeatable)."
    ),
    story: str | None = typer.Option(
        None, "--story", help="Brief this story (an id from `storyline stories`)."
    ),
    limit: int = typer.Option(
        BRIEF_LIMIT,
        "--limit",
        min=1,
        help="Use at most N stored documents (query and story briefs).",
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="markdown (default), html or json."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of stdout."
    ),
    words: int | None = typer.Option(
        None,
        "--words",
        min=1,
        help="Summary length in words (default 250 or STORYLINE_SUMMARY_WORDS).",
    ),
    sentences: int | None = typer.Option(
        None, "--sentences", min=1, help="Summary length in sentences (overrides --words)."
    ),
    focus: str | None = typer.Option(
        None, "--focus", help="Focus the brief on these words (matched by stem: costs ~ cost)."
    ),
    since: str | None = typer.Option(
        None,
        "--since",
        help="Mark and keep what is new on or after this date (YYYY[-MM[-DD]], inclusive), "
        "with only the older context needed to read it.",
    ),
    full: bool = typer.Option(
        False,
        "--all",
        help="Every item of every section; by default each is ranked and capped to what an "
        "analyst reads, with the full count shown.",
    ),
    title: str | None = typer.Option(None, "--title", help="Title of the brief."),
    as_kind: str | None = typer.Option(
        None, "--as", help="Force the input shape (see `ingest --as`)."
    ),
    date: str | None = typer.Option(None, "--date", help="Publication date for every input."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Analyse on this Dask cluster (tcp://host:8786); needs the dask extra.",
    ),
) -> None:
    """Write a sourced brief: summary, timeline, quotes, figures, entities, divergences.

    Example:

        storyline brief articles/*.html -o brief.md
        storyline brief --db story.db --query "wind farm" --format html -o brief.html
        storyline brief --db news.db --story s1a2b3c4d5e6f --since 2024-01-01
    """
    if story and (inputs or query or ids):
        fail("--story briefs a stored story; give it without inputs, --query or --id")
    fmt = fmt or (format_for_path(str(output)) if output else None) or "markdown"
    settings = cli_settings(
        db=db,
        summary_words=words,
        summary_sentences=sentences,
        focus=focus,
        since=since,
        full=full or None,
        scheduler=scheduler,
    )
    check_since(settings.since)
    # with inputs and no store named, brief them in memory without writing a store
    store_path = settings.db if db or not inputs else ":memory:"
    if not inputs and not is_postgres(store_path) and not Path(store_path).exists():
        fail(f"{store_path}: no such store; give inputs or ingest first (storyline ingest ...)")
    try:
        with open_store(store_path, settings=settings) as store:
            chosen = list(ids or [])
            if inputs:
                results, _errors = ingest_inputs(
                    store, inputs, as_kind=as_kind, date=date, settings=settings, quiet=True
                )
                if not results:
                    fail("none of the inputs could be read")
                # a duplicate input is briefed as the stored document it duplicates
                chosen = list(dict.fromkeys(chosen + [r.duplicate_of or r.id for r in results]))
            total = len(chosen) if chosen else None
            with progress_bar("Analysing", total=total) as advance:
                result = brief_from_store(
                    store,
                    ids=chosen or None,
                    query=query,
                    settings=settings,
                    title=title,
                    progress=advance,
                    story=story,
                    limit=limit,
                )
            # no selection: the brief takes the most recent documents; say how many it left out
            stored = store.count() if not (chosen or query or story) else None
            texts = (
                {d.id: d.text for d in store.documents([r.id for r in result.documents])}
                if fmt.startswith("htm")
                else None
            )
            text = render(result, fmt, texts)
    except StorylineError as exc:
        fail(str(exc))
    if stored is not None and stored > len(result.documents):
        console.print(
            f"no selection: {len(result.documents)} most recent of {stored} stored documents "
            "used (choose --query, --id or --story)",
            highlight=False,
        )
    if result.matched is not None:
        console.print(
            f"{result.matched} documents matched, {result.used} used"
            + (
                f"; matches span {len(result.stories)} stories, the brief covers "
                f"{result.stories[0].label!r} ({result.stories[0].id})"
                if len(result.stories) > 1
                else ""
            ),
            highlight=False,
        )
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        console.print(
            f"brief of {len(result.documents)} documents written to {output}", highlight=False
        )
    else:
        out(text)
