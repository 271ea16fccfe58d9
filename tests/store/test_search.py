"""German-aware full-text search: analysis, query parsing, indexing and reindexing.

Both backends: FTS5 in SQLite, tsvectors in PostgreSQL (`web_target`, `db_target`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sagte
from sagte.store import Store
from sagte.store.browse import StatementFilter, statements
from sagte.store.db import SQLITE, connect, dialect_of
from sagte.store.search import (
    SearchError,
    analyse,
    highlight_spans,
    parse_query,
    stem,
    tsvector,
)
from tests.conftest import SEEDS
from tests.postgres import Server


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Bündnis", "Bündnisse"),  # plural
        ("Bündnis", "Bündnissen"),  # dative plural
        ("Waffenlieferung", "Waffenlieferungen"),
        ("Buendnis", "Bündnis"),  # umlaut typed as ue
        ("Bundnis", "Bündnis"),  # umlaut typed without dots
        ("Strasse", "Straße"),  # ß typed as ss
        ("STRASSE", "Straße"),
        ("Groesse", "Größe"),
        ("Präsidenten", "Präsident"),
        ("Stoltenbergs", "Stoltenberg"),  # genitive of a name
    ],
)
def test_search_stem_matches_german_word_forms(query: str, text: str) -> None:
    assert stem(query) == stem(text)


@pytest.mark.parametrize(
    ("query", "text"),
    [("Bund", "Bündnis"), ("Waffe", "Waffenlieferung"), ("Straße", "Strafe")],
)
def test_search_stem_keeps_different_words_apart(query: str, text: str) -> None:
    assert stem(query) != stem(text)


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("Bündnisse", '("bundnis")'),
        ("Waffen Ukraine", '("waff") AND ("ukrain")'),
        ('"Waffen für die Ukraine"', '("waff fur die ukrain")'),
        ("„Waffen für die Ukraine“", '("waff fur die ukrain")'),
        ("Nato OR EU", '("nato" OR "eu")'),
        ("Nato ODER EU Gipfel", '("nato" OR "eu") AND ("gipfel")'),
        ("Kosten -Hallenbad", '("kost") NOT ("hallenbad")'),
        ("Kosten NICHT Hallenbad", '("kost") NOT ("hallenbad")'),
        ("Liefer*", '("lief"*)'),
        ("Nato-Staaten", '("nato staat")'),  # a hyphenated word is a phrase
        ('"offenes Ende', '("off end")'),  # an unclosed quote runs to the end
        ("AND Nato", '("nato")'),
        ("OR Nato", '("nato")'),  # OR without a left side is ignored
        ('col:Nato NEAR(a b) ^x "', '("col nato") AND ("near a") AND ("b") AND ("x")'),
    ],
)
def test_search_parse_query_builds_a_quoted_expression(query: str, expression: str) -> None:
    assert parse_query(query).match_expression() == expression


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "S019"),
        ("   ", "S019"),
        ("!!! ... ???", "S019"),
        ('""', "S019"),
        ("OR AND NOT", "S019"),
        ("-Russland", "S018"),
        ("NOT Nato -EU", "S018"),
        ("x" * 501, "S016"),
        (" ".join(f"w{i}" for i in range(33)), "S017"),
    ],
)
def test_search_parse_query_explains_what_cannot_be_searched(query: str, code: str) -> None:
    with pytest.raises(SearchError, match=code):
        parse_query(query)


TEXTS = ("Die Bündnisse halten", "Waffenlieferungen an die Ukraine", "Straße und Platz")
# The index and its query on each backend, as the store has them.
MATCH = {
    "sqlite": "SELECT count(*) FROM t WHERE t MATCH ?",
    "postgresql": "SELECT count(*) FROM t WHERE tsv @@ CAST(? AS tsquery)",
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fts(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A real FTS5 table configured like the store's, or its PostgreSQL counterpart."""
    if request.param == "sqlite":
        conn: Any = sqlite3.connect(":memory:")
        conn.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')"
        )
        for text in TEXTS:
            conn.execute("INSERT INTO t (body) VALUES (?)", (analyse(text),))
        yield conn
        return
    server: Server = request.getfixturevalue("pg_server")
    url = server.create_database()
    conn = connect(url)
    conn.execute("CREATE TABLE t (tsv TSVECTOR NOT NULL)")
    for text in TEXTS:
        conn.execute("INSERT INTO t (tsv) VALUES (CAST(? AS tsvector))", (tsvector(text),))
    yield conn
    conn.close()
    server.drop_database(url)


