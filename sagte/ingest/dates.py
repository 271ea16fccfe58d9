"""Publication dates that remember their precision: `2022-03` stays a month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Precision = Literal["year", "month", "day", "datetime"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day", "datetime")

_PARTIAL = re.compile(
    r"""^\s*
    (?P<y>\d{4})                 # year
    (?:-(?P<m>\d{1,2})           # optional month
       (?:-(?P<d>\d{1,2}))?      # optional day
    )?\s*$""",
    re.VERBOSE,
)
_GERMAN = re.compile(r"^\s*(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>\d{4})\s*$")  # 24.03.2022


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """An ISO date prefix and how much of it is known.

    >>> parse_date("2022-03")
    PublishedDate(value='2022-03', precision='month')
    """

    value: str
    precision: Precision

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, got {self.precision!r}")

    def as_dict(self) -> dict[str, str]:
        return {"value": self.value, "precision": self.precision}


def parse_date(value: str | None) -> PublishedDate | None:
    """Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `DD.MM.YYYY` or an ISO 8601 timestamp.

    Returns:
        The date with its precision, or None for an empty value.
    Raises:
        ValueError: the value is not a date in one of those forms.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    match = _PARTIAL.match(text) or _GERMAN.match(text)
    if match:
        year, month, day = match.group("y"), match.group("m"), match.group("d")
        # datetime() validates the parts: 2022-13 and 2022-02-30 raise ValueError.
        datetime(int(year), int(month or 1), int(day or 1))
        if day:
            return PublishedDate(f"{year}-{int(month):02d}-{int(day):02d}", "day")
        if month:
            return PublishedDate(f"{year}-{int(month):02d}", "month")
        return PublishedDate(year, "year")
    stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return PublishedDate(stamp.isoformat(), "datetime")
