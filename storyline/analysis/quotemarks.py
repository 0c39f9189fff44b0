"""Quotation marks: where quotations open and close, and how a quoted passage reads.

Straight and curly marks, quotes carried on across paragraphs (an opening
mark with no close before the next paragraph's opening mark), the display
form of a multi-part quote, and single marks used as quotation marks by
outlets that write 'like this' (`single_marks_as_double`). No parse needed: the attribution modules
build on these spans.
"""

from __future__ import annotations

import re

from ..marks import (
    CLOSE_CURLY,
    CLOSE_QUOTES,
    CLOSING_MARK,
    DOUBLE_MARKS,
    DOUBLED_APOSTROPHE,
    OPEN_CURLY,
    OPEN_QUOTES,
    QUOTE_MARK,
    STRAIGHT,
)
from ..model import Span

_TRIM = " \t\n,;:\u2014\u2013-"
# "market,”" and "wraps.”": a stop and the closing mark right after a quote's end.
_CLOSES = re.compile(rf"[.,!?]?(?:{CLOSING_MARK.pattern})")


def find_quote_spans(text: str) -> list[list[Span]]:
    """Quoted passages, marks included; a quote carried across paragraphs is one group.

    An opening mark with no closing mark before the paragraph ends continues into
    the next paragraph when that paragraph opens with a quotation mark.
    """
    groups: list[list[Span]] = []
    current: list[Span] = []
    open_at: int | None = None
    for m in QUOTE_MARK.finditer(text):
        ch, pos = m.group(), m.start()
        if ch == DOUBLED_APOSTROPHE:
            ch = STRAIGHT  # read like a straight mark
        if open_at is not None and "\n" in text[open_at:pos]:
            para_end = text.index("\n", open_at)
            nxt = text[para_end:].lstrip()
            if (
                pos == len(text) - len(nxt)
                and ch in OPEN_QUOTES
                and _tag_inside(text, open_at, para_end) is None
            ):
                current.append(Span(open_at, para_end))
                open_at = pos
                continue
            _close_at_paragraph_end(text, open_at, para_end, current, groups)
            open_at = None
            current = []
        if open_at is None:
            if ch in OPEN_QUOTES:
                open_at = pos
            continue
        if ch in CLOSE_QUOTES and not (ch == STRAIGHT and _is_opening_straight(text, pos, m.end())):
            current.append(Span(open_at, m.end()))
            groups.append(current)
            current, open_at = [], None
    if open_at is not None:
        end = text.find("\n", open_at)
        _close_at_paragraph_end(text, open_at, len(text) if end == -1 else end, current, groups)
    return groups


def _close_at_paragraph_end(
    text: str, open_at: int, para_end: int, current: list[Span], groups: list[list[Span]]
) -> None:
    """A quote opened at a paragraph's start and never closed runs to the paragraph's end
    (the closing mark was lost, or the paragraph ends a quote carried across several)."""
    para_start = text.rfind("\n", 0, open_at) + 1
    lead = text[para_start:open_at].strip()
    tag = _tag_inside(text, open_at, para_end)
    if tag is not None:
        para_end = tag  # '"A, said Roe, whose ...': the mark lost before the tag
    elif lead and not (lead[-1] in ",:" and _TAG_VERB.search(lead)):
        return  # a mark opened mid-paragraph after no tag: a stray mark, not a quote
    if len(text[open_at:para_end].split()) < 4:
        return
    groups.append([*current, Span(open_at, para_end)])


# Verbs of a tag ("said Roe", "Roe added"), written as news writes them.
_TAG_VERB = re.compile(
    r"\b(?:said|says|added|adds|explained|explains|noted|notes|told|tells|wrote|writes"
    r"|insisted|insists|stressed|stresses|continued|continues)\b"
)
_TAG_AFTER_COMMA = re.compile(
    r",\s+(?:" + _TAG_VERB.pattern + r"\s+(?:[A-Z]|he\b|she\b|they\b)"
    r"|(?:[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3}|he|she|they)\s+"
    + _TAG_VERB.pattern
    + r")"
)


