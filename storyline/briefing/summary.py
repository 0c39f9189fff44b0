"""Multi-document extractive summary: what many sources say, said once, cited.

A sentence is worth taking when it is central to the cluster (close to the
centroid of the articles), corroborated (other articles carry a sentence
like it), early in its article (news puts the story first), long enough to
inform, and rich in the names and numbers the cluster shares. How much each
signal counts is learned from Multi-News validation clusters
(`storyline.evaluation.train_scorer`, shipped as data/scorer.json). Sentences are
picked greedily with maximal marginal relevance, so a fact said by five
outlets is said once, and every pick cites its own sentence plus the
near-identical ones elsewhere. Boilerplate and sentences that lean on an
antecedent they would not have ("He said...", "The company...") are never
picked on their own. Works on plain Documents; uses analyses when given.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..model import Analysis, Citation, Document, SummarySentence
from .budget import budget_reached, word_count
from .embed import Representation, content_words, dense, sentence_vectors

# The sentence score is a weighted sum of FEATURES. The weights are learned
# (storyline/evaluation/train_scorer.py writes data/scorer.json); these
# hand-set ones (tuned modestly on the Multi-News dev file) are the fallback.
FEATURES = (
    "centrality",
    "support",
    "position",
    "first",
    "salience",
    "shared_terms",
    "digits",
    "length",
    "lead_similarity",
    "quoted",
)
HAND_WEIGHTS = {"centrality": 1.0, "support": 1.0, "position": 0.35, "salience": 0.25}
POSITION_DECAY = 0.5  # position feature = 1 / (1 + rank in article) ** POSITION_DECAY
_SCORER = Path(__file__).parent / "data" / "scorer.json"
# With a focus, a score (rescaled to 0.5..1.5, as learned ones can be negative)
# is scaled by (relevance / best relevance) ** FOCUS.
FOCUS = 2.0
MIN_RELEVANCE = 0.05
# MMR: penalty on similarity to what is already chosen; above REDUNDANT a
# sentence is a repeat and is skipped. Both checked on validation clusters
# 2000..2299 (NOVELTY 0.15/0.5, REDUNDANT 0.2/0.45 tfidf: none clearly better).
NOVELTY = 0.3
REDUNDANT = {"tfidf": 0.3, "minilm": 0.75}
# Similarity at which another document is taken to carry the same information.
SAME_INFORMATION = {"tfidf": 0.4, "minilm": 0.75}
MIN_WORDS, MAX_WORDS = 6, 50
# A line without closing punctuation is a caption or headline unless it is long.
MIN_WORDS_UNPUNCTUATED = 10

# Lines of web furniture, not reporting: phrases (matched lower-cased) and patterns.
_BOILERPLATE_PHRASES = (
    "http://",
    "https://",
    "www.",
    "©",
    "copyright",
    "all rights reserved",
    "click",
    "subscribe",
    "subscription",
    "newsletter",
    "sign up",
    "log in",
    "login",
    "follow us",
    "advertis",
    "read more",
    "cookie",
    "javascript",
    "browser",
    "share this",
    "share on",
    "email this",
    "e-mail this",
    "terms of use",
    "terms of service",
    "privacy policy",
    "photo by",
    "photo:",
    "photos:",
    "getty images",
    "ap photo",
    "contributed to this report",
    "updated:",
    "play video",
    "video:",
    "reprints",
    "non-commercial use",
    "image caption",
    "opens in new window",
    "opens in a new window",
    "your tweets",
    "tweet location",
    "as an interest",
    "stay up to date",
    "story continues below",
)
_BOILERPLATE = re.compile(
    r"^you (?:can|always|may|must|will|should|are|have)\b|@\w+\.\w|\bcomments?\b|^related:|this (?:article|story|post) (?:was|has been|originally)"
)
# Openers that need the sentence before them to be understood.
_DANGLING = re.compile(
    r"""^["'“‘(]*(?:(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those|there|such"""
    r"""|but|and|or|so|also|however|still|yet|meanwhile|instead|then|thus|moreover|furthermore|besides"""
    r"""|nevertheless|otherwise|likewise|similarly|indeed|later|afterward|afterwards)\b"""
    r"""|the (?:company|firm|group|man|woman|men|women|boy|girl|couple|agency|department|official"""
    r"""|officials|suspect|victim|move|decision|report|study|bill|plan|deal|team|pair|latter|former"""
    r"""|same|source|spokesman|spokeswoman|lawmaker|senator|president|ceo|singer|actor|actress|star"""
    r"""|player|network|paper|newspaper|magazine|station|statement|letter|incident|case)\b)""",
    re.IGNORECASE,
)
# "…," he explained: a quote whose speaker is only a pronoun also leans on what came before.
_PRONOUN_SPEAKER = re.compile(
    r"""[,"”']\s*(?:he|she|they)\s+(?:later\s+|also\s+)?(?:said|says|explained|added|told|noted|argued|continued|stressed|insisted|warned)\b""",
    re.IGNORECASE,
)
# The first double quote mark closes a quotation: the sentence starts mid-quote.
_CLOSES_FIRST = re.compile(r"""^[^"“”]*(?:”|[^\s"“”]"(?=[\s,.;:!?)]|$))""")
# A dateline ("LOS ANGELES (AP) —", "(CNN)") is dropped from the quoted sentence.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.,' -]+(?: \([^)]{1,30}\))? ?(?:—|–|--|-|>>|:) ?|\((?:CNN|AP|Reuters|AFP)\) ?(?:—|–|--|-)? ?)"
)
_END = re.compile(r"""[.!?]["'”’)\]]*$""")
_NAME_OR_NUMBER = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*|\b\d[\d,.]*\b")


