"""Entity recognition: spaCy's entities repaired by rules, roles linked, short names resolved.

Every sentence here is written for the test; the seeds acceptance lives in
tests/brief/test_entities.py.
"""

from __future__ import annotations

import pytest

from storyline.analysis.entities import (
    EntityRecognizer,
    acronym,
    canonical_name,
    country_name,
    extract_entities,
    name_key,
    resolve_short_name,
    same_word,
    strip_corporate_suffix,
)
from storyline.model import Analysis, Document, Turn


def _ents(nlp, text, turns=()):
    mentions = extract_entities(text, nlp(text), turns)
    for m in mentions:
        if not turns:
            assert text[m.start : m.end] == m.text
    return mentions


def _find(mentions, canonical, type=None):
    hits = [m for m in mentions if m.canonical == canonical and (type is None or m.type == type)]
    assert hits, f"{canonical!r} not in {[(m.text, m.type, m.canonical) for m in mentions]}"
    return hits


# ---------------------------------------------------------------- helpers (no model)


@pytest.mark.parametrize(
    "form", ["US", "U.S.", "U S", "the United States", "USA", "United States of America"]
)
def test_country_name_united_states_spellings(form):
    assert country_name(form) == "United States"


def test_country_name_unknown_or_pronoun_is_none():
    assert country_name("Huawei") is None
    assert country_name("us") is None


@pytest.mark.parametrize(
    ("raw", "type", "expected"),
    [
        ("Huawei's", "ORG", "Huawei"),
        ("Huawei’s", "ORG", "Huawei"),
        ("the Acme Group.", "ORG", "Acme Group"),
        ("Huawei Technologies", "ORG", "Huawei"),
        ("Huawei Technologies Co. Ltd", "ORG", "Huawei"),
        ("Acme Inc.", "ORG", "Acme"),
        ("US Federal Communications Commission", "ORG", "Federal Communications Commission"),
        ("U S", "ORG", "United States"),
        ("KEVIN HO", "PERSON", "Kevin Ho"),
        ("Li Sanqi", "PERSON", "Li Sanqi"),
        ("China Mobile", "ORG", "China Mobile"),
    ],
)
def test_canonical_name_forms(raw, type, expected):
    assert canonical_name(raw, type) == expected


def test_strip_corporate_suffix_keeps_last_word():
    assert strip_corporate_suffix("Technologies") == "Technologies"


def test_name_key_folds_case_and_punctuation():
    assert name_key("HUAWEI Technologies Co., Ltd.", "ORG") == name_key("Huawei", "ORG") == "huawei"
    assert name_key("U.S.") == name_key("US") == "united states"


def test_same_word_near_spelling_but_short_words_exact():
    assert same_word("Sanqi", "Sanqui")
    assert not same_word("He", "Ho")
    assert not same_word("Li", "Lu")
    # a word with an ending of its own is another word, not a spelling of it
    assert not same_word("Secret", "Secretary")


def test_resolve_short_name_exact_fuzzy_and_ambiguous():
    people = ["Li Sanqi", "Jimmie Chang", "Kevin Ho"]
    assert resolve_short_name("Chang", people) == "Jimmie Chang"
    assert resolve_short_name("Sanqui", people) == "Li Sanqi"
    assert resolve_short_name("Li", people) is None  # too short to stand alone
    assert resolve_short_name("He", people) is None
    assert resolve_short_name("Porter", ["Jane Porter", "Tom Porter"]) is None


def test_acronym_of_multiword_name():
    assert acronym("Federal Communications Commission") == "FCC"
    assert acronym("Huawei") is None


# ---------------------------------------------------------------- recognition


def test_component_contract():
    rec = EntityRecognizer()
    assert rec.name == "entities" and rec.requires == () and rec.provides == ("entities",)


def test_component_fills_analysis(nlp):
    text = "Apple CEO Tim Cook spoke in Cupertino on Monday."
    analysis = Analysis(document=Document(id="d1", source="t", text=text), nlp=nlp(text))
    out = EntityRecognizer()(analysis)
    assert out is analysis
    assert {m.canonical for m in out.entities} >= {"Apple", "Tim Cook"}


def test_country_spellings_are_gpe_united_states(nlp):
    text = "Sales in the U S fell last year said the company The U S market is hard. The U.S. and the USA agreed."
    mentions = _ents(nlp, text)
    us = [m for m in mentions if m.canonical == "United States"]
    assert len(us) >= 3 and all(m.type == "GPE" for m in us)


