"""Work units: the input cut into pieces that any process can read on its own.

A unit names where its articles are (a list of files, or a byte offset and a
record count inside one JSON Lines or WARC file), never the articles themselves,
so a pool worker or a Dask worker reads its own share from disk and only small
descriptions cross process boundaries. `plan` cuts, `read_unit` reads; reading
every unit of a plan yields what `read_paths` yields for the same paths, in the
same order.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sagte.errors import Errors, InputError
from sagte.ingest.model import RawDocument
from sagte.ingest.readers import STDIN, _jsonl_record, _kind, is_url, iter_files, read_file

UnitKind = Literal["files", "jsonl", "warc"]

# Articles per unit: big enough that starting a unit costs little, small enough
# that two workers stay busy and a failed unit is cheap to redo.
UNIT_SIZE = 50


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of the input: `files`, or `count` records of `path` from byte `offset`.

    `first` is the number (line or record, from 1) of the unit's first record,
    so messages name the same line as a sequential read would.
    """

    kind: UnitKind
    path: str = ""
    files: tuple[str, ...] = ()
    offset: int = 0
    count: int = 0
    first: int = 1

    @property
    def reads_stdin(self) -> bool:
        return STDIN in self.files

    @property
    def name(self) -> str:
        """A stable name for the unit's output: the same input gives the same name."""
        key = "\0".join([self.kind, self.path, *self.files, str(self.offset), str(self.count)])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        if self.kind == "files":
            more = f" (+{len(self.files) - 1} more)" if len(self.files) > 1 else ""
            return f"{self.files[0]}{more}" if self.files else "(no files)"
        return f"{self.path} records {self.first}..{self.first + self.count - 1}"


def plan(
    paths: Iterable[str | os.PathLike[str]], size: int = UNIT_SIZE
) -> tuple[list[Unit], list[InputError]]:
    """Cut the input under `paths` into units of about `size` articles.

    Single-article files are grouped `size` at a time; JSON Lines and WARC files
    are scanned once (no parsing) for the byte offsets of every `size`-th record.
    Missing paths come back as errors.
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    units: list[Unit] = []
    errors: list[InputError] = []
    singles: list[str] = []

    def flush() -> None:
        for i in range(0, len(singles), size):
            units.append(Unit("files", files=tuple(singles[i : i + size])))
        singles.clear()

    for item in iter_files(paths):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        if isinstance(item, str):  # standard input or an address: read as one piece
            flush()
            units.append(Unit("files", files=(item,)))
            continue
        kind = _kind(item)
        if kind == "jsonl":
            flush()
            units.extend(_plan_lines(item, size))
        elif kind == "warc":
            flush()
            units.extend(_plan_warc(item, size))
        else:
            singles.append(str(item))
    flush()
    return units, errors


def read_unit(unit: Unit) -> Iterator[RawDocument | InputError]:
    """The articles of one unit, or an error for each that cannot be read."""
    if unit.kind == "files":
        for name in unit.files:
            yield from read_file(name if name == STDIN or is_url(name) else Path(name))
    elif unit.kind == "jsonl":
        yield from _read_lines(unit)
    elif unit.kind == "warc":
        yield from _read_warc(unit)
    else:  # pragma: no cover - Unit.kind is a Literal
        raise ValueError(f"unknown unit kind {unit.kind!r}")


def _plan_lines(path: Path, size: int) -> Iterator[Unit]:
    """Offsets of every `size`-th non-blank line (a JSON Lines file is not parsed here)."""
    try:
        handle = path.open("rb")
    except OSError:
        yield Unit("files", files=(str(path),))  # read_file reports the error
        return
    offset = start = 0
    count = first = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                if count == 0:
                    start, first = offset, number
                count += 1
                if count == size:
                    yield Unit("jsonl", path=str(path), offset=start, count=count, first=first)
                    count = 0
            offset += len(line)
    if count:
        yield Unit("jsonl", path=str(path), offset=start, count=count, first=first)
    elif first == 0:  # no record at all (an empty file has no offset either)
        yield Unit("files", files=(str(path),))  # read_file says what is wrong


def _read_lines(unit: Unit) -> Iterator[RawDocument | InputError]:
    try:
        handle = open(unit.path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        yield InputError(f"[S008] {err.strerror}", unit.path)
        return
    with handle:
        handle.seek(unit.offset)
        number, done = unit.first - 1, 0
        for line in handle:
            number += 1
            if not line.strip():
                continue
            try:
                yield _jsonl_record(line, unit.path, number)
            except InputError as err:
                yield err
            done += 1
            if done == unit.count:
                return
    if done < unit.count:
        yield InputError(Errors.S040.format(expected=unit.count, found=done), unit.path)


def _plan_warc(path: Path, size: int) -> Iterator[Unit]:
    from sagte.ingest.warc import record_offsets

    offsets = list(record_offsets(path))
    if not offsets:
        yield Unit("files", files=(str(path),))  # read_file reports what is wrong
        return
    for i in range(0, len(offsets), size):
        chunk = offsets[i : i + size]
        yield Unit("warc", path=str(path), offset=chunk[0], count=len(chunk), first=i + 1)


def _read_warc(unit: Unit) -> Iterator[RawDocument | InputError]:
    from sagte.ingest.warc import read_warc

    yield from read_warc(Path(unit.path), offset=unit.offset, count=unit.count, first=unit.first)
