"""Web pages out of WARC archives: which records count, what is kept, damaged files.

The archives are built here with warcio's WARCWriter from articles written for
these tests (no crawl data is bundled).
"""

from __future__ import annotations

import io
import json
import logging
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sagte.cli import cli
from sagte.errors import InputError
from sagte.ingest import PublishedDate, RawDocument, read_paths
from sagte.ingest.warc import read_warc, read_warc_stream, record_offsets

BAHN = (
    "<p>„Wir werden die Strecke zwischen Hallberg und Wellingen bis 2026 vollständig "
    "erneuern“, sagte Bahnchefin Miriam Köhler am Dienstag in Hallberg.</p>"
    "<p>Die Arbeiten sollen im Frühjahr beginnen und den Verkehr für drei Monate "
    "unterbrechen. Der Fahrgastverband zeigte sich skeptisch.</p>"
    "<p>„Solche Versprechen haben wir schon oft gehört“, sagte dessen Sprecher Jonas "
    "Albrecht.</p>"
)
HALLENBAD = (
    "<p>Der Stadtrat von Lindenau hat die Sanierung des Hallenbads beschlossen. "
    "„Das Bad ist für Familien und Vereine unverzichtbar“, sagte Bürgermeisterin Petra "
    "Sommer nach der Sitzung am Donnerstag.</p>"
    "<p>Die Kosten von rund zwölf Millionen Euro teilen sich Stadt und Land. Kämmerer Uwe "
    "Brandt warnte, der Haushalt werde dadurch „auf Jahre hinaus angespannt“ bleiben.</p>"
)
# Served as ISO-8859-15, declared only in the HTTP header: its € is 0xA4, which
# Windows-1252 (the guess without a declaration) reads as ¤.
EINTRITT = (
    "<p>Der Eintritt ins sanierte Hallenbad kostet künftig 6 € für Erwachsene. "
    "Kinder zahlen die Hälfte, sagte Bäderchef Klaus Weber am Freitag.</p>"
    "<p>Der Förderverein begrüßte die Preise als »maßvoll«.</p>"
)
CRAWLED = "2023-04-20T08:15:00Z"


def page(title: str, body: str, published: str = "2023-04-18T09:30:00+02:00") -> str:
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
    <title>{title} | Hallberger Tagblatt</title>
    <meta property="og:site_name" content="Hallberger Tagblatt">
    <meta property="article:published_time" content="{published}"></head>
    <body><nav><a href="/">Start</a> <a href="/region">Region</a> <a href="/sport">Sport</a></nav>
    <article><h1>{title}</h1>{body}</article>
    <footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


@dataclass
class Archive:
    """A WARC being written in memory, and the offset of each record written."""

    gzip: bool = True
    buffer: io.BytesIO = field(default_factory=io.BytesIO)

    def __post_init__(self) -> None:
        self.writer = WARCWriter(self.buffer, gzip=self.gzip)

    def response(
        self,
        url: str,
        body: bytes | str,
        status: str = "200 OK",
        content_type: str = "text/html; charset=utf-8",
        date: str = CRAWLED,
    ) -> int:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(data),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        return self._write(record)

    def request(self, url: str) -> int:
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.hallberger-tagblatt.de")])
        record = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), http_headers=headers
        )
        return self._write(record)

    def warcinfo(self) -> int:
        record = self.writer.create_warcinfo_record("test.warc.gz", {"software": "sagte tests"})
        return self._write(record)

    def _write(self, record: object) -> int:
        offset = self.buffer.tell()
        self.writer.write_record(record)
        return offset

    def save(self, path: Path) -> Path:
        path.write_bytes(self.buffer.getvalue())
        return path


