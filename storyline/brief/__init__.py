"""Analysed documents -> Brief. See build.build_brief."""

from .build import build_brief

__all__ = ["build_brief"]
