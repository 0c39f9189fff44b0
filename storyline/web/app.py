"""The web app: pages to browse, search, add and brief stored documents, and their JSON twins.

A thin shell over `storyline.api` and the store, like the CLI: each route
opens the store, calls one or two library functions and renders. Pages and
`/api/...` routes answer from the same objects, so the HTML and the JSON
never disagree. The app never trusts article text (see `security.py`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import anyio
from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Settings
from ..errors import InputError, NotFoundError, StoreError, StorylineError
from ..ingest.fetch import FetchResult, fetch_url, validate_url
from ..model import Document
from ..renderers.web import brief_helpers
from . import security
from .briefs import BriefCache, BriefView, Busy, Cancelled, label, selection_ids
from .chart import timeline_chart
from .story_pages import router as story_router
from .watch_pages import router as watch_router

HERE = Path(__file__).parent
# Room for multipart boundaries and the other form fields around an upload.
FORM_OVERHEAD = 64 * 1024
# Match markers for search snippets on pages: private-use characters, escaped around.
SNIPPET_MARKS = ("\ue000", "\ue001")
# A brief request names at most this much: longer queries and id lists are not briefs but load.
MAX_QUERY_CHARS = 200
MAX_BRIEF_IDS = 100
# A brief with no ids and no query covers the most recent documents, not the whole store.
MAX_BRIEF_DOCS = 50
BRIEF_DEADLINE_S = 120.0
# How often an async route looks whether its client went away.
DISCONNECT_POLL_S = 0.25

log = logging.getLogger(__name__)


class WebError(Exception):
    """An error a route turns into a status code and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.message = message
        self.headers = headers
        super().__init__(message)


@dataclasses.dataclass
class AppState:
    settings: Settings
    token: str | None
    max_upload: int
    briefs: BriefCache
    fetch_slots: threading.BoundedSemaphore
    allowed_hosts: frozenset[str]

    _writer: Any = None
    _local: threading.local = dataclasses.field(default_factory=threading.local)
    _opened: list[Any] = dataclasses.field(default_factory=list)
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def _open_unlisted(self) -> Any:
        from ..store import open_store

        return open_store(self.settings.db, settings=self.settings)

    def _open(self) -> Any:
        store = self._open_unlisted()
        with self._lock:
            self._opened.append(store)
        return store

    @contextmanager
    def store(self) -> Iterator[Any]:
        """This worker thread's own Store, for reads and brief builds.

        One connection per thread: a slow search or brief in one thread never
        waits on a lock another request holds (SQLite's WAL lets readers run
        alongside the writer).
        """
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._open()
        yield store

    @contextmanager
    def writer(self) -> Iterator[Any]:
        """The one Store that adds documents (its near-duplicate index is built once)."""
        if self._writer is None:
            with self._lock:
                if self._writer is None:
                    self._writer = self._open_unlisted()
        yield self._writer

    def close(self) -> None:
        with self._lock:
            stores = [*self._opened, self._writer]
            self._opened.clear()
            self._writer = None
        self._local = threading.local()
        for store in stores:
            if store is not None:
                store.close()


def allowed_hosts(settings: Settings, bind_host: str | None) -> frozenset[str]:
    """Host header names the app answers: loopback names, the bind address, configured ones."""
    names = {"localhost", "127.0.0.1", "::1"}
    if bind_host and bind_host not in {"0.0.0.0", "::"}:
        names.add(bind_host.strip("[]").lower())
    for name in (settings.allowed_hosts or "").split(","):
        if name.strip():
            names.add(name.strip().strip("[]").lower())
    return frozenset(names)


