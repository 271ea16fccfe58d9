"""Read queries for browsing: filtered, cursor-paginated statements, speaker profiles,
articles with their statements, and stories.

Every function takes an open connection (the web server passes read-only ones),
SQLite or PostgreSQL (`sagte.store.db`), and returns plain JSON-ready dicts.
Offsets index the article's normalised text.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from sagte.errors import Errors, NotFound, SagteError
from sagte.store.db import POSTGRESQL, Connection, columns, dialect_of, tables
from sagte.store.search import (
    Query,
    document_frequencies,
    indexed_statements,
    statements_matching,
    tokens,
)

logger = logging.getLogger(__name__)

__all__ = [
    "CursorError",
    "StatementFilter",
    "article",
    "articles",
    "context_span",
    "iter_statements",
    "outlets",
    "speaker_profile",
    "speakers",
    "statement",
    "statements",
    "stories",
    "story",
]

SORTS = ("date", "relevance")
_SENTENCE_END = re.compile(
    r"""(?P<word>\w*)[.!?…]["“”»«’]?\s+(?=[„"»«“A-ZÄÖÜ0-9(])  # end mark, space, capital
    | \n\n                                                 # a paragraph break""",
    re.VERBOSE,
)
# Words whose period does not end a sentence: "am 15. März", "Dr. Weber", "z. B. Kiel".
_NO_END = frozenset(
    [
        "dr",
        "prof",
        "st",
        "nr",
        "bzw",
        "ca",
        "vgl",
        "z",
        "b",
        "u",
        "a",
        "o",
        "s",
        "d",
        "h",
        "mio",
        "mrd",
        "jan",
        "feb",
        "febr",
        "apr",
        "aug",
        "sept",
        "okt",
        "nov",
        "dez",
        "abs",
        "art",
        "gen",
        "hl",
        "str",
        "tel",
        "ggf",
        "inkl",
        "evtl",
        "usw",
    ]
)
MAX_CONTEXT = 280


class CursorError(SagteError):
    """A page cursor that was not made by this query."""


@dataclass(slots=True)
class StatementFilter:
    """What to select statements by; every field is optional (None = any)."""

    query: Query | None = None
    speaker: str | None = None  # name, any case, substring
    speaker_id: int | None = None
    organisation: str | None = None  # an ORG speaker or a role naming it ("CDU-Abgeordnete")
    form: str | None = None
    outlet: str | None = None  # substring, any case
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; a month is inside if it overlaps
    until: str | None = None
    article_id: str | None = None
    story_id: int | None = None

    def conditions(self, conn: Connection, ranked: bool = False) -> list[_Cond]:
        """The SQL conditions over `s` (statements) and `a` (articles).

        With `ranked`, the query matches `statements_fts` joined into the FROM clause as `f`.
        """
        out: list[_Cond] = []
        pg = dialect_of(conn) is POSTGRESQL
        like = dialect_of(conn).like
        if self.query is not None:
            if ranked:
                sql = "f.tsv @@ CAST(? AS tsquery)" if pg else "statements_fts MATCH ?"
            else:
                sql = "{+}" + statements_matching(conn)
            out.append(_Cond(sql, (self.query.expression(conn),), selective=not ranked))
        if self.speaker_id is not None:
            out.append(_Cond("{+}s.speaker_id = ?", (self.speaker_id,), selective=True))
        if self.speaker:
            sql = f"{{+}}s.speaker_id IN (SELECT id FROM entities WHERE name {like} ? ESCAPE '\\')"
            out.append(_Cond(sql, (_like(self.speaker),), selective=True))
        if self.organisation:
            sql = (
                f"{{+}}s.speaker_id IN (SELECT id FROM entities WHERE kind = 'ORG' AND name {like} ? "
                f"ESCAPE '\\' UNION SELECT entity_id FROM entity_roles WHERE role {like} ? "
                "ESCAPE '\\')"
            )
            out.append(_Cond(sql, (_like(self.organisation),) * 2, selective=True))
        if self.form:
            out.append(_Cond("s.form = ?", (self.form,)))
        if self.outlet:
            out.append(_Cond(f"a.outlet {like} ? ESCAPE '\\'", (_like(self.outlet),)))
        if self.since:
            # A month-only date (2022-03) is inside "since 2022-03-10" if the month overlaps.
            # The plain comparison with its year is implied, and lets an index seek.
            out.append(
                _Cond(
                    "a.published >= ? AND "
                    "substr(a.published, 1, length(?)) >= substr(?, 1, length(a.published))",
                    (self.since[:4], self.since, self.since),
                )
            )
        if self.until:
            # Every stored value starts with digits, '-', 'T', ':', '+', '.' or 'Z', all below '~'.
            out.append(
                _Cond(
                    "a.published <= ? AND substr(a.published, 1, length(?)) <= ?",
                    (self.until + "~", self.until, self.until),
                )
            )
        if self.article_id:
            out.append(_Cond("s.article_id = ?", (self.article_id,), selective=True))
        if self.story_id is not None:
            table = _story_tables(conn)
            if table is None:
                out.append(_Cond("1 = 0", ()))
            else:
                sql = f"s.article_id IN (SELECT article_id FROM {table} WHERE story_id = ?)"
                out.append(_Cond(sql, (self.story_id,), selective=True))
        return out

    def where(
        self, conn: Connection, ranked: bool = False, scan: bool = False
    ) -> tuple[list[str], list[Any]]:
        """The conditions as SQL and arguments; `scan` keeps them off their indexes."""
        conds = self.conditions(conn, ranked)
        sql = [c.sql.replace("{+}", "+" if scan else "") for c in conds]
        return sql, [arg for c in conds for arg in c.args]


