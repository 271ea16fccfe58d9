"""The web application: REST API under /api, pages under /, OpenAPI docs at /docs.

The server only reads: every request uses a read-only connection with a time
limit (SQLite `mode=ro`, or a PostgreSQL session whose transactions are read-only).
The one writing endpoint (POST /api/articles) is off unless the operator
configures an API token, and then uses its own write connection.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import sagte
from sagte.errors import Errors, NotFound, SagteError, StoreError
from sagte.store.browse import CursorError
from sagte.store.db import Connection, connect, interrupted, is_url, redact
from sagte.store.search import SearchError, has_index
from sagte.web.i18n import DEFAULT, LANGUAGES, translator

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
MONTHS_EN = "January February March April May June July August September October November December"
MAX_BODY = 2_000_000  # bytes: a long article is ~100 kB
MAX_PAGE = 200
QUERY_SECONDS = 5.0
TOKEN_ENV = "SAGTE_API_TOKEN"


@dataclass(slots=True)
class Settings:
    """What the operator configures (`sagte serve` options and environment)."""

    db: str
    token: str | None = None
    max_body: int = MAX_BODY
    max_page: int = MAX_PAGE
    query_seconds: float = QUERY_SECONDS


class QueryTimeout(SagteError):
    """A read ran past the server's time limit and was interrupted."""


