"""Named schema migrations. Each runs once, in a transaction, and is recorded.

Never edit a released migration: add a new one.
"""

from __future__ import annotations

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
]
