"""Work units, `sagte ingest --workers`, `sagte batch` on Dask and `sagte load` (issue 7)."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import sagte
from sagte.cli import cli
from sagte.errors import InputError
from sagte.ingest import read_paths
from sagte.ingest.units import Unit, plan, read_unit
from sagte.pipeline import process, process_unit
from sagte.store.parquet import finished, read_partitions, write_partition

PEOPLE = [
    ("Jens Stoltenberg", "NATO-Generalsekretär", "der Norweger"),
    ("Annalena Baerbock", "Außenministerin", "die Grünen-Politikerin"),
    ("Karl Lauterbach", "Gesundheitsminister", "der SPD-Politiker"),
    ("Ursula von der Leyen", "EU-Kommissionspräsidentin", "die Deutsche"),
    ("Christian Lindner", "Finanzminister", "der FDP-Chef"),
]
PLACES = ["Berlin", "Brüssel", "Hamburg", "München", "Wien", "Köln", "Leipzig"]
TOPICS = ["die Energiepreise", "den Haushalt", "die Sicherheitslage", "die Krankenhäuser"]


def article(i: int) -> dict[str, Any]:
    """A short German news text with a direct, an indirect and a reported statement."""
    name, role, descriptor = PEOPLE[i % len(PEOPLE)]
    place, topic = PLACES[i % len(PLACES)], TOPICS[i % len(TOPICS)]
    surname = name.rsplit(" ", 1)[-1]
    text = (
        f"{role} {name} hat sich am Montag in {place} zu {topic} geäußert.\n\n"
        f"„Wir werden alles tun, um die Lage in den Griff zu bekommen“, sagte {surname} "
        f"vor Journalisten. Die Regierung habe die Zahlen aus {place} genau geprüft, "
        f"erklärte {descriptor}.\n\n"
        f"{surname} warnte vor übereilten Schritten. Die Beratungen sollen am "
        f"{1 + i % 28}. März fortgesetzt werden, Meldung {i}."
    )
    return {"id": f"a{i}", "text": text, "outlet": "example.de", "published": "2022-03-24"}


def write_jsonl(path: Path, start: int, n: int, bad_line: bool = False) -> Path:
    lines = [json.dumps(article(i), ensure_ascii=False) for i in range(start, start + n)]
    if bad_line:
        lines.insert(3, "{kein json")
        lines.insert(5, "")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def write_warc(path: Path, start: int, n: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(start, start + n):
            data = article(i)
            paragraphs = "".join(f"<p>{p}</p>" for p in data["text"].split("\n\n"))
            html = (
                f"<html><head><title>Meldung {i}</title></head><body><article>"
                f"<h1>Meldung {i}</h1>{paragraphs}</article></body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://www.beispiel-zeitung.de/politik/meldung-{i}.html",
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2022-03-25T10:00:00Z"},
            )
            writer.write_record(record)
            if i % 3 == 0:  # a request record, which is not an article
                request = writer.create_warc_record(
                    f"https://www.beispiel-zeitung.de/politik/meldung-{i}.html",
                    "request",
                    payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                )
                writer.write_record(request)
    return path


def write_rss(path: Path, start: int, n: int) -> Path:
    """An RSS 2.0 feed: full content for every entry but the last, which has a summary only."""
    items = []
    for i in range(start, start + n):
        data = article(i)
        body = "".join(f"<p>{p}</p>" for p in data["text"].split("\n\n"))
        content = f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        if i == start + n - 1:
            content = ""
        items.append(
            f"<item><title>Meldung {i}</title>"
            f"<link>https://www.rundschau.example/politik/{i}</link>"
            f"<pubDate>Thu, 24 Mar 2022 10:{i % 60:02d}:00 +0100</pubDate>"
            f"<description>{data['text'].split(chr(10))[0]}</description>{content}</item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Rundschau</title><link>https://www.rundschau.example/</link>"
        f"<description>Politik</description>{''.join(items)}</channel></rss>",
        "utf-8",
    )
    return path


def statements_of(target: str) -> list[tuple[Any, ...]]:
    """Every stored statement with its article's source, as comparable tuples."""
    db = sagte.open(target, readonly=True)
    with db:
        rows = db.statements()
    return sorted(
        (r["article_id"], r["start"], r["end"], r["form"], r["speaker"], r["cue"], r["text"])
        for r in rows
    )


def db_articles(target: str) -> list[dict[str, Any]]:
    with sagte.open(target, readonly=True) as db:
        return [db.article(a["id"]) for a in db.articles()]


