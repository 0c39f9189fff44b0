"""The one hardened URL fetcher (storyline.ingest.fetch): address checks, pinning, limits."""

from __future__ import annotations

import httpcore
import httpx
import pytest

from storyline.errors import InputError
from storyline.ingest import fetch as security


def resolver(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("name not known")
        return table[host]

    return resolve


HOSTS = resolver(
    {
        "news.example": ["93.184.216.34"],
        "local.example": ["127.0.0.1"],
        "lan.example": ["192.168.1.20"],
        "mixed.example": ["93.184.216.34", "10.0.0.5"],
        "v6.example": ["2606:4700::1111"],
        "v6local.example": ["::1"],
        "mapped.example": ["::ffff:127.0.0.1"],
        "linklocal.example": ["169.254.169.254"],
        "cgnat.example": ["100.64.0.1"],
    }
)


@pytest.mark.parametrize("url", ["https://news.example/a", "http://v6.example:8080/x"])
def test_check_url_allows_public_hosts(url: str) -> None:
    assert security.check_url(url, resolve=HOSTS)


@pytest.mark.parametrize(
    "url",
    [
        "http://local.example/",
        "http://lan.example/",
        "http://mixed.example/",  # one private address among public ones is enough
        "http://v6local.example/",
        "http://mapped.example/",
        "http://linklocal.example/latest/meta-data",
        "http://cgnat.example/",
    ],
)
def test_check_url_refuses_private_addresses(url: str) -> None:
    with pytest.raises(InputError, match="non-public"):
        security.check_url(url, resolve=HOSTS)


def test_check_url_refuses_literal_loopback_with_the_real_resolver() -> None:
    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.1"):
        security.check_url("http://127.0.0.1:8000/api/documents")
    with pytest.raises(InputError, match="non-public"):
        security.check_url("http://[::1]/")


def test_check_url_operator_can_allow_private() -> None:
    assert security.check_url("http://lan.example/", allow_private=True, resolve=HOSTS) == [
        "192.168.1.20"
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http"),
        ("javascript:alert(1)", "only http"),
        ("http:///nohost", "no host"),
        ("http://user:pw@news.example/", "credentials"),
        ("http://nowhere.example/", "cannot resolve"),
    ],
)
def test_check_url_refuses_bad_urls(url: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        security.check_url(url, resolve=HOSTS)


def test_fetch_url_checks_every_redirect_hop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"location": "http://local.example/admin"})
        return httpx.Response(200, text="secret")

    with pytest.raises(InputError, match="non-public"):
        security.fetch_url(
            "https://news.example/a",
            max_bytes=1000,
            resolve=HOSTS,
            transport=httpx.MockTransport(handler),
        )


def test_fetch_url_returns_body_and_limits_size() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, text="<p>" + "x" * 50 + "</p>", headers={"content-type": "text/html"}
        )

    got = security.fetch_url(
        "https://news.example/a",
        max_bytes=1000,
        resolve=HOSTS,
        transport=httpx.MockTransport(handler),
    )
    assert got.body.startswith(b"<p>xxx") and got.content_type == "text/html"
    assert got.final_url == "https://news.example/a" and got.status == 200
    with pytest.raises(InputError, match="size limit of 10 bytes"):
        security.fetch_url(
            "https://news.example/a",
            max_bytes=10,
            resolve=HOSTS,
            transport=httpx.MockTransport(handler),
        )


def test_fetch_url_reports_http_errors() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    with pytest.raises(InputError, match="HTTP 404"):
        security.fetch_url(
            "https://news.example/a", max_bytes=100, resolve=HOSTS, transport=transport
        )


# ---------------------------------------------------------------- DNS pinning


class RecordingBackend(httpcore.MockBackend):
    """A socket layer that answers canned HTTP and records where it was asked to connect."""

    def __init__(self, *responses: bytes) -> None:
        super().__init__(list(responses))
        self.connected: list[tuple[str, int]] = []
        self.sni: list[str | None] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connected.append((host, port))
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        backend = self

        class Stream(type(stream)):
            def start_tls(self, ssl_context, server_hostname=None, timeout=None):
                backend.sni.append(server_hostname)
                return self

        stream.__class__ = Stream
        return stream


def rebinding(first: str, then: str):
    """A resolver that answers `first` once, then `then` (a DNS rebinding attack)."""
    answers = [first]

    def resolve(host: str, port: int) -> list[str]:
        return [answers.pop() if answers else then]

    return resolve


OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 8\r\n\r\n<p>hi</p"


