"""The watch pages in headless Chromium: a real watch run over a live local feed, then the app.

Skipped where /usr/bin/chromium or Playwright is missing; never downloads a browser.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from feedsite import STORIES, Site, publish

from storyline.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.watch.config import Target, WatchOptions
    from storyline.watch.loop import run
    from storyline.web import create_app

    db = str(tmp_path_factory.mktemp("watch-browser") / "watch.db")
    with Site() as site:
        site.set("/robots.txt", "User-agent: *\n", content_type="text/plain")
        options = WatchOptions(
            targets=[
                Target(site.base + "/feed.xml", "Wrenfield Gazette"),
                Target(site.base + "/down.xml", "Down feed"),
            ],
            allow_hosts=[site.host],
        )
        settings = Settings(db=db, allow_private_urls=True)
        publish(site, 2)
        run(options, settings, once=True)
        publish(site, 4)
        run(options, settings, once=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(Settings(db=db), token=""), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive()
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(app_url: str):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        problems: list[str] = []
        netloc = urlsplit(app_url).netloc
        page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on(
            "request",
            lambda r: None if urlsplit(r.url).netloc in {netloc, ""} else problems.append(r.url),
        )
        page.problems = problems  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_browser_whats_new_shows_updates_and_leads_to_the_new_documents(page, app_url: str):
    page.goto(f"{app_url}/whats-new")
    sections = page.locator("section.update")
    assert sections.count() >= 2  # one per story per poll
    text = page.locator("main").inner_text()
    assert text.index(STORIES[3][0]) < text.index(STORIES[0][0])  # the newest poll comes first
    assert page.locator("ul.new-documents li").count() == 4  # each new document once
    assert page.locator("ul.summary li").count() >= 2  # the update briefs
    assert "new since 2026-04-15" in text  # the second poll's brief is about what is new

    page.fill("#since", "2999-01-01")
    page.keyboard.press("Enter")
    page.wait_for_url("**/whats-new?since=2999-01-01")
    assert page.locator("section.update").count() == 0

    page.go_back()
    page.locator("ul.new-documents a", has_text=STORIES[2][0]).first.click()
    page.wait_for_url("**/documents/**")
    assert "Nordvik Lines" in page.locator("article").inner_text()

    page.goto(f"{app_url}/feeds")
    rows = page.locator("table.feeds tbody tr")
    assert rows.count() == 2
    assert "failing" in rows.first.inner_text() and "HTTP 404" in rows.first.inner_text()
    assert "ok" in rows.nth(1).inner_text()
    assert page.problems == []  # type: ignore[attr-defined]
