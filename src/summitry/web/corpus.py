"""The store as the web app reads it: records and the views over them, rebuilt when it changes.

The views are pure functions of the records; the app keeps the records (and the full
meetings and ledger lists every page needs) until the store holds a different set of
documents, or `summitry ingest --refresh` re-extracts some, so a page costs no more than its
own filter.
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
from summitry.views.ledger import Commitment, commitment_json, ledger
from summitry.views.meetings import Meeting, meeting_json, meetings
from summitry.views.parties import Actors
from summitry.views.source import stored_records
from summitry.web.present import Directory


@dataclass(frozen=True)
class Snapshot:
    """Everything read from one state of the store."""

    key: tuple[int, str | None, int]
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
                self._snapshot = Snapshot(
                    key=key,
                    records=records,
                    by_id={r.document.id: r for r in records},
                    directory=Directory(records),
                    actors=Actors(records),
                    meetings=tuple(meetings(records)),
                    ledger=tuple(ledger(records)),
                )
            return self._snapshot
