"""Peer summarisers for the harness: Lead and sumy's LexRank, TextRank and LSA.

Every peer sees the same Documents (the same sentence splits) and returns
its sentences in order of preference; the harness applies the one length
rule (`storyline.briefing.budget`) to all systems. sumy's own tokenizer needs
NLTK data that cannot be downloaded here, so its documents are built from
our sentences with a plain regex word tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Document

# A peer: documents -> sentence texts, most preferred first.
Peer = Callable[[list[Document]], list[str]]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _sentences(documents: list[Document]) -> list[list[str]]:
    return [[d.sentence_text(s) for s in d.sentences] for d in documents]


def lead(documents: list[Document]) -> list[str]:
    """First sentence of each article in turn, then the second of each, ..."""
    per_doc = _sentences(documents)
    ranked: list[str] = []
    for position in range(max((len(s) for s in per_doc), default=0)):
        ranked.extend(s[position] for s in per_doc if position < len(s))
    return ranked


class _WordTokenizer:
    """The part of sumy's Tokenizer that its summarisers call."""

    language = "english"

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        return (paragraph,)


def _sumy_peer(name: str) -> Peer:
    def summarise(documents: list[Document]) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        classes = {
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
        }
        tokenizer = _WordTokenizer()
        texts = [t for doc in _sentences(documents) for t in doc]
        model = ObjectDocumentModel(
            [
                Paragraph([Sentence(t, tokenizer) for t in doc])
                for doc in _sentences(documents)
                if doc
            ]
        )
        summarizer = classes[name](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        ranked: list[int] = []

        def keep_ranking(infos):  # sumy passes every sentence, best first
            ranked.extend(info.order for info in infos)
            return infos

        if texts:
            summarizer(model, keep_ranking)
        return [texts[i] for i in ranked]

    summarise.__name__ = name
    summarise.__doc__ = f"sumy's {name} ranking of all sentences."
    return summarise


PEERS: dict[str, Peer] = {
    "lead": lead,
    "lexrank": _sumy_peer("lexrank"),
    "textrank": _sumy_peer("textrank"),
    "lsa": _sumy_peer("lsa"),
}