@dataclass(slots=True)
class _Candidate:
    doc: int
    order: int  # position among the document's sentences
    start: int
    end: int
    text: str
    words: int
    dangling: bool


def _eligible(text: str, words: int) -> bool:
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    if words < MIN_WORDS_UNPUNCTUATED and not _END.search(text):
        return False
    lowered = text.lower()
    if any(phrase in lowered for phrase in _BOILERPLATE_PHRASES) or _BOILERPLATE.search(lowered):
        return False
    if text.isupper() or text.endswith("?"):
        return False  # shouting, or a question the article goes on to answer
    if _CLOSES_FIRST.match(text):
        return False  # the tail of a quotation cut in two by the sentence splitter
    capitalised = sum(w[:1].isupper() for w in text.split())
    return capitalised <= 0.6 * words  # title-cased headline or a byline list


def _candidates(documents: list[Document]) -> list[_Candidate]:
    found = []
    for d, document in enumerate(documents):
        for order, sentence in enumerate(document.sentences):
            start = sentence.start
            text = document.sentence_text(sentence)
            dateline = _DATELINE.match(text)
            if dateline and dateline.end() < len(text):
                start += dateline.end()
                text = text[dateline.end() :]
            words = word_count(text)
            if _eligible(text, words):
                dangling = bool(_DANGLING.match(text) or _PRONOUN_SPEAKER.search(text))
                found.append(_Candidate(d, order, start, sentence.end, text, words, dangling))
    return found


def _is_after(published: str | None, since: str) -> bool:
    """True only when `published` is surely later than `since` at their shared precision."""
    if not published:
        return False
    shared = min(len(published), len(since))
    return published[:shared] > since[:shared]


