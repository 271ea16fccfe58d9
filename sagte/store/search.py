"""German-aware full-text search over statements and articles (SQLite FTS5, or
PostgreSQL tsvectors).

Neither FTS5 nor PostgreSQL's parser is trusted with German, so the analysis happens here, the same way on both
sides: every word is case-folded (ß → ss), stemmed with the Snowball German
stemmer (which also maps ä/ae → a, ö/oe → o, ü/ue → u) and stripped of any
remaining diacritics. The index stores those stems, so „Bündnis“ finds
„Bündnisse“ and „Buendnis“, „Waffenlieferung“ finds „Waffenlieferungen“ and
„Strasse“ finds „Straße“.

User queries are never handed to FTS5 as they are. `parse_query` reads a small,
forgiving syntax and builds the MATCH expression itself, quoting every term:

    Waffen Ukraine            both words (AND)
    "Waffen für die Ukraine"  a phrase („…“, “…” and «…» work too)
    Nato OR EU                either (ODER works too)
    -Russland / NOT Russland  without (NICHT works too)
    Liefer*                   a prefix

A query with nothing to look for raises `SearchError` with a message for the
user; no input makes the search crash.

On PostgreSQL the index rows hold tsvectors written here from the same stems
(`tsvector`), with their positions for phrases, and queries become tsquery
literals (`Query.tsquery`): PostgreSQL's own parser and dictionaries never see the
text, so both backends match the same statements. Ranking differs (FTS5's bm25,
PostgreSQL's ts_rank); highlighting is computed here for both (`highlight_spans`).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from sagte.errors import Errors, SagteError
from sagte.store.db import POSTGRESQL, Connection, dialect_of, tables

logger = logging.getLogger(__name__)

__all__ = [
    "ANALYSER",
    "Query",
    "SearchError",
    "analyse",
    "document_frequencies",
    "highlight_spans",
    "index_article",
    "parse_query",
    "reindex",
    "statements_matching",
    "tokens",
    "tsvector",
]

# Stored nowhere yet, but named so a future change of analysis can be detected.
ANALYSER = "sagte.search.de.v1"
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
# PostgreSQL's tsvector limits: positions up to 16383, 256 of them a lexeme, lexemes
# under 2 kB, 1 MB in all. Past them a word is indexed without further positions.
_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_MAX_LEXEME = 2046
_MAX_TSVECTOR = 1_000_000

# A word: letters and digits; the underscore is excluded because FTS5's unicode61
# tokenizer splits on it and both sides must agree on what a token is.
_WORD = re.compile(r"[^\W_]+")
# Letters that NFKD does not decompose but readers type without the diacritic.
_EXTRA_FOLD = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"})
_QUOTES = {'"': '"', "„": "“", "“": "”", "”": "”", "«": "»", "»": "«", "‚": "‘"}
_OR = {"OR", "ODER"}
_AND = {"AND", "UND"}
_NOT = {"NOT", "NICHT"}


class SearchError(SagteError):
    """A search query that cannot be run; the message says how to fix it."""


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer keeps a cache of recent words, which makes repeated words cheap.
    return Stemmer.Stemmer("german", 100_000)


def _fold(stem: str) -> str:
    decomposed = unicodedata.normalize("NFKD", stem.translate(_EXTRA_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one word: folded, stemmed, without diacritics."""
    return _fold(_stemmer().stemWord(word.casefold()))


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """`(start, end, stem)` for every word of `text`; offsets index `text`."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), stem(match.group())


def analyse(text: str) -> str:
    """The text as the index stores it: its stems, separated by spaces."""
    return " ".join(stem(m.group()) for m in _WORD.finditer(text))


@dataclass(slots=True, frozen=True)
class Term:
    """One thing to look for: a word (one stem) or a phrase (several), maybe a prefix."""

    stems: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        # Stems hold only letters and digits, so quoting cannot be escaped from.
        return '"' + " ".join(self.stems) + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        """The term as a PostgreSQL tsquery: lexemes quoted, a phrase joined by <->."""
        words = [_lexeme(s) for s in self.stems]
        return " <-> ".join(words) + (":*" if self.prefix else "")

    def matches_at(self, stems: list[str], i: int) -> bool:
        n = len(self.stems)
        if i + n > len(stems):
            return False
        if stems[i : i + n - 1] != list(self.stems[:-1]):
            return False
        last = stems[i + n - 1]
        return last.startswith(self.stems[-1]) if self.prefix else last == self.stems[-1]


@dataclass(slots=True)
class Query:
    """A parsed query: groups of alternatives that must all match, and terms to exclude.

    >>> q = parse_query('Bündnisse "Waffen für die Ukraine" -Russland')
    >>> q.match_expression()
    '("bundnis") AND ("waff fur die ukrain") NOT ("russland")'
    """

    text: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def match_expression(self) -> str:
        """The FTS5 MATCH expression (every term quoted; safe by construction)."""
        expr = " AND ".join("(" + " OR ".join(t.fts() for t in g) + ")" for g in self.groups)
        for term in self.excluded:
            expr = f"{expr} NOT ({term.fts()})"
        return expr

    def tsquery(self) -> str:
        """The PostgreSQL tsquery of the same query (every lexeme quoted).

        >>> parse_query('Bündnisse "Waffen für" -Russland').tsquery()
        "('bundnis') & ('waff' <-> 'fur') & !('russland')"
        """
        expr = " & ".join("(" + " | ".join(t.tsquery() for t in g) + ")" for g in self.groups)
        for term in self.excluded:
            expr = f"{expr} & !({term.tsquery()})"
        return expr

    def expression(self, conn: Connection) -> str:
        """The query parameter for `conn`: a MATCH expression or a tsquery."""
        return self.tsquery() if dialect_of(conn) is POSTGRESQL else self.match_expression()

    def terms(self) -> list[Term]:
        """The terms to highlight (everything but exclusions)."""
        return [t for group in self.groups for t in group]


def statements_matching(conn: Connection) -> str:
    """An SQL condition on statements `s` that holds where they match the query
    parameter (`Query.expression`): FTS5's MATCH, or a tsquery on PostgreSQL."""
    if dialect_of(conn) is POSTGRESQL:
        return "s.id IN (SELECT rowid FROM statements_fts WHERE tsv @@ CAST(? AS tsquery))"
    return "s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"


