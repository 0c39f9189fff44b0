"""Web pages for stories: the list of stories (each with an activity chart), one
story (its events on a timeline, its documents and its brief), and their JSON twins.

Read-only views over `storyline.clustering`; included by `app.py` with one
`include_router` line. Documents added since the last clustering are put in
their stories first (one clustering run at a time, on the app's writer store).
The story brief goes through the app's bounded `BriefCache` over at most
`STORY_BRIEF_DOCS` of the story's documents spread over its dates, so a story
page costs what a brief page costs and the "full brief" link hits the cache.
Charts are SVG drawn on the server: the CSP allows no inline script.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, cast

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..clustering.listing import outlets_text, period
from ..errors import StoreError, StorylineError
from ..model import DocumentRef, Story
from ..renderers.web import brief_helpers
from ..store import Store
from ..store import stories as rows
from .briefs import BriefView, Busy, Cancelled, label

router = APIRouter()
_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
)
_env.filters["label"] = lambda d: label(d.title, d.source)
_env.globals.update(brief_helpers())
_env.filters["outlets"] = outlets_text

MAX_STORIES = 200  # stories one page or API call lists at most
DEFAULT_STORIES = 50
STORY_BRIEF_DOCS = 50  # like storyline.api.BRIEF_LIMIT: a story brief's documents at most
MAX_PAGE_DOCS = 200  # documents a story page lists
CLUSTER_PER_REQUEST = 2000  # waiting documents one request puts into stories at most
MAX_CHART_EVENTS = 40  # events drawn on a story's timeline (the list below has them all)
BRIEF_DEADLINE_S = 120.0
DISCONNECT_POLL_S = 0.25
Sort = Literal["active", "newest"]

_clustering = threading.Lock()  # one clustering run at a time in this process


def _web_error(status: int, message: str, headers: dict[str, str] | None = None) -> Exception:
    from .app import WebError  # imported late: app.py includes this module

    return WebError(status, message, headers)


# ------------------------------------------------------------ charts


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the day or ISO week, for the tooltip
    count: int


@dataclass(slots=True)
class ActivityChart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    first: str
    last: str


def _bucket_start(key: str) -> date | None:
    """The first day of an activity bucket: "2024-05-07" or an ISO week "2024-W19"."""
    try:
        if "-W" in key:
            year, week = key.split("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        return date.fromisoformat(key[:10])
    except ValueError:
        return None


def activity_chart(
    activity: list[tuple[str, int]], width: int = 160, height: int = 36
) -> ActivityChart | None:
    """Bars of documents per day or week on a time axis (empty buckets stay empty);
    None when the story has no dated documents."""
    points = [(_bucket_start(k), k, n) for k, n in activity]
    dated = [(d, k, n) for d, k, n in points if d is not None and n > 0]
    if not dated:
        return None
    weekly = any("-W" in k for _, k, _ in dated)
    step = 7 if weekly else 1
    lo = min(d for d, _, _ in dated).toordinal()
    hi = max(d for d, _, _ in dated).toordinal() + step
    slots = max((hi - lo) / step, 1)
    slot = width / slots
    peak = max(n for _, _, n in dated)
    bars = []
    for day, key, count in sorted(dated):
        h = max(2.0, (height - 2) * count / peak)
        x = (day.toordinal() - lo) / step * slot
        bars.append(
            Bar(
                round(x, 1),
                round(height - h, 1),
                round(max(slot - 1, 1.5), 1),
                round(h, 1),
                key,
                count,
            )
        )
    return ActivityChart(width, height, bars, peak, dated[0][1], max(dated)[1])


@dataclass(slots=True)
class EventMark:
    number: int  # 1-based position in the event list under the chart
    x: float
    y: float
    width: float
    label: str
    span: str


@dataclass(slots=True)
class EventChart:
    width: int
    height: int
    axis_y: float
    marks: list[EventMark]
    ticks: list[tuple[float, str]]


def event_chart(story: Story, width: int = 720) -> EventChart | None:
    """One row per event (oldest first), a bar from its first to its last day."""
    left, right, lane, axis = 16.0, 16.0, 18.0, 30.0
    spans = []
    for number, event in enumerate(story.events[:MAX_CHART_EVENTS], 1):
        start = period(event.first) if event.first else None
        end = period(event.last) if event.last else start
        if start is None or end is None:
            continue
        spans.append((number, event, start[0].toordinal(), end[1].toordinal()))
    if not spans:
        return None
    lo = min(s for _, _, s, _ in spans)
    hi = max(e for _, _, _, e in spans)
    scale = (width - left - right) / max(hi - lo, 1)
    marks = [
        EventMark(
            number,
            round(left + (s - lo) * scale, 1),
            8 + row * lane,
            round(max((e - s) * scale, 6), 1),
            event.label,
            _span(event.first, event.last),
        )
        for row, (number, event, s, e) in enumerate(spans)
    ]
    axis_y = 8 + len(marks) * lane + 4
    first, last = date.fromordinal(lo), date.fromordinal(hi - 1)
    ticks = [(left, first.isoformat()), (width - right, last.isoformat())]
    return EventChart(width, int(axis_y + axis), axis_y, marks, ticks)


def _latest(story: Story) -> date:
    """The last day a story's span reaches ("2018" reaches 2018-12-31): newest first."""
    covered = period(story.last) if story.last else None
    return covered[1] if covered else date.min


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if not last or last == first else f"{first} to {last}"


