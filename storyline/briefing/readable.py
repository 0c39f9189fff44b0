"""Lines that stand alone: the reader of a brief has no article around a line.

A line lifted from an article may lean on what came before it: a pronoun
("he said"), a demonstrative ("these countries", "that figure"), a definite
description ("the company"), a first person with no speaker ("our carrier
network business"), or it may be a fragment ("the top area we will focus
on"). `problems` names what is wrong with a finished line (the tests and the
benchmark count with it); `standalone` repairs what the article itself can
resolve, by general means only (the speaker of the quote or transcript turn
the line sits in, the person or organisation named just before it), and
returns None for a line that still cannot stand alone. What the line itself
resolves is kept: "that figure" after an amount it states, "this market" in a
speaker's own words, a pronoun subject after a time opener that the line names
("Last year it [Huawei] made ..."), an attribution tail that tells when.
"""

from __future__ import annotations

import re

from ..analysis.descriptions import DESCRIPTION, HEADS, PERSON_NOUNS, resolve_description
from ..analysis.roles import KIN_NOUNS, ROLE_HEADS
from ..model import Analysis
from ..words import COURTESY_TITLES, NAME_TITLES

# Nouns after "this"/"these" that point at the calendar, not at an earlier sentence.
_TIME = (
    r"year|years|week|weeks|month|months|morning|afternoon|evening|time|times|day|days"
    r"|season|quarter|spring|summer|autumn|fall|winter|decade|century|weekend|moment|point"
)
_QUOTES = "\"'“”‘’«»"
# "Kevin Ho (Huawei): “...”" carries its speaker.
# A word of a speaker's name: capitalised, not a possessive ("Cosby’s Jesus:" is a heading).
_NAME_WORD = r"[A-Z](?![\w.'’-]*['’]s\b)[\w.'’-]*"
_SPEAKER_PREFIX = re.compile(rf"^(?:\[?{_NAME_WORD}\]?\s?){{1,5}}(?:\([^)]{{1,80}}\))?:\s*[“\"]")
_LEADING_PRONOUN = re.compile(
    rf"^[{_QUOTES}(]*(?:he|she|they|it|him|her|his|hers|their|theirs|its|them|this|that|these|those)\b"
    rf"(?!\s+(?:{_TIME})\b)(?!['’]s\s+(?:why|how|what|because))",
    re.IGNORECASE,
)
# A pronoun subject after a time opener: "Last year it made ...", "On Monday he said ...".
_OPENER_PRONOUN = re.compile(
    rf"^[{_QUOTES}(]*(?:(?:last|this|next|earlier this|later that)\s+(?:{_TIME})"
    r"|(?:on|in|by)\s+(?:(?-i:[A-Z][a-z]+)(?:\s+\d{1,2})?|\d{4})|yesterday|today|earlier|later)"
    r",?\s+(?P<pronoun>he|she|it)\b(?!\s*\[)",
    re.IGNORECASE,
)
_THAT_IS = re.compile(rf"^[{_QUOTES}(]*(?:that|this)['’]s\b", re.IGNORECASE)
_REFERRING_NOUN = (
    r"(?:countries|country|company|companies|firm|firms|figure|figures|number"
    r"|market|markets|issue|issues|plan|plans|move|moves|decision|deal|case|change|changes|group"
    r"|people|man|woman|men|women|product|products|report|claims?|incident|region|regions"
    r"|situation|problem|problems|policy|rule|rules|law|bill|effort|efforts|target|goal|one|ones)"
)
_DEMONSTRATIVE = re.compile(
    rf"\b(?:(?:these|those)\s+(?:[a-z]+[\s-]){{0,2}}?|(?:this|(?<!\bso )that)\s+){_REFERRING_NOUN}\b"
)
# "this market", "this country" in a speaker's own words: the speaker's here (deixis),
# not a pointer back to an earlier sentence.
_PLACE_NOUN = re.compile(r"^this\s+(?:market|country|region)$")
# An amount stated earlier in the line ("US$3.2 billion ... that figure"): a number
# that is not a year, or a scale word.
_AMOUNT = re.compile(
    r"(?<![\w.,])(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|\b(?:million|billion|trillion|percent|per cent)\b",
    re.IGNORECASE,
)
# "the former" as a pronoun ("the former said"), not a modifier ("the former governor",
# "The former Heisman Trophy winner": a description, `analysis.descriptions`).
_NOT_A_TITLE = (
    r"(?!\s+(?-i:[A-Z])|\s+(?:[a-z-]+\s+){0,2}(?:" + "|".join(re.escape(h) for h in HEADS) + r")\b)"
)
_DEFINITE_START = re.compile(
    rf"^[{_QUOTES}(]*the\s+(?:[a-z]+\s+){{0,2}}?(company|firm|group|agency|organisation|organization"
    rf"|man|woman|official|spokesman|spokeswoman|latter|former{_NOT_A_TITLE}|same)\b(?!\s*\[)",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    rf"\bthe (?:latter|former{_NOT_A_TITLE}|same one)\b|\bthe following\b", re.IGNORECASE
)
_THIRD_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(
    r"\b(?:(?<!\.)I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|me|my|[Oo]ur|ours|us|myself|ourselves)\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|explained|noted|stated|argued|according to|announced|insisted)\b"
)
_NAME = re.compile(r"(?<!^)(?<![.!?:] )(?<![“\"])\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
# A person's name: two capitalised words in a row ("Li Sanqi", "David He").
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z.]+)+")
_SUBORDINATE_PRONOUN = re.compile(
    rf"^[{_QUOTES}(]*(?:if|when|while|although|though|because|as|after|before|since|unless|once)\s+"
    r"(?:he|she|they|it|his|her|their|its)\b",
    re.IGNORECASE,
)
_CONNECTIVE = re.compile(
    r"^(?:but|and|so|yet|however|also|still|nevertheless|moreover|furthermore|besides|plus)\b,?\s+",
    re.IGNORECASE,
)
# A line that is one quotation from its first character to its last.
_WHOLE_QUOTE = re.compile(r"^[\"“][^\"“”]+[\"”]$")
# The quoted stretches of a line: “...”, "..." and '...' (not an apostrophe inside a word).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''.+?''|(?<!\w)['‘][^'’]*['’](?!\w)")
# A line cut after a joining word ("to improve our marketing, and.").
_CUT_END = re.compile(
    rf"\b(?:and|or|but|to|the|a|an|of|with|for|that|which|as)[\s{_QUOTES}.,;:]*$", re.IGNORECASE
)
# A quotation that opens with "And"/"But": the speaker's earlier sentence is missing.
_CONTINUES = re.compile(rf"^[{_QUOTES}(]+(?:and|but|or|so)\b", re.IGNORECASE)
_END = re.compile(rf"[.!?][{_QUOTES})\]]*$")
# The notes the timeline appends to a superseded plan (timeline.settle_own_revisions,
# mark_moved_targets): the brief's words, kept outside the line it makes of the source's.
REVISION_NOTE = re.compile(r"\s*\((?:superseded|later moved to \d{4})\)$")
# A plan its own sentence says was given up or changed: "originally hoped to ... in 2018 but
# pushed the date back", "had planned to open in 2020 before costs rose" (the timeline
# marks such a plan superseded, and so does the numbers table).
REVISED_HERE = re.compile(
    r"(?i)\b(?:originally|initially|first)\s+(?:\w+\s+){0,3}?(?:hoped|planned|aimed|expected|"
    r"intended|wanted|promised|targeted|scheduled)\b|\bhad\s+(?:hoped|planned|aimed|expected|"
    r"intended|wanted|promised)\b|\bwas\s+(?:originally\s+|initially\s+)?(?:supposed|meant)\s+to\b"
)
# A leading editorial aside: "(later moved to 2028) The company still plans...".
_ASIDE = re.compile(r"^\([^)]{1,80}\)\s+(?=[A-Z])")
# A speaker's label before their words, without quotation marks.
_LABELLED = re.compile(rf"^((?:{_NAME_WORD}\s?){{1,4}}):\s+(?=[A-Z“\"])")
_LABEL = re.compile(r"^(?:update[d]?|editor['’]s note|correction|breaking)\s*:\s*", re.IGNORECASE)
# A wire dateline opening the article: "TEHRAN (Reuters) - ", "CAIRO — ", "(CNN) ",
# "WASHINGTON, May 7 (AP) --". The place is in capitals, or the agency in brackets.
WIRE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,30}\))?\s*(?:--|—|–|-)"
    r"|\([A-Z][\w .&-]{0,25}\)\s*(?:--|—|–|-)?)\s*(?=[A-Z“\"‘'])"
)


