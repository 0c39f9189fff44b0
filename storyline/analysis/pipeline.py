"""Run the analysis components over documents, in a checked order.

Like spaCy's pipeline, each component declares what it `requires` and what it
`provides`; components come from the registry (registry.py), and the order is
checked before any document is parsed. spaCy runs once per document and its
Doc is shared by every component through `Analysis.nlp`.

Sentences: spaCy parses with the document's own sentence boundaries (the
nupunkt split of ingest/segment.py, `Document.sentences`) preset, so every
stage agrees on where a sentence starts and ends; the parser only adds
boundaries inside them, never across them.

Failures: one component raising on one document does not stop the batch. The
failure (component, exception type and message) is recorded on
`Analysis.failures` and logged once; the component's outputs stay empty for
that document, components that require them are skipped (and recorded as
skipped), and the rest still run. The brief names such documents in its notes,
and an incomplete analysis is never cached. Errors Storyline raises on purpose
(bad input, bad settings) and MemoryError still propagate. In strict mode
(`strict=True`, or the environment variable STORYLINE_STRICT=1, which the test
suite and the benches set) a component failure raises, so a regression is loud.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..errors import InputError, StorylineError
from ..model import Analysis, ComponentFailure, Document
from .nlp import MAX_LENGTH, load_nlp
from .registry import Component, check_order, default_components, resolve_order

__all__ = [
    "Component",
    "analyze",
    "check_order",
    "default_components",
    "parse",
    "resolve_order",
    "strict_mode",
]

log = logging.getLogger(__name__)

STRICT_ENV = "STORYLINE_STRICT"
# Never turned into a recorded failure: deliberate errors and running out of memory.
_PROPAGATE: tuple[type[BaseException], ...] = (StorylineError, MemoryError)
_EMPTY = {f.name: f for f in dataclasses.fields(Analysis)}


def strict_mode() -> bool:
    """Whether STORYLINE_STRICT asks for component failures to raise."""
    return os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no")


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
    *,
    strict: bool | None = None,
) -> Iterator[Analysis]:
    """Yield one Analysis per document; `progress` is called after each.

    `strict` (default: STORYLINE_STRICT) makes a component failure raise,
    with a note naming the document and component, instead of being recorded.
    """
    strict = strict_mode() if strict is None else strict
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
        analysis = run_components(Analysis(document=doc, nlp=parsed), components, strict=strict)
        analysis.nlp = None
        analysis.people = None
        if progress is not None:
            progress(doc)
        yield analysis


def run_components(
    analysis: Analysis, components: Sequence[Component], *, strict: bool = False
) -> Analysis:
    """Run `components` in order on one analysis, recording (not raising) failures."""
    lost: dict[str, str] = {}  # output -> the failed or skipped component that owed it
    for component in components:
        needs = [r for r in component.requires if r in lost]
        if needs:
            owed = sorted({lost[r] for r in needs})
            analysis.failures.append(
                ComponentFailure(component.name, "skipped", f"requires the output of {owed}")
            )
            _clear(analysis, component, lost)
            continue
        try:
            analysis = component(analysis)
        except _PROPAGATE:
            raise
        except Exception as exc:
            doc = analysis.document
            if strict:
                exc.add_note(
                    f"in analysis component {component.name!r} on document {doc.id} ({doc.source})"
                )
                raise
            log.warning(
                "analysis component %r failed on document %s (%s); its outputs %s are left "
                "empty: %s: %s",
                component.name,
                doc.id,
                doc.source,
                list(component.provides),
                type(exc).__name__,
                exc,
                exc_info=True,
            )
            analysis.failures.append(
                ComponentFailure(component.name, type(exc).__name__, str(exc)[:300])
            )
            _clear(analysis, component, lost)
    return analysis


def _clear(analysis: Analysis, component: Component, lost: dict[str, str]) -> None:
    """Reset what `component` provides to its empty default (a half-written list
    from a component that raised is not trusted), and mark it lost."""
    for output in component.provides:
        lost[output] = component.name
        spec = _EMPTY.get(output)
        if spec is None:
            continue
        if spec.default_factory is not dataclasses.MISSING:
            setattr(analysis, output, spec.default_factory())
        elif spec.default is not dataclasses.MISSING:
            setattr(analysis, output, spec.default)
