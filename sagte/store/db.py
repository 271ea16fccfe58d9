"""Connections to a SQLite file or a PostgreSQL server, behind one small interface.

`connect(target)` takes a file path (SQLite) or a ``postgresql://`` URL and returns
a connection the store modules use the same way: ``execute(sql, params)`` with
``?`` placeholders, a cursor with ``fetchone``/``fetchall``/iteration, rows
addressable by column name and index, ``executemany`` and ``close``. Each
connection has a `dialect` for the few statements that differ (`Dialect`); the
SQL itself is written to run on both (``ON CONFLICT``, ``NULLS FIRST``,
``COALESCE``, quoted ``"end"``).

SQLite connections are `sqlite3.Connection`s (a subclass that carries the
dialect). PostgreSQL connections (psycopg 3) run in autocommit mode, like the
SQLite ones (``isolation_level=None``): `Store.atomic` opens transactions itself.
Text columns there are ``COLLATE "C"``, so comparisons and ``ORDER BY`` agree with
SQLite's binary collation, and ``ILIKE`` folds ASCII letters only, as SQLite's
``LIKE`` does.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.request import pathname2url

from sagte.errors import Errors, StoreError

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger(__name__)

__all__ = [
    "POSTGRESQL",
    "SQLITE",
    "Connection",
    "Dialect",
    "PgConnection",
    "Row",
    "begin_write",
    "columns",
    "connect",
    "dialect_of",
    "insert_id",
    "interrupted",
    "is_url",
    "redact",
    "tables",
]

URL_SCHEMES = ("postgresql://", "postgres://")
# The key of the advisory lock every PostgreSQL write transaction holds (see
# `begin_write`): a constant, "sagte" in ASCII. Advisory locks are per database.
WRITE_LOCK = 0x7361677465
CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise
# scheme://user:password@ (up to the last @ before the path)
_PASSWORD = re.compile(r"^([a-z]+://[^:/@]*):([^/]*)@")


@dataclass(frozen=True, slots=True)
class Dialect:
    """The SQL fragments that differ between the two backends."""

    name: str
    like: str  # LIKE that ignores the case of ASCII letters
    join_in_order: str  # a join the planner must do in the order written (SQLite) or may reorder
    concat_distinct: str  # the distinct values of {expr} joined by ","

    def group_concat(self, expr: str) -> str:
        return self.concat_distinct.format(expr=expr)


SQLITE = Dialect("sqlite", "LIKE", "CROSS JOIN", "group_concat(DISTINCT {expr})")
POSTGRESQL = Dialect("postgresql", "ILIKE", "JOIN", "string_agg(DISTINCT {expr}, ',')")


class SqliteConnection(sqlite3.Connection):
    """A `sqlite3.Connection` that says its dialect."""

    dialect = SQLITE


def dialect_of(conn: Any) -> Dialect:
    """The dialect of a connection (a plain `sqlite3.Connection` is SQLite)."""
    return getattr(conn, "dialect", SQLITE)


def is_url(target: str | Any) -> bool:
    """True for a PostgreSQL URL, false for anything else (a SQLite file path)."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def redact(target: str) -> str:
    """A database target fit for messages and logs: a URL without its password."""
    if not is_url(target):
        return target
    return _PASSWORD.sub(r"\1:***@", target)


def _scrub(message: str, url: str) -> str:
    """A driver's message about `url` without its password (psycopg may quote the URL)."""
    found = _PASSWORD.match(url)
    message = message.replace(url, redact(url))
    return message.replace(found.group(2), "***") if found and found.group(2) else message


# -- PostgreSQL ------------------------------------------------------------------
class Row:
    """A result row addressable by column name and by index, like `sqlite3.Row`."""

    __slots__ = ("_columns", "_values")

    def __init__(self, values: Sequence[Any], columns: _Columns) -> None:
        self._values = tuple(values)
        self._columns = columns

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            index = self._columns.index
            i = index.get(key)
            if i is None:
                i = index.get(key.lower())
            if i is None:
                raise IndexError(f"no column {key!r}")
            return self._values[i]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._columns.names)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Row):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Row({self._values!r})"


class _Columns:
    """The column names of one result, shared by its rows."""

    __slots__ = ("index", "names")

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.index: dict[str, int] = {}
        for i, name in enumerate(names):
            self.index.setdefault(name, i)  # of two equal names the first wins, as in sqlite3
        for name, i in list(self.index.items()):
            self.index.setdefault(name.lower(), i)


def _row_factory(cursor: Any) -> Any:
    """psycopg's row factory protocol: a cursor in, a function from values to `Row` out."""
    description = cursor.description
    if description is None:
        return tuple
    columns = _Columns([column.name for column in description])

    def make(values: Sequence[Any]) -> Row:
        return Row(values, columns)

    return make


