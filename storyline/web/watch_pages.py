"""Web pages for watch mode: "What's new" (stories that changed, with their update briefs)
and the followed feeds with their health, each with a JSON twin under /api.

Read-only views over what `storyline watch` keeps in the store
(`storyline.store.feeds`); included by `app.py` with one `include_router` line.
The updates' briefs are shown from their stored JSON, so the page costs no
analysis. Article-supplied text is escaped by the templates like every page.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..store import feeds as state_db

router = APIRouter()
_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
)
_env.filters["http_url"] = lambda v: (
    v if v and str(v).lower().startswith(("http://", "https://")) else None
)
_RELATIVE = re.compile(r"^\s*(\d{1,4})\s*([hdw])\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$")
DEFAULT_SINCE = "7d"
MAX_UPDATES = 100


def parse_since(value: str | None, now: datetime | None = None) -> str:
    """An ISO UTC time from "24h", "7d", "2w", "2026-11-01" or "2026-11-01T08:00" (ValueError else)."""
    value = (value or DEFAULT_SINCE).strip()
    now = now or datetime.now(UTC)
    m = _RELATIVE.match(value)
    if m:
        amount, unit = int(m.group(1)), m.group(2)
        delta = {
            "h": timedelta(hours=amount),
            "d": timedelta(days=amount),
            "w": timedelta(weeks=amount),
        }[unit]
        return (now - delta).isoformat(timespec="seconds")
    if len(value) <= 40 and _DATE.match(value):
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return when.astimezone(UTC).isoformat(timespec="seconds")
    raise ValueError("since must be like 24h, 7d, 2w, 2026-11-01 or 2026-11-01T08:00")


def _since(value: str | None) -> str:
    """`parse_since`, with a bad value answered as 400 by the app's error handler."""
    try:
        return parse_since(value)
    except ValueError as exc:
        from .app import WebError  # imported late: app.py includes this module

        raise WebError(400, str(exc)) from exc


def _updates(request: Request, since: str, limit: int) -> list[dict[str, Any]]:
    with request.app.state.storyline.store() as store:
        found = state_db.updates(store, since=since, limit=limit)
    out = []
    for update in found:
        payload = update.brief or {}
        brief = payload.get("brief") or None
        out.append(
            {
                "poll": update.poll,
                "story": {"id": update.story, "label": update.label},
                "new_documents": payload.get("new_documents")
                or [{"id": i, "title": None} for i in update.documents],
                "context_documents": payload.get("context_documents", 0),
                "since": payload.get("since"),
                "summary": (brief or {}).get("summary", []),
                "brief_title": (brief or {}).get("title"),
                "note": update.note,
            }
        )
    return out


def _feeds(request: Request) -> list[dict[str, Any]]:
    with request.app.state.storyline.store() as store:
        states = state_db.feeds(store)
    rows = []
    for state in states:
        row = dataclasses.asdict(state)
        if state.failures:
            row["health"] = f"failing ({state.failures} in a row)"
        elif state.last_ok:
            row["health"] = "ok"
        else:
            row["health"] = "not polled yet"
        rows.append(row)
    return rows


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(request=request, **context))


@router.get("/whats-new", response_class=HTMLResponse, include_in_schema=False)
def whats_new_page(
    request: Request, since: str | None = None, limit: int = Query(50, ge=1, le=MAX_UPDATES)
) -> HTMLResponse:
    after = _since(since)
    return _page(
        request,
        "whats_new.html",
        title="What's new",
        since=since or DEFAULT_SINCE,
        after=after,
        updates=_updates(request, after, limit),
    )


@router.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
def feeds_page(request: Request) -> HTMLResponse:
    return _page(request, "feeds.html", title="Followed feeds", feeds=_feeds(request))


@router.get("/api/whats-new", tags=["watch"])
def api_whats_new(
    request: Request,
    since: str | None = Query(None, description="24h, 7d, 2w or an ISO date/time (default 7d)"),
    limit: int = Query(50, ge=1, le=MAX_UPDATES),
) -> dict[str, Any]:
    """Stories that changed since a time, newest first, with their new documents and update brief."""
    after = _since(since)
    return {"since": after, "updates": _updates(request, after, limit)}


@router.get("/api/feeds", tags=["watch"])
def api_feeds(request: Request) -> dict[str, Any]:
    """The followed feeds with their health: last poll, last success, failures, back-off."""
    return {"feeds": _feeds(request)}
