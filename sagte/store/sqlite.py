"""The store: one SQLite file, or a PostgreSQL database, written one article per
transaction.

An interrupted ingest (Ctrl-C, crash, kill -9) leaves every article whose
transaction committed intact; SQLite's journal (or PostgreSQL) rolls the rest
back, and the next run skips the articles already stored (ids are content hashes).

`Store("sagte.db")` opens a file; `Store("postgresql://user@host/db")` a server
(`sagte.store.db`), where many users read and write at once: writers take turns
(`db.begin_write`), readers never wait.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sagte.analysis.model import Analysis
from sagte.errors import Errors, NotFound, StoreError
from sagte.identity.names import affiliation, distinct_roles, fold
from sagte.ingest.dates import PublishedDate
from sagte.store.db import (
    POSTGRESQL,
    begin_write,
    connect,
    dialect_of,
    insert_id,
    redact,
    tables,
)
from sagte.store.identity import Identities, backfill_keys
from sagte.store.migrations import MIGRATIONS, migration_sql, postgresql_ddl
from sagte.store.search import index_article, parse_query, reindex, statements_matching

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class ArticleRecord:
    """An article ready to store: its texts, metadata and the alignment between them."""

    id: str
    source: str
    format: str
    raw_text: str
    text: str
    alignment: list[list[int]]
    body_start: int = 0
    removed: list[tuple[int, int]] = field(default_factory=list)
    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: PublishedDate | None = None
    language: str | None = None
    analysed: bool = False
    encoding: str | None = None
    crawled: PublishedDate | None = None  # when a crawler fetched it (WARC, feed address)
    summary_only: bool = False  # a feed entry without content: the text is its summary
    source_meta: dict[str, Any] = field(default_factory=dict)  # WARC record id, feed title…


class Store:
    """A sagte database.

    >>> store = Store(":memory:")
    >>> store.count("articles")
    0

    `path` is a SQLite file (or ``:memory:``) or a ``postgresql://`` URL.
    """

    def __init__(self, path: str | os.PathLike[str] = "sagte.db", readonly: bool = False) -> None:
        self.path = str(path)
        self._depth = 0
        self.conn = connect(self.path, readonly=readonly)  # raises StoreError
        self.dialect = dialect_of(self.conn)
        try:
            if not readonly:
                self.migrate()
            elif self.dialect is POSTGRESQL and "_migrations" not in tables(self.conn):
                raise StoreError(Errors.S036.format(url=redact(self.path)))
        except (sqlite3.DatabaseError, _pg_error()) as err:
            self.conn.close()
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(Errors.S011.format(path=redact(self.path), reason=reason)) from None
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names."""
        if self.dialect is POSTGRESQL:
            # Two sagte processes may start on an empty database at once: the first
            # creates the table under the write lock, the other waits and finds it.
            with self.atomic():
                self.conn.execute(postgresql_ddl(_MIGRATIONS_TABLE))
        else:
            self.conn.execute(_MIGRATIONS_TABLE)
        done = {row[0] for row in self.conn.execute("SELECT name FROM _migrations")}
        known = {name for name, _ in MIGRATIONS}
        unknown = done - known
        if unknown:
            raise StoreError(Errors.S012.format(name=sorted(unknown)[0]))
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.atomic():
                again = "SELECT 1 FROM _migrations WHERE name = ?"
                if self.conn.execute(again, (name,)).fetchone():
                    continue  # another process applied it meanwhile
                for statement in _split_sql(migration_sql(name, sql, self.dialect.name)):
                    self.conn.execute(statement)
                if name == "0002_search":
                    reindex(self.conn)  # articles stored before the search index existed
                if name == "0005_identity":
                    backfill_keys(self.conn)  # persons stored before identity keys existed
                self.conn.execute("INSERT INTO _migrations (name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction; nested calls become savepoints."""
        name = f"sp{self._depth}"
        if self._depth == 0:
            begin_write(self.conn)
        else:
            self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self.conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    # -- writing -----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def article_ids(self) -> list[str]:
        """The ids of every stored article."""
        return [row[0] for row in self.conn.execute("SELECT id FROM articles")]

    def add_article(self, record: ArticleRecord, analysis: Analysis | None) -> bool:
        """Store an article and its analysis in one transaction.

        Returns:
            False when an article with the same id is already stored (nothing changes).
        """
        with self.atomic():
            if self.has_article(record.id):
                return False
            published = record.published
            self.conn.execute(
                "INSERT INTO articles (id, source, format, external_id, url, outlet, title, "
                "author, published, published_precision, language, analysed, raw_text, "
                "body_start, text, alignment, removed, encoding, extractor, crawled, crawled_precision, "
                "summary_only, source_meta) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    record.id,
                    record.source,
                    record.format,
                    record.external_id,
                    record.url,
                    record.outlet,
                    record.title,
                    record.author,
                    published.value if published else None,
                    published.precision if published else None,
                    record.language,
                    int(analysis is not None),
                    record.raw_text,
                    record.body_start,
                    record.text,
                    json.dumps(record.alignment),
                    json.dumps(record.removed),
                    record.encoding,
                    analysis.extractor if analysis else None,
                    record.crawled.value if record.crawled else None,
                    record.crawled.precision if record.crawled else None,
                    int(record.summary_only),
                    json.dumps(record.source_meta, ensure_ascii=False, sort_keys=True),
                ),
            )
            if analysis is not None:
                self._add_analysis(record.id, analysis)
            index_article(self.conn, record.id)
        return True

    def _add_analysis(self, article_id: str, analysis: Analysis) -> None:
        entity_ids: list[int] = []
        identities = Identities(self.conn)
        for entity in analysis.entities:
            entity_id = identities.resolve(entity, article_id).entity_id
            entity_ids.append(entity_id)
            for role in entity.roles:
                self.conn.execute(
                    "INSERT INTO entity_roles (entity_id, role, article_id) VALUES (?,?,?) "
                    "ON CONFLICT DO NOTHING",
                    (entity_id, role, article_id),
                )
        mention_ids: dict[tuple[int, int], int] = {}
        for m in analysis.mentions:
            mention_id = insert_id(
                self.conn,
                'INSERT INTO mentions (article_id, entity_id, start, "end", kind, role, extractor) '
                "VALUES (?,?,?,?,?,?,?)",
                (
                    article_id,
                    entity_ids[m.entity] if m.entity is not None else None,
                    m.start,
                    m.end,
                    m.kind,
                    m.role,
                    analysis.extractor,
                ),
            )
            mention_ids.setdefault((m.start, m.end), mention_id)
        for s in analysis.statements:
            self.conn.execute(
                'INSERT INTO statements (article_id, form, fine_type, start, "end", message, cue, '
                "frame, addressee, speaker_start, speaker_end, speaker_mention_id, speaker_id, "
                "medium, confidence, rule, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article_id,
                    s.form,
                    s.fine_type,
                    s.start,
                    s.end,
                    json.dumps(s.message),
                    json.dumps(s.cue),
                    json.dumps(s.frame),
                    json.dumps(s.addressee),
                    s.speaker[0] if s.speaker else None,
                    s.speaker[1] if s.speaker else None,
                    mention_ids.get(s.speaker) if s.speaker else None,
                    entity_ids[s.speaker_entity] if s.speaker_entity is not None else None,
                    s.medium,
                    s.confidence,
                    s.rule,
                    analysis.extractor,
                ),
            )

    def replace_analysis(self, article_id: str, analysis: Analysis) -> None:
        """Swap an article's statements, mentions and roles for a new analysis (in the
        caller's transaction); entities, their merges and corrections stay."""
        old = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM statements WHERE article_id = ?", (article_id,)
            )
        ]
        for sid in old:
            self.conn.execute("DELETE FROM statement_members WHERE statement_id = ?", (sid,))
            if self.dialect is not POSTGRESQL:
                self.conn.execute("DELETE FROM statements_fts WHERE rowid = ?", (sid,))
        for table in ("statements", "mentions", "entity_roles"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute(
            "UPDATE articles SET analysed = 1, extractor = ? WHERE id = ?",
            (analysis.extractor, article_id),
        )
        self._add_analysis(article_id, analysis)
        index_article(self.conn, article_id)

    @property
    def identities(self) -> Identities:
        """Entity lookup and corrections (`sagte.store.identity`)."""
        return Identities(self.conn)

    def entity_profile(self, name: str) -> dict[str, Any]:
        """An entity with its name variants, dated roles and statement counts per outlet
        and month.

        Raises:
            NotFound: no entity by that name or id."""
        identities = self.identities
        entity = identities.find(name)
        eid = entity["id"]
        roles = self.conn.execute(
            "SELECT r.role, min(a.published) AS first_seen, max(a.published) AS last_seen, "
            "count(DISTINCT r.article_id) AS articles FROM entity_roles r "
            "JOIN articles a ON a.id = r.article_id WHERE r.entity_id = ? "
            "GROUP BY r.role ORDER BY first_seen, r.role",
            (eid,),
        )
        outlets = self.conn.execute(
            "SELECT coalesce(a.outlet, '') AS outlet, count(*) AS statements FROM statements s "
            "JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ? "
            "GROUP BY coalesce(a.outlet, '') ORDER BY statements DESC, outlet",
            (eid,),
        )
        months = self.conn.execute(
            "SELECT coalesce(substr(a.published, 1, 7), '') AS month, count(*) AS statements "
            "FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ? "
            "GROUP BY coalesce(substr(a.published, 1, 7), '') ORDER BY month",
            (eid,),
        )
        mentions = self.conn.execute(
            "SELECT count(*) FROM mentions WHERE entity_id = ?", (eid,)
        ).fetchone()[0]
        role_rows = _merge_role_spellings([dict(r) for r in roles])
        return {
            "id": eid,
            "name": entity["name"],
            "kind": entity["kind"],
            "gender": entity["gender"],
            "gender_source": entity["gender_source"],
            "mentions": int(mentions),
            "variants": identities.variants(eid),
            "roles": role_rows,
            "affiliations": _affiliations(role_rows),
            "outlets": [dict(r) for r in outlets],
            "months": [dict(r) for r in months],
        }

    # -- reading -----------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in ("articles", "statements", "entities", "mentions"):
            raise ValueError(f"no table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def article(self, ref: str) -> dict[str, Any]:
        """An article by id, id prefix, or source file name."""
        like = self.dialect.like
        row = self.conn.execute(
            f"SELECT * FROM articles WHERE id = ? OR source = ? OR source {like} ? "
            f"OR id {like} ? ORDER BY ingested_at LIMIT 1",
            (ref, ref, f"%/{ref}", f"{ref}%"),
        ).fetchone()
        if row is None:
            raise NotFound(Errors.S013.format(ref=ref))
        return dict(row)

    def articles(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.outlet, a.title, a.published, a.published_precision, "
            "a.language, a.analysed, (SELECT count(*) FROM statements s WHERE s.article_id = a.id) "
            "AS statements FROM articles a ORDER BY a.published NULLS FIRST, a.source"
        )
        return [dict(r) for r in rows]

    def statements(
        self,
        *,
        speaker: str | None = None,
        form: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        contains: str | None = None,
        article: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Statements with their provenance, filtered; text is sliced from the article.
        `search`: words to find in the message, stemmed for German („Chemiewaffen OR
        Waffen“, „Liefer*“, „-Russland“: `sagte.store.search.parse_query`).

        Raises:
            SearchError: a search with nothing to look for.
        """
        like = self.dialect.like
        where, args = ["1=1"], []
        if speaker:
            where.append(
                f"(e.name {like} ? OR e.key {like} ? OR s.speaker_id IN "
                f"(SELECT entity_id FROM entity_variants WHERE name {like} ?))"
            )
            args += [f"%{speaker}%", f"%{speaker.casefold()}%", f"%{speaker}%"]
        if form:
            where.append("s.form = ?")
            args.append(form)
        if since:
            # A month-only date (2022-03) is inside "since 2022-03-10" only if the
            # month overlaps: compare on the shared prefix.
            where.append("substr(a.published, 1, length(?)) >= substr(?, 1, length(a.published))")
            args += [since, since]
        if until:
            where.append("substr(a.published, 1, length(?)) <= ?")
            args += [until, until]
        if outlet:
            where.append(f"a.outlet {like} ?")
            args.append(f"%{outlet}%")
        if article:
            where.append(f"(a.id {like} ? OR a.source {like} ?)")
            args += [f"{article}%", f"%{article}"]
        if search is not None:
            where.append(statements_matching(self.conn))
            args.append(parse_query(search).expression(self.conn))
        sql = (
            "SELECT s.*, a.source, a.outlet, a.url, a.title, a.published, a.published_precision, "
            "e.name AS speaker_name, e.kind AS speaker_kind, "
            # the role the speaker was quoted under: of the mention, else of the article
            "coalesce((SELECT m.role FROM mentions m WHERE m.id = s.speaker_mention_id), "
            "(SELECT min(r.role) FROM entity_roles r WHERE r.entity_id = s.speaker_id "
            "AND r.article_id = s.article_id)) AS speaker_role FROM statements s "
            "JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_id "
            f"WHERE {' AND '.join(where)} ORDER BY a.published IS NULL, a.published, a.source, s.start"
        )
        texts: dict[str, str] = {}
        out = []
        for row in self.conn.execute(sql, args):
            text = texts.get(row["article_id"])
            if text is None:
                text = self.conn.execute(
                    "SELECT text FROM articles WHERE id = ?", (row["article_id"],)
                ).fetchone()[0]
                texts = {row["article_id"]: text}
            item = _statement_dict(row, text)
            if contains and contains.casefold() not in item["text"].casefold():
                continue
            out.append(item)
            if limit and len(out) >= limit:
                break
        return out

    def speakers(self) -> list[dict[str, Any]]:
        """Who is quoted how often, in how many articles, under which roles."""
        rows = self.conn.execute(
            "SELECT e.id, e.name, e.kind, count(s.id) AS statements, "
            "count(DISTINCT s.article_id) AS articles, "
            f"(SELECT {self.dialect.group_concat('r.role')} FROM entity_roles r "
            "WHERE r.entity_id = e.id) "
            "AS roles FROM statements s JOIN entities e ON e.id = s.speaker_id "
            "GROUP BY e.id ORDER BY statements DESC, e.name"
        )
        out = [dict(row) for row in rows]
        variants: dict[int, set[str]] = {}
        for entity_id, name in self.conn.execute(
            "SELECT entity_id, name FROM entity_variants "
            "WHERE entity_id IN (SELECT speaker_id FROM statements)"
        ):
            variants.setdefault(entity_id, set()).add(name)
        for item in out:
            item["roles"] = distinct_roles(r for r in (item["roles"] or "").split(",") if r)
            item["variants"] = sorted(variants.get(item["id"], set()) - {item["name"]})
        return out


def _affiliations(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Organisations and countries named by the roles, with the dates of those roles."""
    out: dict[str, dict[str, Any]] = {}
    for row in roles:
        name = affiliation(row["role"])
        if not name:
            continue
        item = out.setdefault(fold(name), {"name": name, "first_seen": None, "last_seen": None})
        _widen_dates(item, row)
    return list(out.values())


def _widen_dates(into: dict[str, Any], row: dict[str, Any]) -> None:
    """`into`'s first_seen/last_seen widened to cover `row`'s (missing dates ignored)."""
    for key, pick in (("first_seen", min), ("last_seen", max)):
        dates = [d for d in (into[key], row[key]) if d]
        into[key] = pick(dates) if dates else None


def _merge_role_spellings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Role rows (role, first_seen, last_seen, articles) with spelling variants summed."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = fold(row["role"])
        if key not in merged:
            merged[key] = dict(row, _best=row["articles"])
            continue
        into = merged[key]
        _widen_dates(into, row)
        into["articles"] += row["articles"]
        if row["articles"] > into["_best"]:
            into["role"], into["_best"] = row["role"], row["articles"]
    return [{k: v for k, v in row.items() if k != "_best"} for row in merged.values()]


def _statement_dict(row: Any, text: str) -> dict[str, Any]:
    message = [tuple(span) for span in json.loads(row["message"])]
    cue = [tuple(span) for span in json.loads(row["cue"])]
    mention = (
        text[row["speaker_start"] : row["speaker_end"]]
        if row["speaker_start"] is not None
        else None
    )
    return {
        "id": row["id"],
        "article": row["source"],
        "article_id": row["article_id"],
        "outlet": row["outlet"],
        "url": row["url"],
        "title": row["title"],
        "published": row["published"],
        "published_precision": row["published_precision"],
        "form": row["form"],
        "fine_type": row["fine_type"],
        "text": " … ".join(text[s:e] for s, e in message),
        "speaker": row["speaker_name"] or mention,
        "speaker_kind": row["speaker_kind"],
        "speaker_role": row["speaker_role"],
        "speaker_mention": mention,
        "cue": " ".join(text[s:e] for s, e in cue) or None,
        "medium": row["medium"],
        "start": row["start"],
        "end": row["end"],
        "message_spans": [list(s) for s in message],
        "confidence": round(row["confidence"], 3),
        "rule": row["rule"],
        "extractor": row["extractor"],
    }


_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT "
    "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
)


def _pg_error() -> type[Exception]:
    """psycopg's base error class, imported when it is needed."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a declared dependency
        return sqlite3.DatabaseError
    return psycopg.Error


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside strings here)."""
    lines = [line.split("--")[0] for line in sql.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
