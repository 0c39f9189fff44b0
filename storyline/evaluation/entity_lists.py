"""The ranked entity lists of hand-checked clusters, with each name's verdict.

Rows for fitting the entity keep model (`train_entity_keep`): for every cluster of a
verdict file (`bench/verdicts/entities-*.json`: Multi-News dev clusters by index, or
groups of PolNeAR train articles by file names) the full merged entity list a brief
caps (`briefing.entities.merge_entities`), each entity with its hand verdict (1 ok,
0 wrong, None unlabelled). No article text is kept, only the entities.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..api import analyze
from ..briefing.entities import merge_entities
from ..errors import InputError
from ..ingest.documents import document_from_text
from ..model import Document
from .data import cluster_documents, iter_clusters


def cluster_texts(
    verdicts: dict[str, Any], root: Path, key: str, clusters: list[Any]
) -> list[Document]:
    """The documents a verdict set's cluster `key` names: a Multi-News cluster or PolNeAR files."""
    if "polnear" not in verdicts:
        return cluster_documents(clusters[int(key)])
    documents = []
    for name in key.split("+"):
        try:
            text = (root / verdicts["polnear"] / name).read_text()
            documents.append(document_from_text(text, f"polnear:{name}"))
        except InputError:
            continue
    return documents


def labelled_lists(
    verdict_file: Path, root: Path, sets: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """One row per cluster: set, key, documents, entities (dicts, each with `label`)."""
    verdicts = json.loads(verdict_file.read_text())
    clusters = [] if "polnear" in verdicts else list(iter_clusters(root / verdicts["file"]))
    for set_name in sets or list(verdicts["sets"]):
        for key, labels in verdicts["sets"][set_name].items():
            documents = cluster_texts(verdicts, root, key, clusters)
            entities = merge_entities(analyze(documents))
            rows = []
            for e in entities:
                row = dataclasses.asdict(e)
                row.pop("citations")
                verdict = labels["entities"].get(f"{e.name}/{e.type}")
                row["label"] = None if verdict is None else int(verdict == "ok")
                row["kind"] = verdict
                rows.append(row)
            yield {"set": set_name, "key": key, "documents": len(documents), "entities": rows}
