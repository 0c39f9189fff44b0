"""Multi-document extractive summary: what many sources say, said once, cited.

A sentence is worth taking when it is central to the cluster (close to the
centroid of the articles), corroborated (other articles carry a sentence
like it), early in its article (news puts the story first), long enough to
inform, and rich in the words the cluster shares. How these signals combine
is learned: a boosted-tree ranker fitted on oracle ROUGE labels of
Multi-News clusters (`storyline.evaluation.train_scorer`, shipped as
data/scorer.json and read by `ranker`). Sentences are picked greedily with
maximal marginal relevance, so a fact said by five outlets is said once, and
every pick cites its own sentence plus the near-identical ones elsewhere.
Boilerplate and sentences that lean on an antecedent they would not have
("He said...", "The company...") are never picked on their own.

Work stays near-linear at any size: every feature that needs no sentence
pairs is one pass, and the pairwise step (similarities, corroboration, MMR)
runs on a pool of at most POOL candidates chosen by a linear pre-score.
Works on plain Documents; uses analyses when given.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Analysis, Citation, Document, SummarySentence
from ..words import REPORTING_WORDS
from .budget import budget_reached, word_count
from .embed import Representation, content_words, dense, sentence_vectors, tfidf_vectors
from .ranker import Ranker, shipped

# The sentence score comes from a learned ranker over FEATURES
# (storyline/evaluation/train_scorer.py writes data/scorer.json, read by
# `ranker.shipped`); these hand-set weights are the fallback without it.
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
    "relative_position",
    "max_support",
    "degree",
    "doc_centrality",
    "frequency",
    "doc_candidates",
    "documents",
)
HAND_WEIGHTS = {"centrality": 1.0, "support": 1.0, "position": 0.35, "salience": 0.25}
POSITION_DECAY = 0.5  # position feature = 1 / (1 + rank in article) ** POSITION_DECAY
# With a focus, a score (rescaled to 0.5..1.5, as learned ones can be negative)
# is scaled by (relevance / best relevance) ** FOCUS.
FOCUS = 2.0
MIN_RELEVANCE = 0.05
# MMR: the penalty on similarity to what is already chosen comes with the
# ranker (chosen on its training clusters); above REDUNDANT a sentence is a
# repeat and is skipped.
REDUNDANT = {"tfidf": 0.3, "minilm": 0.75}
# Similarity at which another document is taken to carry the same information.
SAME_INFORMATION = {"tfidf": 0.4, "minilm": 0.75}
# Above DEGREE two sentences count as neighbours (LexRank's graph, as a feature).
DEGREE = 0.1
MIN_WORDS, MAX_WORDS = 6, 50
# A line without closing punctuation is a caption or headline unless it is long.
MIN_WORDS_UNPUNCTUATED = 10
# At most POOL candidates are compared pairwise (the only quadratic step, so
# it is bounded): beyond it a linear pre-score (centrality, position, shared
# terms) keeps the best. Multi-News clusters (at most ~450 candidates) are
# never pruned; a 1,000-article brief keeps its ~2,000 most central lines.
POOL = 2000
_CHUNK = 256  # rows per block when comparing the pool with all earlier coverage

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
_FURNITURE = re.compile("|".join(re.escape(p) for p in _BOILERPLATE_PHRASES))
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
_CAPITALISED = re.compile(r"(?:^|\s)[A-Z]")
_DIGIT = re.compile(r"\d")
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
    if _FURNITURE.search(lowered) or _BOILERPLATE.search(lowered):
        return False
    if text.isupper() or text.endswith("?"):
        return False  # shouting, or a question the article goes on to answer
    if _CLOSES_FIRST.match(text):
        return False  # the tail of a quotation cut in two by the sentence splitter
    capitalised = len(_CAPITALISED.findall(text))
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
    spans: dict[int, tuple[list[int], list[tuple[int, int, str]]]] = {}
    by_id = {a.document.id: a for a in analyses or []}
    for d, document in enumerate(documents):
        analysis = by_id.get(document.id)
        if analysis is not None and analysis.entities:
            found = [(m.start, m.end, (m.canonical or m.text).lower()) for m in analysis.entities]
            found += [
                (c.start, c.end, f.text.lower()) for f in analysis.figures for c in f.citations[:1]
            ]
            found.sort()
            spans[d] = ([start for start, _, _ in found], found)
    terms = []
    for c in candidates:
        if c.doc in spans:
            starts, found = spans[c.doc]
            inside = set()
            for k in range(bisect.bisect_left(starts, c.start), len(found)):
                start, end, term = found[k]
                if start >= c.end:
                    break
                if end <= c.end:
                    inside.add(term)
            terms.append(inside)
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


def _centrality(vectors: Any, docs: np.ndarray, n_docs: int) -> np.ndarray:
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


def _corroboration(similarity: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """best[i, k]: the similarity of sentence i to its closest sentence in
    document present[k] (rows grouped by document, as candidates are)."""
    if len(docs) == 0:
        return np.zeros((0, 0), dtype=np.float32), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    present = docs[starts]
    best = np.maximum.reduceat(similarity, starts, axis=1).astype(np.float32)
    best[np.arange(len(docs)), np.searchsorted(present, docs)] = 0.0  # not its own article
    return best, present


def _shared_terms(
    candidates: list[_Candidate], tokens: list[list[str]] | None = None
) -> np.ndarray:
    """How many content words a sentence shares with other documents (capped).
    Unlike `_salience` it needs no capitals, so it means the same on
    lower-cased text (the validation data the weights are learned on)."""
    tokens = tokens if tokens is not None else [content_words(c.text) for c in candidates]
    words = [set(found) for found in tokens]
    in_docs: dict[str, set[int]] = {}
    for c, found in zip(candidates, words, strict=False):
        for word in found:
            in_docs.setdefault(word, set()).add(c.doc)
    return np.array(
        [min(sum(len(in_docs[w]) >= 2 for w in found), 10) / 10.0 for found in words],
        dtype=np.float32,
    )


def _frequency(words: list[list[str]]) -> np.ndarray:
    """SumBasic: the mean cluster frequency of a sentence's content words, relative to the best."""
    counts: dict[str, int] = {}
    for found in words:
        for w in found:
            counts[w] = counts.get(w, 0) + 1
    scores = np.array(
        [sum(counts[w] for w in found) / len(found) if found else 0.0 for found in words],
        dtype=np.float32,
    )
    return scores / max(float(scores.max()), 1e-9)


