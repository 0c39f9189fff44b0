"""Draw of brief-audit-9: three same-subject PolNeAR groups of 3-4 articles (titles and dates only).

Pool: `audit9` of /work/wt/_notes/polnear_pools8.json (PolNeAR train texts, filtered at session
start against every article named in the repo and notes). Rule (as audit 8, groups of 3 to 4):
each title (metadata.tsv) is given every subject it names from SUBJECTS; a candidate group is,
for one subject and one starting article, every eligible article naming that subject dated within
12 days on or after it; candidates of 3 to 4 articles are shuffled with random.Random(SEED) (only
to break ties), stably sorted by date span, and taken greedily while they share no article.
Articles under 500 characters and articles whose stem occurs in bench/ tests/ storyline/ docs/
BENCHMARKS.md at main BASE (when the draw was made) are excluded first.

    python bench/verdicts/draw_audit9.py ../shared/eval/polnear /work/wt/_notes/polnear_pools8.json
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import subprocess
import sys
from pathlib import Path

SEED = 2901
SUBJECTS = {
    "Trump": r"trump",
    "Clinton": r"clinton|hillary",
    "Sanders": r"sanders|bernie",
    "Cruz": r"cruz",
    "Rubio": r"rubio",
    "Kasich": r"kasich",
    "Obama": r"obama",
    "Bush": r"\bbush|\bjeb",
    "Ryan": r"\bryan\b",
    "Carson": r"carson",
    "Pence": r"pence",
}
REPO = Path(__file__).resolve().parents[2]
BASE = "d81f8b8"  # main when the draw was made: the audit's own files name the drawn articles
SEARCHED = ("bench", "tests", "storyline", "docs", "BENCHMARKS.md")


def main(polnear: str, pools: str) -> None:
    root = Path(polnear)
    pool = json.loads(Path(pools).read_text())["audit9"]
    meta: dict[str, dict[str, str]] = {}
    with open(root / "metadata.tsv", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    eligible: list[str] = []
    for name in pool:
        stem = name.removesuffix(".txt")
        found = subprocess.run(
            ["git", "grep", "-lF", stem, BASE, "--", *SEARCHED],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if found:
            continue
        if len((root / "train" / "text" / name).read_text(errors="replace")) < 500:
            continue
        eligible.append(stem)
    dated = {s: dt.date.fromisoformat(meta[s]["publication_date"]) for s in eligible}
    subjects = {
        s: {k for k, rx in SUBJECTS.items() if re.search(rx, meta[s]["title"], re.I)}
        for s in eligible
    }
    candidates: list[tuple[int, str, tuple[str, ...]]] = []
    for subject in SUBJECTS:
        naming = sorted(
            (s for s in eligible if subject in subjects[s]), key=lambda s: (dated[s], s)
        )
        for start in naming:
            members = [s for s in naming if 0 <= (dated[s] - dated[start]).days <= 12]
            if 3 <= len(members) <= 4:
                span = (dated[members[-1]] - dated[members[0]]).days
                candidates.append((span, subject, tuple(members)))
    random.Random(SEED).shuffle(candidates)
    candidates.sort(key=lambda c: c[0])
    taken: list[tuple[int, str, tuple[str, ...]]] = []
    used: set[str] = set()
    for span, subject, group in candidates:
        if used.isdisjoint(group):
            taken.append((span, subject, group))
            used.update(group)
        if len(taken) == 3:
            break
    print(f"eligible {len(eligible)} of {len(pool)}; candidates {len(candidates)}")
    for span, subject, group in taken:
        print(f"{subject} span {span} days")
        for s in group:
            print(f"  {s}\t{meta[s]['publication_date']}\t{meta[s]['title']}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
