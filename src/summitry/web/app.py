"""The local web app: ``create_app(engine)`` gives a FastAPI application over one store."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from summitry.errors import SummitryError
from summitry.store import store_error
from summitry.web import api, pages
from summitry.web.corpus import Corpus
from summitry.web.guard import LOOPBACK_NAMES, Guard, origin, shown

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
    app.state.templates = templates
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
