"""Hand-written articles on three unrelated threads, so clustering tests need no data files."""

from __future__ import annotations

import hashlib
import re

from storyline.model import Document, Sentence, Span

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")

THREADS = {
    "bridge": [
        "The Kestrel Bay council voted to rebuild the harbour bridge after engineers found cracks.",
        "Mayor Alda Voss said the harbour bridge would close for two years during the rebuild.",
        "Engineers from Corvane Engineering inspected the cracked harbour bridge piers again.",
        "Ferry operators in Kestrel Bay asked for extra crossings while the bridge is shut.",
        "The council published the tender for the harbour bridge rebuild on its website.",
        "Residents of Kestrel Bay protested outside the council over the bridge closure.",
        "Corvane Engineering won the harbour bridge contract with a bid of 40 million.",
    ],
    "strike": [
        "Nurses at Saint Orla hospital walked out over pay in a strike called by the Meridian union.",
        "The Meridian union said the Saint Orla nurses strike would last three days.",
        "Health minister Piet Radan urged the Meridian union to return to pay talks.",
        "Saint Orla hospital postponed operations as nurses joined the picket line.",
        "Talks between Meridian union leaders and hospital managers broke down over overtime pay.",
        "Patients at Saint Orla hospital described empty wards during the nurses strike.",
        "The Meridian union balloted nurses at two more hospitals on joining the strike.",
    ],
    "comet": [
        "Astronomers at the Halvard observatory tracked a bright comet passing near Jupiter.",
        "The comet, named Tessaly, will be visible to the naked eye in March, Halvard astronomers said.",
        "Amateur astronomers photographed comet Tessaly from mountain tops across the north.",
        "Halvard observatory scientists measured water vapour streaming from the comet's nucleus.",
        "Comet Tessaly brightened sharply as it neared the sun, the observatory reported.",
        "Telescope shops reported record sales ahead of comet Tessaly's closest approach.",
        "The Halvard team said comet Tessaly would not return for eleven thousand years.",
    ],
}


def build_doc(text: str, source: str, **fields) -> Document:
    paragraphs, sentences = [], []
    for p_idx, block in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        paragraphs.append(Span(block.start(), block.end()))
        for m in _SENTENCE.finditer(block.group()):
            lead = len(m.group()) - len(m.group().lstrip())
            start, end = block.start() + m.start() + lead, block.start() + m.end()
            if end > start:
                sentences.append(Sentence(start, end, p_idx))
    return Document(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=source,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        **fields,
    )


def thread_doc(thread: str, n: int, day: str | None = None, outlet: str | None = None) -> Document:
    """Article `n` of a thread: four of its sentences, rotated, so articles differ."""
    lines = THREADS[thread]
    picked = [lines[(n + k) % len(lines)] for k in range(4)]
    return build_doc(
        " ".join(picked),
        source=f"{thread}/{n}.txt",
        title=picked[0][:60],
        published=day,
        outlet=outlet,
    )
