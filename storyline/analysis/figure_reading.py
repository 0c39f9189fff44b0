"""Reading a number's context: its measure, subject, claimant, status and period.

Given an amount and its sentence, each reader answers one question from the
parse: what is measured ("revenue from enterprise products"), about whom,
who states it (a quote's speaker, a claim verb's subject, "according to"),
whether it is an actual, a target or a forecast, and for when. Extraction
(which numbers are figures) stays in figures.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..datetokens import YEAR
from ..model import DateMention, Sentence
from . import units
from .amounts import Amount, counted_noun, is_people
from .cues import SPEECH_VERBS
from .figure_context import (
    _CLAUSE_BREAKS,
    _ORG_NOUNS,
    _PRONOUNS,
    _SUBJECT_TYPES,
    _TIME_NOUNS,
    _TRAILING,
    _ancestors,
    _Context,
    _governing_verb,
    _phrase,
    _span,
    _subject_of,
    _subtree,
)
from .people import role_head


def _noun_measure(noun, amount_ids: set[int]) -> str:
    """ "drop in its number of smartphone partners" from the head noun "drop"."""
    left = [c for c in noun.lefts if c.dep_ == "compound" and c.i not in amount_ids]
    tokens = sorted([*[t for c in left for t in c.subtree], noun], key=lambda t: t.i)
    for child in noun.rights:
        if child.dep_ == "prep":
            tokens.extend(_subtree(child))
            break
    return _phrase(tokens, amount_ids)


def _change_measure(verb, subject, span) -> str:
    """Profits rose 28.1% -> "profit growth"; a level ("rose to 9%") -> the subject alone."""
    to_level = any(t.lower_ in ("to", "from") and t.head.i == verb.i for t in span.root.ancestors)
    noun = "" if to_level else "growth" if verb.lemma_.lower() in units.RISE_VERBS else "decline"
    if subject is None or subject.lower_ in _PRONOUNS:
        return noun or "level"
    words = []
    for t in _subtree(subject):
        if t.ent_type_ in _SUBJECT_TYPES or t.dep_ in ("det", "poss", "case") or t.is_punct:
            continue
        singular = t.i == subject.i and noun and t.lower_ not in units.PLURAL_MEASURES
        words.append(t.lemma_.lower() if singular else t.text if t.pos_ == "PROPN" else t.lower_)
    return " ".join(w for w in [*words, noun] if w)


def _to_clause(verb) -> str | None:
    """ "voted 5-0 to approve the merger" -> "to approve the merger"."""
    for child in verb.rights:
        if child.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in child.lefts):
            words: list[Any] = []
            for t in child.subtree:  # up to the first comma: "to approve X's application"
                if (t.is_punct and t.text not in ("'s", "’s")) or len(words) >= 8:
                    break
                words.append(t.text)
            while words and words[-1].lower() in _TRAILING:
                words.pop()
            return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    return None


def _prep_phrase(verb, amount_ids: set[int]) -> str | None:
    for child in verb.rights:
        if child.dep_ != "prep" or child.i in amount_ids:
            continue
        objs = [c for c in child.subtree if c.dep_ == "pobj"]
        if objs and objs[0].ent_type_ in ("DATE", "TIME"):
            continue
        return _phrase(_subtree(child), amount_ids)
    return None


def _is_anaphor(token) -> bool:
    return (
        token is not None
        and token.lemma_.lower() in units.ANAPHORIC_NOUNS
        and any(c.lower_ in ("that", "this", "the") for c in token.children)
    )


def _read_measure(amount: Amount, span, sentence: Sentence, ctx: _Context):
    """(measure, anaphoric, governing verb, subject token) for one amount."""
    doc = ctx.doc
    ids = {t.i for t in span}
    nxt = doc[span.end] if span.end < len(doc) else None
    nxt2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
    verb = _governing_verb(span.root, sentence)
    subject = _subject_of(verb, sentence) if verb is not None else None
    if amount.kind == "count" and nxt is not None and nxt.pos_ in ("AUX", "VERB"):
        state = next(
            (t for t in doc[span.end : span.end + 4] if t.lower_ in units.CASUALTY_STATES), None
        )
        if state is not None:  # "three were found dead"
            return state.lower_, False, verb, subject
    if amount.kind == "count" and nxt is not None and amount.unit in ("people", "units"):
        noun = counted_noun(span.root) if len(span) == 1 else None
        return _noun_measure(noun if noun is not None else nxt, ids), False, verb, subject
    if span.root.head.lower_ in ("worth", "valued") and span.root.head.head.pos_ == "NOUN":
        return "value of " + _noun_measure(span.root.head.head, ids), False, verb, subject
    if nxt is not None and amount.kind in ("percent", "fraction"):
        head = None
        if nxt.lower_ == "of" and nxt2 is not None:  # "30 percent of the world's carrier business"
            head = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if head is None:
                head = nxt2.head if nxt2.dep_ in ("det", "poss", "amod", "compound") else nxt2
        elif nxt.dep_ in ("det", "poss") and nxt.head.i > nxt.i and nxt.head.pos_ == "NOUN":
            head = nxt.head  # "nearly all its revenue"
        if head is not None:
            return "share of " + _phrase(_subtree(head), ids, strip_det=False), False, verb, subject
    if (
        nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN")
        and nxt.ent_type_ not in ("DATE", "TIME", "GPE")
        and nxt.lower_ not in _TIME_NOUNS
    ):
        if nxt.lemma_.lower() in units.ANAPHORIC_NOUNS:
            return None, True, verb, subject
        if nxt.tag_ != "NNP":
            noun = nxt  # "the $15 minimum wage": the measure is the wage, not "minimum"
            while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
                noun = noun.head
            return _noun_measure(noun, ids), False, verb, subject
    if (
        nxt is not None
        and nxt2 is not None
        and nxt.lower_ in ("in", "of")
        and amount.kind in ("money", "number")
        and nxt2.pos_ == "NOUN"
        and not nxt2.ent_type_
    ):
        return _noun_measure(nxt2, ids), False, verb, subject
    if verb is None:
        return None, False, None, None
    if _is_anaphor(subject):
        return None, True, verb, subject
    lemma = verb.lemma_.lower()
    if lemma in units.RISE_VERBS or lemma in units.FALL_VERBS:
        return _change_measure(verb, subject, span), False, verb, subject
    if amount.kind == "votes":
        prep = _prep_phrase(verb, ids) or _to_clause(verb)
        return ("vote " + prep) if prep else "vote", False, verb, subject
    if lemma in units.MONEY_VERBS and amount.kind in ("money", "number"):
        noun = units.MONEY_VERBS[lemma]
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in ids), None)
        if obj is not None and obj.pos_ == "NOUN":  # "purchased the mansion for $650,000"
            return f"{noun} of {_noun_measure(obj, ids)}", False, verb, subject
        prep = _prep_phrase(verb, ids)
        return (f"{noun} {prep}" if prep else noun), False, verb, subject
    if lemma in ("be", "represent", "reach", "total", "hit", "top", "stand", "account", "amount"):
        if (
            subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl"
        ):  # "pension, which is $25,000"
            return _noun_measure(verb.head, ids), False, verb, subject
        named = (
            subject is None or subject.lower_ in _PRONOUNS or subject.ent_type_ in _SUBJECT_TYPES
        )
        if not named and subject is not None and subject.tag_ not in ("WDT", "WP", "DT", "EX"):
            return _phrase(_subtree(subject)), False, verb, subject
    return None, False, verb, subject


def _subject_name(subject, ctx: _Context) -> str | None:
    if subject is None:
        return None
    lemma = subject.lemma_.lower()
    if subject.lower_ in ("his", "her") and subject.dep_ == "poss":
        bound = _bound_possessor(subject, ctx)
        if bound:
            return bound
    if subject.lower_ in ("he", "she", "his", "her"):
        m = ctx.mention_before(subject.idx, ("PERSON",))
        return ctx.full_name(m.name, m.start) if m else None
    if lemma in _ORG_NOUNS and subject.tag_ == "NN":
        m = ctx.company(subject.idx)
        return m.name if m else None
    if subject.lower_ in _PRONOUNS:
        m = ctx.mention_before(subject.idx, ("ORG",)) or ctx.mention_before(
            subject.idx, _SUBJECT_TYPES
        )
        return m.name if m else None
    parts = [subject, *(c for c in subject.children if c.dep_ in ("compound", "poss"))]
    named = sorted(parts, key=lambda t: t.i)
    for t in named:
        m = ctx.mention_in(t.idx, t.idx + len(t))
        if m is not None:
            return m.name
    if subject.tag_ == "NNP" or lemma in units.INSTITUTION_NOUNS:
        return " ".join(t.text for t in named if t.dep_ != "poss")
    return None


def _bound_possessor(pronoun, ctx: _Context) -> str | None:
    """ "Clinton, during a town hall ..., said ... while trying to explain her plan": a
    possessive binds to the named subject of a clause above it before any person named
    in between; None when no clause above has one."""
    for anc in pronoun.ancestors:
        for child in anc.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and child.i < pronoun.i
                and child.pos_ == "PROPN"
                and pronoun not in child.subtree
            ):
                name = _speaker_name(child, ctx)
                if name:
                    return name
    return None


def _cue_speaker(cue, ctx: _Context) -> str | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _speaker_name(child, ctx)
    if cue.dep_ == "conj" and cue.head.i < cue.i:  # "Scott has freed up $26 million and
        return _cue_speaker(cue.head, ctx)  # on Monday announced $5 million more ..."
    for child in cue.children:
        # "He pledged ... and cast doubt on ..., suggested that ...": a list of verbs the
        # parse hung under the last one, as if the first were its quoted clause
        if child.dep_ == "ccomp" and child.i < cue.i and child.pos_ == "VERB":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she")):
                return _speaker_name(subject, ctx)
    return None


def _speaker_name(token, ctx: _Context) -> str | None:
    if token.lower_ in ("he", "she"):
        m = ctx.mention_before(token.idx, ("PERSON",))
        return ctx.full_name(m.name, m.start) if m else None
    if token.lower_ == "it" and token.dep_ == "nsubj":  # "It also estimated that ...": the firm
        m = ctx.mention_before(token.idx, ("ORG",))
        return m.name if m else None
    if token.lower_ in _PRONOUNS or token.lower_ in ("i", "we", "you"):
        return None
    if token.lemma_.lower() in _ORG_NOUNS and token.tag_ == "NN":
        m = ctx.company(token.idx)
        if m is not None:
            return m.name
    tokens = [t for t in token.subtree if t.dep_ not in ("appos", "prep", "pobj", "det")] or [token]
    m = ctx.mention_in(token.idx, token.idx + len(token), ("PERSON", "ORG", "NORP", "GPE"))
    if m is not None:
        return ctx.full_name(m.name, m.start)
    for child in token.children:  # "the news agency Ma'an", "Goldman's sister Kim"
        if child.dep_ in ("appos", "compound") and child.i > token.i and child.pos_ == "PROPN":
            m = ctx.mention_in(child.idx, child.idx + len(child), ("PERSON", "ORG"))
            return ctx.full_name(m.name, m.start) if m else child.text
    if token.i + 1 < len(token.doc) and token.nbor(1).pos_ == "PROPN" and token.pos_ == "NOUN":
        m = ctx.mention_in(token.nbor(1).idx, token.nbor(1).idx + 1, ("PERSON", "ORG"))
        if m is not None:
            return ctx.full_name(m.name, m.start)
    left = [t for t in tokens if t.i <= token.i]
    described = re.sub(r"\s+(['’]s?)(?=\s|$)", r"\1", " ".join(t.text for t in left))
    return _named_role(described, ctx) or _role_holder(described, token.idx, ctx) or described


_SHARE = re.compile(
    rf"\d|%|\bpercent\b|\b(?:{'|'.join(sorted(units.NUMBER_WORDS, key=len, reverse=True))})\b", re.I
)


def _claimant(amount: Amount, span, sentence: Sentence, ctx: _Context) -> str | None:
    """Who states the figure; never a share or count of people ("Seventy-two percent now
    believe ...", "Nine in 10 voters say ..."): a poll's respondents are no claimant."""
    name = _find_claimant(amount, span, sentence, ctx)
    if name:
        name = re.sub(r"^(?:an?|the)\s+(?=[A-Z])", "", name, flags=re.I)  # "A USA Today poll"
    if name and _SHARE.search(name):
        return _poll_source(sentence, ctx)  # "43 said the same" in a named poll: the poll
    return name


def _find_claimant(amount: Amount, span, sentence: Sentence, ctx: _Context) -> str | None:
    owner = _goal_owner(span, sentence, ctx)
    if owner:
        return owner
    reporter = _reported_in(span, sentence, ctx)
    if reporter:
        return reporter
    if sentence.speaker:
        told = _told_in_turn(amount, sentence.speaker, ctx)
        if told:
            return _initials(_named_in_apposition(told, sentence, ctx), ctx)
        return _initials(_named_in_apposition(sentence.speaker, sentence, ctx), ctx)
    quoted = _quote_speaker(amount, ctx)
    if quoted:
        return _initials(_named_in_apposition(quoted, sentence, ctx), ctx)
    answer = _interviewee(amount, ctx)
    if answer:
        return answer
    verb = _governing_verb(span.root, sentence)
    if verb is not None and verb.lemma_.lower() in units.TALLY_VERBS:
        tally = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if tally is not None and tally.lemma_.lower() in units.TALLY_NOUNS:
            name = _cue_speaker(verb, ctx)  # "the agency increases the death toll to 267"
            if name:
                return name
    record = _record_source(span, sentence, ctx)
    if record:
        return record
    # "Holt said the company expects to create 600 jobs": the one who told it (the
    # outermost speech verb) is the claimant; an inner "expects" only without one.
    named: list[tuple[str, str]] = []
    below = span.root
    for anc in _ancestors(span.root, sentence):
        lemma = anc.lemma_.lower()
        own_subject = _is_subject_of(below, anc)
        below = anc
        if own_subject:
            continue
        if _cites_as_saying(anc):  # "state media cited survey data as saying"
            name = _cue_speaker(anc, ctx)
            if name:
                named.append(("say", name))
            continue
        if anc.pos_ == "VERB" and lemma in units.CLAIM_VERBS and _speech_cue_or_claim(anc):
            if verb is not None and anc.i == verb.i and lemma not in units.ESTIMATE_VERBS:
                continue
            if any(c.dep_ == "neg" for c in anc.children):
                continue  # "the call did not mention that Rubio supported $1.9 billion"
            name = _cue_speaker(anc, ctx)
            if name:
                named.append((lemma, name))
    spoken = [name for lemma, name in named if lemma in SPEECH_VERBS]
    if spoken or named:
        return spoken[-1] if spoken else named[0][1]
    trailing = _trailing_cue(span, sentence, ctx)
    if trailing:
        return trailing
    aside = _as_aside(span, sentence, ctx)
    if aside:
        return aside
    # "according to X": before the content when it opens the sentence, after it otherwise.
    sent_text = ctx.text[sentence.start : sentence.end]
    for m in re.finditer(r"\baccording to\s", sent_text, re.I):
        cue_start = sentence.start + m.start()
        opens = not sent_text[: m.start()].strip(" \"“'")
        if (opens and amount.start > cue_start) or (not opens and amount.end <= cue_start):
            to = _span(ctx.doc, sentence.start + m.end(), sentence.start + m.end() + 1)
            if to is not None and len(to):
                name = to[0]
                while (
                    name.dep_ in ("compound", "det", "amod", "poss", "nummod")
                    and name.head.i > name.i
                ):
                    name = name.head  # "according to the PCTA": the noun, not "the"
                owner = next((c for c in name.children if c.dep_ == "poss"), None)
                if owner is not None and name.lemma_.lower() in _RECORD_NOUNS:
                    name = owner  # "according to the foundation's tally": the foundation
                return _speaker_name(name, ctx)
    poll = _poll_source(sentence, ctx)
    if poll:
        return poll
    speaker = _root_speaker(span)
    return _speaker_name(speaker, ctx) if speaker is not None else None


def _quoted_passage(pos: int, ctx: _Context) -> tuple[int, int] | None:
    """The quotation around `pos` (`quotemarks.find_quote_spans`, so across sentences, "...
    said: \"Trump is a businessman. I employed 50,000 people.\"", and across the
    paragraphs a quotation is carried on into): from its opening mark to the closing mark
    of the paragraph holding `pos`. None outside quotation marks."""
    for group in ctx.quote_groups():
        for span in group:
            if span.start <= pos < span.end:
                return group[0].start, span.end - 1
    return None


def _told_in_turn(amount: Amount, label: str, ctx: _Context) -> str | None:
    """Who a transcript turn gives the figure to: a quotation or report inside the turn
    that the quotes stage attributes to someone named other than the label speaker
    ("as the governor told us, 'we lost 40 homes'"), the innermost. The label speaker
    only relays it."""
    held = [
        (quote, sp)
        for quote in ctx.quotes
        if quote.speaker
        and quote.cue != "speaker label"
        and quote.speaker_kind in ("person", "organisation")
        and quote.speaker.casefold() != label.casefold()
        for sp in quote.content_spans
        if sp.start <= amount.start < sp.end
    ]
    if not held:
        return None
    return min(held, key=lambda qs: (not qs[0].direct, qs[1].end - qs[1].start))[0].speaker


def _quote_speaker(amount: Amount, ctx: _Context) -> str | None:
    """Whose quote holds the figure. A direct quote's span over the figure first, the
    shortest (a speaker quoted inside a report is the claimant, not the reporter); then a
    quote with a speaker inside the same quotation marks, whose tag may sit in another
    sentence of the passage ("\"I employed 50,000 people,\"" after "Adelson said:
    \"Trump is a businessman.\""), the previous or next sentence; then the first quote
    over it."""
    holding = [
        (quote, sp)
        for quote in ctx.quotes
        if quote.speaker
        for sp in quote.content_spans
        if sp.start <= amount.start < sp.end
    ]
    direct = [(q, sp) for q, sp in holding if q.direct]
    if direct:
        return min(direct, key=lambda qs: qs[1].end - qs[1].start)[0].speaker
    passage = _quoted_passage(amount.start, ctx)
    if passage is not None:
        start, end = passage
        within = [
            (quote, sp)
            for quote in ctx.quotes
            if quote.speaker
            for sp in quote.content_spans
            if start <= sp.start and sp.end <= end + 1
        ]
        if within:
            return min(within, key=lambda qs: (not qs[0].direct, abs(qs[1].start - amount.start)))[
                0
            ].speaker
        # one sentence quoting in two pieces (“'This was an example of Obama' and his team
        # 'just quietly deciding ... to win the freedom of four men'”): the piece the
        # quotes stage attributed speaks for the other
        sentence = ctx.sentence_at(amount.start)
        beside = [
            quote
            for quote in ctx.quotes
            if quote.speaker and quote.direct
            for sp in quote.content_spans
            if sentence.start <= sp.start and sp.end <= sentence.end
        ]
        if len({q.speaker for q in beside}) == 1:
            return beside[0].speaker
    if holding:  # reported speech: the outer report names who tells it ("BuzzFeed reports
        return holding[0][0].speaker  # that researchers found ..."), as found in order
    return None


_ANSWER = re.compile(r"(?m)^[ \t]*A[:.][ \t]")


def _interviewee(amount: Amount, ctx: _Context) -> str | None:
    """ "A: ... half of the population is left out": an interview's answer is the
    interviewee's, the person the introduction before the first answer names most
    (the first named on a tie)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, amount.start) + 1
    if not _ANSWER.match(text, line_start):
        return None
    first = _ANSWER.search(text)
    intro = first.start() if first else 0
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.type == "PERSON" and m.end <= intro:
            name = ctx.full_name(m.name, m.start)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: counts[n])  # dict order keeps the first named on ties


_REPORT_NOUNS = frozenset(["report", "study", "survey", "poll", "analysis", "statement"])


def _reported_in(span, sentence: Sentence, ctx: _Context) -> str | None:
    """ "referencing a Breitbart News report that eight Syrian refugees were detained": a
    named report whose clause holds the figure is its source, whoever cites the report."""
    for anc in _ancestors(span.root, sentence):
        if anc.pos_ != "NOUN" or anc.lemma_.lower() not in _REPORT_NOUNS:
            continue
        names = [c for c in anc.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        if not names:
            return None
        words = [t for c in names for t in c.subtree if t.pos_ == "PROPN"]
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or None
    return None


# Verbs by which a record states what it holds ("the agency's data show ...").
_SHOW_VERBS = frozenset(["show", "indicate", "suggest", "reveal", "find", "put", "estimate"])
_SOURCE_PREPS = frozenset(["from", "by"])  # "a poll of the race": "of" names no owner
_RECORD_LEMMAS = frozenset(["datum", "figure", "number", "statistic", "record", "estimate"])


def _record_source(span, sentence: Sentence, ctx: _Context) -> str | None:
    """ "The agency's data show that 40 percent ...", "Figures from the Labor Department
    showed ...", "Census data indicate ...": a record that is the subject of a showing verb
    over the figure states it for its owner (possessor, "from"/"by" phrase, or its name)."""
    below = span.root
    for anc in _ancestors(span.root, sentence):
        subject = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        poll_has = (  # "Wednesday's Quinnipiac poll has Clinton leading ... (46 percent ...)"
            anc.lemma_.lower() == "have"
            and subject is not None
            and subject.lemma_.lower() in _POLL_NOUNS
        )
        if anc.pos_ not in ("VERB", "AUX") or (
            anc.lemma_.lower() not in _SHOW_VERBS and not poll_has
        ):
            below = anc
            continue
        if (
            subject is None
            or subject.i == below.i
            or subject.lemma_.lower() not in _RECORD_NOUNS | _REPORT_NOUNS | _RECORD_LEMMAS
        ):
            return None
        for child in subject.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
                return _speaker_name(child, ctx)  # "Wednesday's poll" is owned by no one
            if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return _speaker_name(pobj, ctx)
        names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if subject.pos_ == "PROPN":
            names.append(subject)  # "A Field Poll ... put his support at 5 percent"
        if names:
            words = {
                t.i: t for c in names for t in c.subtree if t.pos_ == "PROPN" and t.i <= subject.i
            }
            return " ".join(words[i].text for i in sorted(words))
        return None
    return None


def _as_aside(span, sentence: Sentence, ctx: _Context) -> str | None:
    """ "As the Washington Post observed, Republicans now control ... 30 states": a speech
    verb in an "as" clause on the figure's clause gives the one who stated it."""
    for anc in [span.root, *_ancestors(span.root, sentence)]:
        for child in anc.children:
            if (
                child.dep_ == "advcl"
                and child.lemma_.lower() in SPEECH_VERBS
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children)
                and not any(c.dep_ == "neg" for c in child.children)
                and span.root not in list(child.subtree)
            ):
                return _cue_speaker(child, ctx)
    return None


