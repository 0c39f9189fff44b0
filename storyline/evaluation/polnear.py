"""PolNeAR attribution gold and our predictions in its conventions.

Shared by the bench (bench/polnear.py) and the cue model's trainer
(train_cue_model.py): the brat reader, the parse the analysis pipeline makes,
our attributions as PolNeAR spans them, and Citron's token-overlap counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..analysis.attribution import extract_attributions
from ..analysis.cue_model import Models
from ..analysis.pipeline import parse as parse_document
from ..ingest.segment import segment
from ..model import Document

ROLES = ("Source", "Cue", "Content")

Gold = list[dict[str, list[tuple[int, int]]]]  # per attribution: role -> parts


def read_ann(path: Path) -> Gold:
    """Gold attributions (brat `E` events) from one brat file, each role as its span parts."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            bounds = [r.split() for r in ranges.split(";")]
            spans[parts[0]] = (label, [(int(a), int(b)) for a, b in bounds])
        elif line.startswith("E"):
            events.append(parts[1].split()[1:])
    gold: Gold = []
    for args in events:
        att: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg in args:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in att and tid in spans:
                att[role].extend(spans[tid][1])
        gold.append(att)
    return gold


def merged(att: dict[str, list[tuple[int, int]]], role: str) -> list[tuple[int, int]]:
    """A role's parts as one span from first start to last end (none when empty)."""
    parts = att[role]
    return [(min(s for s, _ in parts), max(e for _, e in parts))] if parts else []


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def cue_span(doc, start: int, end: int) -> tuple[int, int]:
    """Our cue widened to PolNeAR's convention: the verb's adjacent adverbs, negation and
    do-support before it ("also said", "don't like"), its particle or preposition and a
    colon after it ("asked about", "pointing out", "replied:")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return start, end
    verb = span[0]
    i = verb.i
    while (
        i > 0
        and doc[i - 1].head == verb
        and (
            doc[i - 1].dep_ in ("advmod", "neg")
            or (doc[i - 1].dep_ == "aux" and doc[i - 1].lemma_ == "do")
        )
    ):
        i -= 1
    j = verb.i
    if j + 1 < len(doc) and doc[j + 1].head == verb and doc[j + 1].dep_ in ("prt", "prep"):
        j += 1
    if j + 1 < len(doc) and doc[j + 1].text == ":":
        j += 1
    return doc[i].idx, doc[j].idx + len(doc[j])


def source_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Our source in PolNeAR's convention: an appositive's closing comma belongs to it
    ("Ann Lee, a farmer, said")."""
    if "," in text[start:end] and text[end : end + 1] == ",":
        return start, end + 1
    return start, end


def predict(text: str, doc: Any, models: Models | None = None, learned: bool = True) -> Gold:
    """Our attributions in PolNeAR's conventions (`cue_span`, `source_span`); a quote
    continued in the next sentence joined to its attribution."""
    out: Gold = []
    for att in extract_attributions(
        text, doc, join_sentences=True, nested=False, models=models, learned=learned
    ):
        out.append(
            {
                "Source": [source_span(text, att.source.start, att.source.end)]
                if att.source
                else [],
                "Cue": [cue_span(doc, att.cue.start, att.cue.end)],
                "Content": [(c.start, c.end) for c in att.content],
            }
        )
    return out


def parse(nlp, text: str):
    """The text parsed as the analysis pipeline parses a document: the sentences of
    ingest/segment.py preset, so no sentence runs across a paragraph break."""
    paragraphs, sentences = segment(text)
    document = Document(
        id="polnear", source="polnear", text=text, paragraphs=paragraphs, sentences=sentences
    )
    return parse_document(document, nlp)


def _tokens(doc, parts: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the non-space tokens the parts touch (Citron counts tokens, not characters)."""
    ids: set[int] = set()
    for s, e in parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            ids.update(t.i for t in span if not t.is_space)
    return frozenset(ids)


def token_overlap(doc, pred: Gold, gold: Gold, role: str) -> tuple[int, int, int, int]:
    """(overlap counted for precision, predicted tokens, overlap for recall, gold tokens)."""
    p = [_tokens(doc, a[role]) for a in pred]
    g = [_tokens(doc, a[role]) for a in gold]
    p_hit = sum(min(len(x), sum(len(x & y) for y in g)) for x in p)
    g_hit = sum(min(len(y), sum(len(x & y) for x in p)) for y in g)
    return p_hit, sum(map(len, p)), g_hit, sum(map(len, g))


def token_losses(doc, pred: Gold, gold: Gold, role: str) -> dict[str, int]:
    """Where the token-overlap score of `role` loses tokens, by kind.

    Recall kinds count gold tokens of the role that no predicted span covers:
    "missed attribution" (no prediction shares a cue or content token with the gold
    attribution), "role missed" (one does, but none of this role's gold tokens is
    covered), "short at start" / "short at end" / "gap inside" (partly covered, the rest
    before, after or between). Precision kinds count predicted tokens that no gold span
    of the role holds: "spurious attribution" (no gold attribution shares a cue or
    content token), "gold has no source" (Source only: the gold attributions sharing the
    cue are all implicit), "role wrong" (the attribution matches, this role overlaps no
    gold), "long at start" / "long at end" / "extra inside". Keys start with "recall: "
    or "precision: "; `bench/polnear.py --losses` sums them over a split."""
    out: dict[str, int] = {}

    def add(kind: str, n: int) -> None:
        if n:
            out[kind] = out.get(kind, 0) + n

    P = [{r: _tokens(doc, a[r]) for r in ROLES} for a in pred]
    G = [{r: _tokens(doc, a[r]) for r in ROLES} for a in gold]
    covered = frozenset().union(*(p[role] for p in P))
    held = frozenset().union(*(g[role] for g in G))
    for side, mine, theirs, pool, words in (
        ("recall", G, P, covered, ("missed attribution", "role missed", "short", "gap inside")),
        ("precision", P, G, held, ("spurious attribution", "role wrong", "long", "extra inside")),
    ):
        for a in mine:
            lost = a[role] - pool
            if not lost:
                continue
            near = [b for b in theirs if (a["Cue"] & b["Cue"]) or (a["Content"] & b["Content"])]
            kept = a[role] - lost
            if not near:
                add(f"{side}: {words[0]}", len(lost))
            elif kept:
                lo, hi = min(kept), max(kept)
                add(f"{side}: {words[2]} at start", sum(i < lo for i in lost))
                add(f"{side}: {words[2]} at end", sum(i > hi for i in lost))
                add(f"{side}: {words[3]}", sum(lo < i < hi for i in lost))
            elif (
                side == "precision"
                and role == "Source"
                and not any(b["Source"] for b in near if a["Cue"] & b["Cue"])
                and any(a["Cue"] & b["Cue"] for b in near)
            ):
                add(f"{side}: gold has no source", len(lost))
            else:
                add(f"{side}: {words[1]}", len(lost))
    return out
