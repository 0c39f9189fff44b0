"""Storyline's exceptions.

    StorylineError
    ├── InputError      an input could not be read; always names the input
    ├── StoreError      the SQLite store could not be opened or written
    └── ConfigError     an option or setting is invalid

The CLI turns any of these into one line on stderr; the library raises them
and never returns None to signal failure.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error Storyline raises on purpose."""


class InputError(StorylineError):
    """An input that could not be read. `source` names it, `reason` says why."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(StorylineError):
    """The store could not be opened, migrated or written."""


class ConfigError(StorylineError):
    """An invalid option or setting."""
