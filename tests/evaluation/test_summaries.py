"""The Multi-News harness on tiny invented clusters in both file layouts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.evaluation.data import iter_clusters
from storyline.evaluation.peers import lead
from storyline.evaluation.summaries import evaluate_summaries

pytest.importorskip("rouge_score")

# Invented articles: first sentences of 10 words each, so a 20-word Lead is exactly them.
A = [
    "The river ferry between Ostby and Lund stopped running today.",
    "Its owner cited rising fuel costs and falling passenger numbers.",
    "Commuters will now have to drive forty minutes around the bay.",
]
B = [
    "Regional officials promised a replacement ferry service within two years.",
    "A tender for a new electric boat opens next month.",
    "Local businesses near the pier expect a difficult summer season.",
]
REFERENCE = f"{A[0]} {B[0]}"


def longbench_line(articles: list[list[str]], reference: str, cid: str) -> str:
    context = "".join(
        f"Passage {n}:\n" + " NEWLINE_CHAR NEWLINE_CHAR ".join(sentences) + "\n"
        for n, sentences in enumerate(articles, 1)
    )
    return json.dumps({"input": "", "context": context, "answers": [reference], "_id": cid})


def plus_line(articles: list[list[str]], reference: str, idx: int) -> str:
    return json.dumps(
        {"idx": idx, "summary": reference, "documents": [" ".join(a) for a in articles]}
    )


@pytest.fixture()
def longbench(tmp_path: Path) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text(
        longbench_line([A, B], REFERENCE, "c1")
        + "\n"
        + longbench_line([B, A], REFERENCE, "c2")
        + "\n"
    )
    return path


@pytest.fixture()
def plus(tmp_path: Path) -> Path:
    path = tmp_path / "val.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(plus_line([A, B], REFERENCE, 7) + "\n")
    return path


def test_reads_both_layouts(longbench, plus):
    first = next(iter_clusters(longbench))
    assert first.id == "c1" and first.reference == REFERENCE
    assert first.articles[0].split("\n\n") == A  # NEWLINE_CHAR restored
    (only,) = list(iter_clusters(plus))
    assert only.id == "7" and len(only.articles) == 2
    assert len(list(iter_clusters(longbench, limit=1))) == 1


def test_lead_takes_first_sentences_in_turn(longbench):
    from storyline.evaluation.data import cluster_documents

    docs = cluster_documents(next(iter_clusters(longbench)))
    assert lead(docs)[:4] == [A[0], B[0], A[1], B[1]]


@pytest.mark.parametrize("fixture", ["longbench", "plus"])
def test_scores_each_system_on_the_same_budget(fixture, request):
    path = request.getfixturevalue(fixture)
    result = evaluate_summaries(path, words=20, names=["lead", "storyline"])
    assert set(result) == {"systems", "clusters", "words"}
    assert result["words"] == 20 and result["clusters"] == (2 if fixture == "longbench" else 1)
    assert set(result["systems"]) == {"lead", "storyline"}
    scores = result["systems"]["lead"]
    assert set(scores) == {"rouge1", "rouge2", "rougeLsum", "seconds_per_cluster"}
    if fixture == "plus":  # Lead's 20 words are exactly the reference
        assert scores["rouge1"] == scores["rouge2"] == scores["rougeLsum"] == 100.0
    for system in result["systems"].values():
        assert 0 < system["rouge1"] <= 100 and system["seconds_per_cluster"] >= 0


def test_sumy_peers_rank_every_sentence(longbench):
    pytest.importorskip("sumy")
    from storyline.evaluation.data import cluster_documents
    from storyline.evaluation.peers import PEERS

    docs = cluster_documents(next(iter_clusters(longbench)))
    for name in ("lexrank", "textrank", "lsa"):
        assert sorted(PEERS[name](docs)) == sorted(A + B)


def test_unknown_system_and_missing_file(longbench, tmp_path):
    from storyline.errors import InputError

    with pytest.raises(ValueError, match="unknown system"):
        evaluate_summaries(longbench, names=["nope"])
    with pytest.raises(InputError):
        evaluate_summaries(tmp_path / "absent.jsonl", names=["lead"])


def test_cli_writes_json(longbench, tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "summaries",
            str(longbench),
            "--systems",
            "lead,storyline",
            "--words",
            "20",
            "--limit",
            "1",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "ROUGE-1" in result.output and "storyline" in result.output
    data = json.loads(out.read_text())
    assert data["clusters"] == 1 and data["words"] == 20
    assert set(data["systems"]) == {"lead", "storyline"}


def test_iter_clusters_skip_and_limit_pick_a_slice(tmp_path) -> None:
    import json

    from storyline.evaluation.data import iter_clusters

    path = tmp_path / "plus.jsonl"
    rows = [
        {
            "idx": i,
            "summary": f"Summary {i}.",
            "documents": [f"Article {i} says something happened."],
        }
        for i in range(6)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    picked = [c.reference for c in iter_clusters(path, limit=2, skip=3)]
    assert picked == ["Summary 3.", "Summary 4."]
    assert len(list(iter_clusters(path, skip=4))) == 2
