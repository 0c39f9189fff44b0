"""The fetcher's address rule, with a resolver stub for the rebinding cases."""

from __future__ import annotations

import pytest
from feedsite import Site

from storyline.errors import InputError
from storyline.watch.fetch import Fetcher, public


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("64:ff9b::7f00:1", False),  # NAT64 form of 127.0.0.1
        ("2002:7f00:1::", False),  # 6to4 form of 127.0.0.1
        ("2002:5db8:d822::", True),  # 6to4 form of a public address
        ("fe80::1%eth0", False),
        ("224.0.0.1", False),
    ],
)
def test_fetch_public_unwraps_embedded_ipv4(address, expected):
    assert public(address) is expected


def test_fetch_check_refuses_a_name_that_resolves_private_unless_allowed():
    answers = {"news.example": ["93.184.216.34"], "rebind.example": ["93.184.216.34", "127.0.0.1"]}
    fetcher = Fetcher(resolve=lambda host, port: answers[host])
    assert fetcher.check("https://news.example/a") == ["93.184.216.34"]
    with pytest.raises(InputError, match=r"non-public address 127\.0\.0\.1"):
        fetcher.check("https://rebind.example/a")
    # the operator's own typed URL may be private when private fetches are allowed ...
    typed = Fetcher(allow_private=True, resolve=lambda host, port: answers[host])
    assert typed.check("https://rebind.example/a", trusted=True)
    # ... but a discovered link is held to the rule unless its host is allowed
    with pytest.raises(InputError):
        typed.check("https://rebind.example/a")
    allowed = Fetcher(allow_hosts=["rebind.example:443"], resolve=lambda host, port: answers[host])
    assert allowed.check("https://rebind.example/a")
    with pytest.raises(InputError):
        allowed.check("http://rebind.example/a")  # port 80 is not the allowed origin


@pytest.mark.parametrize("url", ["ftp://x.example/a", "http:///nohost", "http://u:p@x.example/"])
def test_fetch_check_refuses_odd_urls(url):
    with pytest.raises(InputError):
        Fetcher(resolve=lambda host, port: ["93.184.216.34"]).check(url)


def test_fetch_connects_to_the_checked_address_not_a_new_lookup():
    """DNS rebinding: the name is resolved once, checked, and the request goes to that address,
    even if a second lookup would answer differently."""
    with Site() as site:
        site.set("/page", "hello", content_type="text/plain")
        lookups: list[str] = []

        def resolver(host: str, port: int) -> list[str]:
            lookups.append(host)
            return ["127.0.0.1"]  # the checked answer; the name itself resolves nowhere

        fetcher = Fetcher(allow_hosts=["pinned.invalid"], resolve=resolver)
        with fetcher:
            response = fetcher.get(f"http://pinned.invalid:{site.port}/page")
        assert response.body == b"hello" and lookups == ["pinned.invalid"]
        assert site.hits[-1][2]["Host"] == f"pinned.invalid:{site.port}"
        assert response.url == f"http://pinned.invalid:{site.port}/page"


def test_fetch_size_limit_and_user_agent():
    with Site() as site:
        site.set("/big", b"x" * 5000, content_type="text/plain")
        with Fetcher(allow_hosts=[site.host], max_bytes=1000) as fetcher:
            with pytest.raises(InputError, match="larger than"):
                fetcher.get(site.base + "/big")
        assert "storyline-watch" in site.hits[-1][2]["User-Agent"]
