"""The JSON API through the ASGI test client: reads, writes, limits, tokens, headers."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from storyline.ingest.fetch import FetchResult
from storyline.web import app as web_app
from storyline.web import security

ARTICLE = (
    "Quarry town opens new library\n\n"
    "The town of Fenwick opened its new library on Saturday, the mayor said. "
    "The building cost £2 million and holds 40,000 books.\n\n"
    '"Every child here deserves a place to read," said Priya Nair, the head librarian.'
)


def test_list_and_get_documents(client: TestClient, documents) -> None:
    listed = client.get("/api/documents").json()
    assert listed["count"] == 3
    assert {d["id"] for d in listed["documents"]} == {d.id for d in documents}
    doc = client.get(f"/api/documents/{documents[0].id}").json()
    assert doc["text"] == documents[0].text and doc["paragraphs"]


def test_unknown_document_is_404_json(client: TestClient) -> None:
    r = client.get("/api/documents/0000000000000000")
    assert r.status_code == 404 and "no document" in r.json()["error"]


def test_search(client: TestClient, documents) -> None:
    r = client.get("/api/search", params={"q": "accountant"})
    hits = r.json()["hits"]
    assert [h["document"]["id"] for h in hits] == [documents[1].id]
    assert "accountant" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": "zebra"}).json()["hits"] == []


def test_stats(client: TestClient) -> None:
    assert client.get("/api/stats").json()["documents"] == 3


def test_add_pasted_text_then_find_it(client: TestClient) -> None:
    r = client.post("/api/documents", data={"text": ARTICLE, "date": "2024-06-01"})
    assert r.status_code == 201, r.text
    (result,) = r.json()["results"]
    assert result["status"] == "added"
    assert result["document"]["published"] == "2024-06-01"
    assert client.get("/api/stats").json()["documents"] == 4
    assert (
        client.get("/api/search", params={"q": "librarian"}).json()["hits"][0]["document"]["id"]
        == result["id"]
    )
    again = client.post("/api/documents", data={"text": ARTICLE}).json()["results"][0]
    assert again["status"] in {"duplicate", "unchanged"}


def test_upload_file(client: TestClient) -> None:
    r = client.post(
        "/api/documents", files={"file": ("2024-06-01-library.txt", ARTICLE.encode(), "text/plain")}
    )
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["status"] == "added"


def test_upload_jsonl_adds_each_record(client: TestClient) -> None:
    records = [
        {
            "title": "Canal cleared",
            "published": "2024-07-01",
            "text": "Volunteers cleared the old canal on Sunday, the trust said.",
        },
        {
            "title": "Canal reopens",
            "published": "2024-08-01",
            "text": "Boats returned to the old canal on Friday, the trust said.",
        },
    ]
    data = "\n".join(json.dumps(r) for r in records).encode()
    r = client.post("/api/documents", files={"file": ("canal.jsonl", data, "application/x-ndjson")})
    assert r.status_code == 201, r.text
    results = r.json()["results"]
    assert [x["document"]["title"] for x in results] == ["Canal cleared", "Canal reopens"]
    assert [x["document"]["published"] for x in results] == ["2024-07-01", "2024-08-01"]


@pytest.mark.parametrize(
    ("name", "data", "ctype"),
    [
        ("tool.exe", b"MZ\x90\x00binary", "application/octet-stream"),
        ("paper.pdf", b"%PDF-1.7", "application/pdf"),
        ("sneaky.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "text/plain"),
    ],
)
def test_upload_refuses_other_types(client: TestClient, name: str, data: bytes, ctype: str) -> None:
    r = client.post("/api/documents", files={"file": (name, data, ctype)})
    assert r.status_code == 400
    assert "error" in r.json()


def test_upload_size_limit(make_app) -> None:
    with TestClient(make_app(token="", max_upload=2000)) as c:
        small = c.post("/api/documents", files={"file": ("a.txt", ARTICLE.encode(), "text/plain")})
        assert small.status_code == 201
        big = ("word " * 1000).encode()  # 5,000 bytes: over the file limit, under the body limit
        r = c.post("/api/documents", files={"file": ("b.txt", big, "text/plain")})
        assert r.status_code == 400 and "larger than 2000" in r.json()["error"]
        huge = b"x" * 200_000  # over limit + form overhead: refused before the body is read
        r = c.post("/api/documents", files={"file": ("c.txt", huge, "text/plain")})
        assert r.status_code == 413


def test_add_needs_some_input(client: TestClient) -> None:
    r = client.post("/api/documents", data={"text": "  "})
    assert r.status_code == 400


def test_url_fetch_refuses_loopback(client: TestClient) -> None:
    r = client.post("/api/documents", data={"url": "http://127.0.0.1:9/secret"})
    assert r.status_code == 400 and "non-public" in r.json()["error"]
    r = client.post("/api/documents", data={"url": "file:///etc/passwd"})
    assert r.status_code == 400 and "only http" in r.json()["error"]


def test_url_fetch_through_the_checked_fetcher(client: TestClient, monkeypatch) -> None:
    calls = []

    def fake_fetch(url, **kwargs):
        calls.append((url, kwargs["allow_private"]))
        return FetchResult(url, url, 200, {"content-type": "text/plain"}, ARTICLE.encode())

    monkeypatch.setattr(web_app, "fetch_url", fake_fetch)
    r = client.post("/api/documents", data={"url": "https://news.example/library"})
    assert r.status_code == 201, r.text
    assert calls == [("https://news.example/library", False)]
    assert r.json()["results"][0]["document"]["source"] == "https://news.example/library"


def test_token_required_for_writes(make_app) -> None:
    with TestClient(make_app(token="s3cret")) as c:
        assert c.post("/api/documents", data={"text": ARTICLE}).status_code == 401
        assert (
            c.post(
                "/api/documents", data={"text": ARTICLE}, headers={"Authorization": "Bearer nope"}
            ).status_code
            == 401
        )
        ok = c.post(
            "/api/documents", data={"text": ARTICLE}, headers={"Authorization": "Bearer s3cret"}
        )
        assert ok.status_code == 201
        form = c.post("/api/documents", data={"text": ARTICLE + " More.", "token": "s3cret"})
        assert form.status_code == 201
        assert c.get("/api/documents").status_code == 200  # reads stay open


def test_token_from_environment(make_app, monkeypatch) -> None:
    monkeypatch.setenv("STORYLINE_TOKEN", "from-env")
    with TestClient(make_app()) as c:
        assert c.post("/api/documents", data={"text": ARTICLE}).status_code == 401
        assert (
            c.post(
                "/api/documents",
                data={"text": ARTICLE},
                headers={"Authorization": "Bearer from-env"},
            ).status_code
            == 201
        )


def test_cross_site_post_refused(client: TestClient) -> None:
    r = client.post(
        "/api/documents", data={"text": ARTICLE}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403
    r = client.post(
        "/api/documents", data={"text": ARTICLE}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert r.status_code == 403
    assert client.get("/api/stats").json()["documents"] == 3


def test_security_headers_on_every_response(client: TestClient, documents) -> None:
    for path in [
        "/",
        "/api/documents",
        f"/documents/{documents[0].id}",
        "/static/storyline.css",
        "/nope",
    ]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == security.CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"


def test_brief_json_and_cache(make_app, documents) -> None:
    app = make_app(token="")
    with TestClient(app) as c:
        ids = ",".join(d.id for d in documents[:2])
        r = c.get("/api/brief", params={"ids": ids})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
        data = r.json()
        assert {d["id"] for d in data["documents"]} == {d.id for d in documents[:2]}
        assert data["summary"][0]["citations"][0]["document"] == documents[0].id
        # the same selection, spelled differently, is served from the cache
        c.get("/api/brief", params=[("ids", documents[1].id), ("ids", documents[0].id)])
        assert app.state.storyline.briefs.builds == 1
        md = c.get("/api/brief", params={"ids": ids, "format": "markdown"})
        assert (
            md.headers["content-type"].startswith("text/markdown") and "ferry terminal" in md.text
        )
        # a new document does not touch these documents: the cached brief still serves
        c.post("/api/documents", data={"text": ARTICLE})
        c.get("/api/brief", params={"ids": ids})
        assert app.state.storyline.briefs.builds == 1


def test_brief_by_query_and_errors(client: TestClient, documents) -> None:
    data = client.get("/api/brief", params={"q": "accountant"}).json()
    assert [d["id"] for d in data["documents"]] == [documents[1].id]
    assert data["query"] == "accountant"
    assert client.get("/api/brief", params={"q": "zebra"}).status_code == 404
    assert client.get("/api/brief", params={"ids": "0000000000000000"}).status_code == 404
    assert client.get("/api/brief", params={"format": "pdf"}).status_code == 422


def test_openapi_document(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in [
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/search",
        "/api/brief",
        "/api/stats",
    ]:
        assert path in paths
    assert "post" in paths["/api/documents"]
    body = paths["/api/documents"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body
    assert json.dumps(spec)  # serialisable
