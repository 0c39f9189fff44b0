"""The three real Huawei seed articles (2013, 2014, 2018) form one story (needs ../shared)."""

from __future__ import annotations

from story_threads import THREADS, thread_doc

import storyline
from storyline.model import Document


def test_seeds_form_one_story(seeds_dir):
    docs = [d for d in storyline.read([str(seeds_dir)]) if isinstance(d, Document)]
    assert len(docs) >= 3
    others = [thread_doc(t, n, f"2014-0{n + 1}-01") for t in THREADS for n in range(4)]
    with storyline.Store(":memory:") as store:
        store.add_many(others[:6] + docs + others[6:])  # amid other coverage
        found = storyline.stories(store)
    [story] = [s for s in found if set(s.documents) & {d.id for d in docs}]
    assert len(found) == 4
    assert set(story.documents) == {d.id for d in docs}
    assert story.first is not None and story.first.startswith("2013")
    assert story.last is not None and story.last.startswith("2018")
    assert "Huawei" in story.label
    # the seeds are dated by year only: the span says so, not "2013-01-01"
    assert (story.first, story.last) == ("2013", "2018")
    # "Business" (of "Carrier Network Business Group") names a section, not the story
    assert story.label.startswith("Huawei") and "Business" not in story.label
    # no seed names its outlet or has a web address: unknown, never "0 outlets"
    assert story.outlets == 0 and story.outlet_unknown == 3
