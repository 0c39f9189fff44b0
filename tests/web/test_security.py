"""URL, upload and token checks of storyline.web.security."""

from __future__ import annotations

import httpcore
import httpx
import pytest

from storyline.errors import InputError
from storyline.web import security


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
    with pytest.raises(InputError, match="non-public address 127.0.0.1"):
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
            limit=1000,
            resolve=HOSTS,
            transport=httpx.MockTransport(handler),
        )


def test_fetch_url_returns_body_and_limits_size() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, text="<p>" + "x" * 50 + "</p>", headers={"content-type": "text/html"}
        )

    body, ctype, final = security.fetch_url(
        "https://news.example/a", limit=1000, resolve=HOSTS, transport=httpx.MockTransport(handler)
    )
    assert body.startswith(b"<p>xxx") and ctype == "text/html" and final == "https://news.example/a"
    with pytest.raises(InputError, match="larger than 10 bytes"):
        security.fetch_url(
            "https://news.example/a",
            limit=10,
            resolve=HOSTS,
            transport=httpx.MockTransport(handler),
        )


def test_fetch_url_reports_http_errors() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    with pytest.raises(InputError, match="HTTP 404"):
        security.fetch_url("https://news.example/a", limit=100, resolve=HOSTS, transport=transport)


@pytest.mark.parametrize(
    ("expected", "header", "form", "ok"),
    [
        (None, None, None, True),
        ("s3cret", None, None, False),
        ("s3cret", "Bearer s3cret", None, True),
        ("s3cret", "bearer s3cret", None, True),
        ("s3cret", "Bearer wrong", None, False),
        ("s3cret", "Basic s3cret", None, False),
        ("s3cret", None, "s3cret", True),
        ("s3cret", None, "s3cre", False),
    ],
)
def test_token_ok(expected, header, form, ok) -> None:
    assert security.token_ok(expected, header, form) is ok


@pytest.mark.parametrize(
    ("origin", "host", "ok"),
    [
        (None, "127.0.0.1:8000", True),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("https://evil.example", "127.0.0.1:8000", False),
        ("null", "127.0.0.1:8000", False),
    ],
)
def test_same_origin(origin, host, ok) -> None:
    assert security.same_origin(origin, host) is ok


@pytest.mark.parametrize(
    ("site", "ok"),
    [("same-origin", True), ("none", True), ("same-site", False), ("cross-site", False)],
)
def test_same_origin_by_fetch_metadata(site: str, ok: bool) -> None:
    assert security.same_origin(None, "127.0.0.1:8000", site) is ok


def test_check_upload_accepts_text_articles() -> None:
    security.check_upload("a.html", "text/html", b"<html><p>Hello</p></html>", 1000)
    security.check_upload("a.jsonl", "application/octet-stream", b'{"text": "hi"}\n', 1000)
    security.check_upload("notes", None, "caf\u00e9 text".encode("utf-16"), 1000)


@pytest.mark.parametrize(
    ("name", "ctype", "data", "reason"),
    [
        ("a.txt", "text/plain", b"x" * 101, "larger than 100"),
        ("a.txt", "text/plain", b"  \n ", "empty"),
        ("a.exe", "application/octet-stream", b"MZ\x90\x00", "file type"),
        ("a.txt", "application/pdf", b"%PDF-1.7", "content type"),
        ("a.txt", "text/plain", b"%PDF-1.7 ...", "binary"),
        ("a.html", "text/html", b"ab\x00cd", "binary"),
    ],
)
def test_check_upload_refuses(name, ctype, data, reason) -> None:
    with pytest.raises(InputError, match=reason):
        security.check_upload(name, ctype, data, 100)


def test_csp_forbids_inline_script() -> None:
    policy = dict(part.split(" ", 1) for part in security.CSP.split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


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
    body, _, _ = security.fetch_url(
        "https://rebind.example/a",
        limit=1000,
        resolve=rebinding("93.184.216.34", "127.0.0.1"),
        network=backend,
    )
    assert body == b"<p>hi</p"
    assert backend.connected == [("93.184.216.34", 443)]
    assert backend.sni == ["rebind.example"]  # TLS still verifies the hostname


def test_fetch_rechecks_the_rebound_host_on_a_redirect() -> None:
    redirect = b"HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n"
    backend = RecordingBackend(redirect, OK)
    with pytest.raises(InputError, match="non-public address 127.0.0.1"):
        security.fetch_url(
            "http://rebind.example/a",
            limit=1000,
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
        body, _, _ = security.fetch_url(
            f"http://pinned.invalid:{port}/x",
            allow_private=True,
            limit=100,
            resolve=resolver({"pinned.invalid": ["127.0.0.1"]}),
        )
    finally:
        server.shutdown()
        server.server_close()
    assert body == b"ok" and seen == [f"pinned.invalid:{port}"]


def test_pinned_backend_refuses_an_unchecked_host() -> None:
    backend = security.PinnedBackend({"news.example": ["93.184.216.34"]}, RecordingBackend())
    with pytest.raises(httpcore.ConnectError, match="not checked"):
        backend.connect_tcp("other.example", 80)
    assert backend.inner.connected == []