def create_app(
    settings: Settings | None = None,
    *,
    token: str | None = None,
    max_upload: int | None = None,
    max_builds: int = 2,
    builds_per_minute: int = 30,
    bind_host: str | None = None,
    brief_deadline: float = BRIEF_DEADLINE_S,
) -> FastAPI:
    """Build the app over the store at `settings.db`.

    `token` (default: the STORYLINE_TOKEN environment variable) makes every
    write endpoint require `Authorization: Bearer <token>` or a `token` form
    field. `max_upload` caps an upload in bytes (default: settings.max_input_bytes).
    At most `max_builds` uncached briefs are built at once and `builds_per_minute`
    started per minute; past that, brief requests get 429 with Retry-After (cached ones never do).
    Only requests whose Host header is in `allowed_hosts(settings, bind_host)` are
    answered (DNS rebinding); settings.allowed_hosts "*" turns the check off.
    """
    settings = settings or Settings.resolve()
    state = AppState(
        settings=settings,
        token=token if token is not None else os.environ.get("STORYLINE_TOKEN") or None,
        max_upload=max_upload or settings.max_input_bytes,
        briefs=BriefCache(settings, max_builds=max_builds, builds_per_window=builds_per_minute),
        fetch_slots=threading.BoundedSemaphore(max(1, settings.max_fetches)),
        allowed_hosts=allowed_hosts(settings, bind_host),
    )
    app = FastAPI(
        title="Storyline",
        summary="Sourced briefs from news coverage.",
        version="0.1.0",
        docs_url=None,  # Swagger UI needs inline script and a CDN: /openapi.json is the API document
        redoc_url=None,
    )
    app.state.storyline = state
    app.router.on_shutdown.append(state.close)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True)
    )
    env.filters["http_url"] = _http_url
    env.filters["snippet"] = _snippet
    env.filters["label"] = lambda d: label(d.title, d.source)
    env.globals["token_required"] = bool(state.token)
    env.globals.update(brief_helpers())

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    def error_response(request: Request, exc: WebError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
        response = page(
            request,
            "error.html",
            exc.status,
            title="Error",
            code=exc.status,
            reason=_reason(exc.status),
            message=exc.message,
        )
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _bad_query(request: Request, exc: RequestValidationError) -> Response:
        # the API keeps FastAPI's 422 detail; a page answers as a page, naming the field
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ())[1:]) or 'request'}: {err.get('msg')}"
            for err in exc.errors()
        )
        return error_response(request, WebError(400, problems or "bad request"))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # an unknown page or a wrong method: a page for a browser, FastAPI's JSON for the API
        if request.url.path.startswith("/api/"):
            return await http_exception_handler(request, exc)
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, WebError(exc.status_code, message, dict(exc.headers or {})))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        # not-found is a 404 where it is raised; anything else is the server's fault
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, WebError(503, "the store could not answer; try again"))

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # ------------------------------------------------------------ helpers

    def require_write(request: Request, form_token: str | None) -> None:
        headers = request.headers
        if not security.same_origin(
            headers.get("origin"), headers.get("host"), headers.get("sec-fetch-site")
        ):
            raise WebError(403, "cross-site request refused")
        if not security.token_ok(state.token, request.headers.get("authorization"), form_token):
            raise WebError(401, "a valid token is required to add documents")

    def get_document(store: Any, doc_id: str) -> Document:
        try:
            return store.get(doc_id)
        except NotFoundError as exc:
            raise WebError(404, f"no document with id {doc_id!r}") from exc

    def brief_options(
        since: str | None, focus: str | None, words: int | None, full: bool
    ) -> Settings:
        """The request's brief options over the app's settings; a bad date is a 400."""
        from ..briefing.since import parse_since

        try:
            checked = parse_since(since) if since else None
        except StorylineError as exc:
            raise WebError(400, str(exc)) from exc
        if words is not None and not 10 <= words <= 2000:
            raise WebError(400, f"words={words}: choose 10 to 2000")
        if focus and len(focus) > MAX_QUERY_CHARS:
            raise WebError(400, f"focus is longer than {MAX_QUERY_CHARS} characters")
        base = state.briefs.settings
        return dataclasses.replace(
            base,
            since=checked or base.since,
            focus=(focus or "").strip() or base.focus,
            summary_words=words or base.summary_words,
            full=full or base.full,
        )

    def brief_view(
        ids: list[str] | None,
        q: str | None,
        cancel: threading.Event,
        options: Settings | None = None,
    ) -> BriefView:
        wanted = _split_ids(ids)
        query = (q or "").strip() or None
        if query and len(query) > MAX_QUERY_CHARS:
            raise WebError(400, f"query is longer than {MAX_QUERY_CHARS} characters")
        if len(set(wanted)) > MAX_BRIEF_IDS:
            raise WebError(400, f"a brief covers at most {MAX_BRIEF_IDS} documents")
        with state.store() as store:
            chosen, total = selection_ids(store, wanted, query, limit=MAX_BRIEF_DOCS)
            if not chosen:
                raise WebError(
                    404, f"no documents match {query!r}" if query else "no documents to brief"
                )
            try:
                view = state.briefs.get(
                    store,
                    chosen,
                    query,
                    cancel=cancel,
                    deadline=time.monotonic() + brief_deadline,
                    settings=options,
                )
            except Busy as exc:
                raise WebError(
                    exc.status, exc.message, {"Retry-After": str(exc.retry_after)}
                ) from exc
            except Cancelled as exc:
                raise WebError(503, exc.message, {"Retry-After": "30"}) from exc
            except NotFoundError as exc:
                raise WebError(404, f"unknown document in the selection: {exc}") from exc
            except StoreError:
                raise
            except StorylineError as exc:
                raise WebError(400, str(exc)) from exc
        if total > len(chosen) and not wanted and not query:
            note = (
                f"This brief covers the {len(chosen)} most recent of {total:,} stored documents; "
                "choose documents (ids) or a search (q) to brief others."
            )
            if note not in view.brief.notes:
                view.brief.notes.append(note)
        return view

    async def brief_view_async(
        request: Request, ids: list[str] | None, q: str | None, options: Settings | None = None
    ) -> BriefView:
        """`brief_view` in a worker thread, cancelled when the client disconnects."""
        cancel = threading.Event()
        work = asyncio.ensure_future(anyio.to_thread.run_sync(brief_view, ids, q, cancel, options))
        try:
            while True:
                done, _ = await asyncio.wait({work}, timeout=DISCONNECT_POLL_S)
                if done:
                    return work.result()
                if not cancel.is_set() and await request.is_disconnected():
                    cancel.set()  # the build stops at its next check; the thread then ends
        finally:
            cancel.set()

    def add_documents(
        file: UploadFile | None,
        text: str | None,
        url: str | None,
        title: str | None,
        date: str | None,
    ) -> list[dict[str, Any]]:
        """Ingest one input (a JSONL upload may hold many records) and store what it holds."""
        from ..ingest import documents_from_bytes

        meta: dict[str, Any] = {"title": title} if title else {}
        date = (date or "").strip() or None
        try:
            if file is not None and file.filename:
                name = PurePosixPath(file.filename.replace("\\", "/")).name or "upload"
                data = file.file.read(state.max_upload + 1)
                security.check_upload(name, file.content_type, data, state.max_upload)
                found = documents_from_bytes(
                    data, name, date=date, meta=meta, content_type=file.content_type
                )
            elif text and text.strip():
                data = text.encode()
                if len(data) > state.max_upload:
                    raise InputError("pasted text", f"larger than {state.max_upload} bytes")
                found = documents_from_bytes(data, "pasted text", date=date, meta=meta)
            elif url and url.strip():
                got = fetch_bounded(url.strip())
                found = documents_from_bytes(
                    got.body,
                    got.final_url,
                    date=date,
                    meta={**meta, "url": got.final_url},
                    content_type=got.content_type,
                )
            else:
                raise WebError(400, "give a file, some text or a URL")
            items = list(found)
        except InputError as exc:
            raise WebError(400, str(exc)) from exc
        docs = [d for d in items if isinstance(d, Document)]
        if not docs:
            errors = "; ".join(str(e) for e in items) or "nothing to add"
            raise WebError(400, errors)
        out = []
        with state.writer() as store:
            for doc in docs:
                try:
                    result = store.add(doc)
                except StoreError as exc:
                    if "locked" in str(exc) or "busy" in str(exc):
                        raise WebError(503, str(exc), {"Retry-After": "5"}) from exc
                    raise WebError(409, str(exc)) from exc
                out.append(
                    {
                        "status": result.status,
                        "id": result.id,
                        "duplicate_of": result.duplicate_of,
                        "document": dataclasses.asdict(doc.ref()),
                    }
                )
        out += [{"status": "error", "error": str(e)} for e in items if isinstance(e, InputError)]
        # No cache invalidation: briefs are keyed by content-hash ids (see briefs.py).
        return out

    def fetch_bounded(url: str) -> FetchResult:
        """One add-by-URL fetch: a slot among settings.max_fetches, a total deadline, pinned."""
        try:
            validate_url(url)  # a malformed URL is a 400 even when every slot is taken
        except InputError as exc:
            raise WebError(400, str(exc)) from exc
        if not state.fetch_slots.acquire(blocking=False):
            raise WebError(
                429, "too many URL fetches in progress; retry shortly", {"Retry-After": "5"}
            )
        try:
            return fetch_url(
                url,
                allow_private=state.settings.allow_private_urls,
                max_bytes=state.max_upload,
                deadline=state.settings.fetch_deadline,
                read_timeout=state.settings.fetch_timeout,
            )
        finally:
            state.fetch_slots.release()

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        with state.store() as store:
            refs = store.list()
        return page(request, "index.html", title="Documents", documents=refs)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, q: str = "", limit: int = Query(20, ge=1, le=200)
    ) -> HTMLResponse:
        hits = []
        if q.strip():
            with state.store() as store:
                hits = store.search(q, limit=limit, marks=SNIPPET_MARKS)
        return page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q, hits=hits)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(
        request: Request,
        doc_id: str,
        start: int | None = None,
        end: int | None = None,
        added: str | None = None,
    ) -> HTMLResponse:
        with state.store() as store:
            doc = get_document(store, doc_id)
        highlight = (
            (start, end) if start is not None and end is not None and 0 <= start < end else None
        )
        return page(
            request,
            "document.html",
            title=label(doc.title, doc.source),
            doc=doc,
            paragraphs=_paragraphs(doc, highlight),
            added=added,
        )

    @app.post("/documents", include_in_schema=False)
    def add_page(
        request: Request,
        file: UploadFile | None = File(None),
        text: str | None = Form(None),
        url: str | None = Form(None),
        title: str | None = Form(None),
        date: str | None = Form(None),
        token: str | None = Form(None),
    ) -> Response:
        require_write(request, token)
        first = add_documents(file, text, url, title, date)[0]
        target = first["duplicate_of"] or first["id"]
        return RedirectResponse(f"/documents/{target}?added={first['status']}", status_code=303)

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    async def brief_page(
        request: Request,
        ids: list[str] | None = Query(None),
        q: str | None = None,
        since: str | None = None,
        focus: str | None = None,
        words: int | None = None,
        all: bool = False,
    ) -> HTMLResponse:
        view = await brief_view_async(request, ids, q, brief_options(since, focus, words, all))

        def make() -> str:
            return env.get_template("brief.html").render(
                request=request,
                title=view.brief.title,
                view=view,
                brief=view.brief,
                chart=timeline_chart(view.brief.timeline),
                q=q,
            )

        return HTMLResponse(
            await anyio.to_thread.run_sync(view.memo, f"page?{request.url.query}", make)
        )

    # ------------------------------------------------------------ JSON API

    @app.get("/api/documents", tags=["documents"])
    def api_documents() -> dict[str, Any]:
        """Every stored document (metadata, no text)."""
        with state.store() as store:
            refs = store.list()
        return {"count": len(refs), "documents": [dataclasses.asdict(r) for r in refs]}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(doc_id: str) -> dict[str, Any]:
        """One stored document with its clean text, paragraphs and sentences."""
        with state.store() as store:
            return dataclasses.asdict(get_document(store, doc_id))

    @app.post("/api/documents", status_code=201, tags=["documents"])
    def api_add(
        request: Request,
        file: UploadFile | None = File(
            None, description="an article file: html, txt, md, json, jsonl"
        ),
        text: str | None = Form(None, description="pasted article text"),
        url: str | None = Form(None, description="an article URL to fetch"),
        title: str | None = Form(None, description="a title to use instead of the one found"),
        date: str | None = Form(
            None, description="publication date YYYY[-MM[-DD]] if the article lacks one"
        ),
        token: str | None = Form(
            None, description="the write token, if not sent as a Bearer header"
        ),
    ) -> dict[str, Any]:
        """Add an article by upload, pasted text or URL (a JSONL upload may add several).

        Each result has `status` added, duplicate, near-duplicate or unchanged (with
        `id` and `duplicate_of`), or error for a record that could not be read.
        """
        require_write(request, token)
        if (request.headers.get("content-type") or "").startswith("application/json"):
            # a JSON body is not read here: say so, rather than "give a file, some text or a URL"
            raise WebError(415, "send form fields (file, text or url), not a JSON body; see /docs")
        return {"results": add_documents(file, text, url, title, date)}

    @app.get("/api/search", tags=["documents"])
    def api_search(q: str, limit: int = Query(10, ge=1, le=200)) -> dict[str, Any]:
        """Full-text search (SQLite FTS5, bm25 ranking)."""
        with state.store() as store:
            hits = store.search(q, limit=limit) if q.strip() else []
        return {
            "query": q,
            "hits": [
                {"document": dataclasses.asdict(h.document), "score": h.score, "snippet": h.snippet}
                for h in hits
            ],
        }

    @app.get("/api/stats", tags=["documents"])
    def api_stats() -> dict[str, Any]:
        """How many documents the store holds."""
        with state.store() as store:
            stats = store.stats() if hasattr(store, "stats") else {"documents": store.count()}
        return stats if isinstance(stats, dict) else dataclasses.asdict(stats)

    @app.get(
        "/api/brief",
        tags=["brief"],
        responses={200: {"content": {"text/html": {}, "text/markdown": {}}}},
    )
    async def api_brief(
        request: Request,
        ids: list[str] | None = Query(
            None, description="document ids (repeat, or comma-separated)"
        ),
        q: str | None = Query(
            None, description="a search query choosing the documents and the focus"
        ),
        format: Literal["json", "html", "markdown"] = "json",
        since: str | None = Query(
            None, description="what is new on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ),
        focus: str | None = Query(None, description="focus the brief on these words (by stem)"),
        words: int | None = Query(None, description="summary length in words"),
        all: bool = Query(False, description="every item of every section, not capped"),
    ) -> Response:
        """The brief of the chosen documents (with neither ids nor q: the 50 most recent, noted).

        Cancelled when the client goes away; bounded in documents and time.
        """
        from ..renderers import render

        view = await brief_view_async(request, ids, q, brief_options(since, focus, words, all))
        body = await anyio.to_thread.run_sync(view.memo, format, lambda: render(view.brief, format))
        media = {"json": "application/json", "html": "text/html", "markdown": "text/markdown"}[
            format
        ]
        if format == "markdown":
            return PlainTextResponse(body, media_type=media)
        return Response(body, media_type=f"{media}; charset=utf-8")

    app.include_router(watch_router)  # watch mode: /whats-new, /feeds, their /api twins
    app.include_router(story_router)  # stories: /stories, /stories/{id}, their /api twins
    app.add_middleware(
        SecurityMiddleware,
        max_body=state.max_upload + FORM_OVERHEAD,
        hosts=None if "*" in (settings.allowed_hosts or "") else state.allowed_hosts,
    )
    return app


class SecurityMiddleware:
    """The outermost guard of every request (errors included).

    Refuses a Host header not in `hosts` (DNS rebinding: a hostile domain
    re-pointed at this machine would otherwise pass as same-origin), a NUL
    byte anywhere in the path or query, and oversized bodies; adds the
    security headers to every response; and turns an unexpected exception
    into a plain 500 that carries the headers and no stack trace.
    """

    def __init__(self, app: ASGIApp, max_body: int, hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if self.hosts is not None:
            host = _host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.hosts:
                await _plain(send, 421, "this server does not answer for that host name")
                return
        raw_query = scope.get("query_string", b"")
        if b"%00" in raw_query or "\x00" in scope.get("path", "") or b"\x00" in raw_query:
            await _plain(send, 400, "NUL bytes are not allowed in URLs")
            return
        if scope["method"] in {"POST", "PUT", "PATCH"}:
            length = headers.get(b"content-length")
            if length is None or not length.isdigit():
                await _plain(send, 411, "a Content-Length header is required")
                return
            if int(length) > self.max_body:
                await _plain(send, 413, f"request body is larger than {self.max_body} bytes")
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (k.lower().encode(), v.encode()) for k, v in security.SECURITY_HEADERS.items()
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            if message["type"] == "http.response.start":
                started.append(True)
            await send(message)

        started: list[bool] = []
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope.get("path"))
            if not started:
                await _plain(send, 500, "internal error; the server log has the details")


def _host_name(host: str) -> str:
    """The name part of a Host header: "[::1]:8000" -> "::1", "Example.org:80" -> "example.org"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _plain(send: Send, status: int, text: str) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    headers += [(k.lower().encode(), v.encode()) for k, v in security.SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


def _reason(status: int) -> str:
    """The error page's heading: what kind of failure ("not found"), not "something went wrong"."""
    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"


def _split_ids(ids: list[str] | None) -> list[str]:
    """`?ids=a&ids=b` and `?ids=a,b` both work."""
    out: list[str] = []
    for value in ids or []:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def _http_url(value: str | None) -> str | None:
    """Only http(s) URLs become links; `javascript:` and friends stay text."""
    if value and value.lower().startswith(("http://", "https://")):
        return value
    return None


def _snippet(value: str) -> Markup:
    """Escape a search snippet, then turn its match markers into <mark> elements."""
    html = str(escape(value))
    if html.count(SNIPPET_MARKS[0]) != html.count(SNIPPET_MARKS[1]):
        return Markup(html.replace(SNIPPET_MARKS[0], "").replace(SNIPPET_MARKS[1], ""))
    return Markup(html.replace(SNIPPET_MARKS[0], "<mark>").replace(SNIPPET_MARKS[1], "</mark>"))


@dataclasses.dataclass(slots=True)
class Piece:
    text: str
    mark: bool = False
    first: bool = False  # the first marked piece carries id="passage"


def _paragraphs(doc: Document, highlight: tuple[int, int] | None) -> list[list[Piece]]:
    """The document's paragraphs as pieces, with the highlighted range marked."""
    spans = [(p.start, p.end) for p in doc.paragraphs] or _blank_line_spans(doc.text)
    out = []
    seen_mark = False
    for start, end in spans:
        pieces = []
        if highlight and highlight[0] < end and highlight[1] > start:
            a, b = max(start, highlight[0]), min(end, highlight[1])
            if a > start:
                pieces.append(Piece(doc.text[start:a]))
            pieces.append(Piece(doc.text[a:b], mark=True, first=not seen_mark))
            seen_mark = True
            if b < end:
                pieces.append(Piece(doc.text[b:end]))
        else:
            pieces.append(Piece(doc.text[start:end]))
        out.append(pieces)
    return out


def _blank_line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return spans