# Nouns of a record whose owner states what it holds ("the foundation's tally").
_RECORD_NOUNS = frozenset(
    ["tally", "count", "report", "figures", "data", "estimate", "records", "analysis"]
)
_POLL_NOUNS = frozenset(["poll", "survey"])


def _poll_source(sentence: Sentence, ctx: _Context) -> str | None:
    """ "In a CNN/ORC International Poll the same month, 38 percent ...", "86 percent of
    voters in a recent Gallup survey": a named poll the sentence sets its figures in is
    their source. The name is the capitalised words of its noun phrase."""
    span = _span(ctx.doc, sentence.start, sentence.end)
    if span is None:
        return None
    for token in span:
        if token.lemma_.lower() not in _POLL_NOUNS or token.dep_ != "pobj":
            continue
        if token.head.lower_ != "in":
            continue
        words = [
            t
            for t in token.subtree
            if t.i <= token.i
            and t.dep_ not in ("det", "poss", "case")
            and (t.text[:1].isupper() or t.text == "/")
        ]
        if not words or (len(words) == 1 and words[0].i == token.i):
            continue  # "in a poll": no name
        name = " ".join(t.text for t in words)
        return re.sub(r"\s*/\s*", "/", name)
    return None


def _root_speaker(span):
    """ "Target has said card numbers from 40 million customers were stolen", parsed with
    the figure hanging off "said": the subject of the speech verb heading the sentence,
    when the figure comes after it and is no part of that subject."""
    root = span.root
    while root.head.i != root.i:
        root = root.head
    if not _speech_cue(root) or root.i > span.start or any(c.dep_ == "neg" for c in root.children):
        return None  # "did not mention that ...": a negated verb states nothing
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i >= root.i or span.root in list(subject.subtree):
        return None
    if subject.lower_ in _PRONOUNS and subject.lower_ not in ("he", "she"):
        return None
    return subject


