"""Stories: organise a growing stream of stored documents into stories and events.

    from storyline.clustering import cluster_pending, list_stories
    cluster_pending(store)            # each new document joins a story or starts one
    for story in list_stories(store, min_docs=3):
        print(story.id, story.label, len(story.documents))

Modules: `features` (document -> weighted key terms), `cluster` (the online
assignment and merges), `links` (the learned link decision and its weights),
`label` (readable labels), `listing` (stories as the public `Story`),
`rebuild` (re-cluster from scratch). Persistence is `storyline.store.stories`.
"""

from __future__ import annotations

from .cluster import Params, Report, cluster_pending, pending_count
from .listing import get_story, list_stories, story_refs
from .rebuild import rebuild

__all__ = [
    "Params",
    "Report",
    "cluster_pending",
    "get_story",
    "list_stories",
    "pending_count",
    "rebuild",
    "story_refs",
]
