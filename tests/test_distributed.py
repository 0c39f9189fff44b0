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


# ---------------------------------------------------------------- ingest and analysis on the cluster


def _articles(folder, n: int, copies: int) -> list:
    from store_helpers import article

    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"2024-01-{i % 28 + 1:02d}-story{i}.txt"
        path.write_text(f"Story number {i}\n\n" + article(5000 + i, 120) + "\n")
        paths.append(path)
    for i in range(copies):  # exact copies under another name
        copy = folder / f"copy{i}.txt"
        copy.write_text(paths[i].read_text())
        paths.append(copy)
    return paths


def test_ingest_on_cluster_survives_a_killed_worker(pg_server, tmp_path) -> None:
    """Two worker processes; one is SIGKILLed mid-ingest. Nothing is lost or stored twice."""
    import os
    import signal

    from pg_server import new_database

    from storyline.distributed import ingest_on_cluster
    from storyline.store import open_store

    url = new_database(pg_server)
    paths = _articles(tmp_path / "in", 40, 5)
    outcomes = []
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        for outcome in ingest_on_cluster([str(tmp_path / "in")], url, client, batch_size=2):
            outcomes.append(outcome)
            if len(outcomes) == 6:
                victim = sorted(client.run(os.getpid).values())[0]
                os.kill(victim, signal.SIGKILL)
        assert victim not in client.run(os.getpid).values()  # it died mid-run, and was replaced
    assert {o.source for o in outcomes} == {str(p) for p in paths}
    assert not [o for o in outcomes if o.status == "error"]
    with open_store(url) as store:
        assert store.count() == 40
        assert store.stats().duplicates == 5
        assert store.verify() == []
        assert len(store.search_ids("story number", limit=100)) == 40


def test_cli_ingest_and_list_on_postgres_with_a_scheduler(pg_server, tmp_path) -> None:
    from pg_server import new_database
    from typer.testing import CliRunner

    from storyline.cli import app

    url = new_database(pg_server)
    _articles(tmp_path / "in", 6, 1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        args = [
            "ingest",
            str(tmp_path / "in"),
            "--db",
            url,
            "--scheduler",
            cluster.scheduler_address,
        ]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "6 added, 1 already known or duplicate, 0 failed" in result.output
        assert "6 documents put in stories" in result.output
        again = CliRunner().invoke(app, args)
        assert "0 added, 7 already known or duplicate" in again.output
    listed = CliRunner().invoke(app, ["list", "--db", url, "--json", "--limit", "4"])
    assert listed.exit_code == 0, listed.output
    import json

    assert len(json.loads(listed.stdout)) == 4
    found = CliRunner().invoke(app, ["list", "--db", url, "--json", "--query", "story 3"])
    assert [d["title"] for d in json.loads(found.stdout)] == ["Story number 3"]


def test_cli_scheduler_with_a_sqlite_store_is_refused(tmp_path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    (tmp_path / "a.txt").write_text("The council met on Monday.\n")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(
        app,
        ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 1
    assert "PostgreSQL" in result.output and "SQLite" in result.output
    assert not db.exists()


def test_analyze_store_on_cluster_fills_the_analysis_cache(pg_server) -> None:
    from pg_server import new_database

    from storyline.api import ANALYSIS_VERSION
    from storyline.distributed import analyze_store_on_cluster
    from storyline.store import open_store

    url = new_database(pg_server)
    doc = document_from_text(
        "Regulators in Greywater approved the plant in 2021, officials said.", "b.txt"
    )
    with open_store(url) as store:
        store.add(doc)
    with distributed.Client(
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
    ) as client:
        assert analyze_store_on_cluster(url, client) == 1
    with open_store(url) as store:
        cached = store.load_analysis(doc.id, ANALYSIS_VERSION)
    assert cached is not None and cached["document"] == doc.id
