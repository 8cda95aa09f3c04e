"""Every failure the command line meets ends in one ``summitry: …`` line and a non-zero exit.

The errors derive from one base (summitry/errors.py) and cli.SummitryGroup words them in one
place; anything else is an internal error naming the command, its traceback shown only with
SUMMITRY_DEBUG=1. Stores here are made from our own sentences.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry.actors import KnowledgeBaseError
from summitry.cli import main
from summitry.errors import InvalidDataFile, SummitryError, mask_password
from summitry.events.lexicon import InvalidEventLexicon
from summitry.events.tables import InvalidTableLexicon
from summitry.ingest.errors import UnreadableDocument
from summitry.ingest.header import InvalidDate
from summitry.measure.lexicon import InvalidLexicon
from summitry.record import UnreadableRecord
from summitry.store import InvalidQuery, StoreError
from summitry.views.readouts import UnknownMeeting
from summitry.views.timeline import UnknownActor

ARTICLE = "date 2025-10-30\n美國總統川普30日在釜山與國家主席習近平會談。南韓總統李在明29日在慶州會見川普，承諾對美投資3500億美元。\n"


def one_line(result, start: str) -> str:
    """The run failed with exactly one line on stderr, beginning with ``start``, and no traceback."""
    assert result.exit_code != 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("errors")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder / "article.txt"), "--db", str(folder / "store.db"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return folder / "store.db"


@pytest.fixture
def store(built_store: Path, tmp_path: Path) -> Path:
    """A copy of the one-article store, the test's to damage."""
    return Path(shutil.copy(built_store, tmp_path / "store.db"))


@pytest.mark.parametrize(
    "error",
    [KnowledgeBaseError, UnreadableRecord, StoreError, InvalidQuery, UnknownActor, UnknownMeeting, InvalidLexicon,
     InvalidEventLexicon, InvalidTableLexicon, InvalidDate, UnreadableDocument],
)
def test_every_error_a_user_reads_has_one_base(error: type) -> None:
    assert issubclass(error, SummitryError)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://me:s3cret@db.example/news", "postgresql://me:***@db.example/news"),
        ("the store postgresql+psycopg://me:p@ss/w@db:5432/news: refused", "the store postgresql+psycopg://me:***@db:5432/news: refused"),
        ("connection to 'postgresql://me:x@h/db' failed", "connection to 'postgresql://me:***@h/db' failed"),
        ("postgresql://me@db/news", "postgresql://me@db/news"),
        ("sqlite:///summitry.db", "sqlite:///summitry.db"),
    ],
)
def test_mask_password_hides_every_password_and_nothing_else(text: str, shown: str) -> None:
    assert mask_password(text) == shown


@pytest.mark.parametrize(
    "command",
    [["readouts", "{meeting}"], ["report", "--ledger", "-o", "{tmp}/r.html"],
     ["export", "--format", "csv", "-o", "{tmp}/out"], ["eval", "--meetings-gold", "{gold}", "--store"]],
)
@pytest.mark.parametrize(
    ("damage", "reason"),
    [("{broken", "record_json is not JSON"), ("[1, 2]", "record_json is a JSON list, not an object"),
     ('{"schema": "summitry/9"}', "schema is 'summitry/9'")],
)
def test_a_damaged_record_is_one_line(store: Path, tmp_path: Path, command: list[str], damage: str, reason: str) -> None:
    """Commands that read the records (a meeting's readouts read its documents) say so in one line."""
    (meeting,) = [m["id"] for m in json.loads(CliRunner().invoke(main, ["meetings", "--json", "--db", str(store)]).output)][:1]
    with sqlite3.connect(store) as connection:
        (doc_id,) = connection.execute("SELECT id FROM documents").fetchone()
        connection.execute("UPDATE documents SET record_json = ?", (damage,))
    gold = tmp_path / "gold.json"
    gold.write_text('{"meetings": [], "ledger": {}}', encoding="utf-8")
    args = [part.format(tmp=tmp_path, gold=gold, meeting=meeting) for part in command] + (["--db"] if command[0] != "eval" else []) + [str(store)]
    line = one_line(CliRunner().invoke(main, args), f"summitry: the store holds an unreadable record {doc_id}: ")
    assert reason in line


def test_search_on_a_file_that_is_no_database_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 40)
    one_line(CliRunner().invoke(main, ["search", "川普", "--db", str(junk)]), f"summitry: the store sqlite:///{junk}: file is not a database")


def test_search_on_a_damaged_database_is_one_line(store: Path) -> None:
    """Pages overwritten past the header: the file opens, the search hits the damage."""
    size = store.stat().st_size
    with store.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * (size - 4096))
    line = one_line(CliRunner().invoke(main, ["search", "川普", "--db", str(store)]), f"summitry: the store sqlite:///{store}: ")
    assert "malformed" in line or "not a database" in line


def test_a_store_of_a_newer_schema_is_one_line(store: Path) -> None:
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    line = one_line(CliRunner().invoke(main, ["meetings", "--db", str(store)]), f"summitry: the store sqlite:///{store}: ")
    assert "revision f00dfeed" in line and "newer summitry" in line


