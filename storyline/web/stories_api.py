"""The stories JSON API: `/api/stories` (most active first) and `/api/stories/{id}`.

Read-only views over the stories the store keeps (`storyline.clustering`):
documents not yet clustered are clustered by `storyline ingest` or
`storyline stories`, not by a GET. Included by `app.py` with one
`include_router` line. The HTML stories pages are not built yet.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..clustering import get_story, list_stories
from ..errors import StoreError
from ..store import Store

router = APIRouter()


def _sqlite(store: Any) -> Store:
    if not isinstance(store, Store):
        raise HTTPException(501, "stories are kept in the SQLite store only, for now")
    return store


@router.get("/api/stories", tags=["stories"])
def api_stories(
    request: Request,
    since: str | None = Query(None, description="stories with a document on or after this date"),
    q: str | None = Query(None, description="stories holding a document that matches this search"),
    min_docs: int = Query(1, ge=1, description="stories with at least this many documents"),
    limit: int = Query(100, ge=1, le=1000),
) -> dict[str, Any]:
    """Stories, most active first, each with its events and activity per day or week."""
    with request.app.state.storyline.store() as store:
        found = list_stories(_sqlite(store), since=since, query=q, min_docs=min_docs, limit=limit)
    return {"count": len(found), "stories": [dataclasses.asdict(s) for s in found]}


@router.get("/api/stories/{story_id}", tags=["stories"])
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    """One story (an id merged into another story resolves to it)."""
    with request.app.state.storyline.store() as store:
        try:
            return dataclasses.asdict(get_story(_sqlite(store), story_id))
        except StoreError as exc:
            if "no such story" in str(exc) or "no documents left" in str(exc):
                raise HTTPException(404, str(exc)) from exc
            raise
