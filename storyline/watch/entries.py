"""What a followed URL lists: the entries of an RSS/Atom feed, a sitemap or a list of URLs.

A followed URL answers with one of four shapes, told apart by content type
and first bytes: a feed (feedparser), a sitemap or sitemap index (lxml with
entities and network access off), a plain-text list of URLs, or an ordinary
page, which is itself the one entry. Malformed XML is an error, not an empty
list, so a broken feed is reported and backed off rather than silently quiet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urljoin

from ..errors import InputError
from .fetch import Response

Kind = Literal["feed", "sitemap", "urls", "page"]
# A sitemap index names child sitemaps; at most this many are read per poll.
MAX_CHILD_SITEMAPS = 20
_FEED_TYPES = ("rss", "atom", "rdf")


@dataclass(slots=True)
class Entry:
    """One item a listing names: a stable key, the article link, what the listing says of it."""

    key: str
    link: str | None
    meta: dict[str, Any] = field(default_factory=dict)  # title, date, author, outlet
    body: bytes | None = None  # inline content, when the entry has no link (or is the page)
    content_type: str | None = None


@dataclass(slots=True)
class Listing:
    kind: Kind
    entries: list[Entry]
    children: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index
    title: str | None = None  # the feed's own title


def parse(response: Response) -> Listing:
    """The listing in `response`; InputError naming its URL when it is malformed."""
    data = response.body
    ctype = (response.content_type or "").lower()
    head = data[:2048].lstrip().lower()
    if b"<urlset" in data[:4096].lower() or b"<sitemapindex" in data[:4096].lower():
        return _sitemap(response)
    if any(t in ctype for t in _FEED_TYPES) or (
        head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))
        and any(t in data[:4096].lower() for t in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel"))
    ):
        return _feed(response)
    if head.startswith(b"<?xml") or "xml" in ctype:
        return _feed(response)  # XML that is neither: feedparser says what is wrong
    if ctype.startswith("text/plain") or _looks_like_url_list(data):
        return _url_list(response)
    return Listing("page", [Entry(response.url, response.url, {}, data, response.content_type)])


def _feed(response: Response) -> Listing:
    import feedparser

    parsed = feedparser.parse(response.body)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and problem is not None and "SAX" in type(problem).__name__:
        raise InputError(response.url, f"malformed XML: {problem}")
    if not parsed.get("version"):
        raise InputError(response.url, "not an RSS or Atom feed")
    outlet = parsed.feed.get("title")
    entries = []
    for n, item in enumerate(parsed.entries):
        link = item.get("link")
        link = urljoin(response.url, link) if link else None
        meta = {
            "title": item.get("title"),
            "date": item.get("published_parsed")
            or item.get("updated_parsed")
            or item.get("published"),
            "author": item.get("author"),
            "outlet": outlet,
        }
        meta = {k: v for k, v in meta.items() if v}
        body = None
        if not link:
            content = item.get("content")
            text = content[0].get("value") if content else item.get("summary")
            if not text:
                continue  # neither a link nor content: nothing to follow
            body = text.encode("utf-8")
        key = item.get("id") or link or _digest(response.url, n, body or b"")
        entries.append(Entry(str(key), link, meta, body, "text/html" if body else None))
    return Listing("feed", _oldest_first(entries), title=outlet)


def _sitemap(response: Response) -> Listing:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(response.body, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(response.url, f"malformed XML: {exc}") from exc
    name = etree.QName(root).localname
    locs: list[tuple[str, dict[str, Any]]] = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = lastmod = title = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            text = (child.text or "").strip()
            if local == "loc" and loc is None:
                loc = text
            elif local == "lastmod":
                lastmod = text
            elif local in {"title", "publication_date"} and text:
                if local == "title":
                    title = text
                else:
                    lastmod = text
        if loc:
            meta = {k: v for k, v in {"date": lastmod, "title": title}.items() if v}
            locs.append((urljoin(response.url, loc), meta))
    if name == "sitemapindex":
        return Listing("sitemap", [], [loc for loc, _ in locs][:MAX_CHILD_SITEMAPS])
    if name != "urlset":
        raise InputError(response.url, f"not a sitemap (root element <{name}>)")
    return Listing("sitemap", _oldest_first([Entry(loc, loc, meta) for loc, meta in locs]))


def _looks_like_url_list(data: bytes) -> bool:
    lines = [line.strip() for line in data[:8192].splitlines() if line.strip()]
    useful = [line for line in lines if not line.startswith(b"#")]
    return bool(useful) and all(line.startswith((b"http://", b"https://")) for line in useful)


def _url_list(response: Response) -> Listing:
    entries = []
    for raw in response.body.decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith(("http://", "https://")):
            raise InputError(response.url, f"not a list of URLs (line {line[:60]!r})")
        entries.append(Entry(line, line))
    return Listing("urls", entries)


def _oldest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries oldest first (stories grow in date order); undated keep their place after."""

    def when(entry: Entry) -> str:
        value = entry.meta.get("date")
        if isinstance(value, tuple):
            y, mo, d, h, mi, sec = value[:6]
            return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}"
        return str(value or "")

    dated = sorted((e for e in entries if when(e)), key=when)
    return dated + [e for e in entries if not when(e)]


def _digest(url: str, n: int, body: bytes) -> str:
    return f"{url}#{hashlib.sha256(body).hexdigest()[:16] or n}"
