"""Fixtures for the web tests: a temp store of hand-written articles and a hand-built brief."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_samples import ARTICLES, hand_builder, make_document

from storyline.config import Settings
from storyline.model import Document


@pytest.fixture()
def documents() -> list[Document]:
    return [
        make_document(a["text"], f"test:{i}", **{k: v for k, v in a.items() if k != "text"})
        for i, a in enumerate(ARTICLES)
    ]


@pytest.fixture()
def store_path(tmp_path: Path, documents: list[Document]) -> Path:
    from storyline.store import Store

    path = tmp_path / "web.db"
    with Store(path) as store:
        for doc in documents:
            store.add(doc)
    return path


@pytest.fixture()
def make_app(store_path: Path):
    """create_app over the temp store, with the hand-built brief unless real=True."""
    from storyline.web import create_app

    def make(real: bool = False, **kwargs: object):
        # TestClient sends Host: testserver; a real server answers loopback names only
        settings = Settings(db=str(store_path), allowed_hosts="testserver")
        app = create_app(settings, **kwargs)  # type: ignore[arg-type]
        if not real:
            app.state.storyline.briefs.builder = hand_builder
        return app

    return make


@pytest.fixture()
def client(make_app):
    from fastapi.testclient import TestClient

    with TestClient(make_app(token="")) as c:
        yield c
