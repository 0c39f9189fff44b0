"""Broadcast and video transcripts: timestamps out, CAPS speaker labels into turns.

A transcript line such as

    KEVIN HO, PRESIDENT HUAWEI HANDSET PRODUCT LINE "The European area ..."

is a speaker label and what was said. The label leaves the clean text and
becomes a `Turn` (speaker "Kevin Ho", role "President, Handset Product
Line", organisation "Huawei") whose span covers the spoken words, so quotes
are attributed by the label, not guessed. Colon labels ("ANNA SMITH, HOST:
...") open a turn that runs until the next label. Narration stays ordinary
paragraphs; stage directions ("(SOUNDBITE OF MUSIC)") and timestamps go.
"""

from __future__ import annotations

import re

from ..model import Turn
from .cleaned import Cleaned

_CAPS_WORD = r"[A-Z][A-Z0-9'’.&\-]*"
_CAPS_RUN = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
# NAME, DESCRIPTION "quoted speech"   (name 1-4 words; description optional)
_QUOTE_LABEL = re.compile(
    rf"^(?P<name>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})(?:\s*,\s*(?P<desc>{_CAPS_RUN}(?:\s*,\s*{_CAPS_RUN})*))?\s+(?P<speech>[\"“].*)$"
)
# NAME[, DESCRIPTION]: speech
_COLON_LABEL = re.compile(
    rf"^(?P<name>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})(?:\s*,\s*(?P<desc>{_CAPS_RUN}(?:\s*,\s*{_CAPS_RUN})*))?\s*:\s+(?P<speech>\S.*)$"
)
_TIMESTAMP = r"\[?\(?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\)?\]?"
TIMESTAMP_LINE = re.compile(rf"^\s*{_TIMESTAMP}\s*$")
_LEADING_TIMESTAMP = re.compile(rf"^\s*{_TIMESTAMP}\s+")
STAGE_DIRECTION = re.compile(r"^\s*[\[(][A-Z][A-Z0-9 ,'’.:\-]+[\])]\s*$")
# Labels that are not speakers (newsroom furniture with a colon).
NOT_SPEAKERS = {
    "UPDATE", "UPDATED", "RELATED", "READ MORE", "NOTE", "EDITOR'S NOTE", "CORRECTION", "PHOTO",
    "VIDEO", "WATCH", "SOURCE", "SOURCES", "CREDIT", "TAGS", "AP", "CNN", "BBC", "REUTERS", "PHOTOS",
    "FULL COVERAGE", "TRANSCRIPT", "Q", "A",
}
# Words that make up a job title (as opposed to an organisation name).
ROLE_WORDS = {
    "PRESIDENT", "VICE", "VP", "SVP", "EVP", "CEO", "CFO", "CTO", "COO", "CMO", "CIO", "CHIEF",
    "EXECUTIVE", "OFFICER", "FOUNDER", "CO-FOUNDER", "COFOUNDER", "CHAIRMAN", "CHAIRWOMAN", "CHAIR",
    "DIRECTOR", "MANAGING", "MANAGER", "GENERAL", "HEAD", "PROFESSOR", "ASSOCIATE", "ASSISTANT",
    "ANALYST", "SENIOR", "JUNIOR", "PRINCIPAL", "LEAD", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON",
    "MINISTER", "SECRETARY", "SENATOR", "REPRESENTATIVE", "GOVERNOR", "MAYOR", "AMBASSADOR",
    "CORRESPONDENT", "REPORTER", "HOST", "ANCHOR", "EDITOR", "RESEARCHER", "FELLOW", "PARTNER",
    "ECONOMIST", "STRATEGIST", "ENGINEER", "LAWYER", "ATTORNEY", "EXPERT", "CONSULTANT", "ADVISER",
    "ADVISOR", "DEPUTY", "COMMISSIONER", "OFFICIAL", "SPECIALIST", "SCIENTIST", "DEAN", "CHANCELLOR",
    "CHAIRPERSON", "BOARD", "MEMBER", "OF", "AND", "FOR", "GLOBAL", "REGIONAL", "NATIONAL",
    "RESIDENT", "STUDENT", "FORMER", "ACTING", "INTERIM", "OWNER", "ORGANIZER", "ORGANISER",
    "ACTIVIST", "PROTESTER", "WITNESS", "EMPLOYEE", "WORKER", "COORDINATOR", "LEADER",
    "COUNCILLOR", "COUNCILOR", "COUNCILMAN", "COUNCILWOMAN", "PRESENTER", "COMMENTATOR", "AUTHOR",
    "PROSECUTOR", "JUDGE", "DOCTOR", "SURGEON", "NURSE", "TEACHER", "CAPTAIN", "COMMANDER",
}
# A trailing group of words that names a unit inside an organisation.
UNIT_WORDS = {"LINE", "GROUP", "DIVISION", "DEPARTMENT", "UNIT", "BUSINESS", "TEAM", "OFFICE", "LAB", "LABS", "SEGMENT"}
# An organisation whose name these words make is kept whole (no unit split).
INSTITUTION_WORDS = {"UNIVERSITY", "INSTITUTE", "COLLEGE", "SCHOOL", "ASSOCIATION", "FOUNDATION", "COUNCIL",
                     "COMMISSION", "CENTER", "CENTRE", "AGENCY", "MINISTRY", "BANK", "FUND", "OF"}
