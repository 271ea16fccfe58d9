"""Read articles from plain-text files, HTML pages and JSON Lines.

Readers never raise for a bad input: they yield an `InputError` naming the file
(and line) instead, so one broken file never stops a batch.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sagte.errors import Errors, InputError
from sagte.ingest.dates import parse_date
from sagte.ingest.model import RawDocument

logger = logging.getLogger(__name__)

# One article is a few kB; 10 MB is a book. Larger single files are refused
# rather than read into memory (JSON Lines files are streamed and have no limit).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

# Fewer words than this from a page's main content is a menu or a teaser, not an article.
MIN_HTML_WORDS = 5

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})

# The crawl header of the seed articles: "date 2022-03" before the first word.
HEADER = re.compile(
    r"""\A\s*
    date[ \t]+(?P<date>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)   # date 2022-03 | date 2022-03-24
    [ \t]*(?:\r?\n)?[ \t]*""",
    re.VERBOSE | re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Expand files and directories (recursively, sorted) into the files to read."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and _kind(child):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError(Errors.S008, str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawDocument | InputError]:
    """Read every article under `paths`; bad inputs come out as `InputError` values."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[RawDocument | InputError]:
    kind = _kind(path)
    if kind is None:
        yield InputError(Errors.S009.format(suffix=path.suffix), str(path))
    elif kind == "jsonl":
        yield from read_jsonl(path)
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


def read_html(data: bytes, source: str, url: str | None = None) -> RawDocument:
    """The main text and metadata of a web page, extracted by trafilatura."""
    import trafilatura  # slow to import; only HTML needs it

    html, encoding = decode(data, source)
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
        seen_any = False
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            seen_any = True
            try:
                yield _jsonl_record(line, source, number)
            except InputError as err:
                yield err
        if not seen_any:
            yield InputError(Errors.S002, source)


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


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, else Windows-1252/Latin-1, else the detected encoding.

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


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
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
