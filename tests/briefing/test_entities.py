"""Merging entity mentions across documents and spellings.

Hand-built mentions test the merge rules; the seeds test runs the real
recogniser over the three seed articles (skipped where ../shared is absent).
"""

from __future__ import annotations

import hashlib

import pytest

from storyline.briefing.entities import is_junk_name, merge_entities
from storyline.model import Analysis, Document, EntityMention


def _analysis(doc_id, mentions):
    """An Analysis whose text holds the mention forms in order, offsets real."""
    text, ents = "", []
    for item in mentions:
        form, type, *rest = item
        canonical = rest[0] if rest else None
        role = rest[1] if len(rest) > 1 else None
        org = rest[2] if len(rest) > 2 else None
        start = len(text)
        text += form + " said something. "
        ents.append(EntityMention(form, type, start, start + len(form), canonical, role, org))
    return Analysis(document=Document(id=doc_id, source=f"{doc_id}.txt", text=text), entities=ents)


def _by_name(entities, name):
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, [(e.name, e.aliases) for e in entities]
    return hits[0]


def test_merge_country_spellings_across_documents():
    entities = merge_entities(
        [
            _analysis("a", [("U S", "ORG"), ("US", "GPE")]),
            _analysis("b", [("U.S.", "GPE")]),
            _analysis("c", [("United States", "GPE")]),
        ]
    )
    us = _by_name(entities, "United States")
    assert us.type == "GPE" and us.documents == 3 and us.mentions == 4
    assert set(us.aliases) == {"U S", "US", "U.S."}


def test_merge_corporate_forms_and_name_is_most_common():
    entities = merge_entities(
        [
            _analysis("a", [("Acme Technologies", "ORG"), ("Acme", "ORG"), ("Acme", "ORG")]),
            _analysis("b", [("Acme Technologies Co. Ltd", "ORG")]),
        ]
    )
    acme = _by_name(entities, "Acme")
    assert acme.documents == 2 and acme.mentions == 4
    assert {"Acme Technologies", "Acme Technologies Co. Ltd"} <= set(acme.aliases)


def test_merge_surname_and_misspelling_across_documents():
    entities = merge_entities(
        [
            _analysis("a", [("Mark Olsen", "PERSON", None, "CTO", "Mobile Networks Group")]),
            _analysis("b", [("Olson", "PERSON"), ("Olsen", "PERSON")]),
        ]
    )
    olsen = _by_name(entities, "Mark Olsen")
    assert olsen.documents == 2 and olsen.mentions == 3
    assert set(olsen.aliases) == {"Olson", "Olsen"}
    assert (olsen.role, olsen.organisation) == ("CTO", "Mobile Networks Group")


def test_short_or_ambiguous_names_do_not_merge():
    entities = merge_entities(
        [
            _analysis("a", [("Kevin Ho", "PERSON"), ("Li Wei", "PERSON")]),
            _analysis("b", [("He", "PERSON"), ("Li", "PERSON"), ("Tom Porter", "PERSON")]),
            _analysis("c", [("Jane Porter", "PERSON"), ("Porter", "PERSON")]),
        ]
    )
    names = {e.name for e in entities}
    assert {"Kevin Ho", "Li Wei", "Tom Porter", "Jane Porter"} <= names
    assert _by_name(entities, "Kevin Ho").aliases == []
    assert _by_name(entities, "Li Wei").mentions == 1
    assert _by_name(entities, "Jane Porter").mentions == 1  # "Porter" could be Tom or Jane


def test_in_document_canonical_is_honoured():
    entities = merge_entities(
        [_analysis("a", [("Li Sanqi", "PERSON"), ("Sanqui", "PERSON", "Li Sanqi")])]
    )
    li = _by_name(entities, "Li Sanqi")
    assert li.aliases == ["Sanqui"] and li.mentions == 2


def test_acronym_merges_with_expansion():
    entities = merge_entities(
        [
            _analysis("a", [("US Federal Communications Commission", "ORG")]),
            _analysis("b", [("FCC", "ORG")]),
        ]
    )
    fcc = _by_name(entities, "Federal Communications Commission")
    assert "FCC" in fcc.aliases and fcc.documents == 2


def test_sorted_by_documents_then_mentions_and_citations():
    entities = merge_entities(
        [
            _analysis("a", [("Zeta", "ORG"), ("Zeta", "ORG"), ("Zeta", "ORG"), ("Alpha", "ORG")]),
            _analysis("b", [("Alpha", "ORG"), ("Beta", "ORG"), ("Beta", "ORG")]),
        ]
    )
    assert [e.name for e in entities] == ["Alpha", "Zeta", "Beta"]
    alpha = entities[0]
    assert {c.document for c in alpha.citations} == {"a", "b"}
    zeta = entities[1]
    assert zeta.citations[0].start == 0  # the first mention in the document comes first


