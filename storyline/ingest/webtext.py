"""Text scraped from a web page with its boilerplate still in.

Copy-pasted or crawled pages carry navigation ("Skip to main content"),
share buttons, the headline twice, photo captions and credits, pull quotes
and "Advertisement" lines between paragraphs. These rules drop them line by
line and keep the article; the headline is kept once, as the title.
"Update:" paragraphs are article text and stay.

The rules are data (the patterns below), apart from the code applying them.
"""

from __future__ import annotations

import functools
import re

from .cleaned import Cleaned, join_paragraphs
from .plaintext import is_headline, lines, take_byline

# Whole lines that are page furniture (matched case-insensitively, after stripping).
BOILERPLATE = [
    r"skip to (?:main )?(?:content|navigation)",
    r"share (?:this|the) (?:story|article|post|page)",
    r"(?:photo\s+)?advertisement(?:\s+continue reading the main story)?",
    r"continue reading(?: the main story)?",
    r"story continues below(?: advertisement)?",
    r"story continued below",
    r"tweet with a location",
    r"add a location to your tweets",
    r"top of page",
    r"(?:read|see|show|load) more(?: stories| comments)?:?",
    r"related(?: stories| articles| coverage| content)?:?",
    r"(?:more|most) (?:from|popular|read)\b.{0,40}",
    r"recommended(?: for you)?:?",
    r"(?:sign up|subscribe|register)\b.{0,80}",
    r"follow (?:us|@\w+)\b.{0,60}",
    r"click here\b.{0,80}",
    r"this feature is not available right now\..{0,150}",
    r"the interactive transcript could not be loaded\.?",
    r"rating is available when the video has been rented\.?",
    r"sorry, the page you requested was not found\.?",
    r"(?:image|photo|slide) \d+ (?:of|/) \d+",
    # "© 2016 ...", "Copyright 2016 ..."; "Copyright law ..." opening a sentence is prose
    r"(?:©|\(c\))\s?.{0,150}|copyright\s(?:©|\(c\)|\d{4}).{0,150}|copyright\s[^.!?]{0,150}",
    r"all rights reserved\.?",
    r"(?:share|tweet|email|print|comments?|menu|search|home|close|facebook|twitter|linkedin|"
    r"whatsapp|reddit|pinterest|sections?|next|previous|back to top|log ?in|sign in|"
    r"watch|listen|photo|video|getty images|ap|reuters|afp|ap photo)\W*",
    r"[_*\-=~•·#]{3,}",
    r"please enable javascript.{0,150}",
    r"we use cookies.{0,150}",
    r"(?:posted|filed) (?:in|under)(?::.{0,80}|[^.!?]{0,80})",  # not "Filed in May, the suit ..."
    r"tags?:.{0,200}",
    r"topics?:.{0,300}",
    r"(?:image|photo) (?:copyright|caption|credit)\b.{0,400}",
    r"media playback is unsupported on your device.{0,150}",
    r"story highlights\b.{0,150}",
    r"read or share this story:.{0,150}",
    r"text size.{0,5}",
    r"write to .{2,60} at \S+@\S+",
    r"\S+@\S+\.\w+",
    # web-crawl and archive notices pasted in with the page
    r"(?=.*\b(?:alexa internet|internet archive|wayback machine|common crawl)\b)"
    r"(?=.*\b(?:crawl\w*|web pages?|donat\w*)\b).{0,1200}",
    # an archive's collection notice, which need not name the archive ("Focused crawls are
    # collections of ... webcrawl data", "Web wide crawl with initial seedlist", Archive-It
    # partner pages): crawl vocabulary of the archivist's trade with a collection word
    r"(?=.*(?:\b(?:web ?crawl(?:s|ing|er)?|crawl(?:er)? (?:data|configuration|start date)|"
    r"(?:focused|wide|broad|domain) crawls?)\b|archive-it\b))"
    r"(?=.*\b(?:collections?|seed ?lists?|archiv\w*|curated|captures|(?:sub)?domains?)\b).{0,1500}",
    # social-widget notices ("... Twitter stores that location ...")
    r".{0,60}\bwhen you tweet with a location\b.{0,400}",
    r".{0,200}\b(?:twitter|we) stores? (?:that|the|your) location\b.{0,400}",
    # the same widget in other wordings, addressed to the reader: "add location information
    # to your tweets", "delete your tweet location history", "turn on location for your tweets"
    r".{0,200}\b(?:add|adding|include|including|turn on|share)\s(?:a\s|the\s|your\s)?"
    r"(?:precise\s)?location(?:\sinformation|\sdata)?\s(?:to|in|for|with) your tweets?\b.{0,400}",
    r".{0,300}\b(?:delete|clear|remove) your (?:tweet )?location (?:history|information|data)\b.{0,300}",
    r"(?:latest|top|breaking|more) (?:headlines|news|stories|videos?)\W*",
    r"(?:media|image|video|photo) caption\b.{0,300}",
    r"caption:.{0,300}",
    r"\d{1,3}\s*(?:of|/)\s*\d{1,3}\.?",  # gallery counter "1 of 15"
    r"\[\s*(?:related|read more|see also|more|watch|listen)\s*:.{0,300}\]",
    r"(?:related|see also|read more)\s*:[^.!]{0,200}[?]?",  # cross-link headline "Related: ..."
    # newsletter and subscription widgets, addressed to the reader
    r".{0,150}\b(?:to|in) your inbox\b.{0,300}",
    r".{0,150}\bthank you for subscribing\b.{0,300}",
    r".{0,200}\b(?:sign up|subscribe) (?:for|to) our\s.{0,60}\bnewsletters?\b.{0,150}",
    r".{0,150}\binvalid email\b.{0,60}",
    r"you are now subscribed\b.{0,150}",
    r"we will (?:not|never) share your email\b.{0,150}",
    # calls to follow or share ("Follow her on Twitter @x.", "Click to share on ...")
    r"(?:like|find|follow) .{1,60} on (?:facebook|twitter|instagram)\b.{0,150}",
    r"click to\b.{0,120}",
    r"(?:share on\W*(?:more\W*)?)+",
    # video players and photo galleries
    r"video loading\b.{0,300}",
    r".{0,100}\b(?:click|tap) to play\b.{0,300}",
    r"\d{1,3} of \d{1,3} full screen\b.{0,400}",
    r"(?:view images|embed more news videos)\b.{0,300}",
    r"caption\s.{0,300}",  # a gallery caption repeated after the slide
    r"\|\s*(?:getty|ap|reuters|afp)\b.{0,300}",  # a headline box with its picture credit
    r"(?:getty(?: images)?|ap|reuters|afp)\s*\(\d+\)",  # "Getty (2)"
    # a caption closing with its credit: "... Photograph: Name Surname"
    r".{0,300}\b(?:photograph|photo|picture)s?: [^.!?:]{2,60}",
    r".{0,60}\bplease keep your comments\b.{0,200}",
    r".{0,60}\bby clicking\b.{0,200}\b(?:terms|privacy|agree)\b.{0,200}",
    # captions: "Photo: ...", "(Photo by ...)", "Name/AFP/Getty Images ..."
    r"(?:photos?|images?|pictures?)\s*:.{0,300}",
    r"\((?:photos?|images?|pictures?)\b[^()]{0,150}\)\.?",
    r".{0,300}\S\s?/\s?(?:getty images|afp|corbis|epa|demotix|(?:ap|reuters) (?:photo|images))\b.{0,300}",
    r"enlarge (?:this )?image\b.{0,300}",
]
# Cross-links inside a paragraph ("[Related: ...]"): cut out, keep the rest.
INLINE_FURNITURE = [r"\[\s*(?:related|read more|see also|more|watch|listen)\s*:[^\]\n]{0,300}\]"]
# A line of chart or table residue (text extracted from a PDF chart): mostly numbers.
CHART_MIN_TOKENS = 5
CHART_NUMERIC_SHARE = 0.6
_INLINE = re.compile("|".join(INLINE_FURNITURE), re.I)
_NUMERIC = re.compile(r"^[(\[]?[-+$€£]?\d[\d.,:%/–-]*[)\]%]?$")
# Case-sensitive furniture: USA Today's "CLOSE" video caption button.
_CASED = re.compile(r"^CLOSE\s")
_BOILERPLATE = re.compile(r"^(?:" + "|".join(BOILERPLATE) + r")$", re.I)
# Furniture glued to the start of a long paragraph: cut it off, keep the rest.
_PREFIXES = re.compile(
    r"^(?:media playback is unsupported on your device|story highlights"
    r"|(?:facebook|twitter|pinterest|email|share)(?:\s+(?:facebook|twitter|pinterest|email|share))+)\s+",
    re.I,
)
# A photo credit closing a caption: "(David M Warren / Staff Photographer)", "(Image: Getty)".
_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|photographer|image|images|getty|courtesy|credit|afp|stock)\b[^()]*"
    r"|[^()]{2,60}\s/\s[^()]{2,60})\)\s*$",
    re.I,
)
_UPDATE = re.compile(r"^(?:update|updated|editor'?s note|correction)\b[^:]{0,40}:\s*$", re.I)
# A line that closes like a sentence: final punctuation, maybe inside quotes or brackets.
_ENDS_SENTENCE = re.compile(r"""[.!?:…]["”’')\]]*$""")
_QUOTED = re.compile(r"^[\"“‘']|[,.!?][\"”’']$")
_NORM = re.compile(r"[\W_]+")

