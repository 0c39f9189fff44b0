"""Incremental story clustering: each new document joins a story or starts one.

Single-pass online clustering against running centroids, as news-stream
systems do (Miranda et al. 2018): for a new document,
1. candidates: the live stories indexed under its key terms (`story_postings`)
   and active within `story_window_days` of its date -- never all stories, so
   the cost per document stays flat as the store grows;
2. a candidate is as close as its centroid or as its nearest recent event
   (the `event_stories` nearest by centroid have their events compared): a
   long thread's centroid is diffuse, a new development is close to its
   latest events;
3. it joins the candidate most likely to be its story, when that link
   probability reaches the threshold, or founds a new story. The probability
   is the learned link model (`links.py`: a logistic regression over the
   centroid and nearest-event cosines, the cosine of names, the story's
   size, and time -- activity near the document's date, the gap -- as they
   scale similarity), weighed for the `event_stories` candidates nearest by
   centroid. Without the shipped weights (or with `learned=False`) the hand
   bar applies: `story_threshold`, lowered for a big story's diffuse
   centroid (`size_decay`) only when that story was active within
   `active_days` of the document's date;
   With `dense` (and the `embed` extra), MiniLM cosines of the document's
   headline and lead to the story's and its nearest event's summed vectors
   join the features (`dense.py`, `links.DENSE_FEATURES`);
4. inside that story it joins the nearest event within `event_window_days`
   at or above `event_threshold`, or founds one;
5. when it is as close to a second candidate and the two centroids agree at
   `merge_threshold`, the two threads were one story: the smaller folds into
   the larger, whose id stays (the other id keeps resolving to it);
6. consolidation (`revisit_size`, off by default): after each chunk, every
   story that grew is compared with the small stories its terms index, each
   weighed as a document arriving now; a small story founded while its
   mates' story was young folds in once that story has the vocabulary.

A document whose text is mostly page furniture (the shared detector,
`analysis/furniture.py` `is_furniture`: crawl notices, widgets, cookie text) joins no
story and says so: scraped in place of an article, it would bridge every
story it was scraped under (its copies included: they follow it).

Documents are taken in publication-date order (undated last). Each document
is one transaction (membership, centroids, index, frequencies), so a crash
leaves every document in exactly one story or in none, and the next run
picks up those in none.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from ..analysis.furniture import is_furniture
from ..errors import StoreError
from ..store import Store
from ..store import stories as rows
from . import dense as dense_model
from . import features
from . import links as link_model

NO_TEXT = "no words to cluster on (empty or non-text document)"
FURNITURE = "page furniture, not an article (crawl notice, widget or cookie text): no story"


@dataclass(slots=True, frozen=True)
class Params:
    """Thresholds and sizes. The defaults were chosen on validation folds (see BENCHMARKS.md)."""

    story_threshold: float = 0.2
    event_threshold: float = 0.15
    merge_threshold: float = 0.30
    story_window_days: int = 1830  # a thread may go quiet for years (Huawei 2013-2018)
    event_window_days: int = 7
    link_window_days: int = 30  # events this recent link a document to their story
    candidates: int = 48  # stories compared per document
    # Candidate recall: a story missed by the index is a split thread, so a
    # document asks with many of its terms and a story is indexed under many.
    query_terms: int = 60  # a document's heaviest terms used to find candidates
    posting_terms: int = 48  # a story is indexed under its heaviest centroid terms
    centroid_terms: int = 200  # a centroid keeps its heaviest terms
    event_candidates: int = 32  # events of a story compared (the most recent)
    event_stories: int = 8  # the stories nearest by centroid whose events are compared
    event_floor: float = 0.02  # ... when their centroid cosine is at least this
    event_link: float = 1.0  # an event's cosine counts this much toward joining its story
    keep_terms: int = 100  # a document's vector keeps its heaviest terms
    tf_power: float = 1.0
    # A grown story's centroid is diffuse, so a document's cosine to it is
    # lower than to any one member: the bar falls as size ** -size_decay
    size_decay: float = 0.35
    min_bar: float = 1 / 3  # ... never below this share of story_threshold
    active_days: int = 30  # ... for a story active this close to the document's date (-1: any)
    # The learned link decision (`links.py`) replaces the story bar above when its
    # weights are shipped; `link_probability` overrides its threshold (-1: as shipped).
    learned: bool = True
    link_probability: float = -1.0
    link_model: str = ""  # another weights file (a comparison); "" is the shipped one
    # A term is rare when at most this share of the clustered documents hold it
    # (the `rare` overlap features count the rare terms a story holds).
    rare_share: float = 0.002
    # Dense vectors (`dense.py`, the `embed` extra): MiniLM cosines of headline and
    # lead to a story and its nearest event join the link model's features. Off,
    # or without the extra, clustering is on terms alone.
    dense: bool = False
    # With `dense`: whether the dense cosines join the story link decision (the dense
    # link model); False keeps the terms' story decision and uses them for events only.
    dense_links: bool = True
    # With `dense`: an event is joined only when the document's dense cosine to it also
    # reaches this (the nearest by terms among those that do); -1: terms alone decide.
    dense_event: float = -1.0
    # A document whose text is at least this share page furniture joins no story
    # (`FURNITURE`); above 1, every document is clustered.
    furniture_share: float = 0.5
    # Consolidation: after each chunk of documents, a story that grew is compared
    # with the small stories (at most this many documents; 0: off) its terms
    # index, each as if it were a document arriving now; one the link decision
    # takes folds in (its lone event into the nearest recent event when close).
    revisit_size: int = 0  # off: its validation gain did not carry to held-out data (stories8)


@dataclass(slots=True)
class Report:
    """What one clustering run did."""

    clustered: int = 0
    new_stories: int = 0
    merges: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    text = published[:10]
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError:
        return None


def _cutoff(day: date | None, days: int) -> str | None:
    return None if day is None else (day - timedelta(days=days)).isoformat()


def _span(first: str | None, last: str | None, day: str | None) -> tuple[str | None, str | None]:
    if day is None:
        return first, last
    return (min(first, day) if first else day), (max(last, day) if last else day)


def _fold(centroid: dict[str, float], vec: dict[str, float], keep: int) -> dict[str, float]:
    """Add `vec` to a centroid and keep its `keep` heaviest terms."""
    total = dict(centroid)
    for term, weight in vec.items():
        total[term] = total.get(term, 0.0) + weight
    if len(total) > keep:
        total = dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return {t: round(w, 5) for t, w in total.items()}


def _names(
    names: dict[str, str], new: dict[str, str], centroid: dict[str, float]
) -> dict[str, str]:
    """Display spellings for the centroid's terms that are not shown as written (names)."""
    merged = {**new, **names}
    return {t: merged[t] for t in centroid if t in merged and merged[t] != t}


