"""Grouping quotes by speaker across documents."""

from __future__ import annotations

from storyline.briefing.quotes import group_quotes
from storyline.model import Analysis, Document, Entity, Quote


def _analysis(doc_id: str, quotes: list[Quote]) -> Analysis:
    return Analysis(document=Document(id=doc_id, source=doc_id, text=""), quotes=quotes)


def _q(speaker, kind="person", role=None, org=None, text="words") -> Quote:
    return Quote(
        text=text, direct=False, speaker=speaker, speaker_kind=kind, role=role, organisation=org
    )


def test_group_quotes_merges_surname_spelling_and_documents():
    a = _analysis("a", [_q("Li Sanqi", role="CTO", org="Carrier Network"), _q("Sanqui")])
    b = _analysis("b", [_q("Li Sanqi"), _q("Ann Moss", role="analyst", org="IDC"), _q("Moss")])
    groups = group_quotes([a, b], [])
    people = [g for g in groups if g.speaker_kind == "person"]
    assert [(g.speaker, len(g.quotes)) for g in people] == [("Li Sanqi", 3), ("Ann Moss", 2)]
    assert (people[0].role, people[0].organisation) == ("CTO", "Carrier Network")
    assert (people[1].role, people[1].organisation) == ("analyst", "IDC")


def test_group_quotes_uses_entity_aliases_and_roles():
    ent = Entity(
        name="David He",
        type="PERSON",
        aliases=["He", "D. He"],
        mentions=3,
        documents=2,
        role="president",
        organisation="Huawei",
    )
    groups = group_quotes([_analysis("a", [_q("D. He"), _q("David He")])], [ent])
    assert len(groups) == 1
    g = groups[0]
    assert (g.speaker, g.role, g.organisation, len(g.quotes)) == (
        "David He",
        "president",
        "Huawei",
        2,
    )


def test_group_quotes_people_before_groups_and_organisations():
    quotes = [
        _q("analysts", "group"),
        _q("Analysts", "group"),
        _q("Acme", "organisation"),
        _q("Acme", "organisation"),
        _q("Acme", "organisation"),
        _q("Rosa Diaz"),
        _q(None, "unknown"),
    ]
    groups = group_quotes([_analysis("a", quotes)], [])
    assert [(g.speaker, g.speaker_kind, len(g.quotes)) for g in groups] == [
        ("Rosa Diaz", "person", 1),
        ("Analysts", "group", 2),
        ("Acme", "organisation", 3),
    ]  # the quote with no speaker is not who-said-what: left out


def test_group_quotes_different_people_stay_apart():
    groups = group_quotes([_analysis("a", [_q("Jim Xu"), _q("Jim Hu"), _q("Kevin Ho")])], [])
    assert sorted(g.speaker for g in groups) == ["Jim Hu", "Jim Xu", "Kevin Ho"]


EXPECTED = {
    # speaker: (role contains, organisation contains) -- None: only presence is checked
    "Li Sanqi": ("CTO", "Carrier Network Business Group"),
    "Richard Yu": (
        "CEO, consumer business group",
        "Huawei",
    ),  # the unit in the role, the company as organisation
    "David He": ("president of marketing", None),
    "Jimmie Chang": ("analyst", "Gartner"),
    "Matt Eastwood": ("analyst", "IDC"),
    "Kevin Ho": ("President", "Huawei"),
    "Josephine Wolff": ("Professor", "Rochester Institute of Technology"),
    "Jim Xu": ("VP", "Huawei"),
}


def test_group_quotes_seeds_every_person_once_with_role(seeds_dir, nlp):
    import pytest

    ingest = pytest.importorskip("storyline.ingest")
    from storyline.analysis.quotes import QuoteExtractor

    analyses = []
    for path in sorted(seeds_dir.iterdir()):
        doc = ingest.document_from_bytes(path.read_bytes(), str(path))
        analysis = Analysis(document=doc, nlp=nlp(doc.text))
        try:
            from storyline.analysis.entities import EntityRecognizer

            analysis = EntityRecognizer()(analysis)
        except ImportError:
            pass
        analyses.append(QuoteExtractor()(analysis))
    groups = group_quotes(analyses, [])
    people = [g.speaker for g in groups if g.speaker_kind == "person"]
    assert len(people) == len(set(people)), people
    for name, (role, org) in EXPECTED.items():
        assert name in people, (name, people)
        g = next(g for g in groups if g.speaker == name)
        assert g.role and role in g.role, (name, g.role)
        if org:
            assert g.organisation and org in g.organisation, (name, g.organisation)
    # nobody is quoted under a surname or a misspelling
    assert not {"Sanqui", "He", "Chang", "Eastwood"} & set(people)
    kinds = {g.speaker: g.speaker_kind for g in groups}
    assert kinds.get("Officials") == "group" and kinds.get("Analysts") == "group"


def test_group_quotes_spokesperson_joins_its_organisation_not_the_unattributed():
    spokes = Quote(
        text="inspections end in June",
        direct=False,
        speaker=None,
        speaker_kind="organisation",
        role="spokesperson",
        organisation="Coastal Water Board",
    )
    quotes = [
        spokes,
        _q("Coastal Water Board", "organisation"),
        _q(None, "unknown", text="stray words"),
    ]
    groups = group_quotes([_analysis("a", quotes)], [])
    board = next(g for g in groups if g.speaker == "Coastal Water Board")
    assert (board.speaker_kind, len(board.quotes), board.role) == ("organisation", 2, None)
    assert all(g.speaker is not None for g in groups)  # the stray words have no speaker


def test_group_quotes_short_organisation_names_join_the_full_name():
    a = _analysis(
        "a",
        [_q("Halden Rail", "organisation"), _q("Upland Beekeepers' Association", "organisation")],
    )
    b = _analysis("b", [_q("Halden", "organisation"), _q("Association", "organisation")])
    groups = group_quotes([a, b], [])
    assert sorted((g.speaker, len(g.quotes)) for g in groups) == [
        ("Halden Rail", 2),
        ("Upland Beekeepers' Association", 2),
    ]


def test_group_quotes_groups_merge_across_documents_in_surface_case():
    a = _analysis("a", [_q("analysts at Larch Partners", "group", org="Larch Partners")])
    b = _analysis("b", [_q("Analysts at Larch Partners", "group", org="Larch Partners")])
    groups = group_quotes([a, b], [])
    assert [(g.speaker, g.organisation, len(g.quotes)) for g in groups] == [
        ("Analysts at Larch Partners", "Larch Partners", 2)
    ]
