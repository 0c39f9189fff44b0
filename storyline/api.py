"""The library's front door: read inputs, analyse them, write a brief.

The CLI and the web app call these functions and nothing deeper, so the
three surfaces always agree. Analyses of stored documents are cached in the
store under ANALYSIS_VERSION, which is derived from the registered analysis
components and the analysis source (analysis/registry.py): no one bumps it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .analysis.pipeline import analyze as _run_pipeline
from .analysis.registry import analysis_version
from .briefing.build import build_brief
from .config import Settings
from .errors import InputError, StorylineError
from .ingest import read as _read
from .model import Analysis, Brief, Document, Story, StoryRef
from .store import Store, StoreBackend

if TYPE_CHECKING:
    from .clustering import Params, Report

ANALYSIS_VERSION = analysis_version()

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
    fresh: Iterable[Analysis]
    if scheduler and todo:
        from .distributed import analyze_on_cluster

        fresh = analyze_on_cluster(todo, scheduler, progress=progress)
    else:
        fresh = _run_pipeline(todo, progress=progress)
    for analysis in fresh:
        if analysis.complete:  # a failed component's empty outputs are not a result to keep
            store.save_analysis(analysis.to_dict(), ANALYSIS_VERSION)
        by_id[analysis.document.id] = analysis
    return [by_id[d.id] for d in documents]


BRIEF_LIMIT = 50  # documents a stored brief uses at most (the CLI's --limit)


def select(
    store: StoreBackend,
    *,
    ids: list[str] | None = None,
    query: str | None = None,
    limit: int = BRIEF_LIMIT,
) -> list[Document]:
    """Stored documents chosen by ids, by a search query (its best `limit`), or,
    with neither, the `limit` most recently published (never the whole store)."""
    if ids:
        return store.documents(ids)
    if query:
        hit_ids = store.search_ids(query, limit=limit)
        return store.documents(hit_ids) if hit_ids else []
    return store.documents(recent_ids(store, limit)[0])


def recent_ids(store: StoreBackend, limit: int) -> tuple[list[str], int]:
    """The ids of the `limit` most recently published documents (undated last),
    and how many are stored: what a brief with no selection covers."""
    refs = store.list()  # by publication date, undated last
    dated = [r for r in refs if r.published]
    undated = [r for r in refs if not r.published]
    recent = (list(reversed(dated)) + undated)[:limit]
    return [r.id for r in recent], len(refs)


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
    story: str | None = None,
    limit: int = BRIEF_LIMIT,
) -> Brief:
    """Build the brief of stored documents chosen by ids, a query, a story (or all).

    A query brief says how many documents matched and how many it used
    (`Brief.matched`, `Brief.used`, at most `limit`). Where the matches span
    several stories it briefs the story holding most of them, names the
    others in `Brief.stories` and a note, and does not blend them. A story
    brief (`story`) uses at most `limit` of the story's documents, spread
    evenly over its dates.
    """
    if limit < 1:
        raise StorylineError(f"the document limit must be at least 1, got {limit}")
    matched: int | None = None
    refs: list[StoryRef] = []
    notes: list[str] = []
    if story is not None:
        chosen = _story(store, story)
        matched = len(chosen.documents)
        picked = _spread(chosen.documents, limit)
        documents = store.documents(picked)
        refs = [StoryRef(chosen.id, chosen.label, len(chosen.documents))]
        title = title or _story_title(chosen)
    elif query and not ids:
        hits = store.search_ids(query, limit=MATCH_CAP)
        matched = len(hits)
        groups = _story_groups(store, hits)
        if len(groups) > 1:
            (main, main_ids), others = groups[0], groups[1:]
            refs = [StoryRef(s.id, s.label, len(s.documents)) for s, _ in groups]
            notes.append(
                f"the {matched} matches span {len(groups)} stories; this brief covers "
                f"{main.label!r} ({main.id}, {len(main_ids)} matches); the others: "
                + "; ".join(f"{s.label!r} ({s.id}, {len(i)} matches)" for s, i in others[:10])
                + (f" and {len(others) - 10} more" if len(others) > 10 else "")
            )
            hits = main_ids
        elif groups:
            refs = [StoryRef(groups[0][0].id, groups[0][0].label, len(groups[0][0].documents))]
        documents = store.documents(hits[:limit]) if hits else []
    else:
        documents = select(store, ids=ids, query=query, limit=limit)
        if not ids and not query:
            total = store.count()
            if total > len(documents):
                notes.append(
                    f"no selection: this brief covers the {len(documents)} most recent of "
                    f"{total:,} stored documents (choose ids, a query or a story)"
                )
    if not documents:
        what = f"matching {query!r}" if query else "in the store"
        raise StorylineError(f"no documents {what}")
    settings = settings or Settings()
    analyses = analyze_stored(store, documents, progress, scheduler=settings.scheduler)
    result = build_brief(analyses, settings, title=title, query=query)
    if matched is not None:
        result.matched, result.used = matched, len(documents)
        if len(documents) < matched:
            notes.append(f"{matched} documents matched; the brief uses {len(documents)}")
    result.stories = refs
    result.notes.extend(notes)
    return result


MATCH_CAP = 10_000  # matches a query brief counts and groups into stories


def _story_title(story: Story) -> str:
    """A story brief's title: its key names and terms, then its span ("Huawei: market (2013 to 2018)")."""
    span = story.first or ""
    if story.last and story.last != story.first:
        span = f"{span or 'undated'} to {story.last}"
    return f"{story.title or story.label} ({span})" if span else story.title or story.label


