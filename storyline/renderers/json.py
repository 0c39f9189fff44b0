"""Brief -> JSON following storyline/schema/brief.schema.json."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..model import Brief

SCHEMA_VERSION = "1.0"


def brief_to_json_dict(brief: Brief) -> dict[str, Any]:
    data = {"schema_version": SCHEMA_VERSION, **brief.to_dict()}
    # Citation.text is optional in the dataclass; drop it where unknown so the
    # schema's "string" holds.
    _drop_none_text(data)
    return data


def render_json(brief: Brief) -> str:
    return json.dumps(brief_to_json_dict(brief), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The published JSON Schema of a brief."""
    text = resources.files("storyline.schema").joinpath("brief.schema.json").read_text("utf-8")
    return json.loads(text)


def _drop_none_text(node: Any) -> None:
    if isinstance(node, dict):
        if "document" in node and "start" in node and node.get("text", "") is None:
            del node["text"]
        for value in node.values():
            _drop_none_text(value)
    elif isinstance(node, list):
        for value in node:
            _drop_none_text(value)
