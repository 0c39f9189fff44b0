"""Attribution cues found in the parse: who (source), how (cue), what (content).

One finder per form: a speech or belief verb with its subject and clausal
complement ("He said that X"), the trailing forms read by surface order
("X, he said", "X said NAME ROLE" in punctuation-stripped text), cue nouns
with a possessor ("the union's warning that X"), "according to X", and
"NAME: ..." speaker labels. The word lists are data in cues.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..marks import CLOSE_QUOTES, OPEN_QUOTES
from ..model import Span
from .cues import (
    BELIEF_VERBS,
    COPULAS,
    CUE_VERBS,
    GROUP_NOUNS,
    HEARING_BODIES,
    OBJECT_CUES,
    PASSIVE_CUES,
    PREDICATE_SPEECH_NOUNS,
    PREDICATING_CUES,
    PREP_CONTENT_VERBS,
    RECEIVING_VERBS,
    REPORT_NOUNS,
    RETORT_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TRAILING_CUES,
    VIEW_NOUNS,
)
from .nlp import doc_text
from .quotemarks import _quote_closes_before, _trim
from .speakers import contiguous

_SUBJ = ("nsubj", "nsubjpass", "csubj")

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})

# Parts of a subject phrase that are not the source ("Smith, who left, said").
_NOT_SOURCE = ("relcl", "acl", "punct", "ccomp", "advcl")


@dataclass(slots=True)
class Attribution:
    """One attribution as spans into the text: who (source), how (cue), what (content)."""

    cue: Span
    content: list[Span]
    source: Span | None = None
    cue_text: str = ""
    direct: bool = False
    cue_lemma: str = ""
    # False when the content is only a noun phrase ("announced plans"): a stance, not speech
    clausal: bool = True
    # found by a verb outside the cue lists (`attribution._clausal_cue`): belief or stance
    # as often as speech, so the brief keeps it only as a direct quote
    broad: bool = False
    # spaCy tokens of the source phrase and its head, for speaker resolution
    source_head: Any = field(default=None, repr=False, compare=False)
    source_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    # set when the name was found by word order, not by the parse (stripped text)
    name_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    role_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    # "called the claims 'baseless'": an object and its predicate, a judgement said aloud
    predicate: bool = False


def _phrase(head: Any) -> list[Any]:
    """The source phrase: the subject's subtree without relative clauses or asides."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in _NOT_SOURCE and not _word_hyphen(child):
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop and not t.is_space]
    # "On Wednesday Huawei said": a date is not part of the source
    while toks and toks[0].ent_type_ in ("DATE", "TIME") and toks[0].i < head.i:
        toks = toks[1:]
    # keep the contiguous run around the head, without trailing punctuation
    run = contiguous(toks, head)
    while run[-1].i > head.i and run[-1].is_punct:
        run.pop()
    return run


def _word_hyphen(tok: Any) -> bool:
    """A hyphen inside a word ("fact-checker", "three-quarters"), not a dash between phrases."""
    return (
        tok.text in ("-", "\u2011")
        and not tok.whitespace_
        and tok.i > 0
        and not tok.doc[tok.i - 1].whitespace_
    )


_AGE = re.compile(r"\d+-year-old$")


def _source_span(head: Any, phrase: list[Any]) -> Span:
    """The whole subject ("Sen. Ted Cruz (R-Texas), also a candidate") as the source span.

    Resolution reads the narrower `phrase`; the span covers the subject's full
    subtree, as PolNeAR annotates it, unless the parse ran past a line break.
    """
    toks = [t for t in head.subtree if not t.is_space]
    if "\n" in head.doc[toks[0].i : toks[-1].i + 1].text:
        toks = phrase
    doc = head.doc
    # "On Wednesday Huawei": a leading date stays out; "81-year-old Ann Roe": an age stays in
    lo = toks[0].i
    while lo < head.i and (doc[lo].ent_type_ in ("DATE", "TIME") or doc[lo].is_punct):
        lo += 1
    age = next((i for i in range(max(0, lo - 5), lo) if _AGE.match(doc[i:lo].text)), None)
    if age is not None and doc[age].i >= toks[0].i:
        lo = age
    toks = [t for t in toks if t.i >= lo]
    hi = _trailing_aside(doc, head, toks[-1].i)
    lo, hi = _tidy_source(doc, toks[0].i, hi, head)
    return Span(doc[lo].idx, doc[hi].idx + len(doc[hi]))


def _trailing_aside(doc: Any, head: Any, hi: int) -> int:
    """The subject's last token before a participle phrase set off by a comma that ends
    it ("The poll, released on Monday by Pew,", "Trump, surrounded by his children,"):
    PolNeAR's sources stop before it. Relative clauses and prepositional asides stay
    ("Roe, who lives in Ohio,"): PolNeAR keeps them more often than not (trimming them
    lowered Source F1 on both train halves); `hi` when there is none."""
    for tok in doc[head.i + 1 : hi + 1]:
        if tok.dep_ != "acl" or tok.head.i < head.i:
            continue
        first = tok.left_edge.i
        if first <= head.i + 1 or doc[first - 1].text != ",":
            continue
        if all(t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1 : hi + 1]):
            return first - 2
    return hi


# Words at the edge of a subject that are not the source ("Obama himself", "they both").
_SOURCE_EDGE_WORDS = frozenset(
    {"himself", "herself", "themselves", "itself", "both", "all", "alone", "too", "also", "there"}
)
_WIRE = re.compile(r"\b(?:Reuters|AP|AFP|UPI|Bloomberg)\b|\b[A-Z]{3,}\b")


def _tidy_source(doc: Any, lo: int, hi: int, head: Any) -> tuple[int, int]:
    """Trim a source span's edges to the noun phrase PolNeAR annotates: no dateline
    ("WASHINGTON (Reuters) - "), no leading adverbial ("All of a sudden, voters"), no
    trailing intensifier, date or punctuation ("Obama himself", "the report on Wednesday")."""
    # a dateline before a dash
    for k in range(hi, lo - 1, -1):
        if doc[k].text in ("-", "\u2014", "\u2013") and doc[k].whitespace_ and k < head.i:
            if _WIRE.search(doc[lo:k].text):
                lo = k + 1
            break
    # an adverbial before a comma, or leading adverbs
    while lo < head.i and doc[lo].is_punct and doc[lo].text != "(":
        lo += 1
    while hi > max(lo, head.i):
        tok = doc[hi]
        if (tok.is_punct and tok.text != ")") or tok.lower_ in _SOURCE_EDGE_WORDS:
            hi -= 1
        else:
            break
    return lo, max(lo, hi)


