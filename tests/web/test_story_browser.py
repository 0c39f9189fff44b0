"""Stories end to end in headless Chromium: the stories list, one story, its brief.

Uses the demo server and browser of test_browser.py (a real uvicorn server over
the demo corpus and a hostile article, stored without clustering: the first
stories request clusters them). Skipped where Chromium or Playwright is missing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from test_browser import ARGS, CHROMIUM, browser, server  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
_ = ARGS


@pytest.fixture()
def page(browser, server: str):  # noqa: F811
    """A page that records dialogs, script errors and requests leaving the app."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)  # the first story brief is built with spaCy
    seen: dict[str, list[str]] = {"dialogs": [], "errors": [], "foreign": []}
    netloc = urlsplit(server).netloc

    def on_dialog(dialog) -> None:
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    def on_request(request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in {"data", "about"} and url.netloc != netloc:
            seen["foreign"].append(request.url)

    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.seen = seen  # type: ignore[attr-defined]
    yield page
    context.close()


def test_open_stories_follow_one_see_events_and_brief(page, server: str) -> None:  # noqa: F811
    page.goto(server)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Stories").click()
    page.wait_for_url(re.compile(r"/stories$"))
    items = page.locator("ol.stories > li")
    assert items.count() >= 1
    first = items.first
    assert first.locator("svg.activity rect").count() >= 1  # the activity chart is drawn
    assert re.search(r"\d+ documents? · \d+ outlets?", first.inner_text())
    label = first.locator("a.story-link").inner_text()
    first.locator("a.story-link").click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    assert page.locator("h1").inner_text() == label
    events = page.locator("ol.story-events > li")
    assert events.count() >= 2  # the demo story runs over two years of events
    assert page.locator("#events svg a.mark").count() == events.count()
    page.locator("#events svg a.mark").first.click()
    assert page.evaluate("location.hash") == "#story-event-1"
    # The brief: built for real, its citations preview their passages like the brief page.
    brief = page.locator("#story-brief")
    assert brief.locator("ul.narrative li, ol.summary li").count() >= 1
    cite = brief.locator("a.cite").first
    cite.hover()
    preview = page.locator("#preview")
    preview.wait_for(state="visible")
    assert preview.locator("mark").inner_text().strip()
    assert page.locator("#documents ol.sources > li").count() >= 5
    brief.get_by_role("link", name="The full brief").click()
    page.wait_for_url(re.compile(r"/brief\?ids="))
    assert page.locator("#summary").is_visible()
    assert page.seen == {"dialogs": [], "errors": [], "foreign": []}  # type: ignore[attr-defined]


def test_newest_first_order_and_hostile_text_inert(page, server: str) -> None:  # noqa: F811
    page.goto(f"{server}/stories")
    page.get_by_role("link", name="newest first").click()
    page.wait_for_url(re.compile(r"sort=newest"))
    assert page.locator('strong[aria-current="true"]').inner_text() == "newest first"
    for link in page.locator("a.story-link").all():
        link.click()
        page.wait_for_url(re.compile(r"/stories/s"))
        page.go_back()
    assert page.seen["dialogs"] == [] and page.seen["errors"] == []  # type: ignore[attr-defined]


def test_phone_sized_story_pages_have_no_sideways_scroll(browser, server: str) -> None:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server}/stories")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.locator("svg.activity").first.is_visible()
    page.locator("a.story-link").first.click()
    page.wait_for_url(re.compile(r"/stories/s"))
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.locator("#events figure.chart svg").is_visible()
    context.close()
