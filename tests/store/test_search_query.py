"""Query normalisation in store/search.py: bounded cost whatever a person types."""

from __future__ import annotations

import time

from storyline.ingest import document_from_text
from storyline.store import Store
from storyline.store.search import MAX_QUERY_TERMS, fts_query


def test_repeated_terms_count_once_case_insensitively() -> None:
    assert fts_query("the The THE the ferry Ferry") == '"the" AND "ferry"'
    assert fts_query('"a phrase" "A  Phrase" x') == '"a phrase" AND "x"'


def test_terms_and_length_are_capped() -> None:
    query = fts_query(" ".join(f"w{i}" for i in range(1000)))
    assert query is not None and query.count(" AND ") == MAX_QUERY_TERMS - 1
    assert fts_query("x" * 100_000) is not None and len(fts_query("x" * 100_000) or "") < 1000


def test_control_characters_are_dropped() -> None:
    assert fts_query("polic\x00e") == '"polic" AND "e"'
    assert fts_query("\x00\x1b[31m") == '"31m"'
    assert fts_query("\x00") is None


def test_twenty_thousand_repeats_answer_at_once(tmp_path) -> None:
    doc = document_from_text("The mayor said the ferry terminal opens on Monday. " * 5, "a.txt")
    with Store(tmp_path / "s.db") as store:
        store.add(doc)
        started = time.monotonic()
        hits = store.search("the " * 20_000)
        took = time.monotonic() - started
    assert [h.document.id for h in hits] == [doc.id] and took < 1.0
