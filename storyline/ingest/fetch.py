"""The one URL fetcher every surface uses (CLI, library `read`, web add-by-URL, feed watchers).

A fetched URL is hostile input and so is the address its host resolves to.
Each hop (the URL and every redirect) is resolved once, every address is
checked (no loopback, private, link-local, reserved or multicast networks,
including IPv4 embedded in IPv6: mapped, NAT64 64:ff9b::/96, 6to4 2002::/16,
Teredo), and the connection goes only to those checked addresses: a second
DNS answer can never redirect it (DNS rebinding). Pinning uses public
interfaces only: our own httpx transport over an httpcore connection pool
whose network backend swaps the hostname for a pinned address. The Host
header, TLS SNI and the certificate check still use the hostname.

Every fetch is bounded: a total deadline (each socket read and connect gets
at most the time left, so a server dripping bytes cannot hold it longer), a
byte limit (Content-Length and the bytes actually read), and a redirect limit.

`fetch_url` returns status, headers, final URL and body, and takes extra
request headers, so a feed watcher can do conditional GETs (If-None-Match,
If-Modified-Since -> a 304 result with an empty body).
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError, InputError

Resolver = Callable[[str, int], list[str]]

USER_AGENT = "Storyline/0.1 (+news brief builder)"
MAX_REDIRECTS = 5
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


@dataclass(slots=True)
class FetchResult:
    """What one fetch gave: `status` is 2xx, or 304 for a conditional GET that matched."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    elapsed: float = 0.0
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


# ---------------------------------------------------------------- address checks


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def refused_address(address: str) -> str | None:
    """Why `address` is not a public unicast address (embedded IPv4 included), or None."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = None
        if ip.ipv4_mapped is not None:
            embedded = ip.ipv4_mapped
        elif ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif ip.sixtofour is not None:
            embedded = ip.sixtofour
        elif ip.teredo is not None:
            embedded = ip.teredo[1]
        elif ip in _NAT64_LOCAL:
            return f"non-public address {ip} (local-use NAT64)"
        if embedded is not None:
            why = refused_address(str(embedded))
            return f"non-public address {ip} (embeds {embedded})" if why else None
    if not ip.is_global or ip.is_multicast or ip.is_unspecified:
        return f"non-public address {ip}"
    return None


def validate_url(url: str) -> tuple[str, int]:
    """(host, port) of a fetchable URL, checked without any network; else InputError."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise InputError(url, f"malformed URL: {exc}") from exc
    if parts.scheme not in {"http", "https"}:
        raise InputError(url, "only http and https URLs can be fetched")
    if not parts.hostname:
        raise InputError(url, "URL has no host")
    if parts.username or parts.password:
        raise InputError(url, "URLs with credentials are refused")
    return parts.hostname, port