def crawl(gzip: bool = True) -> tuple[Archive, dict[str, int]]:
    """The archive most tests read: two articles, one page without text, other records."""
    archive = Archive(gzip=gzip)
    offsets = {
        "warcinfo": archive.warcinfo(),
        "request": archive.request("https://www.hallberger-tagblatt.de/region/bahn"),
        "bahn": archive.response(
            "https://www.hallberger-tagblatt.de/region/bahn", page("Strecke wird erneuert", BAHN)
        ),
        "logo": archive.response(
            "https://www.hallberger-tagblatt.de/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            content_type="image/png",
        ),
        "missing": archive.response(
            "https://www.hallberger-tagblatt.de/alt",
            page("Nicht gefunden", "<p>Diese Seite gibt es nicht mehr.</p>"),
            status="404 Not Found",
        ),
        "redirect": archive.response(
            "https://hallberger-tagblatt.de/", b"", status="301 Moved Permanently"
        ),
        "bad": archive.response(
            "https://www.hallberger-tagblatt.de/leer",
            "<html><head><script>var x = 1;</script></head><body><nav>Start</nav></body></html>",
        ),
        "bad_pdf": archive.response(
            "https://www.hallberger-tagblatt.de/plan.pdf",
            b"%PDF-1.4",
            content_type="application/pdf",
        ),
        "hallenbad": archive.response(
            "https://www.lindenauer-anzeiger.de/lokales/hallenbad",
            page("Hallenbad wird saniert", HALLENBAD, published="2023-04-13"),
            content_type="application/xhtml+xml",
        ),
    }
    return archive, offsets


