"""Run Storyline's stages on a Dask cluster when one machine is not enough.

Ingest: the driver only lists the inputs (paths and URLs, never their
contents) and keeps a bounded window of batches in flight; each worker
reads, cleans and deduplicates its batch and writes it straight to the
shared PostgreSQL store, sending back one small outcome per input. Writes are
idempotent (keyed by the content hash), so a batch re-run after a worker dies
stores nothing twice and loses nothing. A SQLite store cannot be shared by
workers on other machines, so a scheduler with a SQLite store is refused.

Stories: `cluster_on_cluster` runs the incremental story clustering as one
worker task against the shared store (clustering is sequential by nature).

Analysis: `analyze_on_cluster` analyses Documents the caller holds (the
brief path, which caches the results in the store itself);
`analyze_store_on_cluster` has workers read stored documents, analyse them
and write the analysis cache to the store directly. Install the `dask` extra.
"""

from __future__ import annotations

import glob
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .config import Settings
from .errors import ConfigError, InputError, StorylineError
from .model import Analysis, Document

RETRIES = 3  # a task whose worker died or failed is run again (idempotent writes)
BATCH_SIZE = 16


@dataclass(slots=True, frozen=True)
class Outcome:
    """What happened to one document (or one unreadable input) on the cluster."""

    source: str
    status: str  # AddResult.status, or "error"
    id: str | None = None
    duplicate_of: str | None = None
    title: str | None = None
    error: str | None = None


# ---------------------------------------------------------------- the client


def _client(scheduler: Any) -> tuple[Any, bool]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ConfigError("Dask is not installed: pip install 'storyline[dask]'") from exc
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=30), True
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"{scheduler}: cannot reach the Dask scheduler: {exc}") from exc


def _windowed(
    client: Any, fn: Callable[..., Any], batches: Iterable[Any], window: int, *args: Any
) -> Iterator[Any]:
    """Results of `fn(batch, *args)` as they finish, with at most `window` batches in flight."""
    from distributed import as_completed

    batches = iter(batches)
    pending = as_completed()
    for batch in batches:
        pending.add(client.submit(fn, batch, *args, pure=False, retries=RETRIES))
        if pending.count() >= window:
            break
    for future in pending:
        result = future.result()
        future.release()
        for batch in batches:
            pending.add(client.submit(fn, batch, *args, pure=False, retries=RETRIES))
            break
        yield result


def _window(client: Any) -> int:
    """Two batches per worker thread keep every worker busy without queueing everything."""
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # pragma: no cover - scheduler without workers yet
        threads = 1
    return max(2, 2 * threads)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def require_shared_store(db: str) -> None:
    """Refuse a store that Dask workers cannot reach (a SQLite file is local to one machine)."""
    from .store import is_postgres

    if not is_postgres(db):
        raise ConfigError(
            f"{db}: a Dask scheduler needs a PostgreSQL store (--db postgresql://...); "
            "workers on other machines cannot share a local SQLite file"
        )


# ---------------------------------------------------------------- ingest


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """The files and URLs behind `inputs` (folders and globs expanded), without reading them."""
    from .ingest.sources import STDIN, _skipped, walk

    for item in inputs:
        item = str(item)
        if item == STDIN:
            yield InputError(item, "standard input cannot be read by cluster workers")
        elif item.startswith(("http://", "https://")) or os.path.isfile(item):
            yield item
        elif os.path.isdir(item):
            yield from walk(item)
        elif glob.has_magic(item):
            matches = sorted(glob.iglob(item, recursive=True))
            if not matches:
                yield InputError(item, "no files match this pattern")
            for path in matches:
                if os.path.isdir(path):
                    yield from walk(path)
                elif os.path.isfile(path) and not _skipped(path):
                    yield path
        else:
            yield InputError(item, "no such file, folder or URL")


_stores: dict[str, Any] = {}
_stores_lock = threading.Lock()


def _worker_store(db: str, threshold: float) -> Any:
    """One store (connection pool) per worker process, shared by its threads."""
    with _stores_lock:
        key = f"{threshold}|{db}"
        if key not in _stores:
            from .store import open_store

            _stores[key] = open_store(db, near_duplicate_threshold=threshold)
        return _stores[key]


def _ingest_batch(
    items: list[str], db: str, settings: Settings, as_kind: str | None, date: str | None
) -> list[Outcome]:
    """Worker side: read, clean, dedupe and store each input of the batch."""
    from .ingest import read

    store = _worker_store(db, settings.near_duplicate_threshold)
    outcomes = []
    for item in read(items, as_kind=as_kind, date=date, settings=settings):  # type: ignore[arg-type]
        if isinstance(item, InputError):
            outcomes.append(Outcome(item.source, "error", error=item.reason))
            continue
        try:
            result = store.add(item)
        except StorylineError as exc:
            outcomes.append(Outcome(item.source, "error", item.id, error=str(exc)))
            continue
        outcomes.append(
            Outcome(item.source, result.status, result.id, result.duplicate_of, item.title)
        )
    return outcomes