SHORT_WORDS = 10  # a line this short without closing punctuation is menu, credit or link


def clean_webtext(text: str) -> Cleaned:
    """Keep the article of a scraped page: drop furniture, keep the headline once as title."""
    kept = [strip_inline_furniture(_PREFIXES.sub("", line)) for line in lines(text)]
    title = _repeated_headline(kept)
    out: list[str] = []
    pending_update = ""
    seen: set[str] = set()
    counts = _counts(kept)
    for line in kept:
        key = _key(line)
        if not key or is_boilerplate(line):
            continue
        if title and key == _key(title):
            continue
        if _UPDATE.match(line):
            pending_update = line
            continue
        if counts[key] > 1 and not _ENDS_SENTENCE.search(line):
            continue  # doubled caption or menu item
        if key in seen:
            continue
        if _CREDIT.search(line) and len(line.split()) <= 60:
            continue  # photo caption with its credit
        if _is_short_fragment(line):
            if title is None and not out and _title_like(line):
                title = line
            continue
        seen.add(key)
        if pending_update:
            line = f"{pending_update} {line}"
            pending_update = ""
        out.append(line)
    out = _drop_pull_quotes(out)
    if title is None and len(out) >= 2 and _title_like(out[0]):
        title, out = out[0], out[1:]
    author, out = take_byline(out)
    return Cleaned(join_paragraphs(out), title=title, author=author)


