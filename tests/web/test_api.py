"""The REST API: filters, cursor pagination, profiles, exports, errors, limits, writes.

Every test runs over SQLite and over PostgreSQL (`web_target`, `db_target`).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from sagte.store import Store
from sagte.store.db import SQLITE, dialect_of
from sagte.web import create_app
from sagte.web.app import QueryTimeout, run_read
from tests.conftest import XSS_SCRIPT


@pytest.fixture(scope="module")
def client(web_target: str) -> TestClient:
    return TestClient(create_app(web_target), raise_server_exceptions=False)


def all_pages(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    items, cursor, pages = [], None, 0
    while True:
        page = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items
        assert pages < 500


def speaker_id(client: TestClient, name: str) -> int:
    items = client.get("/api/speakers", params={"name": name}).json()["items"]
    return int(items[0]["id"])


def test_api_statements_cursor_pagination_returns_each_statement_once(
    client: TestClient, web_target: str
) -> None:
    items = all_pages(client, "/api/statements", limit=7)
    with Store(web_target, readonly=True) as store:
        total = store.count("statements")
    assert len(items) == total
    assert len({s["id"] for s in items}) == total
    dated = [s["published"] for s in items if s["published"]]
    assert dated == sorted(dated, reverse=True)  # newest first
    assert all(s["published"] is None for s in items[len(dated) :])  # undated last


def test_api_statements_relevance_pages_cover_every_match(client: TestClient) -> None:
    by_date = all_pages(client, "/api/statements", q="Ukraine", limit=50)
    ranked = all_pages(client, "/api/statements", q="Ukraine", sort="relevance", limit=2)
    assert by_date
    assert sorted(s["id"] for s in ranked) == sorted(s["id"] for s in by_date)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"speaker": "ohlendorf"}, lambda s: s["speaker"]["name"] == "Markus Ohlendorf"),
        ({"form": "indirect"}, lambda s: s["form"] == "indirect"),
        ({"outlet": "Westkurier"}, lambda s: s["outlet"] == "Westkurier"),
        ({"since": "2023-03"}, lambda s: s["published"] >= "2023-03"),
        ({"until": "2023-02-20"}, lambda s: s["published"][:10] <= "2023-02-20"),
        ({"organisation": "Verdi"}, "Verdi"),
        ({"q": "Bündnisse"}, lambda s: "Bündnis" in s["text"]),
        ({"q": "Personal", "outlet": "Südbote"}, lambda s: s["outlet"] == "Südbote"),
    ],
)
def test_api_statements_filters_select_what_they_say(
    client: TestClient, params: dict[str, str], check: Any
) -> None:
    items = all_pages(client, "/api/statements", **params)
    assert items, params
    if check == "Verdi":  # the organisation speaks, or is named in the speaker's roles
        speakers = {s["speaker"]["id"] for s in items}
        profiles = [client.get(f"/api/speakers/{i}").json() for i in speakers]
        names = {p["name"] for p in profiles}
        assert {"Markus Ohlendorf", "Gewerkschaft Verdi"} <= names
        assert all("Verdi" in p["name"] + str(p["roles"]) for p in profiles)
        return
    assert all(check(s) for s in items), params


def test_api_statement_offsets_point_into_the_article_text(client: TestClient) -> None:
    items = client.get("/api/statements", params={"q": "Geduld"}).json()["items"]
    assert len(items) >= 2
    for item in items:
        article = client.get(f"/api/articles/{item['article_id']}").json()
        text = article["text"]
        assert " … ".join(text[s:e] for s, e in item["message_spans"]) == item["text"]
        assert text[item["context"]["start"] : item["context"]["end"]] == item["context"]["text"]
        assert item["text"] in item["context"]["text"]
        start, end = item["speaker_span"]
        assert item["speaker_mention"] == text[start:end]
        assert any(s["id"] == item["id"] for s in article["statements"])
    assert article["raw_text"] is None
    raw = client.get(f"/api/articles/{item['article_id']}", params={"include_raw": True}).json()
    assert raw["raw_text"] and raw["alignment"]


def test_api_speaker_profile_has_roles_weeks_outlets_and_topics(client: TestClient) -> None:
    sid = speaker_id(client, "Ohlendorf")
    profile = client.get(f"/api/speakers/{sid}").json()
    assert profile["name"] == "Markus Ohlendorf"
    assert any("Verdi-Verhandlungsführer" in r["role"] for r in profile["roles"])
    assert any(v["text"] == "Ohlendorf" or "Ohlendorf" in v["text"] for v in profile["variants"])
    weeks = {w["week"]: w["outlets"] for w in profile["weekly"]}
    # Monday 20 and Wednesday 22 February: one week, two outlets.
    assert set(weeks["2023-02-20"]) == {"Südbote", "Rheinische Zeitung Nord"}
    assert all(w == w[:10] and w >= "2023" for w in weeks)
    dated = sum(sum(o.values()) for o in weeks.values())
    assert dated + profile["undated"] == profile["statements"]
    assert {o["outlet"] for o in profile["outlets"]} >= {"Südbote", "Westkurier"}
    assert profile["topics"] and all(t["word"][0].isupper() for t in profile["topics"])
    assert "Ohlendorf" not in [t["word"] for t in profile["topics"]]
    assert profile["latest"] and all(s["speaker"]["id"] == sid for s in profile["latest"])


def test_api_lists_speakers_articles_and_outlets(client: TestClient) -> None:
    speakers = all_pages(client, "/api/speakers", limit=5)
    counts = [s["statements"] for s in speakers]
    assert counts == sorted(counts, reverse=True)
    articles = all_pages(client, "/api/articles", limit=4)
    assert len(articles) == len({a["id"] for a in articles}) >= 16
    found = client.get("/api/articles", params={"q": "Busspur"}).json()["items"]
    assert [a["title"] for a in found] == ["Streit um Busspur in der Hauptstraße"]
    outlets = {o["outlet"] for o in client.get("/api/outlets").json()}
    assert {"Westkurier", "Südbote", "Rheinische Zeitung Nord"} <= outlets


def test_api_exports_stream_every_selected_statement(client: TestClient) -> None:
    selected = all_pages(client, "/api/statements", outlet="Südbote")
    jsonl = client.get("/api/export/statements.jsonl", params={"outlet": "Südbote"})
    assert jsonl.status_code == 200
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert [r["id"] for r in rows] == [s["id"] for s in selected]
    every = client.get("/api/export/statements.csv")
    assert every.headers["content-disposition"].endswith('statements.csv"')
    table = list(csv.DictReader(io.StringIO(every.text)))
    assert len(table) == len(all_pages(client, "/api/statements", limit=200))
    assert {"speaker", "text", "message_spans", "published"} <= set(table[0])
    empty = client.get("/api/export/statements.csv", params={"q": "Quantenchromodynamik"})
    assert empty.status_code == 200 and empty.text.count("\n") == 1  # the header only


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/statements?limit=0", 422, "validation"),
        ("/api/statements?limit=201", 422, "validation"),
        ("/api/statements?limit=abc", 422, "validation"),
        ("/api/statements?form=shouted", 422, "validation"),
        ("/api/statements?since=2022-13", 422, "validation"),
        ("/api/statements?until=gestern", 422, "validation"),
        ("/api/statements?speaker_id=99999999999999999999999", 422, "validation"),
        ("/api/statements?q=-Nato", 400, "S018"),
        ("/api/statements?q=%22%22", 400, "S019"),
        ("/api/statements?q=" + "x" * 600, 422, "validation"),
        ("/api/statements?cursor=bm9wZQ", 400, "S020"),
        ("/api/statements?cursor=%5B%5D", 422, "validation"),
        ("/api/statements?cursor=W10", 400, "S020"),  # base64 of []
        ("/api/statements?sort=relevance&q=Nato&cursor=WyJ4IiwxXQ", 400, "S020"),
        ("/api/statements/999999", 404, "S025"),
        ("/api/speakers/999999", 404, "S025"),
        ("/api/articles/nope", 404, "S025"),
        ("/api/stories/999999", 404, "S025"),
        ("/api/nothing", 404, "http"),
        ("/api/export/statements.csv?q=NOT", 400, "S019"),
    ],
)
def test_api_errors_are_4xx_in_one_shape(
    client: TestClient, url: str, status: int, code: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert "Traceback" not in response.text


def test_api_stories_work_before_and_after_stories_exist(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert set(stories) == {"items", "next_cursor"}
    for story in stories["items"][:3]:
        detail = client.get(f"/api/stories/{story['id']}").json()
        assert detail["articles"]


def test_api_writes_are_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "„Ja“, sagte er."})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "S022"


def test_api_writes_need_the_operators_token(db_target: str) -> None:
    Store(db_target).close()  # an empty database, with the search index
    client = TestClient(create_app(db_target, token="geheim-123"), raise_server_exceptions=False)
    article = {
        "text": "„Die Brücke wird im Sommer gesperrt“, sagte Baudezernentin Ines Harms am Dienstag.",
        "title": "Brücke gesperrt",
        "outlet": "Testblatt",
        "published": "2023-06-06",
    }
    assert client.post("/api/articles", json=article).status_code == 401
    wrong = client.post("/api/articles", json=article, headers={"Authorization": "Bearer falsch"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "S021"
    auth = {"Authorization": "Bearer geheim-123"}
    created = client.post("/api/articles", json=article, headers=auth)
    assert created.status_code == 201, created.text
    assert created.json()["stored"] and created.json()["statements"] >= 1
    again = client.post("/api/articles", json=article, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    found = client.get("/api/statements", params={"q": "Brücke gesperrt"}).json()["items"]
    assert found and found[0]["speaker"]["name"] == "Ines Harms"
    bad = client.post("/api/articles", json={**article, "published": "morgen"}, headers=auth)
    assert bad.status_code == 422


def test_api_refuses_request_bodies_over_the_limit(web_target: str) -> None:
    app = create_app(web_target, token="t", max_body=1000)
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post(
        "/api/articles", json={"text": "Wort " * 1000}, headers={"Authorization": "Bearer t"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "S023"


def test_api_reads_through_read_only_connections(client: TestClient) -> None:
    conn = client.app.state.reader.conn()  # type: ignore[attr-defined]
    errors = (sqlite3.OperationalError, psycopg.errors.ReadOnlySqlTransaction)
    with pytest.raises(errors, match="readonly|read-only|query_only"):
        conn.execute("DELETE FROM statements")
    if dialect_of(conn) is not SQLITE:  # a transaction cannot be switched to writing either
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("BEGIN")
            try:
                conn.execute("DELETE FROM statements")
            finally:
                conn.execute("ROLLBACK")


def test_api_long_reads_are_stopped_at_the_time_limit(web_target: str) -> None:
    app = create_app(web_target, query_seconds=0.05)

    class Request:  # what run_read needs of a request
        pass

    request = Request()
    request.app = app  # type: ignore[attr-defined]
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    with pytest.raises(QueryTimeout, match="S024"):
        run_read(request, lambda c: c.execute(endless).fetchone())  # type: ignore[arg-type]


def test_api_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/statements", "/api/statements/{statement_id}", "/api/speakers",
        "/api/speakers/{speaker_id}", "/api/articles", "/api/articles/{article_id}",
        "/api/stories", "/api/stories/{story_id}", "/api/export/statements.csv",
        "/api/export/statements.jsonl", "/api/outlets",
    } <= paths  # fmt: skip
    assert not any(p == "/" or p.startswith("/speakers") for p in paths)  # pages are not API
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_api_json_escapes_nothing_away(client: TestClient) -> None:
    """The API returns article text as data, exactly; escaping is the pages' job."""
    items = client.get("/api/statements", params={"q": "einschüchtern"}).json()["items"]
    assert XSS_SCRIPT in items[0]["text"]