def test_currency_artefact_is_not_a_country(nlp):
    text = "Last year the firm made about US 4 5 billion in revenue from its phones."
    assert not [m for m in _ents(nlp, text) if m.canonical == "United States"]


def test_5g_is_not_an_organisation(nlp):
    text = "Vodafone said it is building a 5G network across Germany with Ericsson."
    assert not [m for m in _ents(nlp, text) if "5G" in m.text]


def test_possessive_and_article_are_stripped(nlp):
    text = "Google's lawyers met Microsoft's executives in Brussels."
    mentions = _ents(nlp, text)
    assert {"Google", "Microsoft"} <= {m.text for m in mentions}


def test_split_at_line_break(nlp):
    text = "said Anna Berg an analyst with research firm Gartner\nSamsung established its chip unit in 2011"
    texts = {m.text for m in _ents(nlp, text)}
    assert "Gartner" in texts and not any("\n" in t for t in texts)


def test_stripped_country_prefix_split_from_org(nlp):
    text = "As for the U S Huawei probably won t have an easy time finding customers"
    mentions = _ents(nlp, text)
    assert _find(mentions, "United States", "GPE")
    assert _find(mentions, "Huawei", "ORG")


def test_appositive_role_and_organisation(nlp):
    text = "Jane Porter, an analyst with research firm Forrester, said demand for tablets was weak."
    porter = _find(_ents(nlp, text), "Jane Porter", "PERSON")[0]
    assert (porter.role, porter.organisation) == ("analyst", "Forrester")


def test_premodifier_role_and_organisation(nlp):
    text = "Forrester analyst Jane Porter said the market would recover. Porter expects growth next year."
    mentions = _ents(nlp, text)
    people = _find(mentions, "Jane Porter", "PERSON")
    assert len(people) == 2  # "Porter" resolves to the full name
    assert all((p.role, p.organisation) == ("analyst", "Forrester") for p in people)
    assert _find(mentions, "Forrester", "ORG")


def test_title_stripped_from_person(nlp):
    text = "Apple CEO Tim Cook spoke in Cupertino on Monday."
    cook = _find(_ents(nlp, text), "Tim Cook", "PERSON")[0]
    assert cook.text == "Tim Cook" and cook.role == "CEO" and cook.organisation == "Apple"


def test_business_group_premodifier(nlp):
    text = (
        "Mobile Networks Group CTO Mark Olsen announced the plan. Olson said the network was ready."
    )
    mentions = _ents(nlp, text)
    olsen = _find(mentions, "Mark Olsen", "PERSON")
    assert olsen[0].role == "CTO" and olsen[0].organisation == "Mobile Networks Group"
    assert any(m.text == "Olson" for m in olsen)  # misspelled surname resolved in the document


def test_company_possessive_role_takes_the_article_company(nlp):
    text = (
        "Nokia hopes to grow. Peter Ngo, the company's vice president of sales for its cloud unit, "
        "said Nokia would hire. Nokia Corporation declined to comment."
    )
    mentions = _ents(nlp, text)
    ngo = _find(mentions, "Peter Ngo", "PERSON")[0]
    assert ngo.role == "vice president of sales" and ngo.organisation == "Nokia"
    assert all(m.canonical == "Nokia" for m in mentions if m.type == "ORG")


def test_pronoun_he_is_not_a_person(nlp):
    text = "Kevin Ho said the company would invest. He said the plan was ready."
    mentions = _ents(nlp, text)
    assert [m.canonical for m in mentions if m.type == "PERSON"] == ["Kevin Ho"]


def test_acronym_and_coordinated_organisations(nlp):
    text = "The firm competes with the likes of Cisco and EMC in Europe."
    mentions = _ents(nlp, text)
    assert _find(mentions, "Cisco", "ORG") and _find(mentions, "EMC", "ORG")
    assert _find(mentions, "Europe", "LOC")


def test_product_model_code(nlp):
    text = "Samsung unveiled its new Galaxy S4 in London on Thursday."
    assert _find(_ents(nlp, text), "Galaxy S4", "PRODUCT")


def test_caps_speaker_label_gives_role_and_organisation(nlp):
    text = (
        'MARIA LOPEZ, PROFESSOR WESTFIELD INSTITUTE OF TECHNOLOGY "We have seen little evidence."\n'
    )
    lopez = _find(_ents(nlp, text), "Maria Lopez", "PERSON")[0]
    assert lopez.role == "Professor" and lopez.organisation == "Westfield Institute of Technology"


