"""`storyline watch`: follow feeds, keep the store current, brief what changed."""

from __future__ import annotations

import typer

from ..errors import StorylineError
from ..watch import config as watch_config
from ..watch.loop import Round, run
from ._util import DbOption, app, cli_settings, console, fail, out, safe

# Exit status of `--once` when at least one followed URL failed (the others were still polled).
PARTIAL_FAILURE = 2
# Exit status after Ctrl-C (what was stored stays stored; the next run fetches the rest).
INTERRUPTED = 130


@app.command()
def watch(
    urls: list[str] = typer.Argument(
        None, help="Feed (RSS/Atom), sitemap, URL-list or page URLs to follow."
    ),
    db: DbOption = None,
    every: str | None = typer.Option(None, "--every", help="Time between polls: 90s, 15m, 2h."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron and tests)."),
    config: str | None = typer.Option(
        None, "--config", help="TOML watch list: feed tables (url, name, tags), watch settings."
    ),
    out_dir: str | None = typer.Option(
        None, "--out", help="Folder for update briefs (Markdown, HTML, JSON), one per story."
    ),
    notify: str | None = typer.Option(
        None, "--notify", help="Webhook URL: each story update is POSTed to it as JSON."
    ),
    allow_host: list[str] = typer.Option(
        None,
        "--allow-host",
        help="Host or host:port whose private address may be fetched for discovered links "
        "(repeat). Links found in feeds must otherwise be public.",
    ),
    no_robots: bool = typer.Option(
        False, "--no-robots", help="Do not check robots.txt before fetching article pages."
    ),
    no_briefs: bool = typer.Option(
        False, "--no-briefs", help="List what changed without building update briefs."
    ),
    per_host: int | None = typer.Option(
        None, "--per-host", min=1, help="Requests at once per host."
    ),
    timeout: float | None = typer.Option(None, "--timeout", help="Seconds to wait for a read."),
) -> None:
    """Poll feeds, store their new articles, and brief each story that gained documents.

    Prints one line per story that changed.

    State (seen items, ETag/Last-Modified, failures and back-off) lives in the
    store, so a restart resumes without re-ingesting. Ctrl-C stops between items.
    With --once the exit status is 2 when some followed URL failed; after Ctrl-C it is 130.

    Example:

        storyline watch https://example.org/rss.xml --every 15m --out updates/
        storyline watch --config feeds.toml --once --notify https://hooks.example/x
    """
    settings = cli_settings(db=db)
    try:
        base = watch_config.load(config) if config else watch_config.WatchOptions()
        options = watch_config.merge(
            base,
            urls=list(urls or []),
            every=watch_config.parse_interval(every) if every else None,
            out=out_dir,
            notify=notify,
            allow_hosts=[*base.allow_hosts, *(allow_host or [])] if allow_host else None,
            robots=False if no_robots else None,
            briefs=False if no_briefs else None,
            per_host=per_host,
            timeout=timeout,
        )
    except StorylineError as exc:
        fail(str(exc))
    if not options.targets:
        fail("nothing to watch: give feed URLs or --config with [[feed]] entries")
    failed = interrupted = False

    def report(result: Round) -> None:
        nonlocal failed, interrupted
        failed = print_round(result) or failed
        interrupted = interrupted or result.report.interrupted

    try:
        run(options, settings, once=once, on_round=report)
    except StorylineError as exc:
        fail(str(exc))
    except KeyboardInterrupt:  # outside a poll (opening the store): nothing half-done
        interrupted = True
    if interrupted:
        console.print("stopped by Ctrl-C", highlight=False)
        raise typer.Exit(INTERRUPTED)
    if once and failed:
        raise typer.Exit(PARTIAL_FAILURE)


def print_round(result: Round) -> bool:
    """One line per story that changed (stdout); feed problems on stderr. True if a feed failed."""
    report = result.report
    for update in result.updates:
        line = f"updated  {update.label}  +{len(update.new)} new"
        if update.context:
            line += f" ({update.context} earlier)"
        titles = "; ".join((r.title or r.source) for r in update.new[:3])
        line += f": {titles}" + (" …" if len(update.new) > 3 else "")
        if update.files:
            line += f"  -> {update.files[0]}"
        out(_one_line(line))
        if update.note and not update.note.startswith("no brief (briefs turned off"):
            console.print(_one_line(f"  note: {update.note}"), highlight=False, markup=False)
        if update.notify_error:
            console.print(_one_line(f"  {update.notify_error}"), highlight=False, markup=False)
    failed = False
    for feed in report.feeds:
        if feed.status == "failed":
            failed = True
            console.print(
                _one_line(
                    f"failed   {feed.url}: {feed.error} (retry after {_when(feed.retry_after)})"
                ),
                highlight=False,
                markup=False,
            )
        elif feed.status == "backing-off":
            console.print(
                _one_line(f"waiting  {feed.url}: backing off until {_when(feed.retry_after)}"),
                highlight=False,
                markup=False,
            )
        for item in feed.failed:
            console.print(
                _one_line(f"  item   {item.link}: {item.error}"), highlight=False, markup=False
            )
    added = len(report.added)
    bad = sum(f.status == "failed" for f in report.feeds)
    summary = (
        f"poll {_when(report.started)}: {len(report.feeds)} followed, {added} new documents, "
        f"{len(result.updates)} stories changed, {bad} failed"
    )
    if report.interrupted:
        summary += " (interrupted: the rest is fetched on the next run)"
    console.print(summary, highlight=False, markup=False)
    return failed


def _when(stamp: str | None) -> str:
    """A stored UTC time ("...T21:38:47.563922+00:00") as the poll line writes it: to the second, Z."""
    return f"{stamp[:19]}Z" if stamp else "unknown"


def _one_line(text: str) -> str:
    """Feed-supplied text on one line, control characters escaped (no forged lines or escapes)."""
    return safe(text)
