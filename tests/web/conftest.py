"""A store built from the five seeds, the web app over it, and Debian's Chromium to drive it.

The report and export tests use the same store (their conftests import these fixtures).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from summitry.cli import main
from summitry.ingest import Rejection, read_documents
from summitry.model import Record
from summitry.store import ingest_records, open_store
from summitry.views.source import stored_records
from summitry.web import create_app
from summitry.web.local import CHROMIUM, CHROMIUM_ARGS, running

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_database(tmp_path_factory) -> str:
    """A SQLite file holding the five seeds, ingested as `summitry ingest` does."""
    if not SEEDS.is_dir():
        pytest.fail(f"the reference seeds are missing: {SEEDS} (clone the repo beside shared/)")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    engine = open_store(str(path))
    try:
        documents = [d for d in read_documents([str(SEEDS)]) if not isinstance(d, Rejection)]
        summary = ingest_records(engine, documents)
    finally:
        engine.dispose()
    assert summary.new == 5 and not summary.rejected
    return str(path)


@pytest.fixture(scope="session")
def seeds_engine(seeds_database: str) -> Iterator[Engine]:
    engine = open_store(seeds_database)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def seeds_records(seeds_engine: Engine) -> list[Record]:
    return stored_records(seeds_engine)


@pytest.fixture(scope="session")
def client(seeds_engine: Engine) -> TestClient:
    return TestClient(create_app(seeds_engine), base_url="http://localhost")


def cli_json(*args: str):
    """What a summitry command prints with --json, parsed."""
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def ledger_json(seeds_database: str) -> list[dict]:
    return cli_json("ledger", "--db", seeds_database)


@pytest.fixture(scope="session")
def meetings_json(seeds_database: str) -> list[dict]:
    return cli_json("meetings", "--db", seeds_database)


# -- the browser ---------------------------------------------------------------------------------------
def _no_browser(reason: str) -> None:
    """Skip where no browser can be had, but never in CI: there the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs Debian's chromium)")
    pytest.skip(f"{reason} (install Debian's chromium: apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(seeds_engine: Engine) -> Iterator[str]:
    with running(create_app(seeds_engine)) as url:
        yield url


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.problems = problems
    yield opened
    context.close()
