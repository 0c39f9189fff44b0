from __future__ import annotations

import hashlib

import pytest
from ingest_examples import PLAIN, WEBTEXT

from storyline.errors import InputError
from storyline.ingest import content_hash, document_from_bytes, document_from_text


def test_ids_come_from_the_normalised_clean_text():
    doc = document_from_text(PLAIN, "plain.txt")
    normal = " ".join(doc.text.split()).lower()
    assert doc.content_hash == hashlib.sha256(normal.encode()).hexdigest()
    assert doc.id == doc.content_hash[:16]
    # The same article with other spacing and casing is the same document.
    again = document_from_text(PLAIN.replace(" ", "  ").replace("\n", "\r\n"), "copy.txt")
    assert again.id == doc.id
    assert content_hash("ＡＢＣ  def") == content_hash("abc def")  # NFKC


def test_plain_text_unwraps_lines_and_lifts_the_headline():
    doc = document_from_text(PLAIN, "plain.txt")
    assert doc.kind == "text"
    assert doc.title == "Harbour council approves ferry fare rise"
    assert (
        doc.text.split("\n\n")
        == [
            "The harbour council voted on Monday to raise ferry fares by 12 percent from April. "
            "Officials said fuel costs had doubled since 2021 and that the operator could not absorb them.",
            "Commuter groups asked the council to phase the rise in over two years.",  # one sentence a line
            "The vote was 7 to 2.",
        ]
    )
    assert len(doc.paragraphs) == 3 and len(doc.sentences) == 4
    for s in doc.sentences:
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end


def test_date_option_wins_and_bad_option_is_an_error():
    doc = document_from_text(WEBTEXT, "2013-page.txt", date="2014-05-07")
    assert (doc.published, doc.published_granularity, doc.published_source) == (
        "2014-05-07",
        "day",
        "option",
    )
    doc = document_from_text(WEBTEXT, "2013-page.txt")
    assert (doc.published, doc.published_granularity, doc.published_source) == (
        "2013",
        "year",
        "filename",
    )
    with pytest.raises(InputError, match="date option"):
        document_from_text(WEBTEXT, "x.txt", date="next week")


def test_one_sentence_per_line_is_not_joined():
    text = "Ferry fares to rise\nThe council voted on Monday\nCommuters object to the plan\n"
    assert document_from_text(text, "t.txt").text.split("\n\n")[-2:] == [
        "The council voted on Monday",
        "Commuters object to the plan",
    ]


def test_no_date_is_invented():
    doc = document_from_text(PLAIN, "notes/plain.txt")
    assert (
        doc.published is None and doc.published_granularity is None and doc.published_source is None
    )


def test_text_dateline_and_byline():
    text = "Harbour tolls to rise next year\n\nBy Mira Castell\n\nMarch 4, 2021\n\nThe port said on Wednesday that tolls will rise by 5 percent next year."
    doc = document_from_text(text, "tolls.txt")
    assert doc.author == "Mira Castell"
    assert (doc.published, doc.published_source) == ("2021-03-04", "text")


def test_as_kind_overrides_detection():
    doc = document_from_text(PLAIN, "p.txt", as_kind="stripped")
    assert doc.kind == "stripped"
    with pytest.raises(InputError, match="unknown kind"):
        document_from_text(PLAIN, "p.txt", as_kind="pdf")  # type: ignore[arg-type]


def test_document_from_bytes_errors_name_the_source():
    with pytest.raises(InputError) as err:
        document_from_bytes(b"\x00\x01\x02binary", "blob.bin")
    assert err.value.source == "blob.bin" and "binary" in err.value.reason
    with pytest.raises(InputError, match="empty"):
        document_from_bytes(b"  \n ", "blank.txt")
