"""Ingest throughput and peak memory, end to end into SQLite.

Generates N articles (default 1,000) by varying the bundled examples (names,
numbers, paragraph order, a unique closing line so every article is new), writes
them as text files, and ingests them into a fresh database. As a baseline in the
same process it runs the same ingest with the analysis switched off (read,
normalise, store), so the figures can be compared across noisy machines as a ratio.

    python bench/ingest.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sagte  # noqa: E402
from sagte import pipeline  # noqa: E402
from sagte.ingest import read_paths  # noqa: E402
from sagte.ingest.model import RawDocument  # noqa: E402

NAMES = [
    ("Jens Stoltenberg", "Stoltenberg", "Norweger"),
    ("Mark Rutte", "Rutte", "Niederländer"),
    ("Annalena Baerbock", "Baerbock", "Deutsche"),
    ("Olaf Scholz", "Scholz", "Deutsche"),
    ("Emmanuel Macron", "Macron", "Franzose"),
]


def make_articles(out: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    bases = []
    for doc in read_paths([ROOT / "examples"]):
        if isinstance(doc, RawDocument) and doc.format == "text":
            bases.append(doc.raw[doc.body_start :])
    words = 0
    for i in range(n):
        text = bases[i % len(bases)]
        full, short, demonym = NAMES[i % len(NAMES)]
        text = text.replace("Jens Stoltenberg", full).replace("Stoltenberg", short)
        text = text.replace("Norweger", demonym)
        paragraphs = text.split("\n\n")
        head, tail = paragraphs[:2], paragraphs[2:]
        rng.shuffle(tail)
        body = (
            "\n\n".join(head + tail)
            + f"\n\nDiese Meldung hat die Nummer {i} und {rng.randint(1, 10**9)}."
        )
        (out / f"{i:05d}.txt").write_text(f"date 2022-03-{1 + i % 28:02d}\n" + body, "utf-8")
        words += len(body.split())
    return words


def run(paths: list[Path], db: Path, mode: str = "auto") -> tuple[float, int, int]:
    start = time.perf_counter()
    stored = statements = 0
    with sagte.open(db, mode=mode) as database:  # type: ignore[arg-type]
        for event in database.ingest_iter(paths):
            stored += event.kind.startswith("stored")
            statements += event.statements
    return time.perf_counter() - start, stored, statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--fast", action="store_true", help="the rule-based extractor")
    args = parser.parse_args()
    mode = "fast" if args.fast else "auto"
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / "articles"
        src.mkdir()
        words = make_articles(src, args.articles)
        # Warm up lazily built models (tokenizer, lingua) outside the timings.
        sagte.extract("„Wir sind bereit“, sagte Jens Stoltenberg.", mode=mode)  # type: ignore[arg-type]
        pipeline.detect_language("Das ist ein deutscher Satz über die Nato.")

        with (
            mock.patch.object(pipeline, "extract_statements", lambda doc, **options: None),
            mock.patch.object(pipeline, "segment", lambda text, paragraphs: None),
        ):
            base_s, base_n, _ = run([src], tmpdir / "baseline.db")
        full_s, full_n, statements = run([src], tmpdir / "full.db", mode)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        db_mb = (tmpdir / "full.db").stat().st_size / 1e6

    print(
        f"articles                      {full_n} ({words / args.articles:.0f} words each on average)"
    )
    print(
        f"statements                    {statements} ({statements / max(full_n, 1):.1f} per article)"
    )
    print(f"end to end                    {full_n / full_s:8.1f} articles/s  ({full_s:.1f} s)")
    print(f"baseline (no analysis)        {base_n / base_s:8.1f} articles/s  ({base_s:.1f} s)")
    print(
        f"analysis share of the time    {1 - base_s / full_s:8.0%}  (full/baseline = {full_s / base_s:.1f}x)"
    )
    print(f"peak memory (RSS)             {peak_mb:8.0f} MB")
    print(
        f"database size                 {db_mb:8.1f} MB ({db_mb * 1000 / max(full_n, 1):.0f} kB per article)"
    )


if __name__ == "__main__":
    main()
