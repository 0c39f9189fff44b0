"""Who said what: direct and indirect speech with its source, cue and content.

Attributions are found from cue words ("said", "according to", "believe"),
cue nouns with a possessor ("the union's warning that X") and sourceless
passives ("X is expected to Y"), using spaCy's dependency parse for the
forward form ("He said that X") and surface order for the trailing forms
("X, he said", and "X said NAME ROLE" in text whose punctuation was stripped,
where the parse is unreliable). First-person words before "said NAME" in such
text are direct speech that lost its quotation marks.
Quotation marks then widen a content span to the whole quote, join a quote
split around its attribution ("A," he said, "B.") and carry a quote on across
paragraphs. `extract_attributions` returns bare spans for evaluation;
`QuoteExtractor` adds the speaker (see speakers.py) and writes `Quote`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Analysis, Citation, Quote, Span
from .cues import (
    BELIEF_VERBS,
    CLOSE_QUOTES,
    CUE_NOUNS,
    CUE_VERBS,
    FIRST_PERSON,
    GROUP_NOUNS,
    OBJECT_CUES,
    OPEN_QUOTES,
    PASSIVE_CUES,
    PREP_CONTENT_VERBS,
    QUOTE_ONLY_CUES,
    SPEECH_VERBS,
    STANCE_VERBS,
    TRAILING_CUES,
)
from .speakers import Speaker, SpeakerResolver, contiguous

_TRIM = " \t\n,;:\u2014\u2013-"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
# Parts of a subject phrase that are not the source ("Smith, who left, said").
_NOT_SOURCE = ("relcl", "acl", "punct", "ccomp", "advcl")
_QUOTE_RE = re.compile(r"[\u201c\u201d\"\u00ab\u00bb]")


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
    # spaCy tokens of the source phrase and its head, for speaker resolution
    source_head: Any = field(default=None, repr=False, compare=False)
    source_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    # set when the name was found by word order, not by the parse (stripped text)
    name_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    role_tokens: list[Any] = field(default_factory=list, repr=False, compare=False)


# ---------------------------------------------------------------- quotation marks


def find_quote_spans(text: str) -> list[list[Span]]:
    """Quoted passages, marks included; a quote carried across paragraphs is one group.

    An opening mark with no closing mark before the paragraph ends continues into
    the next paragraph when that paragraph opens with a quotation mark.
    """
    groups: list[list[Span]] = []
    current: list[Span] = []
    open_at: int | None = None
    for m in _QUOTE_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if open_at is not None and "\n" in text[open_at:pos]:
            para_end = text.index("\n", open_at)
            nxt = text[para_end:].lstrip()
            if pos == len(text) - len(nxt) and ch in OPEN_QUOTES:
                current.append(Span(open_at, para_end))
                open_at = pos
                continue
            open_at = None
            current = []
        if open_at is None:
            if ch in OPEN_QUOTES:
                open_at = pos
            continue
        if ch in CLOSE_QUOTES and not (ch == '"' and _is_opening_straight(text, pos)):
            current.append(Span(open_at, pos + 1))
            groups.append(current)
            current, open_at = [], None
    return groups


def _is_opening_straight(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return before.isspace() and not after.isspace()


# ---------------------------------------------------------------- spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip padding and joining punctuation, keeping a quote's own marks and final stop."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    # keep "market,”" and "wraps.”" whole when the quote closes right after
    m = re.match(r"[.,!?]?[\u201d\"\u00bb]", text[end : end + 2])
    if m and any(c in OPEN_QUOTES for c in text[start : start + 1]):
        end += m.end()
    return start, end


def _phrase(head: Any) -> list[Any]:
    """The source phrase: the subject's subtree without relative clauses or asides."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in _NOT_SOURCE:
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


