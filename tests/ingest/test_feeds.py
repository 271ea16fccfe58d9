"""Articles out of RSS and Atom feeds, from files and (canned) http responses."""

from __future__ import annotations

import io
from collections.abc import Callable
from email.message import Message
from pathlib import Path
from urllib.error import HTTPError
from urllib.response import addinfourl

import pytest

from sagte.errors import InputError
from sagte.ingest import PublishedDate, RawDocument, read_paths
from sagte.ingest import fetch as fetch_module
from sagte.ingest.feeds import fragment_text, read_feed

FEUERWEHR = (
    "<p>Bei einem Brand in einer Lagerhalle im Lindenauer Gewerbegebiet ist am Sonntagabend "
    "ein Schaden von mehreren Hunderttausend Euro entstanden.</p>"
    "<figure><img src='halle.jpg'><figcaption>Foto: Feuerwehr Lindenau</figcaption></figure>"
    "<p>„Der Brand war schnell unter Kontrolle“, sagte Einsatzleiter Thomas Berger. "
    "Verletzt wurde niemand.</p>"
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Lindenauer Anzeiger</title>
  <link>https://www.lindenauer-anzeiger.de/</link>
  <description>Nachrichten aus Lindenau</description>
  <item>
    <title>Großbrand im Gewerbegebiet</title>
    <link>https://www.lindenauer-anzeiger.de/lokales/brand</link>
    <guid isPermaLink="false">la-2023-0412</guid>
    <pubDate>Sun, 16 Apr 2023 21:40:00 +0200</pubDate>
    <dc:creator>Sabine Roth</dc:creator>
    <description>Lagerhalle brennt nieder – niemand verletzt.</description>
    <content:encoded><![CDATA[{FEUERWEHR}]]></content:encoded>
  </item>
  <item>
    <title>Kita-Gebühren steigen</title>
    <link>https://www.lindenauer-anzeiger.de/lokales/kita</link>
    <pubDate>Mon, 17 Apr 2023 07:00:00 GMT</pubDate>
    <description>&lt;p&gt;Ab August zahlen Eltern in Lindenau mehr. „Wir hatten keine Wahl“, sagt die Stadt.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Nur eine Überschrift</title>
    <link>https://www.lindenauer-anzeiger.de/lokales/leer</link>
  </item>
</channel>
</rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wellinger Rundschau</title>
  <link href="https://rundschau.example/"/>
  <id>urn:uuid:0b8a43e2-rundschau</id>
  <updated>2023-04-21T10:00:00+02:00</updated>
  <entry>
    <title>Neue Buslinie nach Hallberg</title>
    <link href="https://rundschau.example/verkehr/buslinie"/>
    <id>urn:uuid:buslinie</id>
    <published>2023-04-20</published>
    <updated>2023-04-21T10:00:00+02:00</updated>
    <author><name>Karl Muster</name></author>
    <summary>Ab Mai fährt ein Bus stündlich.</summary>
    <content type="html">&lt;p&gt;Ab Mai fährt die Linie 42 stündlich von Wellingen nach Hallberg.&lt;/p&gt;&lt;p&gt;„Damit schließen wir eine Lücke“, sagte Landrätin Ute Krämer bei der Vorstellung.&lt;br&gt;&lt;br&gt;Die Fahrt dauert 35 Minuten.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Marktplatz wird umgebaut</title>
    <link href="https://rundschau.example/lokales/marktplatz"/>
    <id>urn:uuid:marktplatz</id>
    <updated>2023-04-21T11:00:00+02:00</updated>
    <summary>Die Bauarbeiten auf dem Marktplatz beginnen im Juni.</summary>
  </entry>
  <entry>
    <title>Wetter</title>
    <id>urn:uuid:wetter</id>
    <updated>2023-04-21T12:00:00+02:00</updated>
    <content type="text">Sonnig bei 18 Grad &lt; morgen Regen.</content>
  </entry>
</feed>"""


def split(items: list[RawDocument | InputError]) -> tuple[list[RawDocument], list[InputError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, InputError)]


def test_feeds_rss_full_content_summary_only_and_empty_entries(tmp_path: Path) -> None:
    path = tmp_path / "anzeiger.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = split(list(read_paths([path])))
    brand, kita = docs
    assert brand.format == "feed" and brand.source == f"{path}#1"
    assert brand.title == "Großbrand im Gewerbegebiet"
    assert brand.url == "https://www.lindenauer-anzeiger.de/lokales/brand"
    assert brand.outlet == "lindenauer-anzeiger.de"
    assert brand.author == "Sabine Roth"
    assert brand.external_id == "la-2023-0412"
    assert brand.published == PublishedDate("2023-04-16T21:40:00+02:00", "datetime")
    assert brand.crawled is None  # read from a file, not fetched
    assert not brand.summary_only
    assert brand.raw.split("\n\n") == [
        "Bei einem Brand in einer Lagerhalle im Lindenauer Gewerbegebiet ist am Sonntagabend "
        "ein Schaden von mehreren Hunderttausend Euro entstanden.",
        "„Der Brand war schnell unter Kontrolle“, sagte Einsatzleiter Thomas Berger. "
        "Verletzt wurde niemand.",
    ]
    assert brand.extra == {
        "feed_title": "Lindenauer Anzeiger",
        "feed_link": "https://www.lindenauer-anzeiger.de/",
    }
    assert kita.summary_only and kita.url == "https://www.lindenauer-anzeiger.de/lokales/kita"
    assert (
        kita.raw
        == "Ab August zahlen Eltern in Lindenau mehr. „Wir hatten keine Wahl“, sagt die Stadt."
    )
    assert kita.published == PublishedDate("2023-04-17T07:00:00+00:00", "datetime")
    (empty,) = errors
    assert "S034" in str(empty)
    assert empty.source == f"{path}#3 (https://www.lindenauer-anzeiger.de/lokales/leer)"


@pytest.mark.parametrize("name", ["rundschau.atom", "rundschau.xml"])
def test_feeds_atom_from_atom_and_xml_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    docs, errors = split(list(read_paths([path])))
    assert not errors
    bus, markt, wetter = docs
    assert bus.raw.split("\n\n") == [
        "Ab Mai fährt die Linie 42 stündlich von Wellingen nach Hallberg.",
        "„Damit schließen wir eine Lücke“, sagte Landrätin Ute Krämer bei der Vorstellung.",
        "Die Fahrt dauert 35 Minuten.",
    ]
    assert bus.published == PublishedDate("2023-04-20", "day")  # published before updated
    assert bus.author == "Karl Muster" and bus.outlet == "rundschau.example"
    assert not bus.summary_only
    assert (
        markt.summary_only and markt.raw == "Die Bauarbeiten auf dem Marktplatz beginnen im Juni."
    )
    assert markt.published == PublishedDate("2023-04-21T11:00:00+02:00", "datetime")
    assert wetter.raw == "Sonnig bei 18 Grad < morgen Regen."  # text content is not HTML
    assert wetter.url is None and wetter.outlet == "Wellinger Rundschau"  # no link: the feed title


def test_feeds_xml_that_is_no_feed(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://rundschau.example/</loc></url></urlset>'
    )
    (err,) = read_paths([sitemap])
    assert isinstance(err, InputError) and "S032" in str(err) and str(sitemap) in str(err)
    # a directory walk leaves it out without a message, and still finds the feed
    (tmp_path / "rundschau.xml").write_text(ATOM, encoding="utf-8")
    docs, errors = split(list(read_paths([tmp_path])))
    assert docs and not errors
    assert {Path(d.source.partition("#")[0]).name for d in docs} == {"rundschau.xml"}


def test_feeds_rss_file_with_other_content_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notiz.rss"
    path.write_text("Das ist kein Feed, nur eine Notiz.", encoding="utf-8")
    (err,) = read_paths([path])
    assert isinstance(err, InputError) and "S032" in str(err)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Erster Absatz.</p><p>Zweiter Absatz.</p>", "Erster Absatz.\n\nZweiter Absatz."),
        ("Einleitung<p>Absatz</p>Schluss", "Einleitung\n\nAbsatz\n\nSchluss"),
        ("Zeile eins<br>Zeile zwei<br><br>Neuer Absatz", "Zeile eins Zeile zwei\n\nNeuer Absatz"),
        ("<p>Text <b>fett</b> und <a href='x'>Link</a>.</p>", "Text fett und Link."),
        ("<p>A</p><figure><img src=x><figcaption>Foto: dpa</figcaption></figure>", "A"),
        ("<p>A</p><aside>Lesen Sie auch: B</aside><script>var c;</script>", "A"),
        ("<p>Straße&nbsp;&amp;&nbsp;Platz &bdquo;Zitat&ldquo;</p>", "Straße & Platz „Zitat“"),
        ("<ul><li>eins</li><li>zwei</li></ul>", "eins\n\nzwei"),
        ("   ", ""),
    ],
)
def test_feeds_fragment_text(html: str, expected: str) -> None:
    assert fragment_text(html) == expected


def test_feeds_entry_with_a_whole_page_goes_through_page_extraction() -> None:
    page = (
        "<html><body><nav>Start Politik Sport Kultur</nav><article><p>"
        "„Wir bauen die Brücke neu“, sagte Baudezernentin Lena Vogt am Mittwoch in Wellingen. "
        "Die Arbeiten dauern zwei Jahre.</p></article><footer>Impressum</footer></body></html>"
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>R</title>'
        "<item><title>Brücke</title><link>https://rundschau.example/bruecke</link>"
        f"<content:encoded><![CDATA[{page}]]></content:encoded></item></channel></rss>"
    )
    (doc,) = read_feed(rss.encode(), "r.rss")
    assert isinstance(doc, RawDocument)
    assert "Lena Vogt" in doc.raw and "Impressum" not in doc.raw and "Politik" not in doc.raw


# -- feeds at an address (canned responses: tests never touch the network) ----


def canned(body: bytes, content_type: str, url: str) -> Callable[[object, float], addinfourl]:
    def fake_urlopen(request: object, timeout: float) -> addinfourl:
        headers = Message()
        headers["Content-Type"] = content_type
        return addinfourl(io.BytesIO(body), headers, url, code=200)

    return fake_urlopen


def test_feeds_from_an_address_carry_the_fetch_time(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://www.lindenauer-anzeiger.de/feed.rss"
    monkeypatch.setattr(
        fetch_module, "urlopen", canned(RSS.encode(), "application/rss+xml; charset=utf-8", url)
    )
    docs, errors = split(list(read_paths([url])))
    assert len(docs) == 2 and len(errors) == 1
    brand = docs[0]
    assert brand.source == f"{url}#1"
    assert brand.crawled is not None and brand.crawled.precision == "datetime"
    assert brand.crawled.value.endswith("+00:00")
    assert brand.published == PublishedDate("2023-04-16T21:40:00+02:00", "datetime")
    assert brand.extra["feed_url"] == url


def test_feeds_an_address_serving_a_page_reads_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://rundschau.example/verkehr/buslinie"
    html = (
        "<html><head><title>Buslinie</title></head><body><article><p>Ab Mai fährt die Linie "
        "42 stündlich. „Damit schließen wir eine Lücke“, sagte Landrätin Ute Krämer.</p>"
        "</article></body></html>"
    )
    monkeypatch.setattr(fetch_module, "urlopen", canned(html.encode("utf-8"), "text/html", url))
    (doc,) = read_paths([url])
    assert isinstance(doc, RawDocument) and doc.format == "html"
    assert "Ute Krämer" in doc.raw and doc.url == url and doc.crawled is not None


def test_feeds_address_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://rundschau.example/gibtsnicht.rss"

    def not_found(request: object, timeout: float) -> addinfourl:
        raise HTTPError(url, 404, "Not Found", Message(), None)

    monkeypatch.setattr(fetch_module, "urlopen", not_found)
    (err,) = read_paths([url])
    assert isinstance(err, InputError) and "S033" in str(err) and "HTTP 404" in str(err)
    assert err.source == url
    monkeypatch.setattr(fetch_module, "urlopen", canned(b"\x89PNG\x00\x00", "image/png", url))
    (err,) = read_paths([url])
    assert isinstance(err, InputError) and "S032" in str(err) and "image/png" in str(err)
