"""The command line, driven through Click's runner on the real seeds and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from summitry.cli import main
from tests.conftest import GOLD_MENTIONS, SEEDS


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_one_schema_record_per_seed() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEEDS)])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert len(records) == 5
    for record in records:
        assert record["schema"] == "summitry/1"
        assert set(record) >= {"doc", "entities", "quantities", "times", "events"}
        text = Path(record["doc"]["source"]).read_text(encoding="utf-8")
        assert record["doc"]["length"] == len(text)
        for item in record["quantities"] + record["times"]:
            assert text[item["start"] : item["end"]] == item["text"]
        for entity in record["entities"]:
            assert entity["type"] in {"person", "country", "organization", "company", "place"}
            assert all(0 <= start < end <= len(text) for start, end in entity["mentions"])


def test_date_option_applies_to_documents_without_a_header(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("南韓總統在慶州會見美國總統。", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--date", "2019-06-30"])
    record = _records(result.stdout)[0]
    assert record["doc"]["date"] == "2019-06-30"
    assert {"Moon Jae-in", "Donald Trump"} <= {e["name"] for e in record["entities"]}


def test_bad_input_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("川普與習近平在釜山會晤。", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "picture.png" in result.stderr and "rejected" in result.stderr
    assert len(_records(result.stdout)) == 1


def test_output_file_is_not_replaced_when_the_run_fails(tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    output.write_text("previous results\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt"), "--date", "not-a-date", "-o", str(output)])
    assert result.exit_code != 0
    assert output.read_text(encoding="utf-8") == "previous results\n"
    assert list(tmp_path.glob("*.partial")) == []


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "-o", str(output)])
    assert result.exit_code == 0
    assert len(_records(output.read_text(encoding="utf-8"))) == 5


def test_eval_prints_every_measure() -> None:
    result = CliRunner().invoke(main, ["eval", "--gold", str(GOLD_MENTIONS), str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["span_errors"] == 0
    for measure in ("person_f1", "country_f1", "surface_recall", "quantity_accuracy", "time_accuracy"):
        assert 0.0 <= scores[measure] <= 1.0


def test_a_record_json_cannot_hold_is_a_named_rejection_not_a_crash() -> None:
    import dataclasses

    from summitry.cli import _json_line
    from summitry.ingest import Rejection
    from summitry.pipeline import extract

    record = extract("雙方同意投資100億美元。", source="feed.jsonl:line 3")
    assert _json_line(record).endswith("\n")
    unbounded = dataclasses.replace(record.quantities[0], value=float("inf"))
    outcome = _json_line(dataclasses.replace(record, quantities=(unbounded,)))
    assert isinstance(outcome, Rejection)
    assert outcome.path == "feed.jsonl:line 3" and "not writable as JSON" in outcome.reason
