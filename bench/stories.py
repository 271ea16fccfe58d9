"""Stories: clustering quality on bench/data and the cost of one article as the archive grows.

Quality: ingests bench/data/stories.jsonl (360 articles, 35 stories in 12
storylines, 70 syndicated texts with edited copies; see make_stories_data.py)
into a fresh database through the product's ingest path and scores stories,
storylines and near-duplicate groups against the labels with pairwise and
BCubed precision/recall/F1, on all articles and on the development (odd
storylines, used to set the thresholds) and held-out (even) halves. Then checks
the two seed articles: one storyline, two stories.

Speed: clustering articles/s on the benchmark (the stories step alone, after
analysis), and the time to add one article to an archive of 1k, 10k and 100k
synthetic articles (50 a day, stories of a few days) through the same SQLite
state; synthetic articles use a stand-in embedding (a seeded random vector per
story) so the model's fixed per-article cost, printed separately, does not hide
the curve.

    .venv/bin/python bench/stories.py [--sizes 1000,10000,100000] [--mode fast]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sagte  # noqa: E402
from sagte.analysis import Analysis  # noqa: E402
from sagte.ingest.dates import PublishedDate  # noqa: E402
from sagte.store import Store  # noqa: E402
from sagte.store.stories import StoryIndex  # noqa: E402
from sagte.stories.embed import default_embedder  # noqa: E402
from sagte.stories.metrics import bcubed, pairwise  # noqa: E402

DATA = ROOT / "bench" / "data" / "stories.jsonl"
SEEDS = sorted((ROOT / "examples").glob("00*.txt"))


def _fmt(name: str, scores: dict[str, dict[str, float]]) -> str:
    pw, b3 = scores["pairwise"], scores["bcubed"]
    return (
        f"  {name:<22} pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f}"
        f"   BCubed P {b3['precision']:.3f} R {b3['recall']:.3f} F1 {b3['f1']:.3f}"
    )


def _score(gold: dict, pred: dict) -> dict[str, dict[str, float]]:
    return {"pairwise": pairwise(gold, pred), "bcubed": bcubed(gold, pred)}


def quality(mode: str, workdir: Path) -> dict:
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()]
    db_path = workdir / "bench-stories.db"
    db = sagte.open(db_path, mode=mode)  # type: ignore[arg-type]
    t0 = time.perf_counter()
    events = db.ingest([DATA])
    ingest_s = time.perf_counter() - t0
    by_line = {int(e.source.rsplit(":", 1)[1]): e.article_id for e in events if e.article_id}
    conn = db.store.conn
    info = {
        r["article_id"]: r
        for r in conn.execute(
            "SELECT article_id, story_id, storyline_id, dup_group, paragraphs_reused, "
            "paragraphs_analysed FROM article_stories"
        )
    }
    results: dict = {"ingest_seconds": ingest_s, "articles": len(rows)}
    halves = {
        "all": lambda i: True,
        "development (odd)": lambda i: _line_no(rows[i]) % 2 == 1,
        "held-out (even)": lambda i: _line_no(rows[i]) % 2 == 0,
    }
    for target, gold_key in (
        ("stories", "story"),
        ("storylines", "storyline"),
        ("near-duplicates", "dup_group"),
    ):
        for half, keep in halves.items():
            gold, pred = {}, {}
            for i, row in enumerate(rows):
                if not keep(i):
                    continue
                aid = by_line[i + 1]
                r = info[aid]
                gold[i] = row["labels"][gold_key]
                if target == "stories":
                    pred[i] = r["story_id"]
                elif target == "storylines":
                    pred[i] = r["storyline_id"]
                else:
                    pred[i] = r["dup_group"] or f"solo:{aid}"
            results[(target, half)] = _score(gold, pred)
    reused = sum(r["paragraphs_reused"] for r in info.values())
    analysed = sum(r["paragraphs_analysed"] for r in info.values())
    copies = sum(1 for r in info.values() if r["paragraphs_reused"])
    results["reuse"] = (copies, reused, analysed)
    results["stored"] = len(info)
    results["sightings"] = conn.execute("SELECT count(*) FROM article_sightings").fetchone()[0]
    results["stories_found"] = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    results["storylines_found"] = conn.execute("SELECT count(*) FROM storylines").fetchone()[0]
    db.close()
    return results


_LINES: dict[str, int] = {}


def _line_no(row: dict) -> int:
    """1-based position of the row's storyline in the corpus (for the dev/held-out split)."""
    name = row["labels"]["storyline"]
    if not _LINES:
        sys.path.insert(0, str(ROOT / "bench"))
        from stories_corpus import STORYLINES

        _LINES.update({line["id"]: i + 1 for i, line in enumerate(STORYLINES)})
    return _LINES[name]


