"""Ingest layer: text, HTML, JSON Lines, WARC archives and feeds in, `RawDocument` records out."""

from sagte.ingest.dates import PublishedDate, parse_date
from sagte.ingest.model import RawDocument
from sagte.ingest.readers import MAX_ARTICLE_BYTES, iter_files, read_paths

__all__ = [
    "MAX_ARTICLE_BYTES",
    "PublishedDate",
    "RawDocument",
    "iter_files",
    "parse_date",
    "read_paths",
]
