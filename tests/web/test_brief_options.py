"""The web brief and /api/brief take since, focus, words and all, and hand them
to the brief builder as settings; a malformed date is a 400 naming it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_samples import hand_builder


def _recording(make_app):
    seen = []

    def builder(store, ids, query, settings, check=None):
        seen.append(settings)
        return hand_builder(store, ids, query, settings, check)

    app = make_app(token="")
    app.state.storyline.briefs.builder = builder
    return app, seen


def test_api_brief_passes_since_focus_words_and_all(make_app) -> None:
    app, seen = _recording(make_app)
    with TestClient(app) as client:
        r = client.get("/api/brief?since=2024-05&focus=costs&words=80&all=1")
        assert r.status_code == 200, r.text
        plain = client.get("/api/brief")
        assert plain.status_code == 200
    assert (seen[0].since, seen[0].focus, seen[0].summary_words, seen[0].full) == (
        "2024-05",
        "costs",
        80,
        True,
    )
    # other options are another brief, not the cached one
    assert len(seen) == 2 and seen[1].since is None and seen[1].full is False


def test_brief_page_passes_options(make_app) -> None:
    app, seen = _recording(make_app)
    with TestClient(app) as client:
        r = client.get("/brief?since=2024&words=120")
        assert r.status_code == 200, r.text
    assert seen[0].since == "2024" and seen[0].summary_words == 120


def test_malformed_since_is_a_400_naming_it(make_app) -> None:
    app, seen = _recording(make_app)
    with TestClient(app) as client:
        for path in ("/api/brief?since=2024-13-45", "/brief?since=2024-13-45"):
            r = client.get(path)
            assert r.status_code == 400
            assert "2024-13-45" in r.text
        assert client.get("/api/brief?words=0").status_code == 400
    assert seen == []
