"""The `sagte serve` and `sagte reindex` commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

import sagte
from sagte.cli import cli
from sagte.store import Store
from sagte.store.db import is_url
from sagte.web.testing import free_port
from tests.conftest import SEEDS


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nichts.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output and "sagte ingest" in result.output


def test_reindex_rebuilds_the_search_index(db_target: str) -> None:
    with sagte.open(db_target, mode="fast") as db:
        db.ingest(SEEDS)
        db.store.conn.execute("DELETE FROM statements_fts")
    result = CliRunner().invoke(cli, ["reindex", "--db", db_target])
    assert result.exit_code == 0, result.output
    with Store(db_target, readonly=True) as store:
        indexed = store.conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0]
        assert indexed == store.count("statements") > 0
    assert f"{indexed} statements" in result.output


def test_serve_answers_on_localhost(web_target: str, tmp_path: Path) -> None:
    target = web_target
    if not is_url(target):  # the server may upgrade the file: serve a copy
        target = str(tmp_path / "served.db")
        shutil.copy(web_target, target)
    port = free_port()
    command = [sys.executable, "-m", "sagte.cli", "serve", "--db", target, "--port", str(port)]
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
