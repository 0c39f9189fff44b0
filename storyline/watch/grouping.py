"""Which story each newly stored document joined: the groups a poll's updates are made for.

This is the one place that knows how new documents are grouped. With
stories (`storyline.clustering`) in the tree, the poll's new documents are
clustered (each joins a story or starts one) and each story that gained
documents is one group, its earlier documents the context of the "what's new"
brief. Without it, a followed feed stands in for a story: each feed that
added documents is one group, with the documents it added in earlier polls as
context.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import Store
from ..store import feeds as state_db
from .poll import PollReport

# Earlier documents of a group handed to its update brief as context (what is already known).
CONTEXT_DOCUMENTS = 20


@dataclass(slots=True)
class Group:
    """A story that gained documents in one poll."""

    key: str  # the story id (the feed URL while a feed stands in for a story)
    label: str
    new: list[str]  # ids of the documents this poll added to it
    context: list[str] = field(default_factory=list)  # earlier documents, newest first
    feeds: list[str] = field(default_factory=list)  # the followed URLs the new documents came from


def groups(store: Store, report: PollReport) -> list[Group]:
    """The groups that gained documents in `report`'s poll, most new documents first."""
    try:
        from ..clustering import cluster_pending, story_refs
    except ImportError:  # stories not available: a feed stands in for a story
        return _by_feed(store, report)
    added = list(dict.fromkeys(report.added))
    if not added:
        return []
    cluster_pending(store)
    source = {doc: f.url for f in report.feeds for doc in f.added}
    out = []
    for story, ids in story_refs(store, added):
        new = set(ids)
        earlier = [d for d in reversed(story.documents) if d not in new][:CONTEXT_DOCUMENTS]
        feeds = sorted({source[d] for d in ids if d in source})
        out.append(Group(story.id, story.label, list(ids), earlier, feeds))
    return sorted(out, key=lambda g: (-len(g.new), g.label))


def _by_feed(store: Store, report: PollReport) -> list[Group]:
    out = []
    for feed in report.feeds:
        added = list(dict.fromkeys(feed.added))
        if not added:
            continue
        context = state_db.feed_documents(
            store, feed.url, before=report.started, limit=CONTEXT_DOCUMENTS
        )
        context = [d for d in context if d not in added]
        label = feed.name or feed.title or feed.url
        out.append(Group(feed.url, label, added, context, [feed.url]))
    return sorted(out, key=lambda g: (-len(g.new), g.label))
