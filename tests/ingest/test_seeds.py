"""Acceptance: the three real seed articles (read from ../shared, never copied here)."""

from __future__ import annotations

from storyline.errors import InputError
from storyline.ingest import read


def _by_year(seeds_dir):
    items = list(read([str(seeds_dir)]))
    assert not [i for i in items if isinstance(i, InputError)]
    return {d.published: d for d in items}


def test_seeds_shapes_and_years_without_as(seeds_dir):
    docs = _by_year(seeds_dir)
    assert {year: d.kind for year, d in docs.items()} == {
        "2013": "webtext",
        "2014": "stripped",
        "2018": "transcript",
    }
    for d in docs.values():
        assert (d.published_granularity, d.published_source) == ("year", "filename")
        assert d.sentences and d.paragraphs


def test_seed_webtext_has_no_boilerplate(seeds_dir):
    doc = _by_year(seeds_dir)["2013"]
    assert (
        doc.title
        == "Huawei backs out of US network equipment market, citing 'geopolitical reasons'"
    )
    for gone in ("Skip to main content", "Share this story", "(STOCK)"):
        assert gone not in doc.text
    assert doc.title not in doc.text
    assert doc.text.startswith("Following last October's Congressional report")
    assert (
        doc.text.count("get me wrong") == 1
    )  # the pull quote is gone, the quote in the body stays
    assert "Update: According to Huawei" in doc.text
    assert "â€" not in doc.text


def test_seed_transcript_speakers_are_turns(seeds_dir):
    doc = _by_year(seeds_dir)["2018"]
    turns = [(t.speaker, t.role, t.organisation) for t in doc.turns]
    assert turns == [
        ("Kevin Ho", "President, Handset Product Line", "Huawei"),
        ("Josephine Wolff", "Professor", "Rochester Institute of Technology"),
        ("Josephine Wolff", "Professor", "Rochester Institute of Technology"),
        ("Jim Xu", "VP, Consumer Business Group", "Huawei"),
    ]
    assert "03:04" not in doc.text and "KEVIN HO" not in doc.text and "PROFESSOR" not in doc.text
    for turn in doc.turns:
        spoken = doc.text[turn.start : turn.end]
        assert spoken[0].isupper() and spoken[-1] == "." and '"' not in spoken
    inside = [s for s in doc.sentences if s.speaker]
    assert {s.speaker for s in inside} == {"Kevin Ho", "Josephine Wolff", "Jim Xu"}
    assert all(any(t.start <= s.start < t.end for t in doc.turns) for s in inside)
    assert doc.sentences[0].speaker is None  # narration


def test_seed_stripped_punctuation_restored(seeds_dir):
    doc = _by_year(seeds_dir)["2014"]
    for fixed in ("U.S.", "isn't", "company's president", "US$3.2 billion", "won't"):
        assert fixed in doc.text
    for broken in (" U S ", "isn t", "company s ", "US 3 2"):
        assert broken not in doc.text
    lines = doc.text.split("\n\n")
    assert len(lines) == 17 and all(line.endswith(".") for line in lines)
    # Conservative splitting inside lines: more sentences than lines, but not word salad.
    assert 17 < len(doc.sentences) <= 34
    texts = [doc.sentence_text(s) for s in doc.sentences]
    assert (
        "But in the future Huawei wants its enterprise business to drive much of its growth."
        in texts
    )
    assert any(
        t.endswith("in this market, he said at a press conference on Wednesday.") for t in texts
    )
