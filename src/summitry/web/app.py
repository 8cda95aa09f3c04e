"""The local web app: ``create_app(engine)`` gives a FastAPI application over one store."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from summitry.errors import SummitryError
from summitry.store import store_error
from summitry.web import api, pages
from summitry.web.corpus import Corpus
from summitry.web.guard import LOOPBACK_NAMES, Guard, origin, shown
from summitry.web.listing import BadFilter, UnknownName, count
from summitry.web.present import outlet_of

_PACKAGE = resources.files("summitry.web")


def _finalize(value: object) -> object:
    """Every value a template prints shows control characters as marks (guard.shown); HTML
    the app built itself (Markup) was made with the same marks by web/highlight.py."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return shown(value)
    return value


def create_app(engine: Engine, allowed_hosts: Iterable[str] = LOOPBACK_NAMES, token: str | None = None) -> Guard:
    """Pages at /, the JSON API at /api with its OpenAPI document at /api/openapi.json.

    FastAPI's interactive docs pages are off: they load their scripts from a CDN, and the
    app must work with no network; /api lists the endpoints instead. The application is
    wrapped in web/guard.py's ``Guard``: only ``allowed_hosts`` are answered (loopback names
    by default), and with a ``token`` every request must carry it.
    """
    app = FastAPI(
        title="summitry",
        summary="Leader-level diplomacy from Chinese-language news, every fact linked to its sentence",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = Corpus(engine)
    templates = Jinja2Templates(directory=str(_PACKAGE / "templates"))
    templates.env.finalize = _finalize
    templates.env.filters["thousands"] = lambda value: f"{value:,}"
    templates.env.filters["origin"] = origin
    templates.env.filters["count"] = count
    templates.env.filters["outlet"] = outlet_of
    app.state.templates = templates
    _answer_errors(app, templates)
    app.mount("/static", StaticFiles(directory=str(_PACKAGE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    # A store that fails under the app (a damaged record, a dropped table, a lost server)
    # answers with the line the command line would print, in the API's error shape.
    @app.exception_handler(SummitryError)
    def _summitry_error(_request: Request, error: SummitryError) -> JSONResponse:
        return JSONResponse({"detail": error.describe()}, status_code=500)

    @app.exception_handler(SQLAlchemyError)
    def _store_failure(request: Request, error: SQLAlchemyError) -> JSONResponse:
        return _summitry_error(request, store_error(engine.url, error))

    return Guard(app, allowed_hosts, token)


def _answer_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    """A bad filter value (400) or an unknown id or name (404) is answered with a page saying
    what was wrong and what would work; under /api, with JSON ``{"detail": ...}`` as before."""

    def error_page(request: Request, status: int, title: str, problem: str, expected: str | None = None,
                   without: str | None = None) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": problem if expected is None else f"{problem}: {expected}"}, status_code=status)
        # The same view without the offending parameter, one click away.
        retry = str(request.url.remove_query_params(without).replace(scheme="", netloc="")) if without else None
        return templates.TemplateResponse(
            request, "error.html", {"title": title, "problem": problem, "expected": expected, "status": status, "retry": retry},
            status_code=status,
        )

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, error: BadFilter) -> Response:
        return error_page(request, 400, "Cannot use this filter", f"{error.name}={error.value}", error.expected, error.name)

    @app.exception_handler(UnknownName)
    async def unknown_name(request: Request, error: UnknownName) -> Response:
        return error_page(request, 404, "Not found", f"{error.name}={error.value}", error.expected, error.name)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api") or error.status_code < 400:
            return await http_exception_handler(request, error)
        title = "Not found" if error.status_code == 404 else "Cannot answer this request"
        return error_page(request, error.status_code, title, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, error)
        problems = "; ".join(
            f"{e['loc'][-1]}={e.get('input')!r}: {e['msg']}" for e in error.errors()
        )
        return error_page(request, 400, "Cannot use this request", problems)
