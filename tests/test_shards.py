"""Parquet shards: what ``extract --engine dask`` writes comes back as the same records, and a
damaged shard or row is refused by its path (and row) with the reason, the good rows still read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from summitry import shards
from summitry.ingest import Rejection, document_from_text
from summitry.model import Record
from summitry.pipeline import extract_document, extractor_version
from summitry.record import record_to_json

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

SENTENCES = [
    "美國總統川普29日在慶州會見中國國家主席習近平。",
    "日本首相高市早苗28日在東京會見川普，雙方簽署稀土協議。",
    "南韓承諾對美投資3500億美元，其中2000億美元為現金。",
]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [
        extract_document(document_from_text(sentence, f"{n}.txt", dt.date(2025, 10, 30)))
        for n, sentence in enumerate(SENTENCES)
    ]


def _write(folder: Path, rows: list[dict], name: str = "part-00000.parquet", columns=shards.COLUMNS) -> str:
    """A shard of these rows, as the dask engine writes them (every column a string, the
    extractor's version in the schema's metadata)."""
    schema = pa.schema([(c, pa.string()) for c in columns], metadata={shards.EXTRACTOR_KEY: extractor_version().encode("ascii")})
    table = pa.table({c: [row[c] for row in rows] for c in columns}, schema=schema)
    parquet.write_table(table, folder / name, row_group_size=shards.ROW_GROUP_DOCUMENTS)
    return str(folder / name)


def _rows(records: list[Record]) -> list[dict]:
    return [dict(zip(shards.COLUMNS, shards.shard_row(record))) for record in records]


def test_a_shard_gives_back_the_records_that_were_written(tmp_path: Path, records) -> None:
    shards.write_shard([shards.shard_row(r) for r in records], tmp_path, 0)
    back = list(shards.read_shard(str(tmp_path / "part-00000.parquet")))
    assert [record_to_json(r) for r in back] == [record_to_json(r) for r in records]
    assert [r.document for r in back] == [r.document for r in records]
    # How each mention was linked is not in the record's JSON: the shard keeps it beside.
    assert [r.mentions for r in back] == [r.mentions for r in records]
    assert {m.how for r in back for m in r.mentions} >= {"alias"}


def test_a_shard_another_extractor_wrote_gives_its_documents_to_extract_again(tmp_path: Path, records) -> None:
    path = _write(tmp_path, _rows(records))
    older = tmp_path / "older.parquet"
    parquet.write_table(parquet.read_table(path).replace_schema_metadata({shards.EXTRACTOR_KEY: b"0123456789abcdef"}), older)
    assert list(shards.read_shard(str(older))) == [r.document for r in records]


def test_a_shard_without_the_mentions_column_still_reads(tmp_path: Path, records) -> None:
    path = _write(tmp_path, _rows(records), columns=shards.REQUIRED_COLUMNS)
    back = list(shards.read_shard(path))
    assert [record_to_json(r) for r in back] == [record_to_json(r) for r in records]
    assert {m.how for r in back for m in r.mentions} == {"stored"}


def _other_record(row: dict, other: dict) -> dict:
    return {**row, "record": other["record"]}


def _another_schema(row: dict, _other: dict) -> dict:
    return {**row, "record": json.dumps({**json.loads(row["record"]), "schema": "summitry/0"})}


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda row, _: {**row, "record": row["record"][:40]}, "record: not JSON ("),
        (lambda row, _: {**row, "record": "[1, 2]"}, "record: not a JSON object"),
        (lambda row, _: {**row, "record": None}, "no record"),
        (lambda row, _: {**row, "text": None}, "no text"),
        (lambda row, _: {**row, "text": row["text"] + "。"}, "is not the id of its text"),
        (lambda row, _: {**row, "doc_id": "0123456789abcdef"}, "doc_id '0123456789abcdef' is not the id of its text"),
        (_other_record, "the record is of document"),
        (_another_schema, "record: schema is 'summitry/0', not 'summitry/1'"),
        (lambda row, _: {**row, "mentions": "[[0, 2, 'USA']]"}, "mentions is not a JSON list"),
        (lambda row, _: {**row, "mentions": "[[0, 2, \"USA\", \"alias\"]]"}, "mentions do not match the record's entities"),
    ],
    ids=["cut-json", "json-list", "no-record", "no-text", "other-text", "other-id", "other-record", "old-schema",
         "mentions-not-json", "mentions-differ"],
)
def test_a_bad_row_is_refused_by_its_row_and_the_others_read(tmp_path: Path, records, damage, reason: str) -> None:
    rows = _rows(records)
    rows[1] = damage(rows[1], rows[2])
    path = _write(tmp_path, rows)
    outcomes = list(shards.read_shard(path))
    assert [o.document.id for o in outcomes if isinstance(o, Record)] == [records[0].document.id, records[2].document.id]
    [rejection] = [o for o in outcomes if isinstance(o, Rejection)]
    assert rejection.path == f"{path}:row 2"
    assert reason in rejection.reason


def test_rows_are_counted_across_row_groups(tmp_path: Path, records, monkeypatch) -> None:
    monkeypatch.setattr(shards, "ROW_GROUP_DOCUMENTS", 2)
    rows = _rows(records)
    rows[2] = {**rows[2], "record": "{"}
    path = _write(tmp_path, rows)
    assert parquet.ParquetFile(path).num_row_groups == 2
    outcomes = list(shards.read_shard(path))
    assert [o.path for o in outcomes if isinstance(o, Rejection)] == [f"{path}:row 3"]


def _corrupt_pages(path: str) -> None:
    """Scramble the column data but keep the footer: the file opens and its pages do not decode."""
    data = bytearray(Path(path).read_bytes())
    for index in range(4, len(data) // 2):
        data[index] = (data[index] * 7 + 13) % 256
    Path(path).write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "where", "reason"),
    [
        (lambda path: Path(path).write_bytes(b"date 2025-10-30\n"), "", "not a readable Parquet file (Parquet magic bytes not found"),
        (lambda path: Path(path).write_bytes(Path(path).read_bytes()[:-20]), "", "not a readable Parquet file ("),
        (lambda path: Path(path).write_bytes(b""), "", "not a readable Parquet file ("),
        (_corrupt_pages, ":rows 1-3", "unreadable ("),
    ],
    ids=["text", "cut-footer", "empty", "scrambled-pages"],
)
def test_a_shard_that_is_not_readable_parquet_is_refused_by_name(tmp_path: Path, records, spoil, where: str, reason: str) -> None:
    path = _write(tmp_path, _rows(records))
    spoil(path)
    [rejection] = list(shards.read_shard(path))
    assert rejection.path == path + where
    assert rejection.reason.startswith(reason)


@pytest.mark.parametrize("dropped", ["record", "text", "doc_id"])
def test_a_shard_without_a_column_is_refused_by_name(tmp_path: Path, records, dropped: str) -> None:
    path = _write(tmp_path, _rows(records), columns=[c for c in shards.COLUMNS if c != dropped])
    assert list(shards.read_shard(path)) == [
        Rejection(path, f"not a summitry shard: no column {dropped} (has {', '.join(c for c in shards.COLUMNS if c != dropped)})")
    ]


@pytest.mark.parametrize(
    ("path", "is_shard"),
    [("shards/part-00000.parquet", True), ("export/events.parquet", True), ("A.PARQUET", True),
     ("corpus.jsonl", False), ("part-00000.parquet.partial", False)],
)
def test_parquet_files_are_shards(path: str, is_shard: bool) -> None:
    assert shards.is_shard(path) is is_shard


def test_a_row_holds_the_document_its_record_and_how_each_mention_was_linked(records) -> None:
    row = dict(zip(shards.COLUMNS, shards.shard_row(records[0])))
    assert row["doc_id"] == records[0].document.id and row["text"] == records[0].document.text
    assert json.loads(row["record"]) == record_to_json(records[0])
    assert json.loads(row["mentions"]) == [list(dataclasses.astuple(m)) for m in records[0].mentions]
