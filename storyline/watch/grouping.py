"""Which story each newly stored document joined: the groups a poll's updates are made for.

This is the one place that knows how new documents are grouped. Until
`storyline.stories` is in the tree, a followed feed stands in for a story:
each feed that added documents is one group, and the documents it added in
earlier polls are the group's context for the "what's new" brief.
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
