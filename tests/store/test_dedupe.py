"""Exact and near-duplicate detection: linked, never stored twice, idempotent on re-ingest."""

from __future__ import annotations

import pytest
from store_helpers import article, build_doc, dump, row_counts

from storyline.store import Store, dedupe


def near_copy(text: str, every: int) -> str:
    """`text` with every `every`-th word replaced (the kind of edit a syndicating outlet makes)."""
    words = text.split(" ")
    for i in range(every - 1, len(words), every):
        words[i] = "edited"
    return " ".join(words)


# ---------------------------------------------------------------- helpers


def test_dedupe_words_and_hash_normalise_case_space_and_punctuation():
    assert dedupe.words("The  Mayor's\nplan, ＡＢＣ!") == ["the", "mayor", "s", "plan", "abc"]
    assert dedupe.content_hash("The mayor  said: no.") == dedupe.content_hash("the Mayor said no")
    assert dedupe.content_hash("The mayor said no.") != dedupe.content_hash("The mayor said yes.")


def test_dedupe_shingles_are_word_trigrams():
    assert dedupe.shingles("a b c d") == {b"a b c", b"b c d"}
    assert dedupe.shingles("Short text") == {b"short text"}
    assert dedupe.shingles(" ... ") == set() and dedupe.signature(set()) is None


def test_dedupe_signature_survives_blob_roundtrip():
    sig = dedupe.signature(dedupe.shingles(article(1)))
    back = dedupe.from_blob(dedupe.to_blob(sig))
    assert back == sig and (back.seed, back.scheme) == (dedupe.SEED, dedupe.SCHEME)


def test_dedupe_near_copy_similarity_is_as_designed():
    text = article(7)
    a, b = dedupe.shingles(text), dedupe.shingles(near_copy(text, 50))
    assert 0.85 <= dedupe.jaccard(a, b) < 1.0
    assert dedupe.jaccard(a, dedupe.shingles(near_copy(text, 8))) < 0.6
    assert dedupe.jaccard(a, dedupe.shingles(article(8))) < 0.1


# ---------------------------------------------------------------- in the store


def test_store_links_exact_duplicate_from_another_source(new_store):
    original = build_doc(article(1), source="wire/a.txt", outlet="Wire")
    copy = build_doc(original.text, id=original.id, source="paper/b.html", outlet="Paper")
    with new_store() as store:
        store.add(original)
        result = store.add(copy)
        assert (result.status, result.id, result.duplicate_of) == (
            "duplicate",
            copy.id,
            original.id,
        )
        assert store.count() == 1 and store.get(original.id) == original
        [link] = store.links(original.id)
        assert (link.kind, link.similarity, link.source) == ("exact", 1.0, "paper/b.html")
        assert link.document == copy.ref() and link.document.outlet == "Paper"


def test_store_exact_duplicate_by_content_hash_with_another_id(new_store):
    a = build_doc("The storm closed the airport.", id="a", content_hash="h" * 64)
    b = build_doc("THE STORM closed the airport!", id="b", source="b.txt", content_hash="h" * 64)
    with new_store() as store:
        store.add(a)
        assert store.add(b).duplicate_of == "a"
        with pytest.raises(Exception, match="duplicate of a"):
            store.get("b")


def test_store_exact_duplicate_by_fallback_hash_when_none_given(new_store):
    a = build_doc("The storm closed the airport.", id="a")
    b = build_doc("The storm   closed the airport", id="b", source="b.txt")
    c = build_doc("The storm closed the harbour.", id="c", source="c.txt")
    with new_store() as store:
        assert [r.status for r in store.add_many([a, b, c])] == ["added", "duplicate", "added"]
        assert (
            store.get("a").content_hash == ""
        )  # the fallback hash is never written into the Document


def test_store_links_near_duplicate_with_measured_similarity(new_store):
    original = build_doc(article(2), source="wire.txt")
    copy = build_doc(near_copy(original.text, 40), source="paper.txt", title="Reworded")
    with new_store() as store:
        store.add(original)
        result = store.add(copy)
        assert (result.status, result.duplicate_of) == ("near-duplicate", original.id)
        assert copy.id not in store and store.count() == 1
        [link] = store.links(original.id)
        expected = dedupe.similarity(dedupe.shingles(original.text), dedupe.shingles(copy.text))
        assert link.kind == "near" and link.similarity == pytest.approx(expected)
        assert link.similarity >= 0.85 and link.document.title == "Reworded"


def test_store_keeps_different_and_below_threshold_documents(new_store):
    original = build_doc(article(3), source="a.txt")
    rewrite = build_doc(near_copy(original.text, 8), source="b.txt")
    other = build_doc(article(4), source="c.txt")
    with new_store() as store:
        assert [r.status for r in store.add_many([original, rewrite, other])] == ["added"] * 3


