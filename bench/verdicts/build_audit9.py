"""Inputs of brief-audit-9: each group's clean JSONL and its one degraded shape.

Group 1 -> punctuation stripped, group 2 -> CAPS-label transcript (both made by
bench/robustness.py's own functions from the clean Document), group 3 -> raw web
pages wrapped in the boilerplate below (written for this audit, the same for every
page) and, added after the HTML brief came out identical to the clean one, the same
pages' visible text as a naive scraper dumps it (`scraped`, read as webtext) and the
same pages with every sectioning tag a plain <div> (`in_divs`); for group 1, also
the stripped text one paragraph a line (`stripped_paragraphs`), the same way added
after the first results. Article text stays outside the repo (written under OUT).

    python bench/verdicts/build_audit9.py ../shared/eval/polnear /tmp/audit9
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from robustness import stripped_text, transcript_text

from storyline.ingest import document_from_text
from storyline.model import Document

GROUPS = {
    "G1": (
        "stripped",
        [
            "nyt_2016-04-21_crucial-wins-for-clinton-and-tru",
            "wash-post_2016-04-21_what-s-next-for-sanders-much-res",
            "usa-today_2016-04-26_sanders-will-back-clinton-eventu",
        ],
    ),
    "G2": (
        "transcript",
        [
            "west-journal_2016-05-12_washington-post-assembles-a-siza",
            "breitbart_2016-05-15_trump-talks-to-megyn-kelly-about",
            "west-journal_2016-05-17_trump-files-largest-financial-st",
        ],
    ),
    "G3": (
        "html",
        [
            "politico_2016-07-22_rep-gwen-graham-slams-trump-prai",
            "west-journal_2016-07-23_trump-addresses-munich-attack-th",
            "politico_2016-07-29_trump-clinton-should-have-congra",
        ],
    ),
}
SITE = {"politico": "POLITICO", "west-journal": "Western Journal"}
RELATED = [
    "Clinton picks Tim Kaine as her running mate",
    "Sanders delegates stage walkout on convention floor",
    "Pence: Trump will 'make America safe again'",
    "Poll: Race tightens after Republican convention",
]
MOST_READ = [
    "Five takeaways from the Democratic convention",
    "Obama: 'There has never been a man or woman more qualified'",
    "Cruz booed after refusing to endorse Trump",
]
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T17:40:00-04:00">
<meta name="author" content="{author}">
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience on our site and to show you
relevant advertising. By continuing to browse, you agree to our use of cookies.
<a href="/privacy">Learn more</a> <button>Accept</button></div>
<header class="site-header">
<a class="logo" href="/">{site}</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/elections">2016 Elections</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/video">Video</a></li><li><a href="/newsletters">Newsletters</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<div class="byline">By {author} | {date_words} 5:40 PM EDT</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
<a href="#">Email</a> <a href="#">Print</a> <span>143 Comments</span></div>
<figure><img src="/img/lead.jpg" alt="">
<figcaption>Donald Trump speaks during a campaign event. (Photo: Getty Images)</figcaption></figure>
<div class="article-body">
{body}
</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
<a href="#">Email</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
{related}
</ul></aside>
<aside class="most-read"><h2>Most read</h2><ol>
{most_read}
</ol></aside>
<div class="newsletter"><h3>Sign up for our Politics newsletter</h3>
<p>Get the day's top stories delivered to your inbox every morning.</p>
<form><input type="email" placeholder="Enter your email"><button>Subscribe</button></form></div>
</main>
<footer><p>&copy; 2016 {site}. All rights reserved.</p>
<a href="/about">About Us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy Policy</a> |
<a href="/terms">Terms of Service</a> | <a href="/advertise">Advertise</a></footer>
</body>
</html>
"""
BLOCK = re.compile(
    r"</(?:p|li|div|h1|h2|h3|figcaption|header|nav|footer|form|button)>|<br\s*/?>", re.I
)


