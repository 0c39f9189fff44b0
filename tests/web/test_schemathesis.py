"""schemathesis against the app's own OpenAPI document: no generated request gets a 5xx.

A bounded number of examples per operation keeps this to seconds. The hand-built
brief stands in for the spaCy one (web_samples.hand_builder), so briefs are fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from web_samples import ARTICLES, hand_builder, make_document

from storyline.config import Settings
from storyline.web import create_app


def _app(tmp: Path):
    from storyline.store import Store

    db = tmp / "schema.db"
    with Store(db) as store:
        for i, a in enumerate(ARTICLES):
            store.add(
                make_document(a["text"], f"test:{i}", **{k: v for k, v in a.items() if k != "text"})
            )
    app = create_app(Settings(db=str(db), allowed_hosts="testserver,localhost"), token="")
    app.state.storyline.briefs.builder = hand_builder
    return app


import tempfile  # noqa: E402

_TMP = Path(tempfile.mkdtemp(prefix="storyline-schemathesis-"))
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(_TMP))


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_gets_a_server_error(case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    assert "content-security-policy" in {k.lower() for k in response.headers}


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    import shutil

    shutil.rmtree(_TMP, ignore_errors=True)
