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
paragraphs. The spans come from attribution.py (cue finders in cue_finders.py, quotation
marks in quotemarks.py); `QuoteExtractor` adds the speaker from the document's
PeopleIndex (people.py, speakers.py) and writes `Quote`s.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..marks import QUOTE_MARK
from ..model import Analysis, Citation, Quote, Span
from .attribution import extract_attributions
from .cue_finders import Attribution, _phrase, _source_span
from .cues import (
    BELIEF_VERBS,
    DENIAL_VERBS,
    FIRST_PERSON,
    FIRST_PERSON_SINGULAR,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from .furniture import furniture_spans, inside
from .nlp import doc_text
from .people import contiguous, headline_case, says_more, write_back_roles
from .quotemarks import (
    _display,
    _trim,
    find_quote_spans,
    single_marks_as_double,
)
from .registry import register
from .speakers import Speaker, SpeakerResolver

__all__ = ["Attribution", "QuoteExtractor", "extract_attributions", "find_quote_spans"]


def _title(name: str) -> str:
    return name.title() if name.isupper() else name


@register
class QuoteExtractor:
    """Analysis component: fills `analysis.quotes` with attributed speech."""

    name = "quotes"
    version = "14"  # 14: indefinite descriptions are new nameless sources ("one longtime adviser to X"), a subject inside the quotation gives way, "people close to X", "who" for the people it follows, "show up"; 13: speech a person tells of is theirs (nested), a wire dateline is no speaker, an "as" aside is no statement, a quote tagged by someone else carries no one on; 4: skips furniture sentences; 5: issue-10 speakers (relatives, documents, single marks); 6: described and appositive sources, roles through the index; 7: short quoted sentences, trailing tags, carried paragraphs; 8: unclosed quotes end at their tag, quotes after named indirect speech, coordinated speech verbs; 9: a source phrase re-read in a circle ends with no speaker; 10: relative pronouns, epithets, untagged subjects; 11: a tag before its quote, a quote labelling a pronoun object; 12: group speakers ("they", plural people and bodies, a person's campaign), "the website" a page, court orders, a colleague, a definite title is the person the sentence is about, "said of X" after a quotation, "it" for the organisation that spoke before, people named after a plural description, a fronted "according to" over inner speech, an organisation tagged as a noun after its description, who released a video that accuses
    requires = ("entities", "people")
    provides = ("quotes",)

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
        if analysis.people is not None:
            resolver = SpeakerResolver.over(analysis.people)
        else:
            resolver = SpeakerResolver(analysis.nlp, analysis.entities)
        in_turn = [(t.start, t.end) for t in doc.turns]
        furniture = furniture_spans(doc)
        # an outlet that quotes 'like this': its marks read as double ones (same offsets)
        text = single_marks_as_double(doc.text)
        found = extract_attributions(text, analysis.nlp)
        found = [part for att in found for part in _turns(att, text, analysis.nlp)]
        marked = [span for group in find_quote_spans(text) for span in group]
        spoken: list[tuple[Attribution, Speaker]] = []
        for att in found:
            if _outer_credit(att, found, analysis.nlp):
                continue  # "Acme announced X, reports the Herald": Acme's words, not the paper's
            if not att.direct and _as_aside(att, analysis.nlp):
                continue  # "as polls show X", "as Rubio has said": the narrator's aside
            if _nested(att, found, analysis.nlp):
                continue  # "X disclosed that Y called her to ...": X's account, not Y's words
            if att.content and inside(furniture, att.content[0].start):
                continue  # a caption or widget notice, not speech
            if any(a <= att.cue.start < b for a, b in in_turn):
                continue  # speech reported inside someone's turn belongs to that turn
            if (
                not att.direct
                and not att.predicate
                and att.cue_lemma not in _SAID_OF
                and not (att.clausal and att.cue_lemma == "question")  # "questioned whether X"
                and (not att.clausal or att.cue_lemma in STANCE_VERBS - SPEECH_VERBS)
            ):
                continue  # "backed", "wants": a stance, not speech ("called X 'Y'" is said)
            if (
                att.cue_text == ":"
                and not att.direct
                and not att.name_tokens
                and not any(
                    t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in att.source_tokens
                )
            ):
                continue  # "Poll: ..." headlines: a label, not a speaker
            if (
                att.source_head is not None
                and att.source_head.sent.start > 0
                and headline_case(att.source_head.sent)
            ):
                continue  # "— Hillary Clinton Says ..." in a related-links line, not the story's
            if att.source_head is not None and att.source_head.lower_ in FIRST_PERSON:
                continue  # "I think" inside a quote: already the quoted speaker's words
            if not att.direct and not _is_speech(analysis.nlp, att.content[0]):
                continue
            if _turns_up(att, analysis.nlp):
                continue  # "which Trump might show up": who appears, not what is said
            if not att.direct and att.cue_lemma in _COGNITION:
                continue  # "he learned he was never a citizen": what someone came to know
            if not att.direct and _participle_thought(att, analysis.nlp):
                continue  # "Realising his wife had fallen, he ...": a thought, not speech
            if not att.direct and not att.predicate and _recipient(analysis.nlp, att.content[0]):
                continue  # "The hearing was told X": the hearing is who heard it, not what
            if att.broad and not att.direct:
                continue  # "warned voters that ...": kept for evaluation, not shown as speech
            if (
                not att.direct
                and att.source is not None
                and att.content[-1].end <= att.source.start
                and ";" in text[att.content[-1].end : att.source.start]
            ):
                continue  # "X is so; retailers have posted signs": a new clause, not a tag
            outside = _subject_outside_quote(att, marked)
            if outside is not None:
                # '"... the foundation, all the old trust stuff," said a person close to
                # the Clintons': the parse gave the verb a subject inside the quotation too
                att.source_head, att.source_tokens = outside, _phrase(outside)
                att.source = _source_span(outside, att.source_tokens)
            holder = _subject_holding_source(att)
            if holder is not None:
                # "people close to Clinton say": the source was cut to the name inside
                att.source_head, att.source_tokens = holder, _phrase(holder)
                left = [t for t in att.source_tokens if t.i <= holder.i]
                if any(t.lower_ == "including" for t in holder.subtree):
                    # "officials — including X —": the people, not the list after them
                    att.source_tokens = left
                    att.source = Span(left[0].idx, holder.idx + len(holder.text))
                else:
                    att.source = _source_span(holder, att.source_tokens)
                att.name_tokens, att.role_tokens = [], []
            name_tokens = _person_after(att.name_tokens)
            again = _same_speaker_again(att, spoken, analysis.nlp)
            dateline = _dateline_end(text, att)
            if dateline is not None:
                # "New York (AFP) - Vice President X on Monday accused ...": the place
                # of a wire dateline is no speaker, an "as" aside is no statement, a quote tagged by someone else carries no one on; the person named after it may be
                after = [
                    t
                    for t in att.source_head.sent
                    if dateline <= t.idx < att.cue.start and t.ent_type_ == "PERSON"
                ]
                speaker = (
                    resolver.resolve_name(contiguous(after, after[0]), [])
                    if after
                    else Speaker(None, "unknown")
                )
            elif again is not None:
                speaker = again  # "X said A and said B": the parse took B's subject from A
            elif name_tokens and any(t.ent_type_ == "PERSON" for t in name_tokens):
                speaker = resolver.resolve_name(name_tokens, att.role_tokens)
            elif bracketed := _name_before_bracket(att):
                # "Rep. Ann Roe (D-Va." | "), a chief negotiator, said X": the splitter
                # ended a sentence inside the party bracket; the name opens the one before
                speaker = resolver.resolve_name(bracketed, att.source_tokens)
            elif att.source_head is not None:
                sent = att.source_head.sent
                at = att.source_head.idx
                # a "he" in the narration never means someone named inside a quotation
                # before it (whom a speaker talked about): its own sentence's, or any earlier
                quoted = [
                    q
                    for q in marked
                    if (sent.start_char <= q.start < sent.end_char or q.end <= at)
                    and not q.start <= at < q.end
                ]
                speaker = resolver.resolve(
                    att.source_head, att.source_tokens, [*att.content, *quoted]
                )
                if speaker.name is None and speaker.role is None and _epithet(att, att.source_head):
                    # no title ("the mayor" whom no one holds stays no one): an epithet
                    speaker = _last_speaker(spoken, att.cue.start) or speaker
                if speaker.name is None and att.source_head.lower_ == "it":
                    # "The Post reported X. It added, '...'": the organisation or document
                    # that spoke just before
                    speaker = _last_body(spoken, att.cue.start) or speaker
                if speaker.kind == "person" and speaker.name and att.source_head.pos_ != "PROPN":
                    # "X said A. He added B. He said C.": each "he" continues X, and so
                    # does a "he" after "the party leader said"
                    resolver.note_speaker(att.source_head.idx, speaker.name)
            else:
                speaker = Speaker(None, "unknown")
            spoken.append((att, speaker))
            if speaker.kind == "organisation" and speaker.name and att.cue_lemma in _PUBLISHING:
                resolver.note_publication(att.cue.start, speaker.name)
            quotes.append(
                Quote(
                    text=_shown_text(text, att, analysis.nlp),
                    direct=not _partial_quote(text, att)
                    and (att.direct or _stripped_direct(text, att) or _first_person(text, att)),
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
        for q in quotes:
            if q.speaker_kind == "person" and q.speaker and q.cue != "speaker label":
                resolver.learn_role(q.speaker, q.role, q.organisation)
        _backfill(quotes, resolver)
        # the one write-back: the index's roles, now with the speakers' titles, to the
        # entity mentions the entity list and key players read
        write_back_roles(resolver, analysis.entities)
        analysis.quotes = quotes
        return analysis


# Verbs that say something of their object: "accused X of Y", "denied the claims",
# "criticized the plan" are statements, not a stance ("questioned X" is an interview).
_SAID_OF = frozenset({"accuse", "deny", "criticize", "criticise", "blame", "dispute"})
# Verbs of knowing rather than saying: what someone learned, realised or knew is no
# statement of theirs ("think", "expect", "fear" are, as people say them to reporters).
_COGNITION = frozenset(
    {
        "know",
        "learn",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "understand",
        "discover",
        "remember",
        "forget",
        "notice",
        "wonder",
        "imagine",
    }
)


def _turns_up(att: Attribution, nlp_doc: Any) -> bool:
    """ "show up", "turn up": a verb of saying or showing with the particle "up" means
    to appear, not to state anything."""
    span = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    cue = span.root if span is not None and len(span) else None
    return (
        cue is not None
        and cue.lemma_.lower() in ("show", "turn")
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in cue.children)
    )


def _name_before_bracket(att: Attribution) -> list[Any]:
    """The person named at the start of the sentence before, when the source phrase opens
    a sentence that starts with the ")" closing a bracket of that one ("Sen. Ann Roe
    (R-Ga." | "), one of the co-authors, said"), and that sentence is only the name and
    its asides (no verb of its own); else []."""
    head = att.source_head
    if head is None:
        return []
    doc, sent = head.doc, head.sent
    k = sent.start  # the ")" may open this sentence or stand alone before it
    while k < sent.end and doc[k].text == ",":
        k += 1
    if doc[k].text != ")":
        k = sent.start - 1
        while k >= 0 and doc[k].text == ",":
            k -= 1
    if k <= 0 or doc[k].text != ")" or (k != sent.start and not doc[k].is_sent_start):
        return []
    if min([head.i, *(t.i for t in att.source_tokens)]) > max(k, sent.start) + 3:
        return []  # the sentence goes on before the source: not an apposition of the name
    prev = doc[k - 1].sent
    if prev.root.pos_ not in ("PROPN", "NOUN") or not any(t.text == "(" for t in prev):
        return []
    first = next((e for e in prev.ents if e.label_ == "PERSON"), None)
    if first is None or first.start - prev.start > 3:
        return []
    return list(first)


def _subject_outside_quote(att: Attribution, marked: list[Span]) -> Any:
    """The cue verb's other subject, outside quotation marks, when the source the parse
    gave it lies inside a quotation the verb introduces; else None."""
    head = att.source_head
    if head is None or not any(q.start <= head.idx < q.end for q in marked):
        return None
    verb = head.head
    if not verb.idx <= att.cue.start < verb.idx + len(verb.text):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and c.i != head.i
            and c.pos_ in ("NOUN", "PROPN")
            and not any(q.start <= c.idx < q.end for q in marked)
        ),
        None,
    )