@dataclass(slots=True, frozen=True)
class _Cond:
    """One condition. `selective` ones can drive the query from their own index; in
    the date-scan plan a `{+}` becomes a unary plus, which keeps SQLite off that index
    (PostgreSQL's planner ignores it)."""

    sql: str
    args: tuple[Any, ...]
    selective: bool = False


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- cursors -----------------------------------------------------------------
def encode_cursor(value: Any) -> str:
    """An opaque page cursor for `value` (JSON-serialisable)."""
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> Any:
    """The value inside a cursor; raises CursorError if it is not one of ours for `sort`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError(Errors.S020.format(cursor=cursor[:40])) from None
    if sort == "relevance":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**7
    else:
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and (value[0] is None or isinstance(value[0], str))
            and isinstance(value[1], int)
            and not isinstance(value[1], bool)
        )
    if not ok:
        raise CursorError(Errors.S020.format(cursor=cursor[:40]))
    return value


# -- statements ----------------------------------------------------------------
_COLUMNS = (
    "SELECT s.id, s.article_id, s.form, s.fine_type, s.start, s.end, s.message, s.cue, "
    "s.speaker_start, s.speaker_end, s.speaker_id, s.medium, s.confidence, s.rule, s.extractor, "
    "a.source, a.outlet, a.url, a.title, a.published, a.published_precision, "
    "e.name AS speaker_name, e.kind AS speaker_kind, coalesce(m.role, (SELECT r.role FROM "
    "entity_roles r WHERE r.entity_id = s.speaker_id AND r.article_id = s.article_id "
    "ORDER BY length(r.role) LIMIT 1)) AS role "
)
_JOINS = (
    "JOIN articles a ON a.id = s.article_id "
    "LEFT JOIN entities e ON e.id = s.speaker_id "
    "LEFT JOIN mentions m ON m.id = s.speaker_mention_id "
)
_STATEMENT_SQL = _COLUMNS + "FROM statements s " + _JOINS


class _Texts:
    """A small cache of article texts, so statement pages slice without re-reading."""

    def __init__(self, conn: Connection, size: int = 64) -> None:
        self.conn = conn
        self.size = size
        self.cache: OrderedDict[str, str] = OrderedDict()

    def __call__(self, article_id: str) -> str:
        text = self.cache.get(article_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,))
            text = row.fetchone()[0]
            self.cache[article_id] = text
            if len(self.cache) > self.size:
                self.cache.popitem(last=False)
        return text


def statements(
    conn: Connection,
    filters: StatementFilter,
    *,
    limit: int = 20,
    cursor: str | None = None,
    sort: str = "date",
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of statements, newest first (or by relevance to the query).

    Args:
        filters: what to select.
        limit: page size.
        cursor: the `next_cursor` of the previous page, or None for the first.
        sort: "date" (newest first; undated last) or "relevance" (needs a query).
    Returns:
        The page and the cursor of the next page (None on the last page).
    Raises:
        CursorError: the cursor is malformed.
    """
    if sort == "relevance" and filters.query is not None:
        offset = decode_cursor(cursor, sort) if cursor else 0
        where, args = filters.where(conn, ranked=True)
        rank, rank_args = "f.rank", []
        if dialect_of(conn) is POSTGRESQL:
            rank, rank_args = "ts_rank(f.tsv, CAST(? AS tsquery)) DESC", [filters.query.tsquery()]
        sql = (
            "SELECT s.id FROM statements_fts f JOIN statements s ON s.id = f.rowid "
            f"JOIN articles a ON a.id = s.article_id WHERE {' AND '.join(where)} "
            f"ORDER BY {rank}, s.id LIMIT ? OFFSET ?"
        )
        ids = [r[0] for r in conn.execute(sql, [*args, *rank_args, limit + 1, offset])]
        next_cursor = encode_cursor(offset + limit) if len(ids) > limit else None
        return _rows(conn, ids[:limit]), next_cursor
    start = decode_cursor(cursor, "date") if cursor else None
    keys = _by_date(conn, filters, limit + 1, start)
    next_cursor = encode_cursor(list(keys[limit - 1])) if len(keys) > limit else None
    return _rows(conn, [k[1] for k in keys[:limit]]), next_cursor


