"""A learned cue finder: verbs outside the cue lists that PolNeAR annotates as cues.

The hand-written finders (cue_finders.py) fire on listed cue words. Most of the
attribution tokens they still miss belong to cues no list holds ("took a shot
at X", "X has fired his data director", "railed against"): acts and stances
whose object is the content. A rule taking every named actor's verb with an
object cost more precision than it gained, so the choice is learned: every
other verb that the general verb finder (`_verb_attribution`) can give a
source and a content is a candidate, described by sparse features of its
parse (lemma, dependency, head, subject, object, complements, neighbours,
quotation marks, position), and a logistic regression trained on PolNeAR
train (`storyline.evaluation.train_cue_model`) says which are cues. The
weights ship as plain arrays (`data/cue_model.npz`: feature names, weights,
bias, threshold); no pickle. A learned cue's attribution is `broad`: kept for
evaluation and as a direct quote's cue, never shown as indirect speech.

A second model (`nest`) decides, under PolNeAR's convention (`nested=False`),
which attributions inside another's content are kept (`keeps_nested`).

A third (`noun`) proposes noun cues no list holds ("the contention that X", "his
critique of Y", "voiced doubts about Z"): every noun that `cue_finders.noun_candidate`
gives a content (its that-clause, to-clause or prepositional object) is a candidate,
and the model, over the noun's lemma (a lexicon learned from train), what its content
and source are and its place among the listed finders' attributions, says which are
cues. Its attributions are `broad` too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .cue_finders import Attribution, _subject, _verb_attribution, noun_candidate
from .cues import CUE_VERBS
from .quotemarks import find_quote_spans

SHIPPED = Path(__file__).parent / "data" / "cue_model.npz"

_POS = frozenset({"VERB"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})


@dataclass(slots=True, frozen=True)
class LinearModel:
    """A logistic regression over named sparse features; a candidate is taken when its
    score (log-odds) reaches `threshold`."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats)

    def takes(self, feats: Iterable[str]) -> bool:
        return self.score(feats) >= self.threshold


# The shipped models by job: "cue" (which candidate verbs are cues), "nest" (which nested
# attributions PolNeAR keeps), "noun" (which candidate nouns are cues).
Models = dict[str, LinearModel]


def save_models(path: Path, models: Models) -> None:
    arrays: dict[str, Any] = {}
    for key, m in models.items():
        names = sorted(m.weights)
        arrays[f"{key}_names"] = np.array(names, dtype=np.str_)
        arrays[f"{key}_weights"] = np.array([m.weights[n] for n in names], dtype=np.float32)
        arrays[f"{key}_bias"] = np.float32(m.bias)
        arrays[f"{key}_threshold"] = np.float32(m.threshold)
    np.savez_compressed(path, **arrays)


def read_models(path: Path) -> Models:
    models: Models = {}
    with np.load(path, allow_pickle=False) as data:
        for key in sorted({k.rsplit("_", 1)[0] for k in data.files}):
            names = [str(n) for n in data[f"{key}_names"]]
            weights = dict(zip(names, (float(x) for x in data[f"{key}_weights"]), strict=True))
            models[key] = LinearModel(
                weights, float(data[f"{key}_bias"]), float(data[f"{key}_threshold"])
            )
    return models


@functools.lru_cache(maxsize=1)
def shipped_models() -> Models:
    """The trained models (none when the package ships no file: the learned parts are off)."""
    return read_models(SHIPPED) if SHIPPED.exists() else {}


