"""The server-rendered pages: search, article, speaker, story (and their lists)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from sagte.errors import SagteError
from sagte.ingest import parse_date
from sagte.store import browse
from sagte.store.browse import StatementFilter
from sagte.store.db import Connection
from sagte.store.search import Query, highlight_spans, parse_query
from sagte.web.app import lang_of, page, run_read, url_with
from sagte.web.markup import (
    Mark,
    highlight,
    paragraphs,
    raw_marks,
    speaker_key,
    statement_marks,
    timeline,
    week_chart,
)

router = APIRouter(include_in_schema=False)
FORMS = ("direct", "indirect", "mixed", "reported", "free_indirect")
PAGE = 20


def card(statement: dict[str, Any], query: Query | None) -> Markup:
    """The statement's message highlighted inside its sentence, search hits marked."""
    ctx = statement["context"]
    offset = ctx["start"]
    marks = statement_marks(statement, None, cues=True)
    marks += [Mark(offset + s, offset + e, "hit") for s, e in highlight_spans(ctx["text"], query)]
    # Slice the context as its own text so the markup holds nothing outside it.
    shifted = [Mark(m.start - offset, m.end - offset, m.kind, m.colour, None) for m in marks]
    return highlight(ctx["text"], shifted)


def _filters(request: Request) -> tuple[StatementFilter, str | None]:
    """The search form's filters; an unusable value becomes a message, not an error page."""
    p = request.query_params
    error = None
    query = None
    q = (p.get("q") or "").strip()
    if q:
        try:
            query = parse_query(q)
        except SagteError as err:
            error = str(err)
    dates = {}
    for name in ("since", "until"):
        value = (p.get(name) or "").strip() or None
        if value:
            try:
                parse_date(value)
            except ValueError:
                error = f"{name}: {value!r} – YYYY, YYYY-MM, YYYY-MM-DD"
                value = None
        dates[name] = value
    form = p.get("form") if p.get("form") in FORMS else None
    speaker_id = p.get("speaker_id")
    return (
        StatementFilter(
            query=query,
            speaker=(p.get("speaker") or "").strip() or None,
            speaker_id=int(speaker_id)
            if speaker_id and speaker_id.isdigit() and len(speaker_id) < 15
            else None,
            organisation=(p.get("organisation") or "").strip() or None,
            form=form,
            outlet=(p.get("outlet") or "").strip() or None,
            since=dates["since"],
            until=dates["until"],
        ),
        error,
    )


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> Response:
    filters, error = _filters(request)
    sort = "relevance" if request.query_params.get("sort") == "relevance" else "date"
    cursor = request.query_params.get("cursor") or None
    items: list[dict[str, Any]] = []
    next_cursor = None
    if error is None:
        try:
            items, next_cursor = run_read(
                request,
                lambda c: browse.statements(c, filters, limit=PAGE, cursor=cursor, sort=sort),
            )
        except browse.CursorError as err:
            error = str(err)
    outlets = run_read(request, browse.outlets)
    cards = [(s, card(s, filters.query)) for s in items]
    return page(
        request,
        "search.html",
        status=400 if error else 200,
        cards=cards,
        error=error,
        outlets=outlets,
        forms=FORMS,
        params=request.query_params,
        sort=sort,
        next_url=url_with(request, cursor=next_cursor) if next_cursor else None,
        first_url=url_with(request, cursor=None) if cursor else None,
    )


@router.get("/statements/{statement_id}")
def statement_redirect(request: Request, statement_id: int) -> Response:
    item = run_read(request, lambda c: browse.statement(c, statement_id))
    return RedirectResponse(f"/articles/{item['article_id']}#s{statement_id}", status_code=303)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request) -> Response:
    p = request.query_params
    error = None
    query = None
    if (p.get("q") or "").strip():
        try:
            query = parse_query(p["q"])
        except SagteError as err:
            error = str(err)
    offset = int(p["offset"]) if (p.get("offset") or "").isdigit() and len(p["offset"]) < 8 else 0
    items: list[dict[str, Any]] = []
    if error is None:

        def read(conn: Connection) -> list[dict[str, Any]]:
            rows = browse.articles(
                conn, query, outlet=p.get("outlet") or None, limit=PAGE + 1, offset=offset
            )
            for row in rows:
                if query is not None:
                    text = conn.execute(
                        "SELECT text FROM articles WHERE id = ?", (row["id"],)
                    ).fetchone()[0]
                    row["snippet"] = _snippet(text, query)
                else:
                    row["snippet"] = Markup.escape(row["lead"]) + (
                        "…" if len(row["lead"]) >= 400 else ""
                    )
            return rows

        items = run_read(request, read)
    more = len(items) > PAGE
    return page(
        request,
        "articles.html",
        status=400 if error else 200,
        items=items[:PAGE],
        error=error,
        params=p,
        next_url=url_with(request, offset=offset + PAGE) if more else None,
    )


