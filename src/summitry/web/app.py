"""The local web app: ``create_app(engine)`` gives a FastAPI application over one store."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine

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
    return app
