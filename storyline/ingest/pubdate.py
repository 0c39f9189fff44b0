"""Publication dates: from an option, metadata, a dateline or a file name.

The timeline resolves "last Tuesday" against this date, so a wrong date is
worse than none: every reader here is conservative and returns None rather
than guess. Dates are ISO prefixes at the precision known ("2014",
"2014-05", "2014-05-07") with that granularity and where they came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..datetokens import MONTHS, STAMP_YEAR, WEEKDAY
from ..model import DateSource, Granularity

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = rf"(?P<year>{STAMP_YEAR})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
# "May 7, 2014", "7 May 2014", "2014-05-07" anywhere in a short line.
_TEXT_DATES = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# A dateline line: mostly the date, or a date behind "Published"/"Updated"/"Posted" or a byline bar.
_DATELINE_CUE = re.compile(
    r"^\W*(published|posted|updated|last updated|first published|date)\b|\||·|•", re.I
)
# A wire or agency dateline opening a paragraph, however long the paragraph:
# "MONDAY, Jan. 25, 2016 (HealthDay News) -- Kids who ...",
# "WASHINGTON, May 7, 2014 (Reuters) - ...". The date must be followed by an
# agency in brackets or a dash, so a sentence that merely opens with a date
# ("May 7, 2014 was a Tuesday") is not taken.
_LEADING_DATELINES = [
    re.compile(
        rf"^(?:[A-Z][A-Za-z .'-]{{1,40}},\s+)?(?:{WEEKDAY},?\s+)?{date}"
        r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-|:)",
        re.I,
    )
    for date in (rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}")
]
# The same dateline after a byline or a headline run into it ("By Ann Lee HealthDay
# Reporter MONDAY, Jan. 25, 2016 (HealthDay News) -- ..."): anywhere near the top,
# but only with the agency in brackets and the dash, which no sentence has.
_INLINE_DATELINES = [
    re.compile(
        rf"(?:\b{WEEKDAY},?\s+)?\b{date}\s*\([^()\n]{{1,40}}\)\s*(?:--|—|–|-|:)",
        re.I,
    )
    for date in (rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}")
]
INLINE_DATELINE_CHARS = 600  # how far into the text a bracketed dateline is looked for
_FILENAME = re.compile(rf"^{_YEAR}(?:[-_.](?P<month>[01]\d)(?:[-_.](?P<day>[0-3]\d))?)?(?!\d)")


@dataclass(frozen=True, slots=True)
class PubDate:
    value: str
    granularity: Granularity
    source: DateSource


def parse_date(value: object, source: DateSource) -> PubDate | None:
    """An ISO-ish or written date string from metadata or an option; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return PubDate(value.strftime("%Y-%m-%d"), "day", source)
    if isinstance(value, tuple) and len(value) >= 3:  # time.struct_time from feedparser
        return _from_parts(str(value[0]), str(value[1]), str(value[2]), source)
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m and (len(text) == m.end() or not text[m.end()].isdigit()):
        found = _from_parts(m.group("year"), m.group("month"), m.group("day"), source)
        if found:
            return found
    for pattern in _TEXT_DATES:
        m = pattern.search(text)
        if m:
            return _from_match(m, source)
    return None


def from_text(text: str, *, lines: int = 6) -> PubDate | None:
    """A dateline among the first non-blank lines (a line that is mostly a date, or cued),
    or an agency dateline in brackets near the top ("... (HealthDay News) --")."""
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > lines:
            break
        lead = _LEADING_DATELINES[0].match(line) or _LEADING_DATELINES[1].match(line)
        if lead:
            return _from_match(lead, "text")
        if len(line) > 120:
            continue
        for pattern in _TEXT_DATES:
            m = pattern.search(line)
            if not m:
                continue
            rest = (line[: m.start()] + line[m.end() :]).strip(" ,.-–—|:")
            if len(rest) <= 12 or _DATELINE_CUE.search(line):
                return _from_match(m, "text")
    top = text[:INLINE_DATELINE_CHARS]
    inline = _INLINE_DATELINES[0].search(top) or _INLINE_DATELINES[1].search(top)
    return _from_match(inline, "text") if inline else None


def from_filename(path: str) -> PubDate | None:
    """A file name that opens with 2014, 2014-05 or 2014-05-07, or else a parent folder
    named exactly as a date (archives like "InputDocs/2010-05-26/1452.txt")."""
    pure = PurePosixPath(path.replace("\\", "/").split("#", 1)[0])
    m = _FILENAME.match(pure.name)
    if not m:
        m = _FILENAME.fullmatch(pure.parent.name)
    if not m:
        return None
    return _from_parts(m.group("year"), m.group("month"), m.group("day"), "filename")


def _from_match(m: re.Match[str], source: DateSource) -> PubDate | None:
    month = m.group("month")
    month_no = str(MONTHS[month.lower()]) if month.isalpha() else month
    return _from_parts(m.group("year"), month_no, m.group("day"), source)


def _from_parts(
    year: str, month: str | None, day: str | None, source: DateSource
) -> PubDate | None:
    y = int(year)
    if not 1800 <= y <= 2200:
        return None
    if month is None:
        return PubDate(f"{y:04d}", "year", source)
    mo = int(month)
    if not 1 <= mo <= 12:
        return None
    if day is None:
        return PubDate(f"{y:04d}-{mo:02d}", "month", source)
    try:
        dt.date(y, mo, int(day))
    except ValueError:
        return None
    return PubDate(f"{y:04d}-{mo:02d}-{int(day):02d}", "day", source)
