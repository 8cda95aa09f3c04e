"""Opening a store: a SQLAlchemy URL (or a SQLite file path) in, a migrated Engine out."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from summitry.errors import SummitryError, mask_password
from summitry.store.migrations import UnknownRevision, upgrade_to_head

DEFAULT_URL = "sqlite:///summitry.db"

# The trigram tokenizer of FTS5 arrived in SQLite 3.34.
MINIMUM_SQLITE = (3, 34, 0)


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


def open_store(location: str = DEFAULT_URL) -> Engine:
    """An Engine on the store at ``location``, created or upgraded to the newest schema.

    Raises ``StoreError`` naming the store when it cannot be reached or migrated.
    """
    url = store_url(location)
    try:
        # Records are mostly Chinese: stored as characters, not \u escapes, they take half the space.
        # PostgreSQL is spoken to in UTF8 whatever the database's own encoding: a SQL_ASCII
        # database would otherwise hand back bytes, and fail inside SQLAlchemy's first query
        # instead of at _check_postgresql, which says what is wrong.
        options = {"connect_args": {"client_encoding": "utf8"}} if url.get_backend_name() == "postgresql" else {}
        engine = create_engine(url, json_serializer=partial(json.dumps, ensure_ascii=False), **options)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StoreError(shown(url), f"unsupported database URL ({error})") from None
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine, url)
    try:
        with store_failures(url), engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                _check_postgresql(connection, url)
            upgrade_to_head(connection)
    except UnknownRevision as error:
        engine.dispose()
        raise StoreError(
            shown(url), f"its schema is at revision {error.revision}, which this summitry does not know: a newer summitry made it"
        ) from None
    except StoreError:
        engine.dispose()
        raise
    return engine


def _prepare_sqlite(engine: Engine, url: URL) -> None:
    """Foreign keys on, WAL so readers never wait for a writer, and a real BEGIN per transaction.

    Python's sqlite3 module opens transactions lazily, only before a write; taking control
    of BEGIN makes a transaction's reads and writes one atomic unit, as on PostgreSQL.
    """
    if sqlite3.sqlite_version_info < MINIMUM_SQLITE:
        raise StoreError(shown(url), f"SQLite {sqlite3.sqlite_version} is too old: full-text search needs 3.34 or newer")
    if url.database and url.database != ":memory:":
        folder = Path(url.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(shown(url), f"no such directory: {folder}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")


def _check_postgresql(connection, url: URL) -> None:
    """Offsets are code-point indices, so the database must count characters, not bytes."""
    encoding = connection.execute(text("SHOW server_encoding")).scalar_one()
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise StoreError(shown(url), f"the database's encoding is {encoding}; summitry needs UTF8")


def _first_line(error: SQLAlchemyError) -> str:
    message = str(getattr(error, "orig", None) or error)
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__
