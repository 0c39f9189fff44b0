from __future__ import annotations

import gzip
import io
import sys

import pytest
from ingest_examples import PLAIN, TRANSCRIPT

from storyline.config import Settings
from storyline.errors import InputError
from storyline.ingest import read
from storyline.ingest import sources as sources_module
from storyline.model import Document

LOCAL = Settings(allow_private_urls=True, fetch_timeout=5)


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def _article(n: int) -> str:
    return f"Ferry report number {n}.\n\nThe harbour ferry carried {n} passengers on day {n}, the operator said."


def test_folder_is_recursive_sorted_and_skips_hidden_and_binary_types(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(_article(1))
    (tmp_path / "b" / "c.txt").write_text(_article(2))
    (tmp_path / ".git" / "config.txt").write_text(_article(3))
    (tmp_path / ".hidden.txt").write_text(_article(4))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    docs, errors = _split(list(read([str(tmp_path)])))
    assert errors == []
    assert [d.source for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]


def test_folder_of_many_files_streams(tmp_path, monkeypatch):
    for n in range(300):
        (tmp_path / f"{n:04d}.txt").write_text(_article(n))
    opened = []
    real = sources_module._read_file
    monkeypatch.setattr(sources_module, "_read_file", lambda p, s: opened.append(p) or real(p, s))
    stream = read([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, Document) and len(opened) == 1  # nothing read ahead
    rest = list(stream)
    assert len(rest) == 299 and len(opened) == 300
    assert len({d.id for d in [first, *rest]}) == 300


def test_glob_and_missing_inputs(tmp_path):
    for name in ("2014-one.txt", "2015-two.txt", "other.md"):
        (tmp_path / name).write_text(_article(len(name)))
    docs, errors = _split(
        list(
            read(
                [
                    str(tmp_path / "20*.txt"),
                    str(tmp_path / "nope*.txt"),
                    str(tmp_path / "missing.txt"),
                ]
            )
        )
    )
    assert [d.published for d in docs] == ["2014", "2015"]
    assert [e.reason for e in errors] == [
        "no files match this pattern",
        "no such file, folder or URL",
    ]


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    (tmp_path / "binary.dat").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "good.txt").write_text(PLAIN)
    (tmp_path / "win.txt").write_bytes(
        "Caf\u00e9 owners say the \u201cfare rise\u201d will hurt trade.".encode("cp1252")
    )
    items = list(
        read([str(tmp_path / n) for n in ("binary.dat", "empty.txt", "good.txt", "win.txt")])
    )
    docs, errors = _split(items)
    assert [(e.source.rsplit("/", 1)[-1], e.reason) for e in errors] == [
        ("binary.dat", "binary file, not text"),
        ("empty.txt", "empty"),
    ]
    assert docs[1].text == "Café owners say the “fare rise” will hurt trade."


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 10)  # sparse: 50 MB + 10 bytes
    monkeypatch.setattr(
        "builtins.open", lambda *a, **k: pytest.fail("the oversized file was opened")
    )
    (error,) = list(read([str(big)]))
    assert isinstance(error, InputError)
    assert "size limit of 52,428,800 bytes" in error.reason


def test_gzip_file_is_read(tmp_path):
    path = tmp_path / "2019-11-20-page.txt.gz"
    path.write_bytes(gzip.compress(PLAIN.encode()))
    (doc,) = list(read([str(path)]))
    assert doc.title == "Harbour council approves ferry fare rise" and doc.published == "2019-11-20"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TRANSCRIPT.encode())))
    (doc,) = list(read(["-"], date="2024-05"))
    assert (doc.source, doc.kind, doc.published, doc.published_source) == (
        "<stdin>",
        "transcript",
        "2024-05",
        "option",
    )


def test_url_article(http_base):
    (doc,) = list(read([f"{http_base}/article.html"], settings=LOCAL))
    assert doc.kind == "html" and doc.source == f"{http_base}/article.html"
    assert doc.url == f"{http_base}/article.html"
    assert doc.title == "Port city opens new ferry terminal" and doc.outlet == "Harbour Daily"


def test_url_redirect_plain_text_and_errors(http_base):
    docs, errors = _split(
        list(
            read(
                [f"{http_base}/redirect", f"{http_base}/notes.txt", f"{http_base}/missing.html"],
                settings=LOCAL,
            )
        )
    )
    assert [d.kind for d in docs] == ["html", "text"]
    assert docs[0].url == f"{http_base}/article.html"
    assert [e.reason for e in errors] == ["HTTP 404 Not Found"]


def test_url_size_limit(http_base):
    settings = Settings(allow_private_urls=True, max_input_bytes=1000)
    (error,) = list(read([f"{http_base}/big.txt"], settings=settings))
    assert isinstance(error, InputError) and "size limit of 1,000 bytes" in error.reason


def test_unreachable_url_is_a_clear_error():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (error,) = list(read([f"http://127.0.0.1:{port}/x"], settings=LOCAL))
    assert isinstance(error, InputError) and error.reason.startswith("cannot connect")


def test_private_addresses_are_refused_by_default(http_base):
    (error,) = list(read([f"{http_base}/article.html"]))
    assert isinstance(error, InputError) and "non-public address" in error.reason


def test_feed_links_to_private_addresses_are_refused_even_when_typed_urls_may_be(http_base):
    """The operator typed the feed URL; the links inside it came from whoever wrote the feed."""
    docs, errors = _split(list(read([f"{http_base}/feed.xml"], settings=LOCAL)))
    assert docs == [] and len(errors) == 3
    assert all("non-public address 127.0.0.1" in e.reason for e in errors)


def test_feed_entries_are_fetched_as_articles(http_base, monkeypatch):
    from storyline.ingest import fetch

    # pretend loopback is public, so the feed's links reach the test server
    monkeypatch.setattr(fetch, "refused_address", lambda address: None)
    docs, errors = _split(list(read([f"{http_base}/feed.xml"], settings=LOCAL)))
    assert [d.title for d in docs] == ["Port city opens new ferry terminal", "Cargo pier"]
    assert [d.published for d in docs] == ["2021-03-04", "2021-03-05"]  # from the feed entries
    assert all(d.outlet == "Harbour Daily" for d in docs)
    assert "cargo pier" in docs[1].text
    assert [(e.source, e.reason) for e in errors] == [
        (f"{http_base}/missing.html", "HTTP 404 Not Found")
    ]
