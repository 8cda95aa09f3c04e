"""The view commands (meetings, ledger, readouts, actor) and eval --store, through Click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry.cli import main
from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.meetings import meetings
from summitry.views.timeline import actor_timeline
from tests.conftest import GOLD_MENTIONS, SEEDS

GOLD_VIEWS = GOLD_MENTIONS.parent / "seeds-meetings-ledger.json"


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("views") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def _json(args: list[str]):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_meetings_json_is_one_object_per_meeting(database: str) -> None:
    rows = _json(["meetings", "--db", database, "--json"])
    assert len({row["id"] for row in rows}) == len(rows) > 10
    assert all(row["sources"] and set(row) >= {"participants", "names", "date", "place", "mode", "status"} for row in rows)


def test_meetings_filters(database: str) -> None:
    rows = _json(["meetings", "--db", database, "--json", "--actor", "金正恩", "--until", "2019-12"])
    assert [row["date"] for row in rows] == ["2018-06", "2019-02", "2019-06"]


def test_ledger_json_and_filters(database: str) -> None:
    rows = _json(["ledger", "--db", database, "--json", "--pledger", "Korean Air"])
    assert {row["amount"]["value"] for row in rows} == {36200000000, 13700000000}
    assert all(row["pledger_name"] == "Korean Air" for row in rows)


def test_readouts_side_by_side(database: str) -> None:
    (busan,) = _json(["meetings", "--db", database, "--json", "--actor", "Xi Jinping", "--since", "2025-10-30"])
    payload = _json(["readouts", busan["id"], "--db", database, "--json"])
    assert payload["meeting"] == busan["id"] and len(payload["sides"]) == 2
    table = CliRunner().invoke(main, ["readouts", busan["id"][:8], "--db", database])
    assert table.exit_code == 0 and "rare earths" in table.stdout and "only Donald Trump" in table.stdout


def test_actor_timeline(database: str) -> None:
    payload = _json(["actor", "高市早苗", "--db", database, "--json"])
    assert payload["name"] == "Sanae Takaichi"
    assert {entry["kind"] for entry in payload["entries"]} >= {"meeting", "commitment_made"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["readouts", "nosuchid"], "no meeting has this id"),
        (["actor", "Nobody Atall"], "no actor has this name"),
        (["meetings", "--since", "2025-13"], "YYYY"),
    ],
)
def test_errors_are_one_clear_line(database: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", database])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_a_missing_store_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ledger", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "summitry ingest" in result.output


def test_tables_print_without_json(database: str) -> None:
    for command in (["meetings"], ["ledger"], ["actor", "KOR"]):
        result = CliRunner().invoke(main, [*command, "--db", database])
        assert result.exit_code == 0 and "┃" in result.stdout


def test_eval_scores_the_views_of_a_store(database: str) -> None:
    scores = _json(["eval", "--store", database, "--meetings-gold", str(GOLD_VIEWS), "--gold", str(GOLD_MENTIONS), "--json"])
    assert scores["view_meeting_recall"] >= 0.9 and scores["view_meeting_precision"] >= 0.8
    assert scores["ledger_recall"] >= 0.9 and scores["ledger_precision"] >= 0.7
    assert scores["person_f1"] == 1.0 and scores["meeting_recall"] == 1.0


def test_eval_needs_paths_or_a_store() -> None:
    result = CliRunner().invoke(main, ["eval", "--meetings-gold", str(GOLD_VIEWS)])
    assert result.exit_code != 0 and "PATHS" in result.output


def _records(database: str):
    from summitry.store import open_store
    from summitry.views.source import stored_records

    engine = open_store(database, read_only=True)
    try:
        return stored_records(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("args", "view"),
    [
        (["meetings"], lambda r: [view_json(m) for m in meetings(r)]),
        (["meetings", "--actor", "USA"], lambda r: [view_json(m) for m in meetings(r, actor="USA")]),
        (["meetings", "--actor", "川普", "--since", "2025-10"], lambda r: [view_json(m) for m in meetings(r, actor="川普", since="2025-10")]),
        (["meetings", "--until", "2019"], lambda r: [view_json(m) for m in meetings(r, until="2019")]),
        (["ledger"], lambda r: [view_json(c) for c in ledger(r)]),
        (["ledger", "--pledger", "KOR"], lambda r: [view_json(c) for c in ledger(r, pledger="KOR")]),
        (["ledger", "--beneficiary", "美國"], lambda r: [view_json(c) for c in ledger(r, beneficiary="美國")]),
        (["actor", "Trump"], lambda r: view_json(actor_timeline(r, "Trump"))),
        (["actor", "JPN"], lambda r: view_json(actor_timeline(r, "JPN"))),
        (["actor", "文在寅"], lambda r: view_json(actor_timeline(r, "文在寅"))),
    ],
)
def test_the_view_commands_read_the_tables_and_say_what_the_views_of_every_record_say(database: str, args, view) -> None:
    assert _json([*args, "--db", database, "--json"]) == view(_records(database))


def test_the_view_commands_read_no_record(database: str, monkeypatch) -> None:
    """meetings, ledger and actor answer from the view tables alone: reading a record fails here."""

    def refuse(*_args):
        raise AssertionError("a view command read a record")

    monkeypatch.setattr("summitry.views.source._record", refuse)
    for args in (["meetings"], ["ledger", "--pledger", "KOR"], ["actor", "Trump"]):
        assert _json([*args, "--db", database, "--json"])
