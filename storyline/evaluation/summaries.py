"""Score multi-document summaries on Multi-News with ROUGE, peers side by side.

Every system sees the same Documents (same sentence splits, same cleaning),
gets the same length rule (`storyline.briefing.budget`), and is timed in the
same run, so the table compares systems and not set-ups. ROUGE-1, ROUGE-2
and ROUGE-Lsum F1 (rouge-score, Porter stemming) are reported as
percentages; for ROUGE-Lsum, summary and reference are split into sentences
with the same splitter as the articles.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..briefing.budget import within_budget
from ..briefing.embed import Representation
from ..model import Document
from .data import cluster_documents, iter_clusters, sentence_lines
from .peers import PEERS

METRICS = ("rouge1", "rouge2", "rougeLsum")
DEFAULT_SYSTEMS = ("lead", "lexrank", "textrank", "lsa", "storyline")


def _storyline(representation: Representation) -> Callable[[list[Document], int], list[str]]:
    def run(documents: list[Document], words: int) -> list[str]:
        from ..briefing.summary import summarize

        return [s.text for s in summarize(documents, words=words, representation=representation)]

    return run


def _peer(name: str) -> Callable[[list[Document], int], list[str]]:
    peer = PEERS[name]

    def run(documents: list[Document], words: int) -> list[str]:
        ranked = peer(documents)
        return [ranked[i] for i in within_budget(ranked, words=words)]

    return run


def systems() -> dict[str, Callable[[list[Document], int], list[str]]]:
    """Every system the harness can score, by name."""
    found = {name: _peer(name) for name in PEERS}
    found["storyline"] = _storyline("tfidf")
    found["storyline-minilm"] = _storyline("minilm")
    return found


def evaluate_summaries(
    path: str | Path,
    *,
    words: int = 250,
    limit: int | None = None,
    skip: int = 0,
    names: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Score `names` (default: the peers and Storyline) on a Multi-News JSONL file.

    Returns `{"systems": {name: {rouge1, rouge2, rougeLsum, seconds_per_cluster}},
    "clusters": N, "words": W}` with ROUGE as F1 percentages.
    """
    from rouge_score import rouge_scorer

    available = systems()
    names = list(names or DEFAULT_SYSTEMS)
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(
            f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(available)}"
        )
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = {n: dict.fromkeys(METRICS, 0.0) for n in names}
    seconds = dict.fromkeys(names, 0.0)
    clusters = 0
    for cluster in iter_clusters(path, limit, skip):
        documents = cluster_documents(cluster)
        reference = sentence_lines(cluster.reference)
        for name in names:
            started = time.perf_counter()
            summary = available[name](documents, words)
            seconds[name] += time.perf_counter() - started
            scores = scorer.score(reference, "\n".join(summary))
            for metric in METRICS:
                totals[name][metric] += scores[metric].fmeasure
        clusters += 1
        if progress:
            progress(clusters)
    result = {
        name: {
            **{m: round(100 * totals[name][m] / max(clusters, 1), 2) for m in METRICS},
            "seconds_per_cluster": round(seconds[name] / max(clusters, 1), 4),
        }
        for name in names
    }
    return {"systems": result, "clusters": clusters, "words": words}
