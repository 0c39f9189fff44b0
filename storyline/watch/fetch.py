"""The one door through which the watcher reaches the network (GET only).

Everything `storyline watch` fetches, feeds, sitemaps, article pages and
robots.txt, goes through `Fetcher.get`, so the politeness and safety rules
live in one place:

- a User-Agent, a per-read time-out and a total deadline per fetch, a size limit;
- at most `per_host` requests at once to one host;
- conditional GET: the caller passes `If-None-Match` / `If-Modified-Since` and
  gets the 304 back as a `Response`;
- the address rule. Each hop of a redirect chain is resolved once, checked, and
  the connection is made to that checked address (the URL is rewritten to the
  IP, with the `Host` header and the TLS server name kept), so a name that
  re-resolves elsewhere (DNS rebinding) cannot move the request. A non-public
  address (loopback, private, link-local, NAT64/6to4 forms of them) is refused
  unless (a) the URL is one the operator typed (`trusted=True`) and private
  fetches are allowed, or (b) its `host` or `host:port` is in `allow_hosts`.
  Redirect hops and links found inside fetched content are never "typed".

When the hardened fetcher of `storyline.ingest` lands, `Fetcher.get` becomes
a thin call into it; nothing else in `storyline.watch` touches httpx.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from ..errors import InputError

USER_AGENT = "storyline-watch/0.1 (+https://github.com/storyline; polite feed follower)"
MAX_REDIRECTS = 5

Resolver = Callable[[str, int], list[str]]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_6TO4 = ipaddress.ip_network("2002::/16")


@dataclass(slots=True)
class Response:
    """A finished GET: the URL it ended at, its status (200 or 304), headers and body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def public(address: str) -> bool:
    """True for a globally routable unicast address (embedded IPv4 forms unwrapped)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
    return ip.is_global and not ip.is_multicast


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
        self.resolve = resolve or _system_resolver
        self.stop = threading.Event()  # set to abandon fetches in flight (Ctrl-C)
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=timeout,
            trust_env=False,  # a proxy would resolve the name itself, past the check
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=8),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ the rule

    def check(self, url: str, *, trusted: bool = False) -> list[str]:
        """The addresses `url` may be fetched at; InputError naming `url` if refused."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise InputError(url, "only http and https URLs are followed")
        host = parts.hostname
        if not host:
            raise InputError(url, "URL has no host")
        if parts.username or parts.password:
            raise InputError(url, "URLs with credentials are refused")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise InputError(url, f"bad port: {exc}") from exc
        try:
            addresses = self.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise InputError(url, f"cannot resolve host {host!r}: {exc}") from exc
        if not addresses:
            raise InputError(url, f"host {host!r} has no address")
        allowed = (trusted and self.allow_private) or bool(
            {host.lower(), f"{host.lower()}:{port}"} & self.allow_hosts
        )
        if not allowed:
            for address in addresses:
                if not public(address):
                    raise InputError(
                        url,
                        f"refused: {host} resolves to the non-public address {address} "
                        "(links found in fetched content must be public; the operator can "
                        "allow a host with --allow-host)",
                    )
        return addresses

    # ------------------------------------------------------------ GET

    def get(
        self, url: str, *, headers: Mapping[str, str] | None = None, trusted: bool = False
    ) -> Response:
        """GET `url`, following up to MAX_REDIRECTS checked redirects.

        Returns a 2xx or 304 Response; raises InputError naming `url` for
        anything else (refused address, HTTP error status, time-out, too big).
        """
        started = time.monotonic()
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            addresses = self.check(current, trusted=trusted and hop == 0)
            response = self._get_at(url, current, addresses, headers or {}, started)
            if isinstance(response, str):  # a redirect: its Location
                current = urljoin(current, response)
                continue
            return response
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    def _get_at(
        self,
        url: str,
        current: str,
        addresses: list[str],
        headers: Mapping[str, str],
        started: float,
    ) -> Response | str:
        parts = urlsplit(current)
        host = parts.hostname or ""
        request_headers = {
            "User-Agent": self.user_agent,
            "Host": parts.netloc.rsplit("@", 1)[-1],
            **headers,
        }
        error: Exception | None = None
        with self._slot(host):
            for address in addresses:
                pinned = _at_address(parts, address)
                try:
                    return self._stream(url, current, pinned, request_headers, started)
                except httpx.ConnectError as exc:  # try the host's next checked address
                    error = exc
                except httpx.TimeoutException as exc:
                    raise InputError(
                        url, f"timed out (no answer within {self.timeout:g} s)"
                    ) from exc
                except httpx.HTTPError as exc:
                    raise InputError(url, f"fetch failed: {exc}") from exc
        raise InputError(url, f"cannot connect to {host}: {error}")

    def _stream(
        self, url: str, current: str, pinned: str, headers: dict[str, str], started: float
    ) -> Response | str:
        host = urlsplit(current).hostname or ""
        extensions = {"sni_hostname": host} if pinned.startswith("https:") else {}
        request = self._client.build_request("GET", pinned, headers=headers, extensions=extensions)
        response = self._client.send(request, stream=True)
        try:
            if response.is_redirect and "location" in response.headers:
                return response.headers["location"]
            if response.status_code == 304:
                return Response(url, 304, dict(response.headers))
            if response.status_code >= 400:
                raise InputError(
                    url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(url, f"larger than {self.max_bytes:,} bytes ({declared} declared)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise InputError(url, f"larger than {self.max_bytes:,} bytes")
                if time.monotonic() - started > self.deadline:
                    raise InputError(url, f"took longer than {self.deadline:g} s in all")
                if self.stop.is_set():
                    raise InputError(url, "stopped")
            return Response(current, response.status_code, dict(response.headers), bytes(body))
        finally:
            response.close()

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.Semaphore(self.per_host)
            return slot


def _at_address(parts: SplitResult, address: str) -> str:
    """The URL with its host replaced by the checked address (the port kept)."""
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))
