"""How branch diverge6 drew its divergence gold (run: python bench/gold/draw_diverge6.py)."""

import datetime as dt
import json
import os
import random

BASE = "/work/shared/eval/timeline17"


def one_later(rng, files, day):
    """One article (in a list; none if there is none) from 3-10 days after `day`."""
    d0 = dt.date.fromisoformat(day)
    later = [
        p
        for d in sorted(files)
        if 3 <= (dt.date.fromisoformat(d) - d0).days <= 10
        for p in files[d]
    ]
    return [rng.choice(later)] if later else []


def groups(seed, topics=("bpoil", "H1N1"), exclude_days=(), keep=None):
    """Per topic: 3 outlets' articles of one day (>= 3 outlets that day), one 3-10 days later.

    `keep` (an article path -> bool) limits the articles drawn from (draw_diverge7).
    """
    rng = random.Random(seed)
    out = []
    for topic in topics:
        outs = sorted(t for t in os.listdir(BASE) if t.startswith(topic + "_"))
        files = {}
        for o in outs:
            for d in sorted(os.listdir(f"{BASE}/{o}/InputDocs")):
                for f in sorted(os.listdir(f"{BASE}/{o}/InputDocs/{d}")):
                    if keep is None or keep(f"{o}/{d}/{f}"):
                        files.setdefault(d, []).append(f"{o}/{d}/{f}")
        days = [
            d
            for d in sorted(files)
            if len({p.split("/")[0] for p in files[d]}) >= 3 and d not in exclude_days
        ]
        day = rng.choice(days)
        byout = {}
        for p in files[day]:
            byout.setdefault(p.split("/")[0], []).append(p)
        chosen = [rng.choice(byout[o]) for o in rng.sample(sorted(byout), 3)]
        chosen += one_later(rng, files, day)
        out.append({"topic": topic, "day": day, "files": chosen})
    return out


G = {
    "paris-attacks": [
        "nyt_2015-11-16_social-sites-overflow-when-crisi.txt",
        "breitbart_2015-11-18_ny-daily-news-paris-terror-attac.txt",
    ],
    "dnc-week": [
        "wash-post_2016-07-27_bill-clinton-addresses-a-very-di.txt",
        "usa-today_2016-07-28_the-hillary-speech-we-d-like-to-.txt",
        "west-journal_2016-07-28_obama-claims-hillary-most-qualif.txt",
        "nyt_2016-07-29_obama-lays-out-stakes-for-a-divi.txt",
        "breitbart_2016-07-29_bradley-cooper-upset-american-sn.txt",
    ],
    "nevada-caucus": [
        "usa-today_2016-02-18_clinton-tries-to-avoid-setback-i.txt",
        "politico_2016-02-19_more-hillary-clinton-emails-rele.txt",
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
    ],
    "ny-primary": [
        "breitbart_2016-04-19_clinton-wins-democratic-presiden.txt",
        "wash-post_2016-04-20_beyond-victory-clinton-faces-dee.txt",
    ],
    "rnc": [
        "huff-post_2016-07-18_so-long-grand-old-party-hello-wh.txt",
        "breitbart_2016-07-19_republicans-begin-roll-call-vote.txt",
    ],
    "clinton-emails": [
        "politico_2015-12-31_more-than-clinton-emails-now-dee.txt",
        "politico_2016-02-19_more-hillary-clinton-emails-rele.txt",
        "breitbart_2016-05-27_sanders-clinton-email-story-has-.txt",
        "politico_2016-07-05_criminal-charges-against-clinton.txt",
    ],
    "clinton-foundation": [
        "nyt_2016-08-11_new-emails-raise-queries-over-cl.txt",
        "breitbart_2016-08-23_mike-pence-calls-for-special-pro.txt",
    ],
}

if __name__ == "__main__":
    names = sorted(G)
    d1 = random.Random(2602).sample(names, 2)
    rest = [n for n in names if n not in d1]
    print("timeline17 draw 1:", json.dumps(groups(2601)), json.dumps(groups(2604)))
    used = ("2010-09-20", "2010-04-26", "2009-05-07", "2009-06-01")
    print("timeline17 draw 2:", json.dumps(groups(2605, exclude_days=used)))
    used2 = (*used, "2010-11-09", "2009-05-06")
    print("timeline17 draw 2, more:", json.dumps(groups(2606, exclude_days=used2)))
    print("polnear draw 1:", d1, "draw 2:", random.Random(2603).sample(rest, 2))