def _cites_as_saying(verb) -> bool:
    """ "cited an official survey as saying", "quoted him as saying": the subject reports."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() == "say" for g in c.children)
        for c in verb.children
    )


def _initials(speaker: str, ctx: _Context) -> str:
    """ "MB" -> "Mike Brown": an interview transcript labels turns with initials; the one
    person the document names with them is the speaker."""
    if not re.fullmatch(r"[A-Z]{2,3}", speaker):
        return speaker
    names = {
        m.name
        for m in ctx.mentions
        if m.type == "PERSON" and "".join(w[0] for w in m.name.split()) == speaker
    }
    return names.pop() if len(names) == 1 else speaker


def _named_role(description: str, ctx: _Context) -> str | None:
    """ "his lawyer" -> "Wang Chaohui" when the document names him so ("his lawyer Wang
    Chaohui", "lawyer Wang Chaohui"): the person, not the description."""
    m = re.fullmatch(r"(?:his|her|their|its|the)\s+([a-z]+)", description.strip(), re.I)
    if m is None:
        return None
    role = re.escape(m.group(1))
    for found in re.finditer(rf"\b{role},?\s+(?=[A-Z])", ctx.text):
        person = ctx.mention_in(found.end(), found.end() + 1, ("PERSON",))
        if person is not None and " " in person.name:
            return person.name
    return None


def _role_holder(description: str, offset: int, ctx: _Context) -> str | None:
    """ "The Ohio governor" -> the one person named before `offset` whose post the people
    index knows as a governor's, of Ohio when the description names a place or body (its
    organisation holds the word); a former holder only for "the former governor". None
    unless exactly one fits."""
    m = re.fullmatch(
        r"(?:the\s+)?(?P<former>former\s+)?(?P<where>(?:[A-Z][\w.-]*\s+)*)(?P<role>[a-z]+)",
        description.strip(),
        re.I,
    )
    if m is None or ctx.people is None or not m.group("role").islower():
        return None
    role, where = m.group("role"), m.group("where").split()
    fits = {
        p.name
        for p in ctx.people.people
        if p.role
        and p.start < offset
        and role_head(p.role) == role
        and ("former" in p.role.lower().split()) == bool(m.group("former"))
        and all(w in (p.organisation or "") for w in where)
    }
    return fits.pop() if len(fits) == 1 else None


def _named_in_apposition(speaker: str, sentence: Sentence, ctx: _Context) -> str:
    """ "the Palestinian news agency Ma'an": the name after a description, not the
    description."""
    text = ctx.text[sentence.start : sentence.end]
    at = text.lower().find(speaker.lower())
    if at < 0:
        return speaker
    end = sentence.start + at + len(speaker)
    span = _span(ctx.doc, end, min(end + 40, sentence.end))
    if span is None or not len(span):
        return speaker
    name = span[0]
    if name.pos_ == "PROPN" and name.dep_ == "appos" and ctx.text[end : name.idx].strip() == "":
        words = [name, *[t for t in name.rights if t.dep_ in ("compound", "flat")]]
        return " ".join(t.text for t in words)
    return speaker


def _speech_cue_or_claim(verb) -> bool:
    """A claim verb that is no arithmetic ("would add £150m to the cost" claims nothing)."""
    return verb.lemma_.lower() not in units.ARITHMETIC_VERBS or _speech_cue(verb)


def _goal_owner(span, sentence: Sentence, ctx: _Context) -> str | None:
    """Whose goal the figure is: the subject of "want", "hope", "promise" above it
    ("Huawei wants that figure to reach 10 billion"), or in a clause on it ("the
    thousand Veltrix had promised"), or the owner of "target" ("the company's target
    of $5bn"). A goal is its owner's claim, whoever reports it later; "we" and "I"
    leave it to the speaker."""
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "relcl"]
    for anc in _ancestors(root, sentence):
        if _speech_cue(anc):
            if anc.lemma_.lower() in units.GOAL_WORDS or anc.lower_ in units.GOAL_WORDS:
                candidates.append(anc)  # "Gianforte ... pledged to donate $50,000"
            break
        candidates.append(anc)
    for anc in _ancestors(root, sentence):  # "Her plan would cut the rate to 18 percent"
        if anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if (
                    child.dep_ == "nsubj"
                    and child.lemma_.lower() in units.GOAL_WORDS | units.REQUEST_NOUNS
                    and any(c.dep_ == "poss" for c in child.children)
                ):
                    owner = next(c for c in child.children if c.dep_ == "poss")
                    name = _subject_name(owner, ctx)
                    if name:
                        return name
            break
    for word in candidates:
        lemma = word.lemma_.lower()
        if lemma not in units.GOAL_WORDS and word.lower_ not in units.GOAL_WORDS:
            continue
        if word.pos_ in ("VERB", "AUX"):
            subject = _subject_of(word, sentence)
        elif word.pos_ == "NOUN":
            subject = next((c for c in word.children if c.dep_ == "poss"), None)
        else:
            continue
        if subject is not None and subject.i not in {t.i for t in span}:
            name = _subject_name(subject, ctx)
            if name:
                return name
    return None


