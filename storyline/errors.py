"""Storyline's exceptions.

    StorylineError
    ├── InputError      an input could not be read; always names the input
    │   └── FetchError  a URL could not be fetched (`status` when the server answered)
    ├── StoreError      the SQLite store could not be opened or written
    │   └── NotFoundError   no stored document has that id (also a KeyError)
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


class FetchError(InputError):
    """A URL that could not be fetched; `status` is the HTTP status when the server answered."""

    def __init__(self, source: str, reason: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(source, reason)


class StoreError(StorylineError):
    """The store could not be opened, migrated or written."""


class NotFoundError(StoreError, KeyError):
    """No stored document has the id asked for; everything else a store raises is a failure."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ConfigError(StorylineError):
    """An invalid option or setting."""