def parse_query(text: str) -> Query:
    """Read a user's query (see the module docstring for the syntax).

    Raises:
        SearchError: the query is too long, has no words, or only excludes words.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(Errors.S016.format(limit=MAX_QUERY_CHARS))
    query = Query(text)
    pending_or = pending_not = False
    count = 0
    for raw, quoted in _pieces(text):
        if not quoted and raw in _OR:
            pending_or = bool(query.groups)
            continue
        if not quoted and raw in _AND:
            continue
        if not quoted and raw in _NOT:
            pending_not = True
            continue
        negated = pending_not
        if not quoted and raw.startswith("-") and len(raw) > 1:
            negated, raw = True, raw[1:]
        prefix = not quoted and raw.endswith("*")
        stems = tuple(s for _, _, s in tokens(raw))
        if not stems:
            continue
        if prefix and len(stems[-1]) < 2:
            prefix = False  # "a*" would match most of the index
        term = Term(stems, prefix)
        count += 1
        if negated:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = pending_not = False
    if count > MAX_QUERY_TERMS:
        raise SearchError(Errors.S017.format(count=count, limit=MAX_QUERY_TERMS))
    if not query.groups:
        raise SearchError(Errors.S018 if query.excluded else Errors.S019.format(query=text.strip()))
    return query


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """Split a query into words and quoted phrases; an unclosed quote runs to the end."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _QUOTES:
            close = _QUOTES[ch]
            end = i + 1
            while end < n and text[end] != close and not (ch == '"' and text[end] in "“”"):
                end += 1
            yield text[i + 1 : end], True
            i = end + 1
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] not in _QUOTES:
            end += 1
        yield text[i:end], False
        i = end


def highlight_spans(text: str, query: Query | None) -> list[tuple[int, int]]:
    """Spans of `text` that the query's terms match (phrases as one span), in order."""
    if query is None:
        return []
    toks = list(tokens(text))
    stems = [s for _, _, s in toks]
    spans = []
    for i in range(len(toks)):
        for term in query.terms():
            if term.matches_at(stems, i):
                spans.append((toks[i][0], toks[i + len(term.stems) - 1][1]))
    return _merge(spans)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# -- the index -----------------------------------------------------------------
def statement_text(text: str, message: list[list[int]]) -> str:
    """The message of a statement as one string (discontinuous parts joined)."""
    return " … ".join(text[s:e] for s, e in message)


