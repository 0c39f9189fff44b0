"""The one table of years, months and weekdays: the readers that share it agree."""

import re

from storyline.analysis.dates import MONTHS as DATE_MONTHS
from storyline.datetokens import MONTHS, STAMP_YEAR, WEEKDAY, YEAR
from storyline.ingest.pubdate import from_text, parse_date


def test_year_ranges_are_named_for_their_use():
    assert re.fullmatch(YEAR, "1882") and re.fullmatch(YEAR, "2099")
    assert not re.fullmatch(YEAR, "2100") and not re.fullmatch(YEAR, "1799")
    assert re.fullmatch(STAMP_YEAR, "1999") and not re.fullmatch(STAMP_YEAR, "1882")
    assert DATE_MONTHS is MONTHS and MONTHS["sept"] == 9
    assert re.fullmatch(WEEKDAY, "MONDAY", re.I)


def test_publication_dates_read_the_shared_tables():
    assert parse_date("Sept. 7, 2014", "metadata").value == "2014-09-07"
    assert parse_date("7 May 1882", "metadata") is None  # a stamp year is 1900-2099
    found = from_text("MONDAY, Jan. 25, 2016 (HealthDay News) -- Kids who sleep")
    assert found is not None and found.value == "2016-01-25"
