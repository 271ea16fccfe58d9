"""Browsing queries: the sentence around a statement, cursors, the date-ordered plans."""

from __future__ import annotations

import pytest

from sagte.store import Store, browse
from sagte.store.browse import (
    CursorError,
    StatementFilter,
    context_span,
    decode_cursor,
    encode_cursor,
    statements,
)
from sagte.store.search import parse_query

# (text, message, the context the card shows)
CONTEXTS = [
    (
        "Die Tarifrunde ist am 15. März in Potsdam angesetzt. Sollte es kein Angebot geben, "
        "seien Streiks möglich, sagte Dr. Weber. Danach ging es weiter.",
        "seien Streiks möglich",
        "Sollte es kein Angebot geben, seien Streiks möglich, sagte Dr. Weber.",
    ),
    (
        "„Wir sind bereit“, sagte er. „Das ist klar.“ Dann ging er.",
        "Das ist klar.",
        "„Das ist klar.“",
    ),
    (
        "Erster Absatz endet hier\n\nLaut Polizei gab es keine Verletzten. Mehr nicht.",
        "gab es keine Verletzten",
        "Laut Polizei gab es keine Verletzten.",
    ),
    ("Kurz: „Nein“", "Nein", "Kurz: „Nein“"),
]


@pytest.mark.parametrize(("text", "message", "context"), CONTEXTS)
def test_browse_context_is_the_sentence_around_the_message(
    text: str, message: str, context: str
) -> None:
    start = text.index(message)
    a, b = context_span(text, start, start + len(message))
    assert text[a:b] == context


def test_browse_cursors_round_trip_and_refuse_others() -> None:
    assert decode_cursor(encode_cursor(["2023-02-20", 17]), "date") == ["2023-02-20", 17]
    assert decode_cursor(encode_cursor([None, 3]), "date") == [None, 3]
    assert decode_cursor(encode_cursor(40), "relevance") == 40
    for bad, sort in (("%%%", "date"), (encode_cursor(40), "date"), (encode_cursor([1]), "date")):
        with pytest.raises(CursorError, match="S020"):
            decode_cursor(bad, sort)
    with pytest.raises(CursorError, match="S020"):
        decode_cursor(encode_cursor(["x", 1]), "relevance")


@pytest.mark.parametrize("drive", [1, 10**6])  # always the date scan; always index-driven
@pytest.mark.parametrize(
    "filters",
    [
        StatementFilter(),
        StatementFilter(query=parse_query("die")),
        StatementFilter(query=parse_query("Bündnisse")),
        StatementFilter(speaker="Ohlendorf"),
        StatementFilter(outlet="Westkurier", since="2023-02", until="2023-03-01"),
    ],
)
def test_browse_pages_in_date_order_whatever_the_plan(
    web_target: str, filters: StatementFilter, drive: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse, "DRIVE", drive)
    conn = Store(web_target, readonly=True).conn
    every, _ = statements(conn, filters, limit=10_000)
    paged, cursor = [], None
    while True:
        page, cursor = statements(conn, filters, limit=3, cursor=cursor)
        paged += page
        if cursor is None:
            break
    assert [s["id"] for s in paged] == [s["id"] for s in every]
    dated = [s["published"] for s in every if s["published"]]
    assert dated == sorted(dated, reverse=True)
    assert all(s["published"] is None for s in every[len(dated) :])