def _subject_holding_source(att: Attribution) -> Any:
    """The cue verb's subject when the source found is a name inside it, after a word
    that makes the subject someone else ("people close to Clinton say", "a longtime
    adviser to both Clintons said", "officials, including X, argued"): those people,
    not the one they are close to or the one they include."""
    head = att.source_head
    if head is None or head.pos_ != "PROPN":
        return None
    doc = head.doc
    first = min([head.i, *(t.i for t in att.source_tokens)])
    while first > 0 and (
        doc[first - 1].pos_ == "PROPN"
        or (doc[first - 1].text == "." and first > 1 and not doc[first - 2].whitespace_)
    ):
        first -= 1  # "NSA Director Adm.", "Harbour Master Capt." before the name
    k = first - 2
    while k > 0 and doc[k].is_punct:
        k -= 1
    if (
        first >= 2
        and doc[first - 1].lower_ == "including"
        and doc[k].tag_ == "NNS"
        and doc[k].pos_ == "NOUN"
        and doc[k].i < head.i
    ):
        return doc[k]  # the parse made a name of the list the verb's subject
    if head.dep_ != "pobj":
        return None
    cue = head.doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    verb = cue.root  # "argued" of "have long argued"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i == head.i or head not in subj.subtree:
        return None
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return None
    # "close" in "close to Clinton", "adviser" in "adviser to X", "officials" in
    # "officials — including NSA Director X — have argued"
    link = head.head.head
    if head.head.lower_ not in ("to", "including") or (
        link.lower_ not in ("close", "closest") and link != subj
    ):
        return None
    return subj