MIN_WORDS = 6
MIN_VERB_WORDS = 4  # with a main verb known from the parse
MIN_SENTENCE_WORDS = 8  # a whole sentence this long is no fragment whatever its parse says
_QUOTE_MARK = re.compile(r"[\"“”]")
# "..., he said at a press conference on Wednesday." after a speaker's words.
_PRONOUN_TAIL = re.compile(
    r"[,\"”’]\s*(?:he|she)\s+"
    r"(?P<verb>(?:later\s+|also\s+)?(?:said|added|explained|told)\b(?P<rest>.*))$",
    re.IGNORECASE,
)


def _body(text: str) -> str:
    """The line without a leading "Speaker (Org): " (whose quote is then attributed)."""
    prefix = _SPEAKER_PREFIX.match(text)
    return text[prefix.end() - 1 :] if prefix else text


def problems(text: str, verb: bool | None = None, *, person_named: bool = False) -> list[str]:
    """Why `text` cannot stand alone as a line of a brief (empty when it can).

    `verb` says whether the line has a main verb, from the clauses the
    analysis stored (`main_verb`); False makes it a fragment, None (no
    parse known) checks nothing. `person_named` says the analysis found a
    person named in the line before its first "he"/"his" (`_person_before`),
    which then refers to them ("Giles attempted ... and said he had").
    """
    found = []
    text = REVISION_NOTE.sub("", text)
    attributed = bool(_SPEAKER_PREFIX.match(text))
    body = _body(text).strip()
    words = body.split()
    if len(words) < MIN_WORDS and not (
        # "Mubarak was ousted in February.": a short statement the parse says has its
        # own main verb, in the writer's words, stands alone
        verb and not attributed and len(words) >= MIN_VERB_WORDS and not _QUOTE_MARK.search(body)
    ):
        found.append("fragment: too short")
    stripped = body.lstrip(_QUOTES + "([")
    if stripped[:1].islower():
        found.append("fragment: starts mid-sentence")
    if body.rstrip().endswith(":") or not _END.search(body.rstrip()):
        found.append("fragment: no sentence end")
    if _CUT_END.search(body):
        found.append("fragment: ends mid-sentence")
    if _CONTINUES.match(body):
        found.append("fragment: continues an earlier sentence")
    if _LEADING_PRONOUN.match(body) or _THAT_IS.match(body):
        found.append(f"unresolved reference: {words[0] if words else ''!r}")
    opener = _OPENER_PRONOUN.match(body)
    if opener:
        found.append(f"unresolved reference: {opener.group('pronoun')!r}")
    described = DESCRIPTION.match(body)
    if described and "former" in described.group("mods").lower().split():
        found.append(f"unresolved reference: {described.group(0).strip(_QUOTES + '(')!r}")
    if _DEFINITE_START.match(body):
        found.append(f"unresolved reference: {_DEFINITE_START.match(body).group(0)!r}")  # type: ignore[union-attr]
    for match in _DEMONSTRATIVE.finditer(body):
        if not _resolved_in_line(match, body, speech=attributed or _own_words(body)):
            found.append(f"unresolved reference: {match.group(0)!r}")
    if _ANAPHOR.search(body):
        found.append(f"unresolved reference: {_ANAPHOR.search(body).group(0)!r}")  # type: ignore[union-attr]
    subordinate = _SUBORDINATE_PRONOUN.match(body)
    if subordinate and not (person_named and _THIRD_PERSON.search(subordinate.group(0))):
        found.append(f"unresolved reference: {_SUBORDINATE_PRONOUN.match(body).group(0)!r}")  # type: ignore[union-attr]
    for pronoun in () if person_named else _THIRD_PERSON.finditer(text):
        before = text[: pronoun.start()]
        if pronoun.group(0)[0].isupper() and re.search(r"[A-Z][a-z]+\s$", before):
            continue  # a surname ("David He"), not a pronoun
        if not _PERSON.search(before):
            found.append(f"unresolved reference: {pronoun.group(0)!r}")
        break
    if (
        not attributed
        and _FIRST_PERSON.search(body)
        and not (_ATTRIBUTION.search(body) and _NAME.search(body))
        and not _quoted_in_context(body)
    ):
        found.append("first person without its speaker")
    if not attributed and _WHOLE_QUOTE.match(body) and not _ATTRIBUTION.search(body):
        found.append("quotation without its speaker")
    if verb is False and not found:
        found.append("fragment: no main verb")
    return found


