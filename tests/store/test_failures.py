"""A PostgreSQL store that fails is one ``summitry: …`` line naming it, password masked, and exit 1:
a table missing, a schema revision newer than this summitry, a database that is not UTF8.
(The SQLite twins are in tests/test_cli_errors.py.) Run when SUMMITRY_TEST_PG names a server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from summitry.cli import main
from summitry.store import store_url
from tests.store.conftest import create_database, drop_database, postgres_server
from tests.test_cli_errors import ARTICLE, one_line


@pytest.fixture
def postgres_store(tmp_path: Path) -> Iterator[str]:
    """A PostgreSQL store holding one article of ours; its URL, with the password in it."""
    server = postgres_server()
    url = create_database(server)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    try:
        result = CliRunner().invoke(main, ["ingest", str(article), "--db", url, "--jobs", "1"])
        assert result.exit_code == 0, result.output
        yield url
    finally:
        drop_database(server, url)


def _execute(url: str, statement: str) -> None:
    engine = create_engine(store_url(url))
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _masked(url: str) -> str:
    return store_url(url).render_as_string(hide_password=True)


def _secret_kept(result, url: str) -> None:
    password = make_url(url).password
    assert password and f":{password}@" not in result.output


@pytest.mark.parametrize("command", [["meetings"], ["ledger"], ["search", "川普"], ["ingest", "{article}"]])
def test_a_table_missing_is_one_line_with_the_password_masked(postgres_store: str, tmp_path: Path, command: list[str]) -> None:
    # The view commands read the view tables, the others the documents: each loses its own.
    _execute(postgres_store, "DROP TABLE sentence_search, documents, meetings, commitments CASCADE")
    args = [part.format(article=tmp_path / "article.txt") for part in command] + ["--db", postgres_store]
    result = CliRunner().invoke(main, args)
    line = one_line(result, f"summitry: the store {_masked(postgres_store)}: ")
    assert "does not exist" in line
    _secret_kept(result, postgres_store)


def test_a_store_of_a_newer_schema_is_one_line(postgres_store: str) -> None:
    _execute(postgres_store, "UPDATE alembic_version SET version_num = 'f00dfeed'")
    result = CliRunner().invoke(main, ["meetings", "--db", postgres_store])
    line = one_line(result, f"summitry: the store {_masked(postgres_store)}: ")
    assert "revision f00dfeed" in line and "newer summitry" in line
    _secret_kept(result, postgres_store)


def test_a_database_not_in_utf8_is_refused_with_the_reason() -> None:
    server = postgres_server()
    name = f"summitry_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(store_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'"))
    admin.dispose()
    url = store_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        result = CliRunner().invoke(main, ["ingest", "-", "--db", url], input=ARTICLE)
        line = one_line(result, f"summitry: the store {_masked(url)}: ")
        assert line.endswith("the database's encoding is SQL_ASCII; summitry needs UTF8")
        _secret_kept(result, url)
    finally:
        drop_database(server, url)


def test_serve_names_the_store_without_its_password(postgres_store: str, monkeypatch) -> None:
    monkeypatch.setattr("uvicorn.run", lambda *_args, **_kwargs: None)
    result = CliRunner().invoke(main, ["serve", "--db", postgres_store])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"summitry: serving {_masked(postgres_store)} at ")
    _secret_kept(result, postgres_store)
