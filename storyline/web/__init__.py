"""Storyline's web app and JSON API (FastAPI); nothing else imports this package."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
