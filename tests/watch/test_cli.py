"""`storyline watch --once` end to end: a growing local feed, the update brief, the webhook."""

from __future__ import annotations

import json
import re
from pathlib import Path

from feedsite import STORIES, Site, publish
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store

runner = CliRunner()


def _watch(site: Site, db: str, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app,
        ["watch", site.base + "/feed.xml", "--db", db, "--once", "--allow-host", site.host, *extra],
    )
    return result.exit_code, result.stdout, result.stderr


def test_cli_watch_once_twice_ingests_only_new_items_and_briefs_what_is_new(
    site, db, tmp_path: Path
):
    out = tmp_path / "updates"
    with Site() as hook:
        hook.set("/hook", "", status=204)
        publish(site, 2)
        code, stdout, stderr = _watch(site, db, "--out", str(out), "--notify", hook.base + "/hook")
        assert code == 0, stderr
        assert len(stdout.strip().splitlines()) == 1  # one line per story that changed
        # the label is the story's (the feed's title where stories are not available)
        assert re.match(r"updated  \S.*  \+2 new: ", stdout), stdout
        assert "2 new documents, 1 stories changed, 0 failed" in stderr

        publish(site, 4)
        code, stdout, stderr = _watch(site, db, "--out", str(out), "--notify", hook.base + "/hook")
        assert code == 0, stderr
        assert "+2 new (2 earlier)" in stdout
        assert STORIES[2][0] in stdout and STORIES[0][0] not in stdout
        with Store(db) as store:
            assert store.count() == 4
        assert all(len(site.requests(f"/news/{n}.html")) == 1 for n in (1, 2, 3, 4))

        # the update brief says what is new: only the new articles' sentences, since the day after the
        # known publication date
        polls = sorted(p for p in out.iterdir() if p.is_dir())
        assert len(polls) == 2
        update = json.loads(next(polls[1].glob("*.json")).read_text(encoding="utf-8"))
        assert [d["title"] for d in update["new_documents"]] == [STORIES[2][0], STORIES[3][0]]
        assert update["since"] == "2026-04-15" and update["context_documents"] == 2
        new_ids = {d["id"] for d in update["new_documents"]}
        summary = update["brief"]["summary"]
        assert summary and all(c["document"] in new_ids for s in summary for c in s["citations"])
        markdown = next(polls[1].glob("*.md")).read_text(encoding="utf-8")
        assert "New in" in markdown and STORIES[3][0] in markdown and "new since" in markdown
        assert (
            next(polls[1].glob("*.html"))
            .read_text(encoding="utf-8")
            .lower()
            .startswith("<!doctype")
        )

        # the webhook got each update as JSON
        assert [p for p, _ in hook.posts] == ["/hook", "/hook"]
        sent = json.loads(hook.posts[1][1])
        assert sent["event"] == "storyline.story.updated"
        assert [d["title"] for d in sent["new_documents"]] == [STORIES[2][0], STORIES[3][0]]

        # nothing new: no story line, exit 0
        code, stdout, stderr = _watch(site, db, "--no-briefs")
        assert code == 0 and stdout == "" and "0 new documents" in stderr


def test_cli_watch_reports_a_failing_feed_and_a_failing_webhook(site, db):
    publish(site, 1)
    site.set("/broken.xml", "<rss><channel><item>", content_type="application/rss+xml")
    result = runner.invoke(
        app,
        [
            "watch",
            site.base + "/broken.xml",
            site.base + "/feed.xml",
            "--db",
            db,
            "--once",
            "--no-briefs",
            "--allow-host",
            site.host,
            "--notify",
            site.base + "/no-such-hook",
        ],
    )
    assert result.exit_code == 2  # some followed URL failed; the others were polled
    assert "+1 new" in result.stdout
    assert "failed   " in result.stderr and "malformed XML" in result.stderr
    assert "webhook answered HTTP 404" in result.stderr


def test_cli_watch_config_file_and_bad_input(site, db, tmp_path: Path):
    publish(site, 1)
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[watch]\nallow_hosts = ["{site.host}"]\nbriefs = false\n\n'
        f'[[feed]]\nurl = "{site.base}/feed.xml"\nname = "Wrenfield Gazette"\ntags = ["ferry"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["watch", "--config", str(config), "--db", db, "--once"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("updated  ") and "+1 new" in result.stdout

    result = runner.invoke(app, ["watch", "--db", db, "--once"])
    assert result.exit_code == 1 and "nothing to watch" in result.stderr
    result = runner.invoke(app, ["watch", "file:///etc/passwd", "--db", db, "--once"])
    assert result.exit_code == 1 and "not an http(s) URL" in result.stderr
    result = runner.invoke(app, ["watch", site.base + "/feed.xml", "--every", "soon", "--db", db])
    assert result.exit_code == 1 and "interval" in result.stderr


def test_cli_watch_escapes_control_characters_from_feeds(site, db):
    from feedsite import article_html, rss

    title, date, paragraphs = STORIES[0]
    site.set("/news/1.html", article_html(title, date, paragraphs))
    site.set(
        "/feed.xml",
        rss(
            site.base,
            [("/news/1.html", "Evil\nupdated  forged line \u202ered", date)],
            "Feed\u2028two",
        ),
        content_type="application/rss+xml",
    )
    code, stdout, stderr = _watch(site, db, "--no-briefs")
    assert code == 0, stderr
    assert len(stdout.splitlines()) == 1 and "\u202e" not in stdout


def test_cli_watch_once_on_postgresql_keeps_its_state_there(site, pg_server):
    """The same watch on a PostgreSQL store: feed state, items and stories live there."""
    from pg_server import new_database

    from storyline.store import open_store

    url = new_database(pg_server)
    publish(site, 2)
    code, stdout, stderr = _watch(site, url, "--no-briefs")
    assert code == 0, stderr
    assert "2 new documents, 1 stories changed, 0 failed" in stderr
    publish(site, 3)
    code, stdout, stderr = _watch(site, url, "--no-briefs")
    assert code == 0, stderr
    assert "1 new documents" in stderr and STORIES[2][0] in stdout
    with open_store(url) as store:
        assert store.count() == 3
    assert all(len(site.requests(f"/news/{n}.html")) == 1 for n in (1, 2, 3))