def _count(conn: Any, text: str) -> int:
    """Matches of the query in `fts`'s three texts (after parse_query, which may raise)."""
    query = parse_query(text)
    return int(conn.execute(MATCH[dialect_of(conn).name], (query.expression(conn),)).fetchone()[0])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=80))
def test_search_any_query_is_safe(fts: Any, text: str) -> None:
    """Whatever a user types: a friendly SearchError, or an expression the index accepts."""
    try:
        _count(fts, text)
    except SearchError:
        return


@pytest.mark.parametrize(
    ("query", "n"),
    [
        ("Bündnis", 1), ("bundnis", 1), ("Buendnisse", 1), ("Strasse", 1), ("STRASSE", 1),
        ('"Waffenlieferung an die"', 1), ('"an Waffenlieferung"', 0), ("Waff*", 1),
        ("Ukraine OR Platz", 2), ("die -Ukraine", 1), ("Bund", 0),
    ],
)  # fmt: skip
def test_search_finds_the_same_on_both_backends(fts: Any, query: str, n: int) -> None:
    assert _count(fts, query) == n


@pytest.mark.parametrize(
    "text",
    [
        '"', "'", "*", "-", "(", ")", "NEAR(", "body:x", "^", "a AND", "NOT", '" OR "',
        "'; DROP TABLE statements; --", "\x00", "😀 Bündnis", "x" * 500, "Ａｌｌｅ", "ǅ",
    ],
)  # fmt: skip
def test_search_naughty_queries_never_crash(fts: Any, text: str) -> None:
    try:
        _count(fts, text)
    except SearchError:
        return


def test_search_highlight_spans_marks_word_forms_and_phrases() -> None:
    text = "Die Bündnisse halten, sagte sie: Waffen für die Ukraine."
    spans = highlight_spans(text, parse_query('Bündnis "Waffen für die Ukraine"'))
    assert [text[s:e] for s, e in spans] == ["Bündnisse", "Waffen für die Ukraine"]
    prefix = highlight_spans("Lieferungen und Lieferanten", parse_query("Liefer*"))
    assert len(prefix) == 2
    assert highlight_spans(text, parse_query("-Nato Ukraine")) == [(text.index("Ukraine"), 55)]


def test_search_tsvector_keeps_positions_for_phrases() -> None:
    assert tsvector("Die Bündnisse", "Bündnis") == "'die':1 'bundnis':2,4"  # a gap between parts
    assert tsvector("") == ""
    long = tsvector("Wort " * 20_000)
    assert long.startswith("'wort':1,2,3,") and long.count(",") == 255  # 256 positions at most
    assert tsvector("x" * 3000 + " kurz") == "'kurz':2"  # a lexeme over 2 kB is left out


def test_search_finds_inflected_forms_in_stored_statements(web_target: str) -> None:
    conn = Store(web_target, readonly=True).conn

    def found(query: str) -> list[str]:
        page, _ = statements(conn, StatementFilter(query=parse_query(query)), limit=50)
        return [s["text"] for s in page]

    assert any("Bündnisse" in t for t in found("Bündnis"))
    assert any("Waffenlieferungen" in t for t in found("Waffenlieferung"))
    assert any("Straße" in t for t in found("Strasse"))
    assert any("Tropfen auf den heißen Stein" in t for t in found('"heißen Stein"'))
    assert not found('"Stein heißen"')  # a phrase keeps its order
    with_nato = found("Ukraine")
    without = found("Ukraine -Nato")
    assert without and len(without) < len(with_nato)
    assert not any("NATO" in t or "Nato" in t for t in without)


def test_search_migration_indexes_a_database_from_before_it(db_target: str) -> None:
    with sagte.open(db_target) as db:
        db.ingest(SEEDS)
        # Turn the database into one written before the search migration existed.
        conn = db.store.conn
        tables = ["statements_fts", "articles_fts"]
        if dialect_of(conn) is SQLITE:
            tables.insert(0, "statements_vocab")
        for table in tables:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _migrations WHERE name = '0002_search'")
    store = Store(db_target)  # migrates, which rebuilds the index
    n_statements = store.count("statements")
    assert store.conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0] == n_statements
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2
    page, _ = statements(store.conn, StatementFilter(query=parse_query("Waffenlieferung")))
    assert page
    store.close()
