"""One component failing on one document must not stop the brief (analysis/pipeline.py).

The failure is recorded on the Analysis (component, exception), the component's
outputs stay empty for that document, components that need them are skipped,
the brief names the document in every renderer, and the incomplete analysis is
not cached. Strict mode (the test suite's default) raises instead.
"""

from __future__ import annotations

import json
import logging

import jsonschema
import pytest

from storyline import api
from storyline.analysis import pipeline, registry
from storyline.briefing.build import build_brief
from storyline.errors import InputError
from storyline.ingest import document_from_text
from storyline.model import Analysis, Document
from storyline.renderers import render
from storyline.renderers.json import schema
from storyline.store import Store

TEXT_A = (
    "Northfield Mills said on Monday that its sales rose 12 percent to $4 billion last year.\n\n"
    '"We are very pleased with the year," said Maria Olsen, the chief executive of Northfield Mills.'
)
TEXT_B = (
    "Harbor Freightways said on Tuesday that it would cut 300 jobs at its Dover plant.\n\n"
    '"This was a hard decision," said Tom Becker, the company\'s chief financial officer.'
)


def _docs() -> tuple[Document, Document]:
    a = document_from_text(TEXT_A, "mills.txt", date="2024-03-04")
    b = document_from_text(TEXT_B, "harbor.txt", date="2024-03-05")
    return a, b


class _FailsOn:
    """The real quotes component, except that it raises on one document."""

    def __init__(self, doc_id: str, real: type | None = None) -> None:
        self.real = (real or registry.registered()["quotes"])()
        self.name = self.real.name
        self.requires = self.real.requires
        self.provides = self.real.provides
        self.doc_id = doc_id

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.document.id == self.doc_id:
            analysis.quotes.append(None)  # type: ignore[arg-type]  # half-written, then a crash
            raise ValueError("deliberate failure for the test")
        return self.real(analysis)


def _components(doc_id: str) -> list:
    return [_FailsOn(doc_id) if c.name == "quotes" else c for c in registry.default_components()]


@pytest.fixture(scope="module")
def guarded() -> tuple[list[Analysis], Document, Document]:
    a, b = _docs()
    analyses = list(pipeline.analyze([a, b], _components(a.id), strict=False))
    return analyses, a, b


def test_failure_is_recorded_and_the_rest_still_runs(guarded):
    (first, second), _, _ = guarded
    assert [(f.component, f.error) for f in first.failures] == [
        ("quotes", "ValueError"),
        ("figures", "skipped"),  # figures requires quotes
    ]
    assert "deliberate failure" in first.failures[0].message
    assert first.quotes == [] and first.figures == []  # the half-written list is not kept
    assert first.entities and first.dates  # components that do not need quotes still ran
    assert not first.complete
    # the other document is untouched
    assert second.complete and second.failures == []
    assert second.quotes and second.figures and second.entities


def test_the_brief_names_the_document_and_component_in_every_renderer(guarded):
    analyses, a, b = guarded
    brief = build_brief(analyses)
    notes = [n for n in brief.notes if a.id in n]
    assert len(notes) == 1
    assert "quotes failed (ValueError" in notes[0] and "figures" in notes[0]
    assert not any(b.id in n and "incomplete" in n for n in brief.notes)
    assert any(q.quotes[0].citations[0].document == b.id for q in brief.quotes)
    for fmt in ("md", "html"):
        out = render(brief, fmt)
        assert a.id in out and "quotes failed" in out, fmt
    data = json.loads(render(brief, "json"))
    assert any(a.id in n and "quotes failed" in n for n in data["notes"])
    # and as data: one entry per failed or skipped component, valid against the schema
    assert [(f["document"], f["component"], f["error"]) for f in data["failures"]] == [
        (a.id, "quotes", "ValueError"),
        (a.id, "figures", "skipped"),
    ]
    assert "deliberate failure" in data["failures"][0]["message"]
    jsonschema.validate(data, schema())


def test_each_failure_is_logged_once(caplog):
    a, b = _docs()
    with caplog.at_level(logging.WARNING, logger="storyline.analysis.pipeline"):
        list(pipeline.analyze([a, b], _components(a.id), strict=False))
    logged = [r for r in caplog.records if r.name == "storyline.analysis.pipeline"]
    assert len(logged) == 1 and a.id in logged[0].getMessage()
    assert "'quotes'" in logged[0].getMessage()


def test_strict_mode_raises_naming_document_and_component(monkeypatch):
    a, b = _docs()
    with pytest.raises(ValueError) as info:
        list(pipeline.analyze([a, b], _components(a.id), strict=True))
    assert any(a.id in n and "'quotes'" in n for n in info.value.__notes__)
    monkeypatch.setenv("STORYLINE_STRICT", "1")
    with pytest.raises(ValueError):
        list(pipeline.analyze([a, b], _components(a.id)))
    monkeypatch.setenv("STORYLINE_STRICT", "0")
    assert len(list(pipeline.analyze([a, b], _components(a.id)))) == 2