def _trailing_cue(span, sentence: Sentence, ctx: _Context) -> str | None:
    """ "... over half of its products said Jimmie Chang": the next speech verb in the
    sentence with a name right beside it, for parses that missed the link."""
    doc = ctx.doc
    for t in doc[span.end :]:
        if t.idx >= sentence.end:
            break
        if t.lower_ == "according" or (t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS):
            if t.lower_ == "according":
                return None
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and span.root in list(subject.subtree):
                return None  # "eight people who worked on X claimed": they are the figure
            after = ctx.mention_in(t.idx + len(t) + 1, t.idx + len(t) + 3, ("PERSON", "ORG"))
            before = ctx.mention_in(max(t.idx - 3, 0), t.idx - 1, ("PERSON", "ORG"))
            for m in (after, before):
                if m is not None and (m.start >= t.idx or m.end <= t.idx):
                    return ctx.full_name(m.name, m.start)
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and span.root in list(subject.subtree):
                return None  # "only 3,346 people have reported ...": they are the figure
            return _speaker_name(subject, ctx) if subject is not None else None
    return None


def _not_after(period: DateMention, published: str | None) -> bool:
    """A date on or before publication is no plan, whatever the resolver flagged."""
    if not period.value or not published:
        return False
    n = min(len(period.value), len(published))
    return period.value[:n] <= published[:n]