def test_ties_on_documents_and_mentions_put_a_titled_person_first():
    # Alphabetically "Abbot" and "Cobalt" come first; the person the text gives a
    # role ranks above both at the same counts, and ahead of an untitled person too.
    entities = merge_entities(
        [
            _analysis(
                "a",
                [
                    ("Abbot", "ORG"),
                    ("Cobalt", "ORG"),
                    ("Zora Quint", "PERSON", None, "vice president", "Abbot"),
                    ("Mara Lind", "PERSON"),
                ],
            )
        ]
    )
    assert [e.name for e in entities] == ["Zora Quint", "Abbot", "Cobalt", "Mara Lind"]


@pytest.mark.parametrize("name", ["apple", "2019", "Tuesday", "March 2014", "12"])
def test_junk_names(name):
    assert is_junk_name(name)


def test_junk_is_dropped_but_names_kept():
    entities = merge_entities(
        [_analysis("a", [("2019", "ORG"), ("tablets", "ORG"), ("Nokia", "ORG")])]
    )
    assert [e.name for e in entities] == ["Nokia"]


# ---------------------------------------------------------------- seeds acceptance


def _raw_documents(seeds_dir):
    docs = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(
            Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=path.name, text=text)
        )
    return docs


def _ingested_documents(seeds_dir):
    ingest = pytest.importorskip("storyline.ingest.documents")
    return [
        ingest.document_from_bytes(p.read_bytes(), str(p)) for p in sorted(seeds_dir.glob("*.txt"))
    ]


@pytest.fixture(scope="module", params=["raw", "ingested"])
def seed_entities(request, seeds_dir, nlp):
    from storyline.analysis.entities import EntityRecognizer

    docs = _raw_documents(seeds_dir) if request.param == "raw" else _ingested_documents(seeds_dir)
    analyses = [EntityRecognizer()(Analysis(document=d, nlp=nlp(d.text))) for d in docs]
    return request.param, merge_entities(analyses)


def test_seeds_huawei_and_united_states_merged(seed_entities):
    shape, entities = seed_entities
    huawei = _by_name(entities, "Huawei")
    assert (
        huawei.type == "ORG" and huawei.documents == 3 and "Huawei Technologies" in huawei.aliases
    )
    us = _by_name(entities, "United States")
    assert us.type == "GPE" and us.documents == 3 and {"US", "U.S."} <= set(us.aliases)
    if shape == "raw":
        assert "U S" in us.aliases
    assert entities[0].name in ("Huawei", "United States")


def test_seeds_people_with_roles(seed_entities):
    _, entities = seed_entities
    li = _by_name(entities, "Li Sanqi")
    assert "Sanqui" in li.aliases and li.role == "CTO"
    chang = _by_name(entities, "Jimmie Chang")
    assert (chang.role, chang.organisation) == ("analyst", "Gartner") and chang.mentions >= 3
    eastwood = _by_name(entities, "Matt Eastwood")
    assert (eastwood.role, eastwood.organisation) == ("analyst", "IDC")
    he = _by_name(entities, "David He")
    assert he.role == "president of marketing" and he.organisation == "Huawei"
    assert _by_name(entities, "Richard Yu").role == "CEO"
    assert not [e for e in entities if e.name in ("He", "Li", "Sanqui", "Chang")]


def test_seeds_organisations_and_places(seed_entities):
    _, entities = seed_entities
    types = {e.name: e.type for e in entities}
    for org in (
        "Federal Communications Commission",
        "ZTE",
        "Cisco",
        "EMC",
        "Sprint",
        "SoftBank",
        "Gartner",
        "IDC",
    ):
        assert types.get(org) == "ORG", org
    assert types.get("China") == "GPE" and _by_name(entities, "China").documents == 3
    assert types.get("Europe") == "LOC"
    assert types.get("Ascend P2") == "PRODUCT"
    assert not [e for e in entities if "5G" in e.name or e.name.islower()]


def test_middle_initial_merges_but_nickname_does_not():
    entities = merge_entities(
        [
            _analysis("a", [("John S. Pistole", "PERSON"), ("Mary Tessier", "PERSON")]),
            _analysis("b", [("John Pistole", "PERSON"), ("Maryanne", "PERSON")]),
        ]
    )
    pistole = _by_name(entities, "John S. Pistole")
    assert pistole.aliases == ["John Pistole"] and pistole.documents == 2
    assert (
        _by_name(entities, "Mary Tessier").mentions == 1
    )  # a given-name variant is not a misspelling