def seeds(mode: str, workdir: Path) -> str:
    db = sagte.open(workdir / "seeds.db", mode=mode)  # type: ignore[arg-type]
    db.ingest(SEEDS)
    rows = db.store.conn.execute(
        "SELECT a.source, s.story_id, s.storyline_id, s.story_score, s.storyline_score "
        "FROM article_stories s JOIN articles a ON a.id = s.article_id ORDER BY a.source"
    ).fetchall()
    db.close()
    (_, s1, l1, _, _), (_, s2, l2, _, ls2) = rows
    ok = l1 == l2 and s1 != s2
    return (
        f"  seeds: storylines {l1}/{l2}, stories {s1}/{s2} (003 opened its own story and "
        f"joined the storyline at score {ls2 or 0:.3f}) → "
        + ("one storyline, two stories: OK" if ok else "NOT as expected")
    )


# -- scale -------------------------------------------------------------------
VOCAB_SIZE = 20000
PER_DAY = 50


class _StandIn:
    """A seeded random unit vector per story plus noise: the model's place, at no cost."""

    name = "stand-in"

    def __init__(self) -> None:
        self.current = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        rng = np.random.default_rng(self.current)
        base = rng.standard_normal(512)
        noise = np.random.default_rng().standard_normal(512) * 0.6
        v = base + noise
        return (v / np.linalg.norm(v))[None, :].astype(np.float32)


def _words(rng: random.Random, n: int) -> list[str]:
    letters = "bcdfghklmnprstvwz"
    vowels = "aeiou"
    out = set()
    while len(out) < n:
        k = rng.randint(2, 4)
        out.add("".join(rng.choice(letters) + rng.choice(vowels) for _ in range(k)) + "ung")
    return sorted(out)


class _Stream:
    """Synthetic German-looking articles: stories of 1–12 articles over 1–3 days."""

    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        self.vocab = _words(self.rng, VOCAB_SIZE)
        self.day = 19000.0
        self.count = 0
        self.open: list[tuple[int, list[str], float, int]] = []  # (story, words, end day, left)
        self.next_story = 1

    def next(self) -> tuple[str, str, float, int]:
        rng = self.rng
        self.count += 1
        self.day = 19000.0 + self.count / PER_DAY
        self.open = [s for s in self.open if s[2] > self.day and s[3] > 0]
        if not self.open or rng.random() < 0.2:
            words = rng.sample(self.vocab, 25)
            self.open.append(
                (self.next_story, words, self.day + rng.uniform(1, 3), rng.randint(1, 12))
            )
            self.next_story += 1
        i = rng.randrange(len(self.open))
        story, words, end, left = self.open[i]
        self.open[i] = (story, words, end, left - 1)
        body = [
            rng.choice(words) if rng.random() < 0.35 else rng.choice(self.vocab) for _ in range(160)
        ]
        text = ". ".join(" ".join(body[k : k + 12]).capitalize() for k in range(0, 160, 12)) + "."
        return f"syn{self.count:07d}", text, self.day, story


def scale(sizes: list[int], workdir: Path, probe: int = 200) -> list[tuple[int, float, float]]:
    """(archive size, ms per added article, articles/s while filling)."""
    store = Store(workdir / "scale.db")
    stand_in = _StandIn()
    index = StoryIndex(store.conn, embedder=stand_in)
    stream = _Stream()
    out = []
    empty = Analysis("", [], [], [], "none")
    n = 0

    def add_one() -> None:
        aid, text, day, story = stream.next()
        stand_in.current = story
        date = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
        store.conn.execute(
            "INSERT INTO articles (id, source, format, raw_text, text, alignment, analysed, "
            "published, published_precision) VALUES (?,?,?,?,?,?,1,?,?)",
            (aid, aid, "text", text, text, "[]", date, "day"),
        )
        index.add(
            aid,
            text,
            title=None,
            outlet="synthetic",
            published=PublishedDate(date, "day"),
            analysis=Analysis(text, [], [], [], "none") if empty else None,
        )

    for size in sizes:
        t0 = time.perf_counter()
        filled = 0
        store.conn.execute("BEGIN")
        while n < size:
            add_one()
            n += 1
            filled += 1
            if filled % 1000 == 0:
                store.conn.execute("COMMIT")
                store.conn.execute("BEGIN")
        store.conn.execute("COMMIT")
        fill_rate = filled / (time.perf_counter() - t0) if filled else math.nan
        timings = []
        for _ in range(probe):
            t = time.perf_counter()
            store.conn.execute("BEGIN")
            add_one()
            store.conn.execute("COMMIT")
            timings.append(time.perf_counter() - t)
            n += 1
        ms = 1000 * float(np.median(timings))
        out.append((size, ms, fill_rate))
        print(
            f"  archive {size:>7,}: add one article {ms:6.2f} ms (median of {probe}, "
            f"own transaction); filling ran at {fill_rate:,.0f} articles/s",
            flush=True,
        )
    store.close()
    return out