def _linear_features(
    candidates: list[_Candidate],
    documents: list[Document],
    vectors: Any,
    docs: np.ndarray,
    analyses: list[Analysis] | None,
    tokens: list[list[str]],
) -> dict[str, np.ndarray]:
    """The features that need no sentence pairs: one pass over all candidates
    (`tokens`: each candidate's content words)."""
    n_docs = len(documents)
    rank = np.zeros(len(candidates), dtype=np.float32)
    seen: dict[int, int] = {}
    for i, c in enumerate(candidates):
        rank[i] = seen.get(c.doc, 0)
        seen[c.doc] = seen.get(c.doc, 0) + 1
    per_doc = np.bincount(docs, minlength=n_docs).astype(np.float32)[docs]
    return {
        "centrality": _centrality(vectors, docs, n_docs),
        "position": 1.0 / (1.0 + rank) ** POSITION_DECAY,
        "first": (rank == 0).astype(np.float32),
        "salience": _salience(candidates, _terms(candidates, documents, analyses)),
        "shared_terms": _shared_terms(candidates, tokens),
        "digits": np.array([bool(_DIGIT.search(c.text)) for c in candidates], np.float32),
        "length": np.array([c.words / MAX_WORDS for c in candidates], dtype=np.float32),
        "quoted": np.array([any(q in c.text for q in '"“”') for c in candidates], dtype=np.float32),
        "relative_position": rank / per_doc,
        "frequency": _frequency(tokens),
        "doc_candidates": np.minimum(per_doc, 100) / 100,
        "documents": np.full(len(candidates), min(len(set(docs.tolist())), 20) / 20, np.float32),
        "rank": rank,  # not a feature: lead_similarity needs it after pruning
    }