def split(items: list[RawDocument | InputError]) -> tuple[list[RawDocument], list[InputError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_articles(tmp_path: Path, gzip: bool) -> None:
    archive, offsets = crawl(gzip)
    path = archive.save(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"))
    docs, errors = split(list(read_paths([path])))
    assert [d.url for d in docs] == [
        "https://www.hallberger-tagblatt.de/region/bahn",
        "https://www.lindenauer-anzeiger.de/lokales/hallenbad",
    ]
    bahn, hallenbad = docs
    assert bahn.format == "warc"
    assert bahn.source == f"{path}#{offsets['bahn']}"
    assert bahn.outlet == "hallberger-tagblatt.de"  # the host, without www.
    assert hallenbad.outlet == "lindenauer-anzeiger.de"
    assert "„Wir werden die Strecke" in bahn.raw and "Albrecht" in bahn.raw
    assert "Impressum" not in bahn.raw and "Sport" not in bahn.raw
    assert bahn.title and bahn.title.startswith("Strecke wird erneuert")
    # The crawl date and the date the page gives are kept apart.
    assert bahn.crawled == PublishedDate("2023-04-20T08:15:00+00:00", "datetime")
    assert bahn.published is not None and bahn.published.value == "2023-04-18"
    assert hallenbad.published is not None and hallenbad.published.value == "2023-04-13"
    assert bahn.extra["warc_file"] == str(path)
    assert bahn.extra["warc_offset"] == offsets["bahn"]
    assert bahn.extra["warc_record_id"].startswith("<urn:uuid:")
    assert not bahn.summary_only
    assert [e.source for e in errors] == [
        f"{path}#{offsets['bad']} (https://www.hallberger-tagblatt.de/leer)"
    ]
    assert "S005" in str(errors[0])


def test_warc_skipped_records_are_only_counted_in_the_debug_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = crawl()[0].save(tmp_path / "crawl.warc.gz")
    with caplog.at_level(logging.DEBUG, logger="sagte.ingest.warc"):
        items = list(read_warc(path))
    assert len(items) == 3  # two articles, the page without text
    (message,) = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    for reason in ("warcinfo", "request", "status 404", "status 301", "image/png", "pdf"):
        assert reason in message


def test_warc_http_charset_decides_the_encoding(tmp_path: Path) -> None:
    archive = Archive()
    archive.response(
        "https://www.lindenauer-anzeiger.de/lokales/eintritt",
        page("Neue Preise", EINTRITT).replace('<meta charset="utf-8">', "").encode("iso-8859-15"),
        content_type="text/html; charset=ISO-8859-15",
    )
    (doc,) = read_warc(archive.save(tmp_path / "preise.warc.gz"))
    assert isinstance(doc, RawDocument)
    assert "6 € für Erwachsene" in doc.raw and "»maßvoll«" in doc.raw
    assert doc.encoding == "iso8859-15"


def test_warc_meta_charset_is_used_without_a_header(tmp_path: Path) -> None:
    html = page("Neue Preise", EINTRITT).replace("utf-8", "iso-8859-15")
    archive = Archive()
    archive.response(
        "https://www.lindenauer-anzeiger.de/lokales/eintritt",
        html.encode("iso-8859-15"),
        content_type="text/html",
    )
    (doc,) = read_warc(archive.save(tmp_path / "preise.warc.gz"))
    assert isinstance(doc, RawDocument) and "6 € für Erwachsene" in doc.raw


def test_warc_valid_utf8_wins_over_a_wrong_declaration(tmp_path: Path) -> None:
    archive = Archive()
    archive.response(
        "https://www.hallberger-tagblatt.de/region/bahn",
        page("Strecke wird erneuert", BAHN),
        content_type="text/html; charset=iso-8859-1",
    )
    (doc,) = read_warc(archive.save(tmp_path / "bahn.warc.gz"))
    assert isinstance(doc, RawDocument) and "„Wir werden" in doc.raw and "vollständig" in doc.raw


# Where a copy of the archive is cut: (name, bytes kept from the end of which record).
CUTS = [
    ("in the last record", "hallenbad", 0.5),
    ("in a record header", "hallenbad", 0.05),
    ("in the first article", "bahn", 0.5),
]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize(("where", "record", "share"), CUTS, ids=[c[0] for c in CUTS])
def test_warc_truncated_file_is_one_error_after_the_good_records(
    tmp_path: Path, gzip: bool, where: str, record: str, share: float
) -> None:
    archive, offsets = crawl(gzip)
    data = archive.buffer.getvalue()
    ends = sorted([*offsets.values(), len(data)])
    start = offsets[record]
    end = ends[ends.index(start) + 1]
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: start + max(1, int((end - start) * share))])
    docs, errors = split(list(read_paths([path])))
    expected = ["https://www.hallberger-tagblatt.de/region/bahn"] if record == "hallenbad" else []
    assert [d.url for d in docs] == expected
    broken = [e for e in errors if "S030" in str(e)]
    assert len(broken) == 1 and broken[0].source == str(path)
    assert "\n" not in str(broken[0])
    assert "records" in str(broken[0])


def test_warc_that_is_no_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notizen.warc"
    path.write_text("Dies ist keine WARC-Datei, sondern eine Notiz über die Bahn.\n")
    (err,) = read_paths([path])
    assert isinstance(err, InputError) and "S030" in str(err) and str(path) in str(err)
    path = tmp_path / "kaputt.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"nicht komprimiert" * 10)
    (err,) = read_paths([path])
    assert isinstance(err, InputError) and "S030" in str(err)


def test_warc_without_pages_is_an_error(tmp_path: Path) -> None:
    archive = Archive()
    archive.warcinfo()
    archive.request("https://www.hallberger-tagblatt.de/")
    archive.response(
        "https://www.hallberger-tagblatt.de/logo.png", b"\x89PNG", content_type="image/png"
    )
    (err,) = read_paths([archive.save(tmp_path / "bilder.warc.gz")])
    assert isinstance(err, InputError) and "S031" in str(err) and "3 records" in str(err)


def test_warc_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "leer.warc.gz"
    path.write_bytes(b"")
    (err,) = read_paths([path])
    assert isinstance(err, InputError) and "S002" in str(err)


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_parts_read_from_record_offsets_give_the_whole(tmp_path: Path, gzip: bool) -> None:
    archive, offsets = crawl(gzip)
    path = archive.save(tmp_path / "crawl.warc.gz")
    found = list(record_offsets(path))
    assert found == sorted(offsets.values())
    whole = [(str(i), getattr(i, "raw", "")) for i in read_warc(path)]
    parts = []
    for first in range(0, len(found), 3):
        chunk = found[first : first + 3]
        part = read_warc(path, offset=chunk[0], count=len(chunk), first=first + 1)
        parts += [(str(i), getattr(i, "raw", "")) for i in part]
    assert [p for p in parts if "S031" not in p[0]] == whole


def test_warc_record_offsets_end_with_the_damage(tmp_path: Path) -> None:
    archive, offsets = crawl()
    data = archive.buffer.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: offsets["hallenbad"] + 40])
    found = list(record_offsets(path))
    assert found[-1] == offsets["hallenbad"]
    (err,) = read_warc(path, offset=found[-1], count=1, first=len(found))
    assert isinstance(err, InputError) and "S030" in str(err)


