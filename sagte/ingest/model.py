"""The record every reader produces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sagte.ingest.dates import PublishedDate

# How the article was read: a text file, a web page, a JSON Lines record, a WARC
# record (a crawled page), a feed entry.
FORMATS = ("text", "html", "jsonl", "warc", "feed")


@dataclass(slots=True)
class RawDocument:
    """One article as read from its source, before any analysis.

    `raw` is the text exactly as read (decoded); `body_start` is where the article
    body begins in it (after a `date …` header line, if any).

    `published` is when the outlet says it published the article; `crawled` when
    it was fetched (a WARC record's WARC-Date, the fetch time of a feed read from
    its address), kept apart because it says nothing about the article's date.
    `summary_only` marks a feed entry that carried only a teaser, not the article.
    `extra` holds what else a source tells (`warc_file`, `warc_record_id`,
    `feed_title`, …).
    """

    source: str
    raw: str
    format: str
    body_start: int = 0
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: PublishedDate | None = None
    external_id: str | None = None
    encoding: str = "utf-8"
    extra: dict[str, Any] = field(default_factory=dict)
    crawled: PublishedDate | None = None
    summary_only: bool = False

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, got {self.format!r}")
        if not 0 <= self.body_start <= len(self.raw):
            raise ValueError(f"body_start {self.body_start} outside the text (0..{len(self.raw)})")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.as_dict() if self.published else None
        data["crawled"] = self.crawled.as_dict() if self.crawled else None
        return data
