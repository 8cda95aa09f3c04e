"""What the app keeps between requests for one state of the store (counts, totals, the event
volume, the actors' list, an actor's header, search counts and pages) is what a fresh app
computes, and it follows every ingest: the store's revision row moves on with each batch."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from summitry.store import ingest_records, open_store
from summitry.web import create_app
from tests.web.test_scale import _documents

PATHS = [
    "/", "/meetings", "/meetings?actor=JPN", "/ledger", "/ledger?pledger=JPN", "/actors", "/actors/Q22686",
    "/search?q=%E6%9C%83%E8%AB%87", "/search?q=%E7%BE%8E%E6%8A%95%E8%B3%87", "/api/meetings", "/api/ledger",
    "/api/actors/Q22686", "/api/documents",
]


def _client(engine) -> TestClient:
    return TestClient(create_app(engine), base_url="http://localhost")


@pytest.fixture
def growing(tmp_path):
    engine = open_store(str(tmp_path / "store.db"))
    documents = _documents(60)
    ingest_records(engine, documents[:30])
    yield engine, documents[30:]
    engine.dispose()


def _shown(response) -> tuple[str, str | None]:
    """A page as it reads, and the total an API call gives in its header."""
    return response.text, response.headers.get("X-Total-Count")


def test_a_kept_page_is_the_page_a_new_app_makes(growing) -> None:
    engine, _ = growing
    warm = _client(engine)
    for path in PATHS:
        first = _shown(warm.get(path))
        assert _shown(warm.get(path)) == first, path  # kept
        assert _shown(_client(engine).get(path)) == first, path  # as a new app computes it


@pytest.mark.parametrize("path", PATHS)
def test_an_ingest_while_the_app_runs_changes_what_it_shows(growing, path: str) -> None:
    engine, more = growing
    warm = _client(engine)
    before = _shown(warm.get(path))
    ingest_records(engine, more)
    after = _shown(warm.get(path))
    assert after == _shown(_client(engine).get(path)), path
    assert after != before, path


def test_the_overview_counts_the_new_documents(growing) -> None:
    engine, more = growing
    warm = _client(engine)
    assert warm.get("/api/documents").headers["X-Total-Count"] == "30"
    ingest_records(engine, more)
    assert warm.get("/api/documents").headers["X-Total-Count"] == "60"
    assert re.search(r"\b60 documents\b", warm.get("/").text)


@pytest.mark.parametrize("wanted", [("JPN",), ("Q22686",), ("KOR", "CHN")])
@pytest.mark.parametrize(("limit", "offset"), [(5, 0), (5, 5), (50, 0)])
def test_walking_the_meetings_in_order_finds_the_rows_a_sort_finds(growing, wanted, limit, offset) -> None:
    """``in_order`` (chosen for an actor in many meetings) changes the plan, never the rows."""
    from summitry.views.source import MeetingFilter, stored_meetings
    from summitry.views.parties import Actors

    engine, _ = growing
    where = MeetingFilter(tuple(Actors().resolve(name) for name in wanted))
    with engine.connect() as connection:
        walked = [m.id for m in stored_meetings(connection, where, limit, offset, in_order=True)]
        sorted_ = [m.id for m in stored_meetings(connection, where, limit, offset)]
    assert walked == sorted_
    assert walked or offset  # a first page is never empty here: the test compares rows
