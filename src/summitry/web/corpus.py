"""The store as the web app reads it: the actors and names it speaks of, read again when it changes.

Nothing here holds records or whole views: every page asks the store for its own rows, with
filters, order and pages in SQL (views/source.py, web/queries.py), so a request costs what
its page shows, not what the store holds. What is kept between requests is small and bounded
by the knowledge base, not by the documents: the entities, and how the texts wrote the names
pages have shown.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from summitry.store.ingest import is_stale
from summitry.store.materialise import stored_actors
from summitry.store.schema import documents, entities, meetings, mentions
from summitry.store.state import read_state
from summitry.views.parties import Actors
from summitry.web.present import HAN, Directory

T = TypeVar("T")

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


# How many figures a snapshot keeps (counts and totals of the filters pages asked for): enough
# for every list's unfiltered figures and the filters in use, bounded whatever is asked.
REMEMBERED = 256


@dataclass(frozen=True)
class Snapshot:
    """What every page needs of one state of the store, whatever its size, and the figures
    pages computed for that state (``remember``): a count over every meeting, the ledger's
    totals, the events by month are the same until the store's revision moves on."""

    key: tuple[int, int]  # the store's revision and document count (store/state.py)
    engine: Engine
    directory: StoredDirectory
    actors: Actors  # resolves names as the views do, so a page's filter means what the CLI's does
    outlets: tuple[str, ...]
    modes: tuple[str, ...] = field(default=())
    stale: int = 0  # documents whose records another (or an unknown) version of summitry made
    _figures: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    _computing: dict[Hashable, threading.Lock] = field(default_factory=dict, compare=False, repr=False)

    @property
    def documents(self) -> int:
        return self.key[1]

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once for this state of the store and kept (the least recently
        used of more than ``REMEMBERED`` are dropped)."""
        with self._lock:
            if key in self._figures:
                self._figures.move_to_end(key)
                return cast(T, self._figures[key])
            computing = self._computing.setdefault(key, threading.Lock())
        # One request computes a figure; the others asking for it meanwhile wait for it
        # instead of each summing the same rows on the one core they share.
        with computing:
            with self._lock:
                if key in self._figures:
                    return cast(T, self._figures[key])
            try:
                value = compute()
                with self._lock:
                    self._figures[key] = value
                    while len(self._figures) > REMEMBERED:
                        self._figures.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
        return value


class Corpus:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    def _key(self) -> tuple[int, int]:
        """The store's revision and document count: one row, read in the same time at any size
        (counting the documents and the stale ones took 0.1 s a request at 100,000)."""
        with self.engine.connect() as connection:
            state = read_state(connection)
        return state.revision, state.documents

    def snapshot(self) -> Snapshot:
        """The store's actors and names as it is now (read again only if it changed)."""
        key = self._key()
        with self._lock:
            if self._snapshot is None or self._snapshot.key != key:
                with self.engine.connect() as connection:
                    outlets = connection.scalars(select(documents.c.outlet).where(documents.c.outlet.is_not(None)).distinct().order_by(documents.c.outlet))
                    modes = connection.scalars(select(meetings.c.mode).where(meetings.c.mode.is_not(None)).distinct())
                    stale = connection.scalar(select(func.count()).select_from(documents).where(is_stale()))
                    self._snapshot = Snapshot(
                        key=key,
                        engine=self.engine,
                        directory=StoredDirectory(self.engine, connection),
                        actors=stored_actors(connection),
                        outlets=tuple(outlets),
                        modes=tuple(sorted(modes)),
                        stale=int(stale or 0),
                    )
            return self._snapshot
