"""Paragraphs and sentences: the one splitter every stage uses.

Every offset downstream (summary citations, quotes, entities) is a character
offset into the clean text, so all stages must agree on where sentences are:
they all call `segment`. Sentences come from nupunkt (a Punkt model that
knows "U.S.", "Dr.", "Inc." and friends) run once over the whole text.

Paragraphs: any line break ends a paragraph (blank lines are only
separators). The ingest cleaners write one paragraph per line, unwrapping
hard-wrapped text first, so a sentence never crosses a newline here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import nupunkt

from ..marks import DOUBLE_MARK, SIDED_CLOSING, SIDED_OPENING
from ..model import Sentence, Span

_LINE = re.compile(r"[^\n]+")
# A "sentence" longer than this is a run-on line (a 5 MB file with no stops), not a
# sentence: it is cut at whitespace so no later stage sees megabyte sentences.
MAX_SENTENCE_CHARS = 2000
_WORDY = re.compile(r"\w")


def segment(text: str) -> tuple[list[Span], list[Sentence]]:
    """Split clean text into paragraph spans and sentences (offsets into `text`).

    For every sentence `text[s.start:s.end]` is the sentence with surrounding
    whitespace stripped; `s.paragraph` indexes the returned paragraph list.
    """
    paragraphs: list[Span] = []
    line_of: list[tuple[int, int]] = []  # (start, end) of each non-blank line
    for m in _LINE.finditer(text):
        start, end = _strip(text, m.start(), m.end())
        if start < end:
            paragraphs.append(Span(start, end))
            line_of.append((start, end))
    sentences: list[Sentence] = []
    if not paragraphs:
        return paragraphs, sentences

    p = 0
    for s_start, s_end in _join_quoted_ellipses(text, nupunkt.sent_spans(text)):
        # nupunkt may run a sentence over a line break: cut it at each one.
        while p < len(line_of) and line_of[p][1] <= s_start:
            p += 1
        q = p
        while q < len(line_of) and line_of[q][0] < s_end:
            start, end = _strip(text, max(s_start, line_of[q][0]), min(s_end, line_of[q][1]))
            if start < end:
                _add(sentences, text, Sentence(start, end, q))
            q += 1
    return paragraphs, sentences


_ELLIPSIS_END = re.compile(r"(?:\u2026|\.\s?\.\s?\.)\s*$")


def _open_after(text: str, start: int, end: int) -> bool | None:
    """Whether a quotation is open at `end`, reading marks from `start` (a line start);
    None when a closing mark has no opening one (the marks cannot be read). Curly and
    guillemet marks say which side they are; a straight mark turns; a doubled
    apostrophe is not read here."""
    open_ = False
    for m in DOUBLE_MARK.finditer(text, start, end):
        mark = m.group()
        if mark in SIDED_OPENING:
            open_ = True
        elif mark in SIDED_CLOSING:
            if not open_:
                return None
            open_ = False
        else:
            open_ = not open_
    return open_


def _join_quoted_ellipses(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentence spans, a speaker's pause kept inside its sentence: a sentence ending in an
    ellipsis ("..." or "\u2026") while a quotation opened on its line is still open runs
    on into the next one where that next one, on the same line, closes the quotation
    ('"We are ... we will keep going," Yu said.' is one sentence). A quotation that never
    closes on the line (a quote carried into the next paragraph) changes nothing."""
    pending: tuple[int, int] | None = None
    for start, end in spans:
        if pending is not None:
            line_start = text.rfind("\n", 0, pending[1]) + 1
            same_line = "\n" not in text[pending[1] : start]
            if same_line and _open_after(text, line_start, end) is False:
                start = pending[0]  # the next sentence closes the quotation: one sentence
            else:
                yield pending
            pending = None
        line_start = text.rfind("\n", 0, start) + 1
        if _ELLIPSIS_END.search(text, start, end) and _open_after(text, line_start, end):
            pending = (start, end)
        else:
            yield start, end
    if pending is not None:
        yield pending


def _add(sentences: list[Sentence], text: str, sentence: Sentence) -> None:
    """Append, cutting run-ons at MAX_SENTENCE_CHARS and folding wordless fragments."""
    while sentence.end - sentence.start > MAX_SENTENCE_CHARS:
        limit = sentence.start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", sentence.start + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut if cut > sentence.start else limit
        start, end = _strip(text, sentence.start, cut)
        if start < end:
            _add_one(sentences, text, Sentence(start, end, sentence.paragraph))
        start, end = _strip(text, cut, sentence.end)
        if start >= end:
            return
        sentence = Sentence(start, end, sentence.paragraph)
    _add_one(sentences, text, sentence)


def _add_one(sentences: list[Sentence], text: str, sentence: Sentence) -> None:
    """Append, folding a fragment with no word characters (a stray quote) into its neighbour."""
    if (
        not _WORDY.search(text[sentence.start : sentence.end])
        and sentences
        and sentences[-1].paragraph == sentence.paragraph
    ):
        sentences[-1].end = sentence.end
        return
    sentences.append(sentence)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
