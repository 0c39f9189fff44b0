"""`read`: many inputs in, a stream of Documents (or InputErrors) out.

The batch entry point the CLI and web app use. It never raises for one bad
input: the error is yielded in the input's place and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from ..config import Settings
from ..errors import InputError
from ..model import Document, Kind
from .documents import documents_from_bytes
from .sources import Fetched, iter_sources

log = logging.getLogger(__name__)


def read(
    inputs: Iterable[str] | str,
    *,
    as_kind: Kind | None = None,
    date: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive), globs, "-" (stdin), URLs and feeds.

    `as_kind` overrides shape detection; `date` ("2014", "2014-05", "2014-05-07")
    sets every document's publication date. Lazy: inputs are read one at a time.
    """
    settings = settings or Settings()
    if isinstance(inputs, str):
        inputs = [inputs]
    for item in iter_sources(inputs, settings):
        if isinstance(item, InputError):
            yield item
            continue
        yield from _documents(item, as_kind, date)


def _documents(
    item: Fetched, as_kind: Kind | None, date: str | None
) -> Iterator[Document | InputError]:
    try:
        yield from documents_from_bytes(
            item.data,
            item.source,
            as_kind=as_kind,
            date=date,
            meta=item.meta,
            content_type=item.content_type,
        )
    except Exception as exc:  # a bug on one odd input must not stop the batch
        log.exception("ingest failed on %s", item.source)
        yield InputError(item.source, f"could not be processed ({type(exc).__name__}: {exc})")
