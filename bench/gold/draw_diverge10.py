"""The unannotated Timeline17 groups branch diverge10 read for spurious divergences
(no gold; run: python bench/gold/draw_diverge10.py > groups.json, then
python bench/divergence_scan.py --timeline17 groups.json).

bpoil + H1N1: draw_diverge6.groups, seeds 41-50 (3 outlets of a day + one article 3-10
days later, per topic); haiti_bbc: draw_diverge7.one_outlet, seeds 41-48; any group on a
day a gold file names for its topic is dropped. Prints {name: [TOPIC/DAY/FILE, ...]}.
"""

import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from draw_diverge6 import groups
from draw_diverge7 import one_outlet


def gold_days():
    """(topic, day) of every Timeline17 article a gold file names."""
    days = set()
    for path in glob.glob(os.path.join(os.path.dirname(__file__), "*.json")):
        with open(path) as f:
            for name in json.load(f).get("timeline17", []):
                outlet, day, _ = name.split("/")
                days.add((outlet.split("_")[0], day))
    return days


def scan_groups():
    seen = gold_days()
    out = {}
    for seed in range(41, 51):
        for g in groups(seed):
            if (g["topic"], g["day"]) not in seen:
                out[f"g{seed}-{g['topic']}-{g['day']}"] = g["files"]
    for seed in range(41, 49):
        g = one_outlet(seed)
        if ("haiti", g["day"]) not in seen:
            out[f"h{seed}-{g['day']}"] = g["files"]
    return out


if __name__ == "__main__":
    print(json.dumps(scan_groups(), indent=1))
