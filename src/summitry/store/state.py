"""The store's revision: one row every write transaction moves on, so readers that keep
figures between requests know with one indexed read whether the store changed.

Counting the documents (and finding the newest, and the stale ones) on every request costs
in proportion to the store; the row costs the same at any size. Writers update it in the
transaction that writes their documents or views, so a reader never sees new documents under
an old revision. On PostgreSQL the row's lock orders concurrent writers' updates; each batch
adds its own count, so none is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from summitry.store.schema import store_state


@dataclass(frozen=True)
class StoreState:
    """Which state of the store a reader saw: ``revision`` changes with every write."""

    revision: int
    documents: int


def advance(connection: Connection, new_documents: int = 0) -> None:
    """Mark the caller's transaction as a change of the store, with ``new_documents`` more."""
    connection.execute(
        update(store_state).where(store_state.c.id == 1).values(
            revision=store_state.c.revision + 1, documents=store_state.c.documents + new_documents)
    )


def read_state(connection: Connection) -> StoreState:
    """The store's revision and document count, from the one row."""
    revision, documents = connection.execute(select(store_state.c.revision, store_state.c.documents).where(store_state.c.id == 1)).one()
    return StoreState(int(revision), int(documents))