def _same_speaker_again(
    att: Attribution, spoken: list[tuple[Attribution, Speaker]], nlp_doc: Any
) -> Speaker | None:
    """The speaker of an earlier cue of the same verb whose content holds this one's
    source: "The envoy said the US should leave and said any attempt would fail" parses
    "the US" as the second "said"'s subject; it is the envoy's second statement."""
    if att.source is None or att.direct:
        return None
    cue = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or cue[0].dep_ != "conj":
        return None  # "Ann said Bob said X" is Bob's, as Ann tells it
    for prior, speaker in reversed(spoken):
        if (
            prior.cue_lemma == att.cue_lemma
            and prior.cue.start < att.cue.start
            and any(c.start <= att.source.start < c.end for c in prior.content)
        ):
            return speaker
    return None


# How far back (characters) an epithet looks for the speaker it stands for.
_EPITHET_REACH = 1500


def _epithet(att: Attribution, head: Any) -> bool:
    """ "the gambling tycoon told Reuters": the subject of a speech verb that is a
    definite singular description, names no one and is no title the resolver could
    place (those go to the title's holder): in news prose, the person being quoted."""
    left = [t for t in att.source_tokens if t.i < head.i and not t.is_punct]
    return (
        att.cue_lemma in SPEECH_VERBS
        and head.dep_ == "nsubj"
        and head.head.lemma_ == att.cue_lemma
        and head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and bool(left)
        and left[0].lower_ == "the"
        and not any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in left)
        and not any(c.dep_ in ("prep", "relcl", "acl") for c in head.children)
    )


