"""Articles from an http(s) address: a feed's entries, or one web page.

What the address serves decides, not its name: a document whose root element is
rss, feed or RDF is a feed (`sagte.ingest.feeds`), HTML is a page (`read_html`).
The fetch time is kept as `crawled` on every article.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from sagte.errors import Errors, InputError
from sagte.ingest.dates import PublishedDate
from sagte.ingest.feeds import MAX_FEED_BYTES, read_feed
from sagte.ingest.model import RawDocument
from sagte.ingest.readers import MAX_ARTICLE_BYTES, read_html
from sagte.ingest.sniff import sniff

logger = logging.getLogger(__name__)

# Seconds to wait for an answer; a feed server that takes longer is down.
TIMEOUT = 30
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """What an address served: the final address (after redirects), the body, its type."""

    url: str
    data: bytes
    content_type: str | None
    charset: str | None
    crawled: PublishedDate


def fetch(url: str, timeout: float = TIMEOUT, limit: int = MAX_FEED_BYTES) -> Fetched:
    """GET an address.

    Raises:
        InputError: no answer, an HTTP error status (S033), or a body over `limit` (S004).
    """
    crawled = PublishedDate(datetime.now(UTC).replace(microsecond=0).isoformat(), "datetime")
    request = Request(url, headers={"User-Agent": _user_agent(), "Accept": ACCEPT})
    try:
        with urlopen(request, timeout=timeout) as response:
            data = response.read(limit + 1)
            headers = response.headers
            final = response.geturl() or url
    except HTTPError as err:
        raise InputError(Errors.S033.format(reason=f"HTTP {err.code} {err.reason}"), url) from None
    except URLError as err:
        raise InputError(Errors.S033.format(reason=_one_line(err.reason)), url) from None
    except TimeoutError:
        raise InputError(
            Errors.S033.format(reason=f"no answer within {timeout:g} s"), url
        ) from None
    except (OSError, ValueError) as err:
        raise InputError(Errors.S033.format(reason=_one_line(err)), url) from None
    if len(data) > limit:
        size = int(headers.get("Content-Length") or len(data))
        raise InputError(Errors.S004.format(size=size, limit=limit), url)
    return Fetched(
        url=final,
        data=data,
        content_type=headers.get("Content-Type"),
        charset=headers.get_content_charset(),
        crawled=crawled,
    )


def read_url(url: str) -> Iterator[RawDocument | InputError]:
    """The entries of the feed, or the article of the page, at an http(s) address.

    Every article gets `crawled` = the fetch time; a page keeps `url` = the
    address it was finally served from.
    """
    try:
        page = fetch(url)
    except InputError as err:
        yield err
        return
    kind = sniff(page.data)
    logger.info("%s: read as %s", url, kind)
    if kind == "feed":
        yield from read_feed(
            page.data, url, url=page.url, crawled=page.crawled, content_type=page.content_type
        )
    elif kind == "html":
        if len(page.data) > MAX_ARTICLE_BYTES:
            yield InputError(Errors.S004.format(size=len(page.data), limit=MAX_ARTICLE_BYTES), url)
            return
        try:
            doc = read_html(page.data, url, url=page.url, charset=page.charset)
        except InputError as err:
            yield err
            return
        yield dataclasses.replace(doc, crawled=page.crawled)
    else:
        served = (page.content_type or "no type").split(";")[0]
        yield InputError(Errors.S032.format(reason=f"the address serves {served}"), url)


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"sagte/{version('sagte')}"
    except PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "sagte"


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split())
