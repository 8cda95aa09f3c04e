"""Which extractor made each stored record, and `ingest --refresh` re-extracting stale ones in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as parquet
import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select, update
from starlette.testclient import TestClient

from summitry import parallel
from summitry.cli import main
from summitry.pipeline import extractor_version
from summitry.record import record_to_json
from summitry.shards import shard_row, write_shard
from summitry.store import IngestSummary, count_stale, ingest_records, open_store, refresh_records
from summitry.store.state import advance
from summitry.store.schema import documents, event_participants, event_quantities, events
from summitry.web.app import create_app
from tests.store.conftest import dump
from tests.store.test_ingest import _logging_extract


def _age(engine, records, by: str = "0.9-old") -> None:
    """Make the stored records of ``records`` look like an older extractor's that found no events."""
    with engine.begin() as connection:
        for record in records:
            doc_id = record.document.id
            older = record_to_json(replace(record, events=()))
            connection.execute(update(documents).where(documents.c.id == doc_id).values(record_json=older, extractor=by))
            for table in (event_quantities, event_participants, events):
                connection.execute(delete(table).where(table.c.doc_id == doc_id))
        advance(connection)  # as the older summitry's writes did (every writer of this schema moves it on)


def _extractors(engine) -> set[str | None]:
    with engine.connect() as connection:
        return set(connection.scalars(select(documents.c.extractor)))


def test_each_stored_document_names_the_extractor_that_made_its_record(store, seed_records) -> None:
    ingest_records(store, seed_records)
    assert _extractors(store) == {extractor_version()}
    assert count_stale(store) == 0


def test_refresh_replaces_stale_records_in_place_and_an_interrupted_one_resumes(store, seed_records) -> None:
    ingest_records(store, seed_records)
    current = dump(store)
    _age(store, seed_records[:3])
    assert count_stale(store) == 3 and dump(store) != current

    def stop_after_the_first_batch(summary: IngestSummary) -> None:
        if summary.refreshed:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        refresh_records(store, batch_size=1, on_progress=stop_after_the_first_batch)
    assert count_stale(store) == 2  # the finished batch stays refreshed

    summary = refresh_records(store, batch_size=1)
    assert summary == IngestSummary(refreshed=2)
    assert count_stale(store) == 0
    assert dump(store) == current  # the same rows as a fresh ingest, keys and all


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_the_extractor_now_fails_on_keeps_its_old_record(store, seed_records, monkeypatch, jobs) -> None:
    ingest_records(store, seed_records)
    _age(store, seed_records[:1])
    aged = dump(store)

    extract = parallel.extract_document

    def fails(document):
        if document.id == seed_records[0].document.id:
            raise RuntimeError("a bug met by this document")
        return extract(document)

    monkeypatch.setattr(parallel, "extract_document", fails)  # forked workers inherit it
    summary = refresh_records(store, jobs=jobs)
    assert summary.refreshed == 0 and [r.path for r in summary.rejected] == [seed_records[0].document.source]
    assert dump(store) == aged and count_stale(store) == 1


def test_ingest_says_how_many_are_stale_and_refresh_re_extracts_them(store_location, seed_records) -> None:
    runner = CliRunner()
    files = [r.document.source for r in seed_records]
    assert runner.invoke(main, ["ingest", "--db", store_location, *files]).exit_code == 0
    engine = open_store(store_location)
    try:
        _age(engine, seed_records[:2])
    finally:
        engine.dispose()

    again = runner.invoke(main, ["ingest", "--db", store_location, *files])
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        "summitry: 0 new, 5 already present, 0 rejected",
        "summitry: 2 stored documents were made by another version of summitry; `summitry ingest --refresh` re-extracts them",
    ]
    refreshed = runner.invoke(main, ["ingest", "--refresh", "--db", store_location])
    assert refreshed.exit_code == 0 and refreshed.stdout == "summitry: 2 re-extracted, 0 rejected (kept as they were)\n"

    nothing = runner.invoke(main, ["ingest", "--db", store_location])
    assert nothing.exit_code == 2 and "give PATHS to ingest, or --refresh" in nothing.output


def test_a_shard_another_extractor_wrote_is_extracted_again(tmp_path: Path, seed_records, monkeypatch) -> None:
    folder = tmp_path / "shards"
    folder.mkdir()
    current = write_shard([shard_row(r) for r in seed_records[:2]], folder, 0)
    older = folder / "part-00001.parquet"
    written = write_shard([shard_row(r) for r in seed_records[2:4]], folder, 1)
    parquet.write_table(parquet.read_table(written).replace_schema_metadata(None), older)  # as an older summitry wrote it
    log = tmp_path / "extracted.txt"
    monkeypatch.setattr(parallel, "extract_document", _logging_extract(log))
    store = tmp_path / "store.db"

    result = CliRunner().invoke(main, ["ingest", "--jobs", "1", "--db", str(store), str(current), str(older)])
    assert result.exit_code == 0 and result.stdout == "summitry: 4 new, 0 already present, 0 rejected\n"
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted(r.document.id for r in seed_records[2:4])
    engine = open_store(str(store))
    try:
        assert _extractors(engine) == {extractor_version()}
    finally:
        engine.dispose()


def test_the_overview_page_says_how_many_documents_are_stale(tmp_path: Path, seed_records) -> None:
    engine = open_store(str(tmp_path / "store.db"))
    try:
        ingest_records(engine, seed_records)
        client = TestClient(create_app(engine), base_url="http://localhost")
        assert 'id="stale"' not in client.get("/").text
        _age(engine, seed_records[:3])
        page = client.get("/").text
        assert 'id="stale"' in page and "3 documents" in page and "summitry ingest --refresh" in page
        refresh_records(engine)
        assert 'id="stale"' not in client.get("/").text
    finally:
        engine.dispose()
