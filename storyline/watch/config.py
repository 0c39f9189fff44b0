"""The watch list: which URLs to follow, with names and tags, and how (a small TOML file).

    [watch]                      # all optional; command-line flags win
    every = "15m"
    out = "updates"
    notify = "https://hooks.example.org/storyline"
    allow_hosts = ["intranet.example:8080"]
    robots = true
    per_host = 2
    timeout = 20

    [[feed]]
    url = "https://example.org/news/rss"
    name = "Example News"
    tags = ["energy", "eu"]

Options are one typed object, `WatchOptions`; `load` reads a file into it
and `merge` lays command-line values over it (flag, then file, then default).
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(slots=True, frozen=True)
class Target:
    """One followed URL: a feed, a sitemap, a list of URLs or a page."""

    url: str
    name: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class WatchOptions:
    targets: list[Target] = field(default_factory=list)
    every: float = 15 * 60.0  # seconds between polls
    out: str | None = None  # folder for update briefs (md, html, json)
    notify: str | None = None  # webhook URL: each update POSTed as JSON
    allow_hosts: list[str] = field(default_factory=list)  # host or host:port allowed though private
    robots: bool = True  # honour robots.txt for article pages
    per_host: int = 2  # requests at once to one host
    timeout: float = 20.0  # seconds per read
    deadline: float = 60.0  # seconds per fetch in all
    max_items: int = 100  # new items followed per feed per poll
    briefs: bool = True  # build an update brief for each changed story


def parse_interval(value: str | float | int) -> float:
    """Seconds in "90", "90s", "15m", "2h", "1d" (or a number); ConfigError otherwise."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value).lower())
        if not m:
            raise ConfigError(f"cannot read the interval {value!r} (use e.g. 90s, 15m, 2h, 1d)")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds <= 0:
        raise ConfigError(f"the interval must be positive, got {value!r}")
    return seconds


def load(path: str | Path) -> WatchOptions:
    """Read a watch list; ConfigError naming the file and the entry at fault."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the watch list: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    options = WatchOptions()
    section = data.get("watch", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [watch] must be a table")
    known = {f.name for f in dataclasses.fields(WatchOptions)} - {"targets"}
    for key, value in section.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting watch.{key}")
        setattr(options, key, _coerce(path, key, value))
    feeds = data.get("feed", [])
    if not isinstance(feeds, list):
        raise ConfigError(f"{path}: feeds are written as [[feed]] tables")
    for n, entry in enumerate(feeds, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise ConfigError(f"{path}: feed {n} needs a url")
        unknown = set(entry) - {"url", "name", "tags"}
        if unknown:
            raise ConfigError(f"{path}: feed {n}: unknown key(s) {', '.join(sorted(unknown))}")
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ConfigError(f"{path}: feed {n}: tags must be a list of strings")
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise ConfigError(f"{path}: feed {n}: name must be a string")
        options.targets.append(Target(_url(path, entry["url"]), name, tuple(tags)))
    return options


def merge(base: WatchOptions, **flags: Any) -> WatchOptions:
    """`base` with every flag that was given (not None) laid over it."""
    values = {k: v for k, v in flags.items() if v is not None}
    extra = [Target(_url("command line", u)) for u in values.pop("urls", [])]
    merged = dataclasses.replace(base, **values)
    seen = {t.url for t in merged.targets}
    merged.targets = [*merged.targets, *(t for t in extra if t.url not in seen)]
    return merged


def _url(where: object, url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
    return url


def _coerce(path: Path, key: str, value: Any) -> Any:
    if key in {"every", "timeout", "deadline"}:
        return parse_interval(value)
    if key in {"per_host", "max_items"}:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{path}: watch.{key} must be a positive whole number")
        return value
    if key in {"robots", "briefs"}:
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: watch.{key} must be true or false")
        return value
    if key == "allow_hosts":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: watch.allow_hosts must be a list of strings")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{path}: watch.{key} must be a string")
    return value
