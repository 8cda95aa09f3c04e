"""The store's test backends: SQLite always, PostgreSQL when SUMMITRY_TEST_PG names a server.

Each test gets an empty store of its own: a SQLite file under tmp_path, or a new UTF-8
database on the PostgreSQL server (the role in SUMMITRY_TEST_PG needs CREATEDB), dropped after.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError

from summitry.ingest import read_documents
from summitry.model import Document, Record
from summitry.pipeline import extract_document
from summitry.store import open_store, store_url
from summitry.store.schema import metadata

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str | None:
    """The PostgreSQL URL to test against; in CI its absence is a failure, not a skip."""
    url = os.environ.get("SUMMITRY_TEST_PG")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("SUMMITRY_TEST_PG is not set: CI must test PostgreSQL (.ci/run starts a server)")
    pytest.skip("PostgreSQL tests run when SUMMITRY_TEST_PG=postgresql+psycopg://user:password@host/db")


def _admin(server: str) -> Engine:
    return create_engine(store_url(server), isolation_level="AUTOCOMMIT")


def create_database(server: str) -> str:
    """A new, empty database on ``server`` with the server database's UTF-8 locale; its URL."""
    name = f"summitry_test_{uuid.uuid4().hex[:12]}"
    admin = _admin(server)
    try:
        with admin.connect() as connection:
            collate, ctype = connection.execute(
                text("SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()")
            ).one()
            connection.execute(
                text(
                    f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                    f"LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"
                )
            )
    finally:
        admin.dispose()
    return store_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(server: str, url: str) -> None:
    """Drop a test database, waiting out sessions that are still closing.

    A plain DROP stops autovacuum by itself and fails while a client is connected (a
    subprocess killed mid-test leaves one until the server notices), so it is retried;
    FORCE comes last because ending an autovacuum worker needs pg_signal_backend.
    """
    name = make_url(url).database
    admin = _admin(server)
    try:
        with admin.connect() as connection:
            for _ in range(40):
                try:
                    connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
                    return
                except OperationalError:
                    time.sleep(0.25)
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    """The reference articles in ../shared/seeds, read as ``summitry ingest`` reads them."""
    if not SEEDS.is_dir():
        pytest.fail(f"the reference seeds are missing: {SEEDS} (clone the repo beside shared/)")
    documents = list(read_documents([str(SEEDS)]))
    assert documents and all(isinstance(d, Document) for d in documents)
    return documents


@pytest.fixture(scope="session")
def seed_records(seed_documents: list[Document]) -> list[Record]:
    return [extract_document(document) for document in seed_documents]


@pytest.fixture(params=BACKENDS)
def store_location(request, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty, not yet migrated store on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = postgres_server()
    url = create_database(server)
    try:
        yield url
    finally:
        drop_database(server, url)


@pytest.fixture
def store(store_location: str) -> Iterator[Engine]:
    """An open, migrated store on each backend."""
    engine = open_store(store_location)
    try:
        yield engine
    finally:
        engine.dispose()


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table)) for table in metadata.sorted_tables
        }


def dump(engine: Engine) -> dict[str, list[dict]]:
    """Every row of every table, in key order: two stores are equal when their dumps are."""
    contents: dict[str, list[dict]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            key = list(table.primary_key.columns) or [table.c.doc_id, table.c.ordinal]
            rows = connection.execute(select(table).order_by(*key)).mappings()
            # The revision counts the writes that made a store, not what it holds.
            contents[table.name] = [{k: v for k, v in row.items() if (table.name, k) != ("store_state", "revision")} for row in rows]
    return contents
