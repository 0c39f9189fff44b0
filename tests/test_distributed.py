"""The same pipeline on a (loopback, in-process) Dask cluster gives the same analyses."""

from __future__ import annotations

import pytest

from storyline.ingest import document_from_text

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


def test_analyze_on_cluster_matches_local_run() -> None:
    from storyline.analysis.pipeline import analyze
    from storyline.distributed import analyze_on_cluster

    docs = [
        document_from_text(
            "Acme Corp said on Tuesday that revenue rose 12 percent to $4.2 million last year. "
            '"We are pleased," said Jo Bloggs, the chief executive of Acme.',
            "a.txt",
            date="2024-03-14",
        ),
        document_from_text(
            "Regulators in Greywater approved the plant in 2021, officials said.",
            "b.txt",
            date="2023-01-02",
        ),
    ]
    with distributed.Client(
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
    ) as client:
        remote = analyze_on_cluster(docs, client, batch_size=1)
    local = list(analyze(docs))
    assert [a.to_dict() for a in remote] == [a.to_dict() for a in local]
    assert [a.document.id for a in remote] == [d.id for d in docs]


def test_cli_brief_on_a_loopback_dask_cluster(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from storyline.cli import app

    article = tmp_path / "2024-03-14-acme.txt"
    article.write_text(
        "Acme Corp said on Tuesday that revenue rose 12 percent to $4.2 million last year. "
        '"We are pleased," said Jo Bloggs, the chief executive of Acme.\n'
    )
    out = tmp_path / "brief.json"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, scheduler_port=0, dashboard_address=None
    ) as cluster:
        result = CliRunner().invoke(
            app, ["brief", str(article), "--scheduler", cluster.scheduler_address, "-o", str(out)]
        )
    assert result.exit_code == 0, result.output
    brief = json.loads(out.read_text())
    assert brief["documents"][0]["published"] == "2024-03-14"
    assert any(f["text"].startswith("$4.2 million") for f in brief["figures"])
