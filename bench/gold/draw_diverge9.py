"""How branch diverge9 drew its divergence gold, draw 5 (run: python bench/gold/draw_diverge9.py).

The rule of draw 4 (draw_diverge8), fixed before reading: only Timeline17 articles dense in
numbers (>= 12 digit groups) and in no earlier gold file, on days no earlier draw used (every
day named in a gold file's "timeline17" list, and the days diverge7 read with output).
bpoil and H1N1 (several outlets): draw_diverge6.groups, seed 2901 (3 outlets of a day + one
article 3-10 days later, per topic); haiti_bbc (one outlet): 3 such articles of one day that
state a death count, seed 2902. PolNeAR: train articles of the diverge9 pool
(/work/wt/_notes/polnear_pools8.json) grouped by event from titles and dates only (G, before
reading), one group drawn with random.Random(2903).
"""

import glob
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
from draw_diverge6 import groups
from draw_diverge7 import DEATHS, _one_day
from draw_diverge8 import MIN_NUMBERS, NUMBER, SEEN_DAYS, _text


def _earlier():
    """Articles and days named in every gold file outside draw 5 (-div-29*)."""
    files, days = set(), set()
    for path in glob.glob(os.path.join(os.path.dirname(__file__), "*.json")):
        if "-div-29" in os.path.basename(path):
            continue
        with open(path) as f:
            for name in json.load(f).get("timeline17", []):
                files.add(name)
                days.add(name.split("/")[1])
    return files, tuple(sorted(days | set(SEEN_DAYS)))


SEEN, USED_DAYS = _earlier()


def _dense(path):
    return path not in SEEN and len(NUMBER.findall(_text(path))) >= MIN_NUMBERS


def _dense_deaths(path):
    return _dense(path) and bool(DEATHS.search(_text(path)))


# PolNeAR train articles of the diverge9 pool told within days about one event (titles, dates)
G = {
    "gop-debate-2015-11-10": [
        "wash-post_2015-11-10_caught-fibbing-these-gop-candida.txt",
        "huff-post_2015-11-11_dems-react-to-gop-debate.txt",
    ],
    "fbi-clinton-emails-2016-07": [
        "politico_2016-07-06_lewandowski-fbi-director-acted-a.txt",
        "politico_2016-07-11_republicans-ask-doj-to-investiga.txt",
    ],
    "super-pac-ads-2015": [
        "usa-today_2015-11-27_super-pac-ad-attack-coming-iowa-.txt",
        "politico_2015-12-24_gop-big-money-group-whacks-clint.txt",
    ],
    "clinton-state-meetings-2016-08": [
        "breitbart_2016-08-24_report-half-clinton-s-state-meet.txt",
        "breitbart_2016-08-24_john-bolton-hillary-s-campaign-s.txt",
        "usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p.txt",
    ],
}

if __name__ == "__main__":
    a = groups(2901, exclude_days=USED_DAYS, keep=_dense)
    print("timeline17 draw 5:", json.dumps(a))
    used = (*USED_DAYS, *(g["day"] for g in a))
    print("timeline17 haiti draw 5:", json.dumps(_one_day(2902, "haiti_bbc", _dense_deaths, used)))
    print("polnear draw 5:", random.Random(2903).sample(sorted(G), 1))


# Draw 5b: draw 5 held 6 conflicts (fewer than the 8 aimed at), so one more haiti_bbc day
# under the same rule, outside draw 5's days, seed 2904.
if __name__ == "__main__":
    used5 = (*USED_DAYS, "2010-05-08", "2009-04-27", "2010-01-23")
    print(
        "timeline17 haiti draw 5b:", json.dumps(_one_day(2904, "haiti_bbc", _dense_deaths, used5))
    )