def _noun_phrase_span(name: list[Any], toks: list[Any], verb: Any) -> Span:
    """The source span of a name found by word order: the whole noun phrase the parse
    gives it ("Rep. Ann Roe (D-Va.)", "Fox News' Ann Roe", "Ann Roe, a senator from Ohio who
    ..."), as PolNeAR annotates sources, kept to its side of the verb and its paragraph.
    Resolution reads the name and role tokens, not this span."""
    doc = verb.doc
    lo, hi = toks[0].i, toks[-1].i
    top = name[-1]
    while top.dep_ in ("compound", "flat") and top.head.i != top.i:
        top = top.head
    sub = list(top.subtree)
    if name[0].i >= sub[0].i and name[-1].i <= sub[-1].i:
        if top.i < verb.i:
            sub = [t for t in sub if t.i < verb.i]
        else:
            sub = [t for t in sub if t.i > verb.i and t.i < verb.sent.end]
        ids = {t.i for t in sub}
        while lo - 1 in ids and not doc[lo - 1].is_space:
            lo -= 1
        while hi + 1 in ids and not doc[hi + 1].is_space:
            hi += 1
    lo, hi = _tidy_source(doc, lo, hi, name[-1])
    return Span(doc[lo].idx, doc[hi].idx + len(doc[hi]))


def _subject(verb: Any) -> Any | None:
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "X was asked by Y": the source is the agent, if any
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return (
            next((c for c in agent.children if c.dep_ == "pobj"), None)
            if agent is not None
            else None
        )
    subjs = [c for c in verb.children if c.dep_ in _SUBJ]
    # two subjects before the verb are a misparse ("12:15 p.m.: Obama says", "frontrunner
    # Hillary Clinton is calling"): the one next to the verb is the source
    before = [c for c in subjs if c.i < verb.i]
    subj = before[-1] if len(before) > 1 else next(iter(subjs), None)
    if (
        subj is not None
        and subj.i < verb.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text in CLOSE_QUOTES
        and (_trailing(verb) or verb.lemma_.lower() in SPEECH_VERBS)
    ):
        # '"Most of them," replied anchor Ann Roe': a word inside the quote parsed as
        # the subject; the speaker named after the cue is
        subj = _inverted_subject(verb) or subj
    cur = verb
    # "..., saying X" / "guesses X and stresses Y": the subject of the governing verb
    while subj is None and cur.head != cur:
        if cur.dep_ in ("conj", "advcl", "xcomp", "acomp"):
            cur = cur.head
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head != cur.head:
            cur = cur.head.head  # "by saying X", "after warning that X"
        else:
            break
        subj = next((c for c in cur.children if c.dep_ in ("nsubj",)), None)
    if (
        subj is None
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in ("NOUN", "PROPN")
    ):
        subj = verb.head  # "a sign saying X", "voters saying that X"
    if subj is None and verb.dep_ == "ROOT":
        subj = _fronted_subject(verb)
        if subj is None and (_trailing(verb) or verb.lemma_.lower() in SPEECH_VERBS):
            subj = _inverted_subject(verb)
    if subj is None:
        # "Six in 10 say ...": a poll share parsed as a number modifying the verb
        subj = next(
            (
                c
                for c in verb.children
                if c.i < verb.i and c.dep_ in ("nummod", "npadvmod") and c.pos_ == "NUM"
            ),
            None,
        )
    return subj


