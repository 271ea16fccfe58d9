"""Shared fixtures. Tests never read ../shared: the seeds and their gold are bundled."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of examples/, tests/data/web_articles.jsonl and the XSS article."""
    import sagte

    folder = tmp_path_factory.mktemp("web")
    xss = folder / "xss.jsonl"
    xss.write_text(json.dumps(XSS_ARTICLE, ensure_ascii=False) + "\n", "utf-8")
    path = folder / "web.db"
    with sagte.open(path) as db:
        events = db.ingest([EXAMPLES, DATA / "web_articles.jsonl", xss])
    assert not [e for e in events if e.kind == "error"], events
    return path