def _status(
    span, period: DateMention | None, sentence: Sentence, published: str | None = None
) -> str:
    """target / forecast / actual from the verbs above the figure; a statement with no
    cue for a plan or a prediction is actual (what the text reports as so)."""
    if _legal_threshold(span, sentence):
        return "target"
    hedged = _hedged(span)
    if hedged:
        return hedged
    if _required_level(span, sentence) or _asked_for(span, sentence):
        return "target"
    if _survey_answer(span):
        return "actual"
    if _current_estimate(span, sentence) and not (
        period is not None and period.future and not _not_after(period, published)
    ):
        return "actual"
    if _presupposed(span) or _result_after_comma(span):
        return "actual"
    lemmas: set[str] = set()
    verbs: list[Any] = []
    path = [*_ancestors(span.root, sentence)]
    below = {id(anc): child for child, anc in zip([span.root, *path], path, strict=False)}
    if any(
        anc.lemma_.lower() == "sentence" and anc.pos_ == "VERB" and below[id(anc)].lower_ == "to"
        for anc in path
    ):
        return "target"  # "sentenced him to ... a $300 fine": an amount ordered paid
    for anc in [*span, *path]:
        lemma = anc.lemma_.lower()
        child = below.get(id(anc))  # the token on the figure's path just under `anc`
        told = _speech_cue(anc) and (child is None or child.dep_ not in _ARGUMENTS)
        planning = lemma in _PLANNING or anc.lower_ in _PLANNING
        if told and (
            not planning or any(_finite(v) for v in verbs)  # "1,100 work ..., promised"
        ):
            break
        needs = anc.lower_ in units.NEED_WORDS or lemma in units.NEED_WORDS
        if (
            _wanted(anc, child, span)
            and (anc.pos_ not in ("NOUN", "PROPN") or lemma not in units.NOT_STATUS_NOUNS)
            # a need governs the infinitive under it, not a tensed clause the parse hangs
            # below it ("delegates needed to secure ..., while the states account for half")
            and not (needs and any(_finite(v) for v in verbs))
        ):
            lemmas.update((lemma, anc.lower_))  # "the £3bn project" is no projection
        plan = _plan_participle(anc)
        if plan is not None:
            lemmas.add(plan)
        if anc.pos_ in ("VERB", "AUX"):
            if not verbs and _done_before(anc):
                return "actual"  # "after driving 18,000 miles, I'll be looking": done
            verbs.append(anc)
            lemmas.update(c.lemma_.lower() for c in anc.children if c.dep_ in ("aux", "auxpass"))
            if anc.dep_ == "relcl":
                break  # "a pension, which is $25,000 a month": the relative clause decides
        if anc.dep_ == "appos" and not verbs and anc.pos_ in ("NOUN", "PROPN"):
            # "could wind up at Laurel Highlands, about 70 miles southeast of Pittsburgh":
            # an appositive describes what is, whatever the clause around it plans
            return "target" if lemmas & units.TARGET_LEMMAS else "actual"
    if (
        span.end < len(span.doc)
        and span.doc[span.end].lemma_.lower() not in units.NOT_STATUS_NOUNS
        and not _describes_people(span.doc[span.end])
    ):
        lemmas.add(span.doc[span.end].lemma_.lower())  # "the $5 billion target"
    for clause in span.root.children:  # "the thousand Veltrix had promised"
        if clause.dep_ == "relcl":
            lemmas.update((clause.lemma_.lower(), clause.lower_))
    if verbs and verbs[0].tag_ == "VBD":  # "voted 4-1", "which it put at £3.1bn": done
        own = {verbs[0].lemma_.lower(), verbs[0].lower_}
        own |= {c.lower_ for c in verbs[0].children if c.dep_ in ("aux", "auxpass")}
        if not own & (units.TARGET_LEMMAS | units.FORECAST_LEMMAS):
            return "actual"
    if span[-1].lower_ == "times":
        lemmas.discard("likely")  # "3.7 times less likely" is a ratio of likelihoods
    if (
        any(_past_modal(v) for v in verbs[:1])
        and not (lemmas & (units.TARGET_LEMMAS | units.FORECAST_LEMMAS)) - _MODALS
    ):
        return "actual"  # "must have lost six times", "could have been charged in 342 murders"
    if any(_habitual(v) for v in verbs[:1]) and not (
        lemmas & (units.TARGET_LEMMAS | units.FORECAST_LEMMAS)
    ) - {"would"}:
        return "actual"  # "would frequently run the 7.5 miles": a past habit
    if lemmas & units.TARGET_LEMMAS:
        return "target"
    if lemmas & units.FORECAST_LEMMAS:
        return "forecast"
    if period is not None and period.future and not _not_after(period, published):
        return "forecast"
    if any(v.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG") or _bare_present(v) for v in verbs):
        return "actual"
    if any(a.tag_ in _FINITE for v in verbs for a in v.children if a.dep_ == "aux"):
        return "actual"  # "do not necessarily represent 378 children": "do" carries the tense
    if (
        not verbs
        and span.end < len(span.doc)
        and span.doc[span.end].lower_ in units.CASUALTY_STATES
    ):
        return "actual"  # a headline's "13 dead across country" reports what happened
    # no cue for a plan or a prediction: "a hike can easily cost $6,000", an imperative
    # "play with 20 kitties", a verbless headline, a list after "authorities said"
    return "actual"


_POLLED = re.compile(r"\b(?:polls?|polled|surveys?|surveyed|respondents)\b", re.I)


def _survey_answer(span) -> bool:
    """ "38% of likely voters would be scared if he won", "33% would be scared": in a
    story about a poll, a share that is the subject of "would" is what the respondents
    answered now, not a forecast."""
    if not re.search(r"(?:%|\bpercent|\bper cent)$", span.text, re.I):
        return False
    for anc in span.root.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or anc.dep_ == "prep":
            continue  # "including 60% of Republicans": a preposition the tagger calls a verb
        if not any(c.dep_ == "aux" and c.lower_ == "would" for c in anc.children):
            return False
        subject = [t for c in anc.children if c.dep_ == "nsubj" for t in c.subtree]
        shares = any(t.text == "%" or t.lower_ in ("percent", "cent") for t in subject)
        return shares and bool(_POLLED.search(span.doc.text))
    return False


_MODALS = frozenset(["must", "might", "may"])
# Nouns of a measured change or gap: "…, a 21 percentage point increase from December".
_RESULT_NOUNS = frozenset(
    [
        "increase",
        "decrease",
        "rise",
        "drop",
        "fall",
        "gain",
        "jump",
        "decline",
        "swing",
        "margin",
        "advantage",
        "edge",
        "lead",
        "gap",
        "deficit",
    ]
)


_HEDGE_MODALS = frozenset(["could", "may", "might"])


def _current_estimate(span, sentence: Sentence) -> bool:
    """ "the real unemployment rate could be as high as 42 percent", "the toll may be as
    many as 4,000": a hedged "be" states a guess at what is now, a current estimate
    (actual); a condition ("if the bill passes, costs could be ...") or a change verb
    ("could reach") makes it a forecast, as does a future period (the caller checks)."""
    verb = next((a for a in _ancestors(span.root, sentence) if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() != "be":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & _HEDGE_MODALS or "have" in aux:
        return False
    return not any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless", "once", "when") for m in c.children)
        for c in verb.children
    )


def _result_after_comma(span) -> bool:
    """ "Most say she could win, a 16-point margin over Sanders": a noun phrase of a
    change or gap set off by a comma at a clause's end states a measured result, whatever
    the modal of the clause before it."""
    noun = span.root
    while noun.dep_ in ("nummod", "compound", "amod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.lemma_.lower() not in _RESULT_NOUNS or noun.dep_ not in ("dobj", "appos", "npadvmod"):
        return False
    left = noun.left_edge
    return left.i > 0 and left.doc[left.i - 1].text == ","


# Words in a figure's own noun phrase that make it a possibility: "a possible $60 million
# loss", "the projected 2,000 jobs". An "estimated" figure is a current estimate: actual.
_HEDGES = frozenset(
    ["possible", "potential", "projected", "expected", "anticipated", "likely", "forecast"]
)
_HABIT_ADVERBS = frozenset(
    ["often", "frequently", "usually", "always", "sometimes", "regularly", "routinely"]
)


def _noun_of(span):
    """The noun a figure modifies: "$60 million" in "a possible $60 million loss"."""
    root = span.root
    if root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and root.head.pos_ == "NOUN":
        return root.head
    return None


# A rule's bound ("under a New Hampshire law that allows communities with fewer than 100
# voters", "Under Missouri law, candidates trailing by less than 0.5 percent ... have the
# right to a recount"): the figure sets who qualifies, a requirement, not a count made.
_BOUND_BEFORE = re.compile(r"\b(?:(?:fewer|less)\sthan|at\sleast|no\smore\sthan)\s?$", re.I)
_RULE_NOUNS = frozenset(["law", "rule", "regulation", "statute", "guideline", "bylaw"])
_RULE_GRANTS = frozenset(
    ["qualify", "eligible", "allow", "right", "permission", "entitle", "require", "permit"]
)


def _legal_threshold(span, sentence: Sentence) -> bool:
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start].text
    if not _BOUND_BEFORE.search(before):
        return False
    words = {t.lemma_.lower() for t in doc if sentence.start <= t.idx < sentence.end}
    return bool(words & _RULE_NOUNS) and bool(words & _RULE_GRANTS)


def _hedged(span) -> str | None:
    """ "a possible $60 million loss": a hedge before the figure, a forecast; "a proposed
    $50,000 cap": a plan, a target; "200 possible suspects" hedges the suspects, not the
    count."""
    noun = _noun_of(span)
    words = [*span.root.children, *(noun.children if noun is not None else ())]
    if any(w.dep_ == "amod" and w.lower_ in _HEDGES and w.i < span.start for w in words):
        return "forecast"
    if any(
        w.dep_ == "amod" and w.lower_ in units.PLANNED_MODIFIERS and w.i < span.start for w in words
    ):
        return "target"  # "a proposed $50,000 borrowing cap", "the planned 3,000 job cuts"
    return None


def _level_noun(span):
    """The noun a figure sets the level of, across the words between: "a $15 minimum",
    "the $15 minimum wage", "its 15 percent threshold"."""
    noun = span.root
    while (
        noun.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod")
        and noun.head.pos_ in ("NOUN", "PROPN")
        and noun.head.i > noun.i
    ):
        noun = noun.head
    return noun if noun.i >= span.end and noun.pos_ == "NOUN" else None


def _required_level(span, sentence: Sentence) -> bool:
    """A level someone must reach or seeks is a target, wherever it is stated: a threshold
    or hurdle ("its 15 percent threshold"), or a policy level (a wage, a tax, a cap) that
    is the object of support, a mandate or a demand ("calling on candidates to support
    the $15 minimum wage", "to require a $15 minimum"). Above a speech verb the search
    stops: "said the $7.25 minimum wage is too low" states the level in force."""
    if _raised_to(span):
        return True
    noun = _level_noun(span)
    if noun is None:
        return False
    if noun.lemma_.lower() in units.THRESHOLD_NOUNS or noun.lower_ in units.THRESHOLD_NOUNS:
        return True
    if noun.lemma_.lower() not in units.POLICY_LEVEL_NOUNS:
        return False
    if any(c.lower_ in ("current", "existing", "present") for c in noun.children):
        return False  # "the current federal minimum wage": the level in force
    wanting = units.ADVOCACY_WORDS | units.TARGET_LEMMAS
    below = noun
    for anc in _ancestors(noun, sentence):
        wants = anc.lower_ in wanting or anc.lemma_.lower() in wanting
        if anc.pos_ == "NOUN" and wants and below.dep_ == "prep" and below.lower_ in ("of", "for"):
            return True  # "her embrace of a $15 minimum wage", "support for a $12 minimum"
        below = anc
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        if wants:
            return True
        if _speech_cue(anc):
            return False
    return False


_CHANGE_TO = frozenset(["raise", "raising", "lift", "lifting", "increase", "increasing", "hike"])


def _raised_to(span) -> bool:
    """ "unified on raising the minimum wage to $15", "a bill to raise the cap to 2
    percent": the level a policy is to be changed to, by a change not yet made (a gerund
    or an infinitive, with no "after"/"since" before it), is a target; "Seattle raised its
    minimum wage to $15" and "after raising the wage to $15" report a change made."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "to":
        return False
    verb = prep.head
    if verb.pos_ != "VERB" or (
        verb.lemma_.lower() not in _CHANGE_TO and verb.lower_ not in _CHANGE_TO
    ):
        return False
    gerund = verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children)
    infinitive = verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    if not (gerund or infinitive):
        return False
    if verb.head.lower_ in ("after", "since", "by", "before") or any(
        c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children
    ):
        return False
    level = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (
        level is not None
        and level.lemma_.lower() in units.POLICY_LEVEL_NOUNS
        and not any(c.lower_ in ("current", "existing", "present") for c in level.children)
    )


def _asked_for(span, sentence: Sentence) -> bool:
    """The figure is what a request or proposal asks: "Obama's original $1.9 billion
    request", "a call for a $1.9 billion funding package", "the $1.1 billion proposal";
    the tense of the verb above ("fell short of", "supported") reports the asking, not
    the amount. Only nouns between the figure and the first verb count."""
    noun = _level_noun(span)
    if noun is not None and noun.lemma_.lower() in units.REQUEST_NOUNS:
        return True
    for anc in _ancestors(span.root, sentence):
        if anc.pos_ in ("VERB", "AUX"):
            return False
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in units.REQUEST_NOUNS:
            return any(c.dep_ == "prep" and c.lower_ == "for" for c in anc.children)
    return False


def _describes_people(token) -> bool:
    """ "475 pledged delegates": a participle that describes the people counted, not a
    plan for the number ("1,000 promised jobs" stays a promise)."""
    doc = token.doc
    return (
        token.tag_ in ("VBN", "VBD", "JJ")
        and token.i + 1 < len(doc)
        and is_people(doc[token.i + 1])
    )


def _presupposed(span) -> bool:
    """ "BP's $5.2 billion loss", "the area's 377,000 federal workers": a figure in a
    possessed noun phrase names what is so, whatever is said of it ("may seem hard to
    square with", "projected that 60 percent of")."""
    if _group_size(span):
        return True
    noun = _noun_of(span)
    if noun is None or not any(c.dep_ == "poss" for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    return not (
        lemma in units.TARGET_LEMMAS
        or lemma in units.FORECAST_LEMMAS
        or noun.lower_ in units.TARGET_LEMMAS
        or noun.lower_ in units.FORECAST_LEMMAS
    )


def _group_size(span) -> bool:
    """ "would not deport the entire 11 million-person population", "the union's
    57,000-member base": a definite group's size, written as a hyphenated head, states what
    is so whatever the clause does with the group ("a 40,000-person reserve" may be planned)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in ("-", "–"):
        return False
    head = doc[span.end + 1]
    if head.lower_ not in ("person", "member", "strong"):
        return False
    noun = head.head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
        for c in noun.children
    )


def _past_modal(verb) -> bool:
    """An inference about the past ("must have lost six times", "may have killed 30"):
    what is believed so, no plan or prediction. "could have cost $556,000" imagines."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ in ("must", "may", "might") for c in aux) and any(
        c.lower_ == "have" and c.tag_ == "VB" for c in aux
    )


def _habitual(verb) -> bool:
    aux = [c for c in verb.children if c.dep_ == "aux"]
    return any(c.lower_ == "would" for c in aux) and any(
        c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS for c in verb.children
    )


def _done_before(verb) -> bool:
    """A gerund clause after "after"/"since" tells what was already done."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "advcl"):
        return False
    head = verb.head if verb.dep_ == "pcomp" else None
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "prep")]
    return (head is not None and head.lower_ in ("after", "since")) or bool(
        {"after", "since"} & set(marks)
    )


_FINITE = frozenset(["VBD", "VBZ", "VBP"])


def _finite(verb) -> bool:
    """A verb with its own tense ("work", "had spent", "would hire"): its clause is a
    statement, not the infinitive a plan governs."""
    return verb.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in _FINITE or c.tag_ == "MD")
        for c in verb.children
    )


# Speech-like verbs that plan what they govern ("promised", "asked for", "agreed to pay").
_PLANNING = units.FORECAST_LEMMAS | units.TARGET_LEMMAS | units.REQUIREMENT_VERBS
# Slots through which a figure is a verb's argument, not the speech it introduces:
# "estimated the damage at $4 billion", "would add £150m", "3,346 people have reported".
_ARGUMENTS = frozenset(
    ["nsubj", "nsubjpass", "dobj", "pobj", "prep", "npadvmod", "attr", "dative", "agent"]
)


def _wanted(word, child, span) -> bool:
    """Whether a goal verb on the path makes the figure its goal: only through its
    infinitive or clause ("hoped to reach 10 billion", "wants that figure to reach"),
    or as its own object ("promised 2,000 homes"); "225,178 people have sought
    refuge" and "sought shelter in 30 schools" seek no amount."""
    if word.pos_ != "VERB" or child is None:
        return True
    if word.lemma_.lower() not in units.TARGET_LEMMAS and word.lower_ not in units.TARGET_LEMMAS:
        return True
    if child.dep_ in ("xcomp", "ccomp", "advcl"):
        # "Nearly a quarter has been displaced: 225,178 people have sought refuge": a
        # clause before the colon is no goal of the verb after it
        return not (
            child.i < word.i and any(t.text in (":", ";") for t in word.doc[child.i : word.i])
        )
    if child.dep_ == "prep" and child.lower_ in ("for", "at"):
        return True  # "aiming for $800", "asked Zuckerberg for $1bn"
    sums = [c for c in word.children if c.dep_ == "dobj" and c.lemma_.lower() in units.SOUGHT_SUMS]
    if sums and (child.dep_ == "prep" or child in sums):
        return True  # "seeks damages in excess of $500,000"
    return child.dep_ == "dobj" and (child.i == span.root.i or child.i == span.root.head.i)


def _is_subject_of(token, verb) -> bool:
    """ "3,346 people have reported hiking it": the figure is who speaks, not what is said."""
    return token.head.i == verb.i and token.dep_ in ("nsubj", "nsubjpass")


def _speech_cue(verb) -> bool:
    """A speech verb introducing what is said, not "add £150m to the cost"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if verb.lemma_.lower() in units.ARITHMETIC_VERBS:
        return not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children
        )
    return True


def _plan_participle(token) -> str | None:
    """ "is designed to generate 1.2 gigawatts": target; "is set to open": forecast."""
    if token.lower_ in units.REQUIREMENT_VERBS or token.lemma_.lower() in units.REQUIREMENT_VERBS:
        # "was ordered to pay $33.5 million", "ordered him to pay $25 million"
        for child in token.children:
            if child.dep_ in ("xcomp", "ccomp") and any(
                c.lower_ == "to" or (c.dep_ == "mark" and c.lower_ == "that")
                for c in child.children
            ):
                return "target"  # "ordered him to pay", "ordered that Herman pay $11,741"
        return None
    kind = units.PLAN_PARTICIPLES.get(token.lower_)
    if kind is None or token.tag_ not in ("VBN", "JJ"):
        return None
    # passive or adjectival only: "300 people set off to walk" is no plan
    copula = any(c.dep_ in ("auxpass", "aux", "cop") for c in token.children)
    if not copula and token.dep_ not in ("acl", "amod", "xcomp"):
        return None
    for child in token.children:
        if child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children):
            return kind
    return None


def _bare_present(verb) -> bool:
    """ "its members land £18 million of shellfish a year": a base-form tag on a verb
    with its own subject and no auxiliary is the present tense the tagger missed."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _clause_bounds(sentence: Sentence, pos: int, ctx: _Context) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    span = _span(ctx.doc, sentence.start, sentence.end)
    if span is None:
        return start, end
    for t in span:
        if t.lower_ in _CLAUSE_BREAKS:
            if t.idx < pos:
                start = max(start, t.idx)
            else:
                end = min(end, t.idx)
    return start, end


def _fallback_dates(text: str, start: int, end: int, published: str | None) -> list[DateMention]:
    """Years and "last year" in a clause, for when no DateResolver ran."""
    out = []
    for m in re.finditer(rf"\b(?:{YEAR})\b", text[start:end]):
        out.append(DateMention(m.group(), start + m.start(), start + m.end(), m.group(), "year"))
    year = int(published[:4]) if published and published[:4].isdigit() else None
    for m in re.finditer(r"\b(last|this|next) year\b", text[start:end], re.I):
        value = (
            None
            if year is None
            else str(year + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()])
        )
        out.append(
            DateMention(
                m.group(),
                start + m.start(),
                start + m.end(),
                value,
                "year" if value else None,
                relative=True,
                future=m.group(1).lower() == "next",
            )
        )
    return out


_MAX_DATE_DISTANCE = 80  # characters: further off, a date belongs to another clause


def _amount_between(amount: Amount, date: DateMention, amounts: Sequence[Amount]) -> bool:
    """ "risen to £3.1bn, up from the £2.4bn it gave in March": a date past another
    amount belongs to that one."""
    lo, hi = (amount.end, date.start) if date.start >= amount.end else (date.end, amount.start)
    return any(lo <= a.start and a.end <= hi for a in amounts if a is not amount)


def _period(
    amount: Amount, sentence: Sentence, ctx: _Context
) -> tuple[str | None, DateMention | None]:
    start, end = _clause_bounds(sentence, amount.start, ctx)
    if ctx.dates:
        candidates = [d for d in ctx.dates if start <= d.start and d.end <= end]
    else:
        candidates = _fallback_dates(ctx.text, start, end, ctx.published)
    candidates = [
        d
        for d in candidates
        if not (amount.start <= d.start < amount.end)
        and min(abs(d.start - amount.end), abs(amount.start - d.end)) <= _MAX_DATE_DISTANCE
        and not _amount_between(amount, d, ctx.amounts)
    ]
    if not candidates:
        return None, None
    best = min(candidates, key=lambda d: min(abs(d.start - amount.end), abs(amount.start - d.end)))
    label = best.value or best.text
    before = ctx.text[max(0, best.start - 6) : best.start].lower().split()
    if best.text.lower().startswith("by ") or (before and before[-1] in ("by", "until", "through")):
        label = f"by {label}"
    return label, best
