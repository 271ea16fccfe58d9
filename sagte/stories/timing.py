"""When an article's event happened, as an interval of days, honest about what is known.

The clusterer needs a time for every article, and articles often lack a precise
one: the seed articles carry ``date 2022-03`` (a month) or nothing at all. The
rules, in order:

1. A publication date of day or second precision is a point (an interval of one day).
2. Otherwise a full date written in the text ("am 24. März 2022", "24.03.2022") is
   used; a day and month without a year ("am 24. März") only when the publication
   date supplies the year (and, for a month-precision date, lies in that month).
3. Otherwise a month or year of publication is an interval (all of March 2022).
4. Otherwise the time is unknown.

Never used: the ingest time (when sagte read the file says nothing about when
the event happened; an archive ingested today would all be "today") and weekday
words ("am Mittwoch"), which need a reference date sagte does not have. An
unknown time makes no story older or newer: the clusterer compares such an
article on content alone and asks for stronger content evidence (see
`StoryConfig.undated_margin`). A user who knows the date can pass it in the
``published`` field of a JSON Lines record or in a ``date 2022-03-16`` header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sagte.ingest.dates import PublishedDate

__all__ = ["EventTime", "day_number", "event_time", "from_day_number"]

_EPOCH = date(1970, 1, 1)
MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
_TEXT_DATE = re.compile(
    r"""\b(?P<d>[0-3]?\d)\.\s*
    (?:(?P<mname>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)
       |(?P<mnum>[01]?\d)\.)            # 24. März | 24.03.
    (?:\s*(?P<y>(?:19|20)\d\d))?\b      # optional year
    """,
    re.VERBOSE,
)


def day_number(d: date) -> float:
    """Days since 1970-01-01."""
    return float((d - _EPOCH).days)


def from_day_number(n: float) -> date:
    return _EPOCH + timedelta(days=int(n))


@dataclass(frozen=True, slots=True)
class EventTime:
    """An interval ``[lo, hi)`` in days since 1970, or unknown (both None).

    ``source`` says where it came from: published, text or none; ``precision`` is
    day, month, year or none.
    """

    lo: float | None
    hi: float | None
    source: str = "none"
    precision: str = "none"

    @property
    def known(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def exact(self) -> bool:
        """Known to the day."""
        return self.known and self.precision == "day"

    @property
    def mid(self) -> float | None:
        if self.lo is None or self.hi is None:
            return None
        return (self.lo + self.hi) / 2

    def iso(self) -> str | None:
        """The day (2022-03-24), month (2022-03) or year this stands for."""
        if self.lo is None:
            return None
        d = from_day_number(self.lo)
        return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}.get(
            self.precision
        )


def _day(d: date, source: str) -> EventTime:
    n = day_number(d)
    return EventTime(n, n + 1, source, "day")


def _published_interval(published: PublishedDate) -> EventTime:
    value = published.value
    if published.precision in ("day", "datetime"):
        return _day(date.fromisoformat(value[:10]), "published")
    year = int(value[:4])
    if published.precision == "month":
        month = int(value[5:7])
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1)
        return EventTime(day_number(start), day_number(end), "published", "month")
    return EventTime(
        day_number(date(year, 1, 1)), day_number(date(year + 1, 1, 1)), "published", "year"
    )


def date_in_text(text: str, published: PublishedDate | None = None) -> date | None:
    """The first full date written in the text that the publication date allows.

    A date without a year takes the publication year, and only when that year is
    known; with a month-precision publication date it must fall in that month.
    """
    year = int(published.value[:4]) if published else None
    month = int(published.value[5:7]) if published and published.precision == "month" else None
    for match in _TEXT_DATE.finditer(text):
        m = MONTHS[match["mname"].casefold()] if match["mname"] else int(match["mnum"])
        y = int(match["y"]) if match["y"] else year
        if y is None or (month is not None and (m != month or y != year)):
            continue
        try:
            return date(y, m, int(match["d"]))
        except ValueError:
            continue
    return None


def event_time(published: PublishedDate | None, text: str = "") -> EventTime:
    """The article's time by the rules in the module docstring."""
    if published is not None and published.precision in ("day", "datetime"):
        return _published_interval(published)
    found = date_in_text(text, published)
    if found is not None:
        return _day(found, "text")
    if published is not None:
        return _published_interval(published)
    return EventTime(None, None)


def parse_iso_day(value: str) -> float:
    """Days since 1970 of an ISO date or timestamp prefix (``2022-03-24…``)."""
    return day_number(datetime.fromisoformat(value[:10]).date())
