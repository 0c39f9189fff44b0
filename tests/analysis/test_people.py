"""Who a name refers to inside one document: families, titles, pronouns (our own examples)."""

from __future__ import annotations

from storyline.analysis.matching import split_title, titled_name
from storyline.analysis.pipeline import analyze
from storyline.briefing.entities import merge_entities
from storyline.ingest import document_from_text


def _analysis(text, name="example.txt"):
    return next(iter(analyze([document_from_text(text, name)])))


def _speakers(text):
    return [(q.speaker, q.text) for q in _analysis(text).quotes]


def test_titles_split_and_spell_one_way():
    assert titled_name("mrs", "Vance") == "Mrs. Vance"
    assert titled_name("Miss", "Vance") == "Miss Vance"
    assert split_title("Mr Vance") == ("m", "Vance")
    assert split_title("Elise Vance") == (None, "Elise Vance")


def test_a_parent_is_never_the_missing_child(nlp):
    text = (
        "Nora Vance, 9, has been missing since Sunday.\n"
        "Volunteers searched the woods near the school all week.\n"
        '"We will not stop looking," Mr. Vance said.\n'
        '"She knows the paths," Mrs. Vance said.\n'
    )
    speakers = [s for s, _ in _speakers(text)]
    assert "Nora Vance" not in speakers
    assert {"Mr. Vance", "Mrs. Vance"} <= set(speakers)


def test_title_and_family_word_pick_the_parent(nlp):
    text = (
        "Nora Vance, 9, has been missing since Sunday.\n"
        "Her father, Tom Vance, drove back from Leeds overnight.\n"
        "Elise Vance, the girl's mother, stayed at home with the police.\n"
        "Nora Vance was last seen at the bus stop.\n"
        '"Every hour counts," Mr. Vance said.\n'
        '"She is a brave girl," Mrs. Vance said.\n'
    )
    said = {t: s for s, t in _speakers(text)}
    assert said["Every hour counts"] == "Tom Vance"
    assert said["She is a brave girl"] == "Elise Vance"


def test_an_ambiguous_bare_surname_is_not_merged_blindly(nlp):
    text = (
        "Elise Vance and Tom Vance spoke to reporters outside the station on Monday.\n"
        '"We thank the volunteers," Vance said.\n'
    )
    (q,) = _analysis(text).quotes
    assert q.speaker not in ("Elise Vance", "Tom Vance")


def test_she_skips_a_man_named_last(nlp):
    text = (
        "Elise Vance, the girl's mother, met the inspector on Monday. Her husband, Tom Vance, "
        "was at work. She said the search had been slow.\n"
    )
    quotes = _analysis(text).quotes
    assert quotes and all(q.speaker != "Tom Vance" for q in quotes)


def test_a_shared_surname_is_no_ones_alias_across_documents(nlp):
    a = _analysis("Elise Vance spoke on Monday. Vance said little more.\n", "a.txt")
    b = _analysis("Nora Vance, 9, went missing on Sunday near the river.\n", "b.txt")
    entities = merge_entities([a, b])
    owners = [e.name for e in entities if "vance" in (x.casefold() for x in e.aliases)]
    assert len(owners) <= 1


def test_a_unit_title_keeps_its_unit_and_names_the_company():
    from storyline.analysis.people import _scoped

    assert _scoped("CEO", "Nordtek's consumer business group") == (
        "CEO, consumer business group",
        "Nordtek",
    )
    assert _scoped("CEO", "Nordtek") == ("CEO", "Nordtek")  # the whole company: as written
    assert _scoped("analyst", "Fenwick's research") == ("analyst", "Fenwick's research")


def test_affiliation_without_a_title_is_the_institution_not_its_town(nlp):
    text = (
        "The University of Calder published the survey on Monday.\n"
        '"It will not last," said Tom Berg of the University of Calder in East Marrow.\n'
    )
    (q,) = _analysis(text).quotes
    assert q.speaker == "Tom Berg"
    assert q.organisation == "University of Calder"