def _spread(ids: list[str], limit: int) -> list[str]:
    """At most `limit` of `ids` (in date order), evenly spaced so the whole arc is kept."""
    if len(ids) <= limit:
        return list(ids)
    if limit == 1:
        return [ids[-1]]
    step = (len(ids) - 1) / (limit - 1)
    return [ids[round(i * step)] for i in range(limit)]


def _sqlite(store: StoreBackend) -> Store:
    """The store, if it keeps stories (SQLite and PostgreSQL both do: `transaction()`)."""
    if not hasattr(store, "transaction"):
        raise StorylineError(f"{store!r}: this store does not keep stories")
    return store  # type: ignore[return-value]


def _story(store: StoreBackend, story_id: str) -> Story:
    from .clustering import cluster_pending, get_story

    store = _sqlite(store)
    cluster_pending(store)
    return get_story(store, story_id)


def _story_groups(store: StoreBackend, doc_ids: list[str]) -> list[tuple[Story, list[str]]]:
    from .clustering import cluster_pending, story_refs

    if not hasattr(store, "transaction"):  # no stories on this backend: one pile
        return []
    kept = _sqlite(store)
    cluster_pending(kept)
    return story_refs(kept, doc_ids)


def cluster(
    store: Store,
    *,
    rebuild: bool = False,
    params: Params | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Put every stored document that is in no story yet into one (all again with `rebuild`)."""
    from .clustering import cluster_pending
    from .clustering import rebuild as _rebuild

    if rebuild:
        return _rebuild(store, params, progress)
    return cluster_pending(store, params, progress=progress)


def stories(
    store: Store,
    *,
    since: str | None = None,
    query: str | None = None,
    min_docs: int = 1,
    limit: int | None = None,
) -> list[Story]:
    """The store's stories, most active first (pending documents are clustered first).

    `since` keeps stories with a document on or after that date, `query` those
    holding a matching document (most matches first), `min_docs` the larger ones.
    """
    from .clustering import cluster_pending, list_stories

    cluster_pending(store)
    return list_stories(store, since=since, query=query, min_docs=min_docs, limit=limit)


def story(store: Store, story_id: str) -> Story:
    """One story by id (an id merged into another story resolves to it)."""
    return _story(store, story_id)
