"""Every ```python block of README.md runs as written, so the documentation cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text("utf-8"), re.S | re.M)


def test_the_readme_has_python_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_python_block_runs(number: int, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)  # a block that writes files writes them here
    namespace: dict[str, object] = {"__name__": "__readme__"}
    exec(compile(BLOCKS[number], f"README.md python block {number + 1}", "exec"), namespace)
    import storyline

    briefs = [v for v in namespace.values() if isinstance(v, storyline.Brief)]
    if "brief" in BLOCKS[number]:
        assert briefs, "a block about briefs must leave a real Brief behind"
        assert all(b.documents and b.summary for b in briefs)
    printed = capsys.readouterr().out
    assert "Traceback" not in printed