def candidates(text: str, doc: Any, found: list[Attribution]) -> list[tuple[Any, Any, Attribution]]:
    """Verbs outside the cue lists that the general verb finder gives a content, with
    their sentence and the attribution it builds; verbs that are already some
    attribution's cue are skipped."""
    taken = {(a.cue.start, a.cue.end) for a in found}
    taken_starts = {a.cue.start for a in found}
    out: list[tuple[Any, Any, Attribution]] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ not in _POS or tok.lemma_.lower() in CUE_VERBS:
                continue
            if tok.idx in taken_starts:
                continue
            seg_start = max(sent.start_char, text.rfind("\n", 0, tok.idx) + 1)
            att = _verb_attribution(text, tok, sent, seg_start)
            if att is None or (att.cue.start, att.cue.end) in taken:
                continue
            if (
                att.source is None
                and "\n" in text[att.cue.end : att.content[0].start]
                and any(sent.start_char <= a.cue.start < sent.end_char for a in found)
            ):
                # "Acme released the following statement:" and the next paragraph: the
                # listed cue's colon introduction (attribution._colon_intro) owns it, not
                # a sourceless "following" ("Transcript as follows:" has no other cue)
                continue
            out.append((tok, sent, att))
    return out


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def _subject_kind(subj: Any) -> str:
    if subj is None:
        return "none"
    if subj.lower_ in _PRONOUNS:
        return "pron:" + subj.lower_
    if subj.ent_type_:
        return "ent:" + subj.ent_type_
    return "pos:" + subj.pos_


def features(
    text: str,
    tok: Any,
    sent: Any,
    att: Attribution,
    quoted: list[tuple[int, int]],
    found: list[Attribution],
) -> list[str]:
    """Sparse features of a candidate cue verb and the attribution built on it; `found`
    are the listed finders' attributions (a verb inside one's content is rarely a cue
    PolNeAR annotates; one whose content holds a listed cue would displace it)."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    head = tok.head
    children = list(tok.children)
    deps = sorted({c.dep_ for c in children})
    subj = _subject(tok)
    obj = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    preps = [c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent") and c.i > tok.i]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    in_quote = any(a <= tok.idx < b for a, b in quoted)
    content = att.content[0]
    content_words = len(text[content.start : content.end].split())
    f = [
        "lemma=" + lemma,
        "tag=" + tok.tag_,
        "dep=" + tok.dep_,
        "head=" + head.lemma_.lower(),
        "headpos=" + head.pos_,
        "dep+headpos=" + tok.dep_ + "+" + head.pos_,
        "subj=" + _subject_kind(subj),
        "lemma+subj=" + lemma + "+" + _subject_kind(subj).split(":")[0],
        "obj=" + (obj.lemma_.lower() if obj is not None else "-"),
        "lemma+obj=" + lemma + "+" + (obj.lemma_.lower() if obj is not None else "-"),
        "objent=" + (obj.ent_type_ or obj.pos_ if obj is not None else "-"),
        "prev=" + (prev.lower_ if prev is not None else "^"),
        "next=" + (nxt.lower_ if nxt is not None else "$"),
        "quoted=" + str(in_quote),
        "direct=" + str(att.direct),
        "clausal=" + str(att.clausal),
        "source=" + str(att.source is not None),
        "content_words=" + _bucket(content_words),
        "content_after=" + str(content.start >= att.cue.end),
        "sentpos=" + _bucket(tok.i - sent.start),
    ]
    inside = any(c.start <= tok.idx < c.end for a in found for c in a.content)
    holds = any(c.start <= a.cue.start < c.end for a in found for c in att.content)
    same = any(sent.start_char <= a.cue.start < sent.end_char for a in found)
    f += ["inside_found=" + str(inside), "holds_found=" + str(holds), "sent_found=" + str(same)]
    f.extend("child=" + d for d in deps)
    f.extend("lemma+child=" + lemma + "+" + d for d in deps if d in ("ccomp", "xcomp", "dobj"))
    f.extend("prep=" + p for p in preps)
    f.extend("lemma+prep=" + lemma + "+" + p for p in preps)
    if any(c.dep_ == "neg" for c in children):
        f.append("neg")
    aux = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    f.extend("aux=" + a for a in aux)
    return f


def learned_attributions(
    text: str, doc: Any, found: list[Attribution], models: Models | None = None
) -> list[Attribution]:
    """The candidates the cue model (verbs) and the noun model take as cues, marked
    `broad`; a noun inside a taken verb's cue ("voiced criticism of X") is left to it."""
    ms = shipped_models() if models is None else models
    model, noun_model = ms.get("cue"), ms.get("noun")
    if model is None and noun_model is None:
        return []
    quoted = [(s.start, s.end) for group in find_quote_spans(text) for s in group]
    out = []
    if model is not None:
        for tok, sent, att in candidates(text, doc, found):
            if model.takes(features(text, tok, sent, att, quoted, found)):
                att.broad = True
                out.append(att)
    if noun_model is not None:
        taken = [(a.cue.start, a.cue.end) for a in out]
        for tok, sent, att in noun_candidates(text, doc, found):
            if any(s < att.cue.end and att.cue.start < e for s, e in taken):
                continue
            if noun_model.takes(noun_features(text, tok, sent, att, quoted, found)):
                out.append(att)
    return out