def _quoted_in_context(body: str) -> bool:
    """Whether every "we"/"I" of the line sits inside a quotation the line's own words
    frame with a name ("Mr. Comey couched his concern by repeating ... ''we assess''",
    "Sanders's campaign sent a text saying: "With your help, we were declared ...")."""
    quoted = [m.span() for m in _QUOTED.finditer(body)]
    if not quoted or any(
        not any(a <= m.start() < b for a, b in quoted) for m in _FIRST_PERSON.finditer(body)
    ):
        return False
    outside = _QUOTED.sub(" ", body)
    return len(outside.split()) >= MIN_WORDS and bool(re.search(r"(?<!^)\b[A-Z][a-z]+", outside))


def _own_words(body: str) -> bool:
    """Whether the line gives a named speaker's own words: a first person with an
    attribution ("We are expanding here, [David He] said on Monday")."""
    return bool(_FIRST_PERSON.search(body) and _ATTRIBUTION.search(body) and _NAME.search(body))


def _resolved_in_line(match: re.Match[str], body: str, *, speech: bool) -> bool:
    """Whether the demonstrative `match` needs nothing outside the line: its referent
    is an amount the line states before it ("made US$3.2 billion ... that figure"), or
    the noun is a place in a speaker's own words ("expand in this market")."""
    phrase = " ".join(match.group(0).lower().split())
    noun = phrase.split()[-1]
    if noun in ("figure", "figures", "number") and _AMOUNT.search(body, 0, match.start()):
        return True
    return speech and bool(_PLACE_NOUN.match(phrase))


