"""Retake the brief page screenshots (desktop and phone) from the demo corpus.

    .venv/bin/python docs/screenshots/take.py [OUT_DIR] [--full]

OUT_DIR defaults to this folder; --full also saves whole-page shots (for review).

Needs Debian's chromium at /usr/bin/chromium and Python Playwright; builds a
temp store from storyline/demo and serves it on a free loopback port.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(argv: list[str]) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from storyline.config import Settings
    from storyline.ingest import read
    from storyline.model import Document
    from storyline.store import Store
    from storyline.web import create_app

    full = "--full" in argv
    out = Path(next((a for a in argv if not a.startswith("--")), HERE))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        with Store(db) as store:
            for doc in read([str(ROOT / "storyline" / "demo")]):
                if isinstance(doc, Document):
                    store.add(doc)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(Settings(db=str(db)), token=""), port=port, log_level="warning"
            )
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            shots = [  # file, viewport, phone?, what to do first
                (
                    "brief.png",
                    (1280, 900),
                    False,
                    lambda page: page.locator("#summary a.cite").first.hover(),
                ),
                (
                    "brief-timeline.png",
                    (1280, 900),
                    False,
                    lambda page: page.evaluate(
                        "document.getElementById('timeline').scrollIntoView()"
                    ),
                ),
                ("brief-phone.png", (390, 844), True, lambda page: None),
            ]
            for name, (width, height), mobile, prepare in shots:
                page = browser.new_context(
                    viewport={"width": width, "height": height},
                    is_mobile=mobile,
                    device_scale_factor=1,
                ).new_page()
                page.goto(f"{base}/brief", timeout=600_000)
                prepare(page)
                page.screenshot(path=str(out / name), full_page=False)
                print("wrote", out / name)
                if full:
                    page.screenshot(
                        path=str(out / name.replace(".png", "-full.png")), full_page=True
                    )
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1:])
