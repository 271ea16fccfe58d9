"""Web pages out of WARC (and ARC) archives, read with warcio, one record at a time.

Only HTML pages become articles: `response` records with HTTP status 200 and type
text/html or application/xhtml+xml. Requests, metadata, redirects, images and
errors are skipped without a message (the debug log counts them). Each page goes
through `read_html`, the extraction every web page gets; its address, crawl time
and record id are kept.

A record is named `FILE#OFFSET` (the byte where it starts), so a message points at
the record and a part of the file can be read on its own (`read_warc(offset=…)`,
`record_offsets`). Archives are streamed: one page at a time is in memory.

>>> for doc in read_warc(Path("crawl.warc.gz")):  # doctest: +SKIP
...     print(doc.source, doc.url, doc.crawled, doc.published)
crawl.warc.gz#0 https://www.example.de/a PublishedDate(value='2023-04-20T08:15:00+00:00', …) …
"""

from __future__ import annotations

import dataclasses
import logging
import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO

from sagte.errors import Errors, InputError
from sagte.ingest.dates import PublishedDate, parse_date
from sagte.ingest.model import RawDocument
from sagte.ingest.readers import MAX_ARTICLE_BYTES, _host, read_html

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ARC_SUFFIXES = (".arc", ".arc.gz")

# How much of warcio's message a S030 shows: its messages run over several lines.
_REASON_CHARS = 160


def read_warc(
    path: Path, offset: int = 0, count: int | None = None, first: int = 1
) -> Iterator[RawDocument | InputError]:
    """The web pages of a WARC or ARC file (plain or gzip-compressed).

    Args:
        path: the archive; `.arc`/`.arc.gz` are read as ARC.
        offset: the byte where reading starts, a record's start (`record_offsets`).
        count: read this many records (of any type), or to the end of the file.
        first: the number of the first record read, counted from 1, for messages.
    Returns:
        A `RawDocument` (format "warc") for each HTML page, an `InputError` for each
        page without article text (S005, with its address) and one for a broken or
        truncated archive (S030), after which reading stops. An archive without any
        page gives S031 when read whole.
    """
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(f"[S008] {err.strerror}", source)
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            yield InputError(Errors.S002, source)
            return
        handle.seek(offset)
        yield from _read(
            handle,
            source,
            lambda: size,
            arc=_is_arc(path),
            count=count,
            first=first,
            at_start=offset == 0,
        )


def read_warc_stream(stream: BinaryIO, source: str) -> Iterator[RawDocument | InputError]:
    """The web pages of a WARC archive read from a stream (standard input), like `read_warc`."""
    counted = _Counted(stream)
    yield from _read(counted, source, counted.total, arc=False, count=None, first=1, at_start=True)


