"""Ctrl-C (SIGINT) mid-poll stops between items; the next run completes without re-ingesting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feedsite import publish

from storyline.store import Store
from storyline.store import feeds as state_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child process")
def test_watch_ctrl_c_stops_between_items_and_the_next_run_resumes(site, db):
    publish(site, 4)
    for n in range(1, 5):
        site.routes[f"/news/{n}.html"].delay = 0.5  # slow pages, fetched one at a time
    command = [
        sys.executable, "-m", "storyline", "watch", site.base + "/feed.xml", "--db", db,
        "--once", "--no-briefs", "--per-host", "1", "--allow-host", site.host,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while sum(len(site.requests(f"/news/{n}.html")) for n in range(1, 5)) < 3:  # mid-poll
        assert time.monotonic() < deadline and child.poll() is None
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    text = stderr.decode()
    assert child.returncode == 130, text
    assert "Traceback" not in text and "interrupted" in text
    with Store(db) as store:
        assert store.verify() == []
        before = {ref.source for ref in store.list()}
        assert len(before) < 4
        state = state_db.feed(store, site.base + "/feed.xml")
        assert state is not None and state.etag is None  # validators wait for a complete poll

    again = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr.decode()
    with Store(db) as store:
        assert store.count() == 4
    for n in range(1, 5):
        asked = len(site.requests(f"/news/{n}.html"))
        stored_before = f"{site.base}/news/{n}.html" in before
        assert asked == 1 if stored_before else asked <= 2  # stored pages are not fetched again
