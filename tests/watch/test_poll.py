"""One poll against real HTTP servers on 127.0.0.1: growth, 304, failures, back-off, redirects."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from feedsite import STORIES, Site, article_html, publish, rss

from storyline.store import Store
from storyline.store import feeds as state_db
from storyline.watch.config import Target, WatchOptions
from storyline.watch.fetch import Fetcher
from storyline.watch.poll import backoff, poll


def _options(site: Site, *paths: str, **kwargs: object) -> WatchOptions:
    return WatchOptions(
        targets=[Target(site.base + p, f"feed {p}") for p in paths or ("/feed.xml",)],
        allow_hosts=[site.host],
        briefs=False,
        **kwargs,  # type: ignore[arg-type]
    )


def _fetcher(options: WatchOptions, **kwargs: object) -> Fetcher:
    return Fetcher(
        allow_private=True,
        allow_hosts=options.allow_hosts,
        timeout=float(kwargs.pop("timeout", 5.0)),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def test_poll_growing_feed_ingests_only_new_items_and_sends_validators(site, db):
    publish(site, 2)
    options = _options(site)
    with Store(db) as store, _fetcher(options) as fetcher:
        first = poll(store, options, fetcher)
        assert [f.status for f in first.feeds] == ["new"]
        assert len(first.added) == 2 and store.count() == 2
        # stored oldest first, whatever order the feed lists them in
        titles = [i.title for i in first.feeds[0].items]
        assert titles == [STORIES[0][0], STORIES[1][0]]

        publish(site, 4)
        second = poll(store, options, fetcher)
        assert [i.title for i in second.feeds[0].items] == [STORIES[2][0], STORIES[3][0]]
        assert len(second.added) == 2 and store.count() == 4
        assert site.requests("/feed.xml")[-1].get("If-None-Match") == '"v2"'
        assert len(site.requests("/news/1.html")) == 1  # never fetched again

        third = poll(store, options, fetcher)
        assert third.feeds[0].status == "not-modified" and third.added == []
        assert site.requests("/feed.xml")[-1].get("If-None-Match") == '"v4"'
        assert len(site.requests("/news/3.html")) == 1
        state = state_db.feed(store, site.base + "/feed.xml")
        assert state is not None
        assert (state.etag, state.failures, state.added, state.items) == ('"v4"', 0, 4, 4)


def test_poll_restart_resumes_from_the_store_without_refetching(site, db):
    publish(site, 3, etag=False)  # no validators: the feed body comes back in full each time
    options = _options(site)
    with Store(db) as store, _fetcher(options) as fetcher:
        assert len(poll(store, options, fetcher).added) == 3
    with Store(db) as store, _fetcher(options) as fetcher:  # a new process, same file
        again = poll(store, options, fetcher)
        assert again.added == [] and again.feeds[0].status == "unchanged"
    assert all(len(site.requests(f"/news/{n}.html")) == 1 for n in (1, 2, 3))


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ({"body": "oops", "status": 500}, "HTTP 500"),
        ({"body": "", "status": 404}, "HTTP 404"),
        (
            {
                "body": "<?xml version='1.0'?><rss><channel><item><title>x",
                "content_type": "application/rss+xml",
            },
            "malformed XML",
        ),
    ],
)
def test_poll_failing_feed_backs_off_and_never_stops_the_others(site, db, route, expected):
    publish(site, 2)
    site.set("/broken.xml", **route)
    options = _options(site, "/broken.xml", "/feed.xml")
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher, now=now)
        broken, good = report.feeds
        assert broken.status == "failed" and expected in (broken.error or "")
        assert good.status == "new" and len(good.added) == 2
        state = state_db.feed(store, site.base + "/broken.xml")
        assert state is not None and state.failures == 1 and state.retry_after is not None
        # inside the back-off window the feed is not asked again
        asked = len(site.requests("/broken.xml"))
        soon = poll(store, options, fetcher, now=now + timedelta(seconds=30))
        assert soon.feeds[0].status == "backing-off"
        assert len(site.requests("/broken.xml")) == asked
        # after it, the feed is tried again and the back-off doubles
        later = poll(store, options, fetcher, now=now + timedelta(seconds=backoff(1) + 1))
        assert later.feeds[0].status == "failed"
        state = state_db.feed(store, site.base + "/broken.xml")
        assert state is not None and state.failures == 2
        # once fixed, it recovers and its health is reset
        publish(site, 2, feed_path="/broken.xml")
        fixed = poll(store, options, fetcher, now=now + timedelta(hours=1))
        assert fixed.feeds[0].status in {"unchanged", "new"}
        state = state_db.feed(store, site.base + "/broken.xml")
        assert state is not None and (state.failures, state.retry_after) == (0, None)


def test_poll_slow_feed_times_out_while_the_others_are_read(site, db):
    publish(site, 1)
    site.set("/slow.xml", rss(site.base, []), content_type="application/rss+xml", delay=2.0)
    options = _options(site, "/slow.xml", "/feed.xml")
    with Store(db) as store, _fetcher(options, timeout=0.5) as fetcher:
        report = poll(store, options, fetcher)
    slow, good = report.feeds
    assert slow.status == "failed" and "timed out" in (slow.error or "")
    assert good.status == "new" and len(good.added) == 1


def test_poll_refuses_a_redirect_from_an_article_to_a_private_address(site, db):
    """Links inside a feed are held to the public-address rule: the operator allowed the
    feed's own host (127.0.0.1:PORT), not a second loopback server behind a redirect."""
    with Site() as secret:
        secret.set("/secret", article_html("Secret", "2026-01-01", ["internal only " * 30]))
        title, date, paragraphs = STORIES[0]
        site.set("/news/1.html", article_html(title, date, paragraphs))
        site.set("/news/2.html", "", status=302, headers={"Location": secret.base + "/secret"})
        site.set("/news/3.html", "", status=302, headers={"Location": "http://10.0.0.7/admin"})
        site.set(
            "/feed.xml",
            rss(
                site.base,
                [
                    ("/news/1.html", title, date),
                    ("/news/2.html", "moved", date),
                    ("/news/3.html", "moved too", date),
                ],
            ),
            content_type="application/rss+xml",
        )
        options = _options(site)
        with Store(db) as store, _fetcher(options) as fetcher:
            report = poll(store, options, fetcher)
            items = {i.link.rsplit("/", 1)[-1]: i for i in report.feeds[0].items if i.link}
            assert items["1.html"].status == "added"
            for name in ("2.html", "3.html"):
                assert items[name].status == "failed"
                assert "non-public address" in (items[name].error or "")
            assert secret.hits == []  # never connected
            assert store.count() == 1


