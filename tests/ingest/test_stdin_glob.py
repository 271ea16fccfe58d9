"""Glob patterns, standard input and what the first bytes of an input say it is."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sagte.cli import cli
from sagte.errors import InputError
from sagte.ingest import RawDocument, iter_files, read_paths
from sagte.ingest.readers import read_stdin
from sagte.ingest.sniff import codec_of, meta_charset, sniff
from tests.ingest.test_feeds import ATOM, RSS
from tests.ingest.test_warc import crawl

ARTICLE = (
    "Die Bundesregierung will die Bahn stärker fördern. „Wir investieren so viel wie nie“, "
    "sagte Verkehrsminister Volker Wissing am Montag in Berlin.\n"
)
PAGE = f"<!doctype html><html><body><article><p>{ARTICLE}</p></article></body></html>"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"text": "Hallo"}\n', "jsonl"),
        (b'\n\n  {"text": "Hallo"}', "jsonl"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"\x1f\x8b\x08\x00\x00\x00", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (
            b'<?xml version="1.0"?><!-- Kommentar --><feed xmlns="http://www.w3.org/2005/Atom">',
            "feed",
        ),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html lang='de'>", "html"),
        (b"<div class='artikel'><p>Text</p></div>", "html"),
        (b'<?xml version="1.0"?><urlset><url>', "text"),  # XML, neither feed nor page
        (b"<3 Lindenau", "text"),
        (b"date 2023-04\nDer Stadtrat hat beschlossen.", "text"),
        (b"", "text"),
    ],
)
def test_sniff_tells_formats_apart(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


@pytest.mark.parametrize(
    ("html", "charset"),
    [
        (b'<meta charset="iso-8859-15">', "iso-8859-15"),
        (
            b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1252'>",
            "windows-1252",
        ),
        (b"<meta name='author' content='Anna'>", None),
    ],
)
def test_sniff_meta_charset(html: bytes, charset: str | None) -> None:
    assert meta_charset(b"<html><head>" + html + b"</head>") == charset


@pytest.mark.parametrize(
    ("label", "codec"),
    [("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("utf8", "utf-8"), ("keine", None)],
)
def test_sniff_codec_of_labels(label: str, codec: str | None) -> None:
    assert codec_of(label) == codec


# -- glob patterns ------------------------------------------------------------


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "2023" / "04").mkdir(parents=True)
    (root / "2023" / "04" / "bahn.html").write_text(PAGE, encoding="utf-8")
    (root / "2023" / "gipfel.html").write_text(PAGE.replace("Montag", "Dienstag"), "utf-8")
    (root / "2023" / "notiz.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "2023" / ".versteckt.html").write_text(PAGE, encoding="utf-8")
    (root / "archiv").mkdir()
    crawl()[0].save(root / "archiv" / "april.warc.gz")
    (root / "archiv" / "mai.warc.gz").write_bytes(crawl()[0].buffer.getvalue())
    (root / "archiv" / "liste.csv").write_text("a,b\n")
    return root


def test_glob_patterns_expand_recursively_and_sorted(news: Path) -> None:
    html = list(iter_files([str(news / "**" / "*.html")]))
    assert html == [news / "2023" / "04" / "bahn.html", news / "2023" / "gipfel.html"]
    warcs = list(iter_files([str(news / "archiv" / "*.warc.gz")]))
    assert [p.name for p in warcs if isinstance(p, Path)] == ["april.warc.gz", "mai.warc.gz"]
    # a pattern matching folders reads them like folders, each file once
    every = list(iter_files([str(news / "**")]))
    assert [p.name for p in every if isinstance(p, Path)] == [
        "bahn.html",
        "gipfel.html",
        "notiz.txt",
        "april.warc.gz",
        "mai.warc.gz",
    ]
    docs = [d for d in read_paths([str(news / "2023" / "*.txt")]) if isinstance(d, RawDocument)]
    assert len(docs) == 1 and docs[0].raw == ARTICLE


def test_glob_without_match_is_an_error(news: Path) -> None:
    pattern = str(news / "**" / "*.pdf")
    (err,) = iter_files([pattern])
    assert isinstance(err, InputError) and "S029" in str(err) and err.source == pattern
    (err,) = iter_files([str(news / "archiv" / "*.csv")])  # matches, but nothing sagte reads
    assert isinstance(err, InputError) and "S029" in str(err)


def test_glob_characters_in_an_existing_name_are_literal(tmp_path: Path) -> None:
    path = tmp_path / "bericht[1].txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert list(iter_files([str(path)])) == [path]


def test_glob_stdin_and_addresses_pass_through_unread() -> None:
    url = "https://www.lindenauer-anzeiger.de/feed.rss"
    assert list(iter_files(["-", url])) == ["-", url]


# -- standard input -----------------------------------------------------------


def stdin_items(data: bytes) -> list[RawDocument | InputError]:
    return list(read_stdin(io.BytesIO(data)))


def test_stdin_jsonl_is_streamed_by_line() -> None:
    lines = [json.dumps({"id": str(n), "text": ARTICLE}, ensure_ascii=False) for n in range(3)]
    items = stdin_items(("\n" + "\n".join(lines) + "\n{kaputt\n").encode())
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.source for d in docs] == ["<stdin>:2", "<stdin>:3", "<stdin>:4"]
    assert [d.external_id for d in docs] == ["0", "1", "2"]
    assert isinstance(items[-1], InputError) and "Line 5" in str(items[-1])


def test_stdin_html_text_feed_and_warc() -> None:
    (page,) = stdin_items(PAGE.encode())
    assert isinstance(page, RawDocument) and page.format == "html" and "Wissing" in page.raw
    (text,) = stdin_items(("date 2023-04\n" + ARTICLE).encode("cp1252"))
    assert isinstance(text, RawDocument) and text.format == "text"
    assert text.published is not None and text.published.value == "2023-04"
    assert text.raw[text.body_start :] == ARTICLE
    feed = stdin_items(RSS.encode())
    assert [type(i).__name__ for i in feed] == ["RawDocument", "RawDocument", "InputError"]
    assert feed[0].source == "<stdin>#1"
    atom = stdin_items(ATOM.encode())
    assert len(atom) == 3 and all(isinstance(i, RawDocument) and i.format == "feed" for i in atom)
    archive = crawl()[0].buffer.getvalue()
    warc = [i for i in stdin_items(archive) if isinstance(i, RawDocument)]
    assert len(warc) == 2 and warc[0].format == "warc" and warc[0].source.startswith("<stdin>#")


def test_stdin_empty_is_an_error() -> None:
    (err,) = stdin_items(b"  \n")
    assert isinstance(err, InputError) and "S002" in str(err) and err.source == "<stdin>"


def test_stdin_cli_ingest(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    runner = CliRunner()
    record = {"id": "bahn", "outlet": "Hallberger Tagblatt", "text": ARTICLE}
    result = runner.invoke(
        cli,
        ["ingest", "-", "--db", str(db), "--fast", "-q"],
        input=json.dumps(record, ensure_ascii=False) + "\n",
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(
        runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    assert [(a["source"], a["outlet"]) for a in listed] == [("<stdin>:1", "Hallberger Tagblatt")]
    rows = json.loads(
        runner.invoke(cli, ["statements", "--db", str(db), "--format", "json"]).stdout
    )
    assert [r["speaker"] for r in rows] == ["Volker Wissing"]
