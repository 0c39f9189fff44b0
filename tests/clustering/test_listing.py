"""How a story reads: its span at its documents' precision, its outlets, its title."""

from __future__ import annotations

import dataclasses

from story_threads import thread_doc
from typer.testing import CliRunner

from storyline.cli import app
from storyline.clustering import cluster_pending, list_stories
from storyline.clustering.listing import outlet_of, outlets_text, span
from storyline.model import DocumentRef, Story
from storyline.store import Store


def test_span_keeps_each_end_at_its_own_precision():
    assert span(["2014", "2013", "2018"]) == ("2013", "2018")
    assert span(["2013", "2013-05-02", "2018-03"]) == ("2013", "2018-03")
    # a year-only last end reaches every day of its year: it holds "2018-06-01"
    assert span(["2018-06-01", "2018", "2017-12-31T23:00:00+00:00"]) == ("2017-12-31", "2018")
    assert span([None, "not a date"]) == (None, None)


def _ref(source: str, outlet: str | None = None) -> DocumentRef:
    return DocumentRef("d", None, outlet, None, None, None, source, "article")


def test_outlet_is_the_named_outlet_else_the_web_site():
    assert outlet_of(_ref("https://www.theverge.com/2013/x", "The Verge")) == "The Verge"
    assert outlet_of(_ref("https://www.theverge.com/2013/x")) == "theverge.com"
    assert outlet_of(_ref("seeds/2013-huawei.txt")) is None
    story = Story("s", "x", None, None, ["a", "b"], outlets=0, outlet_unknown=2)
    assert outlets_text(story) == "outlet unknown"
    story = dataclasses.replace(story, outlets=2, outlet_unknown=1)
    assert outlets_text(story) == "2 outlets (outlet unknown for 1 document)"
    assert outlets_text(dataclasses.replace(story, outlet_unknown=0)) == "2 outlets"


def test_year_only_story_lists_its_years_and_unknown_outlet(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_many([thread_doc("bridge", n, day) for n, day in enumerate(["2013", "2014"])])
        cluster_pending(store)
        [story] = list_stories(store)
        assert (story.first, story.last) == ("2013", "2014")
        assert story.outlets == 0 and story.outlet_unknown == 2
        assert {e.first for e in story.events} <= {"2013", "2014"}
        # --since: a story whose last date is "2014" may hold a document of 2014-06
        assert list_stories(store, since="2014-06-01") and not list_stories(store, since="2015")
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", str(path)])
    assert listed.exit_code == 0, listed.output
    assert "2013..2014" in listed.stdout and "outlet unknown" in listed.stdout
    assert "2013-01-01" not in listed.stdout and "0 outlets" not in listed.stdout
    shown = runner.invoke(app, ["stories", "show", story.id, "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "2 documents, outlet unknown, 2013 to 2014" in shown.stdout
