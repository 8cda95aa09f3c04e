"""Opening a store: a SQLAlchemy URL (or a SQLite file path) in, a migrated Engine out."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from summitry.defaults import DEFAULT_URL
from summitry.errors import SummitryError, mask_password
from summitry.store.migrations import UnknownRevision, current_revision, head_revision, known_revision, upgrade_to_head

# The trigram tokenizer of FTS5 arrived in SQLite 3.34.
MINIMUM_SQLITE = (3, 34, 0)

# The advisory lock PostgreSQL runs hold while they create or upgrade the schema (any fixed number
# no other program on the database uses: "summ" in ASCII).
_MIGRATION_LOCK = 0x73756D6D

# How long a SQLite run waits for another that holds the store's lock (one creating or migrating it).
BUSY_SECONDS = 120.0


class StoreError(SummitryError):
    """A store that cannot be opened or used, with the (password-free) URL and the reason."""

    lead = "the store"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def store_url(location: str) -> URL:
    """A URL for ``location``; a bare path names a SQLite file, ``postgresql://`` means psycopg 3.

    psycopg 3 is the driver summitry installs, so a plain ``postgresql://`` URL should not
    reach for psycopg2, which SQLAlchemy would pick by default.
    """
    if "://" not in location:
        return URL.create("sqlite", database=location)
    try:
        url = make_url(location)
    except ArgumentError:
        raise StoreError(mask_password(location), "not a database URL or a file path") from None
    except ValueError:  # SQLAlchemy reads the port with int(): host:port with a word for a port
        raise StoreError(mask_password(location), "the port is not a number") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """The URL as messages may show it: without its password."""
    return mask_password(url.render_as_string(hide_password=False))


def store_error(url: URL, error: SQLAlchemyError) -> StoreError:
    """The ``StoreError`` a database failure means: the one place a driver's error becomes the
    line a user reads (the store's password-free URL and the driver's first line)."""
    return StoreError(shown(url), _first_line(error))


@contextmanager
def store_failures(url: URL) -> Iterator[None]:
    """Turn a database failure inside the block into a ``StoreError`` naming the store."""
    try:
        yield
    except SQLAlchemyError as error:
        raise store_error(url, error) from None


def open_store(location: str = DEFAULT_URL, *, read_only: bool = False) -> Engine:
    """An Engine on the store at ``location``, created or upgraded to the newest schema; with
    ``read_only`` the store must exist at the newest schema and nothing is written to it.

    Read commands open read-only, so a foreign database given by mistake is reported as "not
    a summitry store" instead of having tables added. A writer refuses a SQLite file that
    fails its integrity check. Raises ``StoreError`` naming the store and the reason.
    """
    url = store_url(location)
    options: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        # PostgreSQL is spoken to in UTF8 whatever the database's own encoding: a SQL_ASCII
        # database would otherwise hand back bytes, and fail inside SQLAlchemy's first query
        # instead of at _check_postgresql, which says what is wrong.
        options["connect_args"] = {"client_encoding": "utf8"}
        if read_only:
            options["execution_options"] = {"postgresql_readonly": True}
    elif url.get_backend_name() == "sqlite":
        options.update(_sqlite_options(url, read_only))
    try:
        # Records are mostly Chinese: stored as characters, not \u escapes, they take half the space.
        engine = create_engine(url, json_serializer=partial(json.dumps, ensure_ascii=False), **options)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StoreError(shown(url), f"unsupported database URL ({error})") from None
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine, read_only)
    try:
        with store_failures(url):
            (_check_schema if read_only else _migrate)(engine, url)
    except StoreError:
        engine.dispose()
        raise
    return engine


def _migrate(engine: Engine, url: URL) -> None:
    """Create or upgrade the schema, one run at a time: two runs making one new store at once
    would otherwise both create its tables. SQLite takes the write lock at BEGIN IMMEDIATE
    (waiting out the other run), PostgreSQL an advisory lock held to the transaction's end."""
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as connection, connection.begin():
        if engine.dialect.name == "postgresql":
            _check_postgresql(connection, url)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        else:
            _check_sqlite(connection, url)
        revision = current_revision(connection)
        if revision is None and (foreign := _foreign_tables(connection)):
            raise StoreError(shown(url), f"not a summitry store: it holds other tables ({', '.join(foreign[:5])})")
        try:
            upgrade_to_head(connection)
        except UnknownRevision as error:
            raise _newer(url, error.revision) from None