def _pair_features(
    table: dict[str, np.ndarray], similarity: np.ndarray, best: np.ndarray, docs: np.ndarray
) -> dict[str, np.ndarray]:
    """The features that compare sentences: computed on the (bounded) pool."""
    others = max(best.shape[1] - 1, 1)
    leads = np.flatnonzero(table["rank"] == 0)
    if len(leads):
        lead_similarity = similarity[:, leads].copy()
        lead_similarity[docs[:, None] == docs[leads][None, :]] = 0.0  # not its own lead
        to_leads = lead_similarity.max(axis=1)
    else:
        to_leads = np.zeros(len(docs), dtype=np.float32)
    # Cosine to the article's own centroid, from the similarities alone:
    # x.(sum of d) / |sum of d|, with |sum of d|^2 the sum of d's block.
    starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]]) if len(docs) else docs
    to_doc = np.add.reduceat(similarity, starts, axis=1) if len(docs) else similarity
    own = np.searchsorted(docs[starts], docs)
    dots = to_doc[np.arange(len(docs)), own]
    norms = np.sqrt(np.maximum(np.bincount(own, weights=dots), 1e-12))
    return {
        "doc_centrality": (dots / norms[own]).astype(np.float32),
        "support": best.sum(axis=1) / others,
        "max_support": best.max(axis=1) if best.size else np.zeros(len(docs), np.float32),
        "lead_similarity": to_leads,
        "degree": ((similarity > DEGREE).sum(axis=1) - 1) / max(len(docs) - 1, 1),
    }


@dataclass(slots=True)
class Pool:
    """The candidates a summary chooses from, scored and compared pairwise."""

    candidates: list[_Candidate]
    similarity: np.ndarray
    best: np.ndarray  # best[i, k]: closest sentence of document present[k]
    present: np.ndarray
    docs: np.ndarray
    table: dict[str, np.ndarray]  # feature name -> one value per candidate
    allowed: np.ndarray
    relevance: np.ndarray | None


def _max_similarity(rows: Any, against: Any) -> np.ndarray:
    """Each row's best cosine to `against`, block by block (memory stays linear)."""
    best = np.zeros(rows.shape[0], dtype=np.float32)
    if against.shape[0] == 0:
        return best
    for begin in range(0, rows.shape[0], _CHUNK):
        block = dense(rows[begin : begin + _CHUNK] @ against.T)
        best[begin : begin + _CHUNK] = block.max(axis=1)
    return best


def prepare(
    documents: list[Document],
    *,
    analyses: list[Analysis] | None = None,
    representation: Representation = "tfidf",
    focus: str | None = None,
    since: str | None = None,
) -> Pool | None:
    """Candidates, their features and pairwise similarities; None without candidates.

    Everything is linear in the number of sentences except the pairwise step,
    which is bounded by POOL.
    """
    candidates = _candidates(documents)
    if not candidates:
        return None
    texts = [c.text for c in candidates]
    tokens = [content_words(t) for t in texts]
    extra = [focus] if focus else []
    if representation == "tfidf":
        vectors = tfidf_vectors(texts + extra, tokens + [content_words(t) for t in extra])
    else:
        vectors = sentence_vectors(texts + extra, representation)
    query = vectors[len(texts) :] if focus else None
    vectors = vectors[: len(texts)]
    docs = np.array([c.doc for c in candidates])
    table = _linear_features(candidates, documents, vectors, docs, analyses, tokens)
    allowed = np.ones(len(candidates), dtype=bool)
    relevance = None
    if query is not None:
        relevance = dense(vectors @ query.T).ravel()
        if relevance.max() > MIN_RELEVANCE:  # else nothing matches: a plain summary
            allowed &= relevance > MIN_RELEVANCE
        else:
            relevance = None
    old = np.zeros(len(candidates), dtype=bool)
    if since is not None:
        published = [documents[c.doc].published for c in candidates]
        allowed &= np.array([_is_after(p, since) for p in published])
        old = np.array([p is not None and not _is_after(p, since) for p in published])
    keep = np.arange(len(candidates))
    if len(candidates) > POOL:
        prescore = table["centrality"] + 0.35 * table["position"] + 0.5 * table["shared_terms"]
        if relevance is not None:
            prescore = prescore + 2.0 * relevance
        prescore = prescore + 10.0 * allowed  # what may be chosen first; the rest corroborates
        keep = np.sort(np.argsort(-prescore, kind="stable")[:POOL])
    pool_vectors = vectors[keep]
    similarity = dense(pool_vectors @ pool_vectors.T).astype(np.float32)
    pool_docs = docs[keep]
    best, present = _corroboration(similarity, pool_docs)
    table = {name: column[keep] for name, column in table.items()}
    table.update(_pair_features(table, similarity, best, pool_docs))
    allowed = allowed[keep]
    if since is not None:
        known = _max_similarity(pool_vectors, vectors[np.flatnonzero(old)])
        allowed &= known < SAME_INFORMATION[representation]
    return Pool(
        candidates=[candidates[i] for i in keep],
        similarity=similarity,
        best=best,
        present=present,
        docs=pool_docs,
        table=table,
        allowed=allowed,
        relevance=None if relevance is None else relevance[keep],
    )