def _last_speaker(spoken: list[tuple[Attribution, Speaker]], at: int) -> Speaker | None:
    """The speaker of the nearest named statement before `at`, within `_EPITHET_REACH`."""
    for prior, speaker in reversed(spoken):
        if prior.cue.start < at and speaker.name:
            return speaker if at - prior.cue.start <= _EPITHET_REACH else None
    return None


def _last_body(spoken: list[tuple[Attribution, Speaker]], at: int) -> Speaker | None:
    """What an "it" that speaks stands for: the nearest statement before `at` (within
    `_IT_REACH`), when an organisation or a single document made it; a person or a
    plural group in between means the "it" is something else."""
    for prior, speaker in reversed(spoken):
        if prior.cue.start >= at or not speaker.name:
            continue
        if at - prior.cue.start > _IT_REACH:
            return None
        single = not speaker.name.split()[-1].lower().endswith("s")
        if speaker.kind == "organisation" or (speaker.kind == "group" and single):
            return speaker
        return None
    return None


# How far back the organisation an "it" stands for may have spoken (about two sentences).
_IT_REACH = 400


def _turns(att: Attribution, text: str, nlp_doc: Any) -> list[Attribution]:
    """A quote joined across an exchange, split into its speakers' turns.

    The attribution stage joins the parts of a split quote, and a quote that opens
    the next paragraph, to one speaker. In a dialogue that gives the interviewer's words
    to the interviewee: a part another speaker introduces ('"A?" Roe asked, to which Ray
    replied, "B."') or tags ('"B," an astonished Ray replied' in the next paragraph) is
    that speaker's, and an untagged paragraph after a quoted question is its answer, by
    someone else, so never the asker's (unnamed, it is left out)."""
    if not att.content:
        return [att]
    first = att.content[0]
    if first.start > att.cue.end and "\n" in text[att.cue.end : first.start]:
        last = att.content[-1].end
        other = _other_speaker(att, nlp_doc, last, _sentence_end(nlp_doc, last))
        if other is not None:
            return [dataclasses.replace(other, content=list(att.content))]
        return [] if _answers_a_question(text, first.start) else [att]
    parts: list[Attribution] = []
    current: list[Span] = []
    owner = att
    for i, span in enumerate(att.content):
        if i:
            mark = QUOTE_MARK.search(text, span.start, span.end)
            lead = mark.start() if mark else span.start
            other = _other_speaker(att, nlp_doc, att.content[i - 1].end, lead)
            if other is not None:
                if current:
                    parts.append(dataclasses.replace(owner, content=current))
                owner, current = other, []
                span = Span(lead, span.end)
        current.append(span)
    parts.append(dataclasses.replace(owner, content=current))
    return parts


