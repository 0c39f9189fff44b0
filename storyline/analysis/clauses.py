"""Clause spans from the parse, stored in the Analysis for the later stages.

The brief stage needs clause boundaries (a timeline event is the clause its
date belongs to) but must not load spaCy again: this component records every
verb-headed clause (its verb, dependency label and character extent, and the
clause it sits in) while the pipeline still holds the parse.
"""

from __future__ import annotations

from typing import Any

from ..model import Analysis, Clause
from .registry import register

# Dependency labels whose subtree is a clause of its own.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj", "pcomp"}
)

_LEADING = frozenset({"mark", "cc", "punct"})  # "when", "because", ", and"


def find_clauses(nlp_doc: Any) -> list[Clause]:
    """Every verb-headed clause of a parsed doc, outermost first within each sentence."""
    found: list[Clause] = []
    index: dict[int, int] = {}
    doc = nlp_doc
    for sent in nlp_doc.sents:
        heads = [
            t
            for t in sent
            if t.dep_ in CLAUSE_DEPS and (t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT")
        ]
        heads.sort(key=lambda t: sum(1 for _ in t.ancestors))
        for t in heads:
            lo, hi = t.left_edge, t.right_edge
            while hi.i > lo.i and hi.is_space:  # "enough.\n\n": the extent ends at the text
                hi = doc[hi.i - 1]
            while lo.i < hi.i and lo.is_space:
                lo = doc[lo.i + 1]
            own = (
                min(t.head.left_edge.i, lo.i)
                if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN")
                else lo.i
            )
            lead = own
            while lead <= hi.i and (doc[lead].dep_ in _LEADING or doc[lead].tag_ == "WRB"):
                lead += 1
            parent = next((index[a.i] for a in t.ancestors if a.i in index), -1)
            index[t.i] = len(found)
            found.append(
                Clause(
                    start=lo.idx,
                    end=hi.idx + len(hi),
                    head=t.idx,
                    dep=t.dep_,
                    lemma=t.lemma_.lower(),
                    parent=parent,
                    pos=t.pos_,
                    subject=any(c.dep_.startswith("nsubj") for c in t.children),
                    own_start=doc[own].idx,
                    lead_end=doc[lead].idx if lead <= hi.i else hi.idx + len(hi),
                )
            )
    return found


@register
class ClauseMarker:
    """Analysis component: fills `analysis.clauses` from the parse."""

    name = "clauses"
    version = "2"
    requires: tuple[str, ...] = ("nlp",)
    provides: tuple[str, ...] = ("clauses",)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.nlp is not None:
            analysis.clauses = find_clauses(analysis.nlp)
        return analysis
