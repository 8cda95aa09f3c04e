"""The schema as the migrations build it, on each backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from summitry.store import StoreError, ingest_records, open_store, store_url
from summitry.store.migrations import current_revision, downgrade_to, head_revision, upgrade_to_head
from summitry.store.schema import metadata
from tests.store.conftest import row_counts


def _differences(connection) -> list:
    """What the migrated database lacks or has beyond ``schema.metadata``.

    SQLite's FTS5 table (and the shadow tables FTS5 keeps beside it) carries no types or
    indexes for Alembic to compare, so it is left to ``test_sentence_search_is_a_trigram_index``.
    """
    is_sqlite = connection.dialect.name == "sqlite"

    def include_name(name, kind, _parents) -> bool:
        if kind == "table" and name == "alembic_version":
            return False
        return not (is_sqlite and kind == "table" and name and name.startswith("sentence_search"))

    def include_object(obj, name, kind, _reflected, _compare_to) -> bool:
        table = obj if kind == "table" else getattr(obj, "table", None)
        return not (is_sqlite and table is not None and table.name == "sentence_search")

    context = MigrationContext.configure(
        connection, opts={"include_name": include_name, "include_object": include_object, "compare_type": True}
    )
    return compare_metadata(context, metadata)


def test_open_store_migrates_an_empty_database_to_the_newest_revision(store) -> None:
    with store.connect() as connection:
        assert current_revision(connection) == head_revision()
    assert set(inspect(store).get_table_names()) >= {table.name for table in metadata.sorted_tables}


def test_the_migrations_build_exactly_the_schema_module(store) -> None:
    with store.connect() as connection:
        assert _differences(connection) == []


def test_sentence_search_is_a_trigram_index(store) -> None:
    with store.connect() as connection:
        if store.dialect.name == "sqlite":
            sql = connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'sentence_search'"))
            assert "fts5" in sql.lower() and "trigram" in sql
        else:
            definition = connection.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_sentence_search_folded'")
            )
            assert "gin" in definition and "gin_trgm_ops" in definition


def test_reopening_a_store_keeps_its_revision_and_rows(store_location, seed_documents) -> None:
    first = open_store(store_location)
    ingest_records(first, seed_documents[:2])
    counts = row_counts(first)
    first.dispose()
    again = open_store(store_location)
    try:
        assert row_counts(again) == counts
        with again.connect() as connection:
            assert current_revision(connection) == head_revision()
    finally:
        again.dispose()


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(store) -> None:
    with store.begin() as connection:
        downgrade_to(connection, "base")
    assert set(inspect(store).get_table_names()) <= {"alembic_version"}
    with store.begin() as connection:
        upgrade_to_head(connection)
    with store.connect() as connection:
        assert _differences(connection) == []


@pytest.mark.parametrize(
    ("location", "drivername", "database"),
    [
        ("summitry.db", "sqlite", "summitry.db"),
        ("/data/news.db", "sqlite", "/data/news.db"),
        ("sqlite:///news.db", "sqlite", "news.db"),
        ("postgresql://analyst@db.example/news", "postgresql+psycopg", "news"),
        ("postgresql+psycopg://analyst@localhost/news", "postgresql+psycopg", "news"),
    ],
)
def test_store_url_reads_paths_and_urls(location: str, drivername: str, database: str) -> None:
    url = store_url(location)
    assert (url.drivername, url.database) == (drivername, database)


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("nosuchdb://somewhere/news", "unsupported database URL"),
        ("sqlite:////no/such/folder/news.db", "no such directory"),
        ("postgresql://analyst:secret@127.0.0.1:1/news", "127.0.0.1"),
    ],
)
def test_a_store_that_cannot_be_opened_is_one_clear_error(location: str, reason: str) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(location)
    assert reason in str(raised.value)
    assert "secret" not in str(raised.value)
