"""Two runs creating a new store at once both succeed, on each backend: SQLite waits for the lock
(busy_timeout before the switch to WAL, schema created in an immediate transaction), PostgreSQL
serialises schema creation with an advisory lock."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from summitry.store import open_store
from summitry.store.schema import metadata
from tests.store.conftest import create_database, drop_database, postgres_server

RUNS = 4


def _open(location: str, barrier, outcomes) -> None:
    barrier.wait()
    try:
        open_store(location).dispose()
        outcomes.put("ok")
    except Exception as error:  # noqa: BLE001 - the parent reports what each run met
        outcomes.put(f"{type(error).__name__}: {error}")


@pytest.fixture(params=("sqlite", "postgresql"))
def new_store(request, tmp_path: Path) -> Iterator[str]:
    """The URL of a store that does not exist yet (SQLite) or is an empty database (PostgreSQL)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    server = postgres_server()
    url = create_database(server)
    try:
        yield url
    finally:
        drop_database(server, url)


@pytest.mark.parametrize("attempt", range(3))
def test_runs_creating_one_new_store_at_once_all_succeed(new_store: str, attempt: int) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, outcomes = context.Barrier(RUNS), context.Queue()
    runs = [context.Process(target=_open, args=(new_store, barrier, outcomes)) for _ in range(RUNS)]
    for run in runs:
        run.start()
    results = [outcomes.get(timeout=300) for _ in runs]
    for run in runs:
        run.join(timeout=60)
    assert results == ["ok"] * RUNS
    engine = open_store(new_store)
    try:
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