def _answers_a_question(text: str, start: int) -> bool:
    """Whether the paragraph before `start` ends a quoted question ('"Who?" he asked.')."""
    para = text.rfind("\n", 0, start)
    before = text[:para].rstrip()
    return bool(re.search(r"\?[\u201d\"]", before[before.rfind("\n") + 1 :]))


def _sentence_end(nlp_doc: Any, offset: int) -> int:
    """Where the sentence of the first word at or after `offset` ends, within its
    paragraph (the tag after a closing mark may be parsed as a sentence of its own)."""
    tok = next((t for t in nlp_doc if t.idx >= offset and not t.is_space), None)
    if tok is None or "\n" in doc_text(nlp_doc)[offset : tok.idx]:
        return offset
    return int(tok.sent.end_char)


def _other_speaker(att: Attribution, nlp_doc: Any, start: int, end: int) -> Attribution | None:
    """A speech verb between `start` and `end` whose named subject is not the quote's
    source ("to which Ray replied"): that speaker, as an attribution of its own."""
    if end <= start:
        return None
    part = nlp_doc.char_span(start, end, alignment_mode="expand")
    if part is None:
        return None
    for verb in part:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or subj.lower_ in FIRST_PERSON:
            continue
        if att.source is not None and att.source.start <= subj.idx < att.source.end:
            continue
        if att.source_head is not None and subj.text == att.source_head.text:
            continue
        toks = [t for t in subj.subtree if not t.is_punct]
        return Attribution(
            cue=Span(verb.idx, verb.idx + len(verb.text)),
            content=[],
            source=Span(toks[0].idx, toks[-1].idx + len(toks[-1].text)),
            cue_text=verb.text,
            direct=True,
            cue_lemma=verb.lemma_.lower(),
            source_head=subj,
            source_tokens=toks,
        )
    return None


