"""How branch diverge8 drew its divergence gold, draw 4 (run: python bench/gold/draw_diverge8.py).

Real conflicts are rare in event coverage (5 in 74 documents of draws 1-3), and most that were
found are numbers, so draw 4 keeps only articles dense in numbers, a rule fixed before reading:
at least MIN_NUMBERS digit groups (NUMBER) in the text, and no article in any earlier gold file.
Timeline17 bpoil and H1N1 (several outlets): draw_diverge6.groups with that filter, outside every
day drawn before, seeds 2801 and 2802 (two days a topic); haiti_bbc (one outlet, many articles
a day): 3 such articles of one day that also state a death count (draw_diverge7.DEATHS),
seeds 2803 and 2804 (the second outside the first's day).
"""

import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from draw_diverge6 import groups
from draw_diverge7 import DEATHS, USED, _one_day, _text

NUMBER = re.compile(r"\b\d[\d,.]*\b")
MIN_NUMBERS = 12

# days drawn by diverge7 (draw 3, 3b, 3c)
USED3 = (
    "2011-01-06",
    "2009-05-05",
    "2010-01-18",
    "2010-08-03",
    "2009-04-30",
    "2010-01-19",
    "2010-01-26",
)
# days diverge7 read with system output for spurious measures (BENCHMARKS, sixth session): not blind
SEEN_DAYS = ("2009-05-27", "2009-05-28", "2009-05-03")


def _gold_files():
    """Every Timeline17 article named in an earlier gold file (not draw 4's own, -div-28*)."""
    out = set()
    for path in glob.glob(os.path.join(os.path.dirname(__file__), "*.json")):
        if "-div-28" in os.path.basename(path):
            continue
        with open(path) as f:
            out.update(json.load(f).get("timeline17", []))
    return out


SEEN = _gold_files()


def _dense(path):
    return path not in SEEN and len(NUMBER.findall(_text(path))) >= MIN_NUMBERS


def _dense_deaths(path):
    return _dense(path) and bool(DEATHS.search(_text(path)))


if __name__ == "__main__":
    used = (*USED, *USED3, *SEEN_DAYS)
    a = groups(2801, exclude_days=used, keep=_dense)
    used += tuple(g["day"] for g in a)
    b = groups(2802, exclude_days=used, keep=_dense)
    print("timeline17 draw 4a:", json.dumps(a))
    print("timeline17 draw 4b:", json.dumps(b))
    h1 = _one_day(2803, "haiti_bbc", _dense_deaths, used)
    h2 = _one_day(2804, "haiti_bbc", _dense_deaths, (*used, h1["day"]))
    print("timeline17 haiti draw 4a:", json.dumps(h1))
    print("timeline17 haiti draw 4b:", json.dumps(h2))