@lru_cache(maxsize=2048)
def _pg_sql(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s``; a literal ``%`` (none today) is escaped.

    No statement of sagte has a ``?`` inside a string literal: the parameters carry
    every value, LIKE patterns included.
    """
    return sql.replace("%", "%%").replace("?", "%s")


def _no_nul(params: Sequence[Any]) -> Sequence[Any]:
    """PostgreSQL text cannot hold NUL (SQLite's can): it becomes U+FFFD, which keeps
    every offset into the text where it was."""
    if any(isinstance(p, str) and "\x00" in p for p in params):
        return [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]
    return params


class PgConnection:
    """A PostgreSQL connection with the `sqlite3.Connection` methods the store uses."""

    dialect = POSTGRESQL

    def __init__(self, raw: psycopg.Connection[Any], target: str) -> None:
        self.raw = raw
        self.path = target

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns psycopg's cursor (its rows are `Row`s)."""
        return self.raw.execute(_pg_sql(sql), _no_nul(params))

    def executemany(self, sql: str, params: Sequence[Sequence[Any]] | Iterator[Any]) -> Any:
        cur = self.raw.cursor()
        cur.executemany(_pg_sql(sql), [_no_nul(p) for p in params])
        return cur

    @property
    def broken(self) -> bool:
        """True once the server went away: the connection cannot be used again."""
        return bool(self.raw.broken or self.raw.closed)

    def close(self) -> None:
        self.raw.close()


def _connect_pg(url: str, readonly: bool, timeout: float | None) -> PgConnection:
    try:
        import psycopg
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise StoreError(Errors.S035.format(url=redact(url), reason=err)) from None
    kwargs: dict[str, Any] = {"autocommit": True, "application_name": "sagte"}
    if "connect_timeout" not in url:
        kwargs["connect_timeout"] = CONNECT_TIMEOUT
    try:
        raw = psycopg.connect(url, row_factory=_row_factory, **kwargs)
    except psycopg.Error as err:
        reason = " ".join(str(err).split()).rstrip(".") or type(err).__name__
        raise StoreError(Errors.S035.format(url=redact(url), reason=_scrub(reason, url))) from None
    except ValueError as err:  # a malformed URL (psycopg's conninfo parser)
        reason = _scrub(str(err), url)
        raise StoreError(Errors.S035.format(url=redact(url), reason=reason)) from None
    if readonly:
        raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    if timeout is not None:
        raw.execute(f"SET statement_timeout = {int(timeout * 1000)}")
    return PgConnection(raw, url)


# -- both ------------------------------------------------------------------------
Connection = sqlite3.Connection | PgConnection


def connect(
    target: str | Any,
    readonly: bool = False,
    *,
    check_same_thread: bool = True,
    timeout: float | None = None,
) -> Connection:
    """Open a database: a ``postgresql://`` URL, else a SQLite file path (or ``:memory:``).

    Args:
        target: the URL or path.
        readonly: SQLite: ``mode=ro`` and ``query_only``; PostgreSQL: every transaction
            of the session is read-only.
        check_same_thread: SQLite's check (off for a connection handed between threads).
        timeout: PostgreSQL: the statement timeout in seconds (SQLite readers use a
            progress handler instead, `sagte.web.app.Reader`).
    Raises:
        StoreError: the database cannot be opened ([S011], [S035]).
    """
    target = str(target)
    if is_url(target):
        return _connect_pg(target, readonly, timeout)
    try:
        if readonly:
            if not Path(target).exists():
                raise StoreError(Errors.S011.format(path=target, reason="no such file"))
            uri = f"file:{pathname2url(str(Path(target).resolve()))}?mode=ro"
            conn = sqlite3.connect(
                uri,
                uri=True,
                isolation_level=None,
                check_same_thread=check_same_thread,
                factory=SqliteConnection,
            )
        else:
            conn = sqlite3.connect(
                target,
                isolation_level=None,
                check_same_thread=check_same_thread,
                factory=SqliteConnection,
            )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
        elif target != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        raise StoreError(Errors.S011.format(path=target, reason=err)) from None
    return conn


def begin_write(conn: Connection) -> None:
    """Begin a write transaction that no other writer runs beside.

    SQLite's ``BEGIN IMMEDIATE`` takes the database's one write lock. PostgreSQL
    lets writers run side by side, but the story clusterer reads and rewrites shared
    state (centroids, term counts) and assumes it is alone: every write transaction
    takes one advisory lock, held to its end, so writers queue as they do on SQLite
    while readers go on reading.
    """
    if dialect_of(conn) is POSTGRESQL:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
    else:
        conn.execute("BEGIN IMMEDIATE")


def insert_id(conn: Connection, sql: str, params: Sequence[Any]) -> int:
    """Run an INSERT of one row and return the new row's ``id``."""
    if dialect_of(conn) is POSTGRESQL:
        return int(conn.execute(sql + " RETURNING id", params).fetchone()[0])
    return int(conn.execute(sql, params).lastrowid or 0)


def tables(conn: Connection) -> set[str]:
    """The names of the tables (and views) in the database."""
    if dialect_of(conn) is POSTGRESQL:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    else:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {r[0] for r in rows}


def columns(conn: Connection, table: str) -> set[str]:
    """The column names of a table."""
    if dialect_of(conn) is POSTGRESQL:
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {r[0] for r in rows}
    if not re.fullmatch(r"\w+", table):
        raise ValueError(f"not a table name: {table!r}")
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def interrupted(err: BaseException) -> bool:
    """True if `err` is a query stopped by its time limit (either backend)."""
    if isinstance(err, sqlite3.OperationalError):
        return "interrupted" in str(err)
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(err, psycopg.errors.QueryCanceled)