def test_transcript_turns_give_people_directly(nlp):
    text = (
        "Phones sold well this year.\n\nWe will focus on Europe this year and improve our products."
    )
    start = text.index("We will")
    turn = Turn(
        speaker="Anna Berg", role="President", organisation="Acme", start=start, end=len(text)
    )
    mentions = _ents(nlp, text, [turn])
    berg = _find(mentions, "Anna Berg", "PERSON")[0]
    assert (berg.role, berg.organisation) == ("President", "Acme")
    assert (berg.start, berg.end) == (start, len(text))  # cited by what they said


def test_surname_read_as_organisation_becomes_the_person(nlp):
    text = "Officer Gerardo Hernandez was shot at the terminal. Hernandez had joined the agency in 2010."
    mentions = _ents(nlp, text)
    assert all(m.type == "PERSON" for m in mentions if m.canonical == "Gerardo Hernandez")
    assert len(_find(mentions, "Gerardo Hernandez", "PERSON")) == 2


def test_sentence_initial_common_word_is_not_a_name(nlp):
    text = "Paramedics said the driver was hurt. Two paramedics treated Anna Berg."  # model: ORG
    mentions = _ents(nlp, text)
    assert not [m for m in mentions if m.text == "Paramedics"]
    assert _find(mentions, "Anna Berg", "PERSON")


# ---------------------------------------------------------------- short forms, generic heads, titles


def test_title_before_a_name_is_the_role(nlp):
    text = "Professor Lena Hart said the data were thin. Dr. Samuel Okafor agreed. Senator Ruth Caldwell disagreed."
    roles = {m.canonical: m.role for m in _ents(nlp, text) if m.type == "PERSON"}
    assert roles == {"Lena Hart": "Professor", "Samuel Okafor": "Dr", "Ruth Caldwell": "Senator"}
    text = "Councillor Jana Merrow voted against the scheme. Mr Tom Lake left early."
    roles = {m.canonical: m.role for m in _ents(nlp, text) if m.type == "PERSON"}
    assert roles == {"Jana Merrow": "Councillor", "Tom Lake": None}  # "Mr" is no role


def test_short_form_of_an_organisation_takes_its_name_and_type(nlp):
    text = "Orvane Power has hired 300 staff. Mara Quill, Orvane's finance director, said the hiring was over."
    ents = _ents(nlp, text)
    short = next(m for m in ents if m.text == "Orvane")
    assert (short.type, short.canonical) == ("ORG", "Orvane Power")
    quill = next(m for m in ents if m.canonical == "Mara Quill")
    assert (quill.role, quill.organisation) == ("finance director", "Orvane Power")


def test_lone_generic_head_points_back_or_is_dropped(nlp):
    text = "The plan was opposed by the Harwick Sailing Club. The Club said it would appeal."
    club = next(m for m in _ents(nlp, text) if m.text == "Club")
    assert (club.type, club.canonical) == ("ORG", "Harwick Sailing Club")
    text = "The Association said it would appeal against the ruling."
    assert [m.text for m in _ents(nlp, text) if m.type == "ORG"] == []


def test_its_title_belongs_to_the_organisation_just_named(nlp):
    for text in (
        'The Harwick Sailing Club welcomed the ruling. "We are relieved," said Owen Tarrant, its secretary.',
        "Harwick Sailing Club welcomed the ruling on Tuesday. Its secretary, Owen Tarrant, said members were relieved.",
    ):
        owen = next(m for m in _ents(nlp, text) if m.canonical == "Owen Tarrant")
        assert (owen.role, owen.organisation) == ("secretary", "Harwick Sailing Club"), text


def test_leading_org_and_generic_org_helpers():
    from storyline.analysis.entities import generic_org, is_place_name, leading_org

    orgs = ["Orvane Power", "Kestrel Bay Anglers' Association", "Tidewater Regulator"]
    assert leading_org("Orvane", orgs) == "Orvane Power"
    assert leading_org("Kestrel Bay", orgs) is None  # a place opening an organisation's name
    assert leading_org("Orvane", [*orgs, "Orvane Water"]) is None  # ambiguous
    assert leading_org("Tidewater Regulator", orgs) is None  # not shorter
    assert is_place_name("Kestrel Bay") and is_place_name("US") and not is_place_name("Orvane")
    assert generic_org("Association", orgs) == "Kestrel Bay Anglers' Association"
    assert generic_org("Regulator", orgs) == "Tidewater Regulator"
    assert generic_org("Power", orgs) is None  # not a generic head


