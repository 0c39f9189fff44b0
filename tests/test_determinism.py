"""The same input gives the same brief whatever PYTHONHASHSEED is (no set-order dependence)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Two organisations share the acronym "FCC"; which one "the FCC" means must not
# depend on set iteration order.
SCRIPT = r"""
import json
from storyline import api
from storyline.ingest import document_from_text
from storyline.renderers import render

text = (
    "The Free Culture Coalition met the Federal Communications Commission on Monday. "
    "Officials at the Fair Credit Council and the Future Cities Committee said little.\n"
    "The FCC said on Tuesday it would review the rules, and the FCC chair agreed.\n"
    "Jane Porter, head of the Free Culture Coalition, said the FCC had listened. "
    "Porter said the group would file comments by March 3, 2014."
)
doc = document_from_text(text, "fcc.txt")
analysis = api.analyze([doc])[0]
print(json.dumps(analysis.to_dict(), sort_keys=True))
brief = json.loads(render(api.brief([doc]), "json"))
brief.pop("generated", None)  # the clock, not the content
print(json.dumps(brief, sort_keys=True))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_brief_is_the_same_under_different_hash_seeds() -> None:
    outputs = {seed: _run(seed) for seed in ("1", "2", "3")}
    assert len(set(outputs.values())) == 1, "brief differs between PYTHONHASHSEED values"
