"""Connections to either backend: URLs, rows, read-only sessions, errors, writers taking turns.

Tests taking `db_target` run on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

import sagte
from sagte.errors import StoreError
from sagte.store import MIGRATIONS, Store
from sagte.store.db import POSTGRESQL, SQLITE, connect, dialect_of, is_url, redact
from sagte.store.migrations import migration_sql, postgresql_ddl
from tests.conftest import DATA, EXAMPLES


@pytest.mark.parametrize(
    ("target", "url", "shown"),
    [
        ("sagte.db", False, "sagte.db"),
        ("/data/postgresql/sagte.db", False, "/data/postgresql/sagte.db"),
        ("postgresql://sagte@db.example/news", True, "postgresql://sagte@db.example/news"),
        ("postgres://sagte:geheim@db:5433/news", True, "postgres://sagte:***@db:5433/news"),
        ("postgresql://u:p%40ss@h/d?sslmode=require", True, "postgresql://u:***@h/d?sslmode=require"),
    ],
)  # fmt: skip
def test_db_urls_select_postgresql_and_hide_passwords(target: str, url: bool, shown: str) -> None:
    assert is_url(target) is url
    assert redact(target) == shown


def test_db_rows_answer_to_names_and_indexes(db_target: str) -> None:
    conn = connect(db_target)
    assert dialect_of(conn) is (POSTGRESQL if is_url(db_target) else SQLITE)
    row = conn.execute("SELECT 1 AS a, 'x' AS b, NULL AS c").fetchone()
    assert (row["a"], row["b"], row["c"]) == (1, "x", None)
    assert (row[0], row[1]) == (1, "x") and row["A"] == 1
    assert dict(row) == {"a": 1, "b": "x", "c": None}
    a, b, _ = row
    assert (a, b) == (1, "x")
    assert conn.execute("SELECT ? || '%'", ("100",)).fetchone()[0] == "100%"
    conn.close()


def test_db_unreachable_postgresql_says_where_without_the_password() -> None:
    with pytest.raises(StoreError, match="S035") as err:
        Store("postgresql://sagte:geheim@127.0.0.1:1/news")
    assert "127.0.0.1:1" in str(err.value) and "geheim" not in str(err.value)
    with pytest.raises(StoreError, match="S035") as err:
        Store("postgresql://sagte:geheim@[::1")  # psycopg quotes a malformed URL
    assert "geheim" not in str(err.value)


def test_db_postgresql_without_tables_is_not_read(pg_url: str) -> None:
    with pytest.raises(StoreError, match="S036"):
        Store(pg_url, readonly=True)


def test_db_postgresql_readonly_sessions_cannot_write(pg_url: str) -> None:
    Store(pg_url).close()
    with Store(pg_url, readonly=True) as store:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.conn.execute("INSERT INTO story_meta (key, value) VALUES ('x', 'y')")
        assert store.count("articles") == 0


def test_db_postgresql_migrations_run_once_when_two_start_together(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            Store(pg_url).close()
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Store(pg_url) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_db_writers_take_turns_and_see_each_others_clusters(db_target: str, tmp_path: Path) -> None:
    """Two writers at once: every article is stored and clustered, no update is lost.

    The story clusterer caches clusters and term counts between transactions; a
    writer must drop them when another one has written (StoryIndex._fresh).
    """
    Store(db_target).close()
    inputs = [[EXAMPLES], [DATA / "web_articles.jsonl"]]
    errors: list[BaseException] = []

    def ingest(paths: list[Path]) -> None:
        try:
            with sagte.open(db_target, mode="fast") as db:
                for event in db.ingest_iter(paths):
                    assert event.kind in ("stored", "stored_unanalysed"), event
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=ingest, args=(paths,)) for paths in inputs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with Store(db_target, readonly=True) as store:
        q = store.conn.execute
        analysed = q("SELECT count(*) FROM articles WHERE analysed = 1").fetchone()[0]
        assert analysed == 16 and q("SELECT count(*) FROM article_stories").fetchone()[0] == 16
        # The inputs hold no copies: each analysed article was counted once.
        assert q("SELECT value FROM story_meta WHERE key = 'documents'").fetchone()[0] == "16"
        for level, table in (("story", "stories"), ("storyline", "storylines")):
            column = f"{level}_id"
            wrong = q(
                f"SELECT c.id, c.size, (SELECT count(*) FROM article_stories a "
                f"WHERE a.{column} = c.id) FROM {table} c"
            ).fetchall()
            assert all(size == n for _, size, n in wrong), (table, [tuple(r) for r in wrong])


def test_migrations_postgresql_ddl_translates_types() -> None:
    ddl = postgresql_ddl(
        "CREATE TABLE t (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    n INTEGER NOT NULL,\n"
        "    end INTEGER,\n    x REAL,\n    b BLOB,\n    s TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))\n"
        ") WITHOUT ROWID"
    )
    assert "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in ddl
    assert "n BIGINT NOT NULL" in ddl and '"end" BIGINT' in ddl
    assert "x DOUBLE PRECISION" in ddl and "b BYTEA" in ddl
    assert 's TEXT COLLATE "C" DEFAULT (to_char(clock_timestamp()' in ddl
    assert "ROWID" not in ddl and "strftime" not in ddl
    for name, sql in MIGRATIONS:
        assert migration_sql(name, sql, "sqlite") == sql  # released migrations stay as written
        assert "fts5" not in migration_sql(name, sql, "postgresql")