def _fronted_subject(verb: Any) -> Any | None:
    """ "Ann Roe, who runs the club, said X" / "Roe, without naming him, accused X": the
    parse hung the name on the aside and left the verb without a subject; the noun
    phrase that opens the sentence, set off by a comma, is its subject."""
    doc = verb.doc
    sent = verb.sent
    toks = [t for t in doc[sent.start : verb.i] if not t.is_space]
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma == 0 or comma > 6 or toks[-1].text != ",":
        return None
    head = toks[:comma]
    if any(
        t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or t.ent_type_ in ("DATE", "TIME") for t in head
    ):
        return None
    if head[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return head[-1]


def _inverted_subject(verb: Any) -> Any | None:
    """'"X," added a South Carolina Democrat.': the speaker after a trailing cue, parsed as
    its object."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in (",", *CLOSE_QUOTES):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    nxt = obj.right_edge.i + 1
    if obj.pos_ == "NOUN" and nxt < len(doc) and doc[nxt].ent_type_ == "PERSON":
        # '"X," replied anchor Ann Roe.': the title parsed as the object, the name after it
        while nxt + 1 < len(doc) and doc[nxt + 1].ent_type_ == "PERSON":
            nxt += 1
        obj, nxt = doc[nxt], nxt + 1
    if nxt < len(doc) and doc[nxt].text not in (".", ",", ";", "\n") and not doc[nxt].is_space:
        return None
    return obj


def retort(verb: Any) -> bool:
    """ "fired back", "shot back": a reply, though the verb alone is no cue."""
    return verb.lemma_.lower() in RETORT_VERBS and any(
        c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in verb.children
    )


def _trailing(verb: Any) -> bool:
    """A cue that can follow what was said ('"X," she said'; '"X," he fired back')."""
    return verb.lemma_.lower() in TRAILING_CUES or retort(verb)


# Their direct object is the listener, not what was said ("told the Post").
_ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "inform", "advise", "assure", "urge", "thank", "congratulate"}
)


def _content_children(verb: Any) -> list[Any]:
    lemma = verb.lemma_.lower()
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps and lemma == "ask":
        # "asked whether the plan was fair"
        comps = [
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.children)
        ]
    if not comps and lemma not in BELIEF_VERBS:
        comps = [c for c in verb.children if c.dep_ == "xcomp"]
        if comps and lemma not in ("tell", "ask", "inform"):
            # "urged voters to stay home": the one told to act belongs to the content
            x = comps[0]
            objs = [
                c
                for c in verb.children
                if verb.i < c.i < x.i
                and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on"))
            ]
            comps = objs + comps
    if not comps and lemma not in _ADDRESSEE_VERBS:
        deps = ("dobj", "oprd", "prep") if lemma in PREP_CONTENT_VERBS else ("dobj", "oprd")
        comps = [c for c in verb.children if c.dep_ in deps and c.i > verb.i]
        if lemma in PREP_CONTENT_VERBS:
            comps = [
                c for c in comps if c.dep_ != "prep" or c.lower_ in ("to", "about", "for", "on")
            ]
            # "voted for Trump": the content is the object of the preposition
            comps = [
                next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "prep" else c
                for c in comps
            ]
            # "spoke on Monday": a date is when, not what
            comps = [c for c in comps if c.ent_type_ not in ("DATE", "TIME")]
    if not comps and lemma in PREP_CONTENT_VERBS:
        # "calling for the council to cut fees": parsed as a clause marked by "for"
        comps = [
            c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _marked(c, "for")
        ]
    if not comps and lemma in SPEECH_VERBS:
        comps = _that_clause(verb)
    if not comps:
        # "warned of a recession", "agreed with the plan": the object of a content
        # preposition right after the verb is what was said or held
        for c in verb.children:
            if c.dep_ != "prep" or c.i < verb.i or c.lower_ not in _CONTENT_PREPS:
                continue
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
                comps = [obj]
                break
    return comps


# Prepositions whose object is what a cue verb reports or holds ("warned of", "agreed
# with", "spoke against"); chosen on PolNeAR train.
_CONTENT_PREPS = frozenset({"of", "about", "for", "with", "on", "against", "over", "to"})


def _object_tail(verb: Any, hi: int) -> int:
    """An object's complement belongs to the content: "criticized Rubio for not answering",
    "described the piece as a return to ..."; a time or place phrase does not."""
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= hi or c.dep_ not in ("prep", "advcl", "xcomp", "oprd"):
            continue
        if c.i != hi + 1 and not (c.i == hi + 2 and verb.doc[hi + 1].text == ","):
            break
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            break
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "after", "before"):
            break
        hi = max(t.i for t in c.subtree)
    return hi


def _quoted_label(doc: Any, hi: int, sent: Any) -> int:
    """'declaring it "another super Tuesday"', 'calling him "a disgrace"': a pronoun object
    followed by a quotation is labelled by it (the parse often drops the quote), so the
    content runs to the quote's close."""
    if doc[hi].pos_ != "PRON" or hi + 1 >= sent.end or doc[hi + 1].text not in OPEN_QUOTES:
        return hi
    close = next((t.i for t in doc[hi + 2 : sent.end] if t.text in CLOSE_QUOTES), None)
    return hi if close is None or close <= hi + 2 else close


def _clause_after(verb: Any, sent: Any) -> tuple[int, int] | None:
    """ "after Trump told the Post he was not ready": the parse made the reported clause the
    verb's governor; the clause is still the subject and verb right after the addressee."""
    doc = verb.doc
    i = verb.i + 1
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    if obj is not None:
        i = obj.right_edge.i + 1
    if i < sent.end and doc[i].lower_ == "that":
        i += 1
    if i >= sent.end or doc[i].dep_ not in ("nsubj", "nsubjpass") or doc[i].head.i <= i:
        return None
    clause = doc[i].head
    if verb not in list(clause.subtree):
        return None  # only the inverted parse: the reported clause governs the cue
    hi = max(t.i for t in clause.subtree if t.i >= i)
    hi = min(hi, sent.end - 1)
    while hi > i and doc[hi].is_punct and doc[hi].text not in ("\u201d", '"'):
        hi -= 1
    if hi - i < 2:
        return None
    return doc[i].idx, doc[hi].idx + len(doc[hi])


def _marked(clause: Any, word: str) -> bool:
    """True when a clause opens with the marker `word` ("that", "for")."""
    return any(m.dep_ == "mark" and m.lower_ == word for m in clause.children)


def _that_clause(verb: Any) -> list[Any]:
    """ "said in a statement that X" / "said Tuesday that X": the parse hangs the clause elsewhere."""
    for tok in verb.doc[verb.i + 1 : verb.sent.end]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > tok.i:
            clause = tok.head
            if any(a == verb for a in clause.ancestors) and all(
                t.pos_ not in ("VERB", "AUX") for t in verb.doc[verb.i + 1 : tok.i]
            ):
                return [clause]
        if tok.text in (".", ";", ":") or tok.text in OPEN_QUOTES:
            break
    return []


def _cue_span(verb: Any) -> tuple[Span, str]:
    doc = verb.doc
    start = verb.i
    while (
        start > 0
        and doc[start - 1].dep_ in ("aux", "auxpass", "neg")
        and doc[start - 1].head == verb
    ):
        start -= 1
    span = doc[start : verb.i + 1]
    return Span(span.start_char, span.end_char), span.text


def _name_run(doc: Any, start: int, step: int, limit: int) -> list[Any]:
    """Capitalised name tokens from `start` going `step` (+1 right, -1 left)."""
    run: list[Any] = []
    i = start
    while 0 <= i < len(doc) and len(run) < limit:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.text[:1].isupper()):
            run.append(tok)
            i += step
        else:
            break
    return sorted(run, key=lambda t: t.i)


def _appositive_subject(verb: Any, sent: Any) -> Any | None:
    """ "At Boca West, where ..., Jay Roe, the club's president, suggested that ...": the
    parse hung the name on the phrase before it and left the verb with no subject; the
    person named right before the verb (a role in commas at most between) is its subject."""
    doc = verb.doc
    i = verb.i - 1
    while i > sent.start and doc[i].pos_ == "ADV":
        i -= 1
    if i <= sent.start or doc[i].text != ",":
        return None
    for j in range(i - 1, max(sent.start, i - 16) - 1, -1):
        tok = doc[j]
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":") or tok.is_space:
            return None
        if tok.ent_type_ == "PERSON" and (j + 1 >= i or doc[j + 1].ent_type_ != "PERSON"):
            return tok
    return None


def _surface_source(verb: Any, sent: Any, seg_start: int) -> list[Any]:
    """A name right after the cue ("said David He") or right before it ("Chang said")."""
    doc = verb.doc
    if not _trailing(verb):
        return []
    after = _name_run(doc, verb.i + 1, 1, 4) if verb.i + 1 < sent.end else []
    nxt = doc[after[-1].i + 1] if after and after[-1].i + 1 < len(doc) else None
    parsed = _subject(verb)
    if (
        after
        and any(t.ent_type_ == "PERSON" for t in after)
        and (nxt is None or nxt.pos_ not in ("VERB", "AUX"))
        and (
            parsed is None
            or parsed.i > verb.i
            or nxt is None
            or nxt.lower_ in (",", ".", ";", "the", "a", "an")
            or "\n" in nxt.text_with_ws
        )
        and len(doc_text(doc)[seg_start : verb.idx].split()) >= 2
    ):
        return after
    i = verb.i - 1
    while i >= sent.start and doc[i].pos_ == "ADV":
        i -= 1
    before = _name_run(doc, i, -1, 4) if i >= sent.start else []
    if before and _nothing_after(verb, sent):
        return before
    return []


