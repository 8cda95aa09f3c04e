"""Which documents a run has already read, in bounded memory.

A feed dump of millions of documents would hold millions of ids and sources in a dict; the
ids go instead into a temporary SQLite database, which keeps a small page cache in memory and
spills the rest to a file that disappears with the connection.
"""

from __future__ import annotations

import sqlite3

# Pages SQLite may keep in memory for the table (negative: KiB); beyond it the table lives on disk.
CACHE_KIB = 8192


class SeenDocuments:
    """The first source of every document id added, asked for by id."""

    def __init__(self) -> None:
        self._database = sqlite3.connect("")  # "": a private temporary database on disk
        self._database.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._database.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, source TEXT NOT NULL) WITHOUT ROWID")

    def first_source(self, doc_id: str) -> str | None:
        row = self._database.execute("SELECT source FROM seen WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def add(self, doc_id: str, source: str) -> None:
        self._database.execute("INSERT INTO seen VALUES (?, ?)", (doc_id, source))

    def close(self) -> None:
        self._database.close()
