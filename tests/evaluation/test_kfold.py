"""k-fold summary evaluation: folds, fitting on training folds, the table; and a quality floor."""

from __future__ import annotations

import gzip
import json

import pytest

pytest.importorskip("rouge_score")

from storyline.evaluation.kfold import kfold_summaries
from storyline.evaluation.summaries import evaluate_summaries

TOWNS = ("Ostby", "Lund", "Varne", "Kessel", "Dorn", "Halby")


def _cluster(n: int) -> dict:
    town, other = TOWNS[n % len(TOWNS)], TOWNS[(n + 1) % len(TOWNS)]
    lead = f"The river ferry between {town} and {other} stopped running on Monday morning."
    retold = f"The {town} to {other} river ferry stopped running on Monday after forty years."
    return {
        "idx": n,
        "summary": f"The river ferry between {town} and {other} stopped running on Monday.",
        "documents": [
            f"{lead} A spokesperson thanked passengers for many years of loyal custom. "
            "Weather on the coast was mild for the time of year, forecasters noted.",
            f"{retold} Parking near the old pier remains free of charge at weekends. "
            "A local choir performed at the harbour festival last summer to large crowds.",
        ],
    }


@pytest.fixture()
def data(tmp_path):
    path = tmp_path / "val.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n in range(6):
            f.write(json.dumps(_cluster(n)) + "\n")
    return path


def test_kfold_reports_every_fold_for_every_system(data):
    result = kfold_summaries(data, folds=3, words=20, peers=("lead",))
    assert result["clusters"] == 6 and result["folds"] == 3
    assert set(result["systems"]) == {"lead", "storyline"}
    for scores in result["systems"].values():
        r1 = scores["rouge1"]
        assert len(r1["folds"]) == 3
        assert r1["min"] <= r1["mean"] <= r1["max"] and r1["std"] >= 0
        assert scores["seconds_per_cluster"] >= 0
    assert len(result["rouge1_margin_over_best_peer"]) == 3
    assert len(result["novelty_per_fold"]) == 3
    # the retold first sentence is the summary: Storyline, fitted on the other folds, finds it
    assert result["systems"]["storyline"]["rouge1"]["mean"] > 60


def test_kfold_rejects_bad_settings(data):
    with pytest.raises(ValueError, match="2 folds"):
        kfold_summaries(data, folds=1)
    with pytest.raises(ValueError, match="unknown peer"):
        kfold_summaries(data, folds=2, peers=("nope",))
    with pytest.raises(ValueError, match="cannot fill"):
        kfold_summaries(data, folds=7)


def test_cli_kfold_writes_json(data, tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    out = tmp_path / "kfold.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "summaries",
            str(data),
            "--folds",
            "2",
            "--words",
            "20",
            "--systems",
            "lead",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2-fold" in result.output and "best peer" in result.output
    assert json.loads(out.read_text())["systems"]["storyline"]["rouge1"]["folds"]


def test_quality_floor_on_a_small_slice(shared_dir):
    """A fast floor, so a quality drop fails CI: the shipped ranker (fitted on
    dev.jsonl) on Multi-News+ clusters 100-139, which it never saw, and on the
    first five dev clusters (its training data: a regression check only).
    Measured when set: 42.7 vs Lead 41.7 and 46.1 / 12.8 vs Lead 40.1."""
    multinews = shared_dir / "eval" / "multinews"
    plus = evaluate_summaries(
        multinews / "plus_val_truncated.jsonl.gz", limit=40, skip=100, names=["lead", "storyline"]
    )["systems"]
    assert plus["storyline"]["rouge1"] >= plus["lead"]["rouge1"] + 0.5
    dev = evaluate_summaries(multinews / "dev.jsonl", limit=5, names=["lead", "storyline"])[
        "systems"
    ]
    assert dev["storyline"]["rouge1"] >= 45.0 and dev["storyline"]["rouge2"] >= 12.0
    assert dev["storyline"]["rouge1"] >= dev["lead"]["rouge1"] + 3.0
