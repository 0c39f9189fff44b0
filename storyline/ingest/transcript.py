"""Broadcast and video transcripts: timestamps out, CAPS speaker labels into turns.

A transcript line such as

    KEVIN HO, PRESIDENT HUAWEI HANDSET PRODUCT LINE "The European area ..."

is a speaker label and what was said. The label leaves the clean text and
becomes a `Turn` (speaker "Kevin Ho", role "President, Handset Product
Line", organisation "Huawei") whose span covers the spoken words, so quotes
are attributed by the label, not guessed. Colon labels ("ANNA SMITH, HOST:
...") are read too. Narration stays ordinary paragraphs; stage directions
("(SOUNDBITE OF MUSIC)") and timestamps go.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..marks import TRANSCRIPT_CLOSING, TRANSCRIPT_MARKS, TRANSCRIPT_OPENING
from ..model import Turn
from .cleaned import Cleaned

_CAPS_WORD = r"[A-Z][A-Z0-9'’.&\-]*"
_CAPS_RUN = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
# NAME, DESCRIPTION "quoted speech"   (name 1-4 words; description optional)
_QUOTE_LABEL = re.compile(
    rf"^(?P<name>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})(?:\s*,\s*(?P<desc>{_CAPS_RUN}(?:\s*,\s*{_CAPS_RUN})*))?\s+(?P<speech>[{TRANSCRIPT_OPENING}].*)$"
)
# NAME[, DESCRIPTION]: speech
_COLON_LABEL = re.compile(
    rf"^(?P<name>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})(?:\s*,\s*(?P<desc>{_CAPS_RUN}(?:\s*,\s*{_CAPS_RUN})*))?:\s+(?P<speech>\S.*)$"
)
_TIMESTAMP = r"\[?\(?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\)?\]?"
TIMESTAMP_LINE = re.compile(rf"^\s*{_TIMESTAMP}\s*$")
_LEADING_TIMESTAMP = re.compile(rf"^\s*{_TIMESTAMP}\s+")
_BARE_LABEL = re.compile(
    rf"^{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}\s*,\s*{_CAPS_RUN}(?:\s*,\s*{_CAPS_RUN})*$"
)
STAGE_DIRECTION = re.compile(r"^\s*[\[(][A-Z][A-Z0-9 ,'’.:\-]+[\])]\s*$")
# Labels that are not speakers (newsroom furniture with a colon).
NOT_SPEAKERS = {
    "UPDATE",
    "UPDATED",
    "RELATED",
    "READ MORE",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "PHOTO",
    "VIDEO",
    "WATCH",
    "SOURCE",
    "SOURCES",
    "CREDIT",
    "TAGS",
    "AP",
    "CNN",
    "BBC",
    "REUTERS",
    "PHOTOS",
    "FULL COVERAGE",
    "TRANSCRIPT",
    "Q",
    "A",
}
# Words that make up a job title (as opposed to an organisation name).
ROLE_WORDS = {
    "PRESIDENT",
    "VICE",
    "VP",
    "SVP",
    "EVP",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "CMO",
    "CIO",
    "CHIEF",
    "EXECUTIVE",
    "OFFICER",
    "FOUNDER",
    "CO-FOUNDER",
    "COFOUNDER",
    "CHAIRMAN",
    "CHAIRWOMAN",
    "CHAIR",
    "DIRECTOR",
    "MANAGING",
    "MANAGER",
    "GENERAL",
    "HEAD",
    "PROFESSOR",
    "ASSOCIATE",
    "ASSISTANT",
    "ANALYST",
    "SENIOR",
    "JUNIOR",
    "PRINCIPAL",
    "LEAD",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "SPOKESPERSON",
    "MINISTER",
    "SECRETARY",
    "SENATOR",
    "REPRESENTATIVE",
    "GOVERNOR",
    "MAYOR",
    "AMBASSADOR",
    "CORRESPONDENT",
    "REPORTER",
    "HOST",
    "ANCHOR",
    "EDITOR",
    "RESEARCHER",
    "FELLOW",
    "PARTNER",
    "ECONOMIST",
    "STRATEGIST",
    "ENGINEER",
    "LAWYER",
    "ATTORNEY",
    "EXPERT",
    "CONSULTANT",
    "ADVISER",
    "ADVISOR",
    "DEPUTY",
    "COMMISSIONER",
    "OFFICIAL",
    "SPECIALIST",
    "SCIENTIST",
    "DEAN",
    "CHANCELLOR",
    "CHAIRPERSON",
    "BOARD",
    "MEMBER",
    "OF",
    "AND",
    "FOR",
    "GLOBAL",
    "REGIONAL",
    "NATIONAL",
    "RESIDENT",
    "STUDENT",
    "FORMER",
    "ACTING",
    "INTERIM",
    "OWNER",
    "ORGANIZER",
    "ORGANISER",
    "ACTIVIST",
    "PROTESTER",
    "WITNESS",
    "EMPLOYEE",
    "WORKER",
    "COORDINATOR",
    "LEADER",
    "COUNCILLOR",
    "COUNCILOR",
    "COUNCILMAN",
    "COUNCILWOMAN",
    "PRESENTER",
    "COMMENTATOR",
    "AUTHOR",
    "PROSECUTOR",
    "JUDGE",
    "DOCTOR",
    "SURGEON",
    "NURSE",
    "TEACHER",
    "CAPTAIN",
    "COMMANDER",
}
# Titles that may open a speaker label's name ("PRESIDENT DONALD TRUMP").
TITLES = {
    "PRESIDENT",
    "SENATOR",
    "SEN.",
    "REP.",
    "GOVERNOR",
    "GOV.",
    "MAYOR",
    "JUDGE",
    "DR.",
    "DR",
    "PROFESSOR",
    "PROF.",
    "GENERAL",
    "GEN.",
    "SECRETARY",
    "MINISTER",
    "CHANCELLOR",
    "AMBASSADOR",
}
# Newsroom roles written differently in labels.
ROLE_ALIASES = {"BYLINE": "Reporter"}
# A trailing group of words that names a unit inside an organisation.
UNIT_WORDS = {
    "LINE",
    "GROUP",
    "DIVISION",
    "DEPARTMENT",
    "UNIT",
    "BUSINESS",
    "TEAM",
    "OFFICE",
    "LAB",
    "LABS",
    "SEGMENT",
}
# An organisation whose name these words make is kept whole (no unit split).
INSTITUTION_WORDS = {
    "UNIVERSITY",
    "INSTITUTE",
    "COLLEGE",
    "SCHOOL",
    "ASSOCIATION",
    "FOUNDATION",
    "COUNCIL",
    "COMMISSION",
    "CENTER",
    "CENTRE",
    "AGENCY",
    "MINISTRY",
    "BANK",
    "FUND",
    "OF",
}
# A speaker name never contains these ("ON HAPPINESS:", "THE FACTS:", "TODAY IN THE SKY:").
_NOT_IN_NAMES = {
    "ON",
    "THE",
    "IN",
    "OF",
    "AT",
    "TO",
    "FOR",
    "A",
    "AN",
    "AND",
    "OR",
    "IS",
    "IT",
    "WITH",
    "FROM",
    "BY",
    "TODAY",
    "WHAT",
    "WHY",
    "HOW",
    "WHO",
    "WHEN",
    "WHERE",
    "MORE",
    "NEW",
    "HERE",
}
_SMALL = {"of", "and", "for", "the", "in", "on", "at", "to", "a", "an", "de", "la", "von", "van"}
# Kept in capitals when title-casing (besides any word without a vowel, like "CNN").
ACRONYMS = {
    "VP",
    "SVP",
    "EVP",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "CMO",
    "CIO",
    "IBM",
    "IDC",
    "ZTE",
    "AT&T",
    "ABC",
    "NBC",
    "BBC",
    "NPR",
    "UN",
    "EU",
    "US",
    "UK",
    "USA",
    "NHS",
    "FBI",
    "CIA",
    "NSA",
    "IMF",
    "MIT",
    "UCLA",
    "NYU",
    "NASA",
    "NATO",
    "OPEC",
    "IT",
    "AI",
    "HR",
    "PR",
    "TV",
    "EMEA",
    "APAC",
    "AMD",
    "HP",
    "GE",
    "SAP",
    "EY",
    "UBS",
    "AIG",
    "UAE",
    "ECB",
    "IEA",
    "OECD",
    "WHO",
    "WTO",
    "AP",
    "AFP",
    "II",
    "III",
    "IV",
}


class Label(NamedTuple):
    speaker: str
    role: str | None
    organisation: str | None
    speech: str
    quoted: bool  # NAME, ROLE "speech" (else NAME: speech)
    open_quote: bool = False  # the quotation runs on over the next lines


def is_label_line(line: str) -> bool:
    """A speaker-label line (used by `detect`)."""
    return _label(line.strip()) is not None


def label_counts(lines: list[str]) -> tuple[int, int, int]:
    """(quote-style labels, colon-style labels, most turns by one colon-style speaker)."""
    quoted = colon = 0
    speakers: dict[str, int] = {}
    for line in _join_bare_labels(lines):
        found = _label(line)
        if found is None:
            continue
        if found.quoted:
            quoted += 1
        else:
            colon += 1
            surname = found.speaker.split()[-1]
            speakers[surname] = speakers.get(surname, 0) + 1
    return quoted, colon, max(speakers.values(), default=0)


def clean_transcript(text: str) -> Cleaned:
    """Drop timestamps and stage directions; turn labelled lines into turns.

    A quotation opened after a label runs on until a line closes it; a label
    alone on its line ("NAME, ROLE") opens a quotation on the next line. A
    colon-label turn runs on over the following unlabelled lines only in a
    dense transcript (labels on at least 40% of lines); in an article that
    quotes a few labelled lines, the lines after them are narration.
    """
    raw_lines = _join_bare_labels([line.strip() for line in text.split("\n") if line.strip()])
    labelled = sum(1 for line in raw_lines if _label(line))
    run_on = bool(raw_lines) and labelled / len(raw_lines) >= 0.4
    parts: list[str] = []  # clean paragraphs
    pos = 0
    turns: list[Turn] = []
    open_turn: Turn | None = None  # the turn that the next unlabelled line continues
    in_quote = False
    for i, line in enumerate(raw_lines):
        if TIMESTAMP_LINE.match(line):
            continue
        line = _LEADING_TIMESTAMP.sub("", line)
        if STAGE_DIRECTION.match(line):
            open_turn, in_quote = None, False
            continue
        start = pos + (2 if parts else 0)
        found = _label(line)  # a new label also ends a quotation left open
        if found is None and _INLINE_LABEL.search(line):
            pieces = _split_inline(None, line)
            if len(pieces) > 1:
                # narration, then an exchange written on one line: "...: TRUMP: Well, ..."
                parts.append(" ".join(text for _, text in pieces))
                turns.extend(_piece_turns(pieces, start))
                open_turn, in_quote = None, False
                pos = start + len(parts[-1])
                continue
        if found:
            pieces = (
                _split_inline(found, found.speech) if not found.quoted else [(found, found.speech)]
            )
            speech = " ".join(text for _, text in pieces)
            parts.append(speech)
            new = _piece_turns(pieces, start)
            turns.extend(new)
            turn = new[-1]
            in_quote = found.open_quote and _closes_soon(raw_lines, i + 1)
            open_turn = turn if in_quote or (run_on and not found.quoted) else None
        else:
            closing = in_quote and line[-1:] in TRANSCRIPT_CLOSING
            if closing:
                line = line[:-1].rstrip()
            parts.append(line)
            if open_turn is not None:
                open_turn.end = start + len(line)
                if closing:
                    open_turn, in_quote = None, False
        pos = start + len(parts[-1])
    return Cleaned("\n\n".join(parts), turns=_full_speakers(turns))


def _full_speakers(turns: list[Turn]) -> list[Turn]:
    """ "DORN:" after "KARL DORN, SENATOR:": a surname label is the one full-named
    speaker of that surname, with their role; two of that surname leave it as written."""
    full: dict[str, list[Turn]] = {}
    for t in turns:
        if t.speaker and " " in t.speaker:
            same = full.setdefault(t.speaker.split()[-1], [])
            if all(o.speaker != t.speaker for o in same):
                same.append(t)
    for t in turns:
        if t.speaker and " " not in t.speaker and len(full.get(t.speaker, [])) == 1:
            src = full[t.speaker][0]
            t.speaker = src.speaker
            t.role = t.role or src.role
            t.organisation = t.organisation or src.organisation
    return turns


# A colon label inside a line, after the end of the last speaker's sentence: a transcript
# pasted as one paragraph ("... real leaks? TRUMP: Well, the leaks are real. RYAN: ...").
_INLINE_LABEL = re.compile(
    rf"(?<=[.?!\u2026\u2014\u2013\"\u201d:-])\s+(?={_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
    rf"(?:\s*,\s*{_CAPS_RUN})?:\s)"
)


def _split_inline(first: Label | None, text: str) -> list[tuple[Label | None, str]]:
    """Split a line at the colon labels inside it: each piece with its own speaker, so
    an answer is never given to whoever asked the question (`first` speaks the first
    piece; None: narration)."""
    pieces: list[tuple[Label | None, str]] = []
    speaker, at = first, 0
    for m in _INLINE_LABEL.finditer(text):
        found = _label(text[m.end() :])
        if found is None or found.quoted:
            continue
        head = text[at : m.start()].strip()
        if head:
            pieces.append((speaker, head))
        speaker = found
        at = len(text) - len(found.speech)
    tail = text[at:].strip()
    if tail:
        pieces.append((speaker, tail))
    return pieces or [(first, text)]


def _piece_turns(pieces: list[tuple[Label | None, str]], start: int) -> list[Turn]:
    """Turns for the labelled pieces of one paragraph (pieces joined by one space)."""
    turns, at = [], start
    for label, text in pieces:
        if label is not None:
            turns.append(Turn(label.speaker, label.role, label.organisation, at, at + len(text)))
        at += len(text) + 1
    return turns


def _closes_soon(lines: list[str], start: int, within: int = 8) -> bool:
    """Whether a quotation left open is closed by one of the next few unlabelled lines."""
    for line in lines[start : start + within]:
        if _label(line) or STAGE_DIRECTION.match(line):
            return False
        if line[-1:] in TRANSCRIPT_CLOSING:
            return True
    return False


def _join_bare_labels(lines: list[str]) -> list[str]:
    """ "NAME, ROLE" alone on a line, then a line opening a quotation: one labelled line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 1 < len(lines)
            and lines[i + 1][:1] in TRANSCRIPT_OPENING
            and _BARE_LABEL.match(line)
        ):
            candidate = f"{line} {lines[i + 1]}"
            if _label(candidate):
                out.append(candidate)
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def _label(line: str) -> Label | None:
    for pattern, quoted in ((_QUOTE_LABEL, True), (_COLON_LABEL, False)):
        m = pattern.match(line)
        if not m:
            continue
        name = m.group("name")
        if name in NOT_SPEAKERS or len(name) < 2 or _NOT_IN_NAMES & set(name.split()):
            return None
        desc = m.group("desc")
        speech = m.group("speech").strip()
        open_quote = False
        if quoted:
            if desc is None and len(name.split()) < 2:
                return None  # 'FBI "sources" said ...' is a sentence, not a label
            unquoted = _unquote(speech)
            if unquoted is None or not unquoted[0]:
                return None
            speech, open_quote = unquoted
        role, org = split_description(desc) if desc else (None, None)
        words = name.split()
        if len(words) >= 3 and words[0] in TITLES:  # "PRESIDENT DONALD TRUMP"
            role = role or _title(words[0])
            name = " ".join(words[1:])
        return Label(title_case_name(name), role, org, speech, quoted, open_quote)
    return None