def _lexeme(stem: str) -> str:
    # Stems hold only letters and digits; quoting is for safety, not need.
    return "'" + stem.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(*parts: str) -> str:
    """A PostgreSQL tsvector literal of texts (title, body): their stems with positions.

    A position is left free between parts, so a phrase never runs from one into the
    next (as FTS5 keeps columns apart).

    >>> tsvector("Die Bündnisse", "Bündnis")
    "'die':1 'bundnis':2,4"
    """
    positions: dict[str, list[int]] = {}
    position = size = 0
    for part in parts:
        for match in _WORD.finditer(part):
            position += 1
            word = stem(match.group())
            seen = positions.get(word)
            if seen is None:
                if len(word.encode()) > _MAX_LEXEME or size > _MAX_TSVECTOR:
                    continue
                size += len(word.encode()) + 8
                positions[word] = [min(position, _MAX_POSITION)]
            elif len(seen) < _MAX_POSITIONS and seen[-1] < _MAX_POSITION:
                seen.append(min(position, _MAX_POSITION))
                size += 2
        position += 1
    return " ".join(f"{_lexeme(w)}:{','.join(map(str, p))}" for w, p in positions.items())


def index_article(conn: Connection, article_id: str) -> int:
    """(Re)index one stored article and its statements; returns the statements indexed.

    Runs inside the caller's transaction (`Store.add_article` calls it in its own).
    """
    row = conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return 0
    title, text = row[0] or "", row[1]
    if dialect_of(conn) is POSTGRESQL:
        return _index_article_pg(conn, article_id, title, text)
    conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
    conn.execute(
        "INSERT INTO articles_fts (article_id, title, body) VALUES (?, ?, ?)",
        (article_id, analyse(title), analyse(text)),
    )
    rows = conn.execute(
        "SELECT id, message FROM statements WHERE article_id = ?", (article_id,)
    ).fetchall()
    for sid, message in rows:
        conn.execute("DELETE FROM statements_fts WHERE rowid = ?", (sid,))
        conn.execute(
            "INSERT INTO statements_fts (rowid, message) VALUES (?, ?)",
            (sid, analyse(statement_text(text, json.loads(message)))),
        )
    return len(rows)


def _index_article_pg(conn: Connection, article_id: str, title: str, text: str) -> int:
    conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
    conn.execute(
        "INSERT INTO articles_fts (article_id, tsv) VALUES (?, CAST(? AS tsvector))",
        (article_id, tsvector(title, text)),
    )
    rows = conn.execute(
        "SELECT id, message FROM statements WHERE article_id = ?", (article_id,)
    ).fetchall()
    conn.execute(
        "DELETE FROM statements_fts WHERE rowid IN "
        "(SELECT id FROM statements WHERE article_id = ?)",
        (article_id,),
    )
    conn.executemany(
        "INSERT INTO statements_fts (rowid, tsv) VALUES (?, CAST(? AS tsvector))",
        [(sid, tsvector(statement_text(text, json.loads(message)))) for sid, message in rows],
    )
    return len(rows)


def reindex(conn: Connection) -> tuple[int, int]:
    """Rebuild the search index of the whole database; returns (articles, statements).

    For databases written before the search migration, or after a change of the
    analysis. The caller holds the transaction.
    """
    conn.execute("DELETE FROM articles_fts")
    conn.execute("DELETE FROM statements_fts")
    articles = statements = 0
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY ingested_at, id")]
    for article_id in ids:
        statements += index_article(conn, article_id)
        articles += 1
    logger.info("search index rebuilt: %d articles, %d statements", articles, statements)
    return articles, statements


def has_index(conn: Connection) -> bool:
    """True if the database has the search tables (migration 0002_search)."""
    return "statements_fts" in tables(conn)


def indexed_statements(conn: Connection) -> int:
    """How many statements the search index holds."""
    return int(conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0])


def document_frequencies(conn: Connection, stems: list[str]) -> dict[str, int]:
    """For each stem, the number of indexed statements that contain it (0s left out)."""
    if not stems:
        return {}
    if dialect_of(conn) is POSTGRESQL:
        # One index probe a stem (the GIN index on tsv), not a pass over the index.
        rows = conn.execute(
            "SELECT u.term, (SELECT count(*) FROM statements_fts f "
            "WHERE f.tsv @@ CAST(u.q AS tsquery)) FROM unnest(CAST(? AS text[]), "
            "CAST(? AS text[])) AS u(term, q)",
            (stems, [_lexeme(s) for s in stems]),
        )
    else:
        marks = ",".join("?" * len(stems))
        rows = conn.execute(
            f"SELECT term, doc FROM statements_vocab WHERE term IN ({marks})", stems
        )
    return {term: int(n) for term, n in rows if n}