def _source_span(head: Any, phrase: list[Any]) -> Span:
    """The whole subject ("Sen. Ted Cruz (R-Texas), also a candidate") as the source span.

    Resolution reads the narrower `phrase`; the span covers the subject's full
    subtree, as PolNeAR annotates it, unless the parse ran past a line break.
    """
    toks = [t for t in head.subtree if not t.is_space]
    if "\n" in head.doc[toks[0].i : toks[-1].i + 1].text:
        toks = phrase
    toks = [t for t in toks if t.i >= phrase[0].i]  # "On Wednesday Huawei": the date stays out
    while len(toks) > 1 and toks[-1].is_punct and toks[-1].text not in ")":
        toks = toks[:-1]
    return Span(toks[0].idx, toks[-1].idx + len(toks[-1]))


def _subject(verb: Any) -> Any | None:
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "X was asked by Y": the source is the agent, if any
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return (
            next((c for c in agent.children if c.dep_ == "pobj"), None)
            if agent is not None
            else None
        )
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    cur = verb
    # "..., saying X" / "guesses X and stresses Y": the subject of the governing verb
    while subj is None and cur.dep_ in ("conj", "advcl", "xcomp") and cur.head != cur:
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in ("nsubj",)), None)
    return subj


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
    if not comps and lemma in PREP_CONTENT_VERBS:
        # "calling for the council to cut fees": parsed as a clause marked by "for"
        comps = [
            c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _marked(c, "for")
        ]
    if not comps and lemma in SPEECH_VERBS:
        comps = _that_clause(verb)
    return comps


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


# ---------------------------------------------------------------- extraction


