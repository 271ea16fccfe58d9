"""Online clustering of articles into stories and of stories into storylines.

The design follows Miranda et al. (2018), "Multilingual Clustering of Streaming
News" (EMNLP): each incoming article is compared with the clusters that are
still plausible for it, on several similarity features (TF-IDF cosine of terms,
of entities, of a sentence embedding) and on time; the best cluster takes the
article when its score clears a threshold, otherwise the article opens a new
cluster. Clusters are centroids (sums of their articles' vectors), so adding an
article never re-clusters the archive.

Two levels use the same machinery with different time scales:

* a *story* is one event reported over a few days (no time decay within a day
  of the story's range, then a Gaussian decay with sigma 1.5 days);
* a *storyline* is a topic followed over weeks (a week's grace, sigma 45 days)
  and collects stories: a story's storyline is chosen when the story opens,
  and while the story is young (up to 3 articles) and alone in its storyline,
  each new article lets it look again, with all its articles, for an older
  storyline to merge into.

Which clusters are "plausible" is decided by the state (`ClusterState`): those
that share one of the article's most characteristic terms (blocking, as in
record linkage) and whose time range lies within a window around the article's
time; an undated article gets the newest clusters per term. Both look-ups are
range scans of an index, so the cost of adding an article does not grow with
the archive (bench/stories.py measures it at 1k/10k/100k).

Time is honest about what is known (see `timing`): an unknown time gives no time
evidence, and the article needs `undated_margin` more content similarity to
join; a month-precision date needs `month_margin` more.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from sagte.stories.features import ArticleFeatures, cosine, top_weighted
from sagte.stories.timing import EventTime

__all__ = [
    "CLUSTERER",
    "Assignment",
    "Centroid",
    "ClusterState",
    "MemoryState",
    "StoryClusterer",
    "StoryConfig",
]

logger = logging.getLogger(__name__)

CLUSTERER = "sagte.stories.online.v1"
LEVELS = ("story", "storyline")
ENTITY_KEYS = 5  # entities (canonical keys such as "PER:frank steiner") used as blocking keys


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """The clusterer's settings.

    Thresholds, time scales and weights were chosen together on the development
    half of bench/data/stories.jsonl (odd storylines) and checked on the other
    half; `regroup_margin` was added after looking at one held-out error (two city
    stories a month apart merged into one storyline). Don't tune one value in
    isolation: the time decay, the margins and the thresholds trade off.
    """

    story_threshold: float = 0.45
    story_grace_days: float = 1.0  # no decay within a day of the story's range
    story_sigma_days: float = 1.5
    story_window_days: float = 6.0
    storyline_threshold: float = 0.22
    storyline_grace_days: float = 7.0
    storyline_sigma_days: float = 45.0
    storyline_window_days: float = 120.0
    # Without a date an article has no time evidence, and by content alone two
    # events of one topic look like one (bench/data: same-story pairs median 0.70,
    # same-storyline pairs of different events 90th percentile 0.60, maximum
    # 0.74): an undated article needs this much more similarity to join a story.
    undated_margin: float = 0.25
    month_margin: float = 0.05
    young_story: int = 3  # a story this small may still move its storyline
    regroup_margin: float = 0.05  # moving a story to another storyline needs this much more
    weight_terms: float = 0.45
    weight_entities: float = 0.15
    weight_embedding: float = 0.40
    max_terms: int = 300  # a centroid keeps its heaviest terms only
    index_terms: int = 20  # terms under which a cluster is found
    query_terms: int = 15  # an article's terms used for that look-up
    per_term_limit: int = 20  # newest clusters per term
    label_terms: int = 3
    label_entities: int = 2

    def __post_init__(self) -> None:
        for name in ("story_sigma_days", "storyline_sigma_days", "story_window_days"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.weight_terms + self.weight_entities + self.weight_embedding <= 0:
            raise ValueError("at least one similarity weight must be positive")

    def threshold(self, level: str) -> float:
        return self.story_threshold if level == "story" else self.storyline_threshold

    def sigma(self, level: str) -> float:
        return self.story_sigma_days if level == "story" else self.storyline_sigma_days

    def grace(self, level: str) -> float:
        return self.story_grace_days if level == "story" else self.storyline_grace_days

    def window(self, level: str) -> float:
        return self.story_window_days if level == "story" else self.storyline_window_days


@dataclass(slots=True)
class Centroid:
    """A story or storyline: the sum of its articles' vectors and its time range.

    ``lo``/``hi`` span its articles' times; ``exact`` says whether they come from
    day-precision times (a story made only of month-dated articles has a month).
    """

    level: str
    id: int | None = None
    size: int = 0
    tf: dict[str, float] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)
    embedding: np.ndarray | None = None  # sum of unit vectors
    lo: float | None = None
    hi: float | None = None
    exact: bool = False
    parent: int | None = None  # a story's storyline
    label: str = ""
    first_article: str | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {self.level!r}")

    @property
    def time(self) -> EventTime:
        if self.lo is None or self.hi is None:
            return EventTime(None, None)
        return EventTime(self.lo, self.hi, "members", "day" if self.exact else "month")

    def add(self, f: ArticleFeatures) -> None:
        """Add one article's vectors and time."""
        self.size += 1
        if self.first_article is None:
            self.first_article = f.article_id
        for t, v in f.tf.items():
            self.tf[t] = self.tf.get(t, 0.0) + v
            if t not in self.surface and t in f.surface:
                self.surface[t] = f.surface[t]
        for k, v in f.entities.items():
            self.entities[k] = self.entities.get(k, 0.0) + v
            self.entity_names.setdefault(k, f.entity_names.get(k, k))
        if f.embedding is not None:
            self.embedding = (
                f.embedding.copy() if self.embedding is None else self.embedding + f.embedding
            )
        self.stretch(f.time)

    def stretch(self, t: EventTime) -> None:
        """Widen the time range to include `t` (day-precise times replace vaguer ones)."""
        if t.lo is None or t.hi is None:
            return
        if t.exact and not self.exact:
            self.lo, self.hi, self.exact = t.lo, t.hi, True
        elif t.exact == self.exact or self.lo is None:
            self.lo = t.lo if self.lo is None else min(self.lo, t.lo)
            self.hi = t.hi if self.hi is None else max(self.hi, t.hi)

    def as_features(self) -> ArticleFeatures:
        """The centroid as one (averaged) article, to compare it like an article."""
        n = max(1, self.size)
        emb = None
        if self.embedding is not None:
            norm = float(np.linalg.norm(self.embedding))
            emb = self.embedding / norm if norm else self.embedding
        return ArticleFeatures(
            article_id=f"{self.level}:{self.id}",
            tf={t: v / n for t, v in self.tf.items()},
            surface=dict(self.surface),
            entities={k: v / n for k, v in self.entities.items()},
            entity_names=dict(self.entity_names),
            time=self.time,
            embedding=emb,
        )

    def absorb(self, other: Centroid) -> None:
        """Add another centroid's sums (merging two clusters)."""
        self.size += other.size
        for t, v in other.tf.items():
            self.tf[t] = self.tf.get(t, 0.0) + v
            self.surface.setdefault(t, other.surface.get(t, t))
        for k, v in other.entities.items():
            self.entities[k] = self.entities.get(k, 0.0) + v
            self.entity_names.setdefault(k, other.entity_names.get(k, k))
        if other.embedding is not None:
            self.embedding = (
                other.embedding.copy()
                if self.embedding is None
                else self.embedding + other.embedding
            )
        if other.lo is not None and other.hi is not None:
            self.stretch(other.time)

    def prune(self, idf: dict[str, float], keep: int) -> None:
        """Keep the `keep` heaviest terms (by weight times idf)."""
        if len(self.tf) <= keep:
            return
        kept = top_weighted(self.tf, idf, keep)
        self.tf = {t: self.tf[t] for t in kept}
        self.surface = {t: self.surface[t] for t in kept if t in self.surface}

    def make_label(self, idf: dict[str, float], n_terms: int, n_entities: int) -> str:
        """A short label: the most weighty entities, then the most characteristic terms."""
        names = [self.entity_names.get(k, k) for k in top_weighted(self.entities, {}, n_entities)]
        taken = " ".join(names).casefold()
        words: list[str] = []
        for t in top_weighted(self.tf, idf, n_terms + 6):
            word = self.surface.get(t, t)
            if word.casefold() in taken or any(word.casefold() == w.casefold() for w in words):
                continue
            words.append(word)
            if len(words) == n_terms:
                break
        head = ", ".join(names)
        return f"{head}: {', '.join(words)}" if head and words else head or ", ".join(words)