# A speaker name never contains these ("ON HAPPINESS:", "THE FACTS:", "TODAY IN THE SKY:").
_NOT_IN_NAMES = {"ON", "THE", "IN", "OF", "AT", "TO", "FOR", "A", "AN", "AND", "OR", "IS", "IT", "WITH",
                 "FROM", "BY", "TODAY", "WHAT", "WHY", "HOW", "WHO", "WHEN", "WHERE", "MORE", "NEW", "HERE"}
_SMALL = {"of", "and", "for", "the", "in", "on", "at", "to", "a", "an", "de", "la", "von", "van"}
# Kept in capitals when title-casing (besides any word without a vowel, like "CNN").
ACRONYMS = {
    "VP", "SVP", "EVP", "CEO", "CFO", "CTO", "COO", "CMO", "CIO", "IBM", "IDC", "ZTE", "AT&T", "ABC", "NBC",
    "BBC", "NPR", "UN", "EU", "US", "UK", "USA", "NHS", "FBI", "CIA", "NSA", "IMF", "MIT", "UCLA", "NYU",
    "NASA", "NATO", "OPEC", "IT", "AI", "HR", "PR", "TV", "EMEA", "APAC", "AMD", "HP", "GE", "SAP", "EY",
    "UBS", "AIG", "UAE", "ECB", "IEA", "OECD", "WHO", "WTO", "AP", "AFP", "II", "III", "IV",
}


def is_label_line(line: str) -> bool:
    """A speaker-label line (used by `detect`)."""
    return _label(line.strip()) is not None


def clean_transcript(text: str) -> Cleaned:
    """Drop timestamps and stage directions; turn labelled lines into turns.

    A colon-label turn runs on over the following unlabelled lines only in a
    dense transcript (labels on at least 40% of lines); in an article that
    quotes a few labelled lines, the lines after them are narration.
    """
    raw_lines = [line.strip() for line in text.split("\n") if line.strip()]
    labelled = sum(1 for line in raw_lines if _label(line))
    run_on = bool(raw_lines) and labelled / len(raw_lines) >= 0.4
    parts: list[str] = []  # clean paragraphs
    pos = 0
    turns: list[Turn] = []
    open_turn: Turn | None = None  # a colon-label turn runs on over unlabelled lines
    for line in raw_lines:
        if TIMESTAMP_LINE.match(line):
            continue
        line = _LEADING_TIMESTAMP.sub("", line)
        if STAGE_DIRECTION.match(line):
            open_turn = None
            continue
        start = pos + (2 if parts else 0)
        found = _label(line)
        if found:
            speaker, role, org, speech, quoted = found
            parts.append(speech)
            turn = Turn(speaker=speaker, role=role, organisation=org, start=start, end=start + len(speech))
            turns.append(turn)
            open_turn = turn if run_on and not quoted else None
        else:
            parts.append(line)
            if open_turn is not None:
                open_turn.end = start + len(line)
        pos = start + len(parts[-1])
    return Cleaned("\n\n".join(parts), turns=turns)


def _label(line: str) -> tuple[str, str | None, str | None, str, bool] | None:
    for pattern, quoted in ((_QUOTE_LABEL, True), (_COLON_LABEL, False)):
        m = pattern.match(line)
        if not m:
            continue
        name = m.group("name")
        if name in NOT_SPEAKERS or (not quoted and len(name) < 2) or _NOT_IN_NAMES & set(name.split()):
            return None
        desc = m.group("desc")
        if not quoted and desc is None and len(name.split()) == 1 and name not in {"HOST"}:
            # "SMITH: ..." is a label in broadcast transcripts; accept single names of 3+ letters.
            if len(name) < 3:
                return None
        speech = m.group("speech").strip()
        if quoted:
            speech = _unquote(speech)
        role, org = split_description(desc) if desc else (None, None)
        return title_case_name(name), role, org, speech, quoted
    return None


def _unquote(speech: str) -> str:
    """Strip the one pair of quotes around a whole utterance."""
    if len(speech) >= 2 and speech[0] in "\"“" and speech[-1] in "\"”" and not re.search(r"[\"“”]", speech[1:-1]):
        return speech[1:-1].strip()
    return speech


def split_description(desc: str) -> tuple[str | None, str | None]:
    """Split a CAPS description into (role, organisation).

    "PRESIDENT HUAWEI HANDSET PRODUCT LINE" -> ("President, Handset Product Line", "Huawei")
    "PROFESSOR ROCHESTER INSTITUTE OF TECHNOLOGY" -> ("Professor", "Rochester Institute of Technology")
    "HUAWEI SPOKESMAN" -> ("Spokesman", "Huawei");  "HOST" -> ("Host", None)
    """
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
    while lead < len(words) and words[lead] in ROLE_WORDS and words[lead] not in {"OF", "AND", "FOR"}:
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
    """"HUAWEI CONSUMER BUSINESS GROUP" -> (["HUAWEI"], ["CONSUMER", "BUSINESS", "GROUP"])."""
    if len(words) < 3 or words[-1] not in UNIT_WORDS or any(w in INSTITUTION_WORDS for w in words):
        return words, []
    return words[:1], words[1:]


def title_case_name(name: str) -> str:
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
