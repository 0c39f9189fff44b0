"""Run the analysis components over documents, in a checked order.

Like spaCy's pipeline, each component declares what it `requires` and what it
`provides`; `check_order` refuses an order in which a component would read
something no earlier stage wrote. spaCy runs once per document and its Doc is
shared by every component through `Analysis.nlp`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from ..errors import ConfigError, InputError
from ..model import Analysis, Document
from .nlp import MAX_LENGTH, load_nlp


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...


def default_components() -> list[Component]:
    """The built-in components, in their default order."""
    from .dates import DateResolver
    from .entities import EntityRecognizer
    from .figures import FigureExtractor
    from .quotes import QuoteExtractor

    return [DateResolver(), EntityRecognizer(), QuoteExtractor(), FigureExtractor()]


def check_order(components: Sequence[Component]) -> None:
    """Raise ConfigError if a component requires what no earlier one provides."""
    available = {"document", "nlp"}
    for component in components:
        missing = [r for r in component.requires if r not in available]
        if missing:
            raise ConfigError(
                f"analysis component {component.name!r} requires {missing} "
                f"but the earlier stages only provide {sorted(available)}"
            )
        available.update(component.provides)


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
    texts = (d.text for d in docs)
    for doc, parsed in zip(docs, nlp.pipe(texts, batch_size=8), strict=False):
        analysis = Analysis(document=doc, nlp=parsed)
        for component in components:
            analysis = component(analysis)
        analysis.nlp = None
        if progress is not None:
            progress(doc)
        yield analysis
