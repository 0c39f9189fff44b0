"""The store on the real seed articles (read from ../shared; skipped where absent)."""

from __future__ import annotations

from store_helpers import build_doc

from storyline.store import dedupe


def test_seeds_roundtrip_search_and_dedupe(new_store, seeds_dir):
    docs = [
        build_doc(path.read_text(encoding="utf-8"), source=str(path), title=path.stem)
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    assert len(docs) >= 3
    with new_store() as store:
        # three articles on one story share words, not copy: all are kept
        assert [r.status for r in store.add_many(docs)] == ["added"] * len(docs)
        assert store.documents([d.id for d in docs]) == docs
        assert set(store.search_ids("huawei", limit=10)) == {d.id for d in docs}
        assert store.verify() == []
        # a republished copy without its opening sentence is caught and linked
        original = max(docs, key=lambda d: len(d.sentences))
        copy = build_doc(original.text[original.sentences[1].start :], source="republished.txt")
        similarity = dedupe.similarity(dedupe.shingles(original.text), dedupe.shingles(copy.text))
        assert store.near_duplicate_threshold <= similarity <= 1.0  # a trimmed copy is contained
        result = store.add(copy)
        assert (result.status, result.duplicate_of) == ("near-duplicate", original.id)
        assert store.links(original.id)[0].similarity == similarity
