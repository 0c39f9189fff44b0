"""Past posts and split names (issue 10, audits 7 and 8): our own sentences.

A role the text gives as past ("former", "ex-", "then-") keeps the marker; a title
before the next person's name is not an appositive of the one before; a name that is
the leading words of a longer name of the same person is that person.
"""

from __future__ import annotations

from storyline.analysis.names import leads
from storyline.analysis.pipeline import analyze
from storyline.analysis.roles import bare_role, is_past_role, with_past
from storyline.briefing.entities import merge_entities
from storyline.ingest import document_from_text


def _analyses(*texts):
    return list(analyze([document_from_text(t, f"ex{i}.txt") for i, t in enumerate(texts)]))


def _roles(*texts):
    out: dict[str, str | None] = {}
    for a in _analyses(*texts):
        for m in a.entities:
            if m.type == "PERSON":
                out.setdefault(m.canonical or m.text, m.role)
    return out


def test_past_marker_words():
    assert (
        is_past_role("former Senator")
        and is_past_role("ex-mayor")
        and is_past_role("then-Governor")
    )
    assert not is_past_role("Senator") and not is_past_role("formerly")
    assert bare_role("then-Senator") == "Senator" and bare_role("former governor") == "governor"
    assert with_past("governor", "former ") == "former governor"
    assert with_past("former governor", "then-") == "former governor"


def test_former_ex_and_then_keep_their_marker(nlp):
    roles = _roles(
        "Former Ohio governor Ray Lusk spoke in Dayton on Monday. "
        '"It will not fly," former Vance adviser Mark Pell said on the radio. '
        "Ex-mayor Tom Brandt said the city was broke. "
        '"Then-Sen. Ada Whitlow did a fine job," said Paul Grant, a donor.'
    )
    assert roles["Ray Lusk"] == "former governor"
    assert roles["Mark Pell"] == "former adviser"
    assert roles["Tom Brandt"] == "ex-mayor"
    assert roles["Ada Whitlow"] == "then-Senator"


def test_a_title_before_the_next_name_is_that_persons(nlp):
    roles = _roles(
        "The panel asked the aides closest to the governor: Chief of Staff Ann Cole, "
        "Deputy Chief of Staff Ben Ruiz and Deputy Chief of Staff Cal Ng. "
        "The panel also heard director of communications Jen Lee."
    )
    assert roles["Ann Cole"] == "Chief of Staff"
    assert roles["Ben Ruiz"] == "Deputy Chief of Staff"
    assert roles["Cal Ng"] == "Deputy Chief of Staff"
    assert roles["Jen Lee"] == "director of communications"


def test_the_brief_never_claims_a_past_post_as_current(nlp):
    people = {
        e.name: e
        for e in merge_entities(
            _analyses(
                "Senator Dana Whitlow campaigned in Ohio on Monday. Whitlow said she would win.",
                "Dana Whitlow, a former senator, spoke in Iowa. Whitlow thanked the crowd.",
                "Senator Dana Whitlow was in Ohio again on Friday.",
            )
        )
        if e.type == "PERSON"
    }
    assert people["Dana Whitlow"].role == "former senator"


def test_leading_words_of_a_longer_name_are_that_person(nlp):
    assert leads("Hillary Rodham", "Hillary Rodham Clinton")
    assert not leads("John Roe", "John Roe Jr.")
    assert not leads("Rodham", "Rodham Clinton")  # one word: the short-name rules decide
    people = [
        e
        for e in merge_entities(
            _analyses(
                "Dana Whitlow Rand leads the race in Ohio. Dana Whitlow said she would win.",
                "Dana Whitlow spoke in Iowa on Monday.",
            )
        )
        if e.type == "PERSON"
    ]
    assert [e.name for e in people] == ["Dana Whitlow Rand"]


def test_two_longer_names_sharing_the_lead_stay_apart(nlp):
    names = {
        e.name
        for e in merge_entities(
            _analyses(
                "Mary Ann Cole and Mary Ann Ruiz met in Ohio on Monday.",
                "Mary Ann spoke in Iowa on Tuesday.",
            )
        )
        if e.type == "PERSON"
    }
    assert {"Mary Ann Cole", "Mary Ann Ruiz"} <= names


def test_garbled_roles_are_not_made(nlp):
    roles = {}
    orgs = {}
    for a in _analyses(
        "The chief said no charges were due, a recommendation Attorney General Lena Marsh adopted. "
        "Jill Hart, a physician from Ohio and longtime Green Party activist, spoke. "
        "Ada Cole and Ben Ruiz, the parents of two Americans killed in the 2014 attacks, "
        "have filed a suit."
    ):
        for m in a.entities:
            if m.type == "PERSON":
                roles[m.text], orgs[m.text] = m.role, m.organisation
    assert roles["Lena Marsh"] == "Attorney General"
    assert "longtime" not in (orgs["Jill Hart"] or "") and "longtime" not in (
        roles["Jill Hart"] or ""
    )
    assert roles["Ben Ruiz"] is None and orgs["Ben Ruiz"] is None
