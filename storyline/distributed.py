"""Run the analysis pipeline on a Dask cluster when one machine is not enough.

The store stays where it is (one SQLite file, written only by the caller);
workers receive Documents in batches, run the same `analysis.pipeline` as a
local run, and send back plain Analysis dicts. Install the `dask` extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import ConfigError
from .model import Analysis, Document


def _analyze_batch(documents: list[Document]) -> list[dict[str, Any]]:
    """Worker side: analyse one batch; return dicts (spaCy Docs never travel)."""
    from .analysis.pipeline import analyze

    return [a.to_dict() for a in analyze(documents)]


def _batches(documents: list[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(documents), size):
        yield documents[i : i + size]


def analyze_on_cluster(
    documents: Iterable[Document],
    scheduler: Any,
    *,
    batch_size: int = 16,
    progress: Callable[[Document], None] | None = None,
) -> list[Analysis]:
    """Analyse documents on a Dask cluster, keeping the input order.

    `scheduler` is a `distributed.Client` or a scheduler address such as
    "tcp://scheduler-host:8786".
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ConfigError("Dask is not installed: pip install 'storyline[dask]'") from exc
    docs = list(documents)
    if not docs:
        return []
    own_client = not isinstance(scheduler, Client)
    client = Client(scheduler) if own_client else scheduler
    try:
        batches = list(_batches(docs, batch_size))
        futures = {client.submit(_analyze_batch, batch, pure=False): batch for batch in batches}
        by_id: dict[str, Analysis] = {}
        for future in as_completed(futures):
            batch = futures[future]
            for doc, data in zip(batch, future.result(), strict=False):
                by_id[doc.id] = Analysis.from_dict(data, doc)
                if progress is not None:
                    progress(doc)
        return [by_id[d.id] for d in docs]
    finally:
        if own_client:
            client.close()