# -- units --------------------------------------------------------------------


def test_units_read_exactly_what_a_sequential_read_reads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i:02d}.txt").write_text("date 2022-03-24\n" + article(i)["text"], "utf-8")
    write_jsonl(folder / "feed.jsonl", 10, 7, bad_line=True)
    write_warc(folder / "crawl.warc.gz", 20, 5)
    units, errors = plan([folder], size=2)
    assert not errors
    kinds = [u.kind for u in units]
    assert {"files", "jsonl", "warc"} <= set(kinds)
    assert all(u.count <= 2 for u in units if u.kind != "files")

    def key(item: Any) -> tuple[str, str]:
        if isinstance(item, InputError):
            return ("error", str(item))
        return (item.source, item.raw)

    whole = [key(item) for item in read_paths([folder])]
    parts = [key(item) for unit in units for item in read_unit(unit)]
    assert parts == whole
    # The bad JSON line is named by its line number in the file, not in the unit.
    assert any("Line 4" in k[1] for k in parts if k[0] == "error")
    assert len({u.name for u in units}) == len(units)  # names identify units


def test_unit_of_a_file_that_shrank_says_so(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", 0, 4)
    units, _ = plan([path], size=4)
    path.write_text(json.dumps(article(0), ensure_ascii=False) + "\n", "utf-8")
    items = list(read_unit(units[0]))
    assert isinstance(items[-1], InputError)
    assert "S040" in str(items[-1]) and "1 of 4" in str(items[-1])


# -- Parquet ------------------------------------------------------------------


def test_parquet_partition_round_trip_keeps_every_fact(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", 0, 3, bad_line=True)
    (unit,) = plan([path], size=10)[0]
    results = process_unit(unit, "fast")
    written = write_partition(tmp_path / "out", unit.name, results, {"seq": 0})
    assert written["articles"] == 3 and written["errors"] == 1 and written["statements"] >= 6
    assert finished(tmp_path / "out") == {unit.name}
    back = list(read_partitions(tmp_path / "out"))
    assert [str(x) for x in back if isinstance(x, InputError)] == [
        str(x) for x in results if isinstance(x, InputError)
    ]
    originals = [x for x in results if not isinstance(x, InputError)]
    loaded = [x for x in back if not isinstance(x, InputError)]
    assert loaded == originals  # records and analyses, field by field
    speakers = {a.speaker_name(s) for _, a in loaded if a for s in a.statements}
    assert {"Jens Stoltenberg", "Annalena Baerbock"} <= speakers


def test_load_refuses_a_directory_without_batch_output(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    result = CliRunner().invoke(
        cli, ["load", str(tmp_path / "leer"), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code != 0
    assert "S042" in result.output and "sagte batch" in result.output


# -- ingest --workers -----------------------------------------------------------


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", 0, 110, bad_line=True)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    with sagte.open(one, mode="fast") as db:
        events_one = list(db.ingest_iter([source], workers=1, reuse=False))
    with sagte.open(two, mode="fast") as db:
        events_two = list(db.ingest_iter([source], workers=2))
    assert [(e.kind, e.source) for e in events_two] == [(e.kind, e.source) for e in events_one]
    assert sum(e.kind == "stored" for e in events_two) == 110
    assert sum(e.kind == "error" for e in events_two) == 1
    assert statements_of(two) == statements_of(one)
    # Stories and copies too: the writer saw the articles in the same order.
    story = "SELECT article_id, story_id, dup_of FROM article_stories ORDER BY article_id"
    assert sqlite3.connect(two).execute(story).fetchall() == (
        sqlite3.connect(one).execute(story).fetchall()
    )
    # A second run stores nothing new; workers only normalise what is stored.
    with sagte.open(two, mode="fast") as db:
        again = list(db.ingest_iter([source], workers=2))
    assert {e.kind for e in again} == {"duplicate", "error"}


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_end_when_the_ingest_that_started_them_is_killed(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", 0, 2000)
    cmd = [sys.executable, "-m", "sagte.cli", "ingest", str(source), "--db"]
    cmd += [str(tmp_path / "x.db"), "-q", "--fast", "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        workers: list[int] = []
        while time.time() < deadline and proc.poll() is None and len(workers) < 2:
            time.sleep(0.2)
            workers = [
                pid
                for pid in _children(proc.pid)
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
            ]
        assert len(workers) == 2, "the ingest started no workers"
        time.sleep(2)  # the workers analyse
    finally:
        proc.kill()
        proc.wait()
    deadline = time.time() + 30
    while time.time() < deadline and any(_running(pid) for pid in workers):
        time.sleep(0.2)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_cli_ingest_workers_option(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", 0, 4)
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["ingest", str(source), "--db", db, "--fast", "-w", "2"])
    assert result.exit_code == 0, result.output
    assert "4 articles stored" in result.output
    bad = CliRunner().invoke(cli, ["ingest", str(source), "--db", db, "--workers", "0"])
    assert bad.exit_code == 2 and "--workers" in bad.output


# -- sagte batch on Dask ----------------------------------------------------------


def test_batch_on_a_local_cluster_then_load_equals_ingest(tmp_path: Path, db_target: str) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", 0, 6)
    feed = write_rss(tmp_path / "politik.rss", 100, 3)
    lines = write_jsonl(tmp_path / "cms.jsonl", 200, 4)
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["batch", str(warc), str(feed), str(lines), "--dask", "local", "-w", "2", "--fast"]
    result = runner.invoke(cli, [*args, "--out", str(out), "--partition-size", "2"])
    assert result.exit_code == 0, result.output
    assert "partitions written (13 articles" in result.output
    statements = (out / "statements").glob("*.parquet")
    assert len(list(statements)) == len(finished(out)) >= 6

    loaded = runner.invoke(cli, ["load", str(out), "--db", db_target])
    assert loaded.exit_code == 0, loaded.output
    assert "13 articles stored" in loaded.output

    reference = str(tmp_path / "reference.db")
    with sagte.open(reference, mode="fast") as db:
        list(db.ingest_iter([warc, feed, lines], reuse=False))
    assert statements_of(db_target) == statements_of(reference)
    with sagte.open(db_target, readonly=True) as db:
        crawled = db.statements(speaker="Stoltenberg")
        page = db.article(f"{warc}#0")  # a WARC record keeps where and when it was crawled
    assert crawled and all(r["outlet"] for r in crawled)
    assert page["url"] == "https://www.beispiel-zeitung.de/politik/meldung-0.html"
    assert page["outlet"] == "beispiel-zeitung.de"
    assert (
        page["crawled"].startswith("2022-03-25T10:00") and page["crawled_precision"] == "datetime"
    )
    assert json.loads(page["source_meta"])["warc_record_id"].startswith("<urn:uuid:")
    teaser = next(a for a in db_articles(db_target) if a["source"].endswith("politik.rss#3"))
    assert teaser["summary_only"] and teaser["format"] == "feed"

    # Running it again does nothing: every partition is finished.
    again = runner.invoke(cli, [*args, "--out", str(out), "--partition-size", "2"])
    assert again.exit_code == 0, again.output
    assert "0 partitions written" in again.output and "already done" in again.output


def test_batch_refuses_standard_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", "-", "--out", str(tmp_path / "o")], input="x")
    assert result.exit_code != 0 and "S045" in result.output


def test_batch_survives_a_killed_worker(tmp_path: Path) -> None:
    """Kill a worker mid-job: the job completes, every article processed exactly once."""
    from distributed import default_client

    from sagte.batch import run_batch

    source = write_jsonl(tmp_path / "news.jsonl", 0, 24)
    out = tmp_path / "out"
    killed: list[int] = []

    def kill_one(counts: dict[str, Any]) -> None:
        if killed:
            return
        client = default_client()
        busy = [addr for addr, keys in client.processing().items() if keys]
        if not busy:
            return
        pids = client.run(os.getpid, workers=busy[:1])
        pid = next(iter(pids.values()))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    report = run_batch([source], out, workers=2, mode="fast", unit_size=2, on_partition=kill_one)
    assert killed, "no worker was busy to kill"
    assert not report.failed
    assert report.written == report.partitions == 12
    ids = [x[0].id for x in read_partitions(out) if not isinstance(x, InputError)]
    assert len(ids) == len(set(ids)) == 24  # each article exactly once
    expected = [process(doc, "fast")[0].id for doc in read_paths([source])]  # type: ignore[arg-type]
    assert sorted(ids) == sorted(expected)


def test_unit_describe_names_the_records() -> None:
    unit = Unit("jsonl", path="news.jsonl", offset=120, count=50, first=51)
    assert unit.describe() == "news.jsonl records 51..100"
    assert Unit("files", files=("a.txt", "b.txt")).describe() == "a.txt (+1 more)"