def test_store_threshold_is_respected(new_store):
    original = build_doc(article(5), source="a.txt")
    copy = build_doc(near_copy(original.text, 40), source="b.txt")
    with new_store(near_duplicate_threshold=0.99) as store:
        assert [r.status for r in store.add_many([original, copy])] == ["added", "added"]


def test_store_reingest_changes_nothing(db_path):
    original = build_doc(article(6), source="a.txt")
    inputs = [
        original,
        build_doc(original.text, id=original.id, source="b.txt"),
        build_doc(near_copy(original.text, 40), source="c.txt"),
        build_doc(article(9), source="d.txt"),
    ]
    with Store(db_path) as store:
        first = store.add_many(inputs)
        assert [r.status for r in first] == ["added", "duplicate", "near-duplicate", "added"]
    before, counts = dump(db_path), row_counts(db_path)
    with Store(db_path) as store:
        again = store.add_many(inputs)
    assert [r.status for r in again] == ["unchanged"] * 4
    assert [r.duplicate_of for r in again] == [None, original.id, original.id, None]
    assert row_counts(db_path) == counts and dump(db_path) == before


def test_store_rebuilds_lsh_from_stored_signatures(db_path):
    original = build_doc(article(10), source="a.txt")
    with Store(db_path) as store:
        store.add(original)
    assert row_counts(db_path)["minhashes"] == 1
    with Store(db_path) as store:
        result = store.add(build_doc(near_copy(original.text, 40), source="b.txt"))
        assert (result.status, result.duplicate_of) == ("near-duplicate", original.id)


def test_store_sees_documents_added_by_another_connection(new_store):
    original = build_doc(article(11), source="a.txt")
    with new_store() as first, new_store() as second:
        first.add(build_doc(article(12), source="x.txt"))  # builds first's index
        second.add(original)
        result = first.add(build_doc(near_copy(original.text, 40), source="b.txt"))
        assert (result.status, result.duplicate_of) == ("near-duplicate", original.id)
        second.delete(original.id)
        again = first.add(build_doc(near_copy(original.text, 50), source="c.txt"))
        assert again.status == "added"


def test_store_deleted_original_no_longer_catches_copies(new_store):
    original = build_doc(article(13), source="a.txt")
    copy = build_doc(near_copy(original.text, 40), source="b.txt")
    with new_store() as store:
        store.add(original)
        store.delete(original.id)
        assert store.add(copy).status == "added"


def test_store_finds_near_copies_just_above_threshold(new_store):
    """Banding alone misses many pairs near its threshold; the lowered LSH threshold must not."""
    originals = [build_doc(article(100 + i), source=f"o{i}") for i in range(20)]
    copies = [build_doc(near_copy(d.text, 40), source=f"c{i}") for i, d in enumerate(originals)]
    with new_store() as store:
        store.add_many(originals)
        results = store.add_many(copies)
    assert [r.duplicate_of for r in results] == [d.id for d in originals]


def _edited_copy(text: str) -> str:
    """A syndicated rewrite: a new first sentence, the last paragraph cut."""
    body = text[: text.rindex(". ", 0, int(len(text) * 0.8)) + 1]  # the last fifth cut
    first_end = body.index(". ") + 2
    return "A rewritten opening line names the outlet and the hour of the news. " + body[first_end:]


def test_store_links_copies_with_a_new_lede_and_a_trimmed_end():
    originals = [build_doc(article(200 + i), source=f"o{i}") for i in range(10)]
    copies = [build_doc(_edited_copy(d.text), source=f"c{i}") for i, d in enumerate(originals)]
    with Store(":memory:") as store:
        store.add_many(originals)
        results = store.add_many(copies)
    assert [r.duplicate_of for r in results] == [d.id for d in originals]


def test_store_keeps_lsh_bands_in_a_table_and_backfills_an_older_file(db_path):
    original = build_doc(article(210), source="a.txt")
    with Store(db_path) as store:
        store.add(original)
    bands = row_counts(db_path)["lsh_bands"]
    assert dedupe.BANDS <= bands <= 2 * dedupe.BANDS  # the text's bands and its body's
    import sqlite3

    with sqlite3.connect(db_path) as conn:  # as a file written before bands were kept
        conn.execute("DELETE FROM lsh_bands")
        conn.execute("DELETE FROM store_state WHERE name = 'lsh_bands'")
    with Store(db_path) as store:
        result = store.add(build_doc(_edited_copy(original.text), source="b.txt"))
        assert (result.status, result.duplicate_of) == ("near-duplicate", original.id)
    assert row_counts(db_path)["lsh_bands"] == bands