def check_url(
    url: str, *, allow_private: bool = False, resolve: Resolver | None = None
) -> list[str]:
    """The addresses `url`'s host resolves to; InputError if the URL or any address is refused.

    Every address is checked, so a host with one public and one private address is refused.
    """
    host, port = validate_url(url)
    try:
        addresses = (resolve or system_resolver)(host, port)
    except (OSError, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host {host!r}: {exc}") from exc
    if not addresses:
        raise InputError(url, f"host {host!r} has no address")
    if not allow_private:
        for address in addresses:
            why = refused_address(address)
            if why:
                raise InputError(
                    url,
                    f"host {host!r} resolves to {why}; the operator can allow "
                    "typed URLs to private addresses with allow_private_urls",
                )
    return addresses


# ---------------------------------------------------------------- pinned transport


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write gets at most the time left before `deadline`."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self.inner = inner
        self.deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self._left(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self.inner.start_tls(ssl_context, server_hostname, self._left(timeout))
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects each host only to the addresses it was checked at; refuses unchecked hosts.

    httpcore hands `connect_tcp` the URL's hostname; this swaps in the pinned
    addresses, so nothing resolves the name again.
    """

    def __init__(
        self,
        pins: dict[str, list[str]],
        inner: httpcore.NetworkBackend | None = None,
        deadline: float | None = None,
    ) -> None:
        self.pins = pins
        self.inner = inner or httpcore.SyncBackend()
        self.deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = self.pins.get(host.lower())
        if not addresses:
            raise httpcore.ConnectError(f"host {host!r} was not checked before connecting")
        error: Exception | None = None
        for address in addresses:
            if self.deadline is not None:
                left = self.deadline - time.monotonic()
                if left <= 0:
                    raise httpcore.ConnectTimeout("the fetch deadline passed")
                timeout = left if timeout is None else min(timeout, left)
            try:
                stream = self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return stream if self.deadline is None else _DeadlineStream(stream, self.deadline)
        raise error or httpcore.ConnectError(f"cannot connect to {host!r}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        with _mapped_errors():
            yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


class _mapped_errors:
    """httpcore's exceptions as the httpx ones callers expect."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if exc is None or not isinstance(exc, httpcore.NetworkError | httpcore.TimeoutException):
            if isinstance(exc, httpcore.ProtocolError):
                raise httpx.RemoteProtocolError(str(exc)) from exc
            return
        if isinstance(exc, httpcore.TimeoutException):
            raise httpx.TimeoutException(str(exc)) from exc
        if isinstance(exc, httpcore.ConnectError):
            raise httpx.ConnectError(str(exc)) from exc
        raise httpx.NetworkError(str(exc)) from exc


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context per process: building one costs ~100 ms (CA bundle load)."""
    return ssl.create_default_context()


class PinnedTransport(httpx.BaseTransport):
    """An httpx transport (public `BaseTransport` API) over a pool that connects only to pins."""

    def __init__(
        self,
        pins: dict[str, list[str]],
        network: httpcore.NetworkBackend | None = None,
        deadline: float | None = None,
    ) -> None:
        self.pool = httpcore.ConnectionPool(
            ssl_context=_tls_context(),
            network_backend=PinnedBackend(pins, network, deadline),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _mapped_errors():
            response = self.pool.handle_request(core)
        assert not isinstance(response.stream, bytes | bytearray)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self.pool.close()


def _pin_key(url: str) -> str:
    """The host as httpcore will pass it to connect_tcp (IDNA-encoded, lower case)."""
    return httpx.URL(url).raw_host.decode("ascii").lower()


# ---------------------------------------------------------------- the fetcher


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int,
    deadline: float = 30.0,
    read_timeout: float = 20.0,
    max_redirects: int = MAX_REDIRECTS,
    headers: Mapping[str, str] | None = None,
    resolve: Resolver | None = None,
    network: httpcore.NetworkBackend | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchResult:
    """GET `url` within `deadline` seconds in all and `max_bytes`; raise FetchError on failure.

    `headers` are sent on every hop (conditional GET: a 304 comes back as a
    result with an empty body). `resolve` replaces DNS and `network` the
    socket layer under the pins (tests); `transport` replaces the whole
    transport, pins included (tests only: it skips the pinning).
    """
    started = time.monotonic()
    end = started + deadline
    pins: dict[str, list[str]] = {}
    hops: list[str] = []
    try:
        client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(read_timeout),
            transport=transport or PinnedTransport(pins, network, end),
            trust_env=False,  # a proxy would resolve the name itself
            headers={"User-Agent": USER_AGENT, **(headers or {})},
        )
    except (httpx.HTTPError, ValueError) as exc:
        raise FetchError(url, f"bad request: {exc}") from exc
    with client:
        current = url
        for _ in range(max_redirects + 1):
            addresses = check_url(current, allow_private=allow_private, resolve=resolve)
            try:
                pins[_pin_key(current)] = addresses
                with client.stream("GET", current) as response:
                    if response.is_redirect and response.status_code != 304:
                        hops.append(current)
                        current = urljoin(current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                        raise FetchError(url, reason, status=response.status_code)
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(url, _too_big(max_bytes, int(declared)))
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise FetchError(url, _too_big(max_bytes))
                        if time.monotonic() > end:
                            raise httpx.TimeoutException("deadline")
                    return FetchResult(
                        url=url,
                        final_url=current,
                        status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=bytes(body),
                        elapsed=time.monotonic() - started,
                        redirects=hops,
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out (deadline {deadline:g} s)") from exc
            except httpx.ConnectError as exc:
                raise FetchError(url, f"cannot connect: {exc}") from exc
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
                raise FetchError(url, f"fetch failed: {exc}") from exc
        raise FetchError(url, f"more than {max_redirects} redirects")


def _too_big(limit: int, size: int | None = None) -> str:
    seen = f" ({size:,} bytes)" if size is not None else ""
    return f"larger than the size limit of {limit:,} bytes{seen} (settings.max_input_bytes)"
