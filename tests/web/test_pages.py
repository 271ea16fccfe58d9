"""The server-rendered pages: every page type, languages, escaping, headers, texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sagte.web import create_app
from sagte.web.i18n import LANGUAGES, TEXTS
from tests.conftest import XSS_SCRIPT

TEMPLATES = Path(__file__).resolve().parents[2] / "sagte" / "web" / "templates"


@pytest.fixture(scope="module")
def client(web_target: str) -> TestClient:
    """The pages over SQLite and over PostgreSQL (`web_target`)."""
    return TestClient(create_app(web_target), raise_server_exceptions=False)


def first(client: TestClient, url: str, **params: str) -> dict:
    return client.get(url, params=params).json()["items"][0]


def test_pages_every_page_type_renders_in_german(client: TestClient) -> None:
    statement = first(client, "/api/statements", q="Bündnisse")
    speaker = statement["speaker"]["id"]
    urls = [
        "/", "/?q=Bündnis", "/?speaker=Albers&form=direct&since=2023-02&until=2023-12",
        "/speakers", "/speakers?name=Albers", f"/speakers/{speaker}", "/articles",
        "/articles?q=Busspur", f"/articles/{statement['article_id']}",
        f"/articles/{statement['article_id']}?view=raw", "/stories", "/docs",
    ]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        if url != "/docs":
            assert '<html lang="de">' in response.text and "Aussagen" in response.text, url
    redirect = client.get(f"/statements/{statement['id']}", follow_redirects=False)
    assert redirect.status_code == 303
    assert redirect.headers["location"] == f"/articles/{statement['article_id']}#s{statement['id']}"


def test_pages_search_highlights_the_hit_inside_the_statement(client: TestClient) -> None:
    html = client.get("/", params={"q": "Bündnis"}).text
    assert "<mark>Bündnisse</mark>" in html
    assert 'class="badge form-direct"' in html
    assert "Katrin Albers" in html and "Westkurier" in html


def test_pages_article_colours_statements_by_speaker_with_a_legend(client: TestClient) -> None:
    statement = first(client, "/api/statements", q="Tropfen")
    html = client.get(f"/articles/{statement['article_id']}").text
    assert f'id="s{statement["id"]}"' in html
    colours = set(re.findall(r'class="msg (sp-\d+)"', html))
    assert len(colours) >= 2  # Albers and Vogt
    legend = html[html.index('class="legend"') :]
    assert "Katrin Albers" in legend and "Hendrik Vogt" in legend
    assert all(f'swatch {c}"' in legend for c in colours)


def test_pages_bad_searches_explain_themselves(client: TestClient) -> None:
    for q, code in (("-Nato", "S018"), ('""', "S019")):
        response = client.get("/", params={"q": q})
        assert response.status_code == 400
        assert code in response.text and 'class="error"' in response.text
    bad_date = client.get("/", params={"since": "2022-13"})
    assert bad_date.status_code == 400 and "YYYY-MM" in bad_date.text
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "S025" in missing.text


def test_pages_switch_to_english_and_remember_it(client: TestClient) -> None:
    response = client.get("/", params={"lang": "en"})
    assert '<html lang="en">' in response.text and "Search statements" in response.text
    assert "sagte_lang=en" in response.headers["set-cookie"]
    client.cookies.set("sagte_lang", "en")
    try:
        assert "Speakers" in client.get("/speakers").text
    finally:
        client.cookies.clear()
    assert '<html lang="de">' in client.get("/", params={"lang": "xx"}).text


@pytest.mark.parametrize("where", ["article", "search", "speaker", "articles", "speakers"])
def test_pages_escape_untrusted_article_text(client: TestClient, where: str) -> None:
    statement = first(client, "/api/statements", q="einschüchtern")
    url = {
        "article": f"/articles/{statement['article_id']}",
        "search": "/?q=einschüchtern",
        "speaker": f"/speakers/{statement['speaker']['id']}",
        "articles": "/articles",
        "speakers": "/speakers",
    }[where]
    html = client.get(url).text
    assert XSS_SCRIPT not in html and "<img src=x" not in html
    if where != "speakers":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    if where in ("article", "search"):
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/sagte.js" defer>']
    assert "javascript:" not in html  # the article's url is javascript:alert(1)


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_use_only_local_assets(client: TestClient) -> None:
    for url in ("/", "/docs", "/static/sagte.css", "/static/docs.js"):
        text = client.get(url).text
        assert not re.search(r"(src|href)=\"https?://", text), url
        assert "cdn." not in text, url


def test_i18n_every_text_exists_in_every_language() -> None:
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGUAGES), key
        assert all(entry.values()), key


def test_i18n_templates_use_only_known_keys() -> None:
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_.]+[a-z])'\s*[,)]", template.read_text("utf-8")))
    assert used, "no texts found in the templates"
    dynamic = {k for k in TEXTS if k.startswith("form.")}
    assert used - set(TEXTS) == set()
    assert set(TEXTS) - used - dynamic == set()
