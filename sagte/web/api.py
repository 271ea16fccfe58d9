"""The REST API (JSON under /api). Its OpenAPI description is served at /openapi.json."""

from __future__ import annotations

import csv
import hmac
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse

from sagte.errors import Errors, InputError
from sagte.ingest import RawDocument, parse_date
from sagte.store import browse
from sagte.store.browse import StatementFilter
from sagte.store.search import parse_query
from sagte.web.app import error_response, run_read
from sagte.web.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlePage,
    ErrorOut,
    IngestOut,
    Outlet,
    SpeakerPage,
    SpeakerProfile,
    StatementOut,
    StatementPage,
    StoryOut,
    StoryPage,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The search or cursor cannot be used."},
    404: {"model": ErrorOut, "description": "No such object."},
    413: {"model": ErrorOut, "description": "The request body is too large."},
    422: {"model": ErrorOut, "description": "A parameter is invalid."},
    503: {"model": ErrorOut, "description": "The query ran past the time limit."},
}
router = APIRouter(prefix="/api", responses=ERRORS)

Form = Literal["direct", "indirect", "mixed", "reported", "free_indirect"]
Sort = Literal["date", "relevance"]
# YYYY, YYYY-MM or YYYY-MM-DD; compared as prefixes, so 2023-02-30 is harmless.
DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
MAX_ID = 2**62  # SQLite integers are 64-bit; larger ids cannot exist
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (at most 200).")]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
Cursor = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="The `next_cursor` of the previous page.",
    ),
]


def statement_filter(
    q: Annotated[
        str | None,
        Query(
            max_length=500, description='Full-text search: words, "phrases", OR, -word, prefix*.'
        ),
    ] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Speaker name (part of it, any case).")
    ] = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Speaker id.")] = None,
    organisation: Annotated[
        str | None,
        Query(
            max_length=200, description="An organisation speaking, or named in the speaker's role."
        ),
    ] = None,
    form: Annotated[Form | None, Query(description="Statement form.")] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="Outlet (part of the name).")
    ] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="Published on or after.")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Published on or before.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Article id.")] = None,
    story: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Story id.")] = None,
) -> StatementFilter:
    """The statement filters shared by the list and the exports."""
    return StatementFilter(
        query=parse_query(q) if q is not None and q.strip() else None,
        speaker=speaker or None,
        speaker_id=speaker_id,
        organisation=organisation or None,
        form=form,
        outlet=outlet or None,
        since=since,
        until=until,
        article_id=article or None,
        story_id=story,
    )


Filters = Annotated[StatementFilter, Depends(statement_filter)]


@router.get("/statements", response_model=StatementPage, tags=["statements"])
def list_statements(
    request: Request,
    filters: Filters,
    sort: Annotated[
        Sort, Query(description="date: newest first; relevance: best match (needs q).")
    ] = "date",
    limit: Limit = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Statements with their provenance, filtered, newest first."""
    items, next_cursor = run_read(
        request, lambda c: browse.statements(c, filters, limit=limit, cursor=cursor, sort=sort)
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/statements/{statement_id}", response_model=StatementOut, tags=["statements"])
def get_statement(request: Request, statement_id: PathId) -> dict[str, Any]:
    """One statement."""
    return run_read(request, lambda c: browse.statement(c, statement_id))


@router.get("/speakers", response_model=SpeakerPage, tags=["speakers"])
def list_speakers(
    request: Request,
    name: Annotated[
        str | None, Query(max_length=200, description="Part of the name, any case.")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Speakers by number of statements."""
    offset = browse.decode_cursor(cursor, "relevance") if cursor else 0
    items, total = run_read(request, lambda c: browse.speakers(c, name, limit=limit, offset=offset))
    more = offset + limit < total
    return {
        "items": items,
        "total": total,
        "next_cursor": browse.encode_cursor(offset + limit) if more else None,
    }


@router.get("/speakers/{speaker_id}", response_model=SpeakerProfile, tags=["speakers"])
def get_speaker(request: Request, speaker_id: PathId) -> dict[str, Any]:
    """A speaker's profile: names, roles, statements per week and outlet, topics, latest statements."""

    def read(conn: Any) -> dict[str, Any]:
        profile = browse.speaker_profile(conn, speaker_id)
        profile["latest"], _ = browse.statements(
            conn, StatementFilter(speaker_id=speaker_id), limit=10
        )
        return profile

    return run_read(request, read)


@router.get("/articles", response_model=ArticlePage, tags=["articles"])
def list_articles(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=500, description="Full-text search in title and text.")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(pattern=DATE)] = None,
    until: Annotated[str | None, Query(pattern=DATE)] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Articles, newest first (best match first with `q`)."""
    query = parse_query(q) if q is not None and q.strip() else None
    offset = browse.decode_cursor(cursor, "relevance") if cursor else 0
    items = run_read(
        request,
        lambda c: browse.articles(
            c,
            query,
            outlet=outlet or None,
            since=since,
            until=until,
            limit=limit + 1,
            offset=offset,
        ),
    )
    more = len(items) > limit
    return {
        "items": items[:limit],
        "next_cursor": browse.encode_cursor(offset + limit) if more else None,
    }


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
def get_article(
    request: Request,
    article_id: str,
    include_raw: Annotated[
        bool, Query(description="Include the raw text and the alignment.")
    ] = False,
) -> dict[str, Any]:
    """An article with its statements as offsets into its normalised text."""
    item: dict[str, Any] = run_read(request, lambda c: browse.article(c, article_id))
    if not include_raw:
        item["raw_text"] = item["alignment"] = None
    return item


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    tags=["articles"],
    responses={
        401: {"model": ErrorOut, "description": "Missing or wrong API token."},
        403: {"model": ErrorOut, "description": "Writing is switched off (no token configured)."},
    },
)
def post_article(
    request: Request,
    article: ArticleIn,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> Any:
    """Ingest one article (needs the operator's API token; off without one)."""
    from sagte.pipeline import process
    from sagte.store import Store

    token = request.app.state.settings.token
    if not token:
        return error_response(403, "S022", Errors.S022)
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        return error_response(401, "S021", Errors.S021)
    try:
        published = parse_date(article.published)
    except ValueError:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", "published"),
                    "msg": f"{article.published!r} is not a date",
                    "type": "value_error",
                }
            ]
        ) from None
    doc = RawDocument(
        source="api" + (f":{article.id}" if article.id else ""),
        raw=article.text,
        format="jsonl",
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        published=published,
        external_id=article.id,
    )
    try:
        record, analysis = process(doc)
    except InputError as err:
        return error_response(422, "S015", str(err))
    with request.app.state.write_lock:
        store = Store(request.app.state.settings.db)
        try:
            stored = store.add_article(record, analysis)
        finally:
            store.close()
    body = {
        "article_id": record.id,
        "stored": stored,
        "analysed": analysis is not None,
        "statements": len(analysis.statements) if analysis and stored else 0,
    }
    return JSONResponse(body, status_code=201 if stored else 200)


