"""Hand-written articles and a hand-built brief for the web tests (no third-party text).

The articles are invented here (never third-party text). One of them is hostile:
script tags, event-handler attributes and a javascript: URL, to prove pages escape it.
"""

from __future__ import annotations

import hashlib
import re

from storyline.model import (
    Brief,
    Citation,
    Divergence,
    Document,
    Entity,
    Figure,
    Quote,
    Sentence,
    Span,
    SpeakerQuotes,
    SummarySentence,
    TimelineEvent,
)

HOSTILE = (
    "Harbour council <script>alert('xss')</script> approved the ferry terminal on Monday.\n\n"
    "<img src=x onerror=\"alert('img')\"> The vote was 7-2, said Dana Reyes, the council clerk.\n\n"
    "Read more at <a href=\"javascript:alert('link')\">this link</a> and "
    '<iframe src="https://evil.example/"></iframe> nothing else.'
)

ARTICLES = [
    {
        "title": "Ferry terminal approved",
        "outlet": "Bayside Daily",
        "published": "2024-03-04",
        "text": (
            "The Bayside ferry terminal was approved by the harbour council on Monday. "
            "The project will cost £42 million, the council said.\n\n"
            '"This is a good day for the island," said Ana Ortiz, the mayor of Bayside. '
            "Construction is due to start in 2025."
        ),
    },
    {
        "title": "Terminal costs questioned",
        "outlet": "Island Post",
        "published": "2024-03-10",
        "text": (
            "Critics say the ferry terminal will cost £48 million, more than the council claims.\n\n"
            '"The numbers do not add up," said Lee Chan, a local accountant. '
            "The council meets again in April."
        ),
    },
    {
        "title": "<b>Hostile</b> page",
        "outlet": "Evil <i>Outlet</i>",
        "published": "2024-03-11",
        "text": HOSTILE,
        "url": "javascript:alert('url')",
    },
]


def make_document(text: str, source: str, **fields: object) -> Document:
    """A Document with paragraphs and sentences cut by blank lines and full stops."""
    paragraphs, sentences = [], []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)):
        paragraphs.append(Span(m.start(), m.end()))
        for s in re.finditer(r"[^.!?]+[.!?]+\"?|[^.!?]+$", m.group()):
            lead = len(s.group()) - len(s.group().lstrip())
            sentences.append(
                Sentence(m.start() + s.start() + lead, m.start() + s.end(), paragraph=i)
            )
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        id=digest[:16],
        source=source,
        text=text,
        content_hash=digest,
        paragraphs=paragraphs,
        sentences=sentences,
        **fields,  # type: ignore[arg-type]
    )


def cite(doc: Document, phrase: str) -> Citation:
    start = doc.text.index(phrase)
    return Citation(doc.id, start, start + len(phrase))


def hand_brief(docs: list[Document], query: str | None = None) -> Brief:
    """A brief citing `docs` (built by hand, so page tests need neither spaCy nor the builder)."""
    by_title = {d.title: d for d in docs}
    a, b = by_title.get("Ferry terminal approved"), by_title.get("Terminal costs questioned")
    bad = by_title.get("<b>Hostile</b> page")
    summary, timeline, quotes, figures, divergences = [], [], [], [], []
    if a:
        summary.append(
            SummarySentence(
                "The harbour council approved the Bayside ferry terminal.",
                [
                    cite(
                        a,
                        "The Bayside ferry terminal was approved by the harbour council on Monday.",
                    )
                ],
                2,
            )
        )
        timeline += [
            TimelineEvent(
                "2024-03-04",
                "day",
                "The council approves the terminal.",
                [cite(a, "approved by the harbour council on Monday")],
            ),
            TimelineEvent(
                "2025",
                "year",
                "Construction is due to start.",
                [cite(a, "Construction is due to start in 2025.")],
                future=True,
            ),
        ]
        quotes.append(
            SpeakerQuotes(
                "Ana Ortiz",
                "person",
                "mayor",
                "Bayside",
                [
                    Quote(
                        "This is a good day for the island,",
                        True,
                        "Ana Ortiz",
                        "person",
                        "mayor",
                        "Bayside",
                        "said",
                        [cite(a, '"This is a good day for the island,"')],
                    )
                ],
            )
        )
        figures.append(
            Figure(
                "£42 million",
                42e6,
                "GBP",
                "million",
                "cost of the terminal",
                None,
                "ferry terminal",
                "the council",
                "actual",
                [cite(a, "£42 million")],
            )
        )
    if b:
        summary.append(
            SummarySentence(
                "Critics put the cost higher.",
                [cite(b, "Critics say the ferry terminal will cost £48 million")],
            )
        )
        timeline.append(
            TimelineEvent(
                "2024-04",
                "month",
                "The council meets again.",
                [cite(b, "The council meets again in April.")],
            )
        )
        if a:
            divergences.append(
                Divergence(
                    "figure",
                    "Cost: £42 million (council) vs £48 million (critics).",
                    [cite(a, "£42 million"), cite(b, "£48 million")],
                )
            )
    if bad:
        summary.append(
            SummarySentence(
                "Hostile <script>alert('summary')</script> text <img src=x onerror=alert(1)>.",
                [cite(bad, "<script>alert('xss')</script>")],
            )
        )
        quotes.append(
            SpeakerQuotes(
                "<script>alert('speaker')</script>",
                "person",
                "<b>clerk</b>",
                None,
                [
                    Quote(
                        "The vote was 7-2",
                        False,
                        "Dana Reyes",
                        "person",
                        cue="said",
                        citations=[cite(bad, "The vote was 7-2")],
                    )
                ],
            )
        )
    entities = (
        [Entity("Ana Ortiz", "PERSON", ["Ortiz"], 2, 1, "mayor", "Bayside", [cite(a, "Ana Ortiz")])]
        if a
        else []
    )
    return Brief(
        title=f"Brief: {query}" if query else "Brief: Bayside ferry terminal",
        generated="2024-03-12T10:00:00+00:00",
        documents=[d.ref() for d in docs],
        summary=summary,
        timeline=timeline,
        quotes=quotes,
        figures=figures,
        entities=entities,
        divergences=divergences,
        notes=["A note about <script>the evidence</script>."],
        query=query,
    )


def hand_builder(store, ids, query, settings, check=lambda: None):
    check()
    return hand_brief(store.documents(ids), query)