# Below this many candidates a selective filter drives the query (its rows are read
# and sorted); above it the articles are scanned newest first, which stops after one
# page. Where the two cost the same: about sqrt(statements × page size).
DRIVE = 1500


def _by_date(
    conn: Connection, filters: StatementFilter, n: int, start: list[Any] | None
) -> list[tuple[str | None, int]]:
    """(published, id) of the next `n` statements after `start`, newest first, undated last."""
    conds = filters.conditions(conn)
    scan = True
    for cond in (c for c in conds if c.selective):
        probe = cond.sql.replace("{+}", "")
        sql = f"SELECT count(*) FROM (SELECT 1 FROM statements s WHERE {probe} LIMIT {DRIVE}) AS t"
        if conn.execute(sql, cond.args).fetchone()[0] < DRIVE:
            scan = False
            break
    where, args = filters.where(conn, scan=scan)
    source = (
        f"FROM articles a {dialect_of(conn).join_in_order} statements s ON s.article_id = a.id "
        if scan
        else "FROM statements s JOIN articles a ON a.id = s.article_id "
    )
    keys: list[tuple[str | None, int]] = []
    if start is None or start[0] is not None:
        dated = [*where, "a.published IS NOT NULL"]
        dated_args = list(args)
        if start is not None:
            dated += ["a.published <= ?", "(a.published < ? OR s.id < ?)"]
            dated_args += [start[0], start[0], start[1]]
        sql = (
            f"SELECT a.published, s.id {source} WHERE {' AND '.join(dated)} "
            "ORDER BY a.published DESC, s.id DESC LIMIT ?"
        )
        keys = [(r[0], r[1]) for r in conn.execute(sql, [*dated_args, n])]
    if len(keys) < n:
        undated = [*where, "a.published IS NULL"]
        undated_args = list(args)
        if start is not None and start[0] is None:
            undated.append("s.id < ?")
            undated_args.append(start[1])
        sql = (
            f"SELECT a.published, s.id {source} WHERE {' AND '.join(undated)} "
            "ORDER BY s.id DESC LIMIT ?"
        )
        keys += [(r[0], r[1]) for r in conn.execute(sql, [*undated_args, n - len(keys)])]
    return keys


