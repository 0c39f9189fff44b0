"""Settings: one typed object, defaults in one place.

CLI flags and the web app map onto `Settings`; library calls take it (or
None for the defaults). Environment variables `STORYLINE_<FIELD>` override
the defaults, so a deployment can be configured without flags.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

from .errors import ConfigError

MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(slots=True)
class Settings:
    db: str = "storyline.db"
    # ingest
    max_input_bytes: int = MAX_INPUT_BYTES
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False  # web app: refuse loopback/private fetches unless set
    near_duplicate_threshold: float = 0.85
    # brief
    summary_words: int = 250
    summary_sentences: int | None = None
    focus: str | None = None
    since: str | None = None
    full: bool = False  # brief: every item of every section, not capped to what an analyst reads
    # scale-out: a Dask scheduler address ("tcp://host:8786"); None = analyse locally
    scheduler: str | None = None
    # optional LLM backend (OpenAI-compatible HTTP API); None = built-in engine
    llm_url: str | None = None
    llm_model: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then STORYLINE_* environment variables, then overrides."""
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"STORYLINE_{f.name.upper()}")
            if raw is None or f.name == "extra":
                continue
            values[f.name] = _coerce(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)  # type: ignore[arg-type]
        except TypeError as exc:
            raise ConfigError(str(exc)) from exc


def _coerce(name: str, type_: object, raw: str) -> object:
    t = str(type_)
    try:
        if t.startswith("bool"):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if t.startswith("int"):
            return int(raw)
        if t.startswith("float"):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"STORYLINE_{name.upper()}={raw!r}: {exc}") from exc
    return raw
