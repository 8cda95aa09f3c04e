"""The local web app: ``create_app(engine)`` gives a FastAPI application over one store."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from summitry.errors import SummitryError
from summitry.store import store_error
from summitry.web import api, pages
from summitry.web.corpus import Corpus

_PACKAGE = resources.files("summitry.web")


def create_app(engine: Engine) -> FastAPI:
    """Pages at /, the JSON API at /api with its OpenAPI document at /api/openapi.json.

    FastAPI's interactive docs pages are off: they load their scripts from a CDN, and the
    app must work with no network; /api lists the endpoints instead.
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
    templates.env.filters["thousands"] = lambda value: f"{value:,}"
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

    return app
