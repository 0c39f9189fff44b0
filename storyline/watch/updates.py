"""After a poll: a "what's new since the last poll" brief for every story that gained documents.

Each update brief is the brief of the story's new documents together with its
earlier ones, built with the brief's `since` rule (`Settings.since`): only
information from documents published after `since`, and not already carried
by the earlier documents, is summarised as new. `since` is the day after the
latest publication date among the earlier documents, used only when every
new document is dated after that date; otherwise (no earlier documents, an undated or
back-dated new one) the brief covers the new documents alone, so nothing new
is dropped by a date rule. Either way the update names its new documents.

Each update is written as Markdown, HTML and JSON into an output folder
(one sub-folder per poll), kept in the store for the web's "What's new"
page, and POSTed as JSON to the operator's webhook when one is given. A
failing brief or webhook is reported on the update and stops nothing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from ..config import Settings
from ..errors import StorylineError
from ..model import Brief, Document, DocumentRef
from ..store import Store
from ..store import feeds as state_db
from .grouping import Group

log = logging.getLogger(__name__)

_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`]+$")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


@dataclass(slots=True)
class StoryUpdate:
    """One story's update from one poll."""

    poll: str
    story: str
    label: str
    new: list[DocumentRef]
    context: int  # earlier documents the brief was built against
    since: str | None  # the `since` the brief used (None: a brief of the new documents alone)
    brief: Brief | None = None
    note: str | None = None  # why there is no brief
    files: list[str] = field(default_factory=list)
    notified: bool | None = None  # None: no webhook
    notify_error: str | None = None

    def payload(self) -> dict[str, Any]:
        """The JSON document written to disk, kept in the store and POSTed to the webhook."""
        from ..renderers import render

        return {
            "event": "storyline.story.updated",
            "poll": self.poll,
            "story": {"id": self.story, "label": self.label},
            "new_documents": [dataclasses.asdict(r) for r in self.new],
            "context_documents": self.context,
            "since": self.since,
            "brief": json.loads(render(self.brief, "json")) if self.brief else None,
            "note": self.note,
        }


def choose_since(new: list[Document], earlier: list[Document]) -> str | None:
    """The `since` for an update brief, or None for a brief of the new documents alone.

    `since` is inclusive (see `storyline.briefing.since`): the first day (month,
    year) after the latest earlier publication date, used only when every new
    document is dated after that latest earlier date.
    """
    dated = [d.published for d in earlier if d.published]
    if not dated:
        return None
    latest = max(dated)[:10]
    if all(d.published and d.published[:10] > latest for d in new):
        return _next(latest)
    return None


def _next(prefix: str) -> str:
    """The ISO prefix right after `prefix` at its own precision: a day, a month or a year."""
    from datetime import date, timedelta

    parts = [int(p) for p in prefix.split("-")]
    if len(parts) == 3:
        return (date(*parts) + timedelta(days=1)).isoformat()
    if len(parts) == 2:
        year, month = parts
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return f"{parts[0] + 1:04d}"


def make_updates(
    store: Store,
    poll: str,
    groups: list[Group],
    *,
    settings: Settings | None = None,
    out: str | Path | None = None,
    notify: str | None = None,
    briefs: bool = True,
    timeout: float = 20.0,
) -> list[StoryUpdate]:
    """Build, write, keep and send the update of each group (see the module docstring)."""
    settings = settings or Settings()
    updates = []
    for group in groups:
        new_docs = store.documents(group.new)
        earlier = store.documents(group.context)
        since = choose_since(new_docs, earlier)
        update = StoryUpdate(
            poll, group.key, group.label, [d.ref() for d in new_docs], len(earlier), since
        )
        if briefs:
            _brief(store, update, group, since, settings)
        else:
            update.note = "no brief (briefs turned off, or the poll was interrupted)"
        payload = update.payload()
        if out is not None:
            update.files = _write(Path(out), update, payload)
        state_db.save_update(
            store,
            state_db.UpdateRecord(
                poll,
                group.key,
                group.label,
                [r.id for r in update.new],
                payload,
                update.note,
                poll,
            ),
        )
        if notify:
            _notify(notify, update, payload, timeout)
        updates.append(update)
    return updates


def _brief(
    store: Store, update: StoryUpdate, group: Group, since: str | None, settings: Settings
) -> None:
    from ..api import brief_from_store

    ids = group.new if since is None else [*reversed(group.context), *group.new]
    try:
        update.brief = brief_from_store(
            store,
            ids=ids,
            settings=dataclasses.replace(settings, since=since),
            title=f"What's new: {group.label}",
        )
    except StorylineError as exc:
        update.note = f"no brief: {exc}"
    except Exception as exc:  # one story's brief must not stop the others' updates
        log.exception("watch: update brief for %s failed", group.key)
        update.note = f"no brief: {type(exc).__name__}: {exc}"


def markdown(update: StoryUpdate) -> str:
    """The update as Markdown: the new documents, then the brief."""
    lines = [f"# New in {_md(update.label)}", ""]
    lines.append(f"_{len(update.new)} new document(s) in the poll of {update.poll}_")
    lines.append("")
    for ref in update.new:
        bits = [b for b in (ref.outlet, ref.published) if b]
        where = f" — {_md(', '.join(bits))}" if bits else ""
        link = f" <{ref.source}>" if _SAFE_URL.match(ref.source) else ""
        lines.append(f"- {_md(ref.title or ref.source)}{where}{link}")
    lines.append("")
    if update.brief is not None:
        from ..renderers import render

        lines.append(render(update.brief, "markdown"))
    elif update.note:
        lines.append(f"_{_md(update.note)}_")
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str) -> str:
    """Article-supplied text as literal Markdown (no links, images or markup go live)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _write(out: Path, update: StoryUpdate, payload: dict[str, Any]) -> list[str]:
    folder = out / _stamp(update.poll)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / _slug(update.label, update.story)
    files = {
        base.with_suffix(".md"): markdown(update),
        base.with_suffix(".json"): json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
    }
    if update.brief is not None:
        from ..renderers import render

        files[base.with_suffix(".html")] = render(update.brief, "html")
    for path, text in files.items():
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # a reader never sees half a file
    return [str(p) for p in files]


def _stamp(poll: str) -> str:
    """A folder name for a poll: its UTC time to the millisecond, e.g. 20261129T045609.242Z."""
    main, _, rest = poll.partition(".")
    return re.sub(r"[^0-9T]", "", main) + "." + rest[:3] + "Z"


def _slug(label: str, key: str) -> str:
    import hashlib

    words = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:50] or "story"
    return f"{words}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def _notify(url: str, update: StoryUpdate, payload: dict[str, Any], timeout: float) -> None:
    """POST the update to the operator's webhook (their own URL: no address rule, no redirects)."""
    try:
        response = httpx.post(
            url,
            json=payload,
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": "storyline-watch/0.1"},
        )
        update.notified = response.is_success
        if not response.is_success:
            update.notify_error = f"webhook answered HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        update.notified, update.notify_error = False, f"webhook failed: {exc}"
