"""HTML pages: content, escaping of hostile article text, accessibility landmarks."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from storyline.web import security


def _no_live_markup(html: str) -> None:
    """Nothing from the hostile article became markup: no script, handler or javascript: link."""
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script src="/static/storyline.js" defer>'], scripts
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.I)
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I)
    assert "<iframe" not in html and "<img" not in html


def test_index_lists_documents_with_forms(client: TestClient, documents) -> None:
    html = client.get("/").text
    for doc in documents[:2]:
        assert f'href="/documents/{doc.id}"' in html
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    assert 'enctype="multipart/form-data"' in html and 'name="url"' in html
    assert 'for="add-text"' in html and 'id="add-text"' in html  # inputs have labels
    assert 'name="token"' not in html  # no token configured
    _no_live_markup(html)


def test_index_asks_for_token_when_required(make_app) -> None:
    with TestClient(make_app(token="s3cret")) as c:
        assert 'name="token"' in c.get("/").text
        r = c.post("/documents", data={"text": "Some words here. More words there."})
        assert r.status_code == 401 and "token" in r.text


def test_document_page_escapes_hostile_text(client: TestClient, documents) -> None:
    bad = documents[2]
    html = client.get(f"/documents/{bad.id}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Hostile&lt;/b&gt; page" in html
    assert "javascript:alert" in html  # shown as text...
    _no_live_markup(html)  # ...never as a link


def test_document_page_highlights_the_passage(client: TestClient, documents) -> None:
    doc = documents[1]
    start = doc.text.index("The numbers do not add up")
    end = start + len("The numbers do not add up")
    html = client.get(f"/documents/{doc.id}", params={"start": start, "end": end}).text
    assert '<mark id="passage" tabindex="-1">The numbers do not add up</mark>' in html


def test_highlight_across_paragraphs_marks_each_part(client: TestClient, documents) -> None:
    doc = documents[0]
    start, end = doc.text.index("£42 million"), doc.text.index("Ana Ortiz") + 3
    html = client.get(f"/documents/{doc.id}", params={"start": start, "end": end}).text
    assert html.count("<mark") == 2 and html.count('id="passage"') == 1


def test_search_page_marks_matches_safely(client: TestClient, documents) -> None:
    html = client.get("/search", params={"q": "alert"}).text
    assert f'href="/documents/{documents[2].id}"' in html
    assert "<mark>alert</mark>" in html
    _no_live_markup(html)
    empty = client.get("/search", params={"q": "zebra"}).text
    assert "0 results" in empty


def test_search_page_escapes_the_query(client: TestClient) -> None:
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _no_live_markup(html)


def test_brief_page_sections_and_citations(client: TestClient, documents) -> None:
    a, b = documents[0], documents[1]
    html = client.get("/brief", params={"ids": f"{a.id},{b.id}"}).text
    for section in [
        "summary",
        "timeline",
        "quotes",
        "figures",
        "entities",
        "divergences",
        "sources",
    ]:
        assert f'<section id="{section}"' in html, section
    # every summary sentence links to its passage in its article, and the passage is in the page
    start = a.text.index("The Bayside ferry terminal was approved")
    assert f'href="/documents/{a.id}?start={start}&amp;end=' in html
    assert 'data-passage="passage-1"' in html and 'id="passage-1"' in html
    assert (
        "<mark>The Bayside ferry terminal was approved by the harbour council on Monday.</mark>"
        in html
    )
    # the timeline is an SVG chart plus a list; a planned event is marked as such
    assert '<svg viewBox="0 0 720' in html and 'role="img"' in html
    assert 'class="mark future"' in html and '<span class="badge">planned</span>' in html
    # quotes grouped by speaker with role and organisation; a figures table
    assert "<h3>Ana Ortiz</h3>" in html and '<p class="role">mayor, Bayside</p>' in html
    assert '<td class="figure">£42 million</td>' in html


def test_brief_page_escapes_hostile_brief_content(client: TestClient) -> None:
    html = client.get("/brief").text  # all three documents, the hostile one included
    assert "&lt;script&gt;alert(&#39;speaker&#39;)&lt;/script&gt;" in html
    assert "Hostile &lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;" in html
    _no_live_markup(html)


def test_brief_page_errors_are_pages(client: TestClient) -> None:
    r = client.get("/brief", params={"q": "zebra"})
    assert r.status_code == 404 and 'role="alert"' in r.text
    assert r.headers["content-security-policy"] == security.CSP


def test_add_by_form_redirects_to_the_document(client: TestClient) -> None:
    text = (
        "Lighthouse reopens\n\nThe old lighthouse reopened to visitors on Sunday, the trust said."
    )
    r = client.post("/documents", data={"text": text}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert "Document added." in page.text and "lighthouse reopened" in page.text


def test_static_script_has_no_html_sinks() -> None:
    from storyline.web.app import HERE

    js = (HERE / "static" / "storyline.js").read_text()
    assert "innerHTML" not in js and "eval(" not in js and "document.write" not in js
    for template in (HERE / "templates").glob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and " on" + "click=" not in text and "style=" not in text, (
            template.name
        )
