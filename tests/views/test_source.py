"""Records read back from the store give the views exactly what freshly extracted ones give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from summitry.store import ingest_records, open_store
from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.meetings import meetings
from summitry.views.source import (
    MeetingFilter,
    count_meetings,
    count_timeline,
    stored_counterparts,
    stored_records,
    stored_timeline,
    timeline_actor,
)
from summitry.views.timeline import actor_timeline
from tests.store.conftest import BACKENDS, create_database, drop_database, postgres_server


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = open_store(f"sqlite:///{tmp_path / 'views.db'}")
        yield engine
        engine.dispose()
        return
    server = postgres_server()
    url = create_database(server)
    engine = open_store(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(server, url)


def test_stored_seeds_give_the_same_views(store: Engine, seed_records) -> None:
    ingest_records(store, seed_records)
    stored = stored_records(store)
    assert sorted(r.document.id for r in stored) == sorted(r.document.id for r in seed_records)
    assert [view_json(m) for m in meetings(stored)] == [view_json(m) for m in meetings(seed_records)]
    assert [view_json(c) for c in ledger(stored)] == [view_json(c) for c in ledger(seed_records)]


def test_an_empty_store_has_no_records(store: Engine) -> None:
    assert stored_records(store) == []


# Names a timeline is asked for by (a person by alias, a country, an id) and the orders a page asks for.
TIMELINE_NAMES = ["川普", "USA", "CHN", "南韓", "Kim Jong Un"]
TIMELINE_SORTS = [None, "date", "-sources", "-kind", "status"]


def _sorted_as_a_page(entries: list[dict], sort: str | None) -> list[dict]:
    """The whole timeline in the order a page's ``sort`` asks for (``web.listing._sorted``)."""
    if not sort:
        return entries
    key = sort.lstrip("-")
    value = (lambda e: len(e["sources"])) if key == "sources" else (lambda e: e[key])
    present = [e for e in entries if value(e) is not None]
    return sorted(present, key=value, reverse=sort.startswith("-")) + [e for e in entries if value(e) is None]


@pytest.mark.parametrize("name", TIMELINE_NAMES)
def test_a_stored_timeline_read_a_page_at_a_time_is_the_whole_timeline(store: Engine, seed_records, name: str) -> None:
    """The store sorts and pages a timeline: its pages, one after another, are the timeline the
    records give, in every order a page can ask for, and its counts are the whole's."""
    ingest_records(store, seed_records)
    whole = view_json(actor_timeline(seed_records, name))
    assert len(whole["entries"]) > 3
    with store.connect() as connection:
        assert view_json(stored_timeline(connection, name)) == whole
        _, wanted = timeline_actor(connection, name)
        counted = count_timeline(connection, wanted)
        for sort in TIMELINE_SORTS:
            pages = [view_json(stored_timeline(connection, name, 3, offset, sort))["entries"] for offset in range(0, len(whole["entries"]) + 3, 3)]
            assert [e for page in pages for e in page] == _sorted_as_a_page(whole["entries"], sort), sort
    kinds: dict[str, int] = {}
    for entry in whole["entries"]:
        kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + 1
    assert counted == kinds


def test_counterparts_are_counted_by_the_filters_rule(store: Engine, seed_records) -> None:
    """Whom an actor met, each with as many meetings as a filter on both gives, most first."""
    ingest_records(store, seed_records)
    with store.connect() as connection:
        actors, wanted = timeline_actor(connection, "Q22686")
        met = stored_counterparts(connection, actors, wanted)
        assert met and [n for _, n in met] == sorted((n for _, n in met), reverse=True)
        assert not any(actors.side(other) == "USA" for other, _ in met)
        for other, n in met:
            assert n == count_meetings(connection, MeetingFilter((wanted, actors.resolve(other)))), other
