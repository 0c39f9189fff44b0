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


# ---------------------------------------------------------------- the story shape


def _story_lines(brief: dict) -> list[str]:
    """Every line a reader takes on its own: lede, narrative, summary, timeline,
    and what key players did (their direct quotes sit under their name)."""
    return [
        *(s["text"] for s in brief["lede"]),
        *(line["text"] for line in brief["narrative"]),
        *(s["text"] for s in brief["summary"]),
        *(e["text"] for e in brief["timeline"]),
        *(
            d["text"]
            for p in brief["key_players"]
            for d in p["did"]
            if not d["text"].startswith("“")
        ),
    ]


def _published(brief: dict) -> dict[str, str]:
    return {d["id"]: d["published"] for d in brief["documents"]}


def test_seeds_brief_opens_with_a_cited_lede_from_the_latest_article(seeds_brief: dict) -> None:
    lede = seeds_brief["lede"]
    assert 2 <= len(lede) <= 3
    assert all(s["citations"] and s["citations"][0]["text"] for s in lede)
    assert _published(seeds_brief)[lede[0]["citations"][0]["document"]] == "2018"
    assert "Huawei" in lede[0]["text"]
    years = {_published(seeds_brief)[s["citations"][0]["document"]] for s in lede[1:]}
    assert years & {"2013", "2014"}, "the context should reach back to the earlier coverage"


def test_seeds_brief_tells_2013_to_2018_in_order_with_dates_and_sources(
    seeds_brief: dict,
) -> None:
    narrative = seeds_brief["narrative"]
    dates = [line["date"] for line in narrative]
    assert all(dates) and dates == sorted(dates)
    assert {"2013", "2014", "2018"} <= {line["period"] for line in narrative}
    published = _published(seeds_brief)
    for line in narrative:
        assert line["document"] in published
        assert line["citations"][0]["document"] == line["document"]


def test_seeds_brief_has_the_fcc_vote_and_the_probe_finding(seeds_brief: dict) -> None:
    told = " ".join(s["text"] for s in [*seeds_brief["lede"], *seeds_brief["narrative"]])
    assert "voted 5-0" in told
    assert "didn’t turn up any evidence of spying" in told or "evidence of spying" in told


def test_seeds_brief_lines_all_stand_alone(seeds_brief: dict) -> None:
    from storyline.briefing.readable import problems

    bad = {line: problems(line) for line in _story_lines(seeds_brief) if problems(line)}
    assert bad == {}
    text = " ".join(_story_lines(seeds_brief))
    assert "these countries" not in text
    assert not text.startswith("The growth of our")


def test_seeds_brief_sources_have_titles_not_file_names(seeds_brief: dict) -> None:
    for ref in seeds_brief["documents"]:
        assert ref["title"] and not ref["title"].endswith(".txt"), ref


def test_seeds_brief_shows_how_it_developed(seeds_brief: dict) -> None:
    pytest.importorskip("storyline.briefing.developments")
    kinds = {d["kind"] for d in seeds_brief["developments"]}
    assert "stance" in kinds
    assert kinds & {"target", "plan"}
    for d in seeds_brief["developments"]:
        assert d["before"]["date"] <= d["after"]["date"]
        assert d["before"]["citations"] and d["after"]["citations"]


def test_seeds_brief_markdown_shows_date_and_source_beside_each_line(
    seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brief.md"
    files = sorted(str(p) for p in seeds_dir.iterdir())
    result = CliRunner().invoke(app, ["brief", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    md = out.read_text()
    assert md.index("## What happened") < md.index("### 2013") < md.index("### 2018")
    assert "- **2013 · Huawei backs out of US network" in md


def test_seeds_brief_lists_every_titled_speaker(seeds_brief: dict) -> None:
    """A person quoted with a role is a player: the shown names hold each one (at equal
    counts a role, not the alphabet, decides who reaches the list)."""
    listed = {e["name"] for e in seeds_brief["entities"]}
    titled = {
        q["speaker"] for q in seeds_brief["quotes"] if q["speaker_kind"] == "person" and q["role"]
    }
    assert titled and titled <= listed, sorted(titled - listed)


def test_seeds_brief_timeline_lines_close_their_quotations(seeds_brief: dict) -> None:
    for event in seeds_brief["timeline"]:
        text = event["text"]
        assert text.count("“") == text.count("”") and text.count('"') % 2 == 0, text
