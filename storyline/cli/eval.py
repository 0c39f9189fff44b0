"""`storyline eval summaries DATA`: ROUGE of Storyline and its peers on Multi-News."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..evaluation.summaries import METRICS
from ._progress import progress_bar
from ._util import app, fail

eval_app = typer.Typer(
    help="Score Storyline against reference data, peers side by side.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


def summaries_table(result: dict) -> Table:
    """One row per system: ROUGE F1 (%) and seconds per cluster."""
    table = Table(title=f"Multi-News, {result['clusters']} clusters, {result['words']} words")
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "s/cluster"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, scores in result["systems"].items():
        table.add_row(
            name,
            f"{scores['rouge1']:.2f}",
            f"{scores['rouge2']:.2f}",
            f"{scores['rougeLsum']:.2f}",
            f"{scores['seconds_per_cluster']:.4f}",
        )
    return table


def kfold_table(result: dict) -> Table:
    """One row per system: mean ± spread over folds of ROUGE F1 (%), and seconds per cluster."""
    table = Table(
        title=f"{result['data']}, {result['clusters']} clusters, {result['folds']}-fold, "
        f"{result['words']} words (Storyline fitted on training folds, scored on held-out folds)"
    )
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "R-1 folds", "s/cluster"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, scores in result["systems"].items():
        table.add_row(
            name,
            *(f"{scores[m]['mean']:.2f} ± {scores[m]['std']:.2f}" for m in METRICS),
            " ".join(f"{v:.1f}" for v in scores["rouge1"]["folds"]),
            f"{scores['seconds_per_cluster']:.4f}",
        )
    return table


@eval_app.command("summaries")
def summaries_cli(
    data: Path = typer.Argument(
        ...,
        help="Multi-News JSONL: LongBench (`context`/`answers`) or Multi-News+ (`documents`/`summary`), .gz allowed.",
    ),
    words: int = typer.Option(
        250,
        "--words",
        min=1,
        help="Word budget for every system (whole sentences; the last may overshoot).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only N clusters."),
    skip: int = typer.Option(
        0, "--skip", min=0, help="Skip the first N clusters (e.g. those used to fit the scorer)."
    ),
    systems: str = typer.Option(
        "lead,lexrank,textrank,lsa,storyline",
        "--systems",
        help="Comma-separated: lead, lexrank, textrank, lsa, storyline, storyline-minilm.",
    ),
    json_path: Path | None = typer.Option(
        None, "--json", help="Also write the scores to this JSON file."
    ),
    folds: int | None = typer.Option(
        None,
        "--folds",
        min=2,
        help="K-fold: fit Storyline's ranker on K-1 folds, score it on the held-out fold, "
        "report mean ± spread over folds (peers from --systems in the same run).",
    ),
) -> None:
    """Score summaries with ROUGE-1/2/Lsum F1 (stemmed), every system alike.

    Every system gets the same sentences and budget and is timed in the same run.

    Example:

        storyline eval summaries ../shared/eval/multinews/dev.jsonl --limit 30 --json rouge.json
        storyline eval summaries ../shared/eval/multinews/dev.jsonl --folds 5 --json kfold.json
    """
    from ..evaluation.summaries import evaluate_summaries

    names = [n.strip() for n in systems.split(",") if n.strip()]
    if folds is not None:
        _kfold(
            data,
            folds,
            words,
            limit,
            [n for n in names if not n.startswith("storyline")],
            json_path,
        )
        return
    with _scoring_errors(), progress_bar("Summarising", total=limit) as advance:
        result = evaluate_summaries(
            data, words=words, limit=limit, skip=skip, names=names, progress=advance
        )
    Console().print(summaries_table(result))
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


@contextmanager
def _scoring_errors() -> Iterator[None]:
    """Bad data and a missing extra as one-line errors, for both ways of scoring."""
    try:
        yield
    except (InputError, ValueError) as exc:
        fail(str(exc))
    except ImportError as exc:
        fail(
            f"{exc.name or exc} is missing: the peers and scorer need the dev extra (pip install -e '.[dev]')"
        )


def _kfold(
    data: Path, folds: int, words: int, limit: int | None, peers: list[str], json_path: Path | None
) -> None:
    from ..evaluation.kfold import kfold_summaries

    with _scoring_errors(), progress_bar("Preparing clusters", total=limit) as advance:
        result = kfold_summaries(
            data, folds=folds, words=words, limit=limit, peers=peers, progress=advance
        )
    console = Console()
    console.print(kfold_table(result))
    margins = result["rouge1_margin_over_best_peer"]
    if margins:
        console.print(
            "Storyline R-1 minus the best peer, per fold: "
            + ", ".join(f"{m:+.2f}" for m in margins)
        )
    if "times_faster_than_lexrank" in result:
        console.print(f"Storyline is {result['times_faster_than_lexrank']}x faster than LexRank.")
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