def _unquote(speech: str) -> tuple[str, bool] | None:
    """The words inside the quotes around a whole utterance, and whether the quotation
    stays open past this line; None when the quotes do not wrap the rest of the line."""
    inner = speech[1:]
    if not re.search(f"[{TRANSCRIPT_MARKS}]", inner):
        return inner.strip(), True
    if speech[-1] in TRANSCRIPT_CLOSING and not re.search(f"[{TRANSCRIPT_MARKS}]", inner[:-1]):
        return inner[:-1].strip(), False
    return None


def split_description(desc: str) -> tuple[str | None, str | None]:
    """Split a CAPS description into (role, organisation).

    "PRESIDENT HUAWEI HANDSET PRODUCT LINE" -> ("President, Handset Product Line", "Huawei")
    "PROFESSOR ROCHESTER INSTITUTE OF TECHNOLOGY" -> ("Professor", "Rochester Institute of Technology")
    "HUAWEI SPOKESMAN" -> ("Spokesman", "Huawei");  "HOST" -> ("Host", None)
    """
    if desc.strip() in ROLE_ALIASES:
        return ROLE_ALIASES[desc.strip()], None
    pieces = [p.strip() for p in desc.split(",") if p.strip()]
    if len(pieces) > 1:
        roles = [p for p in pieces if p.split()[0] in ROLE_WORDS]
        others = [p for p in pieces if p not in roles]
        if roles and others:
            role = ", ".join(_title(r) for r in roles)
            return role, _title(" ".join(others))
        desc = " ".join(pieces)
    words = desc.split()
    lead = 0
    while (
        lead < len(words) and words[lead] in ROLE_WORDS and words[lead] not in {"OF", "AND", "FOR"}
    ):
        lead += 1
    if lead and lead < len(words) and words[lead] in {"OF", "FOR"}:
        return _title(desc), None  # "SECRETARY OF STATE"
    if lead:
        role_words, rest = words[:lead], words[lead:]
    else:
        tail = len(words)
        while tail > 0 and words[tail - 1] in ROLE_WORDS:
            tail -= 1
        role_words, rest = words[tail:], words[:tail]
        if not role_words:
            return None, _title(desc)
    role = _title(" ".join(role_words))
    if not rest:
        return role, None
    org, unit = _split_unit(rest)
    if unit:
        role = f"{role}, {_title(' '.join(unit))}"
    return role, _title(" ".join(org))


