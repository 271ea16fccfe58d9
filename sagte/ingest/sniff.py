"""What a few bytes of input are: the patterns that tell the formats apart.

Used where no file suffix says what the input is: standard input, an http(s)
response, and `.xml` files (only some of which are feeds).
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

Sniffed = Literal["warc", "jsonl", "feed", "html", "text"]

# How much of an input the patterns look at; prologs, doctypes and <head>
# metadata before the telling element fit in far less.
HEAD_BYTES = 4096

GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"

# An XML document whose root element is <rss> (RSS 0.9x/2.0), <feed> (Atom) or
# <rdf:RDF> (RSS 1.0): whatever comes before the root may only be prolog.
FEED_ROOT = re.compile(
    rb"""\A(?:
        \s+                          # blanks
        | <\?[^>]*\?>                # <?xml version="1.0"?>, <?xml-stylesheet ...?>
        | <!--.*?-->                 # comments
        | <!DOCTYPE[^>]*>            # a doctype (RSS 0.91 has one)
    )*
    <(?:rss|feed|(?:\w+:)?RDF)\b     # the root element""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

# A tag that only HTML has, anywhere in the first bytes: a text that merely
# starts with "<" (an arrow, a quoted e-mail address) is still text.
HTML_TAG = re.compile(
    rb"""<(?:
        !doctype\s+html | html | head | body | title | meta | article | main
        | div | p | br | h[1-6]
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)

# <meta charset="iso-8859-1"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?
    charset\s*=\s*["']?\s*
    (?P<charset>[A-Za-z0-9._:-]+)    # the label""",
    re.VERBOSE | re.IGNORECASE,
)

# A shell pattern: *, ? or [abc]. Used only for paths that do not exist as written.
GLOB = re.compile(r"[*?\[]")

URL = re.compile(r"\Ahttps?://", re.IGNORECASE)


def sniff(head: bytes) -> Sniffed:
    """The format of an input from its first bytes (`HEAD_BYTES` are enough).

    A gzip stream or `WARC/…` is a WARC archive, `{` JSON Lines, an XML root of
    rss/feed/RDF a feed, a `<` followed by HTML tags a web page; anything else is
    read as plain text.
    """
    head = head.removeprefix(UTF8_BOM)
    if head.startswith(GZIP_MAGIC):
        return "warc"  # the only compressed input sagte reads
    start = head.lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if FEED_ROOT.match(start[:HEAD_BYTES]):
            return "feed"
        if HTML_TAG.search(start[:HEAD_BYTES]):
            return "html"
    return "text"


def looks_like_feed(head: bytes) -> bool:
    """An RSS or Atom document, judged by its root element."""
    return bool(FEED_ROOT.match(head.removeprefix(UTF8_BOM).lstrip()[:HEAD_BYTES]))


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag of its first bytes, if any."""
    match = META_CHARSET.search(data[:HEAD_BYTES])
    return match["charset"].decode("ascii") if match else None


def codec_of(label: str | None) -> str | None:
    """Python's codec for a declared charset label, or None if it names none.

    Like browsers (WHATWG Encoding), ISO-8859-1 and ASCII labels mean Windows-1252:
    pages that declare them routinely use „“ and €, which only 1252 has.
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii", "latin-1") else name


def is_url(name: str) -> bool:
    return bool(URL.match(name))