def _top_keys(weights: dict[str, float], n: int) -> list[int]:
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [features.term_key(t) for t, _ in top]


class Clusterer:
    """Assigns a store's pending documents to stories, one transaction per document."""

    def __init__(
        self,
        store: Store,
        params: Params | None = None,
        trace: Trace | None = None,
        embed: dense_model.Embedder | None = None,
    ) -> None:
        self.store = store
        self.params = params or Params()
        # dense vectors only when asked for and available (the `embed` extra)
        self.embed = (embed or dense_model.embedder()) if self.params.dense else None
        self.model = link_model.shipped() if self.params.learned else None
        if self.params.learned and self.params.link_model:
            self.model = link_model.LinkModel.load(Path(self.params.link_model), None)
        if self.embed is not None and self.params.learned and self.params.dense_links:
            self.model = link_model.shipped_dense() or self.model
        self.trace = trace
        # the overlap features cost a pass over every compared event: only when read
        self.overlap = trace is not None or (
            self.model is not None
            and not set(self.model.names).isdisjoint(link_model.OVERLAP_FEATURES)
        )
        self._rows: list[tuple[int, list[float]]] = []
        self._dense: dict[int, np.ndarray] = {}
        self._grown: set[int] = set()  # stories a document joined since the last revisit

    def run(
        self, limit: int | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Report:
        """Cluster every pending document (or the first `limit`), in date order."""
        report = Report()
        with self.store.reading() as conn:
            todo = rows.pending(conn, limit)
        for start in range(0, len(todo), EMBED_BATCH):
            chunk = todo[start : start + EMBED_BATCH]
            self._embed(chunk)
            for i, doc in enumerate(chunk, start + 1):
                self.assign(doc, report)
                if progress is not None:
                    progress(i, len(todo))
            self._revisit(report)
        self._dense = {}
        return report

    def _embed(self, docs: list[rows.Pending]) -> None:
        """Dense vectors of `docs`, in one batch: stored ones are reused (a rebuild)."""
        if self.embed is None:
            return
        with self.store.reading() as conn:
            self._dense = rows.dense_vectors(conn, rows.DOCUMENT, [d.pk for d in docs])
        missing = [d for d in docs if d.pk not in self._dense and d.text.strip()]
        if missing:
            vectors = self.embed([dense_model.lead(d.title, d.text) for d in missing])
            for d, v in zip(missing, vectors, strict=True):
                self._dense[d.pk] = np.asarray(v, dtype=np.float32)

    def assign(self, doc: rows.Pending, report: Report) -> None:
        """Put one document in a story (or record why not), all in one transaction."""
        p = self.params
        terms = features.extract(doc.text, doc.title)
        furniture = bool(terms) and self._furniture(doc)
        day = _day(doc.published)
        iso = day.isoformat() if day else None
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.store.transaction() as conn:
            if rows.is_member(conn, doc.pk):  # another process clustered it meanwhile
                return
            if not terms:
                rows.add_member(conn, doc.pk, None, None, None, NO_TEXT)
                report.skipped.append((doc.id, NO_TEXT))
                return
            if furniture:
                rows.add_member(conn, doc.pk, None, None, None, FURNITURE)
                report.skipped.append((doc.id, FURNITURE))
                return
            keys = {t: features.term_key(t) for t in terms.counts}
            df_keys = {t: rows.df_key(k) for t, k in keys.items()}
            df_by_key = rows.document_frequencies(conn, df_keys.values())
            n = rows.clustered_count(conn)
            df = {t: df_by_key.get(k, 0) for t, k in df_keys.items()}
            vec = features.vector(terms, df, n, p.keep_terms, p.tf_power)
            shown = {t: terms.display[t] for t in vec if terms.display.get(t, t) != t}
            rows.add_frequencies(conn, df_keys.values())
            report.clustered += 1
            dvec = self._dense.get(doc.pk)
            if dvec is not None:
                rows.put_dense(conn, rows.DOCUMENT, doc.pk, dvec)

            query = [keys[t] for t in sorted(vec, key=lambda t: (-vec[t], t))[: p.query_terms]]
            since = _cutoff(day, p.story_window_days)
            candidates = rows.candidate_stories(conn, query, since, p.candidates)
            self._rows = []
            # rare: held by at most rare_share of the documents (the prior's too)
            rare_df = max(1, math.floor(p.rare_share * (n + features.IDF_PRIOR_DOCS)))
            rare = {t for t in vec if df[t] <= rare_df} if self.overlap else None
            links = self._links(conn, vec, shown, day, candidates, dvec, rare)
            if not links:
                story_pk = rows.insert_story(conn, "s" + doc.id[:12], iso, vec, shown, now)
                rows.set_postings(conn, story_pk, _top_keys(vec, p.posting_terms))
                event_pk = rows.insert_event(conn, "e" + doc.id[:12], story_pk, iso, vec, shown)
                if dvec is not None:
                    rows.put_dense(conn, rows.STORY, story_pk, dvec)
                    rows.put_dense(conn, rows.EVENT, event_pk, dvec)
                rows.add_member(conn, doc.pk, story_pk, event_pk, None)
                report.new_stories += 1
                if self.trace is not None:
                    self.trace(doc.id, self._rows, story_pk, [])
                return
            best = links[0]
            story = best.story
            story.first, story.last = _span(story.first, story.last, iso)
            story.size += 1
            story.centroid = _fold(story.centroid, vec, p.centroid_terms)
            story.names = _names(story.names, shown, story.centroid)
            merged = []
            for other in links[1:]:
                if (
                    features.cosine(_unit(story.centroid), other.story.centroid)
                    >= p.merge_threshold
                ):
                    before = (story.pk, other.story.pk)
                    story = self._merge(conn, story, other.story)
                    merged.append((before[0] + before[1] - story.pk, story.pk))
                    report.merges += 1
            rows.update_story(conn, story)
            rows.set_postings(conn, story.pk, _top_keys(story.centroid, p.posting_terms))
            joinable = _cutoff(day, p.event_window_days)
            event_pk = self._event(conn, story.pk, doc.id, vec, shown, iso, best, joinable, dvec)
            if dvec is not None:
                rows.add_dense(conn, rows.STORY, story.pk, dvec)
                rows.add_dense(conn, rows.EVENT, event_pk, dvec)
            rows.add_member(conn, doc.pk, story.pk, event_pk, round(best.similarity, 5))
            self._grown.add(story.pk)
            if self.trace is not None:
                self.trace(doc.id, self._rows, story.pk, merged)

    def _revisit(self, report: Report) -> None:
        """Fold into each story that grew the small stories that now belong to it.

        A small story founded when its mates' story was young (or before the
        term frequencies matured) may be linked once that story has grown:
        each small story its terms index is weighed as a document arriving
        now (its unit centroid, its latest date) by the same link decision.
        One transaction per grown story; its cost is one candidate query per
        story that grew, so bounded by the documents of the chunk.
        """
        p = self.params
        grown, self._grown = sorted(self._grown), set()
        if p.revisit_size <= 0:
            return
        for pk in grown:
            with self.store.transaction() as conn:
                story = rows.live_story(conn, pk)
                if story is None:  # merged into another meanwhile
                    continue
                day = _day(story.last)
                query = _top_keys(story.centroid, p.query_terms)
                since = _cutoff(day, p.story_window_days)
                small = [
                    c
                    for c in rows.candidate_stories(conn, query, since, p.candidates)
                    if c.pk != story.pk and c.size <= p.revisit_size
                ]
                folded = False
                for other in small:
                    links = self._links(
                        conn, _unit(other.centroid), other.names, _day(other.last), [story]
                    )
                    if not links:
                        continue
                    self._fold_events(conn, other, links[0])
                    story = self._merge(conn, story, other)
                    report.merges += 1
                    folded = True
                if folded:
                    rows.update_story(conn, story)
                    rows.set_postings(conn, story.pk, _top_keys(story.centroid, p.posting_terms))
        self._rows = []

    def _fold_events(self, conn: sqlite3.Connection, small: rows.Cluster, link: _Link) -> None:
        """A small story's lone event joins the link's nearest recent event when close enough."""
        events = rows.story_events(conn, small.pk, None, 2)
        if len(events) != 1 or link.event is None:
            return
        if link.event_similarity < self.params.event_threshold:
            return
        event, gone = link.event, events[0]
        event.first, event.last = _span(event.first, event.last, gone.first)
        event.first, event.last = _span(event.first, event.last, gone.last)
        event.size += gone.size
        merged = dict(event.centroid)
        for term, weight in gone.centroid.items():
            merged[term] = merged.get(term, 0.0) + weight
        event.centroid = _fold(merged, {}, self.params.centroid_terms)
        event.names = _names(event.names, gone.names, event.centroid)
        rows.merge_events(conn, event, gone.pk)
        rows.update_event(conn, event)

    def _furniture(self, doc: rows.Pending) -> bool:
        """Whether `doc` is mostly page furniture (read with its paragraphs and sentences)."""
        if self.params.furniture_share > 1:
            return False
        try:
            stored = self.store.get(doc.id)
        except StoreError:  # deleted meanwhile: `assign` records nothing for it
            return False
        return is_furniture(stored, self.params.furniture_share)

    def _links(
        self,
        conn: sqlite3.Connection,
        vec: dict[str, float],
        shown: dict[str, str],
        day: date | None,
        candidates: list[rows.Cluster],
        dvec: np.ndarray | None = None,
        rare: set[str] | None = None,
    ) -> list[_Link]:
        """The candidate stories `vec` may join, best first.

        A story is as close as its centroid or as its nearest recent event:
        a long thread's centroid is diffuse, while a new development of it
        is close to the thread's latest events (single link over events).
        Events are read for the `event_stories` stories nearest by centroid.
        With the learned model, a candidate is kept when its link probability
        reaches the model's threshold and ranked by it; otherwise by the bar.
        """
        p = self.params
        by_centroid = sorted(
            ((features.cosine(vec, c.centroid), c) for c in candidates),
            key=lambda sc: (-sc[0], sc[1].pk),
        )
        cutoff = _cutoff(day, max(p.link_window_days, p.event_window_days))
        joinable = _cutoff(day, p.event_window_days)
        threshold = (
            p.link_probability
            if p.link_probability >= 0 or self.model is None
            else self.model.threshold
        )
        dense = self.embed is not None and p.dense_links
        story_dense = (
            rows.dense_vectors(conn, rows.STORY, [s.pk for _, s in by_centroid[: p.event_stories]])
            if dense and dvec is not None
            else {}
        )
        links = []
        scored: list[tuple[_Link, dict[str, float], bool]] = []
        for rank, (similarity, story) in enumerate(by_centroid):
            link = _Link(story, similarity)
            nearest = dense_nearest = 0.0
            event_cover = 0.0
            event_pairs = event_rare = 0
            if rank < p.event_stories and similarity >= p.event_floor:
                link.compared = True
                events = rows.story_events(conn, story.pk, cutoff, p.event_candidates)
                event_dense = (
                    rows.dense_vectors(conn, rows.EVENT, [e.pk for e in events])
                    if story_dense
                    else {}
                )
                for event in events:
                    near = features.cosine(vec, event.centroid)
                    nearest = max(nearest, near)
                    if rare is not None:
                        e_cover, e_pairs, e_rare = link_model.overlap(vec, event.centroid, rare)
                        event_cover = max(event_cover, e_cover)
                        event_pairs = max(event_pairs, e_pairs)
                        event_rare = max(event_rare, e_rare)
                    if event_dense:
                        dense_nearest = max(
                            dense_nearest, dense_model.cosine(dvec, event_dense.get(event.pk))
                        )
                    recent = joinable is None or event.last is None or event.last >= joinable
                    if recent and (link.event is None or near > link.event_similarity):
                        link.event, link.event_similarity = event, near
            link.similarity = max(similarity, p.event_link * nearest)
            if self.model is not None and not link.compared:
                continue  # the model weighs the `event_stories` nearest by centroid only
            if self.model is None and self.trace is None:
                if link.similarity >= self._bar(story, day):
                    links.append(link)
                continue
            active = _active(story, day, p.active_days)
            row = link_model.features(
                similarity,
                nearest,
                link_model.name_cosine(vec, shown, story.centroid, story.names),
                story.size,
                active,
                day,
                _day(story.first),
                _day(story.last),
            )
            values = dict(zip(link_model.BASE_FEATURES, row, strict=True))
            if rare is not None:
                cover, pairs, held = link_model.overlap(vec, story.centroid, rare)
                values |= link_model.overlap_features(
                    cover, event_cover, pairs, event_pairs, held, event_rare, story.size, active
                )
            if dense:
                dense_event = dense_nearest * (1.0 if active else 0.0)
                dense_centroid = dense_model.cosine(dvec, story_dense.get(story.pk))
                values |= dict(
                    zip(
                        link_model.DENSE_ONLY,
                        (dense_centroid, dense_nearest, dense_event),
                        strict=True,
                    )
                )
            scored.append((link, values, active))
        # the margins need every compared candidate's similarity: decided after the loop
        compared = [link for link, _, _ in scored if link.compared]
        margins = link_model.margins([lk.similarity for lk in compared])
        margin_of = dict(zip(map(id, compared), margins, strict=True))
        for link, values, active in scored:
            margin = margin_of.get(id(link), 0.0)
            values["margin"] = margin
            values["margin_x_active"] = margin * (1.0 if active else 0.0)
            if link.compared:
                self._rows.append(
                    (link.story.pk, [values.get(name, 0.0) for name in link_model.ALL_FEATURES])
                )
            if self.model is None:
                if link.similarity >= self._bar(link.story, day):
                    links.append(link)
            else:
                link.similarity = self.model.probability_of(values)
                if link.similarity >= threshold:
                    links.append(link)
        links.sort(key=lambda lk: (-lk.similarity, lk.story.pk))
        return links

    def _bar(self, story: rows.Cluster, day: date | None) -> float:
        """The cosine a document of `day` needs to join `story`.

        A grown story's centroid is diffuse, so a document's cosine to it is
        lower than to any one member, and the bar falls with the story's size
        -- but only for a story active within `active_days` of the document's
        date. A story quiet at that date, or a document without one, gives
        no evidence from time, and a lowered bar there lets big stories
        swallow unrelated documents.
        """
        p = self.params
        if p.active_days >= 0 and not _active(story, day, p.active_days):
            return p.story_threshold
        return p.story_threshold * max(max(story.size, 1) ** -p.size_decay, p.min_bar)

    def _merge(
        self, conn: sqlite3.Connection, story: rows.Cluster, other: rows.Cluster
    ) -> rows.Cluster:
        """Fold the smaller of two stories into the larger (older on ties); return the survivor."""
        keep, gone = (
            (story, other)
            if (story.size, -story.pk) >= (other.size, -other.pk)
            else (
                other,
                story,
            )
        )
        keep.size += gone.size
        keep.first = (
            min(d for d in (keep.first, gone.first) if d) if keep.first or gone.first else None
        )
        keep.last = max(d for d in (keep.last, gone.last) if d) if keep.last or gone.last else None
        merged = dict(keep.centroid)
        for term, weight in gone.centroid.items():
            merged[term] = merged.get(term, 0.0) + weight
        keep.centroid = _fold(merged, {}, self.params.centroid_terms)
        keep.names = _names(keep.names, gone.names, keep.centroid)
        rows.merge_stories(conn, keep, gone)
        return keep

    def _event(
        self,
        conn: sqlite3.Connection,
        story_pk: int,
        doc_id: str,
        vec: dict[str, float],
        shown: dict[str, str],
        iso: str | None,
        link: _Link,
        joinable: str | None,
        dvec: np.ndarray | None = None,
    ) -> int:
        """Join the link's nearest event at or above event_threshold, or found one.

        With `dense_event`, an event whose dense cosine to the document falls under
        it is not joined: the story's recent events are read again, with their
        vectors, and the nearest by terms among those passing is taken."""
        p = self.params
        if p.dense_event >= 0 and dvec is not None:
            events = rows.story_events(conn, story_pk, joinable, p.event_candidates)
            vectors = rows.dense_vectors(conn, rows.EVENT, [e.pk for e in events])
            link.event, link.event_similarity = None, 0.0
            for event in events:
                if dense_model.cosine(dvec, vectors.get(event.pk)) < p.dense_event:
                    continue
                near = features.cosine(vec, event.centroid)
                if link.event is None or near > link.event_similarity:
                    link.event, link.event_similarity = event, near
        elif not link.compared:  # joined on its centroid alone: its events not read yet
            for event in rows.story_events(conn, story_pk, joinable, p.event_candidates):
                near = features.cosine(vec, event.centroid)
                if link.event is None or near > link.event_similarity:
                    link.event, link.event_similarity = event, near
        if link.event is None or link.event_similarity < p.event_threshold:
            return rows.insert_event(conn, "e" + doc_id[:12], story_pk, iso, vec, shown)
        event = link.event
        event.story = story_pk  # its story may just have been merged into another
        event.first, event.last = _span(event.first, event.last, iso)
        event.size += 1
        event.centroid = _fold(event.centroid, vec, p.centroid_terms)
        event.names = _names(event.names, shown, event.centroid)
        rows.update_event(conn, event)
        return event.pk


@dataclass(slots=True)
class _Link:
    """A candidate story for one document: how close, and its nearest recent event."""

    story: rows.Cluster
    similarity: float  # cosine to the centroid, or (scaled) to its nearest event if higher
    event: rows.Cluster | None = None
    event_similarity: float = 0.0
    compared: bool = False  # whether its events were read


def _active(story: rows.Cluster, day: date | None, days: int) -> bool:
    """Whether `day` falls within `days` of the story's date span."""
    first, last = _day(story.first), _day(story.last)
    if day is None or first is None or last is None:
        return False
    return first - timedelta(days=days) <= day <= last + timedelta(days=days)


def _unit(centroid: dict[str, float]) -> dict[str, float]:
    norm = sum(w * w for w in centroid.values()) ** 0.5 or 1.0
    return {t: w / norm for t, w in centroid.items()}


EMBED_BATCH = 256  # documents embedded at once (one short batch per chunk of a run)

# (document id, [(candidate story pk, feature row)], story pk joined or founded,
#  [(merged-away story pk, surviving pk)]): replayed link decisions for training
Trace = Callable[[str, list[tuple[int, list[float]]], int, list[tuple[int, int]]], None]


def pending_count(store: Store) -> int:
    """Stored documents in no story yet (and not recorded as unclusterable)."""
    with store.reading() as conn:
        return rows.pending_count(conn)


def cluster_pending(
    store: Store,
    params: Params | None = None,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    trace: Trace | None = None,
    embed: dense_model.Embedder | None = None,
) -> Report:
    """Assign every stored document that is in no story yet (the ingest step calls this)."""
    return Clusterer(store, params, trace, embed).run(limit, progress)