def _role_tail(doc: Any, after: int, sent: Any) -> list[Any]:
    """Surface role phrase after a name: "the company's president of X", "an analyst with firm Gartner"."""
    toks: list[Any] = []
    i = after
    if i < sent.end and doc[i].text == ",":
        i += 1
    if i >= sent.end or doc[i].lower_ not in ("the", "a", "an"):
        return []
    seen_prep = False
    while i < sent.end:
        tok = doc[i]
        if tok.is_space or tok.text in (".", ",", ";", ":") or "\n" in tok.text:
            break
        if (
            tok.text[:1].isupper()
            and toks
            and toks[-1].is_lower
            and toks[-1].lower_ not in _ORG_LEAD
        ):
            if not (seen_prep and toks[-1].lower_ in _ORG_DESCRIPTORS):
                break
            while i < sent.end and doc[i].text[:1].isupper() and doc[i].is_alpha:
                toks.append(doc[i])
                i += 1
            break
        seen_prep = seen_prep or tok.lower_ in ("with", "at", "of", "for")
        toks.append(tok)
        i += 1
    return toks


_ORG_LEAD = frozenset({"with", "at", "of", "for", "from", "the"})

_ORG_DESCRIPTORS = frozenset({"firm", "company", "consultancy", "agency", "bank", "house"})


# "X seems to Y", "X appears to Y": the writer's inference, with no source; the subject
# and what it seems to do are the content (PolNeAR's annotation).
_RAISING_CUES = frozenset({"seem", "appear"})


def _raising_attribution(text: str, verb: Any) -> Attribution | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    comp = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") and c.i > verb.i
        ),
        None,
    )
    if comp is None:
        return None
    parts: list[Span] = []
    if subj is not None and subj.lower_ not in ("it", "there"):
        toks = [t for t in subj.subtree if not t.is_space]
        parts.append(Span(*_trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))))
    toks = [t for t in comp.subtree if not t.is_space]
    parts.append(Span(*_trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))))
    if any("\n" in text[p.start : p.end] or p.end <= p.start for p in parts):
        return None
    if sum(len(text[p.start : p.end].split()) for p in parts) < 3:
        return None
    cue, cue_text = _cue_span(verb)
    return Attribution(
        cue=cue,
        content=parts,
        cue_text=cue_text,
        cue_lemma=verb.lemma_.lower(),
        clausal=False,
    )


