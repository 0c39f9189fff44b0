"""End to end in headless Chromium (Debian's package, driven by Playwright).

A real server on a free loopback port, over a temp store holding the demo
corpus and a hostile article. Skipped where /usr/bin/chromium or Playwright
is missing (CI installs both); never downloads a browser.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from web_samples import ARTICLES, HOSTILE, make_document

from storyline.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "storyline" / "demo"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api")

# A hostile HTML page to upload through the form: everything in it must stay inert.
HOSTILE_HTML = b"""<!doctype html><html><head><title>Pier &lt;script&gt; report</title>
<script>alert('head')</script></head><body><article>
<h1>Pier repairs <script>alert('h1')</script> finished</h1>
<p>The pier reopened on Friday after repairs costing \xc2\xa3300,000, the harbour trust said.
<img src="http://203.0.113.9/track.gif" onerror="alert('img')"></p>
<p>"It looks better than ever," said <a href="javascript:alert('a')">Tom Hale</a>, the trust chair.
&lt;script&gt;alert('escaped')&lt;/script&gt; <svg onload="alert('svg')"></svg></p>
<iframe src="https://evil.example/"></iframe></article></body></html>"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.ingest import read
    from storyline.model import Document
    from storyline.store import Store
    from storyline.web import create_app

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    with Store(db) as store:
        for doc in read([str(DEMO)]):
            assert isinstance(doc, Document), doc
            store.add(doc)
        hostile = make_document(
            HOSTILE, "hostile.txt", **{k: v for k, v in ARTICLES[2].items() if k != "text"}
        )
        store.add(hostile)
    port = _free_port()
    app = create_app(Settings(db=str(db)), token="")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    # Build the demo brief once (spaCy + analysis), so each test fails fast if it breaks.
    warm = httpx.get(f"{base}/brief", timeout=300)
    assert warm.status_code == 200, warm.text[:1000]
    yield base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """Records dialogs, page errors and requests that leave the app's own paths."""

    def __init__(self, page, base: str) -> None:
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        netloc = urlsplit(base).netloc
        allowed = (
            "/",
            "/brief",
            "/search",
            "/documents",
            "/static/storyline.css",
            "/static/storyline.js",
        )

        def on_dialog(dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_request(request) -> None:
            url = urlsplit(request.url)
            if url.scheme in {"data", "about"}:
                return
            path_ok = url.path in allowed or url.path.startswith("/documents/")
            if url.netloc != netloc or not path_ok:
                self.foreign.append(request.url)

        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def assert_clean(self) -> None:
        assert self.dialogs == [] and self.foreign == [] and self.errors == []


@pytest.fixture()
def page(browser, server: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    watch = Watch(page, server)
    page.watch = watch  # type: ignore[attr-defined]
    yield page
    context.close()


def test_demo_brief_citation_leads_to_its_passage(page, server: str) -> None:
    page.goto(f"{server}/brief")
    assert page.locator("h1").first.inner_text().startswith("Brief")
    cite = page.locator("#summary a.cite").first
    cite.hover()
    preview = page.locator("#preview")
    preview.wait_for(state="visible")
    passage = preview.locator("mark").inner_text()
    assert passage.strip()
    cite.click()
    page.wait_for_url("**/documents/**#passage")
    marked = page.locator("mark#passage")
    assert marked.is_visible()
    assert " ".join(marked.inner_text().split()) in " ".join(passage.split())
    page.watch.assert_clean()


def test_keyboard_skip_link_and_citation_focus(page, server: str) -> None:
    page.goto(f"{server}/brief")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.locator("#summary a.cite").first.focus()
    assert page.locator("#preview").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#preview").is_hidden()
    page.watch.assert_clean()


def test_search_from_the_header(page, server: str) -> None:
    page.goto(server)
    page.fill("#site-q", "turbines")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=turbines$"))
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower().startswith("turbine")
    hits.first.locator("a").click()
    page.wait_for_url("**/documents/*")
    assert "turbine" in page.locator("article .text").inner_text().lower()
    page.watch.assert_clean()


def test_upload_an_article_with_script_payloads_runs_nothing(
    page, server: str, tmp_path: Path
) -> None:
    upload = tmp_path / "2025-02-03-pier.html"
    upload.write_bytes(HOSTILE_HTML)
    page.goto(server)
    page.set_input_files("#add-file", str(upload))
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+\?added=added$"))
    assert page.locator("p.notice").inner_text().startswith("Document added")
    assert "pier reopened" in page.locator("article .text").inner_text().lower()
    doc_id = urlsplit(page.url).path.rsplit("/", 1)[-1]
    page.goto(f"{server}/brief?ids={doc_id}", timeout=120_000)
    page.goto(f"{server}/search?q=pier")
    assert page.locator("ol.hits > li").count() >= 1
    page.watch.assert_clean()


def test_stored_script_payloads_run_nothing(page, server: str) -> None:
    page.goto(f"{server}/search?q=Reyes")
    link = page.locator("ol.hits a").first
    assert "Hostile" in link.inner_text()
    link.click()
    page.wait_for_url("**/documents/*")
    text = page.locator("article .text").inner_text()
    assert "<script>alert('xss')</script>" in text and "onerror" in text
    assert page.locator("article a[href^='javascript:']").count() == 0
    doc_id = urlsplit(page.url).path.rsplit("/", 1)[-1]
    page.goto(f"{server}/brief?ids={doc_id}", timeout=120_000)
    page.watch.assert_clean()


def test_phone_sized_brief_has_no_sideways_scroll(browser, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{server}/brief")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert page.locator("figure.chart svg").is_visible()
    for path in ["/", "/search?q=turbines"]:
        page.goto(f"{server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
    context.close()


def test_the_watch_would_see_a_payload_that_ran(page, server: str) -> None:
    """Control: without the app's escaping and CSP, the same payloads do fire and are caught."""
    page.set_content("<p>x</p><script>alert('ran')</script><img src='http://203.0.113.9/t.gif'>")
    assert page.watch.dialogs == ["ran"]
    assert any("203.0.113.9" in url for url in page.watch.foreign)


def test_demo_brief_tells_the_story_in_order(page, server: str) -> None:
    """Lede on top, What happened grouped by period with "date · source" on each
    line in date order, key players; every line cites a passage."""
    page.goto(f"{server}/brief")
    lede = page.locator("#lede")
    assert lede.locator("a.cite").count() >= 1
    assert lede.bounding_box()["y"] < page.locator("#summary").bounding_box()["y"]
    periods = page.locator("#summary h3.period").all_inner_texts()
    assert len(periods) >= 2 and periods == sorted(periods)
    whens = page.locator("#summary li .when").all_inner_texts()
    assert whens and all(re.match(r"^\d{4}(-\d{2}){0,2} · \S", w) for w in whens), whens
    dates = [w.split(" · ")[0] for w in whens]
    assert dates == sorted(dates)
    for item in page.locator("#summary li").all():
        assert item.locator("a.cite").count() >= 1
    assert page.locator("#players li").count() >= 1
    page.watch.assert_clean()  # type: ignore[attr-defined]


def test_capped_sections_link_to_the_full_brief(page, server: str) -> None:
    page.goto(f"{server}/brief")
    links = page.locator("p.more a")
    if links.count():
        href = links.first.get_attribute("href") or ""
        assert "all=1" in href
        page.goto(href if href.startswith("http") else f"{server}{href}")
        page.locator("#summary").wait_for()
        assert page.locator("p.more").count() == 0
    page.watch.assert_clean()  # type: ignore[attr-defined]
