"""Stories in the database: copies, stories, storylines and statement clusters.

`StoryIndex` runs on every ingested article, inside the article's transaction:

1. `probe` (called by the pipeline before analysis): an article whose normalised
   text is already stored reuses that analysis; a near-duplicate found through
   the MinHash LSH bands reuses its original's analysis for unchanged paragraphs
   (`sagte.stories.reuse`).
2. `add`: records the copy relation (duplicate group, first-seen original), puts
   the article into a story and storyline (`sagte.stories.cluster`; a copy joins
   its original's story) and its statements into statement clusters.
3. `sighting`: the same text read again from another source or outlet is kept
   as a sighting of the stored article.

`SqlState` is the clusterer's state in tables; every look-up goes through an
index, so the cost of one article does not grow with the archive.
"""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from sagte.analysis import Analysis, Entity, Mention, Statement
from sagte.ingest.dates import PublishedDate
from sagte.store.db import POSTGRESQL, Connection, dialect_of, insert_id
from sagte.stories import (
    CLUSTERER,
    Centroid,
    Fingerprint,
    ReuseStats,
    SCluster,
    StatementClusterer,
    StatementInput,
    StoryClusterer,
    StoryConfig,
    band_keys,
    best_copy,
    build_features,
    event_time,
    fingerprint,
    reuse_analysis,
)
from sagte.stories.statements import Variant
from sagte.stories.timing import EventTime
from sagte.text import Doc

logger = logging.getLogger(__name__)

__all__ = ["CopyMatch", "SqlState", "StoryIndex"]

CACHE = 4096  # centroids kept parsed in memory


