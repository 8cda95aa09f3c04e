"""``summitry extract --engine dask``: the same records, as Parquet shards, from a local Dask cluster,
which ``summitry ingest`` stores as it stores the files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry import cluster
from summitry.cli import main
from summitry.store import open_store
from tests.conftest import SEEDS
from tests.store.conftest import dump

distributed = pytest.importorskip("distributed")
parquet = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def scheduler() -> str:
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local.scheduler_address


def _rows(directory: Path) -> list[dict]:
    rows: list[dict] = []
    for shard in sorted(directory.glob("part-*.parquet")):
        rows.extend(parquet.read_table(shard).to_pylist())
    return rows


def test_shards_hold_the_records_of_a_local_run_in_input_order(tmp_path: Path, scheduler: str, monkeypatch) -> None:
    monkeypatch.setattr(cluster, "SHARD_DOCUMENTS", 2)  # five seeds -> three shards
    (tmp_path / "inputs").mkdir()
    bad = tmp_path / "inputs" / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    output = tmp_path / "shards"
    result = CliRunner().invoke(
        main, ["extract", "--engine", "dask", "--scheduler", scheduler, "--output-dir", str(output), str(SEEDS), str(bad)]
    )
    assert result.exit_code == 1, result.output  # the image is rejected, the rest is written
    assert f"summitry: rejected {bad}: binary content (PNG image)" in result.stderr
    assert sorted(path.name for path in output.iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    local = CliRunner().invoke(main, ["extract", "--jobs", "1", str(SEEDS)])
    expected = [json.loads(line) for line in local.stdout.splitlines()]
    rows = _rows(output)
    assert [json.loads(row["record"]) for row in rows] == expected
    for row, record in zip(rows, expected):
        assert row["doc_id"] == record["doc"]["id"] and row["source"] == record["doc"]["source"]
        assert row["date"] == record["doc"]["date"]
        assert row["text"] == Path(row["source"]).read_text(encoding="utf-8")


def test_a_directory_that_already_holds_shards_is_refused(tmp_path: Path, scheduler: str) -> None:
    (tmp_path / "part-00000.parquet").write_bytes(b"earlier run")
    result = CliRunner().invoke(
        main, ["extract", "--engine", "dask", "--scheduler", scheduler, "--output-dir", str(tmp_path), str(SEEDS)]
    )
    assert result.exit_code != 0
    assert "already holds Parquet shards" in result.output + result.stderr
    assert (tmp_path / "part-00000.parquet").read_bytes() == b"earlier run"


def test_dask_engine_needs_a_scheduler_and_an_output_directory() -> None:
    result = CliRunner().invoke(main, ["extract", "--engine", "dask", str(SEEDS)])
    assert result.exit_code == 2
    assert "--scheduler and --output-dir" in result.output + result.stderr


def test_ingesting_the_shards_stores_what_ingesting_the_files_stores(tmp_path: Path, scheduler: str, monkeypatch) -> None:
    monkeypatch.setattr(cluster, "SHARD_DOCUMENTS", 2)  # several shards, read one after another
    shards = tmp_path / "shards"
    extracted = CliRunner().invoke(main, ["extract", "--engine", "dask", "--scheduler", scheduler, "--output-dir", str(shards), str(SEEDS)])
    assert extracted.exit_code == 0, extracted.output
    stores = {}
    for name, inputs in (("direct", [str(SEEDS)]), ("shards", [str(shards)])):
        location = f"sqlite:///{tmp_path / name}.db"
        result = CliRunner().invoke(main, ["ingest", "--jobs", "1", "--db", location, *inputs])
        assert result.stdout == "summitry: 5 new, 0 already present, 0 rejected\n", result.output
        engine = open_store(location)
        stores[name] = dump(engine)
        engine.dispose()
    assert stores["shards"] == stores["direct"]
    assert len(stores["direct"]["mentions"]) > 0
