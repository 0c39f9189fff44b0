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


def test_readme_names_only_paths_and_stages_that_exist() -> None:
    # the packages were renamed (brief -> briefing, render -> renderers) and the README
    # went on naming the old ones
    text = README.read_text("utf-8")
    root = README.parent
    paths = set(re.findall(r"`(storyline/[\w/.-]+)`", text))
    paths |= set(re.findall(r"\]\((storyline/[\w/.-]+)\)", text))
    assert paths
    assert [p for p in sorted(paths) if not (root / p).exists()] == []
    pipeline = text.split("## How it is built", 1)[1].split("See [docs", 1)[0]
    stages = re.findall(r"(?:^|→ )`([a-z]+)`", pipeline, re.M)
    assert len(stages) >= 5
    assert [s for s in stages if not (root / "storyline" / s).is_dir()] == []
