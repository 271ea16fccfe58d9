"""Shared fixtures. Tests never read ../shared: the seeds and their gold are bundled."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import postgres

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = sorted(EXAMPLES.glob("00*.txt"))
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# -- both backends ---------------------------------------------------------------
# Tests that take `db_target` (or `web_target`) run once on SQLite and once on
# PostgreSQL; the PostgreSQL run skips, saying why, where no server can be had
# (tests/postgres.py: $SAGTE_TEST_PG, else a throwaway cluster of the system's
# PostgreSQL, which .ci/run installs).
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[postgres.Server]:
    """The PostgreSQL server of this test session (skips the test if there is none)."""
    server, reason = postgres.server()
    if server is None:
        pytest.skip(reason)
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server: postgres.Server) -> Iterator[str]:
    """A new, empty PostgreSQL database of this test's own."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("pg_url"))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def covers(gold: str, pred: str) -> bool:
    """The seeds check's matching rule (shared/tools/check-seeds)."""
    g, p = words(gold), words(pred)
    if not g or not p:
        return False
    inter = len(g & p)
    return inter / len(g) >= 0.6 and inter / len(p) >= 0.5


def same_speaker(gold: str, pred: str | None) -> bool:
    key = gold.split()[-1].lower().split("-")[0]
    return key in (pred or "").lower()


def load_gold(name: str) -> dict:
    return json.loads((DATA / name).read_text("utf-8"))


# An article whose text, title, outlet and quote carry markup: the web tests check
# that every page shows it as text and no script runs (issue 6).
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_ARTICLE = {
    "id": "xss-1",
    "url": "javascript:alert(1)",
    "title": f"Eklat im Stadtrat {XSS_SCRIPT}",
    "published": "2023-04-03",
    "outlet": f"Stadtbote {XSS_IMG}",
    "text": (
        f"Im Stadtrat von Lindenau kam es am Montag zu einem Eklat. {XSS_SCRIPT} Die Sitzung "
        "wurde für eine Stunde unterbrochen.\n\n"
        f"„Wir lassen uns von niemandem einschüchtern {XSS_IMG} {XSS_SCRIPT}“, sagte "
        "Bürgermeister Anton Krüger nach der Sitzung."
    ),
}


def _fill_web_db(target: str | Path, folder: Path) -> None:
    import sagte

    xss = folder / "xss.jsonl"
    xss.write_text(json.dumps(XSS_ARTICLE, ensure_ascii=False) + "\n", "utf-8")
    with sagte.open(target) as db:
        events = db.ingest([EXAMPLES, DATA / "web_articles.jsonl", xss])
    assert not [e for e in events if e.kind == "error"], events


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of examples/, tests/data/web_articles.jsonl and the XSS article."""
    folder = tmp_path_factory.mktemp("web")
    path = folder / "web.db"
    _fill_web_db(path, folder)
    return path


@pytest.fixture(scope="session")
def web_pg(pg_server: postgres.Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`web_db` on PostgreSQL: its URL."""
    url = pg_server.create_database()
    _fill_web_db(url, tmp_path_factory.mktemp("web-pg"))
    yield url
    pg_server.drop_database(url)


@pytest.fixture(scope="session", params=BACKENDS)
def web_target(request: pytest.FixtureRequest) -> str:
    """`web_db` on each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("web_db"))
    return str(request.getfixturevalue("web_pg"))
