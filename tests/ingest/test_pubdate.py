from __future__ import annotations

import pytest

from storyline.ingest import pubdate


@pytest.mark.parametrize(
    "name,value,granularity",
    [
        ("2014-idg-huawei.txt", "2014", "year"),
        ("/a/b/2014-05-07-report.html", "2014-05-07", "day"),
        ("2014-05_report.txt", "2014-05", "month"),
        ("2014_05_07.txt", "2014-05-07", "day"),
        ("records.jsonl#3", None, None),
        ("20140507.txt", None, None),  # eight digits is not a readable date
        ("2014-13-report.txt", None, None),
        ("report-2014.txt", None, None),
        ("topic/InputDocs/2010-05-26/1452.htm.txt", "2010-05-26", "day"),
        ("archive/2010-05-26x/1452.txt", None, None),
    ],
)
def test_from_filename(name, value, granularity):
    found = pubdate.from_filename(name)
    assert (found.value if found else None) == value
    assert (found.granularity if found else None) == granularity
    if found:
        assert found.source == "filename"


@pytest.mark.parametrize(
    "raw,value,granularity",
    [
        ("2014-05-07T10:00:00Z", "2014-05-07", "day"),
        ("Tue, 07 May 2014 10:00:00 GMT", "2014-05-07", "day"),
        ("May 7, 2014", "2014-05-07", "day"),
        ("2014", "2014", "year"),
        ("2014-05", "2014-05", "month"),
        ((2014, 5, 7, 0, 0, 0, 0, 0, 0), "2014-05-07", "day"),
        ("soon", None, None),
        ("2014-02-30", None, None),
        ("", None, None),
    ],
)
def test_parse_date(raw, value, granularity):
    found = pubdate.parse_date(raw, "metadata")
    assert (found.value if found else None) == value
    assert (found.granularity if found else None) == granularity


def test_from_text_reads_a_dateline_near_the_top():
    text = "Harbour tolls to rise\nBy Mira Castell | March 4, 2021\nThe port said on Wednesday..."
    found = pubdate.from_text(text)
    assert found and (found.value, found.source) == ("2021-03-04", "text")


def test_from_text_ignores_dates_inside_sentences_and_deep_in_the_text():
    assert (
        pubdate.from_text(
            "The treaty signed on March 4, 2021 in Lisbon changed how ports charge ships."
        )
        is None
    )
    deep = "\n".join(["Filler line."] * 10 + ["March 4, 2021"])
    assert pubdate.from_text(deep) is None


def test_from_text_reads_an_agency_dateline_opening_a_long_paragraph():
    body = " Kids who eat fast food often are more likely to do poorly, a study finds." * 3
    for opening, value in (
        ("MONDAY, Jan. 25, 2016 (HealthDay News) --", "2016-01-25"),
        ("WASHINGTON, May 7, 2014 (Reuters) -", "2014-05-07"),
        ("Thursday 6 May 2010 --", "2010-05-06"),
    ):
        found = pubdate.from_text(opening + body)
        assert found and (found.value, found.granularity) == (value, "day"), opening
    # a sentence that opens with a date is no dateline
    assert pubdate.from_text("May 7, 2014 was a Tuesday." + body) is None


def test_from_text_reads_an_agency_dateline_after_a_byline():
    body = " Ferry crews who sleep less make more mistakes, a survey of ports suggests." * 3
    for text, value in (
        (
            "By Ann Lee HealthDay Reporter TUESDAY, March 8, 2022 (HealthDay News) --" + body,
            "2022-03-08",
        ),
        (
            "Ferry survey\n\nBy Ann Lee\nwednesday, 9 March 2022 (Harbour Wire) -" + body,
            "2022-03-09",
        ),
    ):
        found = pubdate.from_text(text)
        assert found and (found.value, found.granularity) == (value, "day"), text[:40]
    # a date in brackets inside a sentence, with no dash after, is no dateline
    assert pubdate.from_text("The survey (March 8, 2022) found more mistakes." + body) is None
    # nor a bracketed dateline deep in the text
    assert pubdate.from_text(body * 4 + " MONDAY, March 7, 2022 (Harbour Wire) --") is None