def _tag_inside(text: str, open_at: int, para_end: int) -> int | None:
    """Where an unclosed quotation ends when a tag follows it inside the paragraph
    ('"A, said Roe, whose group ...' or '"A, Roe said.'): its closing mark was lost
    before the tag's comma. None when no tag follows in the paragraph."""
    m = _TAG_AFTER_COMMA.search(text, open_at + 1, para_end)
    return None if m is None else m.start() + 1


def _is_opening_straight(text: str, pos: int, end: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[end] if end < len(text) else " "
    return before.isspace() and not after.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip padding and joining punctuation, keeping a quote's own marks and final stop."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    # keep "market,”" and "wraps.”" whole when the quote closes right after
    m = _CLOSES.match(text, end, end + 3)
    if m and (text[start : start + 1] in OPEN_QUOTES or text.startswith(DOUBLED_APOSTROPHE, start)):
        end = m.end()
    return start, end


def _quote_closes_before(text: str, pos: int) -> bool:
    """True when a quotation closes right before `pos` ('"We will win," Ann Roe, 52, told ...')."""
    before = text[:pos].rstrip()
    if before.endswith(DOUBLED_APOSTROPHE):
        before = before[:-2] + STRAIGHT
    return (
        bool(before) and before[-1] in CLOSE_QUOTES and before[-2:-1] in (",", "?", "!", ".", "—")
    )


def _dedupe(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def _display(text: str, spans: list[Span]) -> str:
    parts = []
    for s in spans:
        part, prev = text[s.start : s.end].strip(), None
        while part != prev:
            prev = part
            part = part.removeprefix(DOUBLED_APOSTROPHE).removesuffix(DOUBLED_APOSTROPHE)
            part = part.strip(DOUBLE_MARKS).strip().rstrip(",").strip()
            if part.startswith("that "):
                part = part[5:]  # "said that X" reads as "X"
        if len(QUOTE_MARK.findall(part)) == 1:
            part = QUOTE_MARK.sub(
                "", part
            )  # 'that "apparently ...': a mark left unpaired by the trim
        parts.append(part.strip())
    return " ".join(p for p in parts if p)


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[\u2014]))['\u2018](?=[^\W_])", re.M)
# A closing single mark ends a word or a clause and is followed by a break; it is not
# an apostrophe inside a word ("it's") and, unless punctuation comes first or after,
# not a plural possessive ("the Pells' house").
_SINGLE_CLOSE_STRICT = re.compile(
    r"(?<=[.,!?;:\u2014-])['\u2019](?=\s|$|[)\]])|(?<=\w)['\u2019](?=[.,;:!?)\]])", re.M
)
_SINGLE_CLOSE_LOOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?=\s|$)", re.M)


def single_marks_as_double(text: str) -> str:
    """The text with single quotation marks written as double ones, character for
    character (offsets hold), when the document quotes 'like this': it has no double
    quotation marks at all and a single mark opens and later closes a passage within a
    paragraph. Apostrophes ("it's", "the Pells' house") are left alone. Otherwise the
    text is returned unchanged."""
    if QUOTE_MARK.search(text) or not _SINGLE_OPEN.search(text):
        return text
    chars = list(text)
    pos = 0
    while True:
        m = _SINGLE_OPEN.search(text, pos)
        if m is None:
            break
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end == -1 else para_end
        close = _SINGLE_CLOSE_STRICT.search(text, m.end(), para_end)
        loose = _SINGLE_CLOSE_LOOSE.search(text, m.end(), para_end)
        if (
            loose is not None
            and (close is None or loose.start() < close.start())
            and _short(text[m.end() : loose.start()])
        ):
            close = loose  # 'unacceptable' in ...: a scare quote closes at the word's end
        if close is None:
            pos = m.end()
            continue
        chars[m.start()] = OPEN_CURLY
        chars[close.start()] = CLOSE_CURLY
        pos = close.end()
    return "".join(chars)


def _short(words: str) -> bool:
    """A scare-quoted phrase ('unacceptable', 'a new era'): a few words, no clause end."""
    return len(words.split()) <= 6 and not re.search(r"[.!?]", words)