def test_family_words_and_ages_become_roles_that_keep_a_family_apart(nlp):
    a = _analysis(
        "Nora Vance, 9, went missing near the river on Sunday. Her mother, Elise Vance, "
        "called the police.\n",
        "a.txt",
    )
    roles = {m.canonical: m.role for m in a.entities if m.type == "PERSON"}
    assert roles["Nora Vance"] == "child" and roles["Elise Vance"] == "mother"
    b = _analysis('"We will find her," Mr. Vance said on Tuesday.\n', "b.txt")
    c = _analysis('"She was brave," Ms. Lorn said of the rescue on Tuesday.\n', "c.txt")
    d = _analysis("Ida Lorn, a harbour pilot, led the rescue on Monday.\n", "d.txt")
    names = {e.name: e for e in merge_entities([a, b, c, d])}
    assert "Mr. Vance" in names  # never folded into the child
    assert "Ms. Lorn" not in names and "Ida Lorn" in names  # the one adult Lorn


def test_a_possessed_title_and_a_loose_appositive_are_not_roles(nlp):
    text = (
        "In 1982 the port was shut by the government of Hafez Marr, the current mayor's "
        "late father.\n"
        '"It was the old Tom Brede, the one she fell for," the friend said. Tom Brede said '
        "nothing.\n"
    )
    roles = {m.canonical: m.role for m in _analysis(text).entities if m.type == "PERSON"}
    assert roles.get("Hafez Marr") != "current mayor"
    assert roles.get("Tom Brede") in (None,)


def test_a_surname_two_people_share_is_not_listed_as_someone(nlp):
    a = _analysis("Will Brack and Walter Brack sued the port. Brack said the case was strong.\n")
    b = _analysis("The Harbour Agency of Nordvik said the Harbour Agency would reply.\n", "b.txt")
    names = [e.name for e in merge_entities([a, b])]
    assert "Brack" not in names
    assert {"Will Brack", "Walter Brack"} <= set(names)


def test_a_middle_name_does_not_make_a_second_person(nlp):
    a = _analysis("Sam Prideaux Robards inherited the flat on Monday.\n", "a.txt")
    b = _analysis("Sam Robards said the flat would be sold.\n", "b.txt")
    names = [e.name for e in merge_entities([a, b]) if e.type == "PERSON"]
    assert len([n for n in names if "Robards" in n]) == 1


def test_he_or_she_after_a_sentence_is_its_subject_not_its_object(nlp):
    said = [
        (
            'Maria Lopez thanked John Carter on Monday. "I owe him everything," she said.\n',
            "Maria Lopez",
        ),
        ('John Carter spoke after Maria Lopez. "I owe her everything," he said.\n', "John Carter"),
        ('John Carter was thanked by Maria Lopez. "He deserves it," she said.\n', "Maria Lopez"),
    ]
    for text, speaker in said:
        (q,) = _analysis(text).quotes
        assert q.speaker == speaker, text


def test_a_mention_takes_the_fuller_role_the_index_knows() -> None:
    """One role per person: entity list, key players and quotes name a person alike."""
    from storyline.analysis.people import _Person, write_back_roles
    from storyline.model import EntityMention

    class Index:
        def __init__(self, person: _Person) -> None:
            self.one = person

        def canonical(self, name: str, offset: int | None = None) -> str | None:
            return self.one.name if name in ("Ann Lowe", "Lowe") else None

        def person(self, name: str) -> _Person | None:
            return self.one if name == self.one.name else None

    index = Index(_Person("Ann Lowe", 0, role="CEO, consumer business group", organisation="Orbit"))
    shorter = EntityMention("Ann Lowe", "PERSON", 10, 18, role="CEO", organisation="Orbit")
    write_back_roles(index, [shorter])  # type: ignore[arg-type]
    assert (shorter.role, shorter.organisation) == ("CEO, consumer business group", "Orbit")
    other = EntityMention("Lowe", "PERSON", 40, 44, role="board member", organisation="Hale Bank")
    write_back_roles(index, [other])  # type: ignore[arg-type]
    assert (other.role, other.organisation) == ("board member", "Hale Bank")  # a second post stays
    bare = EntityMention("Lowe", "PERSON", 60, 64)
    write_back_roles(index, [bare])  # type: ignore[arg-type]
    assert bare.role == "CEO, consumer business group"