def _verb_attribution(
    text: str, verb: Any, sent: Any, seg_start: int, trails: bool = False
) -> Attribution | None:
    """The attribution of a cue verb. `trails`: a quotation sentence stands right before
    this one ('"Why?" Roe questioned.'), so any cue that ends its clause reports it."""
    objects = OBJECT_CUES.get(verb.lemma_.lower())
    if objects is not None and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children
    ):
        return None
    if verb.lemma_.lower() in _RAISING_CUES:
        return _raising_attribution(text, verb)
    if verb.lemma_.lower() in ("hear", "tell"):
        heard = _hearing_attribution(text, verb)
        if heard is not None:
            return heard
    subj = _subject(verb)
    if subj is None and not any(c.dep_ == "auxpass" for c in verb.children):
        subj = _appositive_subject(verb, sent)
    comps = _content_children(verb)
    cue, cue_text = _cue_span(verb)
    doc = verb.doc
    surface = _surface_source(verb, sent, seg_start)
    role_toks: list[Any] = []
    if surface:
        subj = surface[-1]
        role_toks = _role_tail(doc, surface[-1].i + 1, sent) if subj.i > verb.i else []
        comps = [c for c in comps if c.i < verb.i]
    if not surface and subj is not None and subj.i < verb.i:
        # '"... Sen. John McCain," Trump said': the word right before the cue is its subject
        i = verb.i - 1
        while i > sent.start and doc[i].dep_ in ("advmod", "aux", "neg") and doc[i].head == verb:
            i -= 1
        near = doc[i]
        if near != subj and near.i > subj.i and near.lower_ in _SUBJECT_PRONOUNS:
            subj = near
        elif near != subj and near.i > subj.i and near.pos_ == "PROPN" and subj.i < near.i - 1:
            between = doc[subj.i + 1 : near.i]
            if any(t.text in CLOSE_QUOTES for t in between):
                subj = near
    source_toks = (surface + role_toks) if surface else (_phrase(subj) if subj is not None else [])
    source: Span | None
    if surface:
        source = _noun_phrase_span(surface, source_toks, verb)
    else:
        source = _source_span(subj, source_toks) if source_toks else None
        if source is not None and subj is not None and verb in subj.subtree:
            # "a sign saying X": the source is the noun phrase without the cue's clause
            inner = {t.i for t in verb.subtree}
            run = contiguous([t for t in subj.subtree if t.i not in inner and not t.is_space], subj)
            while len(run) > 1 and run[-1].is_punct:
                run.pop()
            source = Span(run[0].idx, run[-1].idx + len(run[-1]))
    content: tuple[int, int] | None = None
    block: tuple[int, int] | None = None  # the paragraph after "said:" (its own paragraph)
    second: Span | None = None  # a passive's predicate, after the cue ("as Z")
    clausal = not comps or any(c.dep_ in ("ccomp", "xcomp") for c in comps)
    after = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    colon = next(
        (
            t
            for t in doc[verb.i + 1 : min(sent.end, verb.i + 6)]
            if t.text == ":"
            or (t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].text in OPEN_QUOTES)
        ),
        None,
    )
    if (
        colon is not None
        and (not comps or all(c.dep_ == "dobj" and c.i < colon.i for c in comps))
        and (colon.text == ":" or verb.lemma_.lower() in _ADDRESSEE_VERBS)
        and all(t.pos_ not in ("VERB", "AUX") for t in doc[verb.i + 1 : colon.i])
    ):
        after = colon  # "told the crowd: X", 'telling reporters, "X"'
    if after is not None and (
        after.text == ":"
        or (after.text == "," and after.i + 1 < len(doc) and doc[after.i + 1].text in OPEN_QUOTES)
    ):
        # "He said: X" -- everything after the colon (a quote widens it later)
        content = (after.idx + 1, sent.end_char)
        if not text[after.idx + 1 : sent.end_char].strip():
            content = block = _block_after(text, after.idx + 1)
    elif subj is not None and subj.i > verb.i and (subj.head == verb or surface):
        # inverted: "X, said Smith" / stripped "X said David He the company's president"
        right = [c for c in comps if c.i > subj.i and c.dep_ == "ccomp"]
        if right and len(text[seg_start : cue.start].split()) <= 1:
            # 'But, said Solovey, "X."': the tag opens its clause, so X follows it
            lo = min(t.i for c in right for t in c.subtree)
            hi = max(t.i for c in right for t in c.subtree)
            content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
        elif _trailing(verb) or comps:
            content = (seg_start, cue.start)
    elif subj is not None and subj.i > verb.i:
        # "Asked if X, Devine said ...": the subject belongs to the governing verb
        right = [c for c in comps if c.i > verb.i and c.i < subj.i]
        if right:
            lo = min(t.i for c in right for t in c.subtree)
            hi = max(t.i for c in right for t in c.subtree)
            content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
    elif subj is not None:
        left = [c for c in comps if c.i < subj.i]
        right = [c for c in comps if c.i > verb.i]
        # '"Perpetual motion!" Rep. X said of the swirl': after a quotation sentence, what
        # "said of" names is the topic; the quotation is what was said
        topic = trails and bool(right) and all(c.dep_ in ("pobj", "pcomp") for c in right)
        if topic:
            right = []
        if right and not left:
            lo = min(t.i for c in right for t in c.subtree)
            hi = max(t.i for c in right for t in c.subtree)
            if all(c.dep_ in ("dobj", "oprd") for c in right):
                hi = _quoted_label(doc, _object_tail(verb, hi), sent)
            content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
        elif (
            left
            or topic
            or (
                (_trailing(verb) or trails)
                and (
                    _nothing_after(verb, sent)
                    or (source is not None and _quote_closes_before(text, source.start))
                )
            )
        ):
            content = (seg_start, source.start if source else cue.start)
    if (
        content is None
        and subj is not None
        and subj.i < verb.i
        and verb.lemma_.lower() in SPEECH_VERBS
    ):
        content = _clause_after(verb, sent)
    passive = False
    agent = subj is not None and subj.head.dep_ == "agent"
    if (
        content is None
        and (subj is None or agent)
        and verb.lemma_.lower() in PASSIVE_CUES | SPEECH_VERBS
    ):
        # "Trump is expected to win": no source; the content is the subject and the complement
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "ccomp")]
        if patient is not None and not right and agent and patient.i < verb.i:
            # "the move was first reported by MSNBC": the patient is what was reported
            lo, hi = min(t.i for t in patient.subtree), patient.i
            content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
            pred = _passive_predicate(verb)
            if pred is not None:
                # "X was described by Y as Z": X and "as Z" (the judgement said of X)
                hi = max(t.i for t in patient.subtree)
                content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
                second = Span(*_trim(text, pred[0].idx, pred[-1].idx + len(pred[-1])))
        elif patient is not None and right and subj is None:
            # "X is expected to win": X and the infinitive; "we are told that Y": Y alone
            ccomp = [c for c in right if c.dep_ == "ccomp"]
            lo = min(t.i for t in (ccomp[0].subtree if ccomp else patient.subtree))
            hi = max(t.i for c in right for t in c.subtree)
            if "\n" not in doc[lo : hi + 1].text:
                content, passive = (doc[lo].idx, doc[hi].idx + len(doc[hi])), True
    if content is None:
        return None
    if content != block:
        content = _clip(text, content, cue)
    start, end = _trim(text, *content)
    one_name = len(comps) == 1 and comps[0].pos_ == "PROPN" and comps[0].idx == start
    if end - start < 2 or (len(text[start:end].split()) < 2 and not one_name):
        return None
    return Attribution(
        cue=cue,
        content=[Span(start, end)] + ([second] if second is not None else []),
        source=source,
        cue_text=cue_text,
        source_head=subj,
        source_tokens=source_toks,
        name_tokens=surface,
        role_tokens=role_toks,
        cue_lemma=verb.lemma_.lower(),
        clausal=clausal and not passive,  # a sourceless expectation is no one's speech
        predicate=_predicating(verb, text[start:end]),
        # "a report stating X": a thing's message, kept for evaluation, not shown as speech;
        # so is a paragraph after "said:" (on the quote gold it added a wrong speaker and
        # no right one; cues4 in BENCHMARKS.md)
        broad=(subj is not None and verb.dep_ == "acl" and subj == verb.head)
        or (block is not None and content == block),
    )


def _block_after(text: str, at: int) -> tuple[int, int] | None:
    """The paragraph after an introduction that ends its own paragraph with a colon
    ("In a statement, the company said:" then the statement, with no quotation marks)."""
    gap = re.match(r"\s*", text[at : at + 8])
    if gap is None or "\n" not in gap.group() or at + gap.end() >= len(text):
        return None
    start = at + gap.end()
    end = text.find("\n", start)
    return (start, len(text) if end < 0 else end)


def _predicating(verb: Any, content: str) -> bool:
    """A predicating cue with an object and a predicate: "called X 'unproven'",
    "described X as Y" (a small clause about X, not only a noun object)."""
    if verb.lemma_.lower() not in PREDICATING_CUES:
        return False
    if _passive_predicate(verb) is not None:
        return True
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ in ("oprd", "xcomp", "acomp") for c in verb.children) or bool(
        re.search(r"\bas\b", content)
    )


def _passive_predicate(verb: Any) -> list[Any] | None:
    """The "as Z" of a passive predicating cue ("was described by Y as Z", "was
    described as Z by Y"): its tokens, or None."""
    if verb.lemma_.lower() not in PREDICATING_CUES or not any(
        c.dep_ == "nsubjpass" for c in verb.children
    ):
        return None
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None or as_.i < verb.i:
        return None
    toks = list(as_.subtree)
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks if len(toks) > 1 else None


def _hearing_attribution(text: str, verb: Any) -> Attribution | None:
    """ "The inquest heard (that) X", "The court was told (that) X": the body that heard
    the evidence is the source shown, the clause is the content. "heard from the
    pathologist that X" is left to the general finder (the pathologist spoke)."""
    lemma = verb.lemma_.lower()
    dep = "nsubj" if lemma == "hear" else "nsubjpass"
    body = next((c for c in verb.children if c.dep_ == dep), None)
    if body is None or body.lemma_.lower() not in HEARING_BODIES or body.i > verb.i:
        return None
    if lemma == "hear" and any(c.dep_ in ("prep", "agent") for c in verb.children):
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is None:
        return None
    doc = verb.doc
    # "was told Mrs Roe was fit": the clause's subject parsed as the verb's object
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    lo = min(t.i for t in (obj.subtree if obj is not None else comp.subtree))
    lo = min(lo, min(t.i for t in comp.subtree))
    if doc[lo].lower_ == "that":
        lo += 1
    hi = max(t.i for t in comp.subtree)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    start, end = _trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
    if "\n" in text[start:end] or len(text[start:end].split()) < 3:
        return None
    phrase = _phrase(body)
    cue, cue_text = _cue_span(verb)
    return Attribution(
        cue=cue,
        content=[Span(start, end)],
        source=_source_span(body, phrase),
        cue_text=cue_text,
        source_head=body,
        source_tokens=phrase,
        cue_lemma=lemma,
    )


