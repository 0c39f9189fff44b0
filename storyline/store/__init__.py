"""The store: Documents with full-text search and duplicate links, in SQLite or PostgreSQL.

from storyline.store import open_store
with open_store("storyline.db") as store:          # or "postgresql://user@host/db"
    store.add(doc)
    hits = store.search('"enterprise business" Huawei')
"""

from __future__ import annotations

from .base import AddResult, DuplicateLink, StoreBackend, StoreStats, is_postgres, open_store
from .db import Store
from .search import SearchHit, fts_query

__all__ = [
    "AddResult",
    "DuplicateLink",
    "SearchHit",
    "Store",
    "StoreBackend",
    "StoreStats",
    "fts_query",
    "is_postgres",
    "open_store",
]