def _split_unit(words: list[str]) -> tuple[list[str], list[str]]:
    """ "HUAWEI CONSUMER BUSINESS GROUP" -> (["HUAWEI"], ["CONSUMER", "BUSINESS", "GROUP"])."""
    if len(words) < 3 or words[-1] not in UNIT_WORDS or any(w in INSTITUTION_WORDS for w in words):
        return words, []
    return words[:1], words[1:]


def title_case_name(name: str) -> str:
    """KEVIN HO -> Kevin Ho, SEAN O'BRIEN -> Sean O'Brien; initials without vowels stay (WP)."""
    if " " not in name and not re.search(r"[AEIOUY]", name):
        return name
    out = []
    for word in name.split():
        w = word.capitalize()
        w = re.sub(r"(?<=-)(\w)", lambda m: m.group(1).upper(), w)  # Wingfield-Hayes
        w = re.sub(r"^(\w['’])(\w)", lambda m: m.group(1) + m.group(2).upper(), w)  # O'Brien
        if len(w) > 2 and w.startswith("Mc"):
            w = "Mc" + w[2:].capitalize()
        out.append(w)
    return " ".join(out)


def _title(text: str) -> str:
    out = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in _SMALL:
            out.append(lower)
        elif word in ACRONYMS or not re.search(r"[AEIOUY]", word):
            out.append(word)  # an acronym: VP, IBM, CNN, AT&T
        else:
            out.append(title_case_name(word))
    return " ".join(out)