class Reader:
    """Read-only connections, one per worker thread, each with a per-request deadline."""

    def __init__(self, path: str, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self._local = threading.local()

    def connect(self, check_same_thread: bool = True) -> Connection:
        """A new read-only connection (SQLite: mode=ro and query_only; PostgreSQL: read-only
        transactions and a statement timeout): it cannot write."""
        return connect(
            self.path, readonly=True, check_same_thread=check_same_thread, timeout=self.seconds
        )

    def conn(self) -> Connection:
        """This thread's connection, its deadline reset for a new request."""
        local = self._local
        if getattr(local, "conn", None) is None or getattr(local.conn, "broken", False):
            local.conn = self.connect()
            if isinstance(local.conn, sqlite3.Connection):
                local.conn.set_progress_handler(
                    lambda: int(time.monotonic() > local.deadline), 10_000
                )
        local.deadline = time.monotonic() + self.seconds
        conn: Connection = local.conn
        return conn


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413 (by header, and while reading)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            size = int(length) if length.isdigit() else 0
            await _too_large(size, self.limit)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge(seen)
            return message

        try:
            await self.app(scope, limited, send)
        except _BodyTooLarge as err:
            await _too_large(err.size, self.limit)(scope, receive, send)


class _BodyTooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


def _too_large(size: int, limit: int) -> Response:
    return error_response(413, "S023", Errors.S023.format(size=size, limit=limit))


def error_response(
    status: int, code: str, message: str, details: list[str] | None = None
) -> JSONResponse:
    """The one JSON error shape of the API (`schemas.ErrorOut`)."""
    body = {"error": {"status": status, "code": code, "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status)


def _code(message: str) -> str:
    return message[1:5] if message.startswith("[S") else "error"


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json")


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current URL (or `path`) with query parameters replaced; None drops one."""
    params = dict(request.query_params) if path is None else {}
    params.update(changes)
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    base = path or request.url.path
    return f"{base}?{urlencode(clean)}" if clean else base


def show_date(value: str | None, lang: str = DEFAULT) -> str:
    """A published value for people: 24.03.2022, März 2022, 2022 (English: 2022-03-24, March 2022)."""
    if not value:
        return ""
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            y, m, d = parts
            return f"{int(d)}.{int(m)}.{y}" if lang == "de" else f"{y}-{m}-{d}"
        if len(parts) == 2:
            months = (MONTHS_DE if lang == "de" else MONTHS_EN).split()
            return f"{months[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value


def web_url(value: str | None) -> str | None:
    """An article's URL if it is http(s); anything else (javascript:, data:) is not linked."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


TEMPLATES.env.globals["url_with"] = url_with
TEMPLATES.env.filters["web_url"] = web_url
TEMPLATES.env.filters["show_date"] = show_date


def lang_of(request: Request) -> str:
    """The interface language: ?lang=, else the cookie, else German."""
    lang = request.query_params.get("lang") or request.cookies.get("sagte_lang") or DEFAULT
    return lang if lang in LANGUAGES else DEFAULT


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template with the language, its texts and the common context."""
    lang = lang_of(request)
    context.update(request=request, lang=lang, t=translator(lang), version=sagte.__version__)
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("sagte_lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def _error(
    request: Request, status: int, code: str, message: str, details: list[str] | None = None
) -> Response:
    if wants_html(request):
        return page(request, "error.html", status=status, status_code=status, message=message)
    return error_response(status, code, message, details)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for err in exc.errors():
            where = ".".join(
                str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")
            )
            details.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        message = "Invalid request: " + "; ".join(details)
        return _error(request, 422, "validation", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Nothing at {request.url.path}. The API is under /api (see /docs)."
        return _error(request, exc.status_code, "http", detail)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, _code(str(exc)), str(exc))

    @app.exception_handler(SearchError)
    @app.exception_handler(CursorError)
    async def bad_query(request: Request, exc: SagteError) -> Response:
        return _error(request, 400, _code(str(exc)), str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Response:
        return _error(request, 503, "S024", str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        logger.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal", "Internal error; the server log has the details.")


_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", _CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def create_app(
    db: str | os.PathLike[str],
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    max_page: int = MAX_PAGE,
    query_seconds: float = QUERY_SECONDS,
) -> FastAPI:
    """The sagte web application over the database `db` (read-only).

    Args:
        db: a sagte database with the search index (migration 0002_search).
        token: the API token that enables POST /api/articles; default: $SAGTE_API_TOKEN.
            Without one, nothing can write.
        max_body: the largest request body accepted, in bytes.
        max_page: the largest page size (`limit`) accepted.
        query_seconds: reads running longer are stopped (503).
    Raises:
        StoreError: the database does not exist or has no search index.
    """
    from sagte.web import api, pages

    path = str(db)
    if not is_url(path) and not Path(path).is_file():
        raise StoreError(Errors.S011.format(path=path, reason="no such file"))
    settings = Settings(
        path, token or os.environ.get(TOKEN_ENV) or None, max_body, max_page, query_seconds
    )
    reader = Reader(path, query_seconds)
    try:
        probe = reader.connect()
        indexed = has_index(probe)
        probe.close()
    except sqlite3.DatabaseError as err:
        raise StoreError(Errors.S011.format(path=path, reason=err)) from None
    if not indexed:
        raise StoreError(Errors.S026.format(path=redact(path)))
    app = FastAPI(
        title="sagte",
        version=sagte.__version__,
        summary="Who said what in German online news.",
        description=(
            "Statements (direct, indirect, mixed, reported), their speakers, articles and "
            "stories, read from a sagte database. Errors share one shape (`ErrorOut`). "
            "Lists are paginated with `limit` (at most "
            f"{max_page}) and the opaque `next_cursor` of the previous page."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.reader = reader
    app.state.writer = None
    app.state.write_lock = threading.Lock()
    _install_handlers(app)
    app.middleware("http")(_security_headers)
    app.add_middleware(BodyLimit, limit=max_body)
    app.include_router(api.router)
    app.include_router(pages.router)
    import fastapi_offline

    swagger = Path(fastapi_offline.__file__).resolve().parent / "static"
    app.mount("/static/swagger", StaticFiles(directory=str(swagger)), name="swagger")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


def run_read(request: Request, fn: Callable[[Connection], Any]) -> Any:
    """Run `fn` on this thread's read-only connection; a stopped query raises QueryTimeout."""
    reader: Reader = request.app.state.reader
    try:
        return fn(reader.conn())
    except Exception as err:
        if interrupted(err):
            raise QueryTimeout(Errors.S024.format(seconds=reader.seconds)) from None
        raise
