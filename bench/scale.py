"""Archives at scale: one process, a pool of workers, and Dask, on one generated WARC.

Generates a WARC of N German articles (default 10,000) by varying the bundled
examples (names, places, numbers, paragraph order; every article a new text),
then processes it three ways and prints articles/s for each, as ratios to the
single process measured in the same run:

1. one process: `sagte ingest --workers 1` into SQLite (every text analysed in
   full, as the parallel paths do: `reuse=False`);
2. `sagte ingest --workers 2`: two processes analyse, this one writes SQLite;
3. `sagte batch --dask local` with 2 workers: Parquet partitions, then
   `sagte load` into SQLite (timed separately).

It checks that the statements of all three are identical, and prints the peak
memory per worker and the Parquet size per 1,000 articles.

    python bench/scale.py [--articles 10000] [--workers 2] [--mode fast]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sagte  # noqa: E402
from sagte.batch import load, run_batch  # noqa: E402
from sagte.ingest import RawDocument, read_paths  # noqa: E402

PEOPLE = [
    ("Jens Stoltenberg", "Stoltenberg", "Norweger"),
    ("Mark Rutte", "Rutte", "Niederländer"),
    ("Annalena Baerbock", "Baerbock", "Deutsche"),
    ("Olaf Scholz", "Scholz", "Deutsche"),
    ("Emmanuel Macron", "Macron", "Franzose"),
    ("Karin Keller-Sutter", "Keller-Sutter", "Schweizerin"),
    ("Alexander Van der Bellen", "Van der Bellen", "Österreicher"),
]
PLACES = ["Brüssel", "Berlin", "Wien", "Bern", "Paris", "Den Haag", "Warschau", "Prag"]
HOSTS = ["www.tagesblatt.de", "nachrichten.example.at", "www.zeitung-zh.ch", "www.kurier.example"]


def make_warc(path: Path, n: int, seed: int = 11) -> int:
    """Write `n` HTML responses (plus a request record every tenth) into a WARC.gz."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    bases = [
        doc.raw[doc.body_start :]
        for doc in read_paths([ROOT / "examples"])
        if isinstance(doc, RawDocument) and doc.format == "text"
    ]
    words = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(n):
            full, short, demonym = PEOPLE[i % len(PEOPLE)]
            text = bases[i % len(bases)]
            text = text.replace("Jens Stoltenberg", full).replace("Stoltenberg", short)
            text = text.replace("Norweger", demonym).replace("Brüssel", rng.choice(PLACES))
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            head, tail = paragraphs[:2], paragraphs[2:]
            rng.shuffle(tail)
            tail = tail[: max(3, len(tail) - rng.randint(0, 3))]
            closing = (
                f"Diese Meldung hat die Nummer {i} und das Aktenzeichen {rng.randint(1, 10**9)}."
            )
            body = "".join(f"<p>{p.replace(chr(10), ' ')}</p>" for p in [*head, *tail, closing])
            words += len(body.split())
            html = (
                f"<html><head><title>{short}: Meldung {i}</title></head><body><article>"
                f"<h1>{short}: Meldung {i}</h1>{body}</article></body></html>"
            ).encode()
            url = f"https://{HOSTS[i % len(HOSTS)]}/politik/{i}.html"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            day = 1 + i % 28
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": f"2022-03-{day:02d}T08:00:00Z"},
                )
            )
            if i % 10 == 0:
                writer.write_record(
                    writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /\r\n"))
                )
    return words


def statements(db_path: Path) -> list[tuple[object, ...]]:
    rows = sqlite3.connect(db_path).execute(
        "SELECT s.article_id, s.start, s.end, s.form, s.fine_type, s.message, s.cue, s.frame, "
        "s.speaker_start, s.speaker_end, e.name, s.medium, s.confidence, s.extractor "
        "FROM statements s LEFT JOIN entities e ON e.id = s.speaker_id"
    )
    return sorted(rows, key=repr)


def ingest(warc: Path, db_path: Path, workers: int, mode: str) -> float:
    start = time.perf_counter()
    with sagte.open(db_path, mode=mode) as db:  # type: ignore[arg-type]
        for event in db.ingest_iter([warc], workers=workers, reuse=False):
            if event.kind == "error":
                print(f"  error: {event.message}", file=sys.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", default="fast", choices=("fast", "accurate", "auto"))
    parser.add_argument("--partition-size", type=int, default=50)
    args = parser.parse_args()
    n, w = args.articles, args.workers
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        warc = tmpdir / "crawl.warc.gz"
        words = make_warc(warc, n)
        print(
            f"WARC                      {n} articles, {words / n:.0f} words each, "
            f"{warc.stat().st_size / 1e6:.1f} MB"
        )
        sagte.extract("„Wir sind bereit“, sagte Jens Stoltenberg.", mode=args.mode)  # warm up

        single_s = ingest(warc, tmpdir / "single.db", 1, args.mode)
        print(f"1 process                 {n / single_s:8.1f} articles/s  ({single_s:.0f} s)")
        pool_s = ingest(warc, tmpdir / "pool.db", w, args.mode)
        children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"{w} workers (pool)         {n / pool_s:8.1f} articles/s  "
            f"= {single_s / pool_s:.2f}x single (target >= 1.7x)"
        )

        out = tmpdir / "parquet"
        start = time.perf_counter()
        report = run_batch([warc], out, workers=w, mode=args.mode, unit_size=args.partition_size)  # type: ignore[arg-type]
        dask_s = time.perf_counter() - start
        print(
            f"{w} workers (Dask local)   {n / dask_s:8.1f} articles/s  "
            f"= {single_s / dask_s:.2f}x single (target >= 1.6x), "
            f"{report.written} partitions, {len(report.failed)} failed"
        )
        start = time.perf_counter()
        with sagte.open(tmpdir / "dask.db") as db:
            load(db, out)
        load_s = time.perf_counter() - start
        print(
            f"  + sagte load            {n / load_s:8.1f} articles/s  "
            f"(batch and load together: {single_s / (dask_s + load_s):.2f}x single)"
        )

        dask_mb = max(report.worker_peak_rss.values(), default=0) / 2**20
        parquet_mb = sum(f.stat().st_size for f in out.rglob("*.parquet")) / 1e6
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"peak memory per worker    pool {children_mb:.0f} MB, Dask {dask_mb:.0f} MB "
            f"(the writing process: {self_mb:.0f} MB)"
        )
        print(
            f"Parquet output            {parquet_mb * 1000 / n:.1f} MB per 1,000 articles "
            f"(articles with raw and normalised text, statements, mentions, entities)"
        )

        single, pool, dask = (statements(tmpdir / f"{k}.db") for k in ("single", "pool", "dask"))
        same = single == pool == dask
        print(
            f"statements                {len(single)} single, {len(pool)} pool, {len(dask)} Dask: "
            f"{'identical' if same else 'DIFFERENT'}"
        )
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
