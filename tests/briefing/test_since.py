"""`since` is checked and inclusive."""

from __future__ import annotations

import pytest

from storyline.briefing.since import day_before, is_new, parse_since
from storyline.errors import ConfigError


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "2024-02-30", "24-05-01", ""])
def test_parse_since_rejects_malformed_dates_naming_them(value: str) -> None:
    with pytest.raises(ConfigError, match="since"):
        parse_since(value)
    if value:
        with pytest.raises(ConfigError, match=value):
            parse_since(value)


@pytest.mark.parametrize("value", ["2024", "2024-05", "2024-02-29"])
def test_parse_since_accepts_iso_prefixes(value: str) -> None:
    assert parse_since(value) == value


@pytest.mark.parametrize(
    "published,since,new",
    [
        ("2024-05-07", "2024-05-07", True),  # published on the day: new
        ("2024-05-06", "2024-05-07", False),
        ("2024-05-08", "2024-05-07", True),
        ("2024-05", "2024-05-07", False),  # may be before the 7th
        ("2024-05", "2024-05", True),
        ("2024-06", "2024-05-07", True),
        ("2024-05-01", "2024", True),
        (None, "2024", False),
    ],
)
def test_is_new_is_inclusive_at_shared_precision(
    published: str | None, since: str, new: bool
) -> None:
    assert is_new(published, since) is new


@pytest.mark.parametrize(
    "since,before", [("2024-03-01", "2024-02-29"), ("2024-01", "2023-12"), ("2024", "2023")]
)
def test_day_before(since: str, before: str) -> None:
    assert day_before(since) == before