def test_a_place_is_not_the_short_form_of_an_organisation_named_after_it(nlp):
    text = "The Washington Post reported the vote. Lawmakers in Washington met on Monday."
    place = next(m for m in _ents(nlp, text) if m.text == "Washington")
    assert place.type == "GPE" and place.canonical == "Washington"


# ---------------------------------------------------------------- who is no player (issue 10)


def test_credits_datelines_and_handles_name_no_player(nlp):
    text = (
        "PORTVALE (Wirewire) - The harbour trust reopened the pier, Mara Quill said.\n\n"
        "Follow @HarbourDaily for updates.\n\n"
        "(Reporting by Tobias Fenn; Editing by Ruth Amble and Colm Barr)\n\n"
        "Ines Okoro of the Daily contributed to this report."
    )
    mentions = _ents(nlp, text)
    names = {m.canonical for m in mentions}
    assert "Mara Quill" in names
    assert not names & {"Wirewire", "HarbourDaily", "Tobias Fenn", "Ruth Amble", "Colm Barr"}
    assert "Ines Okoro" not in names
    assert all(m.type != "ORG" for m in mentions if m.text == "PORTVALE")


def test_common_words_and_edge_verbs_are_not_names(nlp):
    text = "Detectives said the van left at noon.\nFleeing Marrowfield residents crossed the river."
    mentions = _ents(nlp, text)
    assert not [m for m in mentions if m.text == "Detectives"]
    assert not [m for m in mentions if m.text.startswith("Fleeing")]


def test_one_name_one_type_across_mentions(nlp):
    text = (
        "Tavi Renner and Josh Ambry were held at the border. Renner said he was well.\n"
        "Wilma Brandt spoke to the press. Later Brandt said the talks would resume.\n"
        "Hikers crowd the Larchwood Trail every summer."
    )
    mentions = _ents(nlp, text)
    assert all(m.type == "PERSON" for m in mentions if m.canonical == "Tavi Renner")
    assert _find(mentions, "Wilma Brandt", "PERSON")
    assert all(m.type != "PERSON" for m in mentions if "Trail" in (m.canonical or ""))


def test_shouting_headlines_storms_and_firms_are_not_people(nlp):
    text = (
        "The bulletin read: MOST OF THE AREA WILL BE WITHOUT POWER FOR WEEKS.\n"
        "Hurricane Dorla struck the coast at dawn, Ana Ruiz said.\n"
        "Read more: Worst Harbour Photo Of All Time\n"
        "Lena Bray of Bray Partners said the claims were old. Bray said so twice.\n"
    )
    mentions = _ents(nlp, text)
    assert not [m for m in mentions if m.text in ("AREA", "MOST", "POWER", "WEEKS")]
    assert not [m for m in mentions if m.text == "Dorla" and m.type == "PERSON"]
    assert not [m for m in mentions if "Of All" in m.text]
    assert all(m.type == "ORG" for m in mentions if m.canonical == "Bray Partners")


def test_one_person_spelt_two_ways_takes_the_common_spelling(nlp):
    text = (
        "Gary Lund denied the claim. Gary Lund said he had never met the boy. "
        "Lawyers for Garry Lund filed a motion. Lund said the suit was false."
    )
    mentions = _ents(nlp, text)
    assert {m.canonical for m in mentions if m.type == "PERSON"} == {"Gary Lund"}


def test_a_person_shaped_pair_next_to_a_person_but_the_white_house_stays(nlp):
    text = (
        "The White House and Ana Ruiz declined to comment. The White House said little.\n"
        "Durst in Portvale was closed, Rob Durst said.\n"
    )
    mentions = _ents(nlp, text)
    assert all(m.type != "PERSON" for m in mentions if m.canonical == "White House")
    assert not [m for m in mentions if m.canonical == "Durst in Portvale"]


def test_a_name_written_as_a_place_is_a_place_and_a_given_name_is_its_person(nlp):
    text = (
        "The plane left Harlow Creekside, Wash., on Saturday. Crews flew from Ostrava to Kettleby. "
        "In Kettleby the store stayed open.\n"
        "Gloria Hiroko Mendel visited the prison. Gloria said little.\n"
    )
    mentions = _ents(nlp, text)
    assert all(m.type in ("GPE", "LOC") for m in mentions if m.canonical == "Kettleby")
    assert all(m.type == "PERSON" for m in mentions if m.text == "Gloria")