def _ranker() -> Ranker:
    """The shipped learned ranker, else the hand-set weights."""
    return shipped() or Ranker.linear(HAND_WEIGHTS)


def summarize(
    documents: list[Document],
    *,
    words: int | None = 250,
    sentences: int | None = None,
    focus: str | None = None,
    since: str | None = None,
    analyses: list[Analysis] | None = None,
    representation: Representation = "tfidf",
    ranker: Ranker | None = None,
) -> list[SummarySentence]:
    """Pick and order the sentences of a multi-document summary.

    `words` (or `sentences`, which overrides it) sets the length by the rule in
    `storyline.briefing.budget`. `focus` is a query the summary should answer.
    `since` (ISO date prefix) keeps only information from documents published
    after it that earlier documents do not already carry; documents without a
    date are neither new nor old. `analyses` (matched to documents by id) give
    entity and figure mentions for the `salience` feature (without them
    capitalised names and numbers stand in); the shipped ranker is learned on
    lower-cased data and does not use it, so analyses matter only under the
    hand-set weights. `representation` is "tfidf" (default: better and ~100x
    faster on Multi-News dev, see BENCHMARKS) or "minilm". `ranker` replaces
    the shipped one (the k-fold harness passes each fold's own).
    """
    pool = prepare(
        documents, analyses=analyses, representation=representation, focus=focus, since=since
    )
    if pool is None:
        return []
    return choose(pool, documents, ranker or _ranker(), words, sentences, representation)


def choose(
    pool: Pool,
    documents: list[Document],
    ranker: Ranker,
    words: int | None = 250,
    sentences: int | None = None,
    representation: Representation = "tfidf",
) -> list[SummarySentence]:
    """Score a prepared pool with `ranker` and pick, order and cite the summary."""
    score = ranker.score(pool.table)
    if pool.relevance is not None:
        # A focused summary ranks by relevance first; the usual signals break ties.
        relevance = pool.relevance
        spread = max(float(score.max() - score.min()), 1e-9)
        top = max(float(relevance.max()), 1e-9)
        score = np.clip(relevance / top, 0, None) ** FOCUS * (0.5 + (score - score.min()) / spread)
    chosen = _select(pool, score, words, sentences, representation, ranker.novelty)
    return [
        _summary_sentence(i, pool, documents, representation)
        for i in _order(chosen, pool.candidates)
    ]


def _select(
    pool: Pool,
    score: np.ndarray,
    words: int | None,
    sentences: int | None,
    representation: str,
    novelty: float,
) -> list[int]:
    """Greedy maximal marginal relevance under the length budget. A sentence that
    leans on the one before it waits until that one is chosen."""
    candidates = pool.candidates
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
    open_ = pool.allowed.copy()
    while not budget_reached(total, len(chosen), words=words, sentences=sentences):
        ready = open_ & ~waiting
        if not ready.any():
            break
        gain = np.where(ready, score - novelty * closest, -np.inf)
        i = int(np.argmax(gain))
        open_[i] = False
        if closest[i] >= REDUNDANT[representation]:
            continue  # a repeat of something already chosen
        chosen.append(i)
        total += candidates[i].words
        closest = np.maximum(closest, pool.similarity[i])
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
    i: int, pool: Pool, documents: list[Document], representation: str
) -> SummarySentence:
    candidates = pool.candidates
    c = candidates[i]
    citations = [Citation(documents[c.doc].id, c.start, c.end)]
    threshold = SAME_INFORMATION[representation]
    for k in np.flatnonzero(pool.best[i] >= threshold):
        members = np.flatnonzero(pool.docs == pool.present[k])
        j = int(members[np.argmax(pool.similarity[i, members])])
        if _same_claim(c.text, candidates[j].text):
            d = int(pool.present[k])
            citations.append(Citation(documents[d].id, candidates[j].start, candidates[j].end))
    return SummarySentence(
        text=_with_speaker(c, documents[c.doc]), citations=citations, support=len(citations)
    )


_SPEECH = REPORTING_WORDS | {"chief", "executive"}


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
