"""The store: Documents in one SQLite file, with FTS5 search and duplicate links.

from storyline.store import Store
with Store("storyline.db") as store:
    store.add(doc)
    hits = store.search('"enterprise business" Huawei')
"""

from __future__ import annotations

from .db import AddResult, DuplicateLink, Store, StoreStats
from .search import SearchHit, fts_query

__all__ = ["AddResult", "DuplicateLink", "SearchHit", "Store", "StoreStats", "fts_query"]