def main_verb(analysis: Analysis | None, start: int, end: int) -> bool | None:
    """Whether the passage [start, end) holds a verb that would head it read
    alone: the verb of a stored clause whose enclosing clause's verb, if any,
    lies outside the passage. None when the analysis stored no clauses."""
    if analysis is None or not analysis.clauses:
        return None
    clauses = analysis.clauses
    for c in clauses:
        if not start <= c.head < end or c.pos not in ("VERB", "AUX"):
            continue
        if c.parent < 0 or not start <= clauses[c.parent].head < end:
            return True
    doc = analysis.document
    whole = any(s.start == start and s.end == end for s in doc.sentences)
    if (
        whole
        and len(doc.text[start:end].split()) >= MIN_SENTENCE_WORDS
        and _END.search(doc.text[start:end].rstrip())
        and any(start <= c.head < end and c.pos == "VERB" for c in clauses)
    ):
        # a whole sentence the writer ended, whose parse hung its verb under a noun
        # ("Supporters of the wage plan to protest at ...", "The 74-year-old underwent
        # ..."): the parse is unsure, not the sentence a fragment
        return None
    return False


def _speaker(analysis: Analysis, start: int, end: int) -> str | None:
    """Who speaks the passage [start, end): its transcript turn, else a quote covering it."""
    doc = analysis.document
    for sentence in doc.sentences:
        if sentence.start <= start < sentence.end and sentence.speaker:
            turn = next((t for t in doc.turns if t.start <= start < t.end), None)
            org = turn.organisation if turn is not None else None
            return f"{sentence.speaker} ({org})" if org else sentence.speaker
    for quote in analysis.quotes:
        if not quote.speaker or quote.speaker_kind not in ("person", "organisation"):
            continue
        spans = [(s.start, s.end) for s in quote.content_spans] or [
            (c.start, c.end) for c in quote.citations
        ]
        if any(s < end and start < e for s, e in spans):
            org = quote.organisation if quote.speaker_kind == "person" else None
            return f"{quote.speaker} ({org})" if org else quote.speaker
    return None


