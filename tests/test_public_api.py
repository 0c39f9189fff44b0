"""The public API is small and explicit: __all__ matches what really imports."""

from __future__ import annotations

import importlib

import pytest

import storyline


def test_public_api_all_names_resolve() -> None:
    import types

    for name in storyline.__all__:
        value = getattr(storyline, name)
        assert not isinstance(value, types.ModuleType), f"storyline.{name} is a module"
        assert callable(value), name


def test_public_api_functions_survive_subpackage_imports() -> None:
    """Importing every stage must not shadow a public function with a subpackage."""
    import inspect

    for module in (
        "storyline.briefing.build",
        "storyline.ingest",
        "storyline.analysis.pipeline",
        "storyline.renderers",
        "storyline.store",
    ):
        importlib.import_module(module)
    for name in ("read", "analyze", "brief", "brief_from_store", "render"):
        assert inspect.isfunction(getattr(storyline, name)), name


def test_public_api_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError):
        storyline.does_not_exist  # noqa: B018


def test_public_api_expected_surface() -> None:
    assert {
        "read",
        "analyze",
        "brief",
        "brief_from_store",
        "render",
        "Store",
        "Document",
        "Brief",
    } <= set(storyline.__all__)


def test_layers_do_not_import_upwards() -> None:
    """ingest/analysis/brief/store/render never import cli or web (checked on source)."""
    import pathlib

    root = pathlib.Path(storyline.__file__).parent
    for package in (
        "model.py",
        "errors.py",
        "config.py",
        "ingest",
        "analysis",
        "briefing",
        "store",
        "renderers",
    ):
        path = root / package
        files = [path] if path.is_file() else list(path.rglob("*.py"))
        for f in files:
            text = f.read_text("utf-8")
            for forbidden in (
                "storyline.cli",
                "from ..cli",
                "from ..web",
                "storyline.web",
                "import typer",
                "import fastapi",
                "from fastapi",
            ):
                assert forbidden not in text, f"{f.relative_to(root)} imports {forbidden}"


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.config import Settings
    from storyline.errors import ConfigError

    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "120")
    monkeypatch.setenv("STORYLINE_ALLOW_PRIVATE_URLS", "yes")
    s = Settings.from_env(db="x.db")
    assert (s.summary_words, s.allow_private_urls, s.db) == (120, True, "x.db")
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "many")
    with pytest.raises(ConfigError, match="STORYLINE_SUMMARY_WORDS"):
        Settings.from_env()


def test_model_imports_nothing_from_storyline() -> None:
    import pathlib

    text = (pathlib.Path(storyline.__file__).parent / "model.py").read_text("utf-8")
    assert "from ." not in text and "import storyline" not in text
    importlib.import_module("storyline.model")


def test_settings_precedence_flag_env_file_default(tmp_path, monkeypatch) -> None:
    from storyline.config import Settings
    from storyline.errors import ConfigError

    config = tmp_path / "storyline.toml"
    config.write_text('summary_words = 100\nfocus = "ports"\nfetch_deadline = 9\ndb = "file.db"\n')
    monkeypatch.setenv("STORYLINE_CONFIG", str(config))
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "120")
    monkeypatch.setenv("STORYLINE_DB", "env.db")
    s = Settings.resolve({"db": "flag.db", "focus": None}, defaults={"allow_private_urls": True})
    assert (s.db, s.summary_words, s.focus, s.fetch_deadline) == ("flag.db", 120, "ports", 9.0)
    assert s.allow_private_urls is True  # surface default, nothing above it
    assert s.max_input_bytes == Settings().max_input_bytes  # plain default
    monkeypatch.setenv("STORYLINE_ALLOW_PRIVATE_URLS", "0")
    assert Settings.resolve(defaults={"allow_private_urls": True}).allow_private_urls is False
    config.write_text("llm_url = 'http://x'\n")
    with pytest.raises(ConfigError, match="unknown setting 'llm_url'"):
        Settings.resolve()


def test_dead_settings_are_gone() -> None:
    import dataclasses

    from storyline.config import Settings

    names = {f.name for f in dataclasses.fields(Settings)}
    assert not names & {"llm_url", "llm_model", "extra"}


def test_public_api_end_to_end_on_real_objects(tmp_path) -> None:
    """Compare real objects, not `is not None`: read -> brief -> render, library and store agree."""
    import json
    from pathlib import Path

    import jsonschema

    from storyline.renderers.json import schema

    demo = Path(storyline.__file__).parent / "demo"
    items = list(storyline.read([str(demo)]))
    docs = [d for d in items if isinstance(d, storyline.Document)]
    assert len(docs) == len(items) == 5
    assert {d.kind for d in docs} == {"html", "webtext", "transcript", "stripped", "json"}

    brief = storyline.brief(docs)
    assert isinstance(brief, storyline.Brief)
    assert {r.id for r in brief.documents} == {d.id for d in docs}
    texts = {d.id: d.text for d in docs}
    citations = list(brief.citations()) if hasattr(brief, "citations") else []
    citations += [c for s in brief.summary for c in s.citations]
    assert citations
    for c in citations:
        if c.text is not None:
            assert texts[c.document][c.start : c.end] == c.text

    with storyline.Store(tmp_path / "s.db") as store:
        results = [store.add(d) for d in docs]
        assert [r.status for r in results] == ["added"] * 5
        stored = storyline.brief_from_store(store, ids=[d.id for d in docs])
    assert [s.text for s in stored.summary] == [s.text for s in brief.summary]
    assert stored.title == brief.title

    markdown = storyline.render(brief, "markdown")
    assert markdown.startswith(f"# {brief.title.split(':')[0]}")
    data = json.loads(storyline.render(brief, "json"))
    jsonschema.validate(data, schema())
    assert data["title"] == brief.title
    assert [s["text"] for s in data["summary"]] == [s.text for s in brief.summary]
