"""Run the analysis components over documents, in a checked order.

Like spaCy's pipeline, each component declares what it `requires` and what it
`provides`; components come from the registry (registry.py), and the order is
checked before any document is parsed. spaCy runs once per document and its
Doc is shared by every component through `Analysis.nlp`.

Sentences: spaCy parses with the document's own sentence boundaries (the
nupunkt split of ingest/segment.py, `Document.sentences`) preset, so every
stage agrees on where a sentence starts and ends; the parser only adds
boundaries inside them, never across them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..errors import InputError
from ..model import Analysis, Document
from .nlp import MAX_LENGTH, load_nlp
from .registry import Component, check_order, default_components, resolve_order

__all__ = ["Component", "analyze", "check_order", "default_components", "parse", "resolve_order"]


def parse(document: Document, nlp: Any = None) -> Any:
    """The spaCy Doc of `document.text`, with the document's sentence starts preset."""
    nlp = nlp or load_nlp()
    return next(_parse_all([document], nlp))


def _parse_all(documents: list[Document], nlp: Any) -> Iterator[Any]:
    docs = []
    for d in documents:
        doc = nlp.make_doc(d.text)
        _preset_sentences(doc, d)
        docs.append(doc)
    for _, proc in nlp.pipeline:
        docs = (
            list(proc.pipe(docs, batch_size=8))
            if hasattr(proc, "pipe")
            else [proc(x) for x in docs]
        )
    yield from docs


def _batched(
    documents: Iterable[Document], nlp: Any, size: int = 8
) -> Iterator[tuple[Document, Any]]:
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) == size:
            yield from zip(batch, _parse_all(batch, nlp), strict=True)
            batch = []
    if batch:
        yield from zip(batch, _parse_all(batch, nlp), strict=True)


def _preset_sentences(doc: Any, document: Document) -> None:
    """Mark the first token of each segment.py sentence as a sentence start."""
    if not document.sentences:
        return
    starts = {s.start for s in document.sentences}
    for tok in doc:
        if tok.idx in starts and tok.i > 0:
            tok.is_sent_start = True


def analyze(
    documents: Iterable[Document],
    components: Sequence[Component] | None = None,
    progress: Callable[[Document], None] | None = None,
) -> Iterator[Analysis]:
    """Yield one Analysis per document; `progress` is called after each."""
    components = list(components) if components is not None else default_components()
    check_order(components)
    nlp = load_nlp()
    docs = list(documents)
    for doc in docs:  # stored before ingest bounded length: a clear error, not spaCy's
        if len(doc.text) > MAX_LENGTH:
            raise InputError(
                doc.source,
                f"{doc.id}: {len(doc.text):,} characters, over the {MAX_LENGTH:,} analysed",
            )
    for doc, parsed in _batched(docs, nlp):
        analysis = Analysis(document=doc, nlp=parsed)
        for component in components:
            analysis = component(analysis)
        analysis.nlp = None
        analysis.people = None
        if progress is not None:
            progress(doc)
        yield analysis