def _own_span(doc: str, passage: str, start: int, end: int) -> tuple[int, int]:
    """Where `passage` (a clause cut from the cited [start, end), perhaps capitalised)
    lies in the document; the cited span when it cannot be found there."""
    words = passage.strip()
    for form in (words, words[:1].lower() + words[1:]):
        at = doc.find(form, start, end) if form else -1
        if at >= 0:
            return at, at + len(form)
    return start, end


def _antecedent(analysis: Analysis, before: int, types: tuple[str, ...]) -> str | None:
    """The last person or organisation (of `types`) named before offset `before`."""
    best = None
    for m in analysis.entities:
        if m.type in types and m.end <= before and (best is None or m.start > best.start):
            best = m
    if best is None:
        return None
    return best.canonical or best.text


def _name_after_opener(body: str, analysis: Analysis, start: int) -> str:
    """ "Last year it [Huawei] made ...": the pronoun subject after a time opener
    with its referent in brackets: the person named last before the line for he/she;
    for "it", the organisation named last, only when the line itself names it too."""
    opener = _OPENER_PRONOUN.match(body)
    if opener is None:
        return body
    pronoun = opener.group("pronoun").lower()
    name = _antecedent(analysis, start, ("PERSON",) if pronoun != "it" else ("ORG",))
    if not name or (pronoun == "it" and name.lower() not in body.lower()):
        return body
    return f"{body[: opener.end()]} [{name}]{body[opener.end() :]}"


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _writers_first_person(line: str, upto: int | None = None) -> bool:
    """Whether the line quotes someone and its "I"/"we" before `upto` (the part that
    would be handed to the speaker) all stand outside the quotation ("When we spoke
    with the CEO in January, he said 'it takes time... We need trust'"): the writer's
    own first person, which must never be handed to the quoted speaker."""
    quoted = [m.span() for m in _QUOTED.finditer(line)]
    if not quoted:
        return False
    first = [m.start() for m in _FIRST_PERSON.finditer(line) if upto is None or m.start() < upto]
    return bool(first) and not any(a <= i < b for i in first for a, b in quoted)