_NOUN_CONTENT_PREPS = ("to", "of", "for", "against", "on", "about")


def _noun_attribution(text: str, noun: Any) -> Attribution | None:
    """ "the union's warning that X", "Smith's support for X", "her refusal to X": a noun as cue.

    The source is the possessor (or "from/by X"); without one only a that-clause
    counts ("claims that X"), as a bare noun is too often no attribution at all.
    """
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None
        )
        poss = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and _marked(c, "that")),
        None,
    )
    comp = clause
    if comp is None:
        comp = next(
            (
                c
                for c in noun.children
                if c.dep_ == "acl" and any(m.tag_ == "TO" for m in c.children)
            ),
            None,
        )
    if comp is None and poss is not None:
        preps = [
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS and c.i > noun.i
        ]
        prep = preps[0] if preps else None
        comp = (
            next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        )
    if comp is None or (poss is None and clause is None):
        return None
    toks = list(comp.subtree)
    start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    if end <= start or "\n" in text[start:end]:
        return None
    return _possessed_cue(noun, Span(start, end), poss, clausal=clause is not None)


_POSSESSIVES = frozenset({"its", "their", "his", "her", "my", "our", "your"})


def _possessed_cue(
    noun: Any, content: Span, poss: Any, *, clausal: bool, broad: bool = False
) -> Attribution:
    """A noun cue's attribution, its source the possessor (or agent) `poss`: a pronoun
    alone, else its phrase. The source span keeps the possessive mark ("Turkey's"), as
    PolNeAR annotates it; the tokens resolution reads drop it."""
    source_toks: list[Any] = []
    if poss is not None:
        source_toks = [poss] if poss.lower_ in _POSSESSIVES else _phrase(poss)
    source = None
    if source_toks:
        src_end = source_toks[-1].idx + len(source_toks[-1])
        if source_toks[-1].text in ("'s", "\u2019s", "'", "\u2019") and len(source_toks) > 1:
            source_toks = source_toks[:-1]
        source = Span(source_toks[0].idx, src_end)
    return Attribution(
        cue=Span(noun.idx, noun.idx + len(noun)),
        content=[content],
        source=source,
        cue_text=noun.text,
        source_head=poss,
        source_tokens=source_toks,
        cue_lemma=noun.lemma_.lower(),
        clausal=clausal,
        broad=broad,
    )


# Paragraph labels that end in a colon but name no source ("Update: ...", "Editor's note: ...").
_LABELS = frozenset(
    [
        "update",
        "updated",
        "note",
        "editor",
        "editors",
        "correction",
        "related",
        "photo",
        "video",
        "watch",
        "read",
        "source",
        "sources",
        "disclosure",
        "question",
        "answer",
        "q",
        "a",
        "warning",
        "example",
        "background",
    ]
)


# Words after the speaker's name in a title ("Roe on Taxes: ...", "Roe To Voters: ...").
_TITLE_PREPS = frozenset({"on", "to", "about", "at", "in", "after", "for"})


def _name_colon(text: str, colon: Any) -> Attribution | None:
    """'Kasich: "We are going all the way"' -- a name, a colon, then what they said."""
    doc = colon.doc
    run = _name_run(doc, colon.i - 1, -1, 5)
    para_start = text.rfind("\n", 0, colon.idx) + 1
    head = text[para_start : colon.idx].split()
    label = head[0].lower().removesuffix("'s").removesuffix("\u2019s") if head else ""
    if para_start == 0 and len(head) > 3 and label not in _LABELS:
        # a title "Ann Roe on the Budget: ..." / "Roe To Voters: ...": the name that opens it
        span = doc.char_span(0, colon.idx, alignment_mode="expand")
        toks = [t for t in span if not t.is_space] if span is not None else []
        lead = []  # title case: every word is capitalised, so read capitals, not tags
        for t in toks[:5]:
            if not t.text[:1].isupper() or t.lower_ in _TITLE_PREPS:
                break
            lead.append(t)
        nxt = doc[lead[-1].i + 1] if lead and lead[-1].i + 1 < colon.i else None
        if nxt is not None and nxt.lower_ in _TITLE_PREPS:
            run = lead
    if not run and 0 < len(head) <= 3 and label not in _LABELS and head[0][:1].isupper():
        # a headline's "Poll: ..." / "Clinton camp: ...": the words before the colon are the source
        span = doc.char_span(para_start, colon.idx, alignment_mode="expand")
        run = [t for t in span if not t.is_space] if span is not None else []
        if not run or not run[0].text[:1].isupper():
            return None
        if run[0].pos_ == "ADP" and len(run) > 1:
            run = run[1:]  # "From the report:": the report speaks
    if not run:
        return None
    para_start = text.rfind("\n", 0, run[0].idx) + 1
    starts_para = not text[para_start : run[0].idx].strip()
    if not starts_para and not any(t.ent_type_ in ("PERSON", "ORG") for t in run):
        return None
    nxt = doc[colon.i + 1] if colon.i + 1 < len(doc) else None
    if nxt is None or not (starts_para or nxt.text in OPEN_QUOTES):
        return None
    end = text.find("\n", colon.idx)
    start, stop = _trim(text, colon.idx + 1, len(text) if end == -1 else end)
    if len(text[start:stop].split()) < 2:
        return None
    return Attribution(
        cue=Span(colon.idx, colon.idx + 1),
        content=[Span(start, stop)],
        source=Span(run[0].idx, run[-1].idx + len(run[-1])),
        cue_text=":",
        source_head=run[-1],
        source_tokens=run,
    )


def _clip(text: str, content: tuple[int, int], cue: Span) -> tuple[int, int]:
    """Keep content within the paragraph of its cue."""
    start, end = content
    if start >= cue.end:
        nl = text.find("\n", cue.end, end)
        if nl != -1:
            end = nl
    return start, end