# ------------------------------------------------------------ data


def _sqlite(store: Any) -> Store:
    """The store, if it keeps stories (SQLite and PostgreSQL both do, like `storyline.api`)."""
    if not hasattr(store, "transaction") or not hasattr(store, "reading"):
        raise _web_error(501, "this store does not keep stories")
    return cast(Store, store)


def _cluster_new(request: Request) -> int:
    """Put documents added since the last run (e.g. through the web form) into stories.

    At most `CLUSTER_PER_REQUEST` per request, so a big upload never makes one
    page slow; returns how many still wait (the next request goes on).
    """
    state = request.app.state.storyline
    from ..clustering import cluster_pending, pending_count

    with state.store() as store:
        waiting = pending_count(_sqlite(store))
    if not waiting:
        return 0
    with _clustering, state.writer() as writer:
        cluster_pending(_sqlite(writer), limit=CLUSTER_PER_REQUEST)
        return 0 if waiting <= CLUSTER_PER_REQUEST else pending_count(_sqlite(writer))


def _since(since: str | None) -> str | None:
    if not since or not since.strip():
        return None
    from ..briefing.since import parse_since

    try:
        return parse_since(since)
    except StorylineError as exc:
        raise _web_error(400, str(exc)) from exc


def _stories(
    request: Request,
    *,
    since: str | None,
    query: str | None,
    min_docs: int,
    sort: Sort,
    limit: int,
    offset: int,
) -> tuple[list[Story], int, int]:
    """A page of stories, how many there are in all, and how many documents wait for one."""
    from ..clustering import list_stories

    query = (query or "").strip() or None
    if query and len(query) > 200:
        raise _web_error(400, "query is longer than 200 characters")
    checked = _since(since)
    waiting = _cluster_new(request)
    with request.app.state.storyline.store() as store:
        found = list_stories(_sqlite(store), since=checked, query=query, min_docs=min_docs)
    if sort == "newest":  # stable: ties keep the most-active order
        found.sort(key=_latest, reverse=True)
    return found[offset : offset + limit], len(found), waiting


def _story(request: Request, story_id: str) -> tuple[Story, list[DocumentRef]]:
    """The story `story_id` and its documents' metadata (in date order), or a 404."""
    from ..clustering import get_story

    _cluster_new(request)
    with request.app.state.storyline.store() as store:
        sqlite = _sqlite(store)
        try:
            story = get_story(sqlite, story_id)
        except StoreError as exc:
            if "no such story" not in str(exc) and "no documents left" not in str(exc):
                raise  # the store failed: the app answers 503
            raise _web_error(404, str(exc)) from exc
        with sqlite.reading() as conn:
            pk = rows.resolve(conn, story.id)
            found, _ = rows.story_rows(conn, [pk] if pk is not None else [])
    refs = found[0].documents if found else []
    return story, refs


def story_json(story: Story) -> dict[str, Any]:
    """The JSON shape of a story: the `Story` fields, activity as [period, count] pairs."""
    out = dataclasses.asdict(story)
    out["activity"] = [list(pair) for pair in story.activity]
    out["document_count"] = len(story.documents)
    return out


def brief_ids(story: Story) -> list[str]:
    """The documents a story brief covers: all, or `STORY_BRIEF_DOCS` spread over its dates."""
    from ..api import _spread  # the one rule for choosing a story brief's documents

    return _spread(story.documents, STORY_BRIEF_DOCS)


def _brief(request: Request, ids: list[str], cancel: threading.Event) -> BriefView:
    state = request.app.state.storyline
    with state.store() as store:
        return state.briefs.get(
            store, ids, None, cancel=cancel, deadline=time.monotonic() + BRIEF_DEADLINE_S
        )


