"""Alembic migrations, configured in code: no alembic.ini, the connection is handed in.

``open_store`` calls ``upgrade_to_head`` on every open, so a store made by an older
summitry is brought up to date before anything reads or writes it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import text
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent
# Revisions whose stores hold documents but not the view tables (0003 made them empty), or
# view tables without the columns or tables today's view code fills (0005's timeline lines,
# 0007's timeline table).
_BEFORE_VIEW_TABLES = frozenset({"0001", "0002", "0003", "0004", "0005", "0006"})


def alembic_config(connection: Connection) -> Config:
    """An Alembic configuration that runs this package's scripts on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class UnknownRevision(Exception):
    """The store's schema is at a revision these migrations do not have: a newer summitry made it."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def upgrade_to_head(connection: Connection) -> None:
    """Apply every migration the store lacks, inside the caller's transaction.

    Raises ``UnknownRevision`` for a store of a revision no script here knows (Alembic would
    say only "Can't locate revision"), so the caller can say that a newer summitry made it.
    """
    current = current_revision(connection)
    if current == head_revision():
        return  # the usual open, and every run but the first of several creating one store: the
        # lock it holds is released at once, not after Alembic has read its scripts again
    if current is not None and not known_revision(current):
        raise UnknownRevision(current)
    command.upgrade(alembic_config(connection), "head")
    if current in _BEFORE_VIEW_TABLES and connection.execute(text("SELECT 1 FROM documents LIMIT 1")).first() is not None:
        # Filled here, at the head revision, not inside 0003: the view code is today's and
        # writes today's columns, which a migration in the middle of the chain lacks.
        from summitry.store.materialise import rebuild_views

        rebuild_views(connection)


def known_revision(revision: str) -> bool:
    """Whether a migration script here has this revision id (a newer summitry's would not)."""
    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:
        return False


def downgrade_to(connection: Connection, revision: str) -> None:
    """Undo migrations down to ``revision`` ("base" empties the store); for tests and repairs."""
    command.downgrade(alembic_config(connection), revision)


@cache
def head_revision() -> str:
    """The newest migration's revision id (the scripts are read once per process)."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the store is at; None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()
