"""Acceptance: the brief of the three real seed articles (skips without ../shared).

`storyline brief ../shared/corpus/seeds/*` must give a brief with no
boilerplate in it, the transcript's speakers as speakers, the year of each
article from its file name, and every summary sentence cited.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.renderers.json import schema

pytestmark = pytest.mark.slow

BOILERPLATE = ("Skip to main content", "Share this story", "Huawei (STOCK)")


@pytest.fixture(scope="module")
def seeds_brief(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("seeds") / "brief.json"
    files = sorted(str(p) for p in seeds_dir.iterdir())
    result = CliRunner().invoke(app, ["brief", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def test_seeds_brief_validates_against_schema(seeds_brief: dict) -> None:
    jsonschema.validate(seeds_brief, schema())


def test_seeds_brief_has_each_article_year_from_file_name(seeds_brief: dict) -> None:
    years = sorted(d["published"] for d in seeds_brief["documents"])
    assert years == ["2013", "2014", "2018"]
    assert {d["published_source"] for d in seeds_brief["documents"]} == {"filename"}
    assert {d["kind"] for d in seeds_brief["documents"]} == {"webtext", "stripped", "transcript"}


def test_seeds_brief_every_summary_sentence_is_cited_to_its_passage(seeds_brief: dict) -> None:
    assert seeds_brief["summary"]
    for sentence in seeds_brief["summary"]:
        assert sentence["citations"]
        for c in sentence["citations"]:
            assert c["text"] and c["end"] > c["start"]
    cited = {c["document"] for s in seeds_brief["summary"] for c in s["citations"]}
    assert len(cited) >= 2, "a multi-document summary should draw on more than one article"


def test_seeds_brief_has_no_boilerplate(seeds_brief: dict) -> None:
    text = json.dumps(seeds_brief)
    for junk in BOILERPLATE:
        assert junk not in text, junk
    assert "03:04" not in text


def test_seeds_brief_transcript_speakers_are_speakers(seeds_brief: dict) -> None:
    speakers = {g["speaker"]: g for g in seeds_brief["quotes"]}
    for name in ("Kevin Ho", "Josephine Wolff", "Jim Xu"):
        assert name in speakers, sorted(s for s in speakers if s)
        assert speakers[name]["organisation"]
    assert "KEVIN HO" not in json.dumps(seeds_brief["summary"])


def test_seeds_brief_no_section_is_empty(seeds_brief: dict) -> None:
    for section in ("summary", "timeline", "quotes", "figures", "entities"):
        assert seeds_brief[section], section
