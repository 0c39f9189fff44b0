"""robots.txt for article pages: fetched once per host per poll, through the same fetcher.

Feeds, sitemaps and URL lists the operator names are fetched as asked; the
article pages they lead to are checked against their site's robots.txt
(RFC 9309 reading: a missing file, 4xx, allows everything; a site that
cannot answer, 5xx or unreachable, is treated as "not now" for this poll and
the item is tried again later).
"""

from __future__ import annotations

import threading
import urllib.robotparser
from urllib.parse import urlsplit

from ..errors import InputError
from .fetch import Fetcher


class RobotsUnavailable(InputError):
    """The site's robots.txt could not be read now; try the page again on a later poll."""


class Robots:
    """A per-poll cache of parsed robots.txt files, keyed by scheme and host."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._parsers: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}

    def check(self, url: str) -> None:
        """Return when `url` may be fetched; InputError (or RobotsUnavailable) when not."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            gate = self._loading.setdefault(origin, threading.Lock())
        with gate:  # one fetch of robots.txt per site, however many pages wait on it
            parser = self._parsers.get(origin)
            if parser is None:
                parser = self._parsers[origin] = self._load(origin)
        if isinstance(parser, str):
            raise RobotsUnavailable(url, parser)
        if not parser.can_fetch(self.fetcher.user_agent, url):
            raise InputError(url, "disallowed by the site's robots.txt")

    def _load(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self.fetcher.get(origin + "/robots.txt")
        except InputError as exc:
            status = _status(exc.reason)
            if status is not None and 400 <= status < 500:
                parser.parse([])  # no robots.txt: everything allowed
                return parser
            return f"robots.txt could not be read ({exc.reason}); will try again later"
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser


def _status(reason: str) -> int | None:
    if reason.startswith("HTTP "):
        code = reason[5:8]
        if code.isdigit():
            return int(code)
    return None
