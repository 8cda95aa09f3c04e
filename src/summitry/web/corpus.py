"""The store as the web app reads it: records and the merged views, read again when it changes.

The store keeps the views merged (store/materialise.py): the app reads the meetings and the
ledger from their tables, and filters them there, instead of merging every record again after
each ingest; it keeps the records and the full lists until the store holds a different set of
documents, or `summitry ingest --refresh` re-extracts some.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from summitry.model import Record
from summitry.store.ingest import is_stale
from summitry.store.schema import documents
from summitry.store.materialise import stored_actors
from summitry.views.ledger import Commitment, commitment_json
from summitry.views.meetings import Meeting, meeting_json
from summitry.views.parties import Actors
from summitry.views.source import stored_ledger, stored_meetings, stored_records
from summitry.web.present import Directory


@dataclass(frozen=True)
class Snapshot:
    """Everything read from one state of the store."""

    key: tuple[int, str | None, int]
    engine: Engine
    records: tuple[Record, ...]
    by_id: dict[str, Record]
    directory: Directory
    actors: Actors  # resolves names as the views do, so a page's filter means what the CLI's does
    meetings: tuple[Meeting, ...]
    ledger: tuple[Commitment, ...]

    @property
    def stale(self) -> int:
        """Documents whose records another (or an unknown) version of summitry made."""
        return self.key[2]

    def meeting_rows(self) -> list[dict[str, Any]]:
        return [meeting_json(m) for m in self.meetings]

    def ledger_rows(self) -> list[dict[str, Any]]:
        return [commitment_json(c) for c in self.ledger]


class Corpus:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    def _key(self) -> tuple[int, str | None, int]:
        """Documents, the newest id, and how many are stale: a refresh changes the last."""
        with self.engine.connect() as connection:
            count, newest, stale_count = connection.execute(select(func.count(), func.max(documents.c.id), func.count().filter(is_stale()))).one()
        return int(count), newest, int(stale_count or 0)

    def snapshot(self) -> Snapshot:
        """The records and views of the store as it is now (read again only if it changed)."""
        key = self._key()
        with self._lock:
            if self._snapshot is None or self._snapshot.key != key:
                records = tuple(stored_records(self.engine))
                with self.engine.connect() as connection:
                    merged_meetings, merged_ledger = tuple(stored_meetings(connection)), tuple(stored_ledger(connection))
                    actors = stored_actors(connection)
                self._snapshot = Snapshot(
                    key=key,
                    engine=self.engine,
                    records=records,
                    by_id={r.document.id: r for r in records},
                    directory=Directory(records),
                    actors=actors,
                    meetings=merged_meetings,
                    ledger=merged_ledger,
                )
            return self._snapshot
