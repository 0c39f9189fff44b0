"""Analysed documents -> Brief. See build.build_brief.

Imported lazily so `storyline.briefing.summary` can be used (by the evaluation
harness) without loading every other section.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_brief"]


def __getattr__(name: str) -> Any:
    if name == "build_brief":
        from .build import build_brief

        return build_brief
    raise AttributeError(name)