async def _brief_async(request: Request, ids: list[str]) -> tuple[BriefView | None, str | None]:
    """The story's brief built in a worker thread (stopped if the client leaves), or why not.

    A busy server or a failed build still shows the story, with the reason.
    """
    cancel = threading.Event()
    work = asyncio.ensure_future(anyio.to_thread.run_sync(_brief, request, ids, cancel))
    try:
        while True:
            done, _ = await asyncio.wait({work}, timeout=DISCONNECT_POLL_S)
            if done:
                break
            if not cancel.is_set() and await request.is_disconnected():
                cancel.set()
    finally:
        cancel.set()
    try:
        return work.result(), None
    except Busy as exc:
        return None, f"{exc.message} (the story is shown without its brief; reload to retry)"
    except Cancelled as exc:
        return None, exc.message
    except StoreError:
        raise
    except StorylineError as exc:
        return None, f"no brief could be made: {exc}"


# ------------------------------------------------------------ routes


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(
    request: Request,
    sort: Sort = "active",
    since: str | None = None,
    q: str | None = None,
    min_docs: int = Query(1, ge=1),
    limit: int = Query(DEFAULT_STORIES, ge=1, le=MAX_STORIES),
    offset: int = Query(0, ge=0),
) -> HTMLResponse:
    found, total, waiting = _stories(
        request, since=since, query=q, min_docs=min_docs, sort=sort, limit=limit, offset=offset
    )
    params = {"sort": sort, "since": since or "", "q": q or "", "min_docs": min_docs}
    base = {k: v for k, v in params.items() if v not in ("", None)}

    def link(**change: Any) -> str:
        return str(request.url.replace_query_params(**{**base, "limit": limit, **change}))

    html = _env.get_template("story_list.html").render(
        request=request,
        title="Stories",
        stories=[(s, activity_chart(s.activity)) for s in found],
        total=total,
        waiting=waiting,
        offset=offset,
        limit=limit,
        sort=sort,
        since=since or "",
        story_q=q or "",
        min_docs=min_docs,
        newer=link(offset=max(offset - limit, 0)) if offset else None,
        older=link(offset=offset + limit) if offset + limit < total else None,
        sort_link={s: link(sort=s, offset=0) for s in ("active", "newest")},
    )
    return HTMLResponse(html)


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
async def story_page(request: Request, story_id: str) -> HTMLResponse:
    story, refs = await anyio.to_thread.run_sync(_story, request, story_id)
    ids = brief_ids(story)
    view, problem = await _brief_async(request, ids)
    by_id = {r.id: r for r in refs}
    html = _env.get_template("story.html").render(
        request=request,
        title=story.label,
        story=story,
        activity=activity_chart(story.activity, width=720, height=80),
        chart=event_chart(story),
        events=[
            (e, _span(e.first, e.last), [by_id[i] for i in e.documents if i in by_id])
            for e in story.events
        ],
        documents=refs[:MAX_PAGE_DOCS],
        view=view,
        brief=view.brief if view else None,
        problem=problem,
        brief_query="ids=" + ",".join(ids),
        brief_used=len(ids),
    )
    return HTMLResponse(html)


@router.get("/api/stories", tags=["stories"])
def api_stories(
    request: Request,
    since: str | None = Query(
        None, description="stories with a document on or after this date (YYYY[-MM[-DD]])"
    ),
    query: str | None = Query(None, description="stories holding a document that matches"),
    q: str | None = Query(None, description="the same as query (the name the CLI's web docs use)"),
    min_docs: int = Query(1, ge=1, description="stories of at least this many documents"),
    limit: int = Query(DEFAULT_STORIES, ge=1, le=MAX_STORIES),
    offset: int = Query(0, ge=0),
    sort: Sort = Query("active", description="active: most documents first; newest: latest first"),
) -> dict[str, Any]:
    """Stories: each with its label, date span, documents, outlets, events and activity."""
    found, total, waiting = _stories(
        request,
        since=since,
        query=query or q,
        min_docs=min_docs,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return {
        "count": total,
        "offset": offset,
        "sort": sort,
        "pending_documents": waiting,
        "stories": [story_json(s) for s in found],
    }


@router.get("/api/stories/{story_id}", tags=["stories"])
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    """One story (an id merged into another resolves to the survivor), as `/api/stories` lists it.

    Its brief: `/api/brief?ids=...` of the story's documents (the story page links it).
    """
    story, _ = _story(request, story_id)
    return story_json(story)
