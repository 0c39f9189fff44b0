"""The TOML watch list and the interval syntax."""

from __future__ import annotations

import pytest

from storyline.errors import ConfigError
from storyline.watch.config import Target, WatchOptions, load, merge, parse_interval


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), (30, 30)],
)
def test_config_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0", "15x"])
def test_config_parse_interval_refuses(text):
    with pytest.raises(ConfigError):
        parse_interval(text)


def test_config_load_watch_list_with_names_tags_and_settings(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[watch]\nevery = "30m"\nout = "updates"\nallow_hosts = ["intranet.example:8080"]\n'
        "robots = false\nper_host = 1\n\n"
        '[[feed]]\nurl = "https://example.org/rss"\nname = "Example"\ntags = ["energy", "eu"]\n\n'
        '[[feed]]\nurl = "https://example.net/sitemap.xml"\n',
        encoding="utf-8",
    )
    options = load(path)
    assert options.every == 1800 and options.out == "updates" and options.robots is False
    assert options.per_host == 1 and options.allow_hosts == ["intranet.example:8080"]
    assert options.targets == [
        Target("https://example.org/rss", "Example", ("energy", "eu")),
        Target("https://example.net/sitemap.xml"),
    ]
    merged = merge(options, urls=["https://example.org/rss", "https://x.example/feed"], every=60.0)
    assert merged.every == 60 and [t.url for t in merged.targets][-1] == "https://x.example/feed"
    assert len(merged.targets) == 3  # the URL given twice is followed once


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feed]]\nname = 'x'\n", "needs a url"),
        ("[[feed]]\nurl = 'file:///etc/passwd'\n", "not an http"),
        ("[[feed]]\nurl = 'https://a.example'\ncolour = 'red'\n", "unknown key"),
        ("[watch]\nspeed = 3\n", "unknown setting"),
        ("[watch]\nper_host = 0\n", "positive"),
        ("[[feed]\n", "not valid TOML"),
    ],
)
def test_config_load_names_the_problem(tmp_path, text, message):
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load(path)
    assert str(path) in str(info.value)


def test_config_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load(tmp_path / "nope.toml")
    assert WatchOptions().every == 900