def test_fetch_connects_to_the_checked_address_not_a_second_answer() -> None:
    backend = RecordingBackend(OK)
    body = security.fetch_url(
        "https://rebind.example/a",
        max_bytes=1000,
        resolve=rebinding("93.184.216.34", "127.0.0.1"),
        network=backend,
    )
    assert body.body == b"<p>hi</p"
    assert backend.connected == [("93.184.216.34", 443)]
    assert backend.sni == ["rebind.example"]  # TLS still verifies the hostname


def test_fetch_rechecks_the_rebound_host_on_a_redirect() -> None:
    redirect = b"HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n"
    backend = RecordingBackend(redirect, OK)
    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.1"):
        security.fetch_url(
            "http://rebind.example/a",
            max_bytes=1000,
            resolve=rebinding("93.184.216.34", "127.0.0.1"),
            network=backend,
        )
    assert backend.connected == [("93.184.216.34", 80)]


def test_fetch_with_real_sockets_goes_to_the_pinned_address_with_the_host_header() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # "pinned.invalid" cannot be resolved by DNS: only the pin can reach the server.
        body = security.fetch_url(
            f"http://pinned.invalid:{port}/x",
            allow_private=True,
            max_bytes=100,
            resolve=resolver({"pinned.invalid": ["127.0.0.1"]}),
        )
    finally:
        server.shutdown()
        server.server_close()
    assert body.body == b"ok" and seen == [f"pinned.invalid:{port}"]


def test_pinned_backend_refuses_an_unchecked_host() -> None:
    backend = security.PinnedBackend({"news.example": ["93.184.216.34"]}, RecordingBackend())
    with pytest.raises(httpcore.ConnectError, match="not checked"):
        backend.connect_tcp("other.example", 80)
    assert backend.inner.connected == []


# ---------------------------------------------------------------- embedded IPv4, deadline, headers


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:5",  # NAT64 of 10.0.0.5
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:c0a8:114::1",  # 6to4 of 192.168.1.20
        "::ffff:127.0.0.1",
        "64:ff9b:1::1",  # local-use NAT64 prefix
    ],
)
def test_addresses_embedding_private_ipv4_are_refused(address: str) -> None:
    with pytest.raises(InputError, match="non-public"):
        security.check_url("http://embed.example/", resolve=resolver({"embed.example": [address]}))


def test_addresses_embedding_public_ipv4_pass() -> None:
    for address in ("64:ff9b::5db8:d822", "2002:5db8:d822::1"):  # 93.184.216.34
        assert security.check_url(
            "http://embed.example/", resolve=resolver({"embed.example": [address]})
        )


def test_malformed_urls_are_input_errors() -> None:
    for url in ("http://[::1", "http://host:99999999/", "http://[zz]/"):
        with pytest.raises(InputError):
            security.fetch_url(url, max_bytes=100, resolve=HOSTS)


def _drip_server(delay: float, chunks: int):
    """A loopback HTTP server that sends its body one byte every `delay` seconds."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(chunks))
            self.end_headers()
            try:
                for _ in range(chunks):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(delay)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_dripping_server_is_cut_off_at_the_total_deadline() -> None:
    import time

    server = _drip_server(0.1, 100)  # would take 10 s; each read is quick
    try:
        started = time.monotonic()
        with pytest.raises(InputError, match="timed out"):
            security.fetch_url(
                f"http://drip.invalid:{server.server_address[1]}/",
                allow_private=True,
                max_bytes=1000,
                deadline=0.8,
                read_timeout=5,
                resolve=resolver({"drip.invalid": ["127.0.0.1"]}),
            )
        assert time.monotonic() - started < 2.0
    finally:
        server.shutdown()
        server.server_close()


def test_conditional_get_sends_headers_and_returns_304() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("if-none-match"))
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"etag": '"v1"'})
        return httpx.Response(200, text="<rss/>", headers={"etag": '"v1"'})

    transport = httpx.MockTransport(handler)
    first = security.fetch_url(
        "https://news.example/feed", max_bytes=100, resolve=HOSTS, transport=transport
    )
    again = security.fetch_url(
        "https://news.example/feed",
        max_bytes=100,
        resolve=HOSTS,
        transport=transport,
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert (first.status, again.status, again.body) == (200, 304, b"")
    assert seen == [None, '"v1"']


def test_the_transport_is_public_api_only() -> None:
    """No private httpx attribute is overwritten to pin addresses."""
    import inspect

    source = inspect.getsource(security)
    assert "._pool" not in source and "transport._" not in source
