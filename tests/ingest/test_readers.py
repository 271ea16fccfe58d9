"""Reading text, HTML and JSON Lines, and what happens to bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sagte.errors import InputError
from sagte.ingest import MAX_ARTICLE_BYTES, PublishedDate, RawDocument, parse_date, read_paths

ARTICLE = (
    "Die Bundesregierung will die Bahn stärker fördern. „Wir investieren so viel wie nie“, "
    "sagte Verkehrsminister Volker Wissing am Montag in Berlin.\n"
)


def read_one(path: Path) -> RawDocument | InputError:
    (item,) = list(read_paths([path]))
    return item


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03", PublishedDate("2022-03", "month")),
        ("2022", PublishedDate("2022", "year")),
        ("2022-03-24", PublishedDate("2022-03-24", "day")),
        ("24.03.2022", PublishedDate("2022-03-24", "day")),
        ("2022-03-24T10:00:00Z", PublishedDate("2022-03-24T10:00:00+00:00", "datetime")),
        ("", None),
    ],
)
def test_dates_keep_their_precision(value: str, expected: PublishedDate | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2022-13", "gestern", "2022-02-30"])
def test_dates_reject_non_dates(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_text_header_is_metadata_not_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-03 " + ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.published == PublishedDate("2022-03", "month")
    assert doc.raw[doc.body_start :].startswith("Die Bundesregierung")
    assert doc.raw.startswith(" date 2022-03")  # the raw text keeps the header


def test_text_header_with_day_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2022-03-24\n" + ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.published == PublishedDate("2022-03-24", "day")
    assert doc.raw[doc.body_start :] == ARTICLE


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_text_in_legacy_encodings_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Die Bürgermeisterin äußerte sich: Die Straße bleibt gesperrt, sagte sie. " * 3
    if encoding == "cp1252":
        text = "„Die Straße bleibt gesperrt“, sagte die Bürgermeisterin – für 500 €. " * 3
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.raw == text


def test_binary_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = read_one(path)
    assert isinstance(err, InputError)
    assert str(path) in str(err) and "S001" in str(err)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = read_one(path)
    assert isinstance(err, InputError) and "S002" in str(err)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: nothing is held in memory
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    err = read_one(path)
    assert isinstance(err, InputError) and "S004" in str(err) and "huge.txt" in str(err)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<!doctype html><html><head><title>Bahn-Offensive | Beispiel-Nachrichten</title>
        <meta property="og:site_name" content="Beispiel-Nachrichten">
        <meta name="author" content="Anna Beispiel">
        <meta property="article:published_time" content="2023-04-19T14:30:00+02:00">
        </head><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
        <article><h1>Bahn-Offensive</h1><p>"""
        + ARTICLE
        + """</p><p>Die Opposition hält das für zu wenig. Der Etat reiche nicht aus, sagte
        die Fraktionschefin am Dienstag im Bundestag.</p></article>
        <footer>Impressum · Datenschutz</footer></body></html>""",
        encoding="utf-8",
    )
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert "Wir investieren so viel wie nie" in doc.raw
    assert "Impressum" not in doc.raw and "Politik" not in doc.raw
    assert doc.outlet == "Beispiel-Nachrichten"
    assert doc.author == "Anna Beispiel"
    assert doc.published is not None and doc.published.value == "2023-04-19"


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    err = read_one(path)
    assert isinstance(err, InputError) and "S005" in str(err)


def test_broken_html_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>" + ARTICLE * 3 + "<p><b>nicht geschlossen</div>")
    doc = read_one(path)
    assert isinstance(doc, RawDocument) and "Verkehrsminister" in doc.raw


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {
        "id": "a1",
        "url": "https://www.example.de/politik/a1",
        "title": "Bahn",
        "published": "2023-05",
        "author": "Anna Beispiel",
        "text": ARTICLE,
    }
    path.write_text(
        json.dumps(good, ensure_ascii=False)
        + "\n"
        + "{das ist kein json\n"
        + json.dumps({"title": "ohne Text"})
        + "\n"
        + "\n"
        + json.dumps({"text": ARTICLE, "published": "irgendwann"})
        + "\n",
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert len(items) == 4
    doc, not_json, no_text, bad_date = items
    assert isinstance(doc, RawDocument)
    assert doc.external_id == "a1" and doc.outlet == "example.de"
    assert doc.published == PublishedDate("2023-05", "month")
    assert doc.source == f"{path}:1"
    assert isinstance(not_json, InputError) and "Line 2" in str(not_json)
    assert str(path) in str(not_json)
    assert isinstance(no_text, InputError) and "S007" in str(no_text)
    assert isinstance(bad_date, InputError) and "S010" in str(bad_date)


def test_directories_are_walked_and_unknown_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    sources = [Path(d.source).name for d in read_paths([tmp_path])]
    assert sources == ["a.txt", "b.txt"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    (err,) = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(err, InputError) and "S008" in str(err)