def record_offsets(path: Path) -> Iterator[int]:
    """The byte offsets where the records of an archive start, to cut it into parts.

    Reads the file once without parsing pages. A broken or truncated archive ends
    the list; the offset where the damage starts comes last, so that whoever reads
    from there gets the S030 message.
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        handle = path.open("rb")
    except OSError:
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        iterator = ArchiveIterator(handle, arc2warc=_is_arc(path), no_record_parse=True)
        last = -1
        try:
            for _record in iterator:
                last = iterator.get_record_offset()
                yield last
        except Exception:  # any damage ends the list; read_warc names it
            pass
        # `offset` is where the record after the last whole one starts.
        if iterator.offset != last and iterator.offset < size:
            yield iterator.offset


def _read(
    stream: Any,
    source: str,
    total: Callable[[], int],
    *,
    arc: bool,
    count: int | None,
    first: int,
    at_start: bool,
) -> Iterator[RawDocument | InputError]:
    """Read records from where `stream` stands; `total()` is the length of the whole input."""
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(stream, arc2warc=arc)
    records = iter(iterator)
    seen = pages = 0
    skipped: Counter[str] = Counter()
    while count is None or seen < count:
        # warcio raises anything from ArchiveLoadFailed to AttributeError and
        # zlib.error on damaged input; none of it may stop the batch.
        try:
            record = next(records, None)
            if record is None:
                break
            skip = _skip_reason(record)
            body = b"" if skip else _read_body(record)
            iterator.read_to_end()
            start = iterator.get_record_offset()
            damage = _damage(record, arc)
        except Exception as err:  # see above
            damage = f"at byte {iterator.offset}: {_reason(err)}"
        if damage:
            yield InputError(Errors.S030.format(records=first - 1 + seen, reason=damage), source)
            return
        seen += 1
        if skip:
            skipped[skip] += 1
            continue
        pages += 1
        yield _page(record, body, f"{source}#{start}", source, start)
    end, size = iterator.offset, total()
    if (count is None or seen < count) and end < size:
        damage = f"the file ends inside a record at byte {end} of {size}"
        yield InputError(Errors.S030.format(records=first - 1 + seen, reason=damage), source)
        return
    if count is not None and seen < count:  # planned from a longer file (sagte.ingest.units)
        yield InputError(Errors.S040.format(found=seen, expected=count), source)
        return
    if skipped:
        logger.debug("%s: %d pages, skipped %s", source, pages, dict(skipped))
    if at_start and end >= size and not pages:  # the whole archive, not a part of it
        yield InputError(Errors.S031.format(records=seen), source)


def _page(record: Any, body: bytes, ref: str, source: str, start: int) -> RawDocument | InputError:
    """One HTML response record through the extraction of every web page."""
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    if len(body) > MAX_ARTICLE_BYTES:
        size = max(len(body), record.length or 0)  # the record's length, HTTP headers included
        return InputError(Errors.S004.format(size=size, limit=MAX_ARTICLE_BYTES), ref)
    try:
        doc = read_html(body, ref, url=url, charset=_charset(record))
    except InputError as err:
        return InputError(err.args[0], f"{ref} ({url})" if url else ref)
    return dataclasses.replace(
        doc,
        format="warc",
        url=url or doc.url,
        outlet=(_host(url) if url else None) or doc.outlet,
        crawled=_date(headers.get_header("WARC-Date")),
        extra={
            "warc_file": source,
            "warc_offset": start,
            "warc_record_id": headers.get_header("WARC-Record-ID"),
        },
    )


def _skip_reason(record: Any) -> str | None:
    """Why a record is not a page to read (a key for the debug log), or None."""
    if record.rec_type != "response":
        return f"{record.rec_type} records"
    http = record.http_headers
    if http is None:
        return "responses without HTTP headers"
    status = http.get_statuscode()
    if status != "200":
        return f"status {status}"
    kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if kind in HTML_TYPES else f"type {kind or 'unknown'}"


def _read_body(record: Any) -> bytes:
    """The page as served (transfer and content encodings undone), at most one byte too many."""
    stream = record.content_stream()
    parts: list[bytes] = []
    size = 0
    while size <= MAX_ARTICLE_BYTES:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _damage(record: Any, arc: bool) -> str | None:
    """What shows that a record is not a whole WARC record, or None."""
    if not arc and record.format != "warc":  # warcio reads any line of words as an ARC header
        return "not a WARC record: is this a WARC file?"
    if record.rec_headers.get_header("Content-Length") is None:
        return "a record header is cut short (no Content-Length)"
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return f"a record is {missing} bytes short"
    return None


def _charset(record: Any) -> str | None:
    """The charset parameter of the page's HTTP Content-Type."""
    value = record.http_headers.get_header("Content-Type")
    if not value:
        return None
    message = Message()
    message["Content-Type"] = value
    return message.get_content_charset()


def _date(value: str | None) -> PublishedDate | None:
    try:
        return parse_date(value)
    except ValueError:
        logger.debug("WARC-Date %r is not a date", value)
        return None


def _reason(err: Exception) -> str:
    """What went wrong, on one short line."""
    from warcio.exceptions import ArchiveLoadFailed

    text = " ".join(str(err).split())
    if "non-chunked gzip" in text:
        return "its records are not compressed one by one; fix: warcio recompress FILE NEW_FILE"
    if isinstance(err, zlib.error):
        return f"bad gzip data: {text}"[:_REASON_CHARS]
    if isinstance(err, ArchiveLoadFailed) and text:
        return text[:_REASON_CHARS]
    # Anything else (AttributeError, ValueError, …) is warcio tripping over a cut record.
    return f"unreadable record ({type(err).__name__})"


def _is_arc(path: Path) -> bool:
    return path.name.lower().endswith(ARC_SUFFIXES)


class _Counted:
    """A stream that counts the bytes it gives, so its length is known at its end."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count

    def total(self) -> int:
        """Read what is left (nothing, for a whole archive) and return the length."""
        while self.read(1 << 16):
            pass
        return self.count
