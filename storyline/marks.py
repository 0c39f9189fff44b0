"""Quotation marks: the one table of marks every stage reads.

A leaf module (it imports nothing of Storyline), so ingest and analysis both read it
without breaking the dependency direction. The stages need different sets, and on
purpose: the ingest's sentence joiner reads single characters and must not take a
doubled apostrophe for a mark; transcripts write speech in double marks only; the
parse keeps a doubled apostrophe ('') as one token, and some wire text quotes with it
(''A,'' he said). Each set is therefore a named composition of the marks below, so a
change to what counts as a mark is made here, once.
"""

from __future__ import annotations

import re

OPEN_CURLY = "\u201c"  # “
CLOSE_CURLY = "\u201d"  # ”
STRAIGHT = '"'
OPEN_GUILLEMET = "\u00ab"  # «
CLOSE_GUILLEMET = "\u00bb"  # »
DOUBLED_APOSTROPHE = "''"  # a quotation mark in some wire and newspaper text

# Double marks that show which side they are (a straight mark turns).
SIDED_OPENING = OPEN_CURLY + OPEN_GUILLEMET
SIDED_CLOSING = CLOSE_CURLY + CLOSE_GUILLEMET
# Every double quotation mark, one character each.
DOUBLE_MARKS = SIDED_OPENING + SIDED_CLOSING + STRAIGHT
DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
# The marks a quotation is read from in running text: a double mark or a doubled
# apostrophe (the two-character mark first, so it is not read as two apostrophes).
QUOTE_MARK = re.compile(f"{DOUBLED_APOSTROPHE}|[{DOUBLE_MARKS}]")
# Of those, the ones that can close a quotation.
CLOSING_MARK = re.compile(f"{DOUBLED_APOSTROPHE}|[{SIDED_CLOSING}{STRAIGHT}]")

# The marks that open or close a quotation, each as one string: a parse token (the
# parse keeps '' as one token) or a mark read from running text.
OPEN_QUOTES = frozenset({OPEN_CURLY, STRAIGHT, OPEN_GUILLEMET, DOUBLED_APOSTROPHE})
CLOSE_QUOTES = frozenset({CLOSE_CURLY, STRAIGHT, CLOSE_GUILLEMET, DOUBLED_APOSTROPHE})

# Transcripts set speech in straight or curly double marks only.
TRANSCRIPT_OPENING = STRAIGHT + OPEN_CURLY
TRANSCRIPT_CLOSING = STRAIGHT + CLOSE_CURLY
TRANSCRIPT_MARKS = STRAIGHT + OPEN_CURLY + CLOSE_CURLY