def test_swapped_letters_and_a_dropped_middle_name_are_one_person():
    from storyline.analysis.matching import same_full_name, same_word

    assert same_word("Ilsa", "Isla") and not same_word("Ilsa", "Lisa")
    assert same_full_name("Ilsa Hernandez", "Isla Hernandez")


def test_credit_pattern_is_linear_on_long_capitalised_text():
    from storyline.analysis.non_players import _CREDIT_BEFORE

    text = "Photos by " + "Ann Lee And Bo Li, " * 6 + "WELL THE PEOPLE ARE VERY HAPPY " * 3
    assert _CREDIT_BEFORE.search(text[-120:]) is None  # returns at once (no backtracking blow-up)
    assert _CREDIT_BEFORE.search("(Editing by Ruth Amble and ")


# ---------------------------------------------------------------- issue 10: who is no player


def _names(mentions):
    return {(m.canonical, m.type) for m in mentions}


def test_works_laws_events_and_eras_are_no_players(nlp):
    text = (
        "The cable series “Harbor Lights” drew viewers. The television program Harbor Lights "
        "was filmed by Vela Studios. Harbor Lights stars Tom Reyes. The Clean Streams Act "
        "(CSA) passed. Farmers fear the CSA rule. The Battle of Greywater Ford was lost. "
        "The Bronze Age henge was found by Nora Hale."
    )
    names = {n for n, _ in _names(_ents(nlp, text))}
    assert "Tom Reyes" in names and "Nora Hale" in names
    for work in ("Harbor Lights", "Clean Streams Act", "CSA", "Battle of Greywater Ford"):
        assert work not in names
    assert "Bronze Age" not in names


def test_a_defined_acronym_takes_its_owner_or_goes_with_it(nlp):
    text = (
        "Corvane Exchange, or CVX, was founded in 2000. CVX competes with Dalton Group. "
        "The army moved a long range missile (LRM) north. The LRM can reach the coast."
    )
    mentions = _ents(nlp, text)
    assert all(m.canonical != "LRM" for m in mentions)
    cvx = [m for m in mentions if m.text == "CVX"]
    assert cvx and all(m.canonical == "Corvane Exchange" and m.type == "ORG" for m in cvx)


def test_page_junk_is_no_entity(nlp):
    text = (
        "Maria Costa said the vote was close. Maria Costaestimated the turnout at half, "
        "and she estimated it again later. Subscribe to the newsletter. Annnnyway, the count "
        "went on. Dial (800) 555-VOTE with tips. Hale Homes, LLC, built the hall on the "
        "east coast."
    )
    names = {n for n, _ in _names(_ents(nlp, text))}
    assert "Maria Costa" in names
    assert not {"Maria Costaestimated", "Subscribe", "VOTE", "LLC"} & names
    assert not any(n.startswith("Annn") or n.islower() for n in names)


def test_credits_of_captions_posts_and_contact_lines_are_no_players(nlp):
    text = (
        "Police found the car on Elm Road, Sgt. Ray Dunn said.\n\n"
        "Lena Park reports for the KXYZ News at 5 on Monday.\n\n"
        "Omar Reid may be reached at omar@example.com.\n\n"
        "The scene tonight — Jo Baines (@jobaines) May 12, 2019"
    )
    people = {n for n, t in _names(_ents(nlp, text)) if t == "PERSON"}
    assert "Ray Dunn" in people
    assert not {"Lena Park", "Omar Reid", "Jo Baines"} & people


def test_names_cut_short_or_run_on_are_repaired(nlp):
    text = (
        "President Moon Jae-in met Kim Jong-un. Anna-Maria Berg spoke. The man held is "
        "Peter Alan Grell, 41. Police said Grell climbed the fence. Talks with Vaxel "
        "Börse of collapsed. KCAL9's Jeff Nguyen said police came. Grell's lawyer, "
        "Tom Hale of Dover, declined to comment."
    )
    names = {n for n, t in _names(_ents(nlp, text)) if t == "PERSON"}
    assert {"Moon Jae-in", "Peter Alan Grell", "Jeff Nguyen"} <= names
    assert "Tom Hale" in names and "Tom Hale of Dover" not in names
    assert not {"Moon Jae", "Peter Alan", "KCAL9's Jeff Nguyen"} & names


