"""The `sagte serve` and `sagte reindex` commands."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from sagte.cli import cli
from sagte.web.testing import free_port


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nichts.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output and "sagte ingest" in result.output


def test_reindex_rebuilds_the_search_index(web_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM statements_fts")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["reindex", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(copy)
    indexed = conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0]
    assert indexed == conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    assert f"{indexed} statements" in result.output


def test_serve_answers_on_localhost(web_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "served.db"
    shutil.copy(web_db, copy)
    port = free_port()
    command = [sys.executable, "-m", "sagte.cli", "serve", "--db", str(copy), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/outlets", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "Aussagen durchsuchen" in page.text
    finally:
        server.terminate()
        server.wait(timeout=10)