class ClusterState(Protocol):
    """Where the clusterer keeps its clusters and term statistics.

    `MemoryState` keeps them in dictionaries; the store's SQLite state keeps them
    in tables. Every method must cost the same however large the archive is.
    """

    def add_document(self, terms: Iterable[str]) -> None:
        """Count one more document containing each of `terms`."""

    def idf(self, terms: Iterable[str]) -> dict[str, float]:
        """Inverse document frequency of each term (``log((N+1)/(df+1)) + 1``)."""

    def candidates(
        self, level: str, lo: float | None, hi: float | None, terms: list[str], per_term: int
    ) -> list[Centroid]:
        """Clusters indexed under one of `terms` whose time range meets ``[lo, hi]``.

        Without ``[lo, hi]`` (an undated article), the `per_term` newest per term.
        Clusters without a time are always eligible (the `per_term` newest per term).
        """

    def get(self, level: str, cluster_id: int) -> Centroid:
        """One cluster by id."""

    def merge_storyline(self, source: int, target: int) -> None:
        """Move everything of storyline `source` to `target` and drop `source`."""

    def save(self, centroid: Centroid, index_terms: list[str] | None) -> int:
        """Insert or update a cluster; return its id.

        `index_terms` replace the cluster's term index entries (None keeps them).
        """


