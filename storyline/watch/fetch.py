"""The watcher's door to the network (GET only), over the one hardened fetcher.

Everything `storyline watch` fetches, feeds, sitemaps, article pages and
robots.txt, goes through `Fetcher.get`, which calls
`storyline.ingest.fetch.fetch_url` (pinned connections, total deadline, size
and redirect limits) and adds what watching needs:

- a watcher's User-Agent, and at most `per_host` requests at once to one host;
- conditional GET: the caller passes `If-None-Match` / `If-Modified-Since` and
  gets the 304 back as a `Response`;
- the watcher's address rule, applied to every hop as it is resolved (the
  fetcher then connects only to the addresses checked here). A non-public
  address (loopback, private, link-local, NAT64/6to4/Teredo forms of them) is
  refused unless (a) it is the first hop of a URL the operator typed
  (`trusted=True`) and private fetches are allowed, or (b) its `host` or
  `host:port` is in `allow_hosts`. Redirect hops and links found inside
  fetched content are never "typed": a feed cannot lead the watcher into the
  operator's network, even from a host the operator allowed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..errors import InputError
from ..ingest.fetch import fetch_url, refused_address, system_resolver

USER_AGENT = "storyline-watch/0.1 (+https://github.com/storyline; polite feed follower)"
MAX_REDIRECTS = 5

Resolver = Callable[[str, int], list[str]]


@dataclass(slots=True)
class Response:
    """A finished GET: the URL it ended at, its status (2xx or 304), headers and body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def public(address: str) -> bool:
    """True for a globally routable unicast address (embedded IPv4 forms unwrapped)."""
    return refused_address(address) is None


class Fetcher:
    """GETs with the watcher's rules (see the module docstring). Thread-safe; reuse it."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        deadline: float = 60.0,
        max_bytes: int = 10 * 1024 * 1024,
        per_host: int = 2,
        allow_private: bool = False,
        allow_hosts: Iterable[str] = (),
        user_agent: str = USER_AGENT,
        resolve: Resolver | None = None,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.per_host = max(1, per_host)
        self.allow_private = allow_private
        self.allow_hosts = {h.strip().lower() for h in allow_hosts if h.strip()}
        self.user_agent = user_agent
        self.resolve = resolve or system_resolver
        self.stop = threading.Event()  # set on Ctrl-C: fetches not yet started are skipped
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Nothing to release: each fetch opens and closes its own pinned connection."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ the rule

    def allowed(self, host: str, port: int, addresses: list[str], *, trusted: bool) -> str | None:
        """Why fetching `host` at `addresses` is refused, or None when it may be fetched."""
        if trusted and self.allow_private:
            return None
        if {host.lower(), f"{host.lower()}:{port}"} & self.allow_hosts:
            return None
        for address in addresses:
            why = refused_address(address)
            if why:
                return (
                    f"refused: {host} resolves to a {why} (links found in fetched content "
                    "must be public; the operator can allow a host with --allow-host)"
                )
        return None

    def check(self, url: str, *, trusted: bool = False) -> list[str]:
        """The addresses `url` may be fetched at; InputError naming `url` if refused."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise InputError(url, "only http and https URLs are followed")
        if not parts.hostname:
            raise InputError(url, "URL has no host")
        if parts.username or parts.password:
            raise InputError(url, "URLs with credentials are refused")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise InputError(url, f"bad port: {exc}") from exc
        try:
            addresses = self.resolve(parts.hostname, port)
        except (OSError, UnicodeError) as exc:
            raise InputError(url, f"cannot resolve host {parts.hostname!r}: {exc}") from exc
        why = self.allowed(parts.hostname, port, addresses, trusted=trusted)
        if why:
            raise InputError(url, why)
        return addresses

    # ------------------------------------------------------------ GET

    def get(
        self, url: str, *, headers: Mapping[str, str] | None = None, trusted: bool = False
    ) -> Response:
        """GET `url`, following up to MAX_REDIRECTS checked redirects.

        Returns a 2xx or 304 Response; raises InputError (a FetchError) naming
        `url` for anything else: refused address, HTTP error, time-out, too big.
        """
        if self.stop.is_set():
            raise InputError(url, "stopped")
        hops = 0

        def resolve(host: str, port: int) -> list[str]:
            """Called once per hop, in order: the rule is applied here, before connecting."""
            nonlocal hops
            first, hops = hops == 0, hops + 1
            addresses = self.resolve(host, port)
            why = self.allowed(host, port, addresses, trusted=trusted and first)
            if why:
                raise InputError(url, why)
            return addresses

        host = (urlsplit(url).hostname or "").lower()
        with self._slot(host):
            result = fetch_url(
                url,
                allow_private=True,  # the rule above has already been applied to every hop
                max_bytes=self.max_bytes,
                deadline=self.deadline,
                read_timeout=self.timeout,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": self.user_agent, **(headers or {})},
                resolve=resolve,
            )
        return Response(result.final_url, result.status, result.headers, result.body)

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.Semaphore(self.per_host)
            return slot