def _terms(
    candidates: list[_Candidate], documents: list[Document], analyses: list[Analysis] | None
) -> list[set[str]]:
    """The names and numbers in each candidate: from the analyses' entities and
    figures when they cover its document, else capitalised runs and numbers."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    by_id = {a.document.id: a for a in analyses or []}
    for d, document in enumerate(documents):
        analysis = by_id.get(document.id)
        if analysis is not None and analysis.entities:
            found = [(m.start, m.end, (m.canonical or m.text).lower()) for m in analysis.entities]
            found += [
                (c.start, c.end, f.text.lower()) for f in analysis.figures for c in f.citations[:1]
            ]
            spans[d] = found
    terms = []
    for c in candidates:
        if c.doc in spans:
            terms.append({t for start, end, t in spans[c.doc] if c.start <= start and end <= c.end})
        else:
            terms.append({m.lower() for m in _NAME_OR_NUMBER.findall(c.text)})
    return terms


def _salience(candidates: list[_Candidate], terms: list[set[str]]) -> np.ndarray:
    """How many names and numbers a sentence shares with other documents (capped)."""
    in_docs: dict[str, set[int]] = {}
    for c, found in zip(candidates, terms, strict=False):
        for term in found:
            in_docs.setdefault(term, set()).add(c.doc)
    scores = np.zeros(len(candidates), dtype=np.float32)
    for i, found in enumerate(terms):
        shared = sum(1 for t in found if len(in_docs[t]) >= 2)
        scores[i] = min(shared, 5) / 5.0
    return scores


def _centrality(vectors: np.ndarray, docs: np.ndarray, n_docs: int) -> np.ndarray:
    """Cosine to the centroid of the per-document centroids (each article counts once)."""
    counts = np.bincount(docs, minlength=n_docs).astype(np.float32)
    present = counts > 0
    weights = np.zeros((1, len(docs)), dtype=np.float32)
    weights[0] = 1.0 / (counts[docs] * present.sum())
    centroid = dense(vectors.T @ weights.T).ravel()  # mean of the per-document means
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(vectors.shape[0], dtype=np.float32)
    return dense(vectors @ (centroid / norm)).ravel()


def _corroboration(similarity: np.ndarray, docs: np.ndarray, n_docs: int) -> np.ndarray:
    """best[i, d]: the similarity of sentence i to its closest sentence in document d."""
    best = np.zeros((len(docs), n_docs), dtype=np.float32)
    for d in range(n_docs):
        members = docs == d
        if members.any():
            best[:, d] = similarity[:, members].max(axis=1)
    best[np.arange(len(docs)), docs] = 0.0  # a document does not corroborate itself
    return best


@functools.lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    """The learned weights when the package ships them, else the hand-set ones (warned once)."""
    try:
        return json.loads(_SCORER.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError) as exc:
        logging.getLogger(__name__).warning(
            "%s unusable (%s: %s); summaries use the hand-set weights, which score lower",
            _SCORER,
            type(exc).__name__,
            exc,
        )
        return HAND_WEIGHTS


def _shared_terms(candidates: list[_Candidate]) -> np.ndarray:
    """How many content words a sentence shares with other documents (capped).
    Unlike `_salience` it needs no capitals, so it means the same on
    lower-cased text (the validation data the weights are learned on)."""
    words = [set(content_words(c.text)) for c in candidates]
    in_docs: dict[str, set[int]] = {}
    for c, found in zip(candidates, words, strict=False):
        for word in found:
            in_docs.setdefault(word, set()).add(c.doc)
    return np.array(
        [min(sum(len(in_docs[w]) >= 2 for w in found), 10) / 10.0 for found in words],
        dtype=np.float32,
    )


def sentence_features(
    candidates: list[_Candidate],
    documents: list[Document],
    vectors,
    similarity: np.ndarray,
    best: np.ndarray,
    analyses: list[Analysis] | None = None,
) -> np.ndarray:
    """One row per candidate, one column per name in FEATURES."""
    docs = np.array([c.doc for c in candidates])
    n_docs = len(documents)
    others = max(len(set(docs.tolist())) - 1, 1)
    rank = np.zeros(len(candidates), dtype=np.float32)
    seen: dict[int, int] = {}
    for i, c in enumerate(candidates):
        rank[i] = seen.get(c.doc, 0)
        seen[c.doc] = seen.get(c.doc, 0) + 1
    leads = np.flatnonzero(rank == 0)
    lead_similarity = similarity[:, leads].copy() if len(leads) else np.zeros((len(candidates), 1))
    if len(leads):
        lead_similarity[docs[:, None] == docs[leads][None, :]] = 0.0  # not its own article's lead
    columns = {
        "centrality": _centrality(vectors, docs, n_docs),
        "support": best.sum(axis=1) / others,
        "position": 1.0 / (1.0 + rank) ** POSITION_DECAY,
        "first": (rank == 0).astype(np.float32),
        "salience": _salience(candidates, _terms(candidates, documents, analyses)),
        "shared_terms": _shared_terms(candidates),
        "digits": np.array(
            [any(ch.isdigit() for ch in c.text) for c in candidates], dtype=np.float32
        ),
        "length": np.array([c.words / MAX_WORDS for c in candidates], dtype=np.float32),
        "lead_similarity": lead_similarity.max(axis=1),
        "quoted": np.array([any(q in c.text for q in '"“”') for c in candidates], dtype=np.float32),
    }
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float32)


def summarize(
    documents: list[Document],
    *,
    words: int | None = 250,
    sentences: int | None = None,
    focus: str | None = None,
    since: str | None = None,
    analyses: list[Analysis] | None = None,
    representation: Representation = "tfidf",
) -> list[SummarySentence]:
    """Pick and order the sentences of a multi-document summary.

    `words` (or `sentences`, which overrides it) sets the length by the rule in
    `storyline.briefing.budget`. `focus` is a query the summary should answer.
    `since` (ISO date prefix) keeps only information from documents published
    after it that earlier documents do not already carry; documents without a
    date are neither new nor old. `analyses` (matched to documents by id) give
    entity and figure mentions for the `salience` feature (without them
    capitalised names and numbers stand in); the shipped learned weights give
    it no weight, as the lower-cased data they are learned from has no capitals,
    so analyses matter only under the hand-set weights. `representation` is "tfidf" (default: better and ~100x
    faster on Multi-News dev, see BENCHMARKS) or "minilm".
    """
    candidates = _candidates(documents)
    if not candidates:
        return []
    texts = [c.text for c in candidates]
    queries = [focus] if focus else []
    vectors = sentence_vectors(texts + queries, representation)
    query = vectors[len(texts) :] if focus else None
    vectors = vectors[: len(texts)]
    docs = np.array([c.doc for c in candidates])
    similarity = dense(vectors @ vectors.T)
    best = _corroboration(similarity, docs, len(documents))
    features = sentence_features(candidates, documents, vectors, similarity, best, analyses)
    weights = np.array([_weights().get(name, 0.0) for name in FEATURES], dtype=np.float32)
    score = features @ weights
    allowed = np.ones(len(candidates), dtype=bool)
    if query is not None:
        relevance = dense(vectors @ query.T).ravel()
        if relevance.max() > MIN_RELEVANCE:  # else nothing matches: a plain summary
            # A focused summary ranks by relevance first; the usual signals break ties.
            spread = max(float(score.max() - score.min()), 1e-9)
            score = (relevance / relevance.max()) ** FOCUS * (0.5 + (score - score.min()) / spread)
            allowed &= relevance > MIN_RELEVANCE
    if since is not None:
        new = np.array([_is_after(documents[c.doc].published, since) for c in candidates])
        old = np.array(
            [
                documents[c.doc].published is not None
                and not _is_after(documents[c.doc].published, since)
                for c in candidates
            ]
        )
        known = similarity[:, old].max(axis=1) if old.any() else np.zeros(len(candidates))
        allowed &= new & (known < SAME_INFORMATION[representation])
    chosen = _select(candidates, score, similarity, allowed, words, sentences, representation)
    return [
        _summary_sentence(i, candidates, documents, best, similarity, docs, representation)
        for i in _order(chosen, candidates)
    ]


def _select(
    candidates: list[_Candidate],
    score: np.ndarray,
    similarity: np.ndarray,
    allowed: np.ndarray,
    words: int | None,
    sentences: int | None,
    representation: str,
) -> list[int]:
    """Greedy maximal marginal relevance under the length budget. A sentence that
    leans on the one before it waits until that one is chosen."""
    chosen: list[int] = []
    total = 0
    place = {(c.doc, c.order): i for i, c in enumerate(candidates)}
    follower = {
        place[(c.doc, c.order - 1)]: i
        for i, c in enumerate(candidates)
        if c.dangling and (c.doc, c.order - 1) in place
    }
    waiting = np.array([c.dangling for c in candidates])
    closest = np.zeros(len(candidates), dtype=np.float32)
    open_ = allowed.copy()
    while not budget_reached(total, len(chosen), words=words, sentences=sentences):
        ready = open_ & ~waiting
        if not ready.any():
            break
        gain = np.where(ready, score - NOVELTY * closest, -np.inf)
        i = int(np.argmax(gain))
        open_[i] = False
        if closest[i] >= REDUNDANT[representation]:
            continue  # a repeat of something already chosen
        chosen.append(i)
        total += candidates[i].words
        closest = np.maximum(closest, similarity[i])
        if i in follower:
            waiting[follower[i]] = False
    return chosen


def _order(chosen: list[int], candidates: list[_Candidate]) -> list[int]:
    """Reading order: earliest place in its article first (news leads with the
    story); a sentence that leans on the one before it follows it directly."""
    chosen_set = set(chosen)
    place = {(candidates[i].doc, candidates[i].order): i for i in chosen}
    heads = [
        i
        for i in chosen
        if not (candidates[i].dangling and (candidates[i].doc, candidates[i].order - 1) in place)
    ]
    heads.sort(key=lambda i: (candidates[i].order, candidates[i].doc))
    ordered = []
    for head in heads:
        i = head
        while i in chosen_set:
            ordered.append(i)
            nxt = place.get((candidates[i].doc, candidates[i].order + 1))
            if nxt is None or not candidates[nxt].dangling:
                break
            i = nxt
    return ordered


def _summary_sentence(
    i: int,
    candidates: list[_Candidate],
    documents: list[Document],
    best: np.ndarray,
    similarity: np.ndarray,
    docs: np.ndarray,
    representation: str,
) -> SummarySentence:
    c = candidates[i]
    citations = [Citation(documents[c.doc].id, c.start, c.end)]
    threshold = SAME_INFORMATION[representation]
    for d in np.flatnonzero(best[i] >= threshold):
        members = np.flatnonzero(docs == d)
        j = int(members[np.argmax(similarity[i, members])])
        if _same_claim(c.text, candidates[j].text):
            citations.append(Citation(documents[d].id, candidates[j].start, candidates[j].end))
    return SummarySentence(
        text=_with_speaker(c, documents[c.doc]), citations=citations, support=len(citations)
    )


_SPEECH = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "added",
        "according",
        "explained",
        "noted",
        "chief",
        "executive",
    }
)


def _claim_words(text: str) -> set[str]:
    """Content words outside names and attribution: what a sentence claims."""
    names = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", text)}
    return {w for w in content_words(text) if w not in names and w not in _SPEECH}


def _same_claim(a: str, b: str) -> bool:
    """Two similar sentences support each other only if they share what they claim,
    not just a speaker and a "said" ("X, said Maren Holt" twice is two claims)."""
    wa, wb = _claim_words(a), _claim_words(b)
    shared = len(wa & wb)
    return shared >= 3 or (shared >= 2 and shared >= 0.5 * min(len(wa), len(wb)))


def _with_speaker(c: _Candidate, document: Document) -> str:
    """A sentence spoken in a transcript turn is shown with its speaker, so a
    quoted "we" is never mistaken for the reporter's voice."""
    speaker = document.sentences[c.order].speaker
    if not speaker:
        return c.text
    turn = next((t for t in document.turns if t.start <= c.start < t.end), None)
    who = f"{speaker} ({turn.organisation})" if turn is not None and turn.organisation else speaker
    return f"{who}: “{c.text}”"
