from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.ingest import document_from_bytes
from storyline.ingest.encoding import decode, fix_text, is_binary


def test_decode_utf8_and_bom():
    assert decode("Zürich café".encode(), "x") == "Zürich café"
    assert decode("\ufeffHello".encode("utf-8"), "x") == "Hello"
    assert decode("Hello there".encode("utf-16"), "x") == "Hello there"


def test_decode_cp1252_bytes():
    text = "The minister’s “plan” costs €5 – café owners object."
    assert decode(text.encode("cp1252"), "x") == text


MOJIBAKE = "The company’s critics didn’t agree.".encode().decode("cp1252")  # "companyâ€™s"


def test_fix_text_repairs_mojibake_and_keeps_curly_quotes():
    assert "â€" in MOJIBAKE
    assert fix_text(MOJIBAKE) == "The company’s critics didn’t agree."
    assert fix_text("“Yes,” she said.\r\n") == "“Yes,” she said.\n"


@pytest.mark.parametrize(
    "wrap", ["{}", "<html><body><article><p>{}</p><p>{}</p></article></body></html>"]
)
def test_documents_are_repaired(wrap):
    doc = document_from_bytes(
        wrap.format(MOJIBAKE, "A second paragraph for the extractor.").encode("utf-8"), "x"
    )
    assert "The company’s critics didn’t agree." in doc.text
    assert "â€" not in doc.text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(32)) * 40])
def test_decode_refuses_binary(data):
    assert is_binary(data)
    with pytest.raises(InputError, match="binary file, not text") as err:
        decode(data, "pic.png")
    assert err.value.source == "pic.png"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_decode_refuses_empty(data):
    with pytest.raises(InputError, match="empty"):
        decode(data, "blank.txt")


# Short Western news text with typographic punctuation, as old Windows tools save it.
CP1252_SAMPLES = [
    "The president’s office said “no comment” on Tuesday – then changed course.",
    "Officials didn’t say when the bridge would reopen; it’s been shut since May.",
    "“We’re not going anywhere,” the mayor’s spokesman said — twice.",
    "Café owners in Zürich say the 5 € levy is “unfair”.",
]


@pytest.mark.parametrize("text", CP1252_SAMPLES)
def test_cp1252_is_preferred_among_single_byte_guesses(text: str) -> None:
    assert decode(text.encode("cp1252"), "sample.txt") == text


def test_non_latin_single_byte_text_still_decodes() -> None:
    russian = "Президент заявил, что переговоры продолжатся в понедельник. " * 3
    greek = "Ο πρόεδρος δήλωσε ότι οι συνομιλίες θα συνεχιστούν τη Δευτέρα. " * 3
    assert decode(russian.encode("cp1251"), "ru.txt") == russian
    assert decode(greek.encode("cp1253"), "el.txt") == greek


def test_real_cp1252_articles_decode_exactly(shared_dir) -> None:
    """A slice of real articles with curly quotes, encoded cp1252 (bench/encoding_cp1252.py)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from encoding_cp1252 import passages

    texts = passages(str(shared_dir / "eval" / "multinews" / "dev.jsonl"), limit=40)
    assert len(texts) >= 20
    assert [t[:60] for t in texts if decode(t.encode("cp1252"), "x") != t] == []
