"""How branch diverge7 drew its divergence gold, draw 3 (run: python bench/gold/draw_diverge7.py).

Timeline17 bpoil and H1N1 (several outlets) as draw_diverge6.groups, outside every day drawn
before; Timeline17 haiti (one outlet, many articles a day, the death toll told many ways):
a day with >= 3 articles, 3 of them, and one article 3-10 days later; one PolNeAR group of
the diverge7 pool, grouped by event from titles and dates only (before reading).
"""

import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from draw_diverge6 import BASE, groups, one_later

# days drawn by diverge6 (draws 1, 2), never drawn again
USED = (
    "2010-09-20",
    "2010-04-26",
    "2009-05-07",
    "2009-06-01",
    "2010-11-09",
    "2009-05-06",
    "2010-10-29",
    "2009-05-01",
)


def _by_day(topic, keep=None):
    """Day -> the `topic` articles of that day (those `keep` accepts), in file order."""
    root = f"{BASE}/{topic}/InputDocs"
    files = {}
    for d in sorted(os.listdir(root)):
        for f in sorted(os.listdir(f"{root}/{d}")):
            if keep is None or keep(f"{topic}/{d}/{f}"):
                files.setdefault(d, []).append(f"{topic}/{d}/{f}")
    return files


def one_outlet(seed, topic="haiti_bbc", per_day=3):
    rng = random.Random(seed)
    files = _by_day(topic)
    day = rng.choice([d for d in sorted(files) if len(files[d]) >= per_day])
    chosen = rng.sample(files[day], per_day)
    chosen += one_later(rng, files, day)
    return {"topic": topic, "day": day, "files": chosen}


# PolNeAR train articles of the diverge7 pool told within days about one event
G = {
    "wisconsin-primary": [
        "politico_2016-04-05_ted-cruz-wins-wisconsin-republic.txt",
        "usa-today_2016-04-06_sanders-says-he-s-riding-momentu.txt",
    ],
    "june-primaries": [
        "west-journal_2016-06-06_breaking-latest-primary-has-big-.txt",
        "huff-post_2016-06-09_barack-obama-s-endorsement-could.txt",
        "wash-post_2016-06-09_party-aims-to-heal-primary-wound.txt",
        "usa-today_2016-06-09_trump-tries-new-chapter-in-campa.txt",
    ],
    "dnc-week": [
        "breitbart_2016-07-22_tim-kaine-fully-embraced-abortio.txt",
        "usa-today_2016-07-26_protesters-push-through-intense-.txt",
        "huff-post_2016-07-28_charleston-church-shooting-survi.txt",
    ],
    "paris-attacks": [
        "wash-post_2015-11-15_carnage-renews-debate-over-milit.txt",
        "breitbart_2015-11-19_hillary-clinton-calls-on-u-s-to-.txt",
    ],
    "fox-ailes": [
        "nyt_2016-07-25_political-future-unsure-at-fox-a.txt",
        "nyt_2016-08-01_with-ailes-out-and-murdoch-in-wh.txt",
    ],
    "march-primaries": [
        "huff-post_2016-03-09_networks-didn-t-cut-from-donald-.txt",
        "breitbart_2016-03-15_kasich-we-are-going-to-go-all-th.txt",
        "usa-today_2016-03-16_clinton-extends-her-lead-despite.txt",
    ],
    "benghazi": [
        "west-journal_2016-01-12_benghazi-movie-hours-is-about-to.txt",
        "wash-post_2016-01-16_ex-cia-chief-in-benghazi-breaks-.txt",
    ],
}

if __name__ == "__main__":
    print("timeline17 draw 3:", json.dumps(groups(2701, exclude_days=USED)))
    print("timeline17 haiti draw 3:", json.dumps(one_outlet(2702)))
    print("polnear draw 3:", random.Random(2703).sample(sorted(G), 2))


# Draw 3b: the first draw held no conflict, so a second one is drawn among articles that
# tell a toll or an amount (TOLL below), where outlets are most often at odds: per topic a
# day on which >= 3 outlets published such an article (outside USED and the days above),
# one such article of each of 3 outlets, one 3-10 days later; haiti: 3 such articles of a day.
TOLL = re.compile(
    r"\b\d[\d,.]*( million| billion|m|bn)?\s+(\w+\s+){0,3}"
    r"(deaths?|dead|died|killed|cases|barrels|gallons|people|homeless|injured|missing)\b"
)


def _text(path):
    """The text of the Timeline17 article at `path` (TOPIC/DAY/FILE)."""
    with open(
        f"{BASE}/{path.split('/')[0]}/InputDocs/{path.split('/', 1)[1]}", errors="replace"
    ) as f:
        return f.read()


def _tolls(path):
    return bool(TOLL.search(_text(path)))


def _one_day(seed, topic, keep, exclude_days):
    """3 articles `keep` accepts of one `topic` day that has >= 3 of them."""
    rng = random.Random(seed)
    files = _by_day(topic, keep)
    day = rng.choice([d for d in sorted(files) if len(files[d]) >= 3 and d not in exclude_days])
    return {"topic": topic, "day": day, "files": rng.sample(files[day], 3)}


def toll_groups(seed, topics=("bpoil", "H1N1"), exclude_days=()):
    return groups(seed, topics, exclude_days, keep=_tolls)


def toll_one_outlet(seed, topic="haiti_bbc", exclude_days=()):
    return _one_day(seed, topic, _tolls, exclude_days)


if __name__ == "__main__":
    more = (*USED, "2011-01-06", "2009-05-05")
    print("timeline17 draw 3b:", json.dumps(toll_groups(2704, exclude_days=more)))
    print(
        "timeline17 haiti draw 3b:", json.dumps(toll_one_outlet(2705, exclude_days=("2010-01-18",)))
    )


# Draw 3c: the two draws above hold 2 conflicts; the death toll of the Haiti quake was told
# many ways in its first week, so 3 articles of one haiti day that state a death count
# (DEATHS), outside the days above.
DEATHS = re.compile(r"\b\d[\d,.]*( million|m)?\s+(\w+\s+){0,3}(deaths?|dead|died|killed|bodies)\b")


def _deaths(path):
    return bool(DEATHS.search(_text(path)))


def death_one_outlet(seed, topic="haiti_bbc", exclude_days=()):
    return _one_day(seed, topic, _deaths, exclude_days)


if __name__ == "__main__":
    print(
        "timeline17 haiti draw 3c:",
        json.dumps(death_one_outlet(2706, exclude_days=("2010-01-18", "2010-01-19"))),
    )