def _snippet(text: str, query: Query, width: int = 160) -> Markup:
    spans = highlight_spans(text, query)
    if not spans:
        return Markup.escape(text[: 2 * width]) + "…"
    start = max(0, spans[0][0] - width)
    end = min(len(text), spans[0][1] + width)
    marks = [Mark(s, e, "hit") for s, e in spans]
    return (
        Markup("…" if start else "")
        + highlight(text, marks, start, end)
        + Markup("…" if end < len(text) else "")
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    item = run_read(request, lambda c: browse.article(c, article_id))
    colours: dict[str, int] = {}
    legend: list[dict[str, Any]] = []
    marks: list[Mark] = []
    for s in item["statements"]:
        key = speaker_key(s)
        if key not in colours:
            colours[key] = len(colours)
            legend.append(
                {
                    "colour": colours[key],
                    "speaker": s["speaker"],
                    "mention": s["speaker_mention"],
                    "count": 0,
                }
            )
        legend[colours[key]]["count"] += 1
        marks += statement_marks(s, colours[key])
    view = "raw" if request.query_params.get("view") == "raw" else "normalised"
    raw_html = highlight(item["raw_text"], raw_marks(marks, item["alignment"]))
    return page(
        request,
        "article.html",
        article=item,
        paragraphs=paragraphs(item["text"], marks),
        raw_html=raw_html,
        legend=legend,
        view=view,
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request) -> Response:
    p = request.query_params
    offset = int(p["offset"]) if (p.get("offset") or "").isdigit() and len(p["offset"]) < 8 else 0
    name = (p.get("name") or "").strip() or None
    items, total = run_read(request, lambda c: browse.speakers(c, name, limit=50, offset=offset))
    return page(
        request,
        "speakers.html",
        items=items,
        total=total,
        params=p,
        next_url=url_with(request, offset=offset + 50) if offset + 50 < total else None,
    )


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: int) -> Response:
    t_lang = lang_of(request)

    def read(conn: Connection) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        profile = browse.speaker_profile(conn, speaker_id)
        latest, _ = browse.statements(conn, StatementFilter(speaker_id=speaker_id), limit=10)
        return profile, latest

    profile, latest = run_read(request, read)
    charted = {o for week in profile["weekly"] for o in week["outlets"]}
    outlets = [o["outlet"] or "" for o in profile["outlets"] if (o["outlet"] or "") in charted]
    label = "Aussagen pro Woche" if t_lang == "de" else "Statements per week"
    return page(
        request,
        "speaker.html",
        profile=profile,
        chart=week_chart(profile["weekly"], outlets, label),
        outlets=outlets,
        cards=[(s, card(s, None)) for s in latest],
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> Response:
    items = run_read(request, lambda c: browse.stories(c, limit=100))
    return page(request, "stories.html", items=items)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int) -> Response:
    item = run_read(request, lambda c: browse.story(c, story_id))
    outlets = sorted({a["outlet"] or "" for a in item["articles"]})
    label = "Zeitleiste" if lang_of(request) == "de" else "Timeline"
    groups = [
        {**g, "cards": [(s, card(s, None)) for s in g["statements"]]} for g in item["speakers"]
    ]
    return page(
        request,
        "story.html",
        story=item,
        timeline=timeline(item["articles"], outlets, label),
        outlets=outlets,
        groups=groups,
    )


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """Swagger UI from local files (no CDN); its start script is /static/docs.js."""
    response = page(request, "docs.html")
    # Swagger UI sets inline styles; scripts stay restricted to this server's files.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    return response