def standalone(
    text: str,
    analysis: Analysis | None,
    start: int,
    end: int,
    *,
    strict: bool = True,
) -> str | None:
    """`text` (the passage [start, end) of `analysis`'s document) made to stand
    alone, or None when it cannot be.

    A leading connective ("But", "However,") is dropped; a leading "he"/"she"
    or "the company" gets the name it stands for in brackets, from the
    nearest earlier mention of a person or organisation in the same article;
    a first-person passage gets the speaker of its quote or transcript turn.
    With `strict=False` the repaired line is returned even if some reference
    is still unresolved (for evidence that must be shown as it is).
    """
    line = _ASIDE.sub("", _LABEL.sub("", " ".join(text.split())))
    dateline = WIRE_DATELINE.match(line)
    if dateline and len(line[dateline.end() :].split()) >= MIN_WORDS:
        line = line[dateline.end() :]  # "CAIRO — The Brotherhood ...": the place is no news
    label = _LABELLED.match(line)
    if label and not _SPEAKER_PREFIX.match(line):  # "Maren Holt: Today we..." (a transcript turn)
        line = f"{label.group(1)}: “{line[label.end() :].strip()}”"
    if analysis is not None and not _SPEAKER_PREFIX.match(line):
        # whose words: those of the passage itself, not of the whole sentence a clause
        # cut from it cites ("When we spoke with the CEO in January" is the writer's)
        speaker = _speaker(analysis, *_own_span(analysis.document.text, text, start, end))
        pronoun_speaker = _PRONOUN_TAIL.search(line)
        found = problems(line)
        unattributed = any(
            p in found
            for p in ("first person without its speaker", "quotation without its speaker")
        )
        handed = pronoun_speaker.start() if pronoun_speaker else None
        if (
            speaker
            and (unattributed or pronoun_speaker)
            and not _writers_first_person(line, handed)
        ):
            core = line[: pronoun_speaker.start()] if pronoun_speaker else line
            core = core.strip(' ,“”"')
            trimmed = _CONNECTIVE.sub("", core)  # “And number two, ...”: the turn goes on
            core = _capitalise(trimmed) if trimmed != core else core
            rest = pronoun_speaker.group("rest") if pronoun_speaker else ""
            if pronoun_speaker and re.match(r"\s+\w", rest) and not re.search(r"[:\"“”«»]", rest):
                # "..., he said at a press conference on Wednesday": the tail tells
                # when and where, so it stays, with the speaker named
                core = core[:-1] if core.endswith(".") else core
                sep = "" if core.endswith(("?", "!")) else ","
                line = f"“{core}{sep}” [{speaker}] {pronoun_speaker.group('verb')}"
            else:
                if core and not _END.search(core):
                    core += "."
                line = f"{speaker}: “{core}”"
    prefix = _SPEAKER_PREFIX.match(line)
    head, body = (line[: prefix.end() - 1], line[prefix.end() - 1 :]) if prefix else ("", line)
    if not prefix:
        trimmed = _CONNECTIVE.sub("", _LABEL.sub("", body))
        if trimmed != body:  # "But the trust said..." -> "The trust said..."
            body = _capitalise(trimmed)
        if analysis is not None:
            pronoun = re.match(r"^(He|She)\b", body)
            if pronoun:
                name = _antecedent(analysis, start, ("PERSON",))
                if name:
                    body = f"[{name}]" + body[pronoun.end() :]
            body = _name_after_opener(body, analysis, start)
            described = resolve_description(analysis, body, start)
            if described:  # "The former Florida governor [Jeb Bush] took ..."
                at, name = described
                body = f"{body[:at]} [{name}]{body[at:]}"
            definite = _DEFINITE_START.match(body)
            if definite and definite.group(1).lower() in (
                "company",
                "firm",
                "group",
                "agency",
                "organisation",
                "organization",
            ):
                name = _antecedent(analysis, start, ("ORG",))
                named = re.match(r",\s+(?-i:[A-Z])", body[definite.end() :])  # "The company, Acme,"
                if name and not named and name.lower() not in definite.group(0).lower():
                    body = f"{definite.group(0)} [{name}]" + body[definite.end() :]
    line = head + body
    if line and not _END.search(line) and not prefix:
        line += "."
    line = close_quotation(line)
    if strict and problems(
        line, main_verb(analysis, start, end), person_named=_person_before(analysis, start, end)
    ):
        return None
    return line


def close_quotation(line: str) -> str:
    """`line` with the quotation it opens and never closes closed at its end.

    A sentence splitter may end a sentence inside a quotation (at a speaker's "…", or
    between two sentences of one quotation), so the line stops with the mark open and
    the reader cannot tell where the speaker's words end. The words up to the cut are
    the speaker's, so closing the mark there says no more than the source."""
    if line.count("“") > line.count("”"):
        return line + "”"
    straight = [m.start() for m in re.finditer(r'"', line)]
    if len(straight) % 2:
        i = straight[-1]
        before, after = line[i - 1 : i] or " ", line[i + 1 : i + 2]
        if (before.isspace() or before in "([") and after.strip():
            return line + '"'  # the last mark opens ('saying "the ...'): close it
    return line


