"""Stories layer: near-duplicate copies, stories, storylines and statement clusters.

Everything here works on features and offsets and keeps its state behind small
protocols (`ClusterState`, `StatementState`): in memory for benchmarks and tests,
in SQLite (`sagte.store.stories`) for a database, where adding an article costs
the same however large the archive is.
"""

import logging

from sagte.stories.cluster import (
    CLUSTERER,
    Assignment,
    Centroid,
    ClusterState,
    MemoryState,
    StoryClusterer,
    StoryConfig,
)
from sagte.stories.dedup import Fingerprint, band_keys, best_copy, fingerprint, is_copy
from sagte.stories.embed import Embedder, default_embedder
from sagte.stories.features import ArticleFeatures, build_features
from sagte.stories.reuse import ReuseStats, reuse_analysis
from sagte.stories.statements import (
    MemoryStatementState,
    SCluster,
    StatementClusterer,
    StatementInput,
    StatementState,
)
from sagte.stories.timing import EventTime, event_time

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "CLUSTERER",
    "ArticleFeatures",
    "Assignment",
    "Centroid",
    "ClusterState",
    "Embedder",
    "EventTime",
    "Fingerprint",
    "MemoryState",
    "MemoryStatementState",
    "ReuseStats",
    "SCluster",
    "StatementClusterer",
    "StatementInput",
    "StatementState",
    "StoryClusterer",
    "StoryConfig",
    "band_keys",
    "build_features",
    "default_embedder",
    "event_time",
    "fingerprint",
    "is_copy",
    "best_copy",
    "reuse_analysis",
]
