"""Storyline: turn a pile of news coverage about a story into a sourced brief.

    >>> import storyline
    >>> docs = [d for d in storyline.read(["articles/"]) if isinstance(d, storyline.Document)]
    >>> print(storyline.render(storyline.brief(docs), "markdown"))

Names are imported lazily, so `import storyline.ingest` does not pay for the
store, the web app or spaCy.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "analyze": "storyline.api",
    "brief": "storyline.api",
    "brief_from_store": "storyline.api",
    "read": "storyline.api",
    "cluster": "storyline.api",
    "stories": "storyline.api",
    "story": "storyline.api",
    "Story": "storyline.model",
    "StoryEvent": "storyline.model",
    "StoryRef": "storyline.model",
    "render": "storyline.renderers",
    "Settings": "storyline.config",
    "Store": "storyline.store",
    "Analysis": "storyline.model",
    "Brief": "storyline.model",
    "Document": "storyline.model",
    "ConfigError": "storyline.errors",
    "InputError": "storyline.errors",
    "StoreError": "storyline.errors",
    "StorylineError": "storyline.errors",
}

__all__ = [
    "Analysis",
    "Brief",
    "ConfigError",
    "Document",
    "InputError",
    "Settings",
    "Store",
    "StoreError",
    "Story",
    "StoryEvent",
    "StoryRef",
    "StorylineError",
    "analyze",
    "brief",
    "brief_from_store",
    "cluster",
    "read",
    "render",
    "stories",
    "story",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import analyze, brief, brief_from_store, cluster, read, stories, story
    from .config import Settings
    from .errors import ConfigError, InputError, StoreError, StorylineError
    from .model import Analysis, Brief, Document, Story, StoryEvent, StoryRef
    from .renderers import render
    from .store import Store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


logging.getLogger(__name__).addHandler(logging.NullHandler())