# Cues that credit a publication ("the Herald reported"): "the newspaper" later means it.
_PUBLISHING = frozenset({"report", "write", "publish"})

# Cues of a publication credited at the end of a sentence ("..., reports the Herald",
# "..., according to the Herald", "..., the Herald wrote").
_CREDIT_CUES = frozenset({"report", "according to", "write"})


def _outer_credit(att: Attribution, found: list[Attribution], nlp_doc: Any) -> bool:
    """A trailing credit ("reports X", "according to X") of a sentence whose main clause
    already reports speech with its own subject ("Acme announced that Y, reports X"): the
    speaker of that speech is the inner subject, found as an attribution of its own; the
    credit must not make the outlet the speaker of the whole sentence. A speech verb in a
    subordinate clause ("X leads, with voters saying Y, according to Z") leaves the
    credit the sentence's source."""
    lemma = "according to" if att.cue_text.lower() == "according to" else att.cue_lemma
    if lemma not in _CREDIT_CUES or att.direct or not att.content:
        return False
    if max(c.end for c in att.content) > att.cue.start and lemma != "according to":
        # a forward cue ("the Herald reported that ..."): its own content; a fronted
        # "According to the school's post, X said Y" is X's speech, credited
        return False
    credit = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    for inner in found:
        if inner is att or inner.source is None or inner.cue_lemma not in SPEECH_VERBS:
            continue
        if not any(c.start <= inner.source.start and inner.cue.end <= c.end for c in att.content):
            continue
        cue = nlp_doc.char_span(inner.cue.start, inner.cue.end, alignment_mode="expand")
        if cue is None or not len(cue):
            continue
        verb = cue[-1]
        # the main clause: the sentence's root, or the clause the parse hung on the credit verb
        if verb.dep_ == "ROOT" or (
            credit is not None and verb.dep_ in ("ccomp", "parataxis") and verb.head in credit
        ):
            return True
    return False


def _nested(att: Attribution, found: list[Attribution], nlp_doc: Any) -> bool:
    """Indirect speech a person is reported to have told of, inside what that person
    says ("Klein said two other women said they ...", "she disclosed that Bill Clinton
    called her to ..."): the cue and speaker lie in the outer content and the cue's verb
    hangs under the outer verb. It is the outer speaker's account, carried by the outer
    attribution; read alone it would give the words to the people it mentions. A paper's
    or a body's report of someone's words ("The Post reported that Klein said") stays
    the named person's: only a person telling of others is read this way."""
    if att.direct or att.source is None:
        return False
    for outer in found:
        if outer is att or outer.source is None or outer.cue_lemma not in SPEECH_VERBS:
            continue
        who = outer.source_head
        if who is None or not (who.ent_type_ == "PERSON" or who.lower_ in ("he", "she")):
            continue
        if not any(
            c.start <= att.cue.start
            and att.cue.end <= c.end
            and c.start <= att.source.start
            and att.source.end <= c.end
            for c in outer.content
        ):
            continue
        inner = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
        verb = nlp_doc.char_span(outer.cue.start, outer.cue.end, alignment_mode="expand")
        if inner is None or verb is None or not len(inner) or not len(verb):
            continue
        path: list[Any] = []
        for t in inner[-1].ancestors:
            if t in verb:
                # "..., while Cruz said Y": an adverbial clause is the narrator's, not
                # what the outer speaker said
                if all(p.dep_ != "advcl" for p in [inner[-1], *path]):
                    return True
                break
            path.append(t)
    return False


