"""The store's revision row: every write moves it on, reads never do, and it counts documents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from summitry.ingest import document_from_text
from summitry.pipeline import extract_document
from summitry.store import ingest_records, open_store, refresh_records, search
from summitry.store.schema import documents
from summitry.store.state import read_state


def _records(*texts: str):
    return [extract_document(document_from_text(text, f"{i}.txt", dt.date(2025, 10, 30))) for i, text in enumerate(texts)]


def _state(store):
    with store.connect() as connection:
        return read_state(connection)


def test_an_ingest_moves_the_revision_on_and_counts_its_documents(store) -> None:
    empty = _state(store)
    assert empty.documents == 0
    ingest_records(store, _records("日本首相高市早苗在東京會見美國總統川普。", "韓國總統李在明在慶州會見日本首相高市早苗。"))
    after = _state(store)
    assert after.documents == 2 and after.revision > empty.revision
    ingest_records(store, _records("日本首相高市早苗在東京會見美國總統川普。"))  # stored already: nothing changes
    assert _state(store) == after


def test_a_refresh_moves_the_revision_on_without_new_documents(store) -> None:
    ingest_records(store, _records("美國總統川普與中國國家主席習近平在釜山會晤。"))
    before = _state(store)
    with store.begin() as connection:
        connection.execute(update(documents).values(extractor="older"))
    refresh_records(store)
    after = _state(store)
    assert after.documents == before.documents == 1 and after.revision > before.revision


def test_a_store_of_an_older_revision_gets_its_count_and_pairs(store_location: str) -> None:
    """Migration 0008 counts the documents a store made before it holds, and (SQLite) indexes
    the pairs of its sentences, so a two-character query finds what it found before."""
    from summitry.store.migrations import downgrade_to

    engine = open_store(store_location)
    ingest_records(engine, _records("美國總統川普與中國國家主席習近平在釜山會晤。", "韓國總統李在明在慶州會見日本首相高市早苗。"))
    with engine.begin() as connection:
        downgrade_to(connection, "0007")
    engine.dispose()
    engine = open_store(store_location)
    try:
        assert _state(engine).documents == 2
        assert [hit.source for hit in search(engine, "會晤")] == ["0.txt"]
    finally:
        engine.dispose()
