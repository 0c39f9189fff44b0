"""A timeline line never says more than the passage it cites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import storyline
from storyline.api import analyze, read
from storyline.briefing.build import build_brief
from storyline.config import Settings
from storyline.model import Document

DEMO = Path(storyline.__file__).parent / "demo"
_ADDED = re.compile(
    r"\[[^\]]*\]|\((?:superseded|planned|later moved to \d{4})\)"
)  # the brief's own insertions
_SPEAKER = re.compile(r"^[^:“\"]{2,80}:\s*(?=[“\"])")  # "Kevin Ho (Huawei): “…”"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _unsupported(paths: list[str]) -> list[tuple[str, set[str]]]:
    docs = [d for d in read(paths) if isinstance(d, Document)]
    brief = build_brief(analyze(docs), Settings())
    texts = {d.id: d.text for d in docs}
    bad = []
    for event in brief.timeline:
        cite = event.citations[0]
        passage = texts[cite.document][cite.start : cite.end]
        line = _SPEAKER.sub("", _ADDED.sub(" ", event.text))
        extra = _words(line) - _words(passage)
        if extra:
            bad.append((event.text, extra))
    return bad


@pytest.mark.slow
def test_demo_timeline_lines_stay_inside_their_citations() -> None:
    assert _unsupported(sorted(str(p) for p in DEMO.iterdir())) == []


@pytest.mark.slow
def test_seeds_timeline_lines_stay_inside_their_citations(seeds_dir: Path) -> None:
    assert _unsupported(sorted(str(p) for p in seeds_dir.iterdir())) == []
