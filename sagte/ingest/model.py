"""The record every reader produces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sagte.ingest.dates import PublishedDate

FORMATS = ("text", "html", "jsonl")


@dataclass(slots=True)
class RawDocument:
    """One article as read from its source, before any analysis.

    `raw` is the text exactly as read (decoded); `body_start` is where the article
    body begins in it (after a `date …` header line, if any).
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

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, got {self.format!r}")
        if not 0 <= self.body_start <= len(self.raw):
            raise ValueError(f"body_start {self.body_start} outside the text (0..{len(self.raw)})")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.as_dict() if self.published else None
        return data
