"""Read articles from plain-text files, HTML pages, JSON Lines, WARC archives and feeds.

Readers never raise for a bad input: they yield an `InputError` naming the file
(and line) instead, so one broken file never stops a batch.

Besides files and directories, a path may be a glob pattern (expanded here, for
shells that do not), `-` for standard input (its format is sniffed from its first
bytes) or an http(s) address (a feed or a page, fetched by `sagte.ingest.fetch`).
WARC archives are read by `sagte.ingest.warc`, RSS/Atom feeds by `sagte.ingest.feeds`.
"""

from __future__ import annotations

import glob
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from sagte.errors import Errors, InputError
from sagte.ingest.dates import parse_date
from sagte.ingest.model import RawDocument
from sagte.ingest.sniff import (
    GLOB,
    HEAD_BYTES,
    codec_of,
    is_url,
    looks_like_feed,
    meta_charset,
    sniff,
)

logger = logging.getLogger(__name__)

# One article is a few kB; 10 MB is a book. Larger single files are refused
# rather than read into memory (JSON Lines files are streamed and have no limit).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

# Fewer words than this from a page's main content is a menu or a teaser, not an article.
MIN_HTML_WORDS = 5

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
# .xml is a feed only when its root element says so (see `_wanted`).
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# Matched against the whole name: ".gz" alone says nothing about what is inside.
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

# The path that means standard input, and the source name of what is read from it.
STDIN = "-"
STDIN_SOURCE = "<stdin>"

# The crawl header of the seed articles: "date 2022-03" before the first word.
HEADER = re.compile(
    r"""\A\s*
    date[ \t]+(?P<date>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)   # date 2022-03 | date 2022-03-24
    [ \t]*(?:\r?\n)?[ \t]*""",
    re.VERBOSE | re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str | InputError]:
    """Expand files, directories (recursively, sorted) and glob patterns into what to read.

    A pattern such as `news/**/*.html` or `archive/*.warc.gz` (`**` spans any
    number of folders) is expanded like a directory: sorted, hidden files and
    unknown types left out. `-` (standard input) and http(s) addresses are passed
    through as strings, unread; `read_file` reads them.
    """
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN or is_url(name):
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif GLOB.search(name):
            yield from _expand(name)
        else:
            yield InputError(Errors.S008, str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawDocument | InputError]:
    """Read every article under `paths`; bad inputs come out as `InputError` values."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path | str) -> Iterator[RawDocument | InputError]:
    """The articles of one file, of standard input (`-`) or of an http(s) address.

    Pass addresses as `str`: a `Path` collapses the `//` of `https://`.
    """
    kind = _kind(path)
    if kind == "stdin":
        yield from read_stdin()
        return
    if kind == "url":
        from sagte.ingest.fetch import read_url

        yield from read_url(str(path))
        return
    path = Path(path)
    if kind is None:
        yield InputError(Errors.S009.format(suffix=path.suffix), str(path))
    elif kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "warc":
        from sagte.ingest.warc import read_warc  # warcio is only needed for archives

        yield from read_warc(path)
    elif kind == "feed":
        from sagte.ingest.feeds import read_feed_file  # feedparser likewise

        yield from read_feed_file(path)
    else:
        try:
            data = _read_limited(path)
            yield read_html(data, str(path)) if kind == "html" else read_text(data, str(path))
        except InputError as err:
            yield err


def read_text(data: bytes, source: str) -> RawDocument:
    """A plain-text article with an optional `date YYYY[-MM[-DD]]` header."""
    text, encoding = decode(data, source)
    header = HEADER.match(text)
    published, body_start = None, 0
    if header:
        try:
            published = parse_date(header.group("date"))
            body_start = header.end()
        except ValueError:
            logger.warning("%s: header date %r is not a date; kept as text", source, header["date"])
    if not text[body_start:].strip():
        raise InputError(Errors.S002, source)
    return RawDocument(
        source=source,
        raw=text,
        format="text",
        body_start=body_start,
        published=published,
        encoding=encoding,
    )


def read_html(
    data: bytes, source: str, url: str | None = None, charset: str | None = None
) -> RawDocument:
    """The main text and metadata of a web page, extracted by trafilatura.

    Every web page goes through here: HTML files, WARC records, pages fetched from
    an address, feed entries that carry a whole page.

    Args:
        data: the page as served.
        source: names the page in errors and in `RawDocument.source`.
        url: where the page was served from, if known.
        charset: the charset of the HTTP Content-Type header, if any; without it,
            the page's own <meta charset>. `decode` tries it right after UTF-8.
    Raises:
        InputError: the page cannot be decoded (S001, S002, S003) or has no main
            text (S005).
    """
    import trafilatura  # slow to import; only HTML needs it

    html, encoding = decode(data, source, declared=charset or meta_charset(data))
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    page: dict[str, Any] = {}
    if result is not None:
        page = result if isinstance(result, dict) else result.as_dict()
    main_text: str = page.get("text") or ""
    if len(main_text.split()) < MIN_HTML_WORDS:
        raise InputError(Errors.S005, source)
    # trafilatura puts one paragraph on each line; our text files separate
    # paragraphs by blank lines and treat single newlines as hard wraps.
    text = "\n\n".join(line.strip() for line in main_text.splitlines() if line.strip())
    try:
        published = parse_date(page.get("date"))
    except ValueError:
        published = None
    return RawDocument(
        source=source,
        raw=text,
        format="html",
        title=page.get("title"),
        url=page.get("url") or url,
        outlet=page.get("sitename") or page.get("hostname"),
        author=page.get("author"),
        published=published,
        encoding=encoding,
    )


def read_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """One article per line; `text` is required. Streamed, so any size works."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(f"[S008] {err.strerror}", source)
        return
    with handle:
        yield from _jsonl_lines(handle, source)


