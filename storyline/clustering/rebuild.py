"""Re-cluster a store from scratch (`storyline stories --rebuild`).

The reset is one transaction and each document after it is its own, so a
rebuild cut short leaves the rest pending: the next run (or ingest) finishes it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..store import Store
from ..store import stories as rows
from .cluster import Params, Report, cluster_pending


def rebuild(
    store: Store,
    params: Params | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Forget every story and cluster every document again, in publication-date order."""
    with store.transaction() as conn:
        rows.reset(conn)
    return cluster_pending(store, params, progress=progress)
