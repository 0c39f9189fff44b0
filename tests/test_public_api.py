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
