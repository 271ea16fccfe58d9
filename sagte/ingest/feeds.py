"""Articles out of RSS and Atom feeds, parsed by feedparser.

An entry with full content (`content:encoded` in RSS, `<content>` in Atom) becomes
an article. An entry with only a summary (the teaser most news feeds carry) becomes
one flagged `summary_only`, its summary as text, so that its address is kept and
nothing pretends the teaser is the article. Entries are named `FEED#N` (N from 1).

Content is an HTML fragment, already cleaned by feedparser; its text is taken
as is (`fragment_text`). A whole page in the content goes through `read_html`,
the extraction every web page gets.

>>> for doc in read_feed_file(Path("stadtbote.rss")):  # doctest: +SKIP
...     print(doc.source, doc.url, doc.published.value, doc.summary_only)
stadtbote.rss#1 https://www.stadtbote.de/bahn 2023-04-19T14:30:00+02:00 False
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sagte.errors import Errors, InputError
from sagte.ingest.dates import PublishedDate, parse_date
from sagte.ingest.model import RawDocument
from sagte.ingest.readers import _host, _str_or_none, read_html
from sagte.ingest.sniff import is_url

logger = logging.getLogger(__name__)

# A feed is parsed whole, unlike JSON Lines; one with the full text of a few
# hundred articles is a few MB, so this only stops what is not a news feed.
MAX_FEED_BYTES = 50 * 1024 * 1024

# Elements whose text is not article text: code, captions ("Foto: dpa"), embeds,
# "Lesen Sie auch" boxes, navigation and footers some feeds put into the content.
DROPPED_ELEMENTS = (
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "form", "button", "figure", "figcaption", "aside", "nav", "footer",
)  # fmt: skip
# Elements that start and end a paragraph.
BLOCK_ELEMENTS = (
    "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol",
    "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
)  # fmt: skip

# Content that is a whole page, not a fragment: it needs the page extraction.
WHOLE_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_TAG = re.compile(r"<[^>]*>")


def read_feed_file(path: Path) -> Iterator[RawDocument | InputError]:
    """The entries of an RSS or Atom file (see `read_feed`)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            yield InputError(Errors.S004.format(size=size, limit=MAX_FEED_BYTES), source)
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(f"[S008] {err.strerror}", source)
        return
    yield from read_feed(data, source)


def read_feed(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    crawled: PublishedDate | None = None,
    content_type: str | None = None,
) -> Iterator[RawDocument | InputError]:
    """The entries of an RSS (0.9x, 1.0, 2.0) or Atom feed, one `RawDocument` each.

    Args:
        data: the feed as read or served.
        source: names the feed; entries are `SOURCE#N`.
        url: the address the feed was fetched from (resolves relative links).
        crawled: when it was fetched, copied to every entry.
        content_type: the HTTP Content-Type it was served with (its charset counts).
    Returns:
        For each entry a `RawDocument` (format "feed"): title, link → url,
        published (else updated) → published, author, guid → external_id, outlet
        from the link's host (else the feed title), `extra` with `feed_title`,
        `feed_link` and `feed_url`. An entry without any text is S034; input that
        is not a feed is S032.
    """
    import feedparser  # only feeds need it

    if not data.strip():
        yield InputError(Errors.S002, source)
        return
    headers = {
        key: value
        for key, value in (("content-location", url), ("content-type", content_type))
        if value
    }
    # Not sanitised: only text is taken from the HTML, never shown as HTML, and the
    # sanitiser strips <html>/<body> (which tell a whole page from a fragment) but
    # keeps the text of <title>.
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = " ".join(str(problem).split()) if problem else "no rss, feed or RDF root element"
        yield InputError(Errors.S032.format(reason=reason), source)
        return
    if parsed.get("bozo"):
        logger.warning(
            "%s: feed is not well-formed (%s); read what could be parsed",
            source,
            parsed.get("bozo_exception"),
        )
    feed = parsed.feed
    extra = {
        key: value
        for key, value in (
            ("feed_title", feed.get("title")),
            ("feed_link", feed.get("link")),
            ("feed_url", url),
        )
        if value
    }
    if not parsed.entries:
        logger.info("%s: the feed has no entries", source)
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry(entry, f"{source}#{number}", extra, crawled)


def _entry(
    entry: Any, where: str, extra: dict[str, str], crawled: PublishedDate | None
) -> RawDocument | InputError:
    link = _str_or_none(entry.get("link"))
    if link and not is_url(link):
        link = None  # feedparser falls back to an Atom id such as urn:uuid:…
    text, summary_only = _entry_text(entry, where, link)
    if not text:
        return InputError(Errors.S034, f"{where} ({link})" if link else where)
    author = (entry.get("author_detail") or {}).get("name") or entry.get("author")
    return RawDocument(
        source=where,
        raw=text,
        format="feed",
        title=_str_or_none(entry.get("title")),
        url=link,
        outlet=(_host(link) if link else None) or extra.get("feed_title"),
        author=_str_or_none(author),
        published=_date(entry),
        external_id=_str_or_none(entry.get("id")),
        extra=dict(extra),
        crawled=crawled,
        summary_only=summary_only,
    )


def _entry_text(entry: Any, where: str, link: str | None) -> tuple[str, bool]:
    """The entry's text and whether it is only the summary."""
    # Atom allows several alternative <content>s; the longest is the article.
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _text(best["value"], best.get("type"), where, link), False
    detail = entry.get("summary_detail") or {}
    return _text(entry.get("summary") or "", detail.get("type"), where, link), True


def _text(value: str, kind: str | None, where: str, link: str | None) -> str:
    if kind == "text/plain":
        return value.strip()
    if WHOLE_PAGE.search(value):
        try:
            return read_html(value.encode("utf-8"), where, url=link).raw
        except InputError:
            pass  # no main text found: take all of it
    return fragment_text(value)


def fragment_text(html: str) -> str:
    """The text of an HTML fragment: one paragraph per block, blank lines between.

    Captions, embeds, scripts and boxes (`DROPPED_ELEMENTS`) are left out; runs of
    spaces and single line breaks become one space.
    """
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(_TAG.sub(" ", html))
    for element in list(root.iter(*DROPPED_ELEMENTS)):
        element.drop_tree()
    for element in root.iter(*BLOCK_ELEMENTS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")  # two <br> in a row end a paragraph
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    parts = (" ".join(part.split()) for part in _BLANK_LINE.split(text))
    return "\n\n".join(part for part in parts if part)


def _date(entry: Any) -> PublishedDate | None:
    """When the entry was published, else updated: ISO 8601 (Atom) or RFC 822 (RSS)."""
    for key in ("published", "updated"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return parse_date(value)
        except ValueError:
            pass
        try:
            return parse_date(parsedate_to_datetime(value).isoformat())
        except (TypeError, ValueError):
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading of other forms, in UTC
        if parsed:
            stamp = datetime(*parsed[:6]).replace(tzinfo=UTC)
            return PublishedDate(stamp.isoformat(), "datetime")
        logger.debug("%r is not a date", value)
    return None