def test_short_form_merges_into_the_organisation_it_opens():
    analyses = [
        _analysis(
            "a",
            [
                ("Orvane Power", "ORG"),
                ("Kestrel Bay", "LOC"),
                ("Kestrel Bay Anglers' Association", "ORG"),
            ],
        ),
        _analysis("b", [("Orvane", "GPE"), ("Orvane", "GPE"), ("Orvane", "GPE")]),
        _analysis("c", [("Association", "ORG"), ("Kestrel Bay", "LOC")]),
    ]
    entities = merge_entities(analyses)
    orvane = _by_name(entities, "Orvane Power")
    assert (orvane.type, orvane.aliases, orvane.documents) == ("ORG", ["Orvane"], 2)
    anglers = _by_name(entities, "Kestrel Bay Anglers' Association")
    assert anglers.aliases == ["Association"]
    bay = _by_name(entities, "Kestrel Bay")  # a place is no short form of the association
    assert bay.type == "LOC" and bay.documents == 2


def test_short_form_of_two_organisations_stays_apart():
    analyses = [
        _analysis("a", [("Orvane Power", "ORG"), ("Orvane Water", "ORG")]),
        _analysis("b", [("Orvane", "ORG")]),
    ]
    names = sorted(e.name for e in merge_entities(analyses))
    assert names == ["Orvane", "Orvane Power", "Orvane Water"]


def test_a_name_used_as_a_place_is_no_short_form():
    a = _analysis("a", [("Halvard Post", "ORG")])
    text = "The paper is printed in Halvard. "
    b = Analysis(
        document=Document(id="b", source="b.txt", text=text),
        entities=[
            EntityMention("Halvard", "GPE", text.index("Halvard"), text.index("Halvard") + 7)
        ],
    )
    assert sorted(e.name for e in merge_entities([a, b])) == ["Halvard", "Halvard Post"]


def _placed(doc_id, parts):
    """An Analysis from (text, type) parts; a typed part is a mention at its offset."""
    text, ents = "", []
    for form, type in parts:
        if type:
            ents.append(EntityMention(form, type, len(text), len(text) + len(form), form))
        text += form
    return Analysis(document=Document(id=doc_id, source=f"{doc_id}.txt", text=text), entities=ents)


def test_a_name_written_as_a_place_across_articles_is_a_place():
    # one article writes "in Marlow", others read "Marlow" as a person or a firm: most
    # mentions are a place, so the cluster lists a place
    a = _placed(
        "a", [("It rained in ", None), ("Marlow", "PERSON"), (" and in ", None), ("Marlow", "GPE")]
    )
    b = _placed("b", [("Roads near ", None), ("Marlow", "ORG"), (" closed.", None)])
    c = _placed(
        "c", [("Shoppers at ", None), ("Target", "ORG"), (" and in ", None), ("Target", "ORG")]
    )
    d = _placed(
        "d", [("", None), ("Target", "ORG"), (" said ", None), ("Target", "ORG"), (".", None)]
    )
    entities = {e.name: e.type for e in merge_entities([a, b, c, d])}
    assert entities["Marlow"] == "GPE"
    assert entities["Target"] == "ORG"  # once "in Target" among four: still a firm


def test_names_that_open_like_a_month_or_day_are_names():
    for name in ("Marlow", "Mayer", "Novak", "Octavia", "Sundance", "Decker"):
        assert not is_junk_name(name)
    for date in ("March", "Sept.", "Tuesday", "May 4", "2019", "yesterday"):
        assert is_junk_name(date)


def test_a_family_member_read_as_an_organisation_is_a_person():
    a = _placed(
        "a",
        [("Stars ", None), ("Joanna Gaines", "PERSON"), (" and ", None), ("Chip Gaines", "ORG")],
    )
    b = _placed(
        "b", [("Host ", None), ("Chip Gaines", "ORG"), (" spoke; ", None), ("Gaines Homes", "ORG")]
    )
    entities = {e.name: e.type for e in merge_entities([a, b])}
    assert entities["Chip Gaines"] == "PERSON"
    assert entities["Gaines Homes"] == "ORG"


def test_a_surname_read_as_a_place_joins_its_one_person():
    a = _placed("a", [("Actor ", None), ("Stanley Tucci", "PERSON"), (" stars.", None)])
    b = _placed("b", [("", None), ("Tucci", "GPE"), (" plays him; ", None), ("Tucci", "GPE")])
    c = _placed(
        "c",
        [
            ("Guests of ", None),
            ("Arthur de Soultrait", "PERSON"),
            ("; ", None),
            ("De Soultrait", "GPE"),
        ],
    )
    d = _placed(
        "d", [("It rained in ", None), ("Barre", "GPE"), ("; ", None), ("Ann Barre", "PERSON")]
    )
    entities = {e.name: e.type for e in merge_entities([a, b, c, d])}
    assert entities["Stanley Tucci"] == "PERSON" and "Tucci" not in entities
    assert "De Soultrait" not in entities
    assert entities["Barre"] == "GPE"  # written "in Barre": a place, not Ann Barre
