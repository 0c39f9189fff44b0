"""The loop: waits `every` between polls, stops on request, resumes from the store."""

from __future__ import annotations

import threading
import time

from feedsite import publish

from storyline.config import Settings
from storyline.store import Store
from storyline.watch.config import Target, WatchOptions
from storyline.watch.loop import Round, run
from storyline.watch.poll import BACKOFF_MAX_S, backoff


def test_loop_polls_every_interval_until_stopped(site, db):
    publish(site, 1)
    options = WatchOptions(
        targets=[Target(site.base + "/feed.xml")], every=0.2, allow_hosts=[site.host], briefs=False
    )
    settings = Settings(db=db, allow_private_urls=True)
    stop = threading.Event()
    seen: list[Round] = []

    def on_round(result: Round) -> None:
        seen.append(result)
        if len(seen) == 2:
            publish(site, 2)  # the feed grows between polls
        if len(seen) == 4:
            stop.set()  # ends the wait at once

    started = time.monotonic()
    assert run(options, settings, on_round=on_round, stop=stop) == 4
    assert time.monotonic() - started >= 0.6  # three waits of `every`
    assert [len(r.report.added) for r in seen] == [1, 0, 1, 0]
    assert [r.report.feeds[0].status for r in seen] == [
        "new",
        "not-modified",
        "new",
        "not-modified",
    ]
    assert [len(r.updates) for r in seen] == [1, 0, 1, 0]
    with Store(db) as store:
        assert store.count() == 2
    assert run(options, settings, max_rounds=2) == 2


def test_loop_backoff_doubles_up_to_a_day():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(40) == BACKOFF_MAX_S == 86400