def _rows(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """The full records of these statements, in this order."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in conn.execute(_STATEMENT_SQL + f"WHERE s.id IN ({marks})", ids)}
    texts = _Texts(conn)
    return [_statement(rows[i], texts(rows[i]["article_id"])) for i in ids if i in rows]


def iter_statements(
    conn: Connection, filters: StatementFilter, batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Every statement the filters select, newest first, read page by page (for exports)."""
    cursor = None
    while True:
        page, cursor = statements(conn, filters, limit=batch, cursor=cursor)
        yield from page
        if cursor is None:
            return


def statement(conn: Connection, statement_id: int) -> dict[str, Any]:
    """One statement by id; raises NotFound."""
    row = conn.execute(_STATEMENT_SQL + "WHERE s.id = ?", (statement_id,)).fetchone()
    if row is None:
        raise NotFound(Errors.S025.format(kind="statement", ref=statement_id))
    return _statement(row, _Texts(conn)(row["article_id"]))


def _statement(row: Any, text: str) -> dict[str, Any]:
    message = json.loads(row["message"])
    cue = json.loads(row["cue"])
    has_speaker = row["speaker_start"] is not None
    mention = text[row["speaker_start"] : row["speaker_end"]] if has_speaker else None
    ctx_start, ctx_end = context_span(text, row["start"], row["end"])
    speaker = None
    if row["speaker_id"] is not None:
        speaker = {
            "id": row["speaker_id"],
            "name": row["speaker_name"],
            "kind": row["speaker_kind"],
        }
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "article_title": row["title"],
        "source": row["source"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": row["published"],
        "published_precision": row["published_precision"],
        "form": row["form"],
        "fine_type": row["fine_type"],
        "text": " … ".join(text[s:e] for s, e in message),
        "start": row["start"],
        "end": row["end"],
        "message_spans": message,
        "cue": " ".join(text[s:e] for s, e in cue) or None,
        "cue_spans": cue,
        "speaker": speaker,
        "speaker_mention": mention,
        "speaker_span": [row["speaker_start"], row["speaker_end"]] if has_speaker else None,
        "role": row["role"],
        "medium": row["medium"],
        "confidence": round(row["confidence"], 3),
        "rule": row["rule"],
        "extractor": row["extractor"],
        "context": {"start": ctx_start, "end": ctx_end, "text": text[ctx_start:ctx_end]},
    }


def _sentence_ends(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Sentence ends that lie inside [lo, hi) (the capital after one may lie beyond)."""
    for match in _SENTENCE_END.finditer(text, lo, min(len(text), hi + 1)):
        if match.end() > hi:
            return
        word = match.group("word") or ""
        if match.group().startswith(word + ".") and (word.isdigit() or word.casefold() in _NO_END):
            continue
        yield match


def context_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around `[start, end)`, at most about MAX_CONTEXT characters each side."""
    lo = max(0, start - MAX_CONTEXT)
    begin = lo
    for match in _sentence_ends(text, lo, start):
        begin = match.end()
    if begin == lo and lo > 0:
        space = text.find(" ", lo, start)
        begin = space + 1 if space != -1 else start
    hi = min(len(text), end + MAX_CONTEXT)
    # From just before `end`: a message may itself end its sentence („… klar.“).
    after = next(_sentence_ends(text, max(start, end - 2), hi), None)
    if after:
        finish = after.start() + len(after.group().rstrip())
    elif hi == len(text):
        finish = hi
    else:
        space = text.rfind(" ", end, hi)
        finish = space if space != -1 else end
    para = text.rfind("\n\n", 0, start)
    begin = max(begin, para + 2 if para != -1 else 0)
    para_end = text.find("\n\n", end)
    finish = min(finish, para_end) if para_end != -1 else finish
    return min(begin, start), max(finish, end)


# -- speakers ------------------------------------------------------------------
def speakers(
    conn: Connection, name: str | None = None, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Speakers by number of statements, optionally by name; returns (page, total)."""
    where, args = "", []
    if name:
        where = f"WHERE e.name {dialect_of(conn).like} ? ESCAPE '\\'"
        args.append(_like(name))
    total = conn.execute(
        "SELECT count(*) FROM entities e WHERE e.id IN (SELECT speaker_id FROM statements) "
        + (f"AND {where[6:]}" if where else ""),
        args,
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT e.id, e.name, e.kind, count(s.id) AS statements, "
        "count(DISTINCT s.article_id) AS articles, max(a.published) AS last_published "
        "FROM statements s JOIN entities e ON e.id = s.speaker_id "
        f"JOIN articles a ON a.id = s.article_id {where} "
        "GROUP BY e.id ORDER BY statements DESC, e.name, e.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    out = []
    for row in rows:
        item = dict(row)
        item["roles"] = [
            r[0]
            for r in conn.execute(
                "SELECT role FROM entity_roles WHERE entity_id = ? GROUP BY role "
                "ORDER BY count(*) DESC, role LIMIT 3",
                (row["id"],),
            )
        ]
        out.append(item)
    return out, int(total)


def speaker_profile(conn: Connection, entity_id: int, weeks: int = 52) -> dict[str, Any]:
    """Everything the speaker page shows: names, roles, counts, weekly chart data, topics.

    Raises:
        NotFound: no entity with that id.
    """
    row = conn.execute("SELECT id, name, kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFound(Errors.S025.format(kind="speaker", ref=entity_id))
    profile: dict[str, Any] = dict(row)
    profile.update(_counts(conn, entity_id, weeks))
    profile["variants"] = [
        {"text": r[0], "count": r[1]}
        for r in conn.execute(
            # The latest 300 mentions are enough to see how someone is named.
            "SELECT substr(a.text, CAST(m.start AS INTEGER) + 1, CAST(m.end - m.start AS INTEGER)) "
            "AS v, count(*) AS n "
            "FROM (SELECT * FROM mentions WHERE entity_id = ? AND kind != 'pronoun' "
            "ORDER BY id DESC LIMIT 300) m JOIN articles a ON a.id = m.article_id "
            "GROUP BY v ORDER BY n DESC, v LIMIT 20",
            (entity_id,),
        )
    ]
    profile["roles"] = [
        {"role": r[0], "first": r[1], "last": r[2], "articles": r[3]}
        for r in conn.execute(
            "SELECT r.role, min(a.published), max(a.published), count(*) FROM entity_roles r "
            "JOIN articles a ON a.id = r.article_id WHERE r.entity_id = ? "
            "GROUP BY r.role ORDER BY max(a.published) DESC NULLS LAST, count(*) DESC LIMIT 20",
            (entity_id,),
        )
    ]
    profile["topics"] = _topics(conn, entity_id)
    return profile


def _counts(conn: Connection, entity_id: int, weeks: int) -> dict[str, Any]:
    """Totals, outlets and statements per week and outlet, from one pass over the statements.

    Weeks are ISO weeks (their Monday), over the last `weeks` weeks with data. Only
    day-precise dates have a week; the other statements are counted as `undated`.
    """
    rows = conn.execute(
        "SELECT a.published, a.published_precision, a.outlet, count(*), "
        "count(DISTINCT s.article_id) FROM statements s JOIN articles a ON a.id = s.article_id "
        "WHERE s.speaker_id = ? GROUP BY a.published, a.published_precision, a.outlet",
        (entity_id,),
    ).fetchall()
    outlets: Counter[str | None] = Counter()
    by_week: dict[str, Counter[str]] = {}
    total = articles = 0
    published = [r[0] for r in rows if r[0]]
    for value, precision, outlet, n, n_articles in rows:
        total += n
        articles += n_articles
        outlets[outlet] += n
        if value and precision in ("day", "datetime"):
            week = _monday(value[:10])
            if week:
                by_week.setdefault(week, Counter())[outlet or ""] += n
    recent = sorted(by_week)[-weeks:]
    return {
        "statements": total,
        "articles": articles,
        "first": min(published) if published else None,
        "last": max(published) if published else None,
        "outlets": [{"outlet": o, "statements": n} for o, n in outlets.most_common()],
        "weekly": [{"week": w, "outlets": dict(by_week[w])} for w in recent],
        "undated": total - sum(sum(by_week[w].values()) for w in recent),
    }


@cache
def _monday(day: str) -> str | None:
    """The Monday of the ISO week of a YYYY-MM-DD date (None if it is not one)."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


@cache
def _stopwords() -> frozenset[str]:
    """Function words and nouns too general to be topics (two packaged lists)."""
    words: set[str] = set()
    for name in ("stopwords_de.txt", "topic_stopwords_de.txt"):
        text = resources.files("sagte").joinpath(f"data/{name}").read_text("utf-8")
        for line in text.splitlines():
            words.update(w.casefold() for w in line.split("#", 1)[0].split())
    return frozenset(words)


def _topics(conn: Connection, entity_id: int, n: int = 12) -> list[dict[str, Any]]:
    """Words the speaker uses often and others rarely: nouns (capitalised) by tf·idf."""
    import math

    # The latest 250 statements; their extent (start to end) stands for the message.
    keys = _by_date(conn, StatementFilter(speaker_id=entity_id), 250, None)
    ids = [k[1] for k in keys]
    if not ids:
        return []
    rows = conn.execute(
        "SELECT s.article_id, substr(a.text, CAST(s.start AS INTEGER) + 1, "
        "CAST(s.end - s.start AS INTEGER)) FROM statements s "
        f"JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(ids))}) "
        "ORDER BY s.id",
        ids,
    ).fetchall()
    counts: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    stop = _stopwords()
    for _, part in rows:
        for start, end, stem in tokens(part):
            word = part[start:end]
            if len(word) < 4 or not word[0].isupper() or word.casefold() in stop:
                continue
            counts[stem] += 1
            surface.setdefault(stem, Counter())[word] += 1
    if not counts:
        return []
    # Names of people in those articles ("Petra", "Lindqvist") are who, not what.
    ids = sorted({article_id for article_id, _ in rows})
    names = conn.execute(
        "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
        f"WHERE e.kind = 'PER' AND m.article_id IN ({','.join('?' * len(ids))})",
        ids,
    )
    people = {stem for (name,) in names for _, _, stem in tokens(name)}
    candidates = [t for t, _ in counts.most_common(60 + len(people)) if t not in people][:60]
    df = document_frequencies(conn, candidates)
    total = indexed_statements(conn) or 1
    scored = [
        (counts[t] * math.log(1 + total / (1 + df.get(t, 0))), t)
        for t in candidates
        if counts[t] >= 1
    ]
    scored.sort(reverse=True)
    return [{"word": surface[t].most_common(1)[0][0], "count": counts[t]} for _, t in scored[:n]]


# -- articles ------------------------------------------------------------------
def article(conn: Connection, article_id: str) -> dict[str, Any]:
    """An article with its statements (offsets into `text`); raises NotFound."""
    row = conn.execute(
        "SELECT id, source, format, external_id, url, outlet, title, author, published, "
        "published_precision, language, analysed, raw_text, body_start, text, alignment, "
        "extractor, ingested_at FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise NotFound(Errors.S025.format(kind="article", ref=article_id))
    item = dict(row)
    item["alignment"] = json.loads(item["alignment"])
    item["analysed"] = bool(item["analysed"])
    rows = conn.execute(
        _STATEMENT_SQL + "WHERE s.article_id = ? ORDER BY s.start, s.id", (article_id,)
    )
    item["statements"] = [_statement(r, row["text"]) for r in rows]
    item["stories"] = _article_stories(conn, article_id)
    return item


def articles(
    conn: Connection,
    query: Query | None = None,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles, newest first (best match first with a query), without their text."""
    filters = StatementFilter(outlet=outlet, since=since, until=until)
    where, args = filters.where(conn)
    select = (
        "SELECT a.id, a.source, a.outlet, a.title, a.url, a.published, a.published_precision, "
        "a.language, a.analysed, (SELECT count(*) FROM statements x WHERE x.article_id = a.id) "
        "AS statements, substr(a.text, 1, 400) AS lead "
    )
    if query is not None:
        sql = select + "FROM articles_fts f JOIN articles a ON a.id = f.article_id "
        if dialect_of(conn) is POSTGRESQL:
            where = ["f.tsv @@ CAST(? AS tsquery)", *where]
            args = [query.tsquery(), *args, query.tsquery()]
            order = "ts_rank(f.tsv, CAST(? AS tsquery)) DESC, a.id"
        else:
            where = ["articles_fts MATCH ?", *where]
            args = [query.match_expression(), *args]
            order = "f.rank, a.id"
    else:
        sql = select + "FROM articles a "
        order = "a.published IS NULL, a.published DESC, a.id"
    sql += (f"WHERE {' AND '.join(where)} " if where else "") + f"ORDER BY {order} LIMIT ? OFFSET ?"
    out = []
    for row in conn.execute(sql, [*args, limit, offset]):
        item = dict(row)
        item["analysed"] = bool(item["analysed"])
        out.append(item)
    return out


def outlets(conn: Connection) -> list[dict[str, Any]]:
    """Outlets with their article counts, most articles first."""
    rows = conn.execute(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY n DESC, outlet"
    )
    return [{"outlet": r[0], "articles": r[1]} for r in rows]


# -- stories -------------------------------------------------------------------
def _story_tables(conn: Connection) -> str | None:
    """The table linking stories to articles, or None before migration 0003_stories."""
    names = tables(conn)
    if "stories" not in names:
        return None
    for table in ("story_articles", "story_members", "article_stories"):
        if table in names:
            return table
    return None


def _story_columns(conn: Connection) -> set[str]:
    return columns(conn, "stories")


def _story_title(columns: set[str]) -> str:
    for name in ("title", "label", "name", "headline"):
        if name in columns:
            return f"s.{name}"
    return "NULL"


def stories(conn: Connection, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stories, most recent first, with their article span; [] if stories are not built yet."""
    table = _story_tables(conn)
    if table is None:
        return []
    title = _story_title(_story_columns(conn))
    rows = conn.execute(
        f"SELECT s.id, {title} AS title, count(DISTINCT m.article_id) AS articles, "
        "count(DISTINCT a.outlet) AS outlets, min(a.published) AS first, "
        "max(a.published) AS last, (SELECT count(*) FROM statements x WHERE x.article_id IN "
        f"(SELECT article_id FROM {table} y WHERE y.story_id = s.id)) AS statements "
        f"FROM stories s JOIN {table} m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id "
        "GROUP BY s.id ORDER BY last DESC NULLS LAST, s.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [dict(r) for r in rows]


def story(conn: Connection, story_id: int) -> dict[str, Any]:
    """A story: its articles by date and outlet, and its statements grouped by speaker.

    Raises:
        NotFound: no such story (always, before stories are built).
    """
    table = _story_tables(conn)
    row = None
    if table is not None:
        title = _story_title(_story_columns(conn))
        row = conn.execute(
            f"SELECT s.id, {title} AS title FROM stories s WHERE s.id = ?", (story_id,)
        ).fetchone()
    if row is None or table is None:
        raise NotFound(Errors.S025.format(kind="story", ref=story_id))
    item: dict[str, Any] = dict(row)
    item["articles"] = [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.title, a.source, a.outlet, a.url, a.published, a.published_precision, "
            "(SELECT count(*) FROM statements x WHERE x.article_id = a.id) AS statements "
            f"FROM {table} m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.published IS NULL, a.published, a.id",
            (story_id,),
        )
    ]
    page, _ = statements(conn, StatementFilter(story_id=story_id), limit=500)
    groups: dict[str, dict[str, Any]] = {}
    for s in page:
        key = str(s["speaker"]["id"]) if s["speaker"] else f"?{s['speaker_mention'] or ''}"
        group = groups.setdefault(
            key, {"speaker": s["speaker"], "mention": s["speaker_mention"], "statements": []}
        )
        group["statements"].append(s)
    item["speakers"] = sorted(groups.values(), key=lambda g: -len(g["statements"]))
    item["title"] = item["title"] or (item["articles"][0]["title"] if item["articles"] else None)
    return item


def _article_stories(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    table = _story_tables(conn)
    if table is None:
        return []
    title = _story_title(_story_columns(conn))
    rows = conn.execute(
        f"SELECT s.id, {title} AS title FROM {table} m JOIN stories s ON s.id = m.story_id "
        "WHERE m.article_id = ?",
        (article_id,),
    )
    return [dict(r) for r in rows]
