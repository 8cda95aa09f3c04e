"""The store as the web app reads it: the actors and names it speaks of, read again when it changes.

Nothing here holds records or whole views: every page asks the store for its own rows, with
filters, order and pages in SQL (views/source.py, web/queries.py), so a request costs what
its page shows, not what the store holds. What is kept between requests is small and bounded
by the knowledge base, not by the documents: the entities, and how the texts wrote the names
pages have shown.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from summitry.store.ingest import is_stale
from summitry.store.materialise import stored_actors
from summitry.store.schema import documents, entities, mentions
from summitry.views.parties import Actors
from summitry.web.present import HAN, Directory

# How many mentions of one entity are read to tell how the texts write its name: the most
# frequent forms of a name show in the first thousands, and a page must not read 30,000.
WRITTEN_SAMPLE = 2000


class StoredDirectory(Directory):
    """The ``Directory`` of a store: names, kinds and countries from its entities table, and
    the written forms of an entity read from its mentions when a page first shows it."""

    def __init__(self, engine: Engine, connection: Connection) -> None:
        self.engine = engine
        self.names, self.types, self.countries = {}, {}, {}
        for row in connection.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.country)):
            self.names[row.id], self.types[row.id], self.countries[row.id] = row.name, row.type, row.country
        self._written = {}
        self._by_name = {name.casefold(): key for key, name in self.names.items()}

    def written(self, entity_id: str | None, most: int = 3) -> list[str]:
        if entity_id is not None and entity_id not in self._written:
            self._written[entity_id] = self._read_written(entity_id)
        return super().written(entity_id, most)

    def _read_written(self, entity_id: str) -> list[str]:
        """The Chinese forms of a name, most frequent first, ties in record order (as
        ``Directory`` counts them), over the first ``WRITTEN_SAMPLE`` mentions."""
        surface = func.substr(documents.c.text, mentions.c.start + 1, mentions.c.end - mentions.c.start)
        query = (
            select(surface)
            .join(documents, documents.c.id == mentions.c.doc_id)
            .where(mentions.c.entity_id == entity_id)
            .order_by(documents.c.date.nulls_first(), documents.c.id, mentions.c.ordinal)
            .limit(WRITTEN_SAMPLE)
        )
        with self.engine.connect() as connection:
            counts = Counter(connection.scalars(query))
        return [form for form, _ in counts.most_common() if HAN.search(form)]


@dataclass(frozen=True)
class Snapshot:
    """What every page needs of one state of the store, whatever its size."""

    key: tuple[int, str | None, int]
    engine: Engine
    directory: StoredDirectory
    actors: Actors  # resolves names as the views do, so a page's filter means what the CLI's does
    outlets: tuple[str, ...]
    modes: tuple[str, ...] = field(default=())

    @property
    def documents(self) -> int:
        return self.key[0]

    @property
    def stale(self) -> int:
        """Documents whose records another (or an unknown) version of summitry made."""
        return self.key[2]


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
        """The store's actors and names as it is now (read again only if it changed)."""
        key = self._key()
        with self._lock:
            if self._snapshot is None or self._snapshot.key != key:
                from summitry.store.schema import meetings

                with self.engine.connect() as connection:
                    outlets = connection.scalars(select(documents.c.outlet).where(documents.c.outlet.is_not(None)).distinct().order_by(documents.c.outlet))
                    modes = connection.scalars(select(meetings.c.mode).where(meetings.c.mode.is_not(None)).distinct())
                    self._snapshot = Snapshot(
                        key=key,
                        engine=self.engine,
                        directory=StoredDirectory(self.engine, connection),
                        actors=stored_actors(connection),
                        outlets=tuple(outlets),
                        modes=tuple(sorted(modes)),
                    )
            return self._snapshot