def test_deliberate_errors_still_propagate():
    a, _ = _docs()

    class BadInput:
        name, requires, provides = "bad", (), ("extra",)

        def __call__(self, analysis: Analysis) -> Analysis:
            raise InputError(analysis.document.source, "unreadable")

    with pytest.raises(InputError, match=r"mills\.txt"):
        list(pipeline.analyze([a], [BadInput()], strict=False))


def test_a_failing_registered_component_is_not_cached(tmp_path, monkeypatch):
    a, b = _docs()
    monkeypatch.setenv("STORYLINE_STRICT", "0")
    real = registry.registered()["quotes"]
    patched = dict(registry._REGISTRY)
    patched["quotes"] = lambda: _FailsOn(a.id, real)  # the registered quotes component fails on a
    monkeypatch.setattr(registry, "_REGISTRY", patched)
    monkeypatch.setattr(registry, "_load_builtins", lambda: None)
    with Store(tmp_path / "s.db") as store:
        store.add(a)
        store.add(b)
        first = api.analyze_stored(store, [a, b])
        assert [f.component for f in first[0].failures] == ["quotes", "figures"]
        assert store.load_analysis(a.id, api.ANALYSIS_VERSION) is None  # not cached
        assert store.load_analysis(b.id, api.ANALYSIS_VERSION) is not None
        # the component is fixed: a rerun recomputes the document that failed
        patched["quotes"] = real
        again = api.analyze_stored(store, [a, b])
        assert again[0].complete and again[0].quotes
        cached = store.load_analysis(a.id, api.ANALYSIS_VERSION)
        assert cached is not None and cached["quotes"] and "failures" not in cached


def test_failures_travel_through_to_dict(guarded):
    (first, _), a, _ = guarded
    back = Analysis.from_dict(first.to_dict(), a)
    assert back.failures == first.failures


class _CountingDoc:
    """A spaCy Doc that counts reads of `.text` (spaCy rebuilds it from every token)."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self.reads = 0

    @property
    def text(self) -> str:
        self.reads += 1
        return self._doc.text

    def __getattr__(self, name: str):
        return getattr(self._doc, name)

    def __getitem__(self, i):
        return self._doc[i]

    def __iter__(self):
        return iter(self._doc)

    def __len__(self) -> int:
        return len(self._doc)


def _live_blog(entries: int) -> str:
    """A long live blog (synthetic): timestamps, named people, quotes, figures, dates."""
    first = ["Maria", "Tom", "Ana", "Pedro", "Lena", "Omar", "Grace", "Ivan"]
    last = ["Lopez", "Becker", "Okafor", "Hansen", "Moreau", "Tanaka", "Novak", "Reyes"]
    paragraphs = []
    for i in range(entries):
        name, surname = first[i % 8], last[(i * 3) % 8]
        paragraphs.append(f"{9 + i // 6}:{(i * 7) % 60:02d} a.m.")
        paragraphs.append(
            f"Senator {name} {surname} of Ohio said on Tuesday that the plan would cost "
            f"${i + 2} million by March {1 + i % 28}, 2016. "
            f'"We will not back down," {surname} said. Acme Holdings and the Northfield '
            f"Party said {30 + i} percent of voters agreed."
        )
        paragraphs.append(f'"The water is rising faster than anyone expected on day {i}."')
    return "\n\n".join(paragraphs)


def test_components_read_the_whole_text_once_not_per_item():
    """Quadratic time on long articles (bench/robustness.py: a 34,000-character live
    blog took 20 s in entities alone): reading spaCy's Doc.text once per candidate
    entity, date or quote rebuilds the whole string each time. nlp.doc_text keeps it."""
    doc = document_from_text(_live_blog(60), "liveblog.txt", date="2016-02-20")
    counting = _CountingDoc(pipeline.parse(doc))
    analysis = pipeline.run_components(
        Analysis(document=doc, nlp=counting), registry.default_components(), strict=True
    )
    assert len(analysis.entities) > 100 and len(analysis.quotes) > 50 and analysis.dates
    assert counting.reads <= 2  # was 916 on this text


def test_attaching_a_quote_does_not_rescan_the_article_per_attribution(monkeypatch):
    """A quote with no tag of its own is checked against every attribution before it;
    the text between them was run through a regex first, even when a paragraph break
    already ruled the pair out (a 99,000-character Timeline17 page: 8.9 s in quotes)."""
    from storyline.analysis import attribution

    class Counting:
        def __init__(self, real) -> None:
            self.real, self.chars = real, 0

        def sub(self, repl, text):
            self.chars += len(text)
            return self.real.sub(repl, text)

        def __getattr__(self, name):
            return getattr(self.real, name)

    counting = Counting(attribution._TITLE)
    monkeypatch.setattr(attribution, "_TITLE", counting)
    doc = document_from_text(_live_blog(60), "liveblog.txt", date="2016-02-20")
    analysis = pipeline.run_components(
        Analysis(document=doc, nlp=pipeline.parse(doc)), registry.default_components()
    )
    assert analysis.quotes
    assert counting.chars <= len(doc.text)  # was 62 million characters on this text