def _jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[RawDocument | InputError]:
    """The records of JSON Lines read from a file or a stream."""
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _jsonl_record(line, source, number)
        except InputError as err:
            yield err
    if not seen_any:
        yield InputError(Errors.S002, source)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[RawDocument | InputError]:
    """Read standard input (or `stream`), its format sniffed from its first bytes.

    JSON Lines if the first non-blank character is `{`, a WARC archive if it starts
    with `WARC/` (or is gzip-compressed), a feed if its root element is rss/feed/RDF,
    a web page if it starts with `<` and has HTML tags, plain text otherwise. JSON
    Lines and WARC are streamed; a single page or text is held to MAX_ARTICLE_BYTES.
    Sources are named `<stdin>` (`<stdin>:LINE`, `<stdin>#OFFSET`).
    """
    if stream is None:
        buffer = getattr(sys.stdin, "buffer", None)
        # A text stream without a byte buffer (a test's StringIO) is small: encode it.
        stream = buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))
    head = _head(stream)
    kind = sniff(head)
    joined = io.BufferedReader(_Prefixed(head, stream))
    logger.info("%s: read as %s", STDIN_SOURCE, kind)
    if kind == "jsonl":
        yield from _jsonl_lines(joined, STDIN_SOURCE)
        return
    if kind == "warc":
        from sagte.ingest.warc import read_warc_stream

        yield from read_warc_stream(joined, STDIN_SOURCE)
        return
    data = joined.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        size = len(data) + sum(map(len, iter(lambda: joined.read(1 << 16), b"")))
        yield InputError(Errors.S004.format(size=size, limit=MAX_ARTICLE_BYTES), STDIN_SOURCE)
        return
    if kind == "feed":
        from sagte.ingest.feeds import read_feed

        yield from read_feed(data, STDIN_SOURCE)
        return
    try:
        yield read_html(data, STDIN_SOURCE) if kind == "html" else read_text(data, STDIN_SOURCE)
    except InputError as err:
        yield err


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a stream: HEAD_BYTES past any leading blanks, unless it ends first."""
    head = b""
    while len(head.lstrip()) < HEAD_BYTES and len(head) < MAX_ARTICLE_BYTES:
        chunk = stream.read1(HEAD_BYTES) if hasattr(stream, "read1") else stream.read(HEAD_BYTES)
        if not chunk:
            break
        head += chunk
    return head


class _Prefixed(io.RawIOBase):
    """A stream that gives bytes already read (the sniffed head), then the rest of another."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        rest = self._rest
        data = rest.read1(len(buffer)) if hasattr(rest, "read1") else rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _jsonl_record(line: bytes, source: str, number: int) -> RawDocument:
    where = f"{source}:{number}"
    if len(line) > MAX_ARTICLE_BYTES:
        raise InputError(Errors.S004.format(size=len(line), limit=MAX_ARTICLE_BYTES), where)
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        reason = err.msg if isinstance(err, json.JSONDecodeError) else "not UTF-8"
        raise InputError(Errors.S006.format(line=number, reason=reason), source) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(Errors.S007.format(line=number), source)
    if not record["text"].strip():
        raise InputError(Errors.S002, where)
    try:
        published = parse_date(_str_or_none(record.get("published")))
    except ValueError:
        raise InputError(
            Errors.S010.format(line=number, value=record.get("published")), source
        ) from None
    url = _str_or_none(record.get("url"))
    outlet = _str_or_none(record.get("outlet")) or (_host(url) if url else None)
    return RawDocument(
        source=where,
        raw=record["text"],
        format="jsonl",
        title=_str_or_none(record.get("title")),
        url=url,
        outlet=outlet,
        author=_str_or_none(record.get("author")),
        published=published,
        external_id=_str_or_none(record.get("id")),
    )


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes as UTF-8, else the declared charset, Windows-1252/Latin-1, or the detected one.

    `declared` is a charset label the source names (an HTTP header, a <meta> tag).
    It is tried after UTF-8: bytes that are valid UTF-8 are nearly never meant as
    anything else, and pages declaring ISO-8859-1 while serving UTF-8 are common.

    Raises:
        InputError: binary data, an empty file, or no encoding fits.
    """
    if not data.strip():
        raise InputError(Errors.S002, source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:65536]:
        raise InputError(Errors.S001, source)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # German text that is not UTF-8 is nearly always Windows-1252 (Latin-1 plus
    # „“ and €). Detection on short texts often guesses a Central European code
    # page instead, so try 1252 first and fall back to detection.
    candidates: list[str] = ["cp1252", "latin-1"]
    codec = codec_of(declared)
    if codec and codec != "utf-8":
        candidates.insert(0, codec)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            candidates.append(best.encoding)
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    raise InputError(Errors.S003, source)


def _plausible(text: str) -> bool:
    """Text, not binary: few control characters, mostly letters and spaces."""
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > len(sample) / 200:
        return False
    wordish = sum(ch.isalpha() or ch.isspace() for ch in sample)
    return wordish >= 0.6 * len(sample)


def _read_limited(path: Path) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(Errors.S004.format(size=size, limit=MAX_ARTICLE_BYTES), source)
        if size == 0:
            raise InputError(Errors.S002, source)
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"[S008] {err.strerror}", source) from None


def _walk(directory: Path) -> Iterator[Path]:
    """The files to read under a directory, sorted."""
    for child in sorted(directory.rglob("*")):
        if child.is_file() and _wanted(child):
            yield child


def _expand(pattern: str) -> Iterator[Path | InputError]:
    """The files a glob pattern names, or S029 when there are none."""
    files: set[Path] = set()
    walked: set[Path] = set()
    for match in sorted(map(Path, glob.glob(pattern, recursive=True))):  # parents first
        if match.is_dir():
            # "news/**" matches every folder below news; walk each tree once.
            if not walked.intersection(match.parents):
                walked.add(match)
                files.update(_walk(match))
        elif match.is_file() and _wanted(match):
            files.add(match)
    if not files:
        yield InputError(Errors.S029, pattern)
    yield from sorted(files)


def _wanted(path: Path) -> bool:
    """A file a directory walk or a pattern reads: not hidden, of a known type, a feed if .xml."""
    if path.name.startswith(".") or _kind(path) is None:
        return False
    if path.suffix.lower() != ".xml":
        return True
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(HEAD_BYTES))
    except OSError:
        return True  # read_file reports why it cannot be read


def _kind(path: Path | str) -> str | None:
    name = os.fspath(path)
    if name == STDIN:
        return "stdin"
    if is_url(name):
        return "url"
    path = Path(name)
    if path.name.lower().endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _host(url: str) -> str | None:
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None
