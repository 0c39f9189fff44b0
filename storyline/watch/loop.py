"""The watch loop: poll, make the updates, report, wait `every`, again, until stopped.

All state lives in the store (see `storyline.store.feeds`), so a restart
resumes where the last run stopped: seen items are not fetched again and
feeds still backing off stay backed off. Ctrl-C stops between items (see
`poll`: that poll's report says `interrupted` and `run` returns), or during
the updates or the wait (the store is closed cleanly, then KeyboardInterrupt
is raised again so the caller knows).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from ..config import Settings
from ..store import Store, open_store
from .config import WatchOptions
from .fetch import Fetcher
from .grouping import groups
from .poll import PollReport, poll
from .updates import StoryUpdate, make_updates


@dataclass(slots=True)
class Round:
    """One poll and the updates it made."""

    report: PollReport
    updates: list[StoryUpdate] = field(default_factory=list)


OnRound = Callable[[Round], None]


def fetcher_for(options: WatchOptions, settings: Settings) -> Fetcher:
    """The fetcher with the operator's rules (private addresses only for what they typed)."""
    return Fetcher(
        timeout=options.timeout,
        deadline=options.deadline,
        max_bytes=settings.max_input_bytes,
        per_host=options.per_host,
        allow_private=settings.allow_private_urls,
        allow_hosts=options.allow_hosts,
    )


def poll_once(store: Store, options: WatchOptions, fetcher: Fetcher, settings: Settings) -> Round:
    """One poll, then the update of every story that gained documents."""
    report = poll(store, options, fetcher)
    made = make_updates(
        store,
        report.started,
        groups(store, report),
        settings=settings,
        out=options.out,
        notify=options.notify,
        briefs=options.briefs and not report.interrupted,  # Ctrl-C: list, do not analyse
        timeout=options.timeout,
    )
    return Round(report, made)


def run(
    options: WatchOptions,
    settings: Settings,
    *,
    once: bool = False,
    on_round: OnRound | None = None,
    stop: threading.Event | None = None,
    max_rounds: int | None = None,
) -> int:
    """Poll until stopped (Ctrl-C, `stop`, `once`, or `max_rounds`); return the rounds run."""
    stop = stop or threading.Event()
    rounds = 0
    interrupted = False
    # SQLite or PostgreSQL: feed state goes through the store's portable transactions
    with (
        open_store(settings.db, settings=settings) as backend,
        fetcher_for(options, settings) as fetcher,
    ):
        # PgStore answers every call feeds.py and the clustering make (transaction, reading)
        store = cast(Store, backend)
        while not stop.is_set():
            try:
                result = poll_once(store, options, fetcher, settings)
            except KeyboardInterrupt:  # during the updates: what was written stays
                interrupted = True
                break
            rounds += 1
            if on_round is not None:
                on_round(result)
            if once or result.report.interrupted or (max_rounds and rounds >= max_rounds):
                break
            try:
                stop.wait(options.every)
            except KeyboardInterrupt:
                interrupted = True
                break
    if interrupted:  # the store and fetcher are closed; let the caller know
        raise KeyboardInterrupt
    return rounds
