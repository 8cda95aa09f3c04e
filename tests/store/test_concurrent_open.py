"""Two runs creating a new store at once both succeed, on each backend: SQLite waits for the lock
(busy_timeout before the switch to WAL, schema created in an immediate transaction), PostgreSQL
serialises schema creation with an advisory lock."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import inspect

from summitry.store import open_store
from summitry.store.schema import metadata

RUNS = 8  # more runs than cores: the loaded machine where SQLite once answered "locked" at the switch to WAL


def _open(location: str, barrier, outcomes) -> None:
    barrier.wait()
    try:
        open_store(location).dispose()
        outcomes.put("ok")
    except Exception as error:  # noqa: BLE001 - the parent reports what each run met
        outcomes.put(f"{type(error).__name__}: {error}")


@pytest.mark.parametrize("attempt", range(3))
def test_runs_creating_one_new_store_at_once_all_succeed(store_location: str, attempt: int) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, outcomes = context.Barrier(RUNS), context.Queue()
    runs = [context.Process(target=_open, args=(store_location, barrier, outcomes)) for _ in range(RUNS)]
    for run in runs:
        run.start()
    results = [outcomes.get(timeout=300) for _ in runs]
    for run in runs:
        run.join(timeout=60)
    assert results == ["ok"] * RUNS
    engine = open_store(store_location)
    try:
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
