"""bench/same_briefs.py: the refactor proof says which dumps differ, and only those."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "bench" / "same_briefs.py"
_SPEC = importlib.util.spec_from_file_location("bench_same_briefs", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
same_briefs = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(same_briefs)
compare = same_briefs.compare


def _write(folder: Path, name: str, quote: str) -> None:
    folder.mkdir(exist_ok=True)
    data = {"entities": [["Ann Lee"]], "brief": {"quotes": [quote], "title": "t"}}
    (folder / name).write_text(json.dumps(data), "utf-8")


def test_same_briefs_compare_names_the_corpus_that_changed(tmp_path: Path, capsys) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    for folder in (before, after):
        _write(folder, "a.json", "same")
    _write(before, "b.json", "old words")
    _write(after, "b.json", "new words")
    assert compare(before, after) == 1
    out = capsys.readouterr().out
    assert "differs: b.json" in out and "a.json" not in out
    assert "2 gold corpora: 1 identical, 1 differ; 1 entity mentions and 1 brief" in out


def test_same_briefs_compare_passes_identical_dumps(tmp_path: Path) -> None:
    for folder in (tmp_path / "x", tmp_path / "y"):
        _write(folder, "a.json", "same")
    assert compare(tmp_path / "x", tmp_path / "y") == 0
