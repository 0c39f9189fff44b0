"""Search: user text becomes safe FTS5, results are bm25-ranked with highlighted snippets."""

from __future__ import annotations

import pytest
from pg_server import new_database
from store_helpers import build_doc

from storyline.store import fts_query, open_store

DOCS = [
    build_doc(
        "The city council approved the bridge budget on Tuesday. Engineers will start in May.",
        title="Bridge budget approved",
        source="a.txt",
        outlet="Daily",
    ),
    build_doc(
        "Budget talks stalled. The council said the bridge could wait. Budget cuts hit schools.",
        title="Talks stall",
        source="b.txt",
    ),
    build_doc(
        "Rising water closed the harbour road in Zürich. Officials said the storms were rising.",
        title="Storm closes road",
        source="c.txt",
    ),
    build_doc(
        "Workers at the factory went on strike over pay. The union's leader spoke to the crowd.",
        title=None,
        source="d.txt",
    ),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("search") / "store.db")
    else:
        target = new_database(request.getfixturevalue("pg_server"))
    with open_store(target) as s:
        s.add_many(DOCS)
        yield s


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bridge budget", '"bridge" AND "budget"'),
        ('"city council" budget', '"city council" AND "budget"'),
        ("bridge OR budget", '"bridge" AND "budget"'),
        ("NOT bridge", '"bridge"'),
        ("-bridge", '"bridge"'),
        ("budg*", '"budg"'),
        ('"unbalanced phrase', '"unbalanced" AND "phrase"'),
        ('say "it\'s" here', '"say" AND "it\'s" AND "here"'),
        ("title:bridge", '"title bridge"'),
        ("NEAR(bridge budget)", '"NEAR bridge" AND "budget"'),
        ("union's", '"union\'s"'),
        ("", None),
        ('  "" *** ( ) - : ^  ', None),
        ("AND OR NOT NEAR", None),
    ],
)
def test_search_fts_query_quotes_user_text(text, expected):
    assert fts_query(text) == expected


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "'",
        "(",
        ")",
        "*",
        "^",
        ":",
        "-",
        "+",
        "{",
        "}",
        "[",
        "]",
        "AND",
        "a AND",
        "OR b",
        "NEAR(",
        "NEAR(a b, 2)",
        'col:"x',
        "bridge*)",
        "\\",
        "%",
        "\x00",
        "über-straße",
        "a'b\"c",
        "🙂",
        "x" * 2000,
        "\u200b",
        "title:",
        "{title text}: bridge",
    ],
)
def test_search_never_raises(store, query):
    assert isinstance(store.search(query), list)


def test_search_requires_every_term(store):
    assert set(store.search_ids("council bridge")) == {DOCS[0].id, DOCS[1].id}
    assert store.search_ids("council harbour") == []


def test_search_phrase_keeps_word_order(store):
    assert store.search_ids('"city council"') == [DOCS[0].id]
    assert store.search_ids('"council city"') == []


def test_search_ranks_with_bm25(store):
    hits = store.search("budget")
    assert [h.document.id for h in hits] == [DOCS[0].id, DOCS[1].id]  # title hit weighs more
    assert hits[0].score > hits[1].score > 0
    assert hits[0].document == DOCS[0].ref()


def test_search_stems_and_folds_diacritics(store):
    assert store.search_ids("storm rise") == [DOCS[2].id]
    assert store.search_ids("zurich") == [DOCS[2].id]
    assert store.search_ids("UNION") == [DOCS[3].id]


def test_search_snippet_highlights_terms(store):
    [hit] = store.search("strike")
    assert "«strike»" in hit.snippet
    [hit] = store.search("strike", marks=("<b>", "</b>"))
    assert "<b>strike</b>" in hit.snippet


def test_search_limit(store):
    assert len(store.search("the", limit=2)) == 2
    assert store.search("the", limit=0) == []
    assert len(store.search_ids("the")) == 4
