"""Attributions of a text: cue finders joined with its quotations.

`extract_attributions` runs the cue finders (cue_finders.py), then
quotation marks widen a content span to the whole quote, join a quote split
around its attribution ("A," he said, "B.") and carry a quote on across
sentences and paragraphs; a quotation with no cue of its own takes the cue
right after it or a colon introduction before it. Returns bare spans, for
evaluation (bench/polnear.py) and for the quotes component.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..model import Span
from .cue_finders import (
    Attribution,
    _according_to,
    _adjective_attribution,
    _cue_span,
    _in_document,
    _light_verb_attribution,
    _name_colon,
    _name_run,
    _nothing_after,
    _noun_attribution,
    _phrase,
    _predicate_attribution,
    _source_span,
    _subject,
    _verb_attribution,
    retort,
)
from .cue_model import Models, keeps_nested, learned_attributions
from .cues import (
    CUE_NOUNS,
    CUE_VERBS,
    FIRST_PERSON,
    HEARING_BODIES,
    LIGHT_VERBS,
    PERSONAL_PRONOUNS,
    QUOTE_ONLY_CUES,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TRAILING_CUES,
)
from .nlp import doc_text
from .quotemarks import _dedupe, _trim, find_quote_spans
from .speakers import contiguous


def extract_attributions(
    text: str,
    nlp_doc: Any,
    join_sentences: bool = False,
    nested: bool = True,
    models: Models | None = None,
    learned: bool = True,
) -> list[Attribution]:
    """Find attributions (source, cue, content spans) in `text`, parsed as `nlp_doc`.

    `join_sentences` gives a trailing attribution the quote that opens the next
    sentence ('"A," she said. "B."') as one content, PARC/PolNeAR's convention;
    the brief keeps B a quote of its own, which reads better when cited.
    `nested=False` drops an attribution whose cue lies inside another's content
    ('she told the paper that he thought X'): PolNeAR mostly annotates only the
    outer one (chosen on PolNeAR train).
    `learned` adds the cues of the learned cue finder (cue_model.py; `models`, or the
    shipped ones when None) to those of the hand-written finders, and with `nested=False`
    lets the learned nesting model keep an inner attribution.
    """
    found = listed_cues(text, nlp_doc)
    if learned:
        found.extend(learned_attributions(text, nlp_doc, found, models))
    found.extend(_signed_posts(text, found))
    _cut_at_according_to(text, found)
    _split_coordinated(text, nlp_doc, found)
    found = _attach_quotes(text, nlp_doc, found, join_sentences)
    # "he continued" is speech only next to a quote ("he continued to campaign" is not)
    found = [a for a in found if a.direct or a.cue_lemma not in QUOTE_ONLY_CUES]
    if not nested:
        # the nesting model (cue_model.keeps_nested) keeps some inner ones PolNeAR annotates
        quoted = [(s.start, s.end) for g in find_quote_spans(text) for s in g]
        nest = models if learned else {}
        found = [
            a
            for a in found
            if not any(
                _nests(a, b) and not keeps_nested(text, a, b, quoted, nest)
                for b in found
                if b is not a
            )
        ]
    return found


def listed_cues(text: str, nlp_doc: Any) -> list[Attribution]:
    """The attributions of the hand-written finders, before quotes are attached."""
    found: list[Attribution] = []
    prev = None
    for sent in nlp_doc.sents:
        seg_start = sent.start_char
        quote_start = _quote_sentence_before(text, prev, sent)
        prev = sent
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
            elif (
                tok.lemma_.lower() in CUE_VERBS or tok.lemma_.lower() == "put" or retort(tok)
            ) and (tok.pos_ == "VERB"):
                att = _as_clause(text, tok, sent, seg_start)
                if (
                    att is None
                    and quote_start is not None
                    and _said_of(tok)
                    and tok.i - sent.start <= MAX_TRAILING_CUE_TOKENS
                ):
                    # '"Perpetual motion!" Rep. X said of the swirl.': the quotation before
                    # is what was said, "of the swirl" what it was about
                    att = _verb_attribution(text, tok, sent, quote_start, trails=True)
                if att is None and (tok.lemma_.lower() in CUE_VERBS or retort(tok)):
                    att = _parenthetical(text, tok, sent, seg_start) or _verb_attribution(
                        text, tok, sent, seg_start
                    )
                    if (
                        att is None
                        and quote_start is not None
                        and (
                            tok.lemma_.lower() in TRAILING_CUES
                            or retort(tok)
                            or _nothing_after(tok, sent)
                        )
                        and tok.i - sent.start <= MAX_TRAILING_CUE_TOKENS
                    ):
                        # '"Is that fair?" Roe said.': the sentence split after the quote;
                        # any cue that ends its sentence ('"Why?" Roe questioned.') trails it
                        att = _verb_attribution(text, tok, sent, quote_start, trails=True)
            elif (
                tok.lemma_.lower() in LIGHT_VERBS
                and tok.pos_ == "VERB"
                and (att := _light_verb_attribution(text, tok, sent))
            ):
                pass
            elif _clausal_cue(tok):
                att = _verb_attribution(text, tok, sent, seg_start)
                if att is not None and not (
                    att.cue_lemma == "hear"
                    and att.source_head is not None
                    and att.source_head.lemma_.lower() in HEARING_BODIES
                ):
                    att.broad = True  # "The inquest heard that X" is a known form
            elif tok.text == ":":
                att = _name_colon(text, tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS:
                att = _noun_attribution(text, tok)
            elif tok.pos_ == "ADJ" and tok.lemma_.lower() in STANCE_ADJECTIVES:
                att = _adjective_attribution(text, tok, sent)
            elif (
                tok.lemma_ == "be"
                and tok.pos_ == "AUX"
                and (att := _predicate_attribution(text, tok))
            ):
                pass
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                att = _in_document(text, tok, sent, seg_start)
            if att is None:
                continue
            found.append(att)
            ends = [s.end for s in att.content]
            if att.source is not None and ends and max(ends) <= att.source.start:
                # a trailing attribution closes its stretch of text ("X he said Y she added")
                seg_start = max(seg_start, _extent_end(att))
    return found


# Tokens before a trailing cue that opens its sentence ("Sen. Ann Roe, a Democrat, said").
MAX_TRAILING_CUE_TOKENS = 12


def _said_of(verb: Any) -> bool:
    """A speech verb whose only complement is its topic, right after it ("said of X",
    "said about X"), no clause of its own."""
    return (
        verb.lemma_.lower() in SPEECH_VERBS
        and verb.i + 1 < len(verb.doc)
        and verb.doc[verb.i + 1].lower_ in ("of", "about")
        and verb.doc[verb.i + 1].head == verb
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


def _quote_sentence_before(text: str, prev: Any, sent: Any) -> int | None:
    """Where the previous sentence starts when it is a quotation ending at a "?" or "!"
    in the same paragraph ('"Is that fair?" Roe said.' split in two): the quote is the
    content of a trailing cue that opens this sentence."""
    if prev is None:
        return None
    gap = text[prev.end_char : sent.start_char]
    body = text[prev.start_char : prev.end_char].rstrip()
    if "\n" in gap or "\n" in body or len(body) < 3 or text[sent.start_char] in '"\u201c':
        return None
    if body[-1] not in '"\u201d' or body[-2] not in "?!.,":
        return None
    start = prev.start_char
    while start < prev.end_char and text[start].isspace():
        start += 1
    return start if text[start] in '"\u201c' else None


def _cut_at_according_to(text: str, found: list[Attribution]) -> None:
    """'He told her that it was not simple, according to an account she gave': the clause
    ends where "according to" begins; that phrase is an attribution of its own."""
    marks = [a.cue.start for a in found if a.cue_text == "according to"]
    for att in found:
        if att.cue_text == "according to" or att.direct:
            continue
        cut = []
        for c in att.content:
            m = next((x for x in marks if c.start < x < c.end and x > att.cue.end), None)
            if m is not None:
                s, e = _trim(text, c.start, m)
                if e > s:
                    cut.append(Span(s, e))
            else:
                cut.append(c)
        if cut:
            att.content = cut


_AND_BEFORE_CUE = re.compile(r"[,\s]*\band\s+(?:also\s+|then\s+)?$")


def _split_coordinated(text: str, nlp_doc: Any, found: list[Attribution]) -> None:
    """One subject, two speech verbs each with its own that-clause ("Roe estimates that
    A and stresses that B"): the parse reads "and stresses that B" into A and gives the
    second verb no subject or A's ("A" = "the region grows"), or no attribution at all
    (the verb read as a noun's conjunct). A ends before the "and"; B gets A's source."""
    for first in list(found):
        if first.direct or first.source is None or len(first.content) != 1:
            continue
        content = first.content[0]
        span = nlp_doc.char_span(content.start, content.end, alignment_mode="expand")
        for tok in span if span is not None else []:
            if not (
                # the verb may be tagged a noun ("stresses" as "percent"'s conjunct);
                # its own that-clause says it is a verb
                tok.lemma_ in CUE_VERBS
                and tok.dep_ == "conj"
                and tok.i + 1 < len(nlp_doc)
                and nlp_doc[tok.i + 1].lower_ == "that"
                and any(c.dep_ == "ccomp" for c in tok.children)
                and not any(a.cue.start == tok.idx for a in found)
            ):
                continue
            m = _AND_BEFORE_CUE.search(text, content.start, tok.idx)
            if m is None or m.start() <= content.start:
                continue
            first.content = [Span(content.start, m.start())]
            found.append(
                dataclasses.replace(
                    first,
                    cue=Span(tok.idx, tok.idx + len(tok)),
                    cue_text=tok.text,
                    cue_lemma=tok.lemma_,
                    content=[Span(tok.idx + len(tok) + 1, content.end)],
                )
            )
            break
    for second in found:
        if second.direct or not second.content:
            continue
        if not re.match(r"\s+that\b", text[second.cue.end : second.cue.end + 6]):
            continue
        for first in found:
            if first is second or first.direct or first.source is None:
                continue
            if len(first.content) != 1 or not first.content[0].start < second.cue.start:
                continue
            content = first.content[0]
            if second.cue.start >= content.end:
                continue
            m = _AND_BEFORE_CUE.search(text, content.start, second.cue.start)
            if m is None or m.start() <= content.start:
                continue
            if second.source is not None and not (
                content.start <= second.source.start and second.source.end <= m.start()
            ):
                continue  # "... and Ray stresses that B": a subject of its own
            first.content = [Span(content.start, m.start())]
            second.source = first.source
            second.source_head = first.source_head
            second.source_tokens = first.source_tokens
            second.name_tokens = first.name_tokens
            second.role_tokens = first.role_tokens
            break


def _nests(inner: Attribution, outer: Attribution) -> bool:
    """Whether `inner`'s cue lies inside `outer`'s content, and `outer` is the one to keep:
    a direct quote with its own source inside reported, unquoted content ('Pollsters agree -
    Ann Roe: "..."') is the attribution, not the reported content around it."""
    if not any(c.start <= inner.cue.start < c.end for c in outer.content):
        return False
    return not (inner.direct and not outer.direct and inner.source is not None)


# Words before a parenthetical cue: one is enough ("CNN, he said, called it ..."), chosen on
# PolNeAR train.
MIN_PARENTHETICAL_LEFT_WORDS = 1


def _parenthetical(text: str, verb: Any, sent: Any, seg_start: int) -> Attribution | None:
    """ "This campaign, he says, is different": an attribution set off by commas inside
    the sentence it attributes; the content is the sentence on both sides of it."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    subj = _apposed_teller(verb, subj) or subj
    if subj is None or abs(subj.i - verb.i) > 4:
        return None
    lo_tok = min(subj.left_edge.i, verb.i)
    hi_tok = max(subj.right_edge.i, verb.i)
    while (
        hi_tok + 1 < sent.end
        and doc[hi_tok + 1].head == verb
        and doc[hi_tok + 1].dep_
        in (
            "advmod",
            "npadvmod",
        )
    ):
        hi_tok += 1
    if lo_tok - 1 <= sent.start or hi_tok + 2 >= sent.end:
        return None
    before, after = doc[lo_tok - 1], doc[hi_tok + 1]
    if before.text != "," or after.text != ",":
        return None
    if any(
        (c.dep_ in ("ccomp", "dobj", "xcomp") or (c.dep_ == "advcl" and c.tag_ == "VBG"))
        and c.i > hi_tok
        for c in verb.children
    ):
        return None  # "..., he said, adding that ...": its own content follows
    start = max(seg_start, sent.start_char)
    left = Span(*_trim(text, start, before.idx))
    right = Span(*_trim(text, after.idx + 1, sent.end_char))
    if (
        len(text[left.start : left.end].split()) < MIN_PARENTHETICAL_LEFT_WORDS
        or len(text[right.start : right.end].split()) < 2
    ):
        return None
    cue, cue_text = _cue_span(verb)
    source_toks = list(doc[subj.left_edge.i : subj.right_edge.i + 1])
    return Attribution(
        cue=cue,
        content=[left, right],
        source=Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1])),
        cue_text=cue_text,
        cue_lemma=verb.lemma_.lower(),
        source_head=subj,
        source_tokens=source_toks,
    )


def _apposed_teller(verb: Any, subj: Any) -> Any:
    """'Clinton, a top aide said, "is confident"': the parse makes the sentence's
    subject the aside's subject and the teller its apposition; the teller is that
    apposition when it runs from a comma up to the verb."""
    if subj is None or verb.dep_ != "parataxis" or subj.i >= verb.i:
        return None
    doc = verb.doc
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if appos is None or appos.pos_ not in ("NOUN", "PROPN") or appos.right_edge.i != verb.i - 1:
        return None
    lo = appos.left_edge.i
    return appos if lo > subj.i + 1 and doc[lo - 1].text == "," else None


def _as_clause(text: str, verb: Any, sent: Any, seg_start: int) -> Attribution | None:
    """ "As Ann Roe pointed out, X" / "X, as Roe put it": an as-clause attributes the clause
    it modifies; the content is that clause without the as-clause."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in ("put", "think", "believe", "know"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return None
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that"):
        return None
    main = verb.head
    inner = {t.i for t in verb.subtree}
    toks = [t for t in main.subtree if t.i not in inner and t.i >= sent.start and t.i < sent.end]
    toks = [t for t in toks if t.idx >= seg_start]
    if not toks:
        return None
    parts: list[Span] = []
    run: list[Any] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            parts.append(Span(*_trim(text, run[0].idx, run[-1].idx + len(run[-1]))))
            run = []
        run.append(t)
    if run:
        parts.append(Span(*_trim(text, run[0].idx, run[-1].idx + len(run[-1]))))
    parts = [
        p for p in parts if p.end > p.start and any(c.isalnum() for c in text[p.start : p.end])
    ]
    if sum(len(text[p.start : p.end].split()) for p in parts) < 3:
        return None
    cue, cue_text = _cue_span(verb)
    source_toks = _phrase(subj)
    return Attribution(
        cue=cue,
        content=parts,
        source=_source_span(subj, source_toks),
        cue_text=cue_text,
        cue_lemma=lemma,
        source_head=subj,
        source_tokens=source_toks,
    )


def _clausal_cue(tok: Any) -> bool:
    """A verb outside the cue lists that reports a finite clause with a named or personal
    subject ("X warned voters that ...", "she made clear that ..."): an attribution in
    PolNeAR's sense (speech, belief or stance). Its content is kept for evaluation; the
    quotes component keeps only the speech among these (SPEECH_VERBS)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in _NOT_CLAUSAL_CUES:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None or comp.i < tok.i:
        return False  # a noun object alone ("X criticized Y") costs more precision than it gains
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
        return False
    return subj is not None and (
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subj.lower_ in ("he", "she", "they", "we", "i")
        or subj.pos_ in ("PROPN", "NOUN")
    )


# Verbs whose clausal complement is not reported content.
_NOT_CLAUSAL_CUES = frozenset(
    {
        "be",
        "have",
        "do",
        "make",
        "ensure",
        "mean",
        "seem",
        "appear",
        "happen",
        "let",
        "help",
        "see",
        "hope",
        "wish",
        "pretend",
        "turn",
        "prove",
        "become",
        "get",
        "go",
        "come",
    }
)


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
                _drop_lead_in(text, owner, first, last)
                break
        if owner is None:
            words = sum(len(text[q.start : q.end].split()) for q in group)
            mark = 2 if text.startswith("''", last.end - 2) else 1
            short = words < 4 and text[last.end - mark - 1 : last.end - mark] not in ",?!"
            if (short and not _quoted_sentence(text, first, last)) or (
                len(group) == 1 and _TITLE.fullmatch(text[first.start : first.end])
            ):
                continue  # a title or a scare quote, not speech
            owner = _owner_nearby(text, found, first, join_sentences)
            # a short quoted sentence needs a tag of its own paragraph ('"Knock knock."' in
            # a paragraph of its own is a joke or a tweet as often as the last speaker's)
            if owner is None and join_sentences and not short:
                owner = _paragraph_continuation(text, found, first, nlp_doc)
            if owner is None and not join_sentences:
                # '"A," X said. "B."': B is X's too, a quote of its own in the brief
                prior = _owner_nearby(text, found, first, True) or (
                    None if short else _paragraph_continuation(text, found, first, nlp_doc)
                )
                if prior is not None:
                    found.append(
                        Attribution(
                            cue=prior.cue,
                            content=[Span(q.start, q.end) for q in group],
                            source=prior.source,
                            cue_text=prior.cue_text,
                            direct=True,
                            cue_lemma=prior.cue_lemma,
                            source_head=prior.source_head,
                            source_tokens=prior.source_tokens,
                            name_tokens=prior.name_tokens,
                            role_tokens=prior.role_tokens,
                        )
                    )
                    continue
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


def _quoted_sentence(text: str, first: Span, last: Span) -> bool:
    """A whole sentence in quotation marks ('"That is final."'): it opens with a capital,
    ends with its own full stop, question or exclamation mark inside the marks, and
    stands where a sentence starts. Such a quote is speech however short; a short
    phrase inside a sentence ('its "quiet corner"') is a scare quote or a title."""
    inner = text[first.start : last.end].strip("\"'\u201c\u201d\u00ab\u00bb ")
    if len(inner) < 2 or not inner[0].isupper() or inner[-1] not in ".?!":
        return False
    before = text[: first.start].rstrip(" \u00a0\t")
    return not before or before[-1] in "\n.?!:"


# Words that end a clause of the reporter's before a quote ("Prices rose, but "A," she said").
_LEAD_IN_ENDS = frozenset({"but", "and", "or", "so", "yet", "while", "though", "although"})


def _drop_lead_in(text: str, att: Attribution, first: Span, last: Span) -> None:
    """A trailing attribution owns only the quote that ends right before it, not the
    reporter's clause before the quote ('Prices rose, but "none of us panicked," she
    said'): the lead-in ends at a clause boundary. A quote that continues the clause
    ('He called it "a disaster," she said') keeps the clause."""
    if len(att.content) != 1 or att.content[0].end > att.cue.start:
        return
    content = att.content[0]
    if not content.start < first.start or abs(content.end - last.end) > 2:
        return
    lead = text[content.start : first.start].rstrip(" \u00a0")
    words = lead.split()
    if not words or any(m in lead for m in '"\u201c\u201d'):
        return
    if lead.endswith((",", ";", ":", "\u2014", "\u2013")) or words[-1].lower() in _LEAD_IN_ENDS:
        att.content = [Span(first.start, content.end)]


def _owner_nearby(
    text: str, found: list[Attribution], quote: Span, join_sentences: bool = False
) -> Attribution | None:
    """The attribution whose cue sits just before a quote: '"A," he said, "B."'.

    With `join_sentences`, a trailing attribution also owns a quote opening the
    next sentence of the paragraph ('"A," she said. "B."').
    """
    for att in found:
        end = _extent_end(att)
        gap = text[end : quote.start] if end <= quote.start else ""
        trailing = (
            join_sentences
            and bool(att.content)
            and max(c.end for c in att.content) <= att.cue.start
        )
        if end <= quote.start and _joinable(gap, trailing):
            return att
        # the quote ends right before its attribution: '"A," she said, "B."' parsed as "she said B"
        begin = min(att.cue.start, att.source.start if att.source else att.cue.start)
        gap = text[quote.end : begin]
        if quote.end <= begin and len(gap) <= 3 and not gap.strip(" ,\u00a0") and "\n" not in gap:
            return att
    return None


def _paragraph_continuation(
    text: str, found: list[Attribution], quote: Span, nlp_doc: Any = None
) -> Attribution | None:
    """The speaker of the paragraph before, when a quote with no cue of its own opens the
    next paragraph ('"A," she said.' then a paragraph '"B."'): news style carries one
    speaker's quote on across paragraphs until another attribution intervenes.

    One narration sentence about the speaker may stand between the two, before the quote
    in its paragraph or as a paragraph of its own ('"A," she said.' / 'Later she left.
    "B."'): see `_narration_bridge`."""
    para_start = text.rfind("\n", 0, quote.start) + 1
    if para_start == 0:
        return None
    bridge: tuple[int, int] | None = None
    if text[para_start : quote.start].strip():
        bridge = (para_start, quote.start)
    prev_end = len(text[:para_start].rstrip())
    prev_start = text.rfind("\n", 0, prev_end) + 1
    last = _last_in(found, prev_start, prev_end)
    if last is None and bridge is None and prev_start > 0:
        # a narration paragraph between: the speaker is in the paragraph before it
        bridge = (prev_start, prev_end)
        prev_end = len(text[:prev_start].rstrip())
        prev_start = text.rfind("\n", 0, prev_end) + 1
        last = _last_in(found, prev_start, prev_end)
    if last is not None and not last.direct:
        # 'Roe said that critics had predicted A': the reported speech is Roe's
        last = next((o for o in found if o is not last and _nests(last, o)), last)
    if last is None or last.source is None:
        return None
    if _tagged_by_another(text, nlp_doc, quote, last):
        return None
    if not last.direct and (bridge is not None or not _named_person(last)):
        # 'Roe said that A.' then a paragraph '"B."': B is Roe's when Roe is named and
        # nothing stands between; a described or nameless source does not carry on
        return None
    # the speaker's words must end the paragraph before: a trailing cue at most follows them
    end = max([c.end for c in last.content] + [_extent_end(last)])
    tail = text[end:prev_end]
    if any(m in tail for m in '"\u201c\u201d'):
        return None
    if len(tail.split()) > MAX_JOIN_GAP_WORDS and not _verbless(nlp_doc, end, prev_end):
        return None
    if bridge is not None and not _narration_bridge(text, nlp_doc, found, bridge, last):
        return None
    if not last.direct and _names_another(nlp_doc, last, last.source.end, prev_end):
        return None
    return last


def _tagged_by_another(text: str, nlp_doc: Any, quote: Span, last: Attribution) -> bool:
    """Whether the quote's own sentence goes on with someone else as the subject of a
    verb the cue lists do not know ('"France will always be France," an angry Hollande
    retaliated.'): that person's words, not the last speaker's carried on."""
    if nlp_doc is None or last.source is None:
        return False
    after = nlp_doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
    if after is None or not len(after):
        return False
    sent = after[0].sent
    stop = next(
        (t.idx for t in sent if t.idx > quote.end + 2 and t.text in ('"', "\u201c", "\u201d")),
        sent.end_char,
    )
    own = {w.strip(",.").lower() for w in text[last.source.start : last.source.end].split()}
    return any(
        t.dep_ == "nsubj"
        and quote.end < t.idx < stop
        and (t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN")  # "Hollande" as ORG
        and t.head.pos_ == "VERB"
        and t.head.idx > t.idx
        and t.lower_ not in own
        for t in sent
    )


def _named_person(att: Attribution) -> bool:
    """Whether the source is a person named in the text ('Carter', not 'officials')."""
    return any(t.ent_type_ == "PERSON" for t in att.name_tokens or att.source_tokens)


def _names_another(nlp_doc: Any, att: Attribution, start: int, end: int) -> bool:
    """Whether text[start:end] (an indirect speaker's words and what follows them) names
    a person other than the speaker: the quote after it may be theirs."""
    if nlp_doc is None or start >= end:
        return False
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    own = {t.lower_ for t in att.name_tokens or att.source_tokens}
    return span is not None and any(
        e.label_ == "PERSON" and not {t.lower_ for t in e} <= own for e in span.ents
    )


def _last_in(found: list[Attribution], start: int, end: int) -> Attribution | None:
    """The last attribution with its cue or a content in text[start:end], leaving out
    speech reported inside another's direct quote ('"I kept saying no," he said')."""
    last = None
    for att in found:
        here = start <= att.cue.start < end or any(start <= c.start < end for c in att.content)
        if here and any(
            c.start < att.cue.start < c.end
            for other in found
            if other is not att and other.direct
            for c in other.content
        ):
            continue
        if here and (last is None or att.cue.start >= last.cue.start):
            last = att
    return last


def _verbless(nlp_doc: Any, start: int, end: int) -> bool:
    """Whether text[start:end] ends a tag without a clause of its own: the listener, an
    appositive or a place ('told the forum, a meeting of ministers in Oslo'), at most
    MAX_NEXT_SENTENCE_GAP_WORDS words; a verb there starts a new event."""
    if nlp_doc is None:
        return False
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len([t for t in span if not t.is_punct]) > MAX_NEXT_SENTENCE_GAP_WORDS:
        return False
    return not any(
        t.pos_ in ("VERB", "AUX")
        and t.dep_ not in ("amod", "compound")  # "nine elected members"
        and not (t.dep_ == "acl" and t.tag_ == "VBN")  # "a forum held in Oslo"
        for t in span
    )


def _narration_bridge(
    text: str, nlp_doc: Any, found: list[Attribution], bridge: tuple[int, int], att: Attribution
) -> bool:
    """Whether the narration between a speaker's quote and an untagged quote keeps the
    speaker: one sentence, no quotation, no one else's attribution, about the speaker (a
    personal pronoun or the speaker's name) and naming no other person."""
    start, end = bridge
    body = text[start:end]
    if nlp_doc is None or any(m in body for m in '"\u201c\u201d\u00ab\u00bb') or "''" in body:
        return False
    assert att.source is not None
    names = {w.strip(",.").lower() for w in text[att.source.start : att.source.end].split()}
    for other in found:
        if start <= other.cue.start < end and not (
            other.source is not None
            and text[other.source.start : other.source.end].lower() in names | PERSONAL_PRONOUNS
        ):
            return False  # someone else's attribution ('he did not speak the language' is his)
    span = nlp_doc.char_span(start, len(text[:end].rstrip()), alignment_mode="expand")
    if span is None or len(span) > 2 * MAX_NEXT_SENTENCE_GAP_WORDS:
        return False
    if len(_TERMINAL.findall(body.strip()[:-1])) > 0:
        return False  # more than one sentence
    if any(e.label_ == "PERSON" and e.text.split()[-1].lower() not in names for e in span.ents):
        return False
    return any(t.lower_ in PERSONAL_PRONOUNS or t.lower_ in names for t in span)


# Words allowed between an attribution and the rest of its quote ('he told the
# Times in 2012, "B"'); more, and the quote is someone else's or a new topic.
MAX_JOIN_GAP_WORDS = 8
# The rest of an attribution's sentence before the quote opening the next one
# ('"A," X told CBS on Tuesday, when ... . "B."'): chosen on PolNeAR train.
MAX_NEXT_SENTENCE_GAP_WORDS = 24
_TERMINAL = re.compile(r"[.!?]")


# A quoted title ("State of the Union", "Meet the Press"): capitalised words, no punctuation.
_TITLE = re.compile(
    r"(?:[\"\u201c]|'')(?:[A-Z0-9][\w'\u2019&.-]*|of|the|and|a|an|in|on|for|to|with)"
    r"(?: (?:[A-Z0-9][\w'\u2019&.-]*|of|the|and|a|an|in|on|for|to|with)){0,6}(?:[\"\u201d]|'')"
)


def _joinable(gap: str, next_sentence: bool) -> bool:
    """Whether the text between an attribution's end and a quote keeps them together:
    the same paragraph, no other quotation, a few words at most, and no sentence end
    unless `next_sentence` (the quote opens the next sentence: '"A," she said. "B."')."""
    if "\n" in gap:  # first: a title never spans lines, and the gap to a distant
        return False  # attribution can be the whole article (quadratic on long ones)
    if "''" in gap or any(m in gap for m in '"\u201c\u201d'):
        gap = _TITLE.sub("T", gap)  # 'on CNN's "State of the Union" Sunday' keeps them together
    if "''" in gap or any(m in gap for m in '"\u201c\u201d\u00ab\u00bb'):
        return False
    words = gap.split()
    if len(words) > (MAX_NEXT_SENTENCE_GAP_WORDS if next_sentence else MAX_JOIN_GAP_WORDS):
        return False
    body = gap.strip(" ,;:\u00a0\t")
    ends = _TERMINAL.findall(body)
    if not next_sentence:
        return not ends and (not words or gap.rstrip(" \u00a0").endswith(","))
    return len(ends) <= 1 and (not ends or body.endswith(tuple(".!?")))


def _cue_after_quote(nlp_doc: Any, quote: Span) -> Attribution | None:
    """'"X," she said' when the parse missed it: a name or pronoun and a cue right after the quote."""
    span = nlp_doc.char_span(
        quote.end, min(len(doc_text(nlp_doc)), quote.end + 60), alignment_mode="expand"
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
        return _named_intro(text, colon, quote)
    # the main verb ("When X died, Clinton released the following statement:"), else the last
    main = [t for t in verbs if t.dep_ == "ROOT" or t.head.i == t.i]
    root = main[0] if main else verbs[-1]
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


def _named_intro(text: str, colon: Any, quote: Span) -> Attribution | None:
    """ "Here's Ann Roe in 1992:" / "From the report:" followed by a quote: the one person,
    organisation or document the verbless introduction names is the source."""
    doc = colon.doc
    intro = [t for t in colon.sent if t.i < colon.i and not t.is_space]
    if not intro or len(intro) > 12 or "\n" in doc[intro[0].i : colon.i].text:
        return None
    names = [t for t in intro if t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN"]
    if names:
        run = contiguous(names, names[-1])
    else:
        frm = next((t for t in intro if t.lower_ == "from" and t.dep_ == "prep"), None)
        obj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm else None
        if frm is None or obj is None or obj.lemma_.lower() not in REPORT_NOUNS:
            return None
        run = [t for t in obj.subtree if t.i > frm.i]
    head = run[-1]
    return Attribution(
        cue=Span(colon.idx, colon.idx + 1),
        content=[Span(quote.start, quote.end)],
        source=Span(run[0].idx, head.idx + len(head)),
        cue_text=":",
        direct=True,
        source_head=head,
        source_tokens=run,
    )