def test_warc_is_streamed_not_loaded(tmp_path: Path) -> None:
    archive = Archive(gzip=False)
    blob = bytes(range(256)) * 4096  # 1 MB
    for number in range(24):
        archive.response(
            f"https://www.hallberger-tagblatt.de/bild{number}.jpg", blob, content_type="image/jpeg"
        )
    archive.response(
        "https://www.hallberger-tagblatt.de/region/bahn", page("Strecke wird erneuert", BAHN)
    )
    path = archive.save(tmp_path / "gross.warc")
    del archive, blob
    assert path.stat().st_size > 24_000_000
    tracemalloc.start()
    try:
        docs, errors = split(list(read_warc(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(docs) == 1 and not errors
    assert peak < 8_000_000, f"peak {peak:,} bytes while reading {path.stat().st_size:,}"


def test_warc_stream_reads_like_the_file(tmp_path: Path) -> None:
    archive, _ = crawl()
    path = archive.save(tmp_path / "crawl.warc.gz")
    from_file, _ = split(list(read_warc(path)))
    from_stream = list(read_warc_stream(io.BytesIO(archive.buffer.getvalue()), "<stdin>"))
    docs, errors = split(from_stream)
    assert [d.raw for d in docs] == [d.raw for d in from_file]
    assert docs[0].source.startswith("<stdin>#") and len(errors) == 1  # S005, the empty page
    cut = io.BytesIO(archive.buffer.getvalue()[:-30])
    assert "S030" in str(list(read_warc_stream(cut, "<stdin>"))[-1])


# -- the command line ---------------------------------------------------------


def test_warc_cli_ingest_stores_articles_with_statements(tmp_path: Path) -> None:
    archive, _ = crawl()
    path = archive.save(tmp_path / "crawl.warc.gz")
    db = tmp_path / "x.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--fast", "-q"])
    assert result.exit_code == 0, result.output
    assert "S005" in result.stderr and "https://www.hallberger-tagblatt.de/leer" in result.stderr
    listed = json.loads(
        runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    assert sorted(a["outlet"] for a in listed) == [
        "hallberger-tagblatt.de",
        "lindenauer-anzeiger.de",
    ]
    assert all(a["source"].startswith(f"{path}#") and a["statements"] for a in listed)
    rows = json.loads(
        runner.invoke(cli, ["statements", "--db", str(db), "--format", "json"]).stdout
    )
    speakers = {r["speaker"] for r in rows}
    assert {"Miriam Köhler", "Petra Sommer"} <= speakers


def test_warc_cli_broken_archive_next_to_a_good_file(tmp_path: Path) -> None:
    archive, offsets = crawl()
    broken = tmp_path / "kaputt.warc.gz"
    broken.write_bytes(archive.buffer.getvalue()[: offsets["bahn"] + 200])
    good = tmp_path / "hallenbad.txt"
    good.write_text(
        "date 2023-04-13\nDer Stadtrat von Lindenau hat die Sanierung des Hallenbads beschlossen. "
        "„Das Bad ist für Familien und Vereine unverzichtbar“, sagte Bürgermeisterin Petra "
        "Sommer nach der Sitzung.\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(broken), str(good), "--db", str(db), "--fast"])
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1
    assert str(broken) in errors[0] and "S030" in errors[0]
    listed = json.loads(
        runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    assert [a["source"] for a in listed] == [str(good)] and listed[0]["statements"] == 1


def test_warc_arc_files_are_read_too(tmp_path: Path) -> None:
    html = page("Strecke wird erneuert", BAHN).encode("utf-8")
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    about = b"1 0 sagte\nURL IP-address Archive-date Content-type Archive-length\n"
    path = tmp_path / "alt.arc"
    path.write_bytes(
        b"filedesc://alt.arc 0.0.0.0 20230420081500 text/plain %d\n" % len(about)
        + about
        + b"\n"
        + b"https://www.hallberger-tagblatt.de/region/bahn 192.0.2.1 20230420081500 "
        + b"text/html %d\n" % len(body)
        + body
        + b"\n"
    )
    (doc,) = read_paths([path])
    assert isinstance(doc, RawDocument) and doc.format == "warc"
    assert doc.outlet == "hallberger-tagblatt.de" and "Miriam Köhler" in doc.raw
    assert doc.as_dict()["crawled"] == {
        "value": "2023-04-20T08:15:00+00:00",
        "precision": "datetime",
    }
