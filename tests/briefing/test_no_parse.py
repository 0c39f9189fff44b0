"""The brief stage works from the analysis alone: built from cached analyses
it never loads spaCy, and gives the brief the live analyses give."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import storyline.analysis.nlp
from storyline.api import analyze, read
from storyline.briefing.build import build_brief
from storyline.config import Settings
from storyline.model import Analysis, Document

DEMO = Path(storyline.__file__).parent / "demo"


def _shape(brief) -> dict:
    data = dataclasses.asdict(brief)
    data.pop("generated")
    return data


def test_brief_from_cached_analyses_never_loads_spacy(nlp, monkeypatch) -> None:
    docs = [d for d in read(sorted(str(p) for p in DEMO.iterdir())) if isinstance(d, Document)]
    live = analyze(docs)
    assert all(a.clauses for a in live)
    expected = _shape(build_brief(live, Settings()))
    cached = [Analysis.from_dict(a.to_dict(), a.document) for a in live]  # as the cache gives them

    def no_spacy(*args, **kwargs):
        raise AssertionError("the brief stage loaded spaCy")

    monkeypatch.setattr(storyline.analysis.nlp, "load_nlp", no_spacy)
    monkeypatch.setattr("spacy.load", no_spacy)
    brief = build_brief(cached, Settings())
    assert _shape(brief) == expected
    text = {d.id: d.text for d in docs}
    cited = [text[c.document][c.start : c.end] for e in brief.timeline for c in e.citations]
    # a date in a conjunct with its own subject gets that clause, from the stored parse
    assert "Veltrix aims to deliver first power by 2027" in cited
    assert brief.lede and brief.narrative and brief.key_players


def test_stored_clauses_say_which_passages_have_a_main_verb(nlp) -> None:
    from storyline.analysis.clauses import find_clauses
    from storyline.briefing.readable import main_verb, problems

    text = "Record profits for the third year. The board approved the plan in March."
    analysis = Analysis(document=Document(id="d", source="d.txt", text=text))
    assert main_verb(analysis, 0, len(text)) is None  # no stored parse: nothing to say
    analysis.clauses = find_clauses(nlp(text))
    cut = text.index(" The")
    assert main_verb(analysis, 0, cut) is False
    assert main_verb(analysis, cut + 1, len(text)) is True
    assert problems("Record profits for the third year at the firm.", False) == [
        "fragment: no main verb"
    ]
    assert problems("The board approved the plan in March.", True) == []