def _nothing_after(verb: Any, sent: Any) -> bool:
    """True when the cue ends its clause ("..., he added." / "... he later added")."""
    for tok in verb.doc[verb.i + 1 : sent.end]:
        if (
            tok.is_space
            or tok.is_punct
            or tok.dep_
            in (
                "advmod",
                "npadvmod",
                "prep",
                "pobj",
                "det",
                "amod",
                "compound",
            )
        ):
            if tok.dep_ == "prep" and tok.head != verb:
                return False
            continue
        return False
    return True


def _according_to(text: str, tok: Any, sent: Any, seg_start: int) -> Attribution | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source_toks = _phrase(pobj)
    source_toks = [t for t in source_toks if t.i > to.i]
    if not source_toks:
        return None
    nxt = doc[source_toks[0].i + 1] if source_toks[0].i + 1 < len(doc) else None
    cut = source_toks[0].lower_ in GROUP_NOUNS and not (nxt is not None and nxt.dep_ == "prep")
    if cut:
        # "according to analysts Huawei has ..." (no stops); "analysts at Fenwick" stays whole
        source_toks = source_toks[:1]
        pobj = source_toks[0]
    source = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
    if not cut:
        # the whole phrase ("a senior official who spoke on condition of anonymity"),
        # as PolNeAR annotates it, unless it is a bare group noun cut from the clause
        wide = [t for t in pobj.subtree if t.i > to.i and not t.is_space]
        wide_span = _source_span(pobj, wide)
        if "\n" not in text[wide_span.start : wide_span.end]:
            source = Span(source.start, max(source.end, wide_span.end))
    cue = Span(tok.idx, to.idx + len(to))
    if tok.idx - seg_start > 3 and len(text[seg_start : tok.idx].split()) >= 2:
        content = (seg_start, tok.idx)
    else:
        content = _clip(text, (source.end, sent.end_char), cue)
    start, end = _trim(text, *content)
    if len(text[start:end].split()) < 2:
        return None
    return Attribution(
        cue=cue,
        content=[Span(start, end)],
        source=source,
        cue_text="according to",
        source_head=pobj,
        source_tokens=source_toks,
    )


_ADJ_CONTENT_PREPS = frozenset(
    {"of", "about", "on", "with", "to", "in", "over", "toward", "towards"}
)

_NO_SOURCE = frozenset({"it", "this", "that", "there", "what", "which"})