class SqlState:
    """`ClusterState` and `StatementState` in tables (see migration 0003_stories)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._df: dict[str, int] = {}
        self._n: int | None = None
        self._cache: OrderedDict[tuple[str, int], Centroid] = OrderedDict()

    # -- term statistics ---------------------------------------------------
    def documents(self) -> int:
        if self._n is None:
            row = self.conn.execute(
                "SELECT value FROM story_meta WHERE key = 'documents'"
            ).fetchone()
            self._n = int(row[0]) if row else 0
        return self._n

    def add_document(self, terms: Iterable[str]) -> None:
        terms = list(terms)
        self._load_df(terms)
        self._n = self.documents() + 1
        self.conn.execute(
            "INSERT INTO story_meta (key, value) VALUES ('documents', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(self._n),),
        )
        for t in terms:
            self._df[t] = self._df.get(t, 0) + 1
        self.conn.executemany(
            "INSERT INTO term_df (term, df) VALUES (?, 1) "
            "ON CONFLICT(term) DO UPDATE SET df = term_df.df + 1",
            [(t,) for t in terms],
        )

    def _load_df(self, terms: list[str]) -> None:
        missing = [t for t in terms if t not in self._df]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(
                self.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk)
            )
            for t in chunk:
                self._df[t] = int(found.get(t, 0))

    def idf(self, terms: Iterable[str]) -> dict[str, float]:
        terms = list(terms)
        self._load_df(terms)
        n = self.documents()
        return {t: math.log((n + 1) / (self._df.get(t, 0) + 1)) + 1.0 for t in terms}

    # -- clusters ----------------------------------------------------------
    def candidates(
        self, level: str, lo: float | None, hi: float | None, terms: list[str], per_term: int
    ) -> list[Centroid]:
        ids: dict[int, None] = {}
        for t in terms:
            if lo is not None and hi is not None:
                rows = self.conn.execute(
                    "SELECT cluster_id FROM cluster_terms WHERE level = ? AND term = ? "
                    "AND hi >= ? AND lo <= ?",
                    (level, t, lo, hi),
                )
            else:
                rows = self.conn.execute(
                    "SELECT cluster_id FROM cluster_terms WHERE level = ? AND term = ? "
                    "ORDER BY hi DESC NULLS LAST LIMIT ?",
                    (level, t, per_term),
                )
            ids.update((r[0], None) for r in rows)
            undated = self.conn.execute(
                "SELECT cluster_id FROM cluster_terms WHERE level = ? AND term = ? AND hi IS NULL "
                "ORDER BY cluster_id DESC LIMIT ?",
                (level, t, per_term),
            )
            ids.update((r[0], None) for r in undated)
        return [self.get(level, i) for i in ids]

    def get(self, level: str, cluster_id: int) -> Centroid:
        key = (level, cluster_id)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        row = self.conn.execute(
            f"SELECT * FROM {_table(level)} WHERE id = ?", (cluster_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no {level} {cluster_id}")
        data = json.loads(row["centroid"])
        c = Centroid(
            level,
            id=row["id"],
            size=row["size"],
            tf=data["tf"],
            surface=data["surface"],
            entities=data["entities"],
            entity_names=data["names"],
            embedding=np.frombuffer(row["embedding"], dtype=np.float32).copy()
            if row["embedding"]
            else None,
            lo=row["lo"],
            hi=row["hi"],
            exact=bool(row["exact"]),
            parent=row["storyline_id"] if level == "story" else None,
            label=row["label"],
            first_article=row["first_article"],
        )
        self._remember(key, c)
        return c

    def _remember(self, key: tuple[str, int], c: Centroid) -> None:
        self._cache[key] = c
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE:
            self._cache.popitem(last=False)

    def save(self, centroid: Centroid, index_terms: list[str] | None) -> int:
        level = centroid.level
        table = _table(level)
        centroid_json = json.dumps(
            {
                "tf": centroid.tf,
                "surface": centroid.surface,
                "entities": centroid.entities,
                "names": centroid.entity_names,
            },
            ensure_ascii=False,
        )
        embedding = (
            centroid.embedding.astype(np.float32).tobytes()
            if centroid.embedding is not None
            else None
        )
        values: dict[str, Any] = {
            "label": centroid.label,
            "size": centroid.size,
            "lo": centroid.lo,
            "hi": centroid.hi,
            "exact": int(centroid.exact),
            "centroid": centroid_json,
            "embedding": embedding,
            "first_article": centroid.first_article,
            "clusterer": CLUSTERER,
        }
        if level == "story":
            values["storyline_id"] = centroid.parent
        if centroid.id is None:
            cols = ", ".join(values)
            marks = ", ".join("?" * len(values))
            centroid.id = insert_id(
                self.conn, f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(values.values())
            )
        else:
            sets = ", ".join(f"{k} = ?" for k in values)
            self.conn.execute(
                f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                [*values.values(), _now(), centroid.id],
            )
        if index_terms is not None:
            self.conn.execute(
                "DELETE FROM cluster_terms WHERE level = ? AND cluster_id = ?",
                (level, centroid.id),
            )
            self.conn.executemany(
                "INSERT INTO cluster_terms (level, term, hi, lo, cluster_id) VALUES (?,?,?,?,?)",
                [(level, t, centroid.hi, centroid.lo, centroid.id) for t in index_terms],
            )
        else:
            self.conn.execute(
                "UPDATE cluster_terms SET hi = ?, lo = ? WHERE level = ? AND cluster_id = ?",
                (centroid.hi, centroid.lo, level, centroid.id),
            )
        self._remember((level, centroid.id), centroid)
        return centroid.id

    def merge_storyline(self, source: int, target: int) -> None:
        self.conn.execute(
            "UPDATE stories SET storyline_id = ? WHERE storyline_id = ?", (target, source)
        )
        self.conn.execute(
            "UPDATE article_stories SET storyline_id = ? WHERE storyline_id = ?", (target, source)
        )
        self.conn.execute(
            "DELETE FROM cluster_terms WHERE level = 'storyline' AND cluster_id = ?", (source,)
        )
        self.conn.execute("DELETE FROM storylines WHERE id = ?", (source,))
        self._cache.pop(("storyline", source), None)
        for (level, _), c in self._cache.items():
            if level == "story" and c.parent == source:
                c.parent = target

    def forget(self) -> None:
        """Drop cached rows (after a rolled-back transaction)."""
        self._cache.clear()
        self._df.clear()
        self._n = None

    # -- statement clusters -------------------------------------------------
    def statement_candidates(
        self, speaker_key: str, lo: float | None, hi: float | None, recent: int
    ) -> list[SCluster]:
        rows = list(
            self.conn.execute(
                "SELECT * FROM statement_clusters WHERE speaker_key = ? ORDER BY id DESC LIMIT ?",
                (speaker_key, recent),
            )
        )
        if lo is not None and hi is not None:
            rows += self.conn.execute(
                "SELECT * FROM statement_clusters WHERE speaker_key = ? AND hi >= ? AND lo <= ?",
                (speaker_key, lo, hi),
            ).fetchall()
        seen: dict[int, SCluster] = {}
        for row in rows:
            if row["id"] not in seen:
                seen[row["id"]] = SCluster(
                    row["speaker_key"],
                    row["speaker_name"],
                    id=row["id"],
                    variants=[Variant.from_dict(v) for v in json.loads(row["variants"])],
                    size=row["size"],
                    lo=row["lo"],
                    hi=row["hi"],
                )
        return list(seen.values())

    def save_statement_cluster(self, cluster: SCluster) -> int:
        variants = json.dumps([v.as_dict() for v in cluster.variants], ensure_ascii=False)
        if cluster.id is None:
            cluster.id = insert_id(
                self.conn,
                "INSERT INTO statement_clusters (speaker_key, speaker_name, size, lo, hi, "
                "variants) VALUES (?,?,?,?,?,?)",
                (
                    cluster.speaker_key,
                    cluster.speaker_name,
                    cluster.size,
                    cluster.lo,
                    cluster.hi,
                    variants,
                ),
            )
        else:
            self.conn.execute(
                "UPDATE statement_clusters SET size = ?, lo = ?, hi = ?, variants = ? WHERE id = ?",
                (cluster.size, cluster.lo, cluster.hi, variants, cluster.id),
            )
        return cluster.id


def _now() -> str:
    """The time now as the tables' defaults write it: 2023-11-05T09:00:00.000Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _table(level: str) -> str:
    if level not in ("story", "storyline"):
        raise ValueError(f"level must be story or storyline, got {level!r}")
    return "stories" if level == "story" else "storylines"