def _check_schema(engine: Engine, url: URL) -> None:
    """A read-only store must already be a summitry store at this summitry's schema."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            _check_postgresql(connection, url)
        revision = current_revision(connection)
        if revision is None:
            raise StoreError(shown(url), "not a summitry store (`summitry ingest` makes one)")
        if revision != head_revision():
            if not known_revision(revision):
                raise _newer(url, revision)
            raise StoreError(
                shown(url), f"its schema is at revision {revision}, older than this summitry's: any `summitry ingest` into it upgrades it"
            )


def _newer(url: URL, revision: str) -> StoreError:
    return StoreError(shown(url), f"its schema is at revision {revision}, which this summitry does not know: a newer summitry made it")


def _foreign_tables(connection: Connection) -> list[str]:
    """Tables of a database with no summitry schema (SQLite's own and empty databases have none)."""
    return sorted(name for name in inspect(connection).get_table_names() if not name.startswith("sqlite_"))


def _check_sqlite(connection: Connection, url: URL) -> None:
    """A writer must not add to a damaged file: SQLite would store the new rows in a file it
    may already be losing, and the damage would spread."""
    try:
        problems = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check(3)")]
    except DBAPIError as error:  # damage the check cannot read past ("malformed")
        problems = [_first_line(error)]
    if problems != ["ok"]:
        raise StoreError(shown(url), f"the file fails SQLite's integrity check: {'; '.join(problems)}")


def _sqlite_options(url: URL, read_only: bool) -> dict[str, Any]:
    """How to connect to a SQLite file; read-only, the file must exist and is opened so that
    SQLite cannot write it (mode=ro), or, in a folder no one may write, cannot even make the
    WAL index beside it (immutable: no writer could change the file there either)."""
    if sqlite3.sqlite_version_info < MINIMUM_SQLITE:
        raise StoreError(shown(url), f"SQLite {sqlite3.sqlite_version} is too old: full-text search needs 3.34 or newer")
    if not url.database or url.database == ":memory:":
        return {}
    path = Path(url.database).expanduser().resolve()
    if not path.parent.is_dir():
        raise StoreError(shown(url), f"no such directory: {path.parent}")
    if not read_only:
        return {}
    if not path.is_file():
        raise StoreError(url.database, "there is no store at this path (`summitry ingest` makes one)")
    if path.stat().st_size == 0:
        raise StoreError(shown(url), "not a summitry store: the file is empty (`summitry ingest` makes one)")
    uri = f"{path.as_uri()}?mode=ro" + ("" if os.access(path.parent, os.W_OK) else "&immutable=1")
    return {"creator": lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)}


def _prepare_sqlite(engine: Engine, read_only: bool) -> None:
    """Foreign keys on, WAL so readers never wait for a writer, and a real BEGIN per transaction.

    Python's sqlite3 module opens transactions lazily, only before a write; taking control
    of BEGIN makes a transaction's reads and writes one atomic unit, as on PostgreSQL. The busy
    timeout comes first: switching to WAL takes a lock another run may hold. A reader never
    switches (that is a write).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")  # a run creating the store holds its lock while it migrates
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            _switch_to_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', '')}".strip())


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the file in WAL mode, waiting as long as the busy timeout for a run that holds it.

    SQLite answers "database is locked" at once, without its busy handler, when another run
    is switching the same new file to WAL at that moment (clean-clone CI on a loaded machine
    met it with four runs creating one store). A file already in WAL mode needs no lock."""
    deadline, pause = time.monotonic() + BUSY_SECONDS, 0.005
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause * (1 + random.random()))
        pause = min(pause * 2, 0.5)


def _check_postgresql(connection: Connection, url: URL) -> None:
    """Offsets are code-point indices, so the database must count characters, not bytes."""
    encoding = connection.execute(text("SHOW server_encoding")).scalar_one()
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise StoreError(shown(url), f"the database's encoding is {encoding}; summitry needs UTF8")


def _first_line(error: SQLAlchemyError) -> str:
    message = str(getattr(error, "orig", None) or error)
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__
