"""Screenshots of the four page types at 1280×800 for README.md (`make screenshots`).

Builds a database from examples/ and tests/data/web_articles.jsonl (articles
written for sagte) in a temporary folder, serves it on 127.0.0.1 and drives the
system's headless Chromium (Debian's chromium and chromium-driver packages).

    python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sagte  # noqa: E402
from sagte.web import create_app  # noqa: E402
from sagte.web.testing import NO_BROWSER, chrome, find_browser, live_server  # noqa: E402

WIDTH, HEIGHT = 1280, 800


def pages(base: str) -> dict[str, str]:
    """The page of each type to show, chosen from what the database holds."""
    api = httpx.Client(base_url=base, timeout=30)
    statement = api.get("/api/statements", params={"q": "Geduld", "outlet": "Südbote"}).json()
    first = statement["items"][0]
    speaker = api.get("/api/speakers", params={"name": "Ohlendorf"}).json()["items"][0]
    stories = api.get("/api/stories", params={"limit": 200}).json()["items"]
    urls = {
        "search": "/?q=Streik+OR+B%C3%BCndnis",
        "article": f"/articles/{first['article_id']}#s{first['id']}",
        "speaker": f"/speakers/{speaker['id']}",
    }
    if stories:
        best = max(stories, key=lambda s: (s["outlets"], s["articles"], s["statements"]))
        urls["story"] = f"/stories/{best['id']}"
    else:
        print(
            "no stories in this database: the story screenshot shows the empty list",
            file=sys.stderr,
        )
        urls["story"] = "/stories"
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if find_browser() is None:
        raise SystemExit(NO_BROWSER)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screenshots.db"
        with sagte.open(db) as database:
            database.ingest([ROOT / "examples", ROOT / "tests" / "data" / "web_articles.jsonl"])
        with live_server(create_app(db)) as base, chrome(WIDTH, HEIGHT) as driver:
            for name, url in pages(base).items():
                driver.get(base + url)
                time.sleep(0.5)  # the highlight script scrolls to the linked statement
                path = args.out / f"{name}.png"
                driver.save_screenshot(str(path))
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  ←  {url}")


if __name__ == "__main__":
    main()