def extract_attributions(
    text: str, nlp_doc: Any, join_sentences: bool = False
) -> list[Attribution]:
    """Find attributions (source, cue, content spans) in `text`, parsed as `nlp_doc`.

    `join_sentences` gives a trailing attribution the quote that opens the next
    sentence ('"A," she said. "B."') as one content, PARC/PolNeAR's convention;
    the brief keeps B a quote of its own, which reads better when cited.
    """
    found: list[Attribution] = []
    for sent in nlp_doc.sents:
        seg_start = sent.start_char
        for tok in sent:
            # a line break ends a paragraph: content never runs across one
            seg_start = max(seg_start, text.rfind("\n", 0, tok.idx) + 1)
            att = None
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(nlp_doc)
                and nlp_doc[tok.i + 1].lower_ == "to"
            ):
                att = _according_to(text, tok, sent, seg_start)
            elif tok.lemma_.lower() in CUE_VERBS and tok.pos_ == "VERB":
                att = _verb_attribution(text, tok, sent, seg_start)
            elif tok.text == ":":
                att = _name_colon(text, tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS:
                att = _noun_attribution(text, tok)
            if att is None:
                continue
            found.append(att)
            ends = [s.end for s in att.content]
            if att.source is not None and ends and max(ends) <= att.source.start:
                # a trailing attribution closes its stretch of text ("X he said Y she added")
                seg_start = max(seg_start, _extent_end(att))
    found.extend(_signed_posts(text, found))
    found = _attach_quotes(text, nlp_doc, found, join_sentences)
    # "he continued" is speech only next to a quote ("he continued to campaign" is not)
    return [a for a in found if a.direct or a.cue_lemma not in QUOTE_ONLY_CUES]


# "... text of the post — Jane Roe (@janeroe) July 5, 2016"
_SIGNED = re.compile(r"(?P<dash>\u2014) (?P<name>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}) \(@\w+\)")


def _signed_posts(text: str, found: list[Attribution]) -> list[Attribution]:
    """Embedded social posts signed with a dash and a handle."""
    out = []
    taken = {a.cue.start for a in found}
    for m in _SIGNED.finditer(text):
        start = max(text.rfind("\n", 0, m.start()), text.rfind(">", 0, m.start())) + 1
        cs, ce = _trim(text, start, m.start())
        if m.start("dash") in taken or len(text[cs:ce].split()) < 2:
            continue
        out.append(
            Attribution(
                cue=Span(m.start("dash"), m.end("dash")),
                content=[Span(cs, ce)],
                source=Span(m.start("name"), m.end("name")),
                cue_text="\u2014",
                direct=True,
            )
        )
    return out


def _extent_end(att: Attribution) -> int:
    end = att.cue.end
    if att.source is not None:
        end = max(end, att.source.end)
    if att.source_tokens:
        end = max(end, att.source_tokens[-1].idx + len(att.source_tokens[-1]))
    return end


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


def _surface_source(verb: Any, sent: Any, seg_start: int) -> list[Any]:
    """A name right after the cue ("said David He") or right before it ("Chang said")."""
    doc = verb.doc
    if verb.lemma_.lower() not in TRAILING_CUES:
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
        and len(doc.text[seg_start : verb.idx].split()) >= 2
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


def _verb_attribution(text: str, verb: Any, sent: Any, seg_start: int) -> Attribution | None:
    objects = OBJECT_CUES.get(verb.lemma_.lower())
    if objects is not None and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children
    ):
        return None
    subj = _subject(verb)
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
        source = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
    else:
        source = _source_span(subj, source_toks) if source_toks else None
    content: tuple[int, int] | None = None
    clausal = not comps or any(c.dep_ in ("ccomp", "xcomp") for c in comps)
    after = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    colon = next((t for t in doc[verb.i + 1 : min(sent.end, verb.i + 6)] if t.text == ":"), None)
    if (
        colon is not None
        and not comps
        and all(t.pos_ not in ("VERB", "AUX") for t in doc[verb.i + 1 : colon.i])
    ):
        after = colon  # "told the crowd: X"
    if after is not None and (
        after.text == ":"
        or (after.text == "," and after.i + 1 < len(doc) and doc[after.i + 1].text in OPEN_QUOTES)
    ):
        # "He said: X" -- everything after the colon (a quote widens it later)
        content = (after.idx + 1, sent.end_char)
    elif subj is not None and subj.i > verb.i and (subj.head == verb or surface):
        # inverted: "X, said Smith" / stripped "X said David He the company's president"
        if verb.lemma_.lower() in TRAILING_CUES or comps:
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
        if right and not left:
            lo = min(t.i for c in right for t in c.subtree)
            hi = max(t.i for c in right for t in c.subtree)
            content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
        elif left or (
            verb.lemma_.lower() in TRAILING_CUES
            and (
                _nothing_after(verb, sent)
                or (source is not None and _quote_closes_before(text, source.start))
            )
        ):
            content = (seg_start, source.start if source else cue.start)
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
        elif patient is not None and right and subj is None:
            # "X is expected to win": X and the infinitive; "we are told that Y": Y alone
            ccomp = [c for c in right if c.dep_ == "ccomp"]
            lo = min(t.i for t in (ccomp[0].subtree if ccomp else patient.subtree))
            hi = max(t.i for c in right for t in c.subtree)
            if "\n" not in doc[lo : hi + 1].text:
                content, passive = (doc[lo].idx, doc[hi].idx + len(doc[hi])), True
    if content is None:
        return None
    content = _clip(text, content, cue)
    start, end = _trim(text, *content)
    one_name = len(comps) == 1 and comps[0].pos_ == "PROPN" and comps[0].idx == start
    if end - start < 2 or (len(text[start:end].split()) < 2 and not one_name):
        return None
    return Attribution(
        cue=cue,
        content=[Span(start, end)],
        source=source,
        cue_text=cue_text,
        source_head=subj,
        source_tokens=source_toks,
        name_tokens=surface,
        role_tokens=role_toks,
        cue_lemma=verb.lemma_.lower(),
        clausal=clausal and not passive,  # a sourceless expectation is no one's speech
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
    source_toks = _phrase(poss) if poss is not None else []
    if poss is not None and poss.lower_ in ("its", "their", "his", "her", "my", "our", "your"):
        source_toks = [poss]
    source = None
    if source_toks:
        last = source_toks[-1]
        if last.text in ("'s", "\u2019s", "'", "\u2019") and len(source_toks) > 1:
            source_toks = source_toks[:-1]
            last = source_toks[-1]
        source = Span(source_toks[0].idx, last.idx + len(last))
    return Attribution(
        cue=Span(noun.idx, noun.idx + len(noun)),
        content=[Span(start, end)],
        source=source,
        cue_text=noun.text,
        source_head=poss,
        source_tokens=source_toks,
        cue_lemma=noun.lemma_.lower(),
        clausal=clause is not None,
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


def _name_colon(text: str, colon: Any) -> Attribution | None:
    """'Kasich: "We are going all the way"' -- a name, a colon, then what they said."""
    doc = colon.doc
    run = _name_run(doc, colon.i - 1, -1, 5)
    para_start = text.rfind("\n", 0, colon.idx) + 1
    head = text[para_start : colon.idx].split()
    label = head[0].lower().removesuffix("'s").removesuffix("\u2019s") if head else ""
    if not run and 0 < len(head) <= 3 and label not in _LABELS and head[0][:1].isupper():
        # a headline's "Poll: ..." / "Clinton camp: ...": the words before the colon are the source
        span = doc.char_span(para_start, colon.idx, alignment_mode="expand")
        run = [t for t in span if not t.is_space] if span is not None else []
        if not run or not run[0].text[:1].isupper():
            return None
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


def _quote_closes_before(text: str, pos: int) -> bool:
    """True when a quotation closes right before `pos` ('"We will win," Ann Roe, 52, told ...')."""
    before = text[:pos].rstrip()
    return (
        bool(before) and before[-1] in CLOSE_QUOTES and before[-2:-1] in (",", "?", "!", ".", "—")
    )


def _nothing_after(verb: Any, sent: Any) -> bool:
    """True when the cue ends its clause ("..., he added." / "... he later added")."""
    for tok in verb.doc[verb.i + 1 : sent.end]:
        if tok.is_punct or tok.dep_ in (
            "advmod",
            "npadvmod",
            "prep",
            "pobj",
            "det",
            "amod",
            "compound",
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
    if source_toks[0].lower_ in GROUP_NOUNS and not (nxt is not None and nxt.dep_ == "prep"):
        # "according to analysts Huawei has ..." (no stops); "analysts at Fenwick" stays whole
        source_toks = source_toks[:1]
        pobj = source_toks[0]
    source = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
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


def _attach_quotes(
    text: str, nlp_doc: Any, found: list[Attribution], join_sentences: bool = False
) -> list[Attribution]:
    """Widen contents to whole quotes, join split quotes, attribute quotes after a colon."""
    for group in find_quote_spans(text):
        first, last = group[0], group[-1]
        owner = None
        for att in found:
            if first.start <= att.cue.start < last.end:
                continue  # speech reported inside the quote does not own it
            if any(s.start < last.end and first.start < s.end for s in att.content):
                owner = att
                break
        if owner is None:
            words = sum(len(text[q.start : q.end].split()) for q in group)
            if words < 4 and text[last.end - 2 : last.end - 1] not in ",?!":
                continue  # a title or a scare quote, not speech
            owner = _owner_nearby(text, found, first, join_sentences)
            if owner is None:
                owner = _cue_after_quote(nlp_doc, last) or _colon_intro(text, nlp_doc, first)
                if owner is None:
                    continue
                found.append(owner)
            else:
                owner.content.append(Span(first.start, first.end))
        # widen the overlapping content to cover every part of the quote
        merged: list[Span] = []
        for s in owner.content:
            for q in group:
                if (s.start < q.end and q.start < s.end) or s.start == q.start:
                    s = Span(min(s.start, q.start), max(s.end, q.end))
            merged.append(s)
        for q in group:
            if not any(m.start <= q.start and q.end <= m.end for m in merged):
                merged.append(q)
        owner.content = _dedupe(merged)
        # direct when the quote is the content, not a phrase quoted inside reported speech
        quoted = sum(q.end - q.start for q in group)
        owner.direct = owner.direct or quoted >= 0.6 * sum(s.end - s.start for s in owner.content)
    # speech reported inside a quote is part of the quoted speaker's words
    inside = [(q.start, q.end) for g in find_quote_spans(text) for q in g]
    found = [a for a in found if not any(s < a.cue.start and a.cue.end < e for s, e in inside)]
    found.sort(key=lambda a: a.cue.start)
    return found


def _owner_nearby(
    text: str, found: list[Attribution], quote: Span, join_sentences: bool = False
) -> Attribution | None:
    """The attribution whose cue sits just before a quote: '"A," he said, "B."'.

    With `join_sentences`, a trailing attribution also owns a quote opening the
    next sentence of the paragraph ('"A," she said. "B."').
    """
    for att in found:
        end = _extent_end(att)
        gap = text[end : quote.start]
        trailing = (
            join_sentences
            and bool(att.content)
            and max(c.end for c in att.content) <= att.cue.start
        )
        allowed = " ,." if trailing else " ,"
        if end <= quote.start and len(gap) <= 3 and not gap.strip(allowed) and "\n" not in gap:
            return att
        # the quote ends right before its attribution: '"A," she said, "B."' parsed as "she said B"
        begin = min(att.cue.start, att.source.start if att.source else att.cue.start)
        gap = text[quote.end : begin]
        if quote.end <= begin and len(gap) <= 3 and not gap.strip(" ,") and "\n" not in gap:
            return att
    return None


def _cue_after_quote(nlp_doc: Any, quote: Span) -> Attribution | None:
    """'"X," she said' when the parse missed it: a name or pronoun and a cue right after the quote."""
    span = nlp_doc.char_span(
        quote.end, min(len(nlp_doc.text), quote.end + 60), alignment_mode="expand"
    )
    if span is None:
        return None
    toks = [t for t in span if not t.is_space and t.text not in (",",)][:5]
    for k, tok in enumerate(toks[:4]):
        if tok.lemma_.lower() in CUE_VERBS and tok.pos_ in ("VERB", "AUX"):
            src = toks[:k] if k else _name_run(nlp_doc, tok.i + 1, 1, 4)
            if not src or src[0].is_punct or not all(t.pos_ in ("PRON", "PROPN") for t in src):
                return None
            cue, cue_text = _cue_span(tok)
            return Attribution(
                cue=cue,
                content=[Span(quote.start, quote.end)],
                source=Span(src[0].idx, src[-1].idx + len(src[-1])),
                cue_text=cue_text,
                cue_lemma=tok.lemma_.lower(),
                direct=True,
                source_head=src[-1],
                source_tokens=src,
            )
    return None


def _colon_intro(text: str, nlp_doc: Any, quote: Span) -> Attribution | None:
    """'Huawei released the following statement:' followed by a quote."""
    before = text[: quote.start].rstrip()
    if not before.endswith(":"):
        return None
    span = nlp_doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None:
        return None
    colon = span[0]
    verbs = [
        t for t in colon.sent if t.i < colon.i and t.pos_ == "VERB" and _subject(t) is not None
    ]
    if not verbs:
        return None
    root = verbs[0]
    subj = _subject(root)
    if subj is None or subj.lower_ in FIRST_PERSON:
        return None
    source_toks = _phrase(subj)
    cue, cue_text = _cue_span(root)
    return Attribution(
        cue=cue,
        content=[Span(quote.start, quote.end)],
        source=Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1])),
        cue_text=cue_text,
        direct=True,
        source_head=subj,
        source_tokens=source_toks,
    )