def _person_before(analysis: Analysis | None, start: int, end: int) -> bool:
    """Whether the passage [start, end) names the person its first third-person pronoun
    stands for: a person named before it ("Sanders said he would", by any word of a
    name the analysis found in the article, so a mention the recogniser missed counts),
    or named as the subject right after an opening phrase that holds it ("Since launching
    his bid, Trump has ...", "When her lead slipped, Clinton's boosters ...")."""
    if analysis is None:
        return False
    text = analysis.document.text
    pronoun = _THIRD_PERSON.search(text, start, end)
    if pronoun is None:
        return False
    if any(
        m.type == "PERSON" and start <= m.start and m.end <= pronoun.start()
        for m in analysis.entities
    ):
        return True
    names = _name_words(analysis)
    before = text[start : pronoun.start()]
    if any(w in names for w in re.findall(r"\b[A-Z][a-z'’]+\b", before)):
        return True
    comma = text.find(",", pronoun.end(), end)
    if comma < 0 or _QUOTE_MARK.search(text, start, comma):
        return False
    after = re.match(r",\s+(?:(?:Mr|Mrs|Ms|Sen|Gov|Rep|Dr)\.\s+)?([A-Z][a-z'’]+)", text[comma:end])
    return bool(after and re.sub(r"['’]s?$", "", after.group(1)) in names)


def _name_words(analysis: Analysis) -> set[str]:
    """Capitalised words of the people the analysis found ("Bernie", "Sanders")."""
    words: set[str] = set()
    for m in analysis.entities:
        if m.type == "PERSON":
            for name in (m.text, m.canonical or ""):
                words.update(w for w in re.findall(r"[A-Z][a-z'’]+", name) if len(w) > 2)
    return words


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is)\b")
# words that name or describe a person: a pronoun after one may well be theirs
_PERSON_WORDS = (
    PERSON_NOUNS
    | ROLE_HEADS
    | frozenset(KIN_NOUNS)
    | COURTESY_TITLES
    | frozenset(NAME_TITLES)
    | frozenset({"man", "woman", "boy", "girl", "person", "child", "people"})
)


def _personish(word: str) -> bool:
    w = re.sub(r"['’]s$", "", word).lower().rstrip(".")
    return w in _PERSON_WORDS or w.removesuffix("s") in _PERSON_WORDS


def pronoun_named(text: str, analysis: Analysis, start: int) -> str | None:
    """`text` with its first "he"/"she"/"him"/"his" replaced by the person it stands for,
    when the article makes that plain: the sentence before the passage (and the passage up
    to the pronoun) names one person only, and the passage does not name them itself
    (where it does, the pronoun may be someone else's). A timeline clause often opens
    mid-story ("At a rally this spring, she described Trump as ..."); without the name it
    cannot stand alone and the event was dropped. "her" is left (object or possessive)."""
    pronoun = _PRONOUN.search(text)
    if (
        text.lstrip()[:1] in tuple("),;:]")
        or pronoun is None
        or (pronoun.start() == 0 and pronoun.group(0).islower())
    ):
        return None  # "him most of a day": a clause cut mid-sentence, not a subject
    before = re.findall(r"[A-Za-z][\w'’-]*", text[: pronoun.start()])
    if any(_personish(w) for w in before):
        return None  # "a 78-year-old man ... after he", "Mr. Obama contrasted his": theirs
    named = {
        w
        for m in analysis.entities
        if m.type == "PERSON"
        for w in re.findall(r"[A-Z][a-z'’]+", f"{m.text} {m.canonical or ''}")
    }
    if any(re.sub(r"['’]s$", "", w) in named for w in before):
        return None  # a person the line names before the pronoun (its own referent)
    doc = analysis.document
    k = next((i for i, s in enumerate(doc.sentences) if s.start <= start < s.end), None)
    if k is None:
        return None
    since = doc.sentences[k - 1].start if k > 0 else doc.sentences[k].start
    upto = start + pronoun.start()
    people = {
        m.canonical or m.text
        for m in analysis.entities
        if m.type == "PERSON" and since <= m.start and m.end <= upto
    }
    if len(people) != 1:
        return None
    name = people.pop()
    words = [w for w in re.findall(r"[A-Z][a-z'’]+", name) if len(w) > 2]
    if not words or any(w in text for w in words):
        return None
    said = f"[{name}]'s" if pronoun.group(0).lower() == "his" else f"[{name}]"
    return text[: pronoun.start()] + said + text[pronoun.end() :]