def model_cost(n: int = 200) -> float:
    """Milliseconds per article for the embedding model (one lead each)."""
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()][:n]
    from sagte.stories.features import lead_text

    leads = [lead_text(r["text"], r["title"]) for r in rows]
    emb = default_embedder()
    emb.encode(leads[:2])
    t = time.perf_counter()
    for lead in leads:
        emb.encode([lead])
    return 1000 * (time.perf_counter() - t) / len(leads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--mode", default="fast", help="statement extractor (auto, accurate, fast)")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_quality:
            q = quality(args.mode, work)
            print(
                f"quality on {DATA.relative_to(ROOT)}: {q['articles']} articles "
                f"({q['stored']} stored texts + {q['sightings']} sightings of identical texts), "
                f"{q['stories_found']} stories and {q['storylines_found']} storylines found "
                f"(gold 35 and 12)"
            )
            for target in ("stories", "storylines", "near-duplicates"):
                print(f"{target}:")
                for half in ("all", "development (odd)", "held-out (even)"):
                    print(_fmt(half, q[(target, half)]))
            copies, reused, analysed = q["reuse"]
            print(
                f"analysis reuse: {copies} near-duplicate copies reused {reused} paragraphs "
                f"and re-analysed {analysed}"
            )
            print(seeds(args.mode, work))
            clustering_rate = _clustering_rate(work)
            print(
                f"speed: ingest end to end {q['articles'] / q['ingest_seconds']:.1f} articles/s "
                f"(mode {args.mode}); clustering step alone {clustering_rate:.0f} articles/s; "
                f"embedding model {model_cost():.1f} ms per article"
            )
        if not args.skip_scale:
            sizes = [int(s) for s in args.sizes.split(",")]
            print(f"scale (synthetic stream, {PER_DAY} articles a day):")
            res = scale(sizes, work)
            if len(res) > 1:
                print(f"  ratio last/first: {res[-1][1] / res[0][1]:.2f}")


def _clustering_rate(work: Path) -> float:
    """Articles/s of `StoryIndex.add` alone (features, copies, clusters, statements) on the
    benchmark, replaying the analysed articles of the quality run into a fresh state."""
    src = sqlite3.connect(work / "bench-stories.db")
    src.row_factory = sqlite3.Row
    store = Store(work / "replay.db")
    conn = store.conn
    rows = src.execute("SELECT id FROM articles ORDER BY published, ingested_at").fetchall()
    index_src = StoryIndex(src)
    work_items = []
    for r in rows:
        a = src.execute("SELECT * FROM articles WHERE id = ?", (r["id"],)).fetchone()
        analysis = index_src.load_analysis(r["id"])
        work_items.append((a, analysis))
    index = StoryIndex(conn)
    index.embedder.encode(["warm up"])
    elapsed = 0.0
    for a, analysis in work_items:
        conn.execute(
            "INSERT INTO articles (id, source, format, raw_text, text, alignment, analysed, "
            "published, published_precision, title, outlet) VALUES (?,?,?,?,?,?,1,?,?,?,?)",
            (
                a["id"],
                a["source"],
                "jsonl",
                a["text"],
                a["text"],
                "[]",
                a["published"],
                a["published_precision"],
                a["title"],
                a["outlet"],
            ),
        )
        t = time.perf_counter()
        index.add(
            a["id"],
            a["text"],
            title=a["title"],
            outlet=a["outlet"],
            published=PublishedDate(a["published"], a["published_precision"]),
            analysis=analysis,
        )
        elapsed += time.perf_counter() - t
    store.close()
    src.close()
    return len(work_items) / elapsed


if __name__ == "__main__":
    main()