@dataclass(slots=True)
class CopyMatch:
    """What `StoryIndex.probe` found for an article about to be analysed."""

    fingerprint: Fingerprint
    searched: bool = False  # the LSH bands were looked up
    of: str | None = None  # the stored article it copies
    similarity: float = 0.0
    stats: ReuseStats | None = None


class StoryIndex:
    """Stories, copies and statement clusters of one database (see the module docstring)."""

    def __init__(
        self,
        conn: Connection,
        config: StoryConfig | None = None,
        embedder: Any = "default",
    ) -> None:
        self.conn = conn
        self._pg = dialect_of(conn) is POSTGRESQL
        self._seen: str | int | None = None  # what `_fresh` saw of other writers last time
        self.state = SqlState(conn)
        self.clusterer = StoryClusterer(self.state, config)
        self.statements = StatementClusterer(self.state)
        self._embedder = embedder
        self._probed: dict[str, CopyMatch] = {}

    @property
    def embedder(self) -> Any:
        if self._embedder == "default":
            from sagte.stories import default_embedder

            self._embedder = default_embedder()
        return self._embedder

    # -- before analysis ----------------------------------------------------
    def find_copy(self, fp: Fingerprint, exclude: str | None = None) -> tuple[str | None, float]:
        """The stored article `fp` is a copy of (the most similar), and the similarity."""
        keys = band_keys(fp)
        marks = ",".join("?" * len(keys))
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT article_id FROM minhash_bands WHERE key IN ({marks})", keys
            )
            if r[0] != exclude
        ]
        candidates: list[tuple[str, bytes, int]] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            candidates += self.conn.execute(
                "SELECT article_id, fingerprint, shingles FROM article_stories "
                f"WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return best_copy(fp, [(a, bytes(blob), n) for a, blob, n in candidates])

    def probe(
        self,
        article_id: str,
        text: str,
        paragraphs: list[tuple[int, int]],
        analyse: Callable[[Doc], Analysis],
    ) -> Analysis | None:
        """The analysis of an article built from stored ones, or None to analyse it fully.

        An identical stored text gives its analysis back; a near-duplicate gives
        its unchanged paragraphs' analysis, and `analyse` runs on changed ones.
        """
        fp = fingerprint(text)
        match = CopyMatch(fp)
        self._probed = {article_id: match}
        if self.has_features(article_id):
            return self.load_analysis(article_id)  # the same text again: nothing to analyse
        of, sim = self.find_copy(fp)
        match.searched = True
        if of is None:
            return None
        match.of, match.similarity = of, sim
        source = self.load_analysis(of)
        if source is None:
            return None
        src_text, src_paragraphs = self._text_of(of)
        analysis, stats = reuse_analysis(
            text, paragraphs, src_text, src_paragraphs, source, of, analyse=analyse
        )
        match.stats = stats
        return analysis

    def has_features(self, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM article_stories WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row is not None

    def _text_of(self, article_id: str) -> tuple[str, list[tuple[int, int]]]:
        text = self.conn.execute(
            "SELECT text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()[0]
        return text, paragraphs_of(text)

    def load_analysis(self, article_id: str) -> Analysis | None:
        """Rebuild a stored article's analysis (None if it was not analysed)."""
        row = self.conn.execute(
            "SELECT text, analysed, extractor FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None or not row["analysed"]:
            return None
        mention_rows = self.conn.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY start, id", (article_id,)
        ).fetchall()
        statement_rows = self.conn.execute(
            "SELECT * FROM statements WHERE article_id = ? ORDER BY start, id", (article_id,)
        ).fetchall()
        ids = sorted(
            {r["entity_id"] for r in mention_rows if r["entity_id"] is not None}
            | {r["speaker_id"] for r in statement_rows if r["speaker_id"] is not None}
        )
        index = {eid: i for i, eid in enumerate(ids)}
        entities: list[Entity] = []
        for eid in ids:
            e = self.conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
            roles = [
                r[0]
                for r in self.conn.execute(
                    "SELECT role FROM entity_roles WHERE entity_id = ? AND article_id = ? "
                    "ORDER BY role",
                    (eid, article_id),
                )
            ]
            entities.append(Entity(e["name"], e["kind"], e["gender"], e["gender_source"], roles))
        mentions = [
            Mention(
                r["start"],
                r["end"],
                r["kind"],
                index.get(r["entity_id"]) if r["entity_id"] is not None else None,
                r["role"],
            )
            for r in mention_rows
        ]
        statements = [
            Statement(
                form=r["form"],
                fine_type=r["fine_type"],
                message=[tuple(s) for s in json.loads(r["message"])],
                cue=[tuple(s) for s in json.loads(r["cue"])],
                frame=[tuple(s) for s in json.loads(r["frame"])],
                speaker=(r["speaker_start"], r["speaker_end"])
                if r["speaker_start"] is not None
                else None,
                speaker_entity=index.get(r["speaker_id"]) if r["speaker_id"] is not None else None,
                addressee=[tuple(s) for s in json.loads(r["addressee"])],
                medium=r["medium"],
                confidence=r["confidence"],
                rule=r["rule"] or "",
            )
            for r in statement_rows
        ]
        return Analysis(row["text"], statements, mentions, entities, row["extractor"] or "")

    # -- after storing ------------------------------------------------------
    def sighting(self, article_id: str, source: str, doc: Any) -> bool:
        """Record that an already stored text was read again from `source`."""
        published: PublishedDate | None = getattr(doc, "published", None)
        row = self.conn.execute(
            "SELECT source FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None or row[0] == source:
            return False  # the same file read again (a resumed ingest): nothing new
        self._fresh()
        cur = self.conn.execute(
            "INSERT INTO article_sightings (article_id, source, outlet, url, title, "
            "published, published_precision) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (
                article_id,
                source,
                getattr(doc, "outlet", None),
                getattr(doc, "url", None),
                getattr(doc, "title", None),
                published.value if published else None,
                published.precision if published else None,
            ),
        )
        if cur.rowcount:
            row = self.conn.execute(
                "SELECT story_id FROM article_stories WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row and row[0] is not None:
                self.clusterer.attach(row[0], event_time(published, ""))
        return bool(cur.rowcount)

    def add(
        self,
        article_id: str,
        text: str,
        *,
        title: str | None,
        outlet: str | None,
        published: PublishedDate | None,
        analysis: Analysis | None,
    ) -> dict[str, Any]:
        """Cluster a just-stored article and its statements; return what was decided."""
        self._fresh()
        match = self._probed.pop(article_id, None) or CopyMatch(fingerprint(text))
        self._probed = {}
        if not match.searched:
            match.of, match.similarity = self.find_copy(match.fingerprint, exclude=article_id)
        when = event_time(published, text)
        group = self._group(article_id, match.of, published) if match.of else None
        story_id = line_id = None
        story_score = line_score = None
        if analysis is not None:
            origin = self._story_of(match.of) if match.of else None
            if origin is not None:
                a = self.clusterer.attach(origin, when)
                story_id, line_id, story_score, line_score = a.story, a.storyline, 1.0, 1.0
            else:
                features = build_features(
                    article_id,
                    text,
                    title=title,
                    analysis=analysis,
                    published=published,
                    outlet=outlet,
                    embedder=self.embedder,
                )
                a = self.clusterer.add(features)
                story_id, line_id = a.story, a.storyline
                story_score, line_score = a.story_score, a.storyline_score
        stats = match.stats
        self.conn.execute(
            "INSERT INTO article_stories (article_id, story_id, storyline_id, story_score, "
            "storyline_score, event_lo, event_hi, event_source, event_precision, dup_group, "
            "dup_of, dup_similarity, fingerprint, shingles, paragraphs_reused, "
            "paragraphs_analysed, clusterer) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article_id,
                story_id,
                line_id,
                story_score,
                line_score,
                when.lo,
                when.hi,
                when.source,
                when.precision,
                group,
                match.of,
                match.similarity if match.of else None,
                match.fingerprint.hashvalues,
                match.fingerprint.shingles,
                stats.reused if stats else 0,
                stats.analysed if stats else 0,
                CLUSTERER,
            ),
        )
        self.conn.executemany(
            "INSERT INTO minhash_bands (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(k, article_id) for k in band_keys(match.fingerprint)],
        )
        if analysis is not None:
            self._cluster_statements(article_id, text, when, outlet)
        return {"story": story_id, "storyline": line_id, "dup_group": group, "dup_of": match.of}

    def recluster_statements(
        self, article_id: str, text: str, outlet: str | None, published: PublishedDate | None
    ) -> None:
        """Cluster an article's statements again after its analysis was replaced."""
        self._fresh()
        self._cluster_statements(article_id, text, event_time(published, text), outlet)

    def _fresh(self) -> None:
        """Drop the cached clusters and term counts if another writer has written since
        this one's last transaction (two ingests into one database at once).

        Called inside the write transaction, which holds the write lock: from here to
        its end no one else writes. SQLite counts other connections' commits itself
        (``PRAGMA data_version``); on PostgreSQL each transaction leaves its own mark
        in `story_meta`, and a mark that is not ours was left by someone else.
        """
        if self._pg:
            row = self.conn.execute("SELECT value FROM story_meta WHERE key = 'writer'").fetchone()
            if row is None or row[0] != self._seen:
                self.state.forget()
            self._seen = uuid.uuid4().hex
            self.conn.execute(
                "INSERT INTO story_meta (key, value) VALUES ('writer', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (self._seen,),
            )
            return
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._seen:
            self.state.forget()
            self._seen = version

    def _story_of(self, article_id: str) -> int | None:
        row = self.conn.execute(
            "SELECT story_id FROM article_stories WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def _group(self, article_id: str, of: str, published: PublishedDate | None) -> int:
        """Join `of`'s duplicate group (made on first copy); keep the first-seen original.

        First seen: the earliest publication time (to the second where known); with
        equal or unknown times, the copy stored first stays the original.
        """
        row = self.conn.execute(
            "SELECT dup_group FROM article_stories WHERE article_id = ?", (of,)
        ).fetchone()
        group = row[0] if row else None
        if group is None:
            group = insert_id(
                self.conn, "INSERT INTO dup_groups (original_id, size) VALUES (?, 1)", (of,)
            )
            self.conn.execute(
                "UPDATE article_stories SET dup_group = ? WHERE article_id = ?", (group, of)
            )
        original = self.conn.execute(
            "SELECT g.original_id, a.published FROM dup_groups g "
            "JOIN articles a ON a.id = g.original_id WHERE g.id = ?",
            (group,),
        ).fetchone()
        new_original = original[0]
        mine = instant(published.value if published else None)
        theirs = instant(original[1])
        if mine is not None and (theirs is None or mine < theirs):
            new_original = article_id
        self.conn.execute(
            "UPDATE dup_groups SET size = size + 1, original_id = ? WHERE id = ?",
            (new_original, group),
        )
        return group

    def _cluster_statements(
        self, article_id: str, text: str, when: EventTime, outlet: str | None
    ) -> None:
        rows = self.conn.execute(
            "SELECT s.id, s.form, s.message, e.key, e.name FROM statements s "
            "JOIN entities e ON e.id = s.speaker_id WHERE s.article_id = ? AND e.kind != 'DESC' "
            "ORDER BY s.start",
            (article_id,),
        ).fetchall()
        for sid, form, message, key, name in rows:
            if "@" in key:
                continue  # an article-local key (a surname alone): not the same person elsewhere
            spans = json.loads(message)
            body = " … ".join(text[s:e] for s, e in spans)
            m = self.statements.add(
                StatementInput(sid, key, name, form, body, article_id, when, outlet)
            )
            self.conn.execute(
                "INSERT INTO statement_members (statement_id, cluster_id, variant, relation, "
                "similarity) VALUES (?,?,?,?,?) ON CONFLICT (statement_id) DO UPDATE SET "
                "cluster_id = excluded.cluster_id, variant = excluded.variant, "
                "relation = excluded.relation, similarity = excluded.similarity",
                (sid, m.cluster, m.variant, m.relation, m.similarity),
            )

    def pending(self) -> list[str]:
        """Stored articles not yet clustered, oldest first: those stored before migration
        0003, or written past `sagte.api.Database` (straight through `Store.add_article`).

        One pass over the article ids per call (per ingest command, not per article).
        """
        rows = self.conn.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_stories s WHERE s.article_id = a.id) "
            "ORDER BY a.published IS NULL, a.published, a.ingested_at"
        )
        return [r[0] for r in rows]


def instant(value: str | None) -> float | None:
    """Seconds since 1970 (UTC) of an ISO date or timestamp prefix; a day counts from 00:00."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp()


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of a normalised text (paragraphs are separated by one blank line)."""
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            spans.append((start, end))
        start = end + 2
    return spans
