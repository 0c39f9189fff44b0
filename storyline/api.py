"""The library's front door: read inputs, analyse them, write a brief.

The CLI and the web app call these functions and nothing deeper, so the
three surfaces always agree. Analyses of stored documents are cached in the
store under ANALYSIS_VERSION; bump it whenever an analysis component changes
what it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .analysis.pipeline import analyze as _run_pipeline
from .briefing.build import build_brief
from .config import Settings
from .errors import InputError, StorylineError
from .ingest import read as _read
from .model import Analysis, Brief, Document
from .store import StoreBackend

ANALYSIS_VERSION = "2026.11.2"

Progress = Callable[[Document], None]


def read(
    inputs: Iterable[str],
    *,
    as_kind: str | None = None,
    date: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Yield a Document, or the InputError that names it, for each input."""
    return _read(inputs, as_kind=as_kind, date=date, settings=settings)  # type: ignore[arg-type]


def analyze(documents: Iterable[Document], progress: Progress | None = None) -> list[Analysis]:
    """Run the default analysis pipeline over documents."""
    return list(_run_pipeline(documents, progress=progress))


def analyze_stored(
    store: StoreBackend,
    documents: list[Document],
    progress: Progress | None = None,
    *,
    scheduler: str | None = None,
) -> list[Analysis]:
    """Analyse documents, reusing and filling the store's analysis cache.

    With `scheduler` (a Dask scheduler address) the documents not yet cached
    are analysed on that cluster; the store is still written only from here.
    """
    by_id: dict[str, Analysis] = {}
    todo = []
    for doc in documents:
        cached = store.load_analysis(doc.id, ANALYSIS_VERSION)
        if cached is not None:
            by_id[doc.id] = Analysis.from_dict(cached, doc)
            if progress is not None:
                progress(doc)
        else:
            todo.append(doc)
    if scheduler and todo:
        from .distributed import analyze_on_cluster

        fresh = analyze_on_cluster(todo, scheduler, progress=progress)
    else:
        fresh = _run_pipeline(todo, progress=progress)
    for analysis in fresh:
        store.save_analysis(analysis.to_dict(), ANALYSIS_VERSION)
        by_id[analysis.document.id] = analysis
    return [by_id[d.id] for d in documents]


def select(
    store: StoreBackend, *, ids: list[str] | None = None, query: str | None = None, limit: int = 50
) -> list[Document]:
    """Stored documents chosen by ids, by a search query, or all of them."""
    if ids:
        return store.documents(ids)
    if query:
        hit_ids = store.search_ids(query, limit=limit)
        return store.documents(hit_ids) if hit_ids else []
    return store.documents()


def brief(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    title: str | None = None,
    query: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Analyse documents (not stored) and build their brief."""
    documents = list(documents)
    if not documents:
        raise StorylineError("no documents to brief")
    return build_brief(analyze(documents, progress), settings, title=title, query=query)


def brief_from_store(
    store: StoreBackend,
    *,
    ids: list[str] | None = None,
    query: str | None = None,
    settings: Settings | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Build the brief of stored documents chosen by ids or a query (or all)."""
    documents = select(store, ids=ids, query=query)
    if not documents:
        what = f"matching {query!r}" if query else "in the store"
        raise StorylineError(f"no documents {what}")
    settings = settings or Settings()
    analyses = analyze_stored(store, documents, progress, scheduler=settings.scheduler)
    return build_brief(analyses, settings, title=title, query=query)
