"""Records read back from the store give the views exactly what freshly extracted ones give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from summitry.store import ingest_records, open_store
from summitry.views.ledger import commitment_json, ledger
from summitry.views.meetings import meeting_json, meetings
from summitry.views.source import stored_records
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
    assert [meeting_json(m) for m in meetings(stored)] == [meeting_json(m) for m in meetings(seed_records)]
    assert [commitment_json(c) for c in ledger(stored)] == [commitment_json(c) for c in ledger(seed_records)]


def test_an_empty_store_has_no_records(store: Engine) -> None:
    assert stored_records(store) == []