def _as_aside(att: Attribution, nlp_doc: Any) -> bool:
    """A cue verb in an adverbial "as" clause ("... more aggressively as polls show
    Sanders surging", "as Rubio has said"): the writer leaning on a source for their own
    sentence, not a statement the source made in those words."""
    span = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[-1]
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


# A wire dateline opening a line: "New York (AFP) -", "SCRANTON, Pa. (AP) --",
# "WASHINGTON —" (a place in capitals when no agency is bracketed); always its dash,
# so "State Sen. Lee Bright (R), a supporter, said" is a name and a party.
_DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:,[ \t]+[A-Z][\w.]+){0,2}"
    r"[ \t]*\([A-Z][\w .&-]{0,25}\)[ \t]*(?:--|—|–|-)[ \t]"
    r"|[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}(?:,[ \t]+[A-Z][\w.]+){0,2}[ \t]*(?:--|—|–))"
)


def _dateline_end(text: str, att: Attribution) -> int | None:
    """Where a line's wire dateline ends, when the attribution's source word lies in it."""
    head = att.source_head
    if head is None:
        return None
    line = text.rfind("\n", 0, head.idx) + 1
    m = _DATELINE.match(text, line)
    if m is None or not line <= head.idx < m.end():
        return None
    return m.end()


def _person_after(name_toks: list[Any]) -> list[Any]:
    """ "said Leeds resident Jason Pratt", "said Acme spokesman Tom Ray": a name found by
    word order that stops at a place or an employer before a lower-case description
    runs on to the person named after it."""
    if not name_toks:
        return name_toks
    doc, k = name_toks[-1].doc, name_toks[-1].i + 1
    while k < len(doc) and k - name_toks[-1].i <= 3 and doc[k].is_lower and doc[k].pos_ == "NOUN":
        k += 1
    person = []
    while k < len(doc) and doc[k].ent_type_ == "PERSON":
        person.append(doc[k])
        k += 1
    return person or name_toks


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
    if first.dep_ == "prep" and first.head.i < part.start and len(part) <= 6:
        # '... Ware said in a statement according to The Blaze': the content left before
        # "according to" is how the words came, not words said
        return False
    if first.tag_ in ("WDT", "WP") and not (
        first.lower_ == "that"
        and first.dep_ not in ("nsubj", "nsubjpass", "dobj")
        and any(t.dep_ in ("nsubj", "nsubjpass") for t in part[1:])
    ):
        # "which Veltrix says will cost": a relative clause, not the words said; "told the
        # convention that Clinton ...", tagged as a relative "that", has a clause of its own
        return False
    return not (first.pos_ in ("AUX", "VERB") and first.tag_ in ("VBZ", "VBP", "VBD", "MD"))


def _participle_thought(att: Attribution, nlp_doc: Any) -> bool:
    """A belief verb as a participle clause ("Realising X, he climbed"; "knowing that X"):
    what someone knew or noticed, not what they said."""
    cue = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    verb = cue[-1]
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.lemma_.lower() in BELIEF_VERBS


def _recipient(nlp_doc: Any, span: Span) -> bool:
    """Content that is the passive subject of its cue ("The board was told ..."): the
    one spoken to, never the words said."""
    part = nlp_doc.char_span(span.start, span.end, alignment_mode="expand")
    if part is None or not len(part):
        return False
    return part.root.dep_ == "nsubjpass"