def test_a_speakers_title_reaches_the_entity_mentions_through_the_index() -> None:
    """The quotes stage teaches the index the title it resolved ("... for its enterprise
    group" -> "..., enterprise group"); the one write-back gives it to the mentions."""
    from storyline.analysis.people import _Person, says_more, write_back_roles
    from storyline.model import EntityMention

    assert says_more(
        "president of marketing, enterprise group",
        "president of marketing for its enterprise group",
    )
    assert not says_more("board member", "CEO")  # another post, not a better one
    assert says_more("CEO", None) and not says_more(None, "CEO")

    class Index:
        one = _Person("Dai Wen", 0, role="president of marketing for its enterprise group")

        def canonical(self, name: str, offset: int | None = None) -> str | None:
            return "Dai Wen" if name in ("Dai Wen", "Wen") else None

        def person(self, name: str) -> _Person | None:
            return self.one if name == "Dai Wen" else None

    index = Index()
    mention = EntityMention(
        "Wen", "PERSON", 5, 8, role="president of marketing for its enterprise group"
    )
    write_back_roles(index, [mention])  # type: ignore[arg-type]
    assert mention.role == "president of marketing for its enterprise group"  # nothing better yet
    index.one.role, index.one.organisation = "president of marketing, enterprise group", "Orbit"
    write_back_roles(index, [mention])  # type: ignore[arg-type]
    assert (mention.role, mention.organisation) == (
        "president of marketing, enterprise group",
        "Orbit",
    )


def _roles(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Name -> (role, organisation) of every person mention with a role."""
    return {m.text: (m.role, m.organisation) for m in _analysis(text).entities if m.role}


def test_a_role_is_never_cut_mid_phrase(nlp):
    """A role ends at its noun phrase: a clause after the title is cut off, a phrase a
    name ends is completed by the name, an organisation there is the affiliation."""
    text = (
        "Tom Reyes, the lawyer leading Mark Dunn's defense, spoke first.\n"
        "Ken Walsh, the independent counsel who vigorously pursued Mark Dunn, spoke next.\n"
        "Jim Fox, a lawmaker from Texas, spoke too.\n"
        "Lena Ortiz, a former contestant on The Apprentice, spoke last.\n"
        "Omar Diaz, a spokesman from Veltrix Corp., declined to comment.\n"
        "Sam Reed, a contestant on Mark Dunn's reality TV show, spoke again.\n"
    )
    roles = _roles(text)
    assert roles["Tom Reyes"][0] == "lawyer"
    assert roles["Ken Walsh"][0] == "independent counsel"
    assert roles["Jim Fox"][0] in ("lawmaker", "lawmaker from Texas")
    assert roles["Lena Ortiz"][0] == "former contestant on The Apprentice"
    assert roles["Omar Diaz"] == ("spokesman", "Veltrix Corp.")
    assert roles["Sam Reed"][0] == "contestant"  # never "contestant on Mark Dunn"


def test_a_role_keeps_its_whole_name_title_and_organisation(nlp):
    """A name with a colon inside is one name; a title joined by "and" goes on to its
    organisation; an organisation is the whole named entity, not one word of it; an
    age is not part of the title."""
    text = (
        "Jon Frakes, an actor on Star Trek: The Next Generation, spoke first.\n"
        "John Smith, president and CEO of the National Retail Association, spoke next.\n"
        "Jane Doe, a University of South Florida biologist, spoke too.\n"
        "Mike Jones, a 20-year-old bartender, spoke last.\n"
        "Maria Walter, United Airlines' managing director of operations, spoke again.\n"
        "The Ogwen Valley Rescue Team searched all night.\n"
        "Tim Bird, the leader of the rescue team, said the path was icy.\n"
        "Bob Ray, a Goldman Sachs Senior Analyst, spoke once more.\n"
    )
    roles = _roles(text)
    assert roles["Jon Frakes"][0] == "actor on Star Trek: The Next Generation"
    assert roles["John Smith"] == ("president and CEO", "National Retail Association")
    assert roles["Jane Doe"] == ("biologist", "University of South Florida")
    assert roles["Mike Jones"][0] == "bartender"
    assert roles["Maria Walter"][1] == "United Airlines"  # never "United Airlines'"
    assert roles["Tim Bird"] == ("leader of the rescue team", "Ogwen Valley Rescue Team")
    assert roles["Bob Ray"] == ("Senior Analyst", "Goldman Sachs")  # the title stays out
