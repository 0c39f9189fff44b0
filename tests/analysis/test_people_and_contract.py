"""The component contract, the one matcher and the people index, on our own examples."""

from __future__ import annotations

import pytest

from storyline.analysis import registry
from storyline.analysis.matching import resolve_short_name, same_full_name, same_person
from storyline.analysis.pipeline import analyze
from storyline.errors import ConfigError
from storyline.ingest import document_from_text
from storyline.ingest.webtext import is_boilerplate, strip_inline_furniture


def test_default_components_come_from_the_registry_in_dependency_order():
    names = [c.name for c in registry.default_components()]
    assert set(names) >= {"dates", "entities", "people", "quotes", "figures", "clauses"}
    for comp in registry.default_components():
        before = set(registry.BASE_INPUTS)
        for c in registry.default_components():
            if c is comp:
                break
            before |= set(c.provides)
        assert set(comp.requires) <= before, comp.name


def test_missing_input_fails_before_any_text():
    class Needy:
        name, version, requires, provides = "needy", "1", ("nothing-provides-this",), ()

        def __call__(self, analysis):  # pragma: no cover - must never run
            raise AssertionError

    with pytest.raises(ConfigError, match="nothing-provides-this"):
        list(analyze([], components=[Needy()]))
    with pytest.raises(ConfigError):
        registry.resolve_order([Needy()])


def test_cache_version_is_derived_not_hand_written():
    from storyline import api

    assert registry.analysis_version() == api.ANALYSIS_VERSION
    assert api.ANALYSIS_VERSION.startswith("a-") and len(api.ANALYSIS_VERSION) == 18
    # the shipped weights are part of it: a retrained cue model invalidates cached analyses
    names = {name for name, _ in registry.keyed_files()}
    assert "data/cue_model.npz" in names and "quotes.py" in names and "words.py" in names


def test_one_matcher_keeps_family_members_apart():
    family = ["Nora Vance", "Elise Vance", "Tomas Vance"]
    assert resolve_short_name("Vance", family) is None  # ambiguous without recency
    assert resolve_short_name("Vance", family, ["Elise Vance", "Nora Vance"]) == "Elise Vance"
    assert resolve_short_name("Sanqui", ["Li Sanqi", "Ann Ho"]) == "Li Sanqi"
    assert not same_person("Vance", "Nora Vance", family)
    assert same_person("Vance", "Nora Vance", ["Nora Vance"])
    assert same_full_name("John S. Pistole", "John Pistole")


def _quotes(text):
    doc = document_from_text(text, "example.txt")
    return next(analyze([doc])).quotes


def test_surname_goes_to_the_family_member_named_last(nlp):
    text = (
        "Nora Vance, 9, has been missing since Sunday.\n"
        "Her mother, Elise Vance, spoke to reporters on Monday.\n"
        '"We just want her home," Vance said.\n'
    )
    speakers = {q.speaker for q in _quotes(text)}
    assert "Nora Vance" not in speakers
    assert "Elise Vance" in speakers


def test_second_half_of_a_split_quote_is_kept(nlp):
    text = '"It was not the weather," Mayor Dana Holt said. "It was the planning that failed."\n'
    texts = [q.text for q in _quotes(text)]
    assert any("planning that failed" in t for t in texts)
    assert all(q.speaker == "Dana Holt" for q in _quotes(text))


def test_a_denial_keeps_its_cue(nlp):
    text = "Veltrix later denied that the turbines would be moved closer to the shore.\n"
    (q,) = _quotes(text)
    assert q.text.startswith("denied that")


def test_first_person_words_are_direct_speech(nlp):
    text = "The senator said I have never taken money from the harbour fund.\n"
    assert all(q.direct for q in _quotes(text))


def test_the_us_in_capitals_is_a_country_not_first_person(nlp):
    text = (
        "According to Veltrix, the plan to leave the US market won't touch its phones.\n"
        "Analysts believe efforts to curb Veltrix in the US will fail.\n"
    )
    quotes = _quotes(text)
    assert quotes and not any(q.direct for q in quotes)