@dataclass(slots=True)
class Assignment:
    """Where one article went."""

    article_id: str
    story: int
    storyline: int
    story_score: float
    storyline_score: float
    new_story: bool
    new_storyline: bool


class StoryClusterer:
    """Assign articles to stories and storylines, one at a time.

    >>> from sagte.stories.features import build_features
    >>> c = StoryClusterer(MemoryState())
    >>> a = c.add(build_features("a1", "Der Sturm Zeynep hat in Hamburg Dächer abgedeckt."))
    >>> a.new_story, a.story
    (True, 1)
    """

    def __init__(self, state: ClusterState, config: StoryConfig | None = None) -> None:
        self.state = state
        self.config = config or StoryConfig()

    # -- similarity --------------------------------------------------------
    def content_similarity(
        self, f: ArticleFeatures, c: Centroid, idf: dict[str, float]
    ) -> dict[str, float]:
        """The similarity features of an article against a cluster (only those defined)."""
        out = {"terms": cosine(f.tf, c.tf, idf)}
        if f.entities and c.entities:
            out["entities"] = cosine(f.entities, c.entities)
        if f.embedding is not None and c.embedding is not None:
            norm = float(np.linalg.norm(c.embedding))
            out["embedding"] = float(f.embedding @ c.embedding) / norm if norm else 0.0
        return out

    def score(
        self, f: ArticleFeatures, c: Centroid, idf: dict[str, float], level: str
    ) -> tuple[float, float]:
        """``(score, margin)``: weighted content similarity times time decay, and the
        extra similarity this article needs because its time is vague or unknown."""
        cfg = self.config
        feats = self.content_similarity(f, c, idf)
        weights = {
            "terms": cfg.weight_terms,
            "entities": cfg.weight_entities,
            "embedding": cfg.weight_embedding,
        }
        total = sum(weights[k] for k in feats)
        content = sum(weights[k] * v for k, v in feats.items()) / total if total else 0.0
        gap = _gap(f.time, c.time)
        if gap is None:
            return content, cfg.undated_margin
        late = max(0.0, gap - cfg.grace(level))
        decay = math.exp(-0.5 * (late / cfg.sigma(level)) ** 2)
        margin = 0.0 if (f.time.exact and c.exact) else cfg.month_margin
        return content * decay, margin

    # -- assignment --------------------------------------------------------
    def _best(
        self, f: ArticleFeatures, level: str, idf: dict[str, float], query: list[str]
    ) -> tuple[Centroid | None, float]:
        cfg = self.config
        t = f.time
        w = cfg.window(level)
        lo = t.lo - w if t.lo is not None else None
        hi = t.hi + w if t.hi is not None else None
        best, best_score = None, -1.0
        for c in self.state.candidates(level, lo, hi, query, cfg.per_term_limit):
            s, margin = self.score(f, c, idf, level)
            if s >= cfg.threshold(level) + margin and s > best_score:
                best, best_score = c, s
        return best, max(best_score, 0.0)

    def add(self, f: ArticleFeatures) -> Assignment:
        """Put one article into a story (and its story into a storyline)."""
        cfg = self.config
        self.state.add_document(f.tf)
        idf = self.state.idf(f.tf)
        query = self._keys(f.tf, f.entities, idf, cfg.query_terms)
        story, story_score = self._best(f, "story", idf, query)
        new_story = story is None
        line: Centroid | None = None
        line_score = 0.0
        if story is None:
            story = Centroid("story")
            line, line_score = self._best(f, "storyline", idf, query)
        elif story.parent is not None:
            line = self.state.get("storyline", story.parent)
        new_line = line is None
        if line is None:
            line = Centroid("storyline")
        for c in (line, story):
            c.add(f)
            more = [t for t in c.tf if t not in idf]
            if more:
                idf.update(self.state.idf(more))
            c.prune(idf, cfg.max_terms)
            c.label = c.make_label(idf, cfg.label_terms, cfg.label_entities)
        line_id = self.state.save(line, self._keys(line.tf, line.entities, idf, cfg.index_terms))
        story.parent = line_id
        story_id = self.state.save(
            story, self._keys(story.tf, story.entities, idf, cfg.index_terms)
        )
        if not new_story and 1 < story.size <= cfg.young_story and line.size == story.size:
            moved = self._regroup(story, line, idf)
            if moved is not None:
                line_id, line_score = moved
        return Assignment(
            f.article_id, story_id, line_id, story_score, line_score, new_story, new_line
        )

    def _regroup(
        self, story: Centroid, line: Centroid, idf: dict[str, float]
    ) -> tuple[int, float] | None:
        """Merge a young story's own storyline into a better one found with all its articles."""
        cfg = self.config
        probe = story.as_features()
        more = [t for t in probe.tf if t not in idf]
        if more:
            idf.update(self.state.idf(more))
        query = self._keys(probe.tf, probe.entities, idf, cfg.query_terms)
        best, best_score = None, -1.0
        w = cfg.window("storyline")
        t = probe.time
        lo = t.lo - w if t.lo is not None else None
        hi = t.hi + w if t.hi is not None else None
        for c in self.state.candidates("storyline", lo, hi, query, cfg.per_term_limit):
            if c.id == line.id:
                continue
            s, margin = self.score(probe, c, idf, "storyline")
            if s >= cfg.storyline_threshold + cfg.regroup_margin + margin and s > best_score:
                best, best_score = c, s
        if best is None or best.id is None or line.id is None:
            return None
        best.absorb(line)
        best.label = best.make_label(idf, cfg.label_terms, cfg.label_entities)
        self.state.save(best, self._keys(best.tf, best.entities, idf, cfg.index_terms))
        story.parent = best.id
        self.state.merge_storyline(line.id, best.id)
        logger.debug("story %s: storyline %s merged into %s", story.id, line.id, best.id)
        return best.id, best_score

    @staticmethod
    def _keys(
        tf: dict[str, float], entities: dict[str, float], idf: dict[str, float], k: int
    ) -> list[str]:
        """Blocking keys: the `k` most characteristic terms and the 5 heaviest entities."""
        return top_weighted(tf, idf, k) + top_weighted(entities, {}, ENTITY_KEYS)

    def attach(self, story_id: int, time: EventTime) -> Assignment:
        """Count a copy of an article already in story `story_id`: its time, not its text.

        A syndicated copy says nothing new about the story: adding its vectors would
        weight one agency text more than the others, and a copy republished days
        later would stretch the story's time towards the next event. It counts.
        """
        del time  # kept in the signature: the copy's time is stored with the copy
        story = self.state.get("story", story_id)
        story.size += 1
        line_id = story.parent or 0
        if story.parent is not None:
            line = self.state.get("storyline", story.parent)
            line.size += 1
            self.state.save(line, None)
        self.state.save(story, None)
        return Assignment("", story_id, line_id, 1.0, 1.0, False, False)