def test_a_port_that_is_no_number_is_one_line_without_the_password() -> None:
    line = one_line(CliRunner().invoke(main, ["meetings", "--db", "postgresql://me:s3cret@db:port/news"]), "summitry: the store ")
    assert line == "summitry: the store postgresql://me:***@db:port/news: the port is not a number"


@pytest.mark.parametrize("command", [["meetings"], ["ledger"], ["actor", "川普"]])
def test_the_views_answer_from_their_tables_whatever_a_record_holds(store: Path, command: list[str]) -> None:
    """meetings, ledger and actor read the view tables the ingest keeps, never a record: a
    damaged record does not take them down."""
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE documents SET record_json = '{broken'")
    result = CliRunner().invoke(main, [*command, "--db", str(store)])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output


def test_any_other_exception_is_one_line_naming_the_command(store: Path, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("the view broke on postgresql://me:s3cret@db/news")

    monkeypatch.setattr("summitry.views.source.stored_ledger", broken)  # the command imports the view when it runs
    monkeypatch.delenv("SUMMITRY_DEBUG", raising=False)
    line = one_line(CliRunner().invoke(main, ["ledger", "--db", str(store)]), "summitry: internal error in ledger: RuntimeError: ")
    assert "s3cret" not in line and "SUMMITRY_DEBUG=1" in line
    monkeypatch.setenv("SUMMITRY_DEBUG", "1")
    debug = CliRunner().invoke(main, ["ledger", "--db", str(store)])
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "internal error in ledger" in debug.stderr


def test_stdout_on_a_full_device_is_one_line(store: Path, tmp_path: Path) -> None:
    """A device that refuses every write (as /dev/full does), made in the test's own folder."""
    full = tmp_path / "full"
    try:
        os.mknod(full, 0o666 | 0o020000, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("mknod needs root")
    for command in (["meetings", "--json"], ["ledger"], ["search", "川普"]):
        with full.open("w") as sink:
            run = subprocess.run(
                [sys.executable, "-m", "summitry.cli", *command, "--db", str(store)],
                stdout=sink, stderr=subprocess.PIPE, text=True, timeout=300,
            )
        assert run.returncode == 1, run.stderr
        assert run.stderr == "summitry: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    "error",
    [KnowledgeBaseError("two entities share the alias 川普"), UnreadableRecord("cedbc57b44b208ac", "record_json is not JSON"),
     StoreError("sqlite:///x.db", "file is not a database"), InvalidQuery("", "the query is empty"), UnknownActor("Kim"),
     UnknownMeeting("abcd", "no meeting has this id"), InvalidLexicon("units.yaml", ["unit tonne: no words"]),
     InvalidEventLexicon("triggers.yaml", ["group 1: has no words"]), InvalidTableLexicon(["no kinds"]),
     InvalidDate("invalid date '2025-13-40'"), UnreadableDocument("a.txt", "binary content"),
     InvalidDataFile("views/data/meetings.yaml", "anchor: unknown key")],
)
def test_an_error_crosses_from_a_worker_process_intact(error: SummitryError) -> None:
    """Workers send errors to the parent pickled; a subclass taking (input, reason) came back
    as a TypeError from its own __init__, and the parent printed that traceback."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and copy.describe() == error.describe() and vars(copy) == vars(error)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("name", "old", "new", "reason"),
    [
        ("triggers.yaml", "  - type: CONSULT\n", "  - type: CONSULTING\n", "triggers.yaml: group 0 (CONSULTING/meeting): type is not one of the sixteen PLOVER types"),
        ("arguments.yaml", "\nlight_verbs:", "\nlight_verb:", "events/data/arguments.yaml: line {line}: light_verb: Extra inputs are not permitted"),
        ("../../actors/data/people/world.yaml", "  aliases:", "  alias:", "actors/data/people/world.yaml: line {line}: 0.alias: Extra inputs are not permitted"),
    ],
)
def test_a_broken_data_file_stops_the_batch_with_one_line(tmp_path: Path, jobs: str, name: str, old: str, new: str, reason: str) -> None:
    """A copy of the package with one data file broken: every document would fail alike, so the
    run stops with the file and the reason, under one process or several."""
    package = Path(__file__).resolve().parents[1] / "src" / "summitry"
    shutil.copytree(package, tmp_path / "summitry", ignore=shutil.ignore_patterns("__pycache__"))
    broken = tmp_path / "summitry" / "events" / "data" / name
    text = broken.read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    reason = reason.format(line=text[: text.index(old) + 1].count("\n") + 1)  # where the broken key stands
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("30日", "31日"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "summitry.cli", "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--jobs", jobs],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "SUMMITRY_CACHE": str(tmp_path / "cache")},
    )
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith(f"summitry: data file is invalid: {reason}"), run.stderr
    assert len(run.stderr.splitlines()) == 1, run.stderr


def test_an_ambiguous_actor_is_one_line_listing_the_candidates(store: Path) -> None:
    line = one_line(CliRunner().invoke(main, ["actor", "Kim", "--db", str(store)]), "summitry: Kim: ")
    assert "people answer to this name; give one by id or full name: " in line and "Q56226 Kim Jong Un" in line