def is_boilerplate(line: str) -> bool:
    """Whether a whole line (paragraph) is page furniture, a crawl notice or chart residue.

    Shared with the analysis, which skips quotes and figures in such paragraphs of
    documents stored before a rule existed.
    """
    line = line.strip()
    return bool(_BOILERPLATE.match(line) or _CASED.match(line) or is_chart_residue(line))


def is_chart_residue(line: str) -> bool:
    """A line that is mostly numbers with no sentence in it: a chart or table read as text."""
    tokens = line.split()
    if len(tokens) < CHART_MIN_TOKENS or _ENDS_SENTENCE.search(line):
        return False
    numeric = sum(1 for t in tokens if _NUMERIC.match(t))
    return numeric / len(tokens) >= CHART_NUMERIC_SHARE


def strip_inline_furniture(line: str) -> str:
    """A paragraph without its inline cross-links ("[Related: ...]")."""
    return re.sub(r"\s{2,}", " ", _INLINE.sub("", line)).strip()


def boilerplate_signals(text_lines: list[str]) -> int:
    """How many lines look like page furniture: used by `detect` to tell webtext from text."""
    counts = _counts(text_lines)
    signals = 0.0
    for line in text_lines:
        if is_boilerplate(line) or (_CREDIT.search(line) and len(line.split()) <= 60):
            signals += 2
        elif counts[_key(line)] > 1 and not _ENDS_SENTENCE.search(line):
            signals += 1
        elif _is_short_fragment(line):
            signals += 0.5
    return int(signals)


def _title_like(line: str) -> bool:
    """A headline candidate: headline-shaped, 4+ words, not a caption or credit."""
    return (
        is_headline(line)
        and len(line.split()) >= 4
        and not _ENDS_SENTENCE.search(line)
        and not _CREDIT.search(line)
        and not re.search(r"\b(?:photo|image|getty|credit)\b", line, re.I)
    )


def _is_short_fragment(line: str) -> bool:
    words = len(line.split())
    if words > SHORT_WORDS or _ENDS_SENTENCE.search(line):
        return False
    return not (words >= 5 and _QUOTED.search(line))  # a quotation ending ',"' is article text


def _repeated_headline(text_lines: list[str]) -> str | None:
    """The headline, when a headline-like line near the top appears twice."""
    head = [line for line in text_lines[:12] if not is_boilerplate(line)]
    for i, line in enumerate(head):
        if _title_like(line) and any(_key(line) == _key(other) for other in head[i + 1 :]):
            return line
    return None


def _drop_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Drop a short paragraph whose words reappear inside a longer one (a pull quote)."""
    keys = [_key(p) for p in paragraphs]
    out = []
    for i, p in enumerate(paragraphs):
        k = keys[i]
        if (
            len(p.split()) <= 40
            and len(k) >= 20
            and any(j != i and len(other) > len(k) and k in other for j, other in enumerate(keys))
        ):
            continue
        out.append(p)
    return out


def _counts(text_lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text_lines:
        k = _key(line)
        counts[k] = counts.get(k, 0) + 1
    return counts


@functools.lru_cache(maxsize=8192)
def _key(line: str) -> str:
    """A line compared loosely: lower case, punctuation and spacing ignored."""
    return _NORM.sub(" ", line.lower()).strip()
