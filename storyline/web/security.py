"""Defences for a web app whose content is hostile input.

Article text is written by strangers, so the app never trusts it: templates
autoescape, the Content-Security-Policy forbids inline script, uploads are
size-limited and type-checked, write endpoints can require a token, and the
app answers only its own Host names (see app.SecurityMiddleware). URLs are
fetched by the one hardened fetcher, `storyline.ingest.fetch`.
"""

from __future__ import annotations

import hmac
from pathlib import PurePosixPath
from urllib.parse import urlsplit

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
