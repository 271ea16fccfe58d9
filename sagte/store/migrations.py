"""Named schema migrations. Each runs once, in a transaction, and is recorded.

Never edit a released migration: add a new one.

The migrations are written for SQLite. PostgreSQL runs the same list, under the
same names: `postgresql_ddl` translates SQLite's column types (64-bit integers,
doubles, byte strings, text compared byte by byte) and defaults, and the one
migration that has no translation, the FTS5 search index, has its PostgreSQL text
in `POSTGRESQL` (a tsvector table per FTS5 table; see `sagte.store.search`).
"""

from __future__ import annotations

import re

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,              -- content hash of the normalised text
            source TEXT NOT NULL,             -- file path (and :line for JSON Lines)
            format TEXT NOT NULL,             -- text | html | jsonl
            external_id TEXT,
            url TEXT,
            outlet TEXT,
            title TEXT,
            author TEXT,
            published TEXT,                   -- ISO prefix: 2022, 2022-03, 2022-03-24, or a timestamp
            published_precision TEXT CHECK (published_precision IN ('year','month','day','datetime')),
            language TEXT,
            analysed INTEGER NOT NULL DEFAULT 0,
            raw_text TEXT NOT NULL,
            body_start INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,               -- normalised text; every offset points here
            alignment TEXT NOT NULL,          -- JSON [[norm_start, raw_start, length, copied], ...]
            removed TEXT NOT NULL DEFAULT '[]', -- JSON raw spans of boilerplate lines
            encoding TEXT,
            extractor TEXT,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('PER','ORG','LOC','OTH','DESC')),
            gender TEXT,
            gender_source TEXT
        );
        CREATE INDEX entities_name ON entities(name);

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER REFERENCES entities(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            role TEXT,
            extractor TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);

        CREATE TABLE entity_roles (
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            role TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (entity_id, role, article_id)
        );

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            form TEXT NOT NULL CHECK (form IN ('direct','indirect','mixed','reported','free_indirect')),
            fine_type TEXT NOT NULL,
            start INTEGER NOT NULL,           -- extent of the message in the normalised text
            end INTEGER NOT NULL,
            message TEXT NOT NULL,            -- JSON [[start, end], ...]: may be discontinuous
            cue TEXT NOT NULL DEFAULT '[]',
            frame TEXT NOT NULL DEFAULT '[]',
            addressee TEXT NOT NULL DEFAULT '[]',
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_mention_id INTEGER REFERENCES mentions(id),
            speaker_id INTEGER REFERENCES entities(id),
            medium TEXT NOT NULL,
            confidence REAL NOT NULL,
            rule TEXT,
            extractor TEXT NOT NULL
        );
        CREATE INDEX statements_article ON statements(article_id);
        CREATE INDEX statements_speaker ON statements(speaker_id);
        """,
    ),
    (
        # Full-text search (sagte/store/search.py). The columns hold analysed text:
        # folded, stemmed German words separated by spaces, so FTS5's own tokenizer
        # only splits on the spaces. Rows are written by Store.add_article; databases
        # from before this migration are filled by search.reindex (Store.migrate).
        "0002_search",
        """
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            message, tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE statements_vocab USING fts5vocab(statements_fts, row);
        """,
    ),
    (
        # Stories (sagte/store/stories.py): copies of one text, stories, storylines and
        # statement clusters. Rows are written on ingest; articles stored before this
        # migration are clustered by the next ingest (StoryIndex.backfill).
        "0003_stories",
        """
        CREATE TABLE article_sightings (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            source TEXT NOT NULL,             -- where this identical text was read again
            outlet TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            published_precision TEXT,
            seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            UNIQUE (article_id, source)
        );
        CREATE TABLE dup_groups (
            id INTEGER PRIMARY KEY,
            original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- first seen
            size INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE storylines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- merged storylines leave their id unused
            label TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,  -- articles, copies included
            lo REAL,                          -- time range in days since 1970, NULL if unknown
            hi REAL,
            exact INTEGER NOT NULL DEFAULT 0,
            centroid TEXT NOT NULL,           -- JSON {tf, surface, entities, names}
            embedding BLOB,                   -- float32 sum of unit vectors
            first_article TEXT,
            clusterer TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE INDEX storylines_hi ON storylines(hi);
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            storyline_id INTEGER REFERENCES storylines(id),
            label TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            lo REAL,
            hi REAL,
            exact INTEGER NOT NULL DEFAULT 0,
            centroid TEXT NOT NULL,
            embedding BLOB,
            first_article TEXT,
            clusterer TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE INDEX stories_hi ON stories(hi);
        CREATE INDEX stories_storyline ON stories(storyline_id);
        CREATE TABLE cluster_terms (         -- a cluster's top terms, with its time range
            level TEXT NOT NULL CHECK (level IN ('story','storyline')),
            term TEXT NOT NULL,
            hi REAL,                          -- copied from the cluster: range scans by term
            lo REAL,
            cluster_id INTEGER NOT NULL
        );
        CREATE INDEX cluster_terms_term ON cluster_terms(level, term, hi, cluster_id);
        CREATE INDEX cluster_terms_cluster ON cluster_terms(level, cluster_id);
        CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE article_stories (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id INTEGER REFERENCES stories(id),          -- NULL: not clustered (not German)
            storyline_id INTEGER REFERENCES storylines(id),
            story_score REAL,
            storyline_score REAL,
            event_lo REAL,                    -- the event time used (see sagte/stories/timing.py)
            event_hi REAL,
            event_source TEXT,
            event_precision TEXT,
            dup_group INTEGER REFERENCES dup_groups(id),
            dup_of TEXT,                      -- the stored article this one is a copy of
            dup_similarity REAL,
            fingerprint BLOB NOT NULL,
            shingles INTEGER NOT NULL,
            paragraphs_reused INTEGER NOT NULL DEFAULT 0,
            paragraphs_analysed INTEGER NOT NULL DEFAULT 0,
            clusterer TEXT NOT NULL
        );
        CREATE INDEX article_stories_story ON article_stories(story_id);
        CREATE INDEX article_stories_storyline ON article_stories(storyline_id);
        CREATE INDEX article_stories_group ON article_stories(dup_group);
        CREATE TABLE minhash_bands (
            key INTEGER NOT NULL,             -- one LSH band of the article's MinHash
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
        CREATE TABLE statement_clusters (
            id INTEGER PRIMARY KEY,
            speaker_key TEXT NOT NULL,        -- the speaker entity's canonical key
            speaker_name TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            lo REAL,
            hi REAL,
            variants TEXT NOT NULL            -- JSON [{norm, stems, form, text, relation}]
        );
        CREATE INDEX statement_clusters_speaker ON statement_clusters(speaker_key, hi);
        CREATE INDEX statement_clusters_recent ON statement_clusters(speaker_key, id);
        CREATE TABLE statement_members (
            statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
            cluster_id INTEGER NOT NULL REFERENCES statement_clusters(id),
            variant INTEGER NOT NULL,
            relation TEXT NOT NULL CHECK (relation IN ('same','trimmed','edited','paraphrase')),
            similarity REAL NOT NULL
        );
        CREATE INDEX statement_members_cluster ON statement_members(cluster_id);
        """,
    ),
    (
        # Where an article came from besides its file: the crawl time of a WARC record
        # or a fetched feed (apart from the publication date), whether a feed gave only
        # a summary, and source-specific details (WARC record id, feed title) as JSON.
        "0004_sources",
        """
        ALTER TABLE articles ADD COLUMN crawled TEXT;
        ALTER TABLE articles ADD COLUMN crawled_precision TEXT;
        ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN source_meta TEXT NOT NULL DEFAULT '{}';
        """,
    ),
    (
        # One canonical record per person or organisation across articles (issue 4):
        # every key an entity was found under, with the reason it was merged and the
        # article that first showed it (`sagte why-merged`), the corrections made by
        # hand (kept as records and replayed, see sagte.store.identity), and
        # per-article splits of a wrongly merged entity.
        "0005_identity",
        """
        ALTER TABLE entities ADD COLUMN match_key TEXT;
        ALTER TABLE entities ADD COLUMN surname_key TEXT;
        ALTER TABLE entities ADD COLUMN name_locked INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX entities_match ON entities(match_key);
        CREATE INDEX entities_surname ON entities(surname_key);
        CREATE TABLE entity_variants (
            key TEXT PRIMARY KEY,             -- sagte.identity.canonical_key of a name
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            name TEXT NOT NULL,               -- the name as first seen under this key
            reason TEXT NOT NULL CHECK (reason IN ('name','spelling','surname','alias','merge')),
            detail TEXT NOT NULL DEFAULT '',
            article_id TEXT,                  -- the article that first showed it
            created TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX entity_variants_entity ON entity_variants(entity_id);
        INSERT INTO entity_variants (key, entity_id, name, reason)
            SELECT key, id, name, 'name' FROM entities;
        CREATE TABLE entity_splits (
            entity_id INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            new_entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (entity_id, article_id)
        );
        CREATE TABLE entity_corrections (
            id INTEGER PRIMARY KEY,
            op TEXT NOT NULL CHECK (op IN ('merge','split','alias','rename')),
            target TEXT NOT NULL,             -- the key of the entity corrected
            value TEXT NOT NULL,              -- merge: the other key, split: an article id,
                                              -- alias: the variant, rename: the new name
            created TEXT NOT NULL
        );
        """,
    ),
]


# The PostgreSQL text of migrations that `postgresql_ddl` cannot translate.
POSTGRESQL: dict[str, str] = {
    # The same rows as the FTS5 tables: `tsv` holds the analysed words (the stems FTS5
    # stores) with their positions, built by sagte.store.search, never by PostgreSQL's
    # own parser, so both backends find the same statements. FTS5's fts5vocab table
    # (statements_vocab) has no counterpart: search.document_frequencies counts there.
    "0002_search": """
        CREATE TABLE statements_fts (
            rowid BIGINT PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
            tsv TSVECTOR NOT NULL
        );
        CREATE INDEX statements_fts_tsv ON statements_fts USING GIN (tsv);
        CREATE TABLE articles_fts (
            article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            tsv TSVECTOR NOT NULL
        );
        CREATE INDEX articles_fts_tsv ON articles_fts USING GIN (tsv);
        """,
}

_NOW_SQLITE = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
_NOW_POSTGRESQL = (
    "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
)
# SQLite type → PostgreSQL type, in this order (identity keys first).
_PG_TYPES = [
    (
        re.compile(r"\bid INTEGER PRIMARY KEY( AUTOINCREMENT)?"),
        "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    ),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),  # SQLite's integers have 64 bits (MinHash band keys)
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),  # SQLite's REAL is 8 bytes; PostgreSQL's 4
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    # SQLite compares text by code point (BINARY); "C" does too, whatever the server's locale.
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
    (re.compile(r"\)\s*WITHOUT ROWID"), ")"),
    # "end" is a reserved word in PostgreSQL (not after a table name: s.end is fine).
    (re.compile(r"^(\s*)end\b", re.MULTILINE), '\\1"end"'),
]


def postgresql_ddl(sql: str) -> str:
    """A SQLite migration's DDL for PostgreSQL: the types and defaults translated."""
    sql = sql.replace(_NOW_SQLITE, _NOW_POSTGRESQL)
    for pattern, replacement in _PG_TYPES:
        sql = pattern.sub(replacement, sql)
    return sql


def migration_sql(name: str, sql: str, dialect: str) -> str:
    """The text of migration `name` (SQLite's `sql`) for `dialect` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        return sql
    return POSTGRESQL.get(name) or postgresql_ddl(sql)
