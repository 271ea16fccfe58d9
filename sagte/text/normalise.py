"""Turn raw article text into the normalised text that every offset points into.

Normalising removes boilerplate lines, rejoins hard-wrapped lines, collapses
white space and separates paragraphs by one blank line. The `Alignment` maps each
normalised character back to the raw text. Invariant: for every copied segment
`raw[a.to_raw(s):a.to_raw(s) + n] == text[s:s + n]`; characters the normaliser
inserted (a space for a line break, the paragraph separator) map to the raw
white space they replace.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

_LINE = re.compile(r"[^\n]*\n?")
# Characters dropped while copying: soft hyphen, zero-width chars (a no-break space
# is white space, and becomes a plain one).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# What `_Builder.copy` does not copy as it is: a run of white space other than one
# plain space, and the invisible characters.
_REPLACED = re.compile(r"[^\S\n]{2,}|[^\S\n ]|" + _INVISIBLE.pattern)
MAX_BOILERPLATE_LINE = 300


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The packaged boilerplate patterns (`sagte/data/boilerplate_de.txt`)."""
    text = resources.files("sagte").joinpath("data/boilerplate_de.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line and line[0] != "#")


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return False
    return any(p.search(line) for p in boilerplate_patterns())


@dataclass(slots=True)
class Alignment:
    """Piecewise map from normalised offsets to raw offsets.

    Each segment is `(norm_start, raw_start, length, copied)`; segments are sorted
    and contiguous in normalised space.
    """

    segments: list[tuple[int, int, int, bool]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def add(self, norm_start: int, raw_start: int, length: int, copied: bool) -> None:
        if length <= 0:
            return
        last = self.segments[-1] if self.segments else None
        if (
            last
            and copied
            and last[3]
            and last[0] + last[2] == norm_start
            and last[1] + last[2] == raw_start
        ):
            self.segments[-1] = (last[0], last[1], last[2] + length, True)
            return
        self.segments.append((norm_start, raw_start, length, copied))
        self._starts.append(norm_start)

    def to_raw(self, offset: int) -> int:
        """The raw offset of the character at normalised offset `offset`."""
        if not self.segments:
            return offset
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        norm_start, raw_start, length, copied = self.segments[i]
        delta = offset - norm_start
        if copied:
            return raw_start + min(delta, length)
        return raw_start

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the normalised span `[start, end)`."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def as_list(self) -> list[list[int]]:
        return [[a, b, c, int(d)] for a, b, c, d in self.segments]

    @classmethod
    def from_list(cls, rows: list[list[int]]) -> Alignment:
        alignment = cls()
        for a, b, c, d in rows:
            alignment.segments.append((a, b, c, bool(d)))
            alignment._starts.append(a)
        return alignment


@dataclass(slots=True)
class Normalised:
    """The analysed text of an article, its alignment, and what was left out."""

    text: str
    alignment: Alignment
    removed: list[tuple[int, int]]  # raw spans of boilerplate lines
    paragraphs: list[tuple[int, int]]  # normalised spans


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.alignment = Alignment()

    def copy(self, raw: str, start: int, end: int) -> None:
        """Copy raw[start:end], collapsing white space and dropping invisible chars.

        A single plain space is copied as it is, so an ordinary line is one copied
        segment, not one per word."""
        pos = start
        for match in _REPLACED.finditer(raw, start, end):
            m_start, m_end = match.start(), match.end()
            self._emit(raw[pos:m_start], pos, True)
            if not _INVISIBLE.fullmatch(match.group()):
                self._emit(" ", m_start, False)
            pos = m_end
        self._emit(raw[pos:end], pos, True)

    def insert(self, text: str, raw_pos: int) -> None:
        self._emit(text, raw_pos, False)

    def _emit(self, text: str, raw_pos: int, copied: bool) -> None:
        if text:
            self.alignment.add(self.length, raw_pos, len(text), copied)
            self.parts.append(text)
            self.length += len(text)


def normalise(raw: str, body_start: int = 0) -> Normalised:
    """Normalise `raw[body_start:]`.

    Args:
        raw: the article as read.
        body_start: where the body begins (after a header line).
    Returns:
        The normalised text with its alignment, removed boilerplate spans and paragraphs.
    """
    paragraphs: list[list[tuple[int, int]]] = [[]]
    removed: list[tuple[int, int]] = []
    for match in _LINE.finditer(raw, body_start):
        if match.start() == match.end():
            break
        start, end = match.start(), match.end()
        line = raw[start:end].rstrip("\r\n")
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if is_boilerplate(line):
            removed.append((start, start + len(line)))
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        lead = len(line) - len(line.lstrip())
        paragraphs[-1].append((start + lead, start + len(line.rstrip())))
    builder = _Builder()
    spans: list[tuple[int, int]] = []
    for lines in filter(None, paragraphs):
        if spans:
            builder.insert("\n\n", lines[0][0])
        para_start = builder.length
        for i, (start, end) in enumerate(lines):
            if i:
                prev_end = lines[i - 1][1]
                # A hyphen at a wrap joins a split compound ("Nato-\nStaaten").
                if raw[prev_end - 1 : prev_end] != "-":
                    builder.insert(" ", prev_end)
            builder.copy(raw, start, end)
        spans.append((para_start, builder.length))
    return Normalised("".join(builder.parts), builder.alignment, removed, spans)