def _dedupe(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


# ---------------------------------------------------------------- component


def _display(text: str, spans: list[Span]) -> str:
    parts = []
    for s in spans:
        part, prev = text[s.start : s.end].strip(), None
        while part != prev:
            prev = part
            part = part.strip('\u201c\u201d"\u00ab\u00bb').strip().rstrip(",").strip()
            if part.startswith("that "):
                part = part[5:]  # "said that X" reads as "X"
        if len(_QUOTE_RE.findall(part)) == 1:
            part = _QUOTE_RE.sub(
                "", part
            )  # 'that "apparently ...': a mark left unpaired by the trim
        parts.append(part.strip())
    return " ".join(p for p in parts if p)


def _title(name: str) -> str:
    return name.title() if name.isupper() else name


class QuoteExtractor:
    """Analysis component: fills `analysis.quotes` with attributed speech."""

    name = "quotes"
    requires: tuple[str, ...] = ("entities",)
    provides: tuple[str, ...] = ("quotes",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        quotes: list[Quote] = []
        for turn in doc.turns:
            s, e = _trim(doc.text, turn.start, turn.end)
            quotes.append(
                Quote(
                    text=_display(doc.text, [Span(s, e)]),
                    direct=True,
                    speaker=_title(turn.speaker),
                    speaker_kind="person",
                    role=turn.role,
                    organisation=turn.organisation,
                    cue="speaker label",
                    citations=[Citation(doc.id, s, e)],
                    content_spans=[Span(s, e)],
                )
            )
        if analysis.nlp is None:
            analysis.quotes = quotes
            return analysis
        resolver = SpeakerResolver(analysis.nlp, analysis.entities)
        in_turn = [(t.start, t.end) for t in doc.turns]
        for att in extract_attributions(doc.text, analysis.nlp):
            if any(a <= att.cue.start < b for a, b in in_turn):
                continue  # speech reported inside someone's turn belongs to that turn
            if not att.direct and (not att.clausal or att.cue_lemma in STANCE_VERBS - SPEECH_VERBS):
                continue  # "backed", "wants": a stance, not speech
            if (
                att.cue_text == ":"
                and not att.direct
                and not att.name_tokens
                and not any(
                    t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in att.source_tokens
                )
            ):
                continue  # "Poll: ..." headlines: a label, not a speaker
            if att.source_head is not None and att.source_head.lower_ in FIRST_PERSON:
                continue  # "I think" inside a quote: already the quoted speaker's words
            if not att.direct and not _is_speech(analysis.nlp, att.content[0]):
                continue
            if att.name_tokens and any(t.ent_type_ == "PERSON" for t in att.name_tokens):
                speaker = resolver.resolve_name(att.name_tokens, att.role_tokens)
            elif att.source_head is not None:
                speaker = resolver.resolve(att.source_head, att.source_tokens)
            else:
                speaker = Speaker(None, "unknown")
            quotes.append(
                Quote(
                    text=_display(doc.text, att.content),
                    direct=att.direct or _stripped_direct(doc.text, att),
                    speaker=speaker.name,
                    speaker_kind=speaker.kind,
                    role=speaker.role,
                    organisation=speaker.organisation,
                    cue=att.cue_text.lower(),
                    citations=[Citation(doc.id, s.start, s.end) for s in att.content],
                    content_spans=list(att.content),
                    source_span=att.source,
                    cue_span=att.cue,
                )
            )
        _backfill(quotes, resolver)
        analysis.quotes = quotes
        return analysis


def _is_speech(nlp_doc: Any, span: Span) -> bool:
    """Reported content is a clause or a noun phrase, not a bare infinitive or verb phrase.

    "asked the regulator to review the decision": "to review ..." is a request's
    object, not speech; "a figure the company says is fixed": "is fixed" is a fragment.
    """
    part = nlp_doc.char_span(span.start, span.end, alignment_mode="expand")
    if part is None or not len(part):
        return False
    first = part[0]
    if first.lower_ == "to" and first.tag_ == "TO":
        return False
    if first.tag_ in ("WDT", "WP"):
        return False  # "which Veltrix says will cost": a relative clause, not the words said
    return not (first.pos_ in ("AUX", "VERB") and first.tag_ in ("VBZ", "VBP", "VBD", "MD"))


def _stripped_direct(text: str, att: Attribution) -> bool:
    """First-person words before "said NAME" with no quotation marks: direct speech whose marks were stripped."""
    if not att.name_tokens or att.source is None or not att.content:
        return False
    content = text[att.content[0].start : att.content[-1].end]
    if _QUOTE_RE.search(content) or att.content[-1].end > att.source.start:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", content)}
    return bool(words & FIRST_PERSON)


def _backfill(quotes: list[Quote], resolver: SpeakerResolver) -> None:
    """Give every quote of a person the role and organisation learned anywhere in the document."""
    for q in quotes:
        if q.speaker_kind != "person" or q.speaker is None:
            continue
        full = resolver.canonical(q.speaker)
        if full and q.cue != "speaker label":
            q.speaker = full
        person = resolver.person(q.speaker)
        if person is not None:
            q.role = q.role or person.role
            q.organisation = q.organisation or person.organisation