def _gap(a: EventTime, b: EventTime) -> float | None:
    """Days between two intervals (0 when they overlap), None when either is unknown."""
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return None
    return max(0.0, a.lo - b.hi + 1, b.lo - a.hi + 1)


class MemoryState:
    """A `ClusterState` in dictionaries: for benchmarks, tests and one-off runs."""

    def __init__(self) -> None:
        self.df: dict[str, int] = {}
        self.n = 0
        self.clusters: dict[str, dict[int, Centroid]] = {level: {} for level in LEVELS}
        self.index: dict[str, dict[str, dict[int, None]]] = {level: {} for level in LEVELS}
        self._indexed: dict[tuple[str, int], list[str]] = {}
        self._next = {level: 0 for level in LEVELS}  # ids are never reused

    def add_document(self, terms: Iterable[str]) -> None:
        self.n += 1
        for t in terms:
            self.df[t] = self.df.get(t, 0) + 1

    def idf(self, terms: Iterable[str]) -> dict[str, float]:
        return {t: math.log((self.n + 1) / (self.df.get(t, 0) + 1)) + 1.0 for t in terms}

    def candidates(
        self, level: str, lo: float | None, hi: float | None, terms: list[str], per_term: int
    ) -> list[Centroid]:
        found: dict[int, Centroid] = {}
        for t in terms:
            ids = list(self.index[level].get(t, {}))
            clusters = [self.clusters[level][i] for i in ids]
            if lo is not None and hi is not None:
                timed = [c for c in clusters if c.hi is not None and c.lo is not None]
                hits = [c for c in timed if c.hi >= lo and c.lo <= hi]  # type: ignore[operator]
            else:
                hits = sorted((c for c in clusters if c.hi is not None), key=lambda c: c.hi or 0.0)[
                    -per_term:
                ]
            hits += [c for c in clusters if c.hi is None][-per_term:]
            found.update((c.id or 0, c) for c in hits)
        return list(found.values())

    def get(self, level: str, cluster_id: int) -> Centroid:
        return self.clusters[level][cluster_id]

    def merge_storyline(self, source: int, target: int) -> None:
        for story in self.clusters["story"].values():
            if story.parent == source:
                story.parent = target
        self.clusters["storyline"].pop(source, None)
        for t in self._indexed.pop(("storyline", source), []):
            self.index["storyline"].get(t, {}).pop(source, None)

    def save(self, centroid: Centroid, index_terms: list[str] | None) -> int:
        level = centroid.level
        if centroid.id is None:
            self._next[level] += 1
            centroid.id = self._next[level]
        self.clusters[level][centroid.id] = centroid
        if index_terms is None:
            return centroid.id
        for t in self._indexed.get((level, centroid.id), []):
            self.index[level].get(t, {}).pop(centroid.id, None)
        for t in index_terms:
            postings = self.index[level].setdefault(t, {})
            postings.pop(centroid.id, None)
            postings[centroid.id] = None  # re-inserted: newest last
        self._indexed[(level, centroid.id)] = list(index_terms)
        return centroid.id
