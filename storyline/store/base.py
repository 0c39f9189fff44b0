"""What every store backend returns, and `open_store`, which picks the backend.

SQLite (`Store`, one file, nothing to start) is the default; a
`postgresql://` URL opens `PgStore`, the store that many processes and
machines can share. Both give the same answers to the same calls; the test
suite runs once per backend.
"""

from __future__ import annotations

import builtins
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self

from ..model import Document, DocumentRef

if TYPE_CHECKING:
    from ..config import Settings

Status = Literal["added", "duplicate", "near-duplicate", "unchanged"]
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
WRITE_RETRIES = 5  # a writer that still finds the store locked retries, never drops the document


@dataclass(slots=True, frozen=True)
class AddResult:
    """What `add` did with a document; `duplicate_of` names the stored original."""

    status: Status
    id: str
    duplicate_of: str | None = None


@dataclass(slots=True, frozen=True)
class DuplicateLink:
    """An input that was not stored because it copies `duplicate_of`."""

    doc_id: str
    duplicate_of: str
    kind: Literal["exact", "near"]
    similarity: float
    source: str
    document: DocumentRef  # title/outlet/date of the copy, e.g. to credit syndication


@dataclass(slots=True, frozen=True)
class StoreStats:
    documents: int
    sentences: int
    duplicates: int
    size_bytes: int


class StoreBackend(Protocol):
    """What callers may use of any store (`Store` for SQLite, `PgStore` for PostgreSQL)."""

    path: str
    near_duplicate_threshold: float

    def add(self, doc: Document) -> AddResult: ...
    def delete(self, doc_id: str) -> None: ...
    def get(self, doc_id: str) -> Document: ...
    def documents(self, ids: list[str] | None = None) -> list[Document]: ...
    def count(self) -> int: ...
    def links(self, doc_id: str) -> list[DuplicateLink]: ...
    def search(self, query: str, limit: int = 10, *, marks: tuple[str, str] = ...) -> list[Any]: ...
    def search_ids(self, query: str, limit: int = 10) -> list[str]: ...
    def save_analysis(self, analysis: dict[str, Any], version: str) -> None: ...
    def load_analysis(self, doc_id: str, version: str) -> dict[str, Any] | None: ...
    def stats(self) -> StoreStats: ...
    def verify(self) -> list[str]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def list(  # last: it shadows the builtin in the annotations below it
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        since: str | None = None,
        query: str | None = None,
    ) -> builtins.list[DocumentRef]: ...
    def __contains__(self, doc_id: object) -> bool: ...
    def __len__(self) -> int: ...


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_postgres(target: str | os.PathLike[str]) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(
    target: str | os.PathLike[str] | None = None,
    *,
    near_duplicate_threshold: float | None = None,
    settings: Settings | None = None,
) -> StoreBackend:
    """The store at `target`: a `postgresql://` URL or a SQLite path (default: settings.db).

    `settings` (default: `Settings.from_env()`, so `STORYLINE_DB` applies)
    supplies the target and the near-duplicate threshold when not given.
    """
    if target is None or near_duplicate_threshold is None:
        from ..config import Settings

        settings = settings or Settings.from_env()
        target = settings.db if target is None else target
        if near_duplicate_threshold is None:
            near_duplicate_threshold = settings.near_duplicate_threshold
    if is_postgres(target):
        from .postgres import PgStore

        return PgStore(str(target), near_duplicate_threshold=near_duplicate_threshold)
    from .db import Store

    return Store(target, near_duplicate_threshold=near_duplicate_threshold)


def check_threshold(value: float) -> float:
    from ..errors import ConfigError

    if not 0.0 < value <= 1.0:
        raise ConfigError(f"near_duplicate_threshold must be in (0, 1], got {value}")
    return value
