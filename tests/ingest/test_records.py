from __future__ import annotations

import json

import pytest

from storyline.errors import InputError
from storyline.ingest import document_from_text, documents_from_bytes
from storyline.ingest.records import iter_records


def _docs(text, source="feed.jsonl", **kw):
    return list(documents_from_bytes(text.encode(), source, **kw))


def test_jsonl_records_become_documents_with_metadata():
    lines = [
        {
            "headline": "Fares rise",
            "content": "The council raised fares by 12 percent on Monday.",
            "url": "https://harbour.example/fares",
            "published": "2021-03-04",
            "source_name": "Harbour Daily",
            "authors": ["Mira Castell", "Tom Berg"],
        },
        {
            "title": "Pier opens",
            "text": "The new pier opened to cargo ships on Friday.",
            "date": "2021-03",
        },
    ]
    docs = _docs("\n".join(json.dumps(x) for x in lines))
    assert [d.source for d in docs] == ["feed.jsonl#0", "feed.jsonl#1"]
    first, second = docs
    assert (first.kind, first.title, first.outlet, first.author, first.url) == (
        "json",
        "Fares rise",
        "Harbour Daily",
        "Mira Castell, Tom Berg",
        "https://harbour.example/fares",
    )
    assert (first.published, first.published_granularity, first.published_source) == (
        "2021-03-04",
        "day",
        "metadata",
    )
    assert (second.published, second.published_granularity) == ("2021-03", "month")
    assert second.text == "The new pier opened to cargo ships on Friday."


def test_json_list_and_wrapper_and_single_object():
    assert (
        len(
            _docs(
                json.dumps([{"text": "One article here."}, {"body": "Another article here."}]),
                "a.json",
            )
        )
        == 2
    )
    assert len(_docs(json.dumps({"articles": [{"text": "Wrapped article."}]}), "b.json")) == 1
    doc = document_from_text(json.dumps({"article": "Just one.", "title": "T"}), "c.json")
    assert (doc.source, doc.title) == ("c.json#0", "T")


def test_bad_records_are_errors_that_name_the_record():
    text = '{"text": "Good record."}\n{not json}\n{"title": "no text"}\n{"text": "Another good one."}\n'
    items = _docs(text)
    errors = [i for i in items if isinstance(i, InputError)]
    assert sorted(e.source for e in errors) == ["feed.jsonl#1", "feed.jsonl#2"]
    assert "no text field" in next(e.reason for e in errors if e.source.endswith("#2"))
    assert sum(not isinstance(i, InputError) for i in items) == 2


def test_html_inside_a_record_is_cleaned_as_html():
    html = (
        "<html><body><article><p>The pier opened on Friday after two years of work by the port.</p>"
        "<p>Cargo firms welcomed it.</p></article><script>alert(1)</script></body></html>"
    )
    doc = document_from_text(json.dumps({"text": html, "title": "Pier"}), "r.json")
    assert doc.kind == "json" and doc.meta["text_kind"] == "html"
    assert "alert" not in doc.text and "<p>" not in doc.text


def test_multi_record_json_refused_by_document_from_text():
    with pytest.raises(InputError, match="2 records"):
        document_from_text('{"text": "a b c"}\n{"text": "d e f"}', "two.jsonl")


def test_iter_records_plain_strings():
    records = list(iter_records(json.dumps(["First text.", "Second text."]), "s.json"))
    assert [r.text for r in records] == ["First text.", "Second text."]
