"""Defences for a web app whose content is hostile input.

Article text is written by strangers, so the app never trusts it: templates
autoescape, the Content-Security-Policy forbids inline script, uploads are
size-limited and type-checked, write endpoints can require a token, and a URL
is fetched only after every address its host resolves to has been checked
(no loopback, private, link-local or reserved networks unless the operator
allows them), on every redirect hop. The connection then goes to an address
that passed the check, never to a second DNS answer (DNS rebinding), while the
Host header, TLS SNI and certificate check still use the hostname.
"""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import InputError

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make browsers send Origin: null
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# What an upload may be: the shapes ingest reads, all of them text.
UPLOAD_SUFFIXES = frozenset(
    {".html", ".htm", ".txt", ".text", ".md", ".json", ".jsonl", ".ndjson", ""}
)
UPLOAD_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/json",
        "application/x-ndjson",
        "application/jsonl",
        "application/xhtml+xml",
        "application/octet-stream",  # what browsers send when they do not know
        "",
    }
)

Resolver = Callable[[str, int], list[str]]


# ---------------------------------------------------------------- tokens


def token_ok(expected: str | None, header: str | None, form_value: str | None = None) -> bool:
    """True when no token is required, or the Bearer header or form field carries it."""
    if not expected:
        return True
    offered = None
    if header and header.lower().startswith("bearer "):
        offered = header[7:].strip()
    elif form_value:
        offered = form_value
    return offered is not None and hmac.compare_digest(offered.encode(), expected.encode())


def same_origin(origin: str | None, host: str | None, fetch_site: str | None = None) -> bool:
    """False for a browser request sent by another site (CSRF): by Sec-Fetch-Site or Origin."""
    if fetch_site in {"cross-site", "same-site"}:
        return False
    if origin is None:  # not a browser, or a browser that sends none
        return True
    if origin == "null":
        return False
    return urlsplit(origin).netloc.lower() == (host or "").lower()


# ---------------------------------------------------------------- uploads


def check_upload(filename: str | None, content_type: str | None, data: bytes, limit: int) -> None:
    """Raise InputError unless `data` looks like a text article within `limit` bytes."""
    name = filename or "upload"
    if len(data) > limit:
        raise InputError(name, f"upload is larger than {limit} bytes")
    if not data.strip():
        raise InputError(name, "upload is empty")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(name, f"file type {suffix!r} is not accepted (html, txt, md, json, jsonl)")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime not in UPLOAD_TYPES:
        raise InputError(name, f"content type {mime!r} is not accepted")
    if _looks_binary(data[:8192]):
        raise InputError(name, "upload looks binary, not text")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return False
    return b"\x00" in head or head.startswith(
        (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
    )


# ---------------------------------------------------------------- URLs


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def check_url(
    url: str, *, allow_private: bool = False, resolve: Resolver | None = None
) -> list[str]:
    """Return the addresses `url`'s host resolves to; raise InputError if any is refused.

    Every address is checked, so a host that resolves to one public and one
    private address is refused too.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise InputError(url, "only http and https URLs can be fetched")
    if not parts.hostname:
        raise InputError(url, "URL has no host")
    if parts.username or parts.password:
        raise InputError(url, "URLs with credentials are refused")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise InputError(url, f"bad port: {exc}") from exc
    try:
        addresses = (resolve or _system_resolver)(parts.hostname, port)
    except (OSError, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}: {exc}") from exc
    if not addresses:
        raise InputError(url, f"host {parts.hostname!r} has no address")
    if not allow_private:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
                ip = ip.ipv4_mapped
            if not ip.is_global or ip.is_multicast:
                raise InputError(
                    url,
                    f"host {parts.hostname!r} resolves to non-public address {ip}; "
                    "the operator can allow it with allow_private_urls",
                )
    return addresses


class PinnedBackend(httpcore.NetworkBackend):
    """A network backend that connects each host only to the addresses it was checked at.

    httpcore hands `connect_tcp` the URL's hostname; this swaps in the pinned
    addresses, so nothing resolves the name again. TLS is started by httpcore
    afterwards with the hostname as SNI and for the certificate check. A host
    without a pin is refused rather than resolved.
    """

    def __init__(
        self, pins: dict[str, list[str]], inner: httpcore.NetworkBackend | None = None
    ) -> None:
        self.pins = pins
        self.inner = inner or httpcore.SyncBackend()

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
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"cannot connect to {host!r}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def pinned_transport(
    pins: dict[str, list[str]], inner: httpcore.NetworkBackend | None = None
) -> httpx.HTTPTransport:
    """An httpx transport whose connections go only to the pinned addresses (see PinnedBackend)."""
    transport = httpx.HTTPTransport()
    # httpx has no public hook for the network backend; its pool is a plain httpcore pool.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=PinnedBackend(pins, inner)
    )
    return transport


def _pin_key(url: str) -> str:
    """The host as httpcore will pass it to connect_tcp (IDNA-encoded, lower case)."""
    return httpx.URL(url).raw_host.decode("ascii").lower()


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    limit: int,
    timeout: float = 20.0,
    max_redirects: int = 5,
    resolve: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
    network: httpcore.NetworkBackend | None = None,
) -> tuple[bytes, str, str]:
    """Fetch `url` -> (body, content type, final URL), checking every redirect hop.

    Each hop's host is resolved once, checked, and pinned: the request connects
    to those addresses only. `network` replaces the socket layer under the pins
    (tests); `transport` replaces the whole transport, pins included.
    """
    pins: dict[str, list[str]] = {}
    with httpx.Client(
        follow_redirects=False,
        timeout=timeout,
        transport=transport or pinned_transport(pins, network),
        trust_env=False,  # a proxy would resolve the name itself
        headers={"User-Agent": "Storyline/0.1 (+https://github.com/storyline)"},
    ) as client:
        current = url
        for _ in range(max_redirects + 1):
            addresses = check_url(current, allow_private=allow_private, resolve=resolve)
            try:
                pins[_pin_key(current)] = addresses
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"HTTP {response.status_code}")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise InputError(url, f"response is larger than {limit} bytes")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > limit:
                            raise InputError(url, f"response is larger than {limit} bytes")
                    return bytes(body), response.headers.get("content-type", ""), current
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise InputError(url, f"fetch failed: {exc}") from exc
        raise InputError(url, f"more than {max_redirects} redirects")
