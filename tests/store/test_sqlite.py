"""The store: migrations, idempotent and transactional writes, interrupted ingests.

Tests taking `db_target` run on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

import sagte
from sagte.analysis.ner import NER
from sagte.analysis.quotes import EXTRACTOR
from sagte.analysis.tagger import TAGGER
from sagte.errors import StoreError
from sagte.ingest import read_paths
from sagte.pipeline import process
from sagte.store import MIGRATIONS, Store
from sagte.store.db import SQLITE, connect, dialect_of
from tests.conftest import SEEDS


def test_store_migrations_are_recorded_once(db_target: str) -> None:
    store = Store(db_target)
    names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []  # nothing left to apply
    store.close()


def test_store_refuses_a_database_from_a_newer_version(db_target: str) -> None:
    with Store(db_target) as store:
        store.conn.execute("INSERT INTO _migrations (name) VALUES ('9999_future')")
    with pytest.raises(StoreError, match="S012"):
        Store(db_target)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_text("das ist keine Datenbank" * 100)
    with pytest.raises(StoreError, match="S011"):
        Store(path)


def test_store_same_article_is_stored_once(db_target: str) -> None:
    db = sagte.open(db_target)
    first = db.ingest(SEEDS)
    again = db.ingest(SEEDS)
    assert [e.kind for e in first] == ["stored", "stored"]
    assert [e.kind for e in again] == ["duplicate", "duplicate"]
    assert db.store.count("articles") == 2
    assert len({e.article_id for e in first}) == 2
    db.close()


def test_store_month_precision_survives(db_target: str) -> None:
    db = sagte.open(db_target)
    db.ingest(SEEDS)
    seed = db.article("000_610fb5c8facdbb16.txt")
    assert (seed["published"], seed["published_precision"]) == ("2022-03", "month")
    assert seed["raw_text"].startswith(" date 2022-03")
    assert not seed["text"].startswith("date")
    assert len(db.statements(since="2022-03-10", until="2022-03-31")) > 0  # month overlaps
    assert db.statements(since="2022-04") == []
    db.close()


def test_store_failed_write_leaves_nothing_behind(db_target: str) -> None:
    store = Store(db_target)
    (doc,) = list(read_paths([SEEDS[0]]))
    record, analysis = process(doc)
    assert analysis is not None
    analysis.statements[3].form = "bogus"  # violates the CHECK constraint mid-write
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        store.add_article(record, analysis)
    assert store.count("articles") == 0 and store.count("statements") == 0
    assert store.count("mentions") == 0
    analysis.statements[3].form = "direct"  # the same connection goes on writing
    assert store.add_article(record, analysis) and store.count("articles") == 1
    store.close()


def test_store_statement_rows_carry_provenance(db_target: str) -> None:
    db = sagte.open(db_target)
    db.ingest(SEEDS)
    rows = db.statements(speaker="Stoltenberg", form="direct")
    assert rows
    for row in rows:
        article = db.article(row["article_id"])
        assert article["text"][row["start"] : row["end"]] == row["text"]
        assert row["extractor"] == f"{TAGGER}+{EXTRACTOR}+{NER}"  # the default: the accurate mode
    speakers = {s["name"]: s for s in db.speakers()}
    assert speakers["Jens Stoltenberg"]["articles"] == 2
    assert "NATO-Generalsekretär" in speakers["Jens Stoltenberg"]["roles"]
    db.close()


def _write_articles(directory: Path, n: int) -> None:
    base = SEEDS[0].read_text("utf-8")
    for i in range(n):
        (directory / f"{i:04d}.txt").write_text(base + f"\n\nMeldung Nummer {i}.", "utf-8")


def _count_articles(target: str) -> int:
    """Articles committed so far (0 while the database or its tables do not exist yet)."""
    try:
        conn = connect(target, readonly=True)
    except StoreError:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except (sqlite3.OperationalError, psycopg.Error):
        return 0
    finally:
        conn.close()


def test_store_kill_9_mid_ingest_keeps_committed_articles_and_resumes(
    db_target: str, tmp_path: Path
) -> None:
    """An ingest killed with SIGKILL loses nothing committed; the next run completes it."""
    articles = tmp_path / "in"
    articles.mkdir()
    _write_articles(articles, 150)
    cmd = [
        sys.executable,
        "-m",
        "sagte.cli",
        "ingest",
        str(articles),
        "--db",
        db_target,
        "-q",
        "--fast",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        stored = _count_articles(db_target)
        if stored >= 5:
            break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert stored >= 5, "the ingest did not get going"

    conn = connect(db_target)
    if dialect_of(conn) is SQLITE:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after_kill = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    # Every stored article is complete: it has its statements.
    incomplete = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM statements s WHERE s.article_id = a.id)"
    ).fetchone()[0]
    conn.close()
    assert after_kill >= stored and incomplete == 0

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    db = sagte.open(db_target)
    assert db.store.count("articles") == 150
    per_article = {r["statements"] for r in db.articles()}
    assert len(per_article) == 1  # every article analysed exactly once
    db.close()