def test_types_by_evidence_around_the_name(nlp):
    text = (
        "A Rockport man died on Friday. Police said Sam Orto, 20, of Rockport, fell from "
        "the roof. He had joined the fraternity Kappa Rho Nu. Its electronic Arca platform "
        "accounts for 12 percent, while Bolt trades the rest. King Tomas Varel spoke."
    )
    names = _names(_ents(nlp, text))
    assert ("Rockport", "GPE") in names  # the model: an organisation
    assert ("Kappa Rho Nu", "ORG") in names
    assert ("Arca", "ORG") in names  # the model: a person
    assert ("Tomas Varel", "PERSON") in names


def test_acronym_dots_fold_in_the_merge_key():
    assert name_key("Occupy L.A.", "ORG") == name_key("Occupy LA", "ORG")
    assert name_key("D.C.", "GPE") == "dc"


def test_letters_swapped_one_apart_are_one_spelling():
    from storyline.analysis.matching import same_full_name

    assert same_full_name("Dimitri Olivares", "Dimitri Oliveras")
    assert not same_full_name("Anna Lee", "Anne Lee")
    assert not same_full_name("Dimitri Olivares", "Dimitri Olsen")


def test_bodies_eras_and_title_tails(nlp):
    text = (
        "Diplomats met at the United Nations on Monday. The Cumberland County District "
        "Court heard the case. The stones date to 3000 BC, and the crew left at 5 p.m. PDT. "
        "Fans of Game of Thrones waited."
    )
    names = _names(_ents(nlp, text))
    assert ("United Nations", "ORG") in names
    assert ("Cumberland County District Court", "ORG") in names
    assert not {n for n, _ in names} & {"BC", "PDT", "Thrones"}


def test_one_name_one_type_from_the_evidence_of_one_mention(nlp):
    text = (
        "Even if it looks like a Kit Kat, it might not be. The ruling went against Nestor, "
        "which makes the bar. Nestor said it would appeal. Later Nestor filed papers."
    )
    names = _names(_ents(nlp, text))  # the model: three persons named Nestor, "a Kit Kat"
    assert not any("Kit Kat" in n for n, _ in names)
    assert ("Nestor", "ORG") in names and ("Nestor", "PERSON") not in names


def test_dashes_plural_openers_title_tails_and_employers(nlp):
    text = (
        "It sold more than Kit Kat - originally a rival bar. Parents Ashley and Evan Boyle "
        "sued. She starred in Real Housewives Of Beverly Hills. He was vice president of "
        "education for Wella. Wella said it was shocked."
    )
    names = _names(_ents(nlp, text))
    assert not any(" - " in n or n.startswith("Parents") for n, _ in names)
    assert ("Beverly Hills", "GPE") not in names
    assert ("Wella", "PERSON") not in names


def test_live_blog_clocks_bylines_and_title_parts(nlp):
    text = (
        "12:55 A.M. Hamas says it will abide by the truce. Mortar shells hit a barn; no "
        "injuries reported. (Ann Seidler and Gil Cohen)\n\n"
        "A statement was released by Secretary of State John Kerry. Kerry said so. "
        "Aaron Levie, the chief executive of Box, wrote that it was a lot of money."
    )
    names = _names(_ents(nlp, text))
    assert "Hamas" in {n for n, _ in names} and not any(n.startswith("A.M.") for n, _ in names)
    assert not {"Ann Seidler", "Gil Cohen"} & {n for n, _ in names}
    assert ("State", "ORG") not in names and ("John Kerry", "PERSON") in names
    assert ("Box", "PERSON") not in names


def test_generational_suffix_is_one_person():
    assert canonical_name("Jesse Matthew Jr.", "PERSON") == "Jesse Matthew"
    assert canonical_name("Matthew Jr.", "PERSON") == "Matthew"
    assert canonical_name("Jr.", "PERSON") == "Jr."


def test_a_generic_head_in_a_title_is_no_back_reference(nlp):
    text = (
        "Critics compared the remarks to the rhetoric of the Nazi Party. "
        "Party Chairman Reince Priebus called the ad a new low."
    )
    got = _ents(nlp, text)
    assert not [m for m in got if m.text == "Party"]
    assert not [m for m in got if m.canonical == "Nazi Party" and m.text != "Nazi Party"]


def test_the_last_piece_of_a_hyphenated_place_is_no_surname(nlp):
    from storyline.analysis.entity_candidates import Candidate, add_surnames

    text = "Anna Price spoke to aid workers in Port-au-Prince on Friday."
    doc = nlp(text)
    price = Candidate(0, 2, "PERSON")  # the place left untagged, as the model sometimes does
    added = add_surnames(doc, [price])
    assert [doc[c.start : c.end].text for c in added] == ["Anna Price"]  # not "Prince"
