"""The analysis components, registered by name, and the cache version they imply.

A component is a class with `name`, `version` (optional: the source digest
below catches edits anyway), `requires` and `provides`
(tuples of what it reads and writes on the Analysis) and
`__call__(analysis) -> analysis`. Components register themselves here
(`@register`) instead of being listed by hand in the pipeline; the default
pipeline is every registered component in dependency order (`resolve_order`),
and the order is checked (`check_order`) before any text is parsed, so a
missing input fails at start-up, not halfway through a batch.

`analysis_version()` is the analysis cache key (api.ANALYSIS_VERSION): a digest
of the registered components' names and versions, the spaCy model package and
the source of the analysis package itself. Editing any analysis module, data
list or shipped weights file (`data/*.npz`, such as the cue model) therefore
invalidates cached analyses without anyone bumping a number.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Protocol, TypeVar

from ..errors import ConfigError
from ..model import Analysis

# What every Analysis has before any component runs.
BASE_INPUTS = frozenset({"document", "nlp", "sentences"})


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...


_REGISTRY: dict[str, Callable[[], Component]] = {}
_ORDER: list[str] = []  # registration order: the tie-break when dependencies allow any order

T = TypeVar("T")


def register(cls: T) -> T:
    """Class decorator: add a component class to the registry under its `name`."""
    for attr in ("name", "requires", "provides"):
        if getattr(cls, attr, None) is None:
            raise ConfigError(f"analysis component {cls!r} declares no {attr!r}")
    name: str = cls.name  # type: ignore[attr-defined]
    if name in _REGISTRY and _REGISTRY[name] is not cls:
        raise ConfigError(f"two analysis components are named {name!r}")
    if name not in _REGISTRY:
        _ORDER.append(name)
    _REGISTRY[name] = cls  # type: ignore[assignment]
    return cls


def _load_builtins() -> None:
    """Import the modules that hold the built-in components (they register on import)."""
    from . import dates

    register(dates.DateResolver)  # dates.py is owned elsewhere: registered from here
    from . import clauses, entities, figures, people, quotes  # noqa: F401  # noqa: F401, I001


def registered() -> dict[str, Callable[[], Component]]:
    """Name -> component class of every registered component."""
    _load_builtins()
    return {n: _REGISTRY[n] for n in _ORDER}


def resolve_order(components: Sequence[Component]) -> list[Component]:
    """The components in an order where each runs after what it requires (stable)."""
    pending = list(components)
    available = set(BASE_INPUTS)
    ordered: list[Component] = []
    while pending:
        ready = next((c for c in pending if set(c.requires) <= available), None)
        if ready is None:
            check_order(ordered + pending)  # raises, naming the unmet input
        assert ready is not None
        ordered.append(ready)
        available.update(ready.provides)
        pending.remove(ready)
    return ordered


def check_order(components: Sequence[Component]) -> None:
    """Raise ConfigError if a component requires what no earlier one provides."""
    available = set(BASE_INPUTS)
    for component in components:
        missing = [r for r in component.requires if r not in available]
        if missing:
            raise ConfigError(
                f"analysis component {component.name!r} requires {missing} "
                f"but the earlier stages only provide {sorted(available)}"
            )
        available.update(component.provides)


def default_components() -> list[Component]:
    """Every registered component, in dependency order."""
    return resolve_order([cls() for cls in registered().values()])


# Storyline-level leaf modules of shared tables that analysis components read: a change
# to them changes what the analysis finds, so they are part of the cache key.
LEAF_TABLES = ("words.py", "marks.py", "datetokens.py")


@functools.lru_cache(maxsize=1)
def analysis_version() -> str:
    """The analysis cache key: components, spaCy model and analysis source, digested."""
    from .nlp import MODEL_PACKAGE

    digest = hashlib.sha256()
    for name, cls in sorted(registered().items()):
        digest.update(f"{name}={getattr(cls, 'version', '0')}\n".encode())
    try:
        digest.update(f"{MODEL_PACKAGE}={metadata.version(MODEL_PACKAGE)}\n".encode())
    except metadata.PackageNotFoundError:
        digest.update(f"{MODEL_PACKAGE}=missing\n".encode())
    for name, path in keyed_files():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return "a-" + digest.hexdigest()[:16]


def keyed_files() -> list[tuple[str, Path]]:
    """The files whose bytes the cache key reads: the analysis package's source, data
    lists and weights, and the leaf tables it reads from outside its package."""
    here = Path(__file__).resolve().parent
    files = [
        (path.relative_to(here).as_posix(), path)
        for path in sorted(here.rglob("*"))
        if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv", ".npz")
    ]
    return files + [(name, here.parent / name) for name in LEAF_TABLES]
