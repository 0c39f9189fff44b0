from __future__ import annotations

import pytest

from storyline.ingest.segment import segment


def _texts(text):
    paragraphs, sentences = segment(text)
    return [text[p.start : p.end] for p in paragraphs], [
        (s.paragraph, text[s.start : s.end]) for s in sentences
    ]


def test_segment_abbreviations_do_not_split():
    text = "Dr. Ana Ruiz moved to the U.S. in 2009. She joined Acme Inc. as an engineer. It grew 3.2 percent."
    _, sentences = _texts(text)
    assert [s for _, s in sentences] == [
        "Dr. Ana Ruiz moved to the U.S. in 2009.",
        "She joined Acme Inc. as an engineer.",
        "It grew 3.2 percent.",
    ]


def test_segment_every_line_is_a_paragraph_and_sentences_never_cross_lines():
    text = (
        "A headline without a stop\n\nFirst paragraph here. Second sentence.\nA line of its own\n"
    )
    paragraphs, sentences = _texts(text)
    assert paragraphs == [
        "A headline without a stop",
        "First paragraph here. Second sentence.",
        "A line of its own",
    ]
    assert sentences == [
        (0, "A headline without a stop"),
        (1, "First paragraph here."),
        (1, "Second sentence."),
        (2, "A line of its own"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "  Leading spaces. And trailing ones.   \n\n\n  Next paragraph!  ",
        '"Is it over?" she asked. "Not yet."\n“Curly quotes,” he said. ”',
        "No punctuation at all in this line\nnor this one",
    ],
)
def test_segment_offsets_are_exact_and_stripped(text):
    paragraphs, sentences = segment(text)
    for s in sentences:
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip() and chunk
        p = paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


def test_segment_stray_closing_quote_joins_its_sentence():
    text = "He said it was over. ”"
    _, sentences = _texts(text)
    assert sentences == [(0, "He said it was over. ”")]


def test_an_ellipsis_inside_a_quotation_does_not_end_the_sentence():
    text = (
        "\u201cWe waited\u2026 Then it came,\u201d Ana Ruiz said. She left.\n"
        '"We tried... Nobody answered," he said.\n'
        "It was a long night... The next day came.\n"
        '"It was long... The day came.\n'
    )
    _, sentences = _texts(text)
    assert [s for _, s in sentences] == [
        "\u201cWe waited\u2026 Then it came,\u201d Ana Ruiz said.",
        "She left.",
        '"We tried... Nobody answered," he said.',
        "It was a long night...",  # no quotation: the ellipsis ends it as before
        "The next day came.",
        '"It was long...',  # the quotation runs into the next paragraph: unchanged
        "The day came.",
    ]
