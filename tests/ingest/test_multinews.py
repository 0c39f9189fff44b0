from __future__ import annotations

import gzip
import json

import pytest

from storyline.errors import InputError
from storyline.ingest import document_from_text
from storyline.ingest.multinews import iter_clusters, restore_newlines


def test_iter_clusters_longbench_format(tmp_path):
    record = {
        "context": "Passage 1:\nFirst article line. NEWLINE_CHAR NEWLINE_CHAR Second paragraph.\n"
        "Passage 2:\nAnother article. NEWLINE_CHAR More text.",
        "answers": ["The reference summary."],
        "_id": "abc",
    }
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record) + "\n")
    assert list(iter_clusters(path)) == [
        (
            "abc",
            ["First article line.\n\nSecond paragraph.", "Another article.\nMore text."],
            "The reference summary.",
        )
    ]


def test_iter_clusters_multinews_plus_gz(tmp_path):
    path = tmp_path / "val.jsonl.gz"
    rows = [
        {"idx": 7, "summary": "sum one", "documents": ["doc a", "", "doc b"]},
        {"idx": 8, "summary": "s", "documents": ["x"]},
    ]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    assert list(iter_clusters(path)) == [("7", ["doc a", "doc b"], "sum one"), ("8", ["x"], "s")]


def test_restore_newlines():
    assert restore_newlines("a NEWLINE_CHAR NEWLINE_CHAR b") == "a\n\nb"


def test_real_multinews_articles_ingest_cleanly(shared_dir):
    path = shared_dir / "eval" / "multinews" / "dev.jsonl"
    if not path.exists():
        pytest.skip("multinews dev set absent")
    clusters = list(iter_clusters(path))
    assert len(clusters) == 100 and all(articles and summary for _, articles, summary in clusters)
    kinds, failed = {}, 0
    for cid, articles, _ in clusters[:30]:
        for n, article in enumerate(articles):
            try:
                doc = document_from_text(article, f"multinews:{cid}:{n}")
            except InputError:
                # pages that held only furniture: a video player, a crawl notice, or the
                # tweet-location widget (4 pages of the first 30 clusters)
                failed += 1
                continue
            kinds[doc.kind] = kinds.get(doc.kind, 0) + 1
            assert "NEWLINE_CHAR" not in doc.text
            for furniture in (
                "Tweet with a location",
                "Advertisement Continue reading",
                "Story continues below",
            ):
                assert furniture not in doc.text
            assert doc.published_source in (None, "text")
    assert set(kinds) <= {"text", "webtext", "transcript"} and kinds.get("webtext", 0) >= 10
    assert failed <= 7
