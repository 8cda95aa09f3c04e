"""Exports read back: tables in CSV, Parquet and JSON Lines; PLOVER records; GDELT-style CAMEO rows."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from summitry.cli import main
from summitry.export import CAMEO_COLUMNS

PLOVER_FIELDS = {"id", "date", "source", "recipient", "event", "mode", "quad_code", "event_text", "text_info", "cite_info", "coder"}


def _export(database: str, folder: Path, format: str) -> list[Path]:
    result = CliRunner().invoke(main, ["export", "--format", format, "-o", str(folder), "--db", database])
    assert result.exit_code == 0, result.output
    return [Path(line) for line in result.stdout.splitlines()]


def _read(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("format", ["csv", "parquet", "jsonl"])
def test_tables_read_back(seeds_database: str, tmp_path: Path, seeds_records, ledger_json: list[dict], format: str) -> None:
    events_path, ledger_path = _export(seeds_database, tmp_path, format)
    assert (events_path.name, ledger_path.name) == (f"events.{format}", f"ledger.{format}")
    events = _read(events_path)
    assert len(events) == sum(len(r.events) for r in seeds_records)
    texts = {r.document.id: r.document.text for r in seeds_records}
    for row in events:
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert texts[row["doc_id"]][start:end] == row["evidence_text"]
    commitments = _read(ledger_path)
    assert [r["id"] for r in commitments] == [c["id"] for c in ledger_json]
    for row, commitment in zip(commitments, ledger_json):
        assert row["pledger_name"] == commitment["pledger_name"] and row["item"] == commitment["item"]
        if commitment["amount"]:
            assert float(row["amount_value"]) == commitment["amount"]["value"]
            assert row["amount_unit"] == commitment["amount"]["unit"]


def test_plover_records(seeds_database: str, tmp_path: Path, seeds_records) -> None:
    (path,) = _export(seeds_database, tmp_path, "plover")
    records = _read(path)
    assert len(records) == sum(len(r.events) for r in seeds_records)
    texts = {r.document.id: r.document.text for r in seeds_records}
    for record in records:
        assert PLOVER_FIELDS <= set(record)
        assert record["quad_code"] in (1, 2, 3, 4)
        info = record["text_info"]
        assert record["event_text"] == [texts[record["cite_info"]["citation"]][info["start"] : info["end"]]]
        assert all({"code", "identifier_id"} <= set(actor) for actor in record["source"] + record["recipient"])
    summit = [r for r in records if r["event"] == ["CONSULT"] and r["date"] == "2025-10-30"
              and {"Q22686", "Q15031"} <= {a["identifier_id"] for a in r["source"] + r["recipient"]}]
    assert summit and summit[0]["quad_code"] == 1


def test_cameo_rows_have_gdelt_columns(seeds_database: str, tmp_path: Path, seeds_records) -> None:
    (path,) = _export(seeds_database, tmp_path, "cameo")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert tuple(reader.fieldnames) == CAMEO_COLUMNS
        rows = list(reader)
    assert len(rows) == sum(1 for r in seeds_records for e in r.events if e.cameo)
    for row in rows:
        code = row["EventCode"]
        assert len(code) >= 3 and row["EventBaseCode"] == code[:3] and row["EventRootCode"] == code[:2]
        root = int(code[:2])
        assert row["QuadClass"] == str(1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
        if row["SQLDATE"]:
            assert len(row["SQLDATE"]) == 8 and row["SQLDATE"].startswith(row["Year"])
    busan = [r for r in rows if r["ActionGeo_FullName"] == "Busan" and r["EventRootCode"] == "04"]
    assert busan and {busan[0]["Actor1CountryCode"], busan[0]["Actor2CountryCode"]} == {"USA", "CHN"}


def test_export_refuses_an_unknown_format(seeds_database: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xlsx", "-o", str(tmp_path), "--db", seeds_database])
    assert result.exit_code == 2 and "xlsx" in result.output
