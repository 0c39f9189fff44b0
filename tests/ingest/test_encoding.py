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
