"""Read commands never write: a foreign SQLite file is "not a summitry store" and gets no tables,
an empty file gets no schema, the store's bytes stay as they were, and a store on a read-only
filesystem can still be read. A writer refuses a file that fails SQLite's integrity check."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry.cli import main
from tests.test_cli_errors import ARTICLE, built_store, one_line, store  # noqa: F401 - fixtures

READERS = [
    ["meetings"], ["ledger"], ["search", "川普"], ["actor", "川普"], ["readouts", "abcd"],
    ["report", "--ledger", "-o", "{tmp}/r.html"], ["export", "--format", "jsonl", "-o", "{tmp}/out"], ["serve", "--port", "1"],
]


def _run(command: list[str], database: Path, tmp_path: Path):
    args = [part.format(tmp=tmp_path) for part in command] + ["--db", str(database)]
    return CliRunner().invoke(main, args)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", READERS)
def test_a_foreign_sqlite_file_is_not_a_store_and_gets_no_tables(command: list[str], tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    before = _digest(foreign)
    line = one_line(_run(command, foreign, tmp_path), "summitry: the store ")
    assert line.endswith("not a summitry store (`summitry ingest` makes one)")
    assert _digest(foreign) == before


@pytest.mark.parametrize("command", READERS)
def test_an_empty_file_gets_no_schema(command: list[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    one_line(_run(command, empty, tmp_path), "summitry: the store ")
    assert empty.stat().st_size == 0


def test_ingest_into_a_foreign_file_is_refused_and_adds_no_tables(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(foreign)], input=ARTICLE)
    assert one_line(result, "summitry: the store ").endswith("not a summitry store: it holds other tables (notes)")
    with sqlite3.connect(foreign) as connection:
        assert [name for (name,) in connection.execute("SELECT name FROM sqlite_master")] == ["notes"]


@pytest.mark.parametrize("command", [["meetings", "--json"], ["ledger", "--json"], ["search", "川普"], ["actor", "川普", "--json"]])
def test_reading_leaves_the_store_as_it_was(store: Path, command: list[str], tmp_path: Path) -> None:  # noqa: F811
    before = _digest(store)
    result = _run(command, store, tmp_path)
    assert result.exit_code == 0, result.output
    assert _digest(store) == before


@pytest.fixture
def read_only_folder(tmp_path: Path, store: Path):  # noqa: F811
    """A store on a small tmpfs of our own, remounted read-only (root may write any folder, not
    a read-only filesystem)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    try:
        shutil.copy(store, mount / "store.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("command", [["meetings", "--json"], ["ledger", "--json"], ["search", "川普"], ["actor", "川普", "--json"]])
def test_a_store_on_a_read_only_filesystem_can_be_read(read_only_folder: Path, command: list[str], tmp_path: Path) -> None:
    result = _run(command, read_only_folder / "store.db", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["store.db"]


def _index_on_another_column(store: Path) -> None:
    """The index on events.type made to claim it indexes events.mode: the file opens and reads,
    only the integrity check sees that the index's entries are not the table's."""
    # Closed, not only committed: an open connection's WAL would be checkpointed into the file
    # later, by whoever opens it next, and the file would seem to change under the ingest.
    with closing(sqlite3.connect(store)) as connection, connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_events_type ON events (mode)' WHERE name = 'ix_events_type'")


def _pages_overwritten(store: Path) -> None:
    """The last page copied over the events table's first: SQLite calls the file malformed.
    (Not over the page before the last: both may be empty index pages of the view tables.)"""
    with sqlite3.connect(store) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    with store.open("r+b") as handle:
        handle.seek((pages - 1) * page_size)
        last = handle.read(page_size)
        handle.seek((root - 1) * page_size)
        handle.write(last)


@pytest.mark.parametrize(("damage", "reason"), [(_index_on_another_column, "missing from index"), (_pages_overwritten, "malformed")])
def test_ingest_refuses_a_store_that_fails_the_integrity_check(store: Path, damage, reason: str) -> None:  # noqa: F811
    damage(store)
    before = _digest(store)
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(store)], input=ARTICLE.replace("30日", "31日"))
    line = one_line(result, f"summitry: the store sqlite:///{store}: the file fails SQLite's integrity check: ")
    assert reason in line
    assert _digest(store) == before