def noun_candidates(
    text: str, doc: Any, found: list[Attribution]
) -> list[tuple[Any, Any, Attribution]]:
    """Nouns to which `cue_finders.noun_candidate` gives a content, with their sentence
    and attribution; nouns inside a listed finder's cue are skipped."""
    cues = [(a.cue.start, a.cue.end) for a in found]
    out: list[tuple[Any, Any, Attribution]] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ != "NOUN" or any(s <= tok.idx < e for s, e in cues):
                continue
            att = noun_candidate(text, tok)
            if att is None or any(s < att.cue.end and att.cue.start < e for s, e in cues):
                continue
            out.append((tok, sent, att))
    return out


def noun_features(
    text: str,
    tok: Any,
    sent: Any,
    att: Attribution,
    quoted: list[tuple[int, int]],
    found: list[Attribution],
) -> list[str]:
    """Sparse features of a candidate cue noun: its lemma (the learned lexicon), what
    its content is (that-clause, to-clause, which preposition's object), where its
    source comes from (possessor, agent, the governing verb's subject) and its place
    among the listed finders' attributions."""
    lemma = tok.lemma_.lower()
    head = tok.head
    kids = list(tok.children)
    content = att.content[0]
    comp = next(
        (c for c in kids if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl", "prep")), None
    )
    if att.clausal:
        comp_kind = "that"
    elif comp is not None and comp.dep_ == "prep":
        comp_kind = "prep:" + comp.lower_
    else:
        comp_kind = "to"
    if att.source is None:
        src = "none"
    elif att.cue.start < tok.idx:
        src = "verb"
    elif any(c.dep_ == "poss" for c in kids):
        src = "poss"
    else:
        src = "agent"
    srck = _subject_kind(att.source_head) if att.source_head is not None else "none"
    det = next((c.lower_ for c in kids if c.dep_ in ("det", "poss") and c.i < tok.i), "-")
    if det not in ("the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "-"):
        det = "other"
    in_quote = any(a <= tok.idx < b for a, b in quoted)
    words = len(text[content.start : content.end].split())
    ents = sorted(
        {
            t.ent_type_
            for t in tok.doc.char_span(content.start, content.end, alignment_mode="expand") or []
            if t.ent_type_
        }
    )
    inside = any(c.start <= tok.idx < c.end for a in found for c in a.content)
    holds = any(content.start <= a.cue.start < content.end for a in found)
    same = any(sent.start_char <= a.cue.start < sent.end_char for a in found)
    f = [
        "n:lemma=" + lemma,
        "n:lemma+comp=" + lemma + "+" + comp_kind,
        "n:lemma+src=" + lemma + "+" + src,
        "n:comp=" + comp_kind,
        "n:src=" + src,
        "n:srck=" + srck,
        "n:comp+src=" + comp_kind + "+" + src,
        "n:dep=" + tok.dep_,
        "n:tag=" + tok.tag_,
        "n:head=" + head.lemma_.lower(),
        "n:dep+headpos=" + tok.dep_ + "+" + head.pos_,
        "n:det=" + det,
        "n:quoted=" + str(in_quote),
        "n:words=" + _bucket(words),
        "n:sentpos=" + _bucket(tok.i - sent.start),
        "n:inside_found=" + str(inside),
        "n:holds_found=" + str(holds),
        "n:sent_found=" + str(same),
    ]
    f.extend("n:amod=" + c.lemma_.lower() for c in kids if c.dep_ == "amod")
    f.extend("n:ent=" + e for e in ents)
    if src == "verb":
        f.append("n:verb+lemma=" + head.lemma_.lower() + "+" + lemma)
    return f


# Cue lemmas named in the nesting features; any other is "other" (few examples each).
_NEST_LEMMAS = frozenset(
    {"say", "tell", "think", "believe", "want", "know", "add", "call", "ask", "argue", "claim"}
)


def _lemma_class(att: Attribution) -> str:
    return att.cue_lemma if att.cue_lemma in _NEST_LEMMAS else "other"


def _source_kind(att: Attribution) -> str:
    if att.source is None:
        return "none"
    head = att.source_head
    if head is None:
        return "span"
    if head.lower_ in _PRONOUNS:
        return "pron"
    return "ent:" + head.ent_type_ if head.ent_type_ else "pos:" + head.pos_


def _same_sentence(text: str, inner: Attribution, outer: Attribution) -> bool:
    """No sentence end or line break between the two cues."""
    lo, hi = sorted((inner.cue.start, outer.cue.start))
    between = text[lo:hi]
    return "\n" not in between and not any(ch in ".?!" for ch in between)


def nest_features(
    text: str, inner: Attribution, outer: Attribution, quoted: list[tuple[int, int]]
) -> list[str]:
    """Sparse features of an attribution whose cue lies inside another's content (`inner`
    in `outer`): PolNeAR annotates the inner one about as often as not when the outer is a
    learned or broad cue, or the inner is "say", and seldom for "want" or "think"."""
    in_quote = any(a <= inner.cue.start < b for a, b in quoted)
    content = next(c for c in outer.content if c.start <= inner.cue.start < c.end)
    words_before = len(text[content.start : inner.cue.start].split())
    share = (inner.content[0].end - inner.content[0].start) / max(content.end - content.start, 1)
    il, ol = _lemma_class(inner), _lemma_class(outer)
    f = [
        "inner=" + il,
        "outer=" + ol,
        "pair=" + ol + ">" + il,
        "outer_broad=" + str(outer.broad),
        "outer_direct=" + str(outer.direct),
        "inner_direct=" + str(inner.direct),
        "inner_broad=" + str(inner.broad),
        "inner_clausal=" + str(inner.clausal),
        "outer_clausal=" + str(outer.clausal),
        "inner_source=" + _source_kind(inner),
        "outer_source=" + _source_kind(outer),
        "inner+source=" + il + "+" + _source_kind(inner).split(":")[0],
        "quoted=" + str(in_quote),
        "words_before=" + _bucket(words_before),
        "share=" + ("most" if share > 0.6 else "half" if share > 0.3 else "small"),
        "outer_broad+inner=" + str(outer.broad) + "+" + il,
        "same_sentence=" + str(_same_sentence(text, inner, outer)),
        "inner_source_inside="
        + str(inner.source is not None and content.start <= inner.source.start < content.end),
        "inner_first=" + str(inner.cue.start < outer.cue.start),
    ]
    return f


def keeps_nested(
    text: str,
    inner: Attribution,
    outer: Attribution,
    quoted: list[tuple[int, int]],
    models: Models | None = None,
) -> bool:
    """Whether the nesting model keeps `inner` beside the `outer` attribution whose content
    holds its cue (no model: never, the rule before the model)."""
    model = (shipped_models() if models is None else models).get("nest")
    return model is not None and model.takes(nest_features(text, inner, outer, quoted))