def scraped(page_html: str) -> str:
    """The page's visible text as a naive scraper dumps it: one line per block, boilerplate kept."""
    body = page_html.split("<body>", 1)[1]
    text = html.unescape(re.sub(r"<[^>]+>", " ", BLOCK.sub("\n", body)))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def stripped_paragraphs(doc: Document) -> str:
    """`stripped_text`, but one paragraph a line: sentence ends are not given away."""
    lines = stripped_text(doc).split("\n")
    grouped: dict[int, list[str]] = {}
    for sentence, line in zip(doc.sentences, lines, strict=True):
        grouped.setdefault(sentence.paragraph, []).append(line)
    return "\n".join(" ".join(group) for _, group in sorted(grouped.items()))


SEMANTIC = re.compile(r"<(/?)(?:header|nav|main|article|aside|footer|figure|figcaption)\b", re.I)


def in_divs(page_html: str) -> str:
    """The same page with every sectioning tag a plain <div> (as many CMS templates write it)."""
    return SEMANTIC.sub(lambda m: f"<{m.group(1)}div", page_html)


MONTHS = "January February March April May June July August September October November December"


def page(record: dict[str, str], author: str) -> str:
    paragraphs = [" ".join(p.split()) for p in record["text"].split("\n\n") if p.strip()]
    body: list[str] = []
    for i, p in enumerate(paragraphs):
        body.append(f"<p>{html.escape(p)}</p>")
        if i == 1:
            body.append('<div class="ad">Advertisement</div>')
        if i == 2:
            body.append(
                f'<p class="inline-related"><strong>RELATED:</strong> <a href="/r">{RELATED[0]}</a></p>'
            )
    y, m, d = record["date"].split("-")
    site = SITE[record["publisher"]]
    return PAGE.format(
        title=html.escape(record["title"]),
        site=site,
        date=record["date"],
        date_words=f"{MONTHS.split()[int(m) - 1]} {int(d)}, {y}",
        author=html.escape(author),
        body="\n".join(body),
        related="\n".join(
            f'<li><a href="/r{k}">{html.escape(h)}</a></li>' for k, h in enumerate(RELATED)
        ),
        most_read="\n".join(
            f'<li><a href="/m{k}">{html.escape(h)}</a></li>' for k, h in enumerate(MOST_READ)
        ),
    )


def main(polnear: str, out: str) -> None:
    root, dest = Path(polnear), Path(out)
    dest.mkdir(parents=True, exist_ok=True)
    meta = {}
    with open(root / "metadata.tsv", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    for group, (shape, stems) in GROUPS.items():
        clean, shaped, scraped_rows, flat = [], [], [], []
        for stem in stems:
            raw = (root / "train" / "text" / f"{stem}.txt").read_text(errors="replace")
            title, _, text = raw.strip().partition("\n")
            record = {
                "title": title.strip(),
                "text": text.strip(),
                "date": meta[stem]["publication_date"],
                "publisher": meta[stem]["publisher"],
            }
            clean.append(record)
            doc = document_from_text(json.dumps(record), stem)
            if shape == "stripped":
                shaped.append(
                    {
                        **record,
                        "title": " ".join(
                            "".join(
                                c if c.isalnum() or c == "_" else " " for c in record["title"]
                            ).split()
                        ),
                        "text": stripped_text(doc),
                    }
                )
                flat.append({**shaped[-1], "text": stripped_paragraphs(doc)})
            elif shape == "transcript":
                shaped.append({**record, "text": transcript_text(doc)})
            else:
                (dest / f"{group}-html").mkdir(exist_ok=True)
                raw_page = page(record, meta[stem]["author"])
                (dest / f"{group}-html" / f"{stem}.html").write_text(raw_page)
                (dest / f"{group}-divs").mkdir(exist_ok=True)
                (dest / f"{group}-divs" / f"{stem}.html").write_text(in_divs(raw_page))
                scraped_rows.append({**record, "text": scraped(raw_page)})
        for name, rows in (
            (f"{group}-clean", clean),
            (f"{group}-{shape}", shaped),
            (f"{group}-webtext", scraped_rows),
            (f"{group}-stripped-paragraphs", flat),
        ):
            if rows:
                with open(dest / f"{name}.jsonl", "w") as fh:
                    fh.writelines(json.dumps(r) + "\n" for r in rows)


if __name__ == "__main__":
    main(*sys.argv[1:3])