@router.get("/stories", response_model=StoryPage, tags=["stories"])
def list_stories(request: Request, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Stories, most recent first (empty until the story analysis has run)."""
    offset = browse.decode_cursor(cursor, "relevance") if cursor else 0
    items = run_read(request, lambda c: browse.stories(c, limit=limit + 1, offset=offset))
    more = len(items) > limit
    return {
        "items": items[:limit],
        "next_cursor": browse.encode_cursor(offset + limit) if more else None,
    }


@router.get("/stories/{story_id}", response_model=StoryOut, tags=["stories"])
def get_story(request: Request, story_id: PathId) -> dict[str, Any]:
    """A story: its articles by date, and its statements grouped by speaker."""
    return run_read(request, lambda c: browse.story(c, story_id))


@router.get("/outlets", response_model=list[Outlet], tags=["articles"])
def list_outlets(request: Request) -> list[dict[str, Any]]:
    """Outlets with their number of articles."""
    return run_read(request, browse.outlets)


EXPORT_COLUMNS = [
    "id", "article_id", "source", "outlet", "url", "published", "published_precision", "form",
    "fine_type", "speaker_id", "speaker", "speaker_kind", "speaker_mention", "role", "cue",
    "text", "start", "end", "message_spans", "confidence", "medium", "rule", "extractor",
]  # fmt: skip


def _flat(s: dict[str, Any]) -> dict[str, Any]:
    speaker = s["speaker"] or {}
    return {
        **{k: s.get(k) for k in EXPORT_COLUMNS},
        "speaker_id": speaker.get("id"),
        "speaker": speaker.get("name"),
        "speaker_kind": speaker.get("kind"),
        "message_spans": json.dumps(s["message_spans"]),
    }


def _export(request: Request, filters: StatementFilter, fmt: str) -> StreamingResponse:
    reader = request.app.state.reader
    # Streaming runs across worker threads, so this connection is its own (still read-only).
    conn = reader.connect(check_same_thread=False)
    rows = browse.iter_statements(conn, filters)
    first = next(rows, None)  # fail here (e.g. a bad query), while an error status can be sent

    def generate() -> Iterator[str]:
        try:
            if fmt == "csv":
                buffer = io.StringIO()
                writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
                writer.writeheader()
                for row in _chain(first, rows):
                    writer.writerow(_flat(row))
                    if buffer.tell() > 65536:
                        yield buffer.getvalue()
                        buffer.seek(0)
                        buffer.truncate()
                yield buffer.getvalue()
            else:
                for row in _chain(first, rows):
                    yield json.dumps(row, ensure_ascii=False) + "\n"
        finally:
            conn.close()

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    name = f"statements.{'csv' if fmt == 'csv' else 'jsonl'}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(generate(), media_type=media, headers=headers)


def _chain(
    first: dict[str, Any] | None, rest: Iterator[dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    if first is not None:
        yield first
        yield from rest


@router.get(
    "/export/statements.csv",
    tags=["export"],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV, one statement a row."}},
)
def export_csv(request: Request, filters: Filters) -> StreamingResponse:
    """Every statement the filters select, as CSV (streamed; any size)."""
    return _export(request, filters, "csv")


@router.get(
    "/export/statements.jsonl",
    tags=["export"],
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/x-ndjson": {}}, "description": "One JSON object a line."}
    },
)
def export_jsonl(request: Request, filters: Filters) -> StreamingResponse:
    """Every statement the filters select, as JSON Lines (streamed; any size)."""
    return _export(request, filters, "jsonl")
