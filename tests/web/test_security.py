"""Upload, token and origin checks of storyline.web.security (URL fetching: tests/ingest/test_fetch.py)."""

from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.web import security


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