def _adjective_attribution(text: str, adj: Any, sent: Any) -> Attribution | None:
    """ "X is critical of Y", "X was confident that Y", "X is eager to Y": a stance adjective
    after a copula attributes its complement to the subject (PolNeAR annotates these)."""
    if adj.dep_ != "acomp" or adj.head.lemma_.lower() not in COPULAS:
        return None
    cop = adj.head
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _NO_SOURCE or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    comp = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None)
    if comp is None:
        comp = next((c for c in cop.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    cue_end = adj
    if comp is None:
        prep = next(
            (c for c in adj.children if c.dep_ == "prep" and c.lower_ in _ADJ_CONTENT_PREPS),
            None,
        )
        comp = (
            next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
        )
        if comp is not None and comp.ent_type_ in ("DATE", "TIME"):
            comp = None  # "impressed on Tuesday": when, not what
        cue_end = prep if comp is not None else adj
    if comp is None:
        return None
    toks = list(comp.subtree)
    start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    if len(text[start:end].split()) < 2 and comp.pos_ != "PROPN":
        return None
    if "\n" in text[start:end]:
        return None
    first = min([cop.i] + [c.i for c in cop.children if c.dep_ in ("aux", "neg") and c.i < adj.i])
    first = max(first, subj.i + 1)
    doc = adj.doc
    source_toks = _phrase(subj)
    if not source_toks:
        return None
    return Attribution(
        cue=Span(doc[first].idx, cue_end.idx + len(cue_end)),
        content=[Span(start, end)],
        source=_source_span(subj, source_toks),
        cue_text=doc[first : cue_end.i + 1].text,
        cue_lemma=adj.lemma_.lower(),
        clausal=comp.dep_ == "ccomp",
        broad=True,
        source_head=subj,
        source_tokens=source_toks,
    )


def _in_document(text: str, prep: Any, sent: Any, seg_start: int) -> Attribution | None:
    """ "In a CNN poll, X leads by 10 points" / "X leads, in Forbes' words, ...": a document
    (or someone's words) named after "in" is the source of the clause it modifies. When
    the clause has its own cue verb ("in a statement, she said"), that verb is the cue."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    if pobj is None or pobj.lemma_.lower() not in REPORT_NOUNS or pobj.tag_ not in ("NN", "NNS"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in CUE_VERBS:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return None  # "was mentioned in a report": an event, not the report's claim
    if not any(c.dep_ in ("nsubj", "expl") for c in head.children):
        return None
    inner = {t.i for t in prep.subtree}
    toks = [t for t in head.subtree if t.i not in inner and sent.start <= t.i < sent.end]
    toks = [t for t in toks if t.idx >= seg_start and not t.is_space]
    parts: list[Span] = []
    run: list[Any] = []
    for t in [*toks, None]:
        if run and (t is None or t.i != run[-1].i + 1):
            s, e = _trim(text, run[0].idx, run[-1].idx + len(run[-1]))
            if e > s and any(ch.isalnum() for ch in text[s:e]):
                parts.append(Span(s, e))
            run = []
        if t is not None:
            run.append(t)
    if sum(len(text[p.start : p.end].split()) for p in parts) < 3:
        return None
    if any("\n" in text[p.start : p.end] for p in parts):
        return None
    poss = next((c for c in pobj.children if c.dep_ == "poss"), None)
    src_head = poss if poss is not None else pobj
    source_toks = [
        t for t in (_phrase(poss) if poss is not None else _phrase(pobj)) if t.i > prep.i
    ]
    if not source_toks:
        return None
    last = source_toks[-1]
    if poss is not None and last.text in ("'s", "\u2019s", "'", "\u2019") and len(source_toks) > 1:
        source_toks = source_toks[:-1]
        last = source_toks[-1]
    return Attribution(
        cue=Span(prep.idx, prep.idx + len(prep)),
        content=parts,
        source=Span(source_toks[0].idx, last.idx + len(last)),
        cue_text=prep.text,
        cue_lemma="in",
        broad=True,
        source_head=src_head,
        source_tokens=source_toks,
    )


def _light_verb_attribution(text: str, verb: Any, sent: Any) -> Attribution | None:
    """ "X made the case that Y", "X issued a warning that Y", "X made it clear that Y":
    a light verb and a speech noun together are the cue; the that-clause is the content."""
    have = verb.lemma_.lower() == "have"
    nouns = VIEW_NOUNS if have else SPEECH_NOUNS
    noun = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "ccomp", "oprd") and c.lemma_.lower() in nouns
        ),
        None,
    )
    if noun is None:
        return None
    if have:
        return _view_attribution(text, verb, noun)
    clause = None
    for holder in (noun, verb):
        clause = next(
            (
                c
                for c in holder.children
                if c.dep_ in ("acl", "ccomp", "advcl", "relcl")
                and c.i > noun.i
                and _marked(c, "that")
            ),
            None,
        )
        if clause is not None:
            break
    if clause is None:
        return None
    subj = _subject(verb)
    if subj is None or subj.lower_ in ("it", "this", "there"):
        return None
    return _verb_noun_cue(text, verb, noun, noun, clause, subj, min_words=3)


def _verb_noun_cue(
    text: str,
    verb: Any,
    noun: Any,
    cue_end: Any,
    comp: Any,
    subj: Any,
    min_words: int = 1,
    clausal: bool = True,
) -> Attribution | None:
    """The attribution of a verb and noun cue ("made the case that X", "had a favorable
    opinion of X"): the cue runs from the verb to `cue_end`, the content is `comp`'s
    phrase within its paragraph, the source is the verb's subject."""
    toks = [t for t in comp.subtree if not t.is_space]
    start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    if end <= start or len(text[start:end].split()) < min_words or "\n" in text[start:end]:
        return None
    source_toks = _phrase(subj)
    cue_start, _ = _cue_span(verb)
    return Attribution(
        cue=Span(cue_start.start, cue_end.idx + len(cue_end)),
        content=[Span(start, end)],
        source=_source_span(subj, source_toks),
        cue_text=text[cue_start.start : cue_end.idx + len(cue_end)],
        cue_lemma=noun.lemma_.lower(),
        clausal=clausal,
        broad=True,
        source_head=subj,
        source_tokens=source_toks,
    )


def _view_attribution(text: str, verb: Any, noun: Any) -> Attribution | None:
    """ "Voters had a favorable opinion of the governor": the view's object is the content."""
    prep = next(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _ADJ_CONTENT_PREPS), None
    )
    comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    if comp is None:
        comp = next(
            (c for c in noun.children if c.dep_ in ("acl", "ccomp") and _marked(c, "that")), None
        )
    subj = _subject(verb)
    if (
        comp is None
        or subj is None
        or subj.lower_ in _NO_SOURCE
        or comp.ent_type_ in ("DATE", "TIME")
    ):
        return None
    cue_end = prep if prep is not None and comp.head == prep else noun
    return _verb_noun_cue(text, verb, noun, cue_end, comp, subj, clausal=False)


def _predicate_attribution(text: str, cop: Any) -> Attribution | None:
    """ "His catch phrase was that X", "One view is that X": a speech noun as subject of
    "be" with a that-clause; the noun's possessor, if any, is the source."""
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in PREDICATE_SPEECH_NOUNS:
        return None
    clause = next(
        (c for c in cop.children if c.dep_ == "ccomp" and c.i > cop.i and _marked(c, "that")), None
    )
    if clause is None:
        return None
    toks = [t for t in clause.subtree if not t.is_space]
    start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    if len(text[start:end].split()) < 3 or "\n" in text[start:end]:
        return None
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    source = None
    source_toks: list[Any] = []
    if poss is not None:
        source_toks = [t for t in poss.subtree if not t.is_space]
        source = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
    first = subj.left_edge if poss is None else _after_phrase(poss)
    cue_toks = [t for t in subj.doc[first.i : cop.i + 1] if not t.is_space]
    return Attribution(
        cue=Span(cue_toks[0].idx, cop.idx + len(cop)),
        content=[Span(start, end)],
        source=source,
        cue_text=text[cue_toks[0].idx : cop.idx + len(cop)],
        cue_lemma=subj.lemma_.lower(),
        broad=True,
        source_head=poss,
        source_tokens=source_toks,
    )


def _after_phrase(tok: Any) -> Any:
    """The token after `tok`'s phrase (its right edge)."""
    nxt = tok.right_edge.i + 1
    return tok.doc[min(nxt, len(tok.doc) - 1)]


# Prepositions whose object a noun cue can report ("criticism of X", "his case against X").
_NOUN_PROPOSED_PREPS = ("of", "about", "on", "against", "for", "over", "to", "with")


def noun_candidate(text: str, noun: Any) -> Attribution | None:
    """Any noun with something it could report, for the learned noun cue finder
    (cue_model.py) to judge: "the claim that X", "his argument for X", "voiced criticism
    of X". The content is the noun's that-clause, to-clause or prepositional object; the
    source its possessor, its "by/from" agent, or the subject of the verb it is the object
    of (then the cue runs from that verb to the noun). Most candidates are no attribution:
    the model decides, not this builder."""
    if noun.pos_ != "NOUN":
        return None
    kids = list(noun.children)
    clause = next(
        (
            c
            for c in kids
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and _marked(c, "that")
        ),
        None,
    )
    comp = clause
    if comp is None:
        comp = next(
            (
                c
                for c in kids
                if c.dep_ == "acl" and c.i > noun.i and any(m.tag_ == "TO" for m in c.children)
            ),
            None,
        )
    if comp is None:
        prep = next(
            (
                c
                for c in kids
                if c.dep_ == "prep" and c.i > noun.i and c.lower_ in _NOUN_PROPOSED_PREPS
            ),
            None,
        )
        if prep is not None:
            comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if comp is None:
        return None
    toks = [t for t in comp.subtree if not t.is_space]
    start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    if end <= start or "\n" in text[start:end]:
        return None
    poss = next((c for c in kids if c.dep_ == "poss"), None)
    if poss is None:
        agent = next(
            (c for c in kids if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")), None
        )
        poss = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if poss is not None and poss.i > comp.i:
            poss = None
    verb = noun.head
    if (
        poss is None
        and noun.dep_ in ("dobj", "attr")
        and verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() not in RECEIVING_VERBS
    ):
        subj = _subject(verb)
        if subj is not None and subj.lower_ not in _NO_SOURCE and verb.i < noun.i:
            att = _verb_noun_cue(text, verb, noun, noun, comp, subj, clausal=clause is not None)
            if att is not None and att.source is not None and att.source.end <= att.cue.start:
                return att
    return _possessed_cue(noun, Span(start, end), poss, clausal=clause is not None, broad=True)
