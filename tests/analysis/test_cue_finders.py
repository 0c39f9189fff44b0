"""The hand-written cue finders' source spans (cue_finders.py).

Every sentence here is written for the test; none comes from a corpus.
"""

from __future__ import annotations

from storyline.analysis.attribution import extract_attributions


def _sources(nlp, text: str) -> dict[str, str | None]:
    """Cue text -> source text of each attribution."""
    return {
        text[a.cue.start : a.cue.end]: text[a.source.start : a.source.end] if a.source else None
        for a in extract_attributions(text, nlp(text))
    }


def test_a_participle_aside_after_the_subject_is_not_the_source(nlp):
    text = "The survey, released on Monday by the Harlow Institute, showed that rents rose."
    assert _sources(nlp, text)["showed"] == "The survey"
    text = "Mayor Ruth Calder, surrounded by her aides, said that the bridge would open in May."
    assert _sources(nlp, text)["said"] == "Mayor Ruth Calder"


def test_an_appositive_and_a_relative_clause_stay_in_the_source(nlp):
    # PolNeAR keeps them more often than not (trimming them lowered Source F1 on train)
    text = "Omar Haddad, the city engineer, said that the bridge was safe."
    assert _sources(nlp, text)["said"] == "Omar Haddad, the city engineer"
    text = "Omar Haddad, who inspected the bridge, said that it was safe."
    assert _sources(nlp, text)["said"] == "Omar Haddad, who inspected the bridge"
