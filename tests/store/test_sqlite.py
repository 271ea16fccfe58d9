"""The SQLite store: migrations, idempotent and transactional writes, interrupted ingests."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sagte
from sagte.errors import StoreError
from sagte.ingest import read_paths
from sagte.pipeline import process
from sagte.store import MIGRATIONS, Store
from tests.conftest import SEEDS


def test_store_migrations_are_recorded_once(db_path: Path) -> None:
    store = Store(db_path)
    names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []  # nothing left to apply
    store.close()


def test_store_refuses_a_database_from_a_newer_version(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations (name) VALUES ('9999_future')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="S012"):
        Store(db_path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_text("das ist keine Datenbank" * 100)
    with pytest.raises(StoreError, match="S011"):
        Store(path)


def test_store_same_article_is_stored_once(db_path: Path) -> None:
    db = sagte.open(db_path)
    first = db.ingest(SEEDS)
    again = db.ingest(SEEDS)
    assert [e.kind for e in first] == ["stored", "stored"]
    assert [e.kind for e in again] == ["duplicate", "duplicate"]
    assert db.store.count("articles") == 2
    assert len({e.article_id for e in first}) == 2


def test_store_month_precision_survives(db_path: Path) -> None:
    db = sagte.open(db_path)
    db.ingest(SEEDS)
    seed = db.article("000_610fb5c8facdbb16.txt")
    assert (seed["published"], seed["published_precision"]) == ("2022-03", "month")
    assert seed["raw_text"].startswith(" date 2022-03")
    assert not seed["text"].startswith("date")
    assert len(db.statements(since="2022-03-10", until="2022-03-31")) > 0  # month overlaps
    assert db.statements(since="2022-04") == []


def test_store_failed_write_leaves_nothing_behind(db_path: Path) -> None:
    store = Store(db_path)
    (doc,) = list(read_paths([SEEDS[0]]))
    record, analysis = process(doc)
    assert analysis is not None
    analysis.statements[3].form = "bogus"  # violates the CHECK constraint mid-write
    with pytest.raises(sqlite3.IntegrityError):
        store.add_article(record, analysis)
    assert store.count("articles") == 0 and store.count("statements") == 0
    assert store.count("mentions") == 0


def test_store_statement_rows_carry_provenance(db_path: Path) -> None:
    db = sagte.open(db_path)
    db.ingest(SEEDS)
    rows = db.statements(speaker="Stoltenberg", form="direct")
    assert rows
    for row in rows:
        article = db.article(row["article_id"])
        assert article["text"][row["start"] : row["end"]] == row["text"]
        assert row["extractor"] == "sagte.quotes.rules.v1"
    speakers = {s["name"]: s for s in db.speakers()}
    assert speakers["Jens Stoltenberg"]["articles"] == 2
    assert "NATO-Generalsekretär" in speakers["Jens Stoltenberg"]["roles"]


def _write_articles(directory: Path, n: int) -> None:
    base = SEEDS[0].read_text("utf-8")
    for i in range(n):
        (directory / f"{i:04d}.txt").write_text(base + f"\n\nMeldung Nummer {i}.", "utf-8")


def test_store_kill_9_mid_ingest_keeps_committed_articles_and_resumes(tmp_path: Path) -> None:
    """An ingest killed with SIGKILL loses nothing committed; the next run completes it."""
    articles = tmp_path / "in"
    articles.mkdir()
    _write_articles(articles, 150)
    db_path = tmp_path / "kill.db"
    cmd = [
        sys.executable,
        "-m",
        "sagte.cli",
        "ingest",
        str(articles),
        "--db",
        str(db_path),
        "-q",
        "--fast",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db_path.exists():
            try:
                conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 5:
                break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert stored >= 5, "the ingest did not get going"

    conn = sqlite3.connect(db_path)
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
    db = sagte.open(db_path)
    assert db.store.count("articles") == 150
    per_article = {r["statements"] for r in db.articles()}
    assert len(per_article) == 1  # every article analysed exactly once
