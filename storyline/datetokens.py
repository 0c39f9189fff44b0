"""Years, months and weekdays as text writes them: the one table every stage reads.

A leaf module (it imports nothing of Storyline), so ingest (publication dates) and
analysis and briefing (dates, figures, comparisons) read the same words and patterns
without breaking the dependency direction. The year patterns are plain regex
alternations, no groups, for the caller to wrap (`rf"(?P<year>{YEAR})"`,
`rf"\\b(?:{YEAR})\\b"`). Their ranges differ on purpose, each named for its use:

- `YEAR` (1800-2099): a year a sentence names, which may be history ("the 1882 act").
- `STAMP_YEAR` (1900-2099): the year of a date stamp (a publication date, an ISO date,
  a file name), where a 19th-century year is a misreading, not a date.
"""

from __future__ import annotations

YEAR = r"1[89]\d\d|20\d\d"
STAMP_YEAR = r"(?:19|20)\d\d"

# Month names and the abbreviations news writes, lower case -> month number.
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Month names as running text capitalises them ("may" and "march" are also words).
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Weekday names, lower case -> Python's weekday number (Monday 0).
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# A weekday name, any case when compiled with re.I ("Monday", "MONDAY").
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
