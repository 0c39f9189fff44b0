"""Watch: follow feeds as news arrives, grow the store, brief what changed.

    options = config.load("feeds.toml")        # or WatchOptions(targets=[Target(url)])
    run(options, settings, once=True)          # poll, update, report; resume from the store

One module per job: `config` (the watch list), `fetch` (the one network
door: politeness and the address rule), `entries` (what a feed, sitemap or
URL list names), `robots` (robots.txt for article pages), `poll` (one poll),
`grouping` (which story each new document joined), `updates` (the "what's
new" briefs, files and webhook), `loop` (poll, wait, again). Per-feed state
lives in the store (`storyline.store.feeds`).
"""

from __future__ import annotations

from .config import Target, WatchOptions, load, parse_interval
from .loop import Round, poll_once, run
from .poll import FeedReport, PollReport, poll
from .updates import StoryUpdate

__all__ = [
    "FeedReport",
    "PollReport",
    "Round",
    "StoryUpdate",
    "Target",
    "WatchOptions",
    "load",
    "parse_interval",
    "poll",
    "poll_once",
    "run",
]
