"""Plain article text: unwrap hard-wrapped lines, lift a headline into the title.

The light cleaner for text that is already an article: it changes no words.
Webtext (boilerplate still in) builds on these helpers in `webtext.py`.
"""

from __future__ import annotations

import re

from .cleaned import Cleaned, join_paragraphs

_ENDS_SENTENCE = re.compile(r"""[.!?:;…]["”’')\]]*$""")
_FURNITURE = re.compile(
    r"\b(?:photo|photograph|image|getty|credit|click|share|subscribe|subscribing|e-?mail|sign up|"
    r"newsletter|advertisement|follow us|directed by|written by)\b|https?://|@\w",
    re.I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_BYLINE = re.compile(rf"^(?:[Bb]y|BY)\s+{_NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_NAME})*\s*$")


def clean_plain(text: str) -> Cleaned:
    """Clean plain text: paragraphs from blank lines, hard wraps undone, headline to title."""
    paragraphs = unwrap(text)
    title, paragraphs = take_title(paragraphs)
    author, paragraphs = take_byline(paragraphs)
    return Cleaned(join_paragraphs(paragraphs), title=title, author=author)


def lines(text: str) -> list[str]:
    """Non-blank lines with whitespace collapsed."""
    out = []
    for line in text.replace("\u200b", "").split("\n"):
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def unwrap(text: str) -> list[str]:
    """Paragraphs: blank lines separate them; a line is its own paragraph (one sentence
    per line is common) unless the block was hard-wrapped at a fixed width, or the next
    line carries on in lower case."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        block_lines = lines(block)
        if _hard_wrapped(block_lines):
            paragraphs.append(" ".join(block_lines))
            continue
        current = ""
        for line in block_lines:
            if current and line[:1].islower() and not _ENDS_SENTENCE.search(current):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _hard_wrapped(block_lines: list[str]) -> bool:
    """Lines cut at a fixed width: all but the last between 40 and 100 characters, close in
    length, and most of them not ending a sentence."""
    body = block_lines[:-1]
    if len(body) < 2:
        return False
    widths = [len(line) for line in body]
    if min(widths) < 40 or max(widths) > 100 or max(widths) - min(widths) > 25:
        return False
    open_ended = sum(1 for line in body if not _ENDS_SENTENCE.search(line))
    return open_ended >= len(body) / 2


def is_headline(line: str) -> bool:
    """A headline: 2-25 words, no closing full stop, starts with a capital or digit,
    and no page furniture (bylines, photo credits, share/subscribe buttons)."""
    words = line.split()
    return (
        2 <= len(words) <= 25
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
        and not re.search(r"[.;,]$", line)
        and not _FURNITURE.search(line)
        and not _BYLINE.match(line)
    )


def take_title(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Lift a leading headline out of the body when a body follows it."""
    if (
        len(paragraphs) >= 2
        and is_headline(paragraphs[0])
        and not paragraphs[0].endswith((":", '?"'))
        and (len(paragraphs[1].split()) >= 8 or len(paragraphs) >= 3)
    ):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs


def take_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A "By Jane Doe" line among the first three paragraphs becomes the author."""
    for i, p in enumerate(paragraphs[:3]):
        if _BYLINE.match(p):
            return re.sub(r"^by\s+", "", p, flags=re.I).strip(), paragraphs[:i] + paragraphs[
                i + 1 :
            ]
    return None, paragraphs
