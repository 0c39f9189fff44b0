"""Name helpers and rule tables, split out of entities.py, stay importable from there."""

from __future__ import annotations

from storyline.analysis import entities, entity_rules, names
from storyline.analysis.names import canonical_name, name_key, resolve_short_name, used_as_place


def test_entities_module_re_exports_the_moved_names():
    for name in (
        "acronym",
        "canonical_name",
        "clean_surface",
        "country_name",
        "generic_org",
        "is_name_word",
        "is_place_name",
        "leading_org",
        "name_key",
        "resolve_short_name",
        "same_word",
        "similar",
        "strip_corporate_suffix",
        "used_as_place",
    ):
        assert getattr(entities, name) is getattr(names, name), name
    for table in ("ANAPHORIC_OWNERS", "GENERIC_ORG_HEADS", "NAME_TITLES", "COUNTRY_ALIASES"):
        assert getattr(entities, table) is getattr(entity_rules, table), table


def test_names_work_without_the_recogniser():
    assert canonical_name("the Tidewater Holdings Ltd.'s", "ORG") == "Tidewater"
    assert name_key("U.S.") == name_key("the United States") == "united states"
    assert resolve_short_name("Okafor", ["Nneka Okafor", "Bram Visser"]) == "Nneka Okafor"
    assert resolve_short_name("Okafor", ["Nneka Okafor", "Chidi Okafor"]) is None
    near, after = "Flooding hit towns near Kestrel Bay.", "Officials from Kestrel Bay said so."
    assert used_as_place(near, near.index("Kestrel"))
    assert not used_as_place(after, after.index("Kestrel"))


def test_hyphenated_given_names_match_part_by_part() -> None:
    from storyline.analysis.matching import same_full_name, same_word

    assert not same_word("Jong-nam", "Jong-un")  # two brothers, not one spelling
    assert not same_full_name("Kim Jong-nam", "Kim Jong-un")
    assert same_word("Dean-Charles", "Dean-Charls")
    assert same_full_name("Moon Jae-in", "Moon Jae-In")


def test_given_names_and_regions() -> None:
    from storyline.analysis.names import has_given_names, is_given_name, is_region

    assert is_region("Ohio") and is_region("Syria") and is_region("U.S.")
    assert not is_region("Tryfan")
    if has_given_names():
        assert is_given_name("Caleb") and not is_given_name("Mondelez")
    else:
        assert not is_given_name("Caleb")


def test_entities_module_re_exports_what_split_out_of_it():
    # analysis/people.py imports person_traits and unit_scope from entities
    from storyline.analysis import affiliations

    for name in ("person_traits", "unit_scope"):
        assert getattr(entities, name) is getattr(affiliations, name), name


def test_entity_stage_modules_stay_small_and_one_way():
    """Each stage module imports only the candidates module and earlier stages, never
    `entities` (the orchestrator), so the split cannot grow an import cycle."""
    import ast
    from pathlib import Path

    folder = Path(entities.__file__).parent
    stages = ["entity_candidates", "non_players", "entity_types", "affiliations", "entity_merge"]
    for k, stage in enumerate(stages):
        source = (folder / f"{stage}.py").read_text("utf-8")
        assert len(source.splitlines()) < 600, stage
        imported = {
            node.module
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.level == 1
        }
        assert "entities" not in imported, stage
        assert not imported & set(stages[k:]), (stage, imported & set(stages[k:]))
