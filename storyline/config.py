"""Settings: one typed object, and one precedence rule applied in one place.

    flag  >  environment (STORYLINE_<FIELD>)  >  config file  >  surface default  >  default

`Settings.resolve` is that place: CLI commands and the web app pass the flags
the person actually gave (None = not given) and, where a surface differs from
the library (the CLI may fetch private URLs the operator types), its own
defaults. The config file is TOML with the field names as keys: the path in
STORYLINE_CONFIG, else ./storyline.toml when it exists.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

MAX_INPUT_BYTES = 50 * 1024 * 1024
CONFIG_FILE = "storyline.toml"


@dataclass(slots=True)
class Settings:
    db: str = "storyline.db"
    # ingest
    max_input_bytes: int = MAX_INPUT_BYTES
    fetch_timeout: float = 20.0  # one connect or read of a URL fetch
    fetch_deadline: float = 30.0  # a whole URL fetch, redirects included
    max_fetches: int = 4  # web app: URL fetches at once (more get 503)
    # typed URLs only: links found inside fetched feeds must always be public
    allow_private_urls: bool = False
    near_duplicate_threshold: float = 0.85
    # web app: Host headers it answers (comma-separated); None = loopback names + bind address
    allowed_hosts: str | None = None
    # brief
    summary_words: int = 250
    summary_sentences: int | None = None
    focus: str | None = None
    since: str | None = None
    full: bool = False  # brief: every item of every section, not capped to what an analyst reads
    # scale-out: a Dask scheduler address ("tcp://host:8786"); None = analyse locally
    scheduler: str | None = None

    @classmethod
    def resolve(
        cls,
        flags: Mapping[str, object] | None = None,
        *,
        defaults: Mapping[str, object] | None = None,
        environ: Mapping[str, str] | None = None,
        config_file: str | os.PathLike[str] | None = None,
    ) -> Settings:
        """Settings by the precedence rule above; a flag of None counts as not given."""
        environ = os.environ if environ is None else environ
        names = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, object] = {}
        for layer in (defaults or {}, _file_values(config_file, environ), _env_values(environ)):
            for name, value in layer.items():
                if name not in names:
                    raise ConfigError(f"unknown setting {name!r}")
                values[name] = value
        for name, value in (flags or {}).items():
            if name not in names:
                raise ConfigError(f"unknown setting {name!r}")
            if value is not None:
                values[name] = value
        try:
            return cls(**values)  # type: ignore[arg-type]
        except TypeError as exc:
            raise ConfigError(str(exc)) from exc

    @classmethod
    def from_env(cls, **flags: object) -> Settings:
        """`resolve(flags)`: kept for callers that pass flags as keywords."""
        return cls.resolve(flags)


def _env_values(environ: Mapping[str, str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for f in dataclasses.fields(Settings):
        raw = environ.get(f"STORYLINE_{f.name.upper()}")
        if raw is not None:
            out[f.name] = _coerce(f"STORYLINE_{f.name.upper()}", f.type, raw)
    return out


def _file_values(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> dict[str, object]:
    explicit = path or environ.get("STORYLINE_CONFIG")
    chosen = Path(explicit) if explicit else Path(CONFIG_FILE)
    if not explicit and not chosen.is_file():
        return {}
    try:
        data = tomllib.loads(chosen.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{chosen}: cannot read the config file: {exc}") from exc
    data = data.get("storyline", data)  # a [storyline] table or top-level keys
    types = {f.name: f.type for f in dataclasses.fields(Settings)}
    out: dict[str, object] = {}
    for name, value in data.items():
        if name not in types:
            raise ConfigError(f"{chosen}: unknown setting {name!r}")
        out[name] = (
            _coerce(f"{chosen}: {name}", types[name], value) if isinstance(value, str) else value
        )
    return out


def _coerce(name: str, type_: object, raw: str) -> object:
    t = str(type_)
    value = raw.strip()
    try:
        if t.startswith("bool"):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError("expected true or false")
        if t.startswith("int"):
            return None if value == "" and "None" in t else int(value)
        if t.startswith("float"):
            return float(value)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r}: {exc}") from exc
    return raw
