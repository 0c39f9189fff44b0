"""Where input bytes come from: files, folders, globs, stdin, URLs and feeds.

Everything here is lazy: a folder of 10,000 files is walked one file at a
time, and a file is read only when its turn comes. Size limits are checked
before reading (file size, Content-Length) and again while reading, so a
huge input is refused without being loaded. Each failure is yielded as an
`InputError` naming the input, so one bad input never stops a batch.
"""

from __future__ import annotations

import glob
import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ..config import Settings
from ..errors import InputError
from .fetch import fetch_url

STDIN = "-"
# Skipped silently when walking a folder (still an error when named explicitly).
SKIP_SUFFIXES = {
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".svg",
    ".ico",
    ".pdf",
    ".zip",
    ".tar",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".mp3",
    ".mp4",
    ".wav",
    ".mov",
    ".avi",
    ".db",
    ".sqlite",
    ".sqlite3",
    ".pyc",
    ".so",
    ".exe",
    ".bin",
    ".woff",
    ".woff2",
    ".ttf",
    ".parquet",
    ".pkl",
    ".npy",
}
_FEED_TYPES = ("rss", "atom", "rdf")


@dataclass(slots=True)
class Fetched:
    """The bytes of one input and what its transport said about them."""

    source: str
    data: bytes
    content_type: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def iter_sources(inputs: Iterable[str], settings: Settings) -> Iterator[Fetched | InputError]:
    """Expand and read each input in turn (see module docstring)."""
    for item in inputs:
        item = str(item)
        if item == STDIN:
            yield _read_stdin(settings)
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, settings)
        elif os.path.isdir(item):
            yield from (_read_file(p, settings) for p in walk(item))
        elif os.path.exists(item):
            yield _read_file(item, settings)
        elif glob.has_magic(item):
            matches = sorted(glob.iglob(item, recursive=True))
            if not matches:
                yield InputError(item, "no files match this pattern")
            for path in matches:
                if os.path.isdir(path):
                    yield from (_read_file(p, settings) for p in walk(path))
                elif os.path.isfile(path) and not _skipped(path):
                    yield _read_file(path, settings)
        else:
            yield InputError(item, "no such file, folder or URL")


def walk(folder: str) -> Iterator[str]:
    """Files under `folder`, recursively, in sorted order; hidden and binary-typed files skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _skipped(name):
                yield os.path.join(root, name)


def _skipped(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SKIP_SUFFIXES


def too_big(source: str, limit: int, size: int | None = None) -> InputError:
    seen = f" ({size:,} bytes)" if size is not None else ""
    return InputError(
        source, f"larger than the size limit of {limit:,} bytes{seen} (settings.max_input_bytes)"
    )


def _read_file(path: str, settings: Settings) -> Fetched | InputError:
    limit = settings.max_input_bytes
    try:
        size = os.path.getsize(path)
        if size > limit:
            return too_big(path, limit, size)
        with open(path, "rb") as f:
            data = f.read(limit + 1)
        if data[:2] == b"\x1f\x8b":  # gzip: decompress, still within the limit
            with gzip.open(path, "rb") as f:
                data = f.read(limit + 1)
    except (OSError, EOFError) as exc:
        return InputError(
            path, f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)
        )
    if len(data) > limit:
        return too_big(path, limit)
    return Fetched(path, data)


def _read_stdin(settings: Settings) -> Fetched | InputError:
    limit = settings.max_input_bytes
    stream = getattr(sys.stdin, "buffer", None)
    data = (
        stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    )
    if len(data) > limit:
        return too_big("<stdin>", limit)
    return Fetched("<stdin>", data)


# ------------------------------------------------------------------ URLs and feeds


def _read_url(url: str, settings: Settings) -> Iterator[Fetched | InputError]:
    page = fetch(url, settings)
    if isinstance(page, InputError) or not is_feed(page):
        yield page
        return
    yield from _feed_entries(page, settings)


def fetch(url: str, settings: Settings, *, discovered: bool = False) -> Fetched | InputError:
    """GET `url` through the hardened fetcher (`fetch.py`), within the size and time limits.

    A `discovered` URL (a link found inside fetched content, such as a feed
    entry) is always held to the public-address rule: allow_private_urls
    covers only URLs the operator typed.
    """
    try:
        got = fetch_url(
            url,
            allow_private=settings.allow_private_urls and not discovered,
            max_bytes=settings.max_input_bytes,
            deadline=settings.fetch_deadline,
            read_timeout=settings.fetch_timeout,
        )
    except InputError as exc:
        return exc
    return Fetched(url, got.body, got.content_type or None, {"url": got.final_url})


def is_feed(page: Fetched) -> bool:
    ctype = (page.content_type or "").lower()
    if any(t in ctype for t in _FEED_TYPES):
        return True
    head = page.data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed")) and any(
        tag in page.data[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf")
    )


def _feed_entries(page: Fetched, settings: Settings) -> Iterator[Fetched | InputError]:
    import feedparser

    parsed = feedparser.parse(page.data)
    if not parsed.entries:
        yield InputError(page.source, "a feed with no entries")
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries):
        meta = {
            "title": entry.get("title"),
            "date": entry.get("published_parsed")
            or entry.get("updated_parsed")
            or entry.get("published"),
            "author": entry.get("author"),
            "outlet": outlet,
        }
        meta = {k: v for k, v in meta.items() if v}
        link = entry.get("link")
        if link:
            link = urljoin(page.source, link)
            got = fetch(link, settings, discovered=True)
            if isinstance(got, Fetched):
                got.meta = {**meta, **got.meta}
            yield got
        elif entry.get("content") or entry.get("summary"):
            body = entry["content"][0]["value"] if entry.get("content") else entry["summary"]
            yield Fetched(f"{page.source}#{n}", body.encode("utf-8"), "text/html", meta)
        else:
            yield InputError(f"{page.source}#{n}", "feed entry has neither a link nor content")
