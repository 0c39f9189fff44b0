"""Who the brief is about: the title comes from the players the coverage leads with."""

from __future__ import annotations

from storyline.briefing.players import story_subjects
from storyline.model import Citation, Entity


def _ent(name, type, docs, mentions, first=50):
    cites = [Citation(f"d{i}", first, first + len(name)) for i in range(docs)]
    return Entity(name, type, [], mentions, docs, citations=cites)


def test_a_passing_mention_never_titles_the_brief():
    entities = [
        _ent("Tablet Co", "ORG", 1, 6, first=4000),  # one article's aside, named often there
        _ent("Ana Ruiz", "PERSON", 4, 9),
        _ent("Port Elm", "GPE", 4, 12),
    ]
    assert story_subjects(entities, 4) == ["Ana Ruiz"]


def test_two_players_every_article_leads_with_share_the_title():
    entities = [
        _ent("Ana Ruiz", "PERSON", 3, 14),
        _ent("Tomas Vell", "PERSON", 3, 12),
        _ent("Kestrel Bank", "ORG", 1, 3, first=900),
    ]
    assert story_subjects(entities, 3) == ["Ana Ruiz", "Tomas Vell"]


def test_no_entities_no_subject():
    assert story_subjects([], 2) == []


def test_a_shared_bare_surname_never_titles_the_brief():
    entities = [
        _ent("Vance", "PERSON", 3, 30),  # the surname of two people, left unresolved
        _ent("Elise Vance", "PERSON", 3, 8),
        _ent("Tom Vance", "PERSON", 2, 4),
    ]
    assert story_subjects(entities, 3)[0] == "Elise Vance"


def _said(name, *texts):
    from storyline.model import Quote, SpeakerQuotes

    quotes = [Quote(t, True, name, "person", citations=[Citation("d0", 0, len(t))]) for t in texts]
    return SpeakerQuotes(name, "person", "professor", None, quotes)


def test_a_player_whose_only_clean_quote_is_long_still_gets_a_line():
    from storyline.briefing.players import MAX_DID_WORDS, key_players

    long = " ".join(["We have seen no evidence of harm in the trial"] * 6)  # 60 words
    assert MAX_DID_WORDS < len(long.split()) <= 2 * MAX_DID_WORDS
    group = _said("Ana Ruiz", "That sense worries them", long)
    (player,) = key_players([_ent("Ana Ruiz", "PERSON", 2, 4)], [group], [], [])
    assert [d.text for d in player.did] == [f"“{long}”"]
    shorter = _said("Ana Ruiz", "We have seen no evidence of harm in the trial so far", long)
    (player,) = key_players([_ent("Ana Ruiz", "PERSON", 2, 4)], [shorter], [], [])
    assert [d.text for d in player.did] == [
        "“We have seen no evidence of harm in the trial so far”"
    ]