def ingest_on_cluster(
    inputs: Iterable[str],
    db: str,
    scheduler: Any,
    *,
    settings: Settings | None = None,
    as_kind: str | None = None,
    date: str | None = None,
    batch_size: int = BATCH_SIZE,
    window: int | None = None,
) -> Iterator[Outcome]:
    """Ingest `inputs` into the PostgreSQL store `db` on the cluster; yield outcomes as they come.

    The driver holds at most `window` batches of paths (default two per
    worker thread), never the documents. Inputs must be URLs or paths the
    workers can read (a shared file system).
    """
    require_shared_store(db)
    settings = settings or Settings()
    client, own = _client(scheduler)
    try:
        errors: list[InputError] = []  # inputs that name nothing: reported as they are met

        def paths() -> Iterator[str]:
            for item in expand_inputs(inputs):
                if isinstance(item, InputError):
                    errors.append(item)
                else:
                    yield item

        batches = _chunks(paths(), batch_size)
        for outcomes in _windowed(
            client, _ingest_batch, batches, window or _window(client), db, settings, as_kind, date
        ):
            while errors:
                error = errors.pop(0)
                yield Outcome(error.source, "error", error=error.reason)
            yield from outcomes
        for error in errors:
            yield Outcome(error.source, "error", error=error.reason)
    finally:
        if own:
            client.close()


# ---------------------------------------------------------------- analysis


def _analyze_batch(documents: list[Document]) -> list[dict[str, Any]]:
    """Worker side: analyse one batch; return dicts (spaCy Docs never travel)."""
    from .analysis.pipeline import analyze

    return [a.to_dict() for a in analyze(documents)]


def analyze_on_cluster(
    documents: Iterable[Document],
    scheduler: Any,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[Document], None] | None = None,
) -> list[Analysis]:
    """Analyse documents on a Dask cluster, keeping the input order.

    `scheduler` is a `distributed.Client` or a scheduler address such as
    "tcp://scheduler-host:8786".
    """
    docs = list(documents)
    if not docs:
        return []
    client, own = _client(scheduler)
    try:
        by_id: dict[str, Analysis] = {}
        doc_of = {d.id: d for d in docs}
        batches = _chunks(docs, batch_size)
        for results in _windowed(client, _analyze_batch, batches, _window(client)):
            for data in results:
                doc = doc_of[data["document"]]
                by_id[doc.id] = Analysis.from_dict(data, doc)
                if progress is not None:
                    progress(doc)
        return [by_id[d.id] for d in docs]
    finally:
        if own:
            client.close()


def _analyze_stored_batch(ids: list[str], db: str, threshold: float) -> list[str]:
    """Worker side: analyse stored documents and write the analysis cache; the ids done."""
    from .analysis.pipeline import analyze
    from .api import ANALYSIS_VERSION

    store = _worker_store(db, threshold)
    todo = [d for d in store.documents(ids) if store.load_analysis(d.id, ANALYSIS_VERSION) is None]
    for analysis in analyze(todo):
        if analysis.complete:  # incomplete analyses are recomputed next time, not cached
            store.save_analysis(analysis.to_dict(), ANALYSIS_VERSION)
    return ids


def analyze_store_on_cluster(
    db: str,
    scheduler: Any,
    ids: Iterable[str] | None = None,
    *,
    settings: Settings | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Fill the analysis cache of the PostgreSQL store `db` on the cluster; the number done.

    `ids` (default: every stored document) may be any iterable: the driver
    keeps only a window of id batches, workers read the texts from the store.
    """
    require_shared_store(db)
    settings = settings or Settings()
    if ids is None:
        from .store import open_store

        with open_store(db, settings=settings) as store:
            ids = [ref.id for ref in store.list()]
    client, own = _client(scheduler)
    done = 0
    try:
        batches = _chunks(ids, batch_size)
        for batch in _windowed(
            client,
            _analyze_stored_batch,
            batches,
            _window(client),
            db,
            settings.near_duplicate_threshold,
        ):
            done += len(batch)
            if progress is not None:
                progress(len(batch))
        return done
    finally:
        if own:
            client.close()


# ---------------------------------------------------------------- stories


def _cluster_stored(db: str, threshold: float) -> Any:
    """Worker side: put the store's pending documents into stories; the `Report`."""
    from .api import cluster

    return cluster(_worker_store(db, threshold))


def cluster_on_cluster(db: str, scheduler: Any, *, settings: Settings | None = None) -> Any:
    """Run story clustering for the PostgreSQL store `db` on a worker; its `Report`.

    Clustering is incremental and reads and rewrites shared story centroids,
    so it runs as one task (the store serialises story writes with an advisory
    lock); it resumes where it stopped, so a retried task repeats nothing.
    """
    require_shared_store(db)
    settings = settings or Settings()
    client, own = _client(scheduler)
    try:
        future = client.submit(
            _cluster_stored, db, settings.near_duplicate_threshold, pure=False, retries=RETRIES
        )
        return future.result()
    finally:
        if own:
            client.close()
