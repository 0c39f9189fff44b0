"""A throw-away PostgreSQL server for the tests: `initdb` into a temp dir, `pg_ctl start`.

The server listens on a free loopback port (and a socket in its own folder),
trusts local connections, and is stopped and deleted at the end of the test
session. As root the server runs as the `postgres` user (PostgreSQL refuses
to run as root). Where no server can be started the PostgreSQL tests skip,
saying why; set STORYLINE_TEST_PG=require (CI) to make that a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

_counter = itertools.count()


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str) -> None:
    if os.environ.get("STORYLINE_TEST_PG") == "require":
        pytest.fail(f"PostgreSQL is required (STORYLINE_TEST_PG=require) but {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


class Unavailable(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


@contextmanager
def throwaway_server(*, fsync: bool = False) -> Iterator[str]:
    """Start a fresh server in a temp dir; yield the URL of its `postgres` database.

    `fsync=False` (tests) trades durability for speed; benchmarks keep it on.
    """
    bindir = _bindir()
    if bindir is None:
        raise Unavailable(
            "no PostgreSQL server binaries (pg_ctl, initdb); apt-get install postgresql"
        )
    as_user: list[str] = []
    owner = None
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise Unavailable("running as root without runuser to switch to the postgres user")
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user") from None
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data, port, log = root / "data", _free_port(), root / "server.log"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120)

    try:
        done = run(
            str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        if done.returncode != 0:
            raise Unavailable(f"initdb failed: {done.stderr.strip()[-300:]}")
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not fsync:
            options += " -c fsync=off -c synchronous_commit=off"
        done = run(
            str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"
        )
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-300:] if log.exists() else done.stderr
            raise Unavailable(f"pg_ctl start failed: {tail.strip()}")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a throw-away server's `postgres` database (superuser `postgres`, trust auth)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[postgres]')")
    try:
        server = throwaway_server()
        url = server.__enter__()
    except Unavailable as exc:
        _unavailable(str(exc))
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


def new_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
