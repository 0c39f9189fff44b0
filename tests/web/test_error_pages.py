"""A browser gets an HTML page for every error; the API keeps FastAPI's JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("path", "status", "heading", "words"),
    [
        ("/stories?min_docs=0", 400, "400: bad request", "min_docs"),  # was raw JSON 422
        ("/search?limit=many", 400, "400: bad request", "limit"),
        ("/no-such-page", 404, "404: not found", "no such page"),  # was {"detail": ...}
        ("/documents/nope", 404, "404: not found", "nope"),  # was "something went wrong"
    ],
)
def test_web_errors_on_pages_are_pages(make_app, path, status, heading, words) -> None:
    response = TestClient(make_app()).get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert heading in response.text and words in response.text
    assert "something went wrong" not in response.text


def test_web_wrong_method_on_a_page_keeps_allow_header(make_app) -> None:
    response = TestClient(make_app()).put("/stories")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert "405: method not allowed" in response.text


@pytest.mark.parametrize(
    ("path", "status"), [("/api/stories?min_docs=0", 422), ("/api/no-such-thing", 404)]
)
def test_web_api_errors_stay_json(make_app, path, status) -> None:
    response = TestClient(make_app()).get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()


def test_web_api_add_says_a_json_body_is_not_read(make_app) -> None:
    # a JSON body was ignored and answered "give a file, some text or a URL"
    client = TestClient(make_app(token=""))
    response = client.post("/api/documents", json={"text": "Acme hired 200 people in Leeds."})
    assert response.status_code == 415
    assert "not a JSON body" in response.json()["error"]