def test_poll_discovered_links_need_the_operator_to_allow_their_host(site, db):
    publish(site, 1)
    options = _options(site)
    options.allow_hosts = []  # the typed feed URL is trusted; its links are not
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher)
    assert report.feeds[0].status == "unchanged"
    assert report.feeds[0].items[0].status == "failed"
    assert "--allow-host" in (report.feeds[0].items[0].error or "")


def test_poll_honours_robots_txt_for_article_pages_unless_turned_off(site, db):
    title, date, paragraphs = STORIES[0]
    site.set("/private/1.html", article_html(title, date, paragraphs))
    site.set(
        "/feed.xml",
        rss(site.base, [("/private/1.html", title, date)]),
        content_type="application/rss+xml",
    )
    options = _options(site)
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher)
        assert report.feeds[0].items[0].status == "skipped"
        assert "robots.txt" in (report.feeds[0].items[0].error or "")
        assert site.requests("/private/1.html") == []
    options.robots = False
    with Store(db + "2") as store, _fetcher(options) as fetcher:
        assert len(poll(store, options, fetcher).added) == 1


def test_poll_retries_a_failed_item_on_the_next_poll(site, db):
    publish(site, 2)
    site.set("/news/2.html", "busy", status=503)
    options = _options(site)
    with Store(db) as store, _fetcher(options) as fetcher:
        first = poll(store, options, fetcher)
        assert len(first.added) == 1 and len(first.feeds[0].failed) == 1
        publish(site, 2)  # the page is back; the feed itself answers 304
        second = poll(store, options, fetcher)
        assert second.feeds[0].status == "not-modified"
        assert [i.title for i in second.feeds[0].items if i.status == "added"] == [STORIES[1][0]]


def test_poll_reads_sitemaps_and_url_lists(site, db):
    publish(site, 3)
    sitemap = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{site.base}/news/1.html</loc><lastmod>2026-03-02</lastmod></url>"
        f"<url><loc>{site.base}/news/2.html</loc><lastmod>2026-04-14</lastmod></url>"
        "</urlset>"
    )
    site.set("/sitemap.xml", sitemap, content_type="application/xml")
    site.set("/list.txt", f"# reading list\n{site.base}/news/3.html\n", content_type="text/plain")
    options = _options(site, "/sitemap.xml", "/list.txt")
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher)
    assert [(f.kind, len(f.added)) for f in report.feeds] == [("sitemap", 2), ("urls", 1)]


def test_poll_truncated_feed_keeps_no_validators_so_the_rest_comes_next_time(site, db):
    publish(site, 4)
    options = _options(site, max_items=3)
    with Store(db) as store, _fetcher(options) as fetcher:
        assert len(poll(store, options, fetcher).added) == 3
        state = state_db.feed(store, site.base + "/feed.xml")
        assert state is not None and state.etag is None
        assert len(poll(store, options, fetcher).added) == 1


def test_poll_duplicate_articles_in_two_feeds_are_stored_once(site, db):
    publish(site, 2)
    publish(site, 2, feed_path="/mirror.xml")
    options = _options(site, "/feed.xml", "/mirror.xml")
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher)
        assert store.count() == 2
    first, mirror = report.feeds
    # each page is stored once, by whichever feed reached it first; the other records it
    assert len(first.added) + len(mirror.added) == 2
    statuses = sorted(i.status for f in (first, mirror) for i in f.items)
    assert statuses == ["added", "added", "unchanged", "unchanged"]


def test_poll_follows_a_sitemap_index_and_a_plain_page_once(site, db):
    publish(site, 3)
    child = (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{site.base}/news/2.html</loc></url></urlset>"
    )
    index = (
        "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<sitemap><loc>{site.base}/sitemap-1.xml</loc></sitemap></sitemapindex>"
    )
    site.set("/sitemap-1.xml", child, content_type="application/xml")
    site.set("/sitemap.xml", index, content_type="application/xml")
    options = _options(site, "/sitemap.xml", "/news/3.html")
    with Store(db) as store, _fetcher(options) as fetcher:
        report = poll(store, options, fetcher)
        assert [(f.kind, len(f.added)) for f in report.feeds] == [("sitemap", 1), ("page", 1)]
        again = poll(store, options, fetcher)
        assert again.added == [] and store.count() == 2
    assert len(site.requests("/news/3.html")) == 2  # the page is read each poll, stored once


def test_poll_oversized_feed_is_a_reported_failure(site, db):
    site.set("/huge.xml", b"<rss>" + b" " * 20_000, content_type="application/rss+xml")
    options = _options(site, "/huge.xml")
    with Store(db) as store, _fetcher(options, max_bytes=10_000) as fetcher:
        report = poll(store, options, fetcher)
    assert report.feeds[0].status == "failed" and "larger than" in (report.feeds[0].error or "")
