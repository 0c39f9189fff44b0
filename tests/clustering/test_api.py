"""Stories through the public API and the CLI: listing, one story, story and query briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_threads import thread_doc
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.errors import StorylineError

DAYS = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05"]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with storyline.Store(path) as store:
        for n, day in enumerate(DAYS):
            store.add(thread_doc("bridge", n, day, "Bay News"))
            store.add(thread_doc("strike", n, day, "Health Wire"))
        store.add(thread_doc("strike", 4, "2024-03-06", "Health Wire"))
    return path


def test_public_stories_cluster_pending_documents_first(store_path: Path):
    with storyline.Store(store_path) as store:
        found = storyline.stories(store)
        assert [len(s.documents) for s in found] == [5, 4]  # most active first
        assert all(isinstance(s, storyline.Story) for s in found)
        assert storyline.story(store, found[1].id) == found[1]
        assert storyline.stories(store, since="2024-03-06") == [found[0]]
        assert storyline.stories(store, min_docs=5) == [found[0]]
        assert [s.id for s in storyline.stories(store, query="harbour bridge")] == [found[1].id]
        again = storyline.cluster(store, rebuild=True)
        assert again.clustered == 9 and storyline.stories(store) == found


def test_query_brief_spanning_stories_briefs_the_largest_and_names_the_others(store_path: Path):
    with storyline.Store(store_path) as store:
        hits = store.search_ids("said", limit=100)  # a word both threads use
        brief = storyline.brief_from_store(store, query="said", limit=2)
        groups = {s.id: set(s.documents) & set(hits) for s in storyline.stories(store)}
    assert all(groups.values()) and len(groups) == 2
    largest = max(groups, key=lambda k: len(groups[k]))
    assert brief.matched == len(hits) and brief.used == 2
    assert brief.stories[0].id == largest and len(brief.stories) == 2
    assert {d.id for d in brief.documents} <= groups[largest]
    assert any("span 2 stories" in note for note in brief.notes)


def test_story_brief_uses_the_story_documents(store_path: Path):
    with storyline.Store(store_path) as store:
        story = storyline.stories(store)[1]
        brief = storyline.brief_from_store(store, story=story.id)
        assert {d.id for d in brief.documents} == set(story.documents)
        # a readable title: names, then what about, then the span -- not the " · " label
        assert brief.title == f"{story.title} ({story.first} to {story.last})", brief.title
        assert "·" not in brief.title and story.title.split(",")[0] in story.label
        assert brief.stories[0].id == story.id
        with pytest.raises(StorylineError, match="no such story"):
            storyline.brief_from_store(store, story="sdoesnotexist")


def test_cli_stories_json_show_and_brief(store_path: Path, tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(app, ["stories", "--db", str(store_path), "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert len(listed) == 2
    for story in listed:
        assert {"id", "label", "first", "last", "documents", "events"} <= set(story)
        assert all({"id", "label", "documents"} <= set(e) for e in story["events"])
    shown = runner.invoke(app, ["stories", "show", listed[0]["id"], "--db", str(store_path)])
    assert shown.exit_code == 0 and listed[0]["label"] in shown.stdout
    missing = runner.invoke(app, ["stories", "show", "snope", "--db", str(store_path)])
    assert missing.exit_code == 1 and "no such story" in missing.output
    out = tmp_path / "brief.json"
    brief = runner.invoke(
        app, ["brief", "--db", str(store_path), "--story", listed[1]["id"], "-o", str(out)]
    )
    assert brief.exit_code == 0, brief.output
    data = json.loads(out.read_text())
    assert data["stories"][0]["id"] == listed[1]["id"] and data["used"] == 4
    rebuilt = runner.invoke(app, ["stories", "--db", str(store_path), "--rebuild", "--json"])
    assert rebuilt.exit_code == 0 and json.loads(rebuilt.stdout) == listed


def test_brief_with_no_selection_covers_the_most_recent_and_says_so(store_path: Path):
    """A brief of a store with neither ids, query nor story never analyses everything."""
    with storyline.Store(store_path) as store:
        brief = storyline.brief_from_store(store, limit=3)
    assert len(brief.documents) == 3
    assert {d.published for d in brief.documents} <= {"2024-03-05", "2024-03-06"}
    assert any("3 most recent of 9 stored documents" in note for note in brief.notes)