def test_animals_are_not_speakers(nlp):
    text = "The dogs said nothing.\nThe dinosaurs said the climate was warm, the fossils suggest.\n"
    assert not any(q.speaker and "dinosaur" in q.speaker.lower() for q in _quotes(text))


def test_affiliation_is_the_institution_not_its_city(nlp):
    text = "Ann Lee, a professor at the University of Calder in East Marrow, said the data held.\n"
    (q,) = _quotes(text)
    assert q.organisation == "University of Calder"


@pytest.mark.parametrize(
    "line",
    [
        "Since 2001, Example Internet has donated its crawl of web pages to the Internet Archive.",
        "When you tweet with a location, Twitter stores that location for you.",
        "LATEST HEADLINES",
        "Media caption A ferry leaves the harbour at dawn",
        "3 of 12",
        "[Related: Harbour council delays vote]",
        "2019 2020 2021 2022 4.1 4.8 5.2 6.0",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


def test_article_lines_are_not_boilerplate():
    assert not is_boilerplate("The Internet Archive said it would open a new reading room.")
    assert not is_boilerplate("Revenue rose 12% to 3.2 billion in 2013 from 2.8 billion.")
    assert strip_inline_furniture("Vote passed. [Related: Harbour vote] Mayor left.") == (
        "Vote passed. Mayor left."
    )


def _figures(text):
    doc = document_from_text(text, "example.txt")
    return next(analyze([doc])).figures


def test_pounds_near_weight_words_are_a_weight_not_sterling(nlp):
    (weight,) = _figures("The harbour seal has lost 75 pounds since March.\n")
    assert weight.unit == "lb"
    (money,) = _figures("A ferry ticket cost 75 pounds last summer.\n")
    assert money.unit == "GBP"


def test_headline_counts_are_figures(nlp):
    (dead,) = _figures("Storm leaves nine dead in coastal towns.\n")
    assert (dead.value, dead.unit) == (9.0, "people")
    (held,) = _figures("Police said 14 arrested after the march.\n")
    assert held.value == 14.0


def test_a_unit_head_is_not_promoted_to_head_of_the_company(nlp):
    text = "Mara Quist, CEO of Veltrix's consumer devices group, said the tablets would ship.\n"
    (q,) = _quotes(text)
    assert q.role == "CEO of consumer devices group"
    assert q.organisation == "Veltrix"


def test_spacy_sentences_never_cross_a_segment_sentence(nlp):
    from storyline.analysis.pipeline import parse

    text = "Dr. Ann Lee met the U.S. team on Monday. She said the deal held.\nA new line starts here.\n"
    doc = document_from_text(text, "example.txt")
    parsed = parse(doc)
    starts = {s.start_char for s in parsed.sents}
    assert {s.start for s in doc.sentences} <= starts


def test_clauses_are_stored_for_the_brief(nlp):
    doc = document_from_text(
        "The council said the harbour, which opened in 2019, will close.\n", "x"
    )
    analysis = next(analyze([doc]))
    assert analysis.clauses and analysis.to_dict()["clauses"]
    opened = [c for c in analysis.clauses if c.lemma == "open"]
    assert opened and doc.text[opened[0].start : opened[0].end].startswith("which opened")


def test_colon_statement_belongs_to_the_main_verb(nlp):
    text = (
        "When the ferry sank in 2019, Mayor Dana Holt released a statement:\n"
        "\u201cWe grieve with every family in this town today.\u201d\n"
    )
    assert [q.speaker for q in _quotes(text)] == ["Dana Holt"]


def test_no_entity_comes_from_a_crawl_notice(nlp):
    text = (
        "The harbour council approved the Wrenfield terminal on Monday, Mayor Dana Holt said.\n"
        "Since 2001, Example Internet has donated its crawl of web pages to the Internet Archive.\n"
    )
    doc = document_from_text(text, "example.txt")
    names = {e.text for e in next(analyze([doc])).entities}
    assert "Dana Holt" in names
    assert not any("Example Internet" in n or "Internet Archive" in n for n in names)