def _negated(att: Attribution, nlp_doc: Any) -> bool:
    """A denial ("denied that") or a negated cue ("did not say that")."""
    if att.cue_lemma in DENIAL_VERBS:
        return True
    span = nlp_doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    return span is not None and any(
        c.dep_ == "neg" for t in span if t.pos_ in ("VERB", "AUX") for c in t.children
    )


_OPENING = re.compile(r"(?:^|(?<=\s))[\"\u201c\u2018'\u00ab](?=\w)")


def _partial_quote(text: str, att: Attribution) -> bool:
    """Reported speech that quotes only part of what was said ("that the company 'needs
    some time'"): the reporter's lead-in words must not be shown inside quotation marks."""
    if not att.content:
        return False
    first = text[att.content[0].start : att.content[0].end].strip()
    if first.startswith("that "):
        first = first[5:]
    m = _OPENING.search(first)
    return m is not None and m.start() > 0 and bool(re.search(r"\w", first[: m.start()]))


def _shown_text(text: str, att: Attribution, nlp_doc: Any) -> str:
    """The quote as the brief shows it: reported speech under a denial keeps its cue
    ("denied that the device would ..."), so the denial is never shown as a claim; a
    partial quote keeps its own quotation marks around the quoted words only."""
    if _partial_quote(text, att):
        parts = [text[c.start : c.end].strip().rstrip(",") for c in att.content]
        shown = " ".join(parts)
        return shown[5:] if shown.startswith("that ") else shown
    if (
        not att.direct
        and att.content
        and att.cue.end <= att.content[0].start
        and _negated(att, nlp_doc)
    ):
        first = Span(att.cue.start, att.content[0].end)
        return _display(text, [first, *att.content[1:]])
    return _display(text, att.content)


def _first_person(text: str, att: Attribution) -> bool:
    """Content in the first person is the speaker's own words, not reported speech
    ("I will not run again", "now we think ..." with its quotation marks lost): reported
    speech turns "I" and "we" into "he" and "they"."""
    if not att.content or att.source_head is None:
        return False
    if att.source_head.lower_ in FIRST_PERSON:
        return False
    content = text[att.content[0].start : att.content[-1].end]
    return any(w in FIRST_PERSON_SINGULAR or w in FIRST_PERSON for w in _pronouns(content))


def _stripped_direct(text: str, att: Attribution) -> bool:
    """First-person words before "said NAME" with no quotation marks: direct speech whose marks were stripped."""
    if not att.name_tokens or att.source is None or not att.content:
        return False
    content = text[att.content[0].start : att.content[-1].end]
    if QUOTE_MARK.search(content) or att.content[-1].end > att.source.start:
        return False
    return bool(_pronouns(content) & FIRST_PERSON)


def _pronouns(content: str) -> set[str]:
    """The words of `content`, lower-cased, for a first-person test: "US" in capitals is
    the country ("pull out of the US market"), not "us", unless the text is in capitals."""
    shouting = sum(c.isupper() for c in content) > sum(c.islower() for c in content)
    return {w.lower() for w in re.findall(r"[A-Za-z]+", content) if shouting or w != "US"}


def _backfill(quotes: list[Quote], resolver: SpeakerResolver) -> None:
    """Give every quote of a person the role and organisation learned anywhere in the document."""
    for q in quotes:
        if q.speaker_kind != "person" or q.speaker is None:
            continue
        at = q.source_span.start + 1 if q.source_span else None
        full = resolver.canonical(q.speaker, at)
        if full and q.cue != "speaker label":
            q.speaker = full
        person = resolver.person(q.speaker)
        if person is not None:
            if says_more(person.role, q.role):
                q.role, q.organisation = person.role, person.organisation or q.organisation
            q.organisation = q.organisation or person.organisation
