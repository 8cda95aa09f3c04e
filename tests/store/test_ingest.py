"""Ingest into the store on each backend: the seeds, reruns, and inputs that go wrong."""

from __future__ import annotations

import datetime as dt
import os
import pty
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as parquet
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from summitry import parallel
from summitry.cli import main
from summitry.ingest import Rejection, document_from_text
from summitry.model import Event, Mention, Quantity, Span
from summitry.pipeline import extract_document
from summitry.record import record_to_json
from summitry.shards import shard_row, write_shard
from summitry.store import IngestSummary, ingest_records, open_store
from summitry.store.schema import documents, event_participants, event_quantities, events, mentions, sentence_search, sentences
from summitry.text import fold
from tests.store.conftest import SEEDS, dump, row_counts


def _document(text: str, name: str):
    return document_from_text(text, source=name, default_date=dt.date(2025, 10, 30))


def test_ingesting_the_seeds_twice_adds_nothing_the_second_time(store, seed_documents) -> None:
    first = ingest_records(store, seed_documents)
    assert first == IngestSummary(new=len(seed_documents), present=0, rejected=())
    contents = dump(store)
    second = ingest_records(store, seed_documents)
    assert second == IngestSummary(new=0, present=len(seed_documents), rejected=())
    assert dump(store) == contents


def test_stored_rows_point_into_the_original_text(store, seed_records) -> None:
    ingest_records(store, seed_records)
    with store.connect() as connection:
        texts = dict(connection.execute(select(documents.c.id, documents.c.text)).all())
        stored_json = dict(connection.execute(select(documents.c.id, documents.c.record_json)).all())
        folded_sentences = connection.execute(
            select(sentences.c.doc_id, sentences.c.start, sentences.c.end, sentence_search.c.folded).join(
                sentence_search,
                (sentence_search.c.doc_id == sentences.c.doc_id) & (sentence_search.c.ordinal == sentences.c.ordinal),
            )
        ).all()
        mention_rows = connection.execute(select(mentions)).mappings().all()
    for record in seed_records:
        assert texts[record.document.id] == record.document.text
        assert stored_json[record.document.id] == record_to_json(record)
    assert len(folded_sentences) == row_counts(store)["sentences"] > 0
    for doc_id, start, end, folded in folded_sentences:
        assert folded == fold(texts[doc_id])[start:end]
    by_doc = {r.document.id: r for r in seed_records}
    for row in mention_rows:
        mention = by_doc[row["doc_id"]].mentions[row["ordinal"]]
        assert (row["start"], row["end"], row["entity_id"]) == (mention.start, mention.end, mention.entity_id)


def _logging_extract(log: Path):
    """extract_document that appends each document's id to ``log``: a file, because with
    jobs > 1 the calls happen in forked workers, whose memory the test cannot see."""

    def extract(document):
        if document.source != "<warm-up>":  # each pool loads the pipeline on a sample first
            with log.open("a", encoding="utf-8") as lines:
                lines.write(document.id + "\n")
        return extract_document(document)

    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_documents_already_stored_are_not_extracted_again(store, seed_documents, tmp_path: Path, monkeypatch, jobs) -> None:
    log = tmp_path / "extracted.txt"
    monkeypatch.setattr(parallel, "extract_document", _logging_extract(log))  # forked workers inherit it
    ingest_records(store, seed_documents[:2], jobs=jobs)
    summary = ingest_records(store, seed_documents, jobs=jobs)
    assert summary == IngestSummary(new=len(seed_documents) - 2, present=2, rejected=())
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted(d.id for d in seed_documents)


@pytest.fixture(scope="module")
def reference_contents(seed_records, tmp_path_factory) -> dict:
    """Every row of a SQLite store given the seeds' records, extracted one by one in this
    process: what an ingest of the seeds must produce on any backend with any number of jobs."""
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('reference') / 'seeds.db'}")
    try:
        ingest_records(engine, seed_records)
        return dump(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_any_number_of_jobs_stores_the_same_rows_and_a_rerun_adds_none(store_location, reference_contents, jobs) -> None:
    command = ["ingest", "--jobs", jobs, "--db", store_location, str(SEEDS)]
    first = CliRunner().invoke(main, command)
    assert first.exit_code == 0, first.output
    assert first.stdout == "summitry: 5 new, 0 already present, 0 rejected\n"
    rerun = CliRunner().invoke(main, command)
    assert rerun.stdout == "summitry: 0 new, 5 already present, 0 rejected\n"
    engine = open_store(store_location)
    try:
        assert dump(engine) == reference_contents
    finally:
        engine.dispose()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_the_extractor_fails_on_is_rejected_and_the_rest_stored(store, monkeypatch, jobs) -> None:
    good = _document("川普與習近平在釜山會晤。", "good.txt")
    cursed = _document("這篇文章讓抽取器出錯。", "cursed.txt")

    def extract(document):
        if document.source == "cursed.txt":
            raise RuntimeError("pattern table is broken")
        return extract_document(document)

    monkeypatch.setattr(parallel, "extract_document", extract)
    summary = ingest_records(store, [good, cursed, Rejection("gone.txt", "No such file")], jobs=jobs)
    assert summary.new == 1
    assert summary.rejected == (
        Rejection("gone.txt", "No such file"),
        Rejection("cursed.txt", "extraction failed (RuntimeError: pattern table is broken)"),
    )


def test_a_record_the_database_refuses_costs_only_itself(store) -> None:
    records = [extract_document(_document(f"第{n}篇：川普與習近平在釜山會晤。", f"{n}.txt")) for n in range(4)]
    # A mention of an entity the record does not describe breaks the mentions' foreign key.
    broken = replace(records[2], mentions=records[2].mentions + (Mention(0, 1, "Q-nobody"),))
    summary = ingest_records(store, [records[0], records[1], broken, records[3]], batch_size=4)
    assert summary.new == 3
    assert [r.path for r in summary.rejected] == ["2.txt"]
    assert summary.rejected[0].reason.startswith("the database refused it: ")
    with store.connect() as connection:
        stored = set(connection.scalars(select(documents.c.id)))
    assert stored == {records[n].document.id for n in (0, 1, 3)}
    assert row_counts(store)["mentions"] == sum(len(records[n].mentions) for n in (0, 1, 3))


def test_events_are_stored_with_their_participants_and_amounts(store) -> None:
    text = "美國承諾向南韓採購3500億美元的產品。"
    record = extract_document(_document(text, "pledge.txt"))
    amount = Quantity(9, 16, text[9:16], 350_000_000_000, "USD")
    pledge = Event(
        type="AGREE", mode="deal", source=("USA",), target=("KOR",), date="2025-10-30", place=None,
        quantities=(amount,), status="planned", claimed_by=None, evidence=Span(0, len(text)),
        summary="USA pledged purchases from South Korea", cameo="057",
    )
    ingest_records(store, [replace(record, events=(pledge,))])
    with store.connect() as connection:
        event = connection.execute(select(events)).mappings().one()
        roles = connection.execute(select(event_participants.c.role, event_participants.c.entity_id)).all()
        stored_amount = connection.execute(select(event_quantities)).mappings().one()
    assert (event["type"], event["mode"], event["status"], event["cameo"]) == ("AGREE", "deal", "planned", "057")
    assert (event["evidence_start"], event["evidence_end"]) == (0, len(text))
    assert sorted(roles) == [("source", "USA"), ("target", "KOR")]
    assert text[stored_amount["start"] : stored_amount["end"]] == stored_amount["text"] == "3500億美元"
    assert stored_amount["value"] == 350_000_000_000 and stored_amount["unit"] == "USD"


def test_the_seeds_ingest_through_the_command_line(store_location) -> None:
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", store_location])
    assert result.exit_code == 0, result.output
    # Output that is not a terminal gets the summary line alone: no progress bar.
    assert result.stdout == "summitry: 5 new, 0 already present, 0 rejected\n"


def test_a_terminal_sees_a_progress_bar(tmp_path: Path) -> None:
    article = tmp_path / "busan.txt"
    article.write_text("川普與習近平在釜山會晤。", encoding="utf-8")
    command = [sys.executable, "-m", "summitry.cli", "ingest", str(article), "--db", str(tmp_path / "s.db")]
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(command, stdout=terminal, stderr=subprocess.PIPE)
        os.close(terminal)
        screen = b""
        while chunk := _read_available(controller):
            screen += chunk
        _, stderr = process.communicate(timeout=120)
    finally:
        os.close(controller)
    assert process.returncode == 0, stderr
    text = screen.decode("utf-8", "replace")
    assert "ingesting" in text and "1 new" in text
    assert "summitry: 1 new, 0 already present, 0 rejected" in text


def _read_available(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 65536)
    except OSError:  # the terminal's other end is closed: everything was read
        return b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_shards_and_text_files_ingest_together_and_bad_shards_are_named(
    store_location, seed_records, reference_contents, tmp_path: Path, monkeypatch, jobs
) -> None:
    """Three seeds come as a good shard (not extracted again), two as their files; a corrupt
    shard and one without its record column are refused by name and cost nothing else."""
    folder = tmp_path / "shards"
    folder.mkdir()
    write_shard([shard_row(record) for record in seed_records[:3]], folder, 0)
    corrupt = folder / "part-00001.parquet"
    corrupt.write_bytes((folder / "part-00000.parquet").read_bytes()[:-100])
    headless = folder / "part-00002.parquet"
    parquet.write_table(parquet.read_table(folder / "part-00000.parquet").drop_columns(["record"]), headless)
    log = tmp_path / "extracted.txt"
    monkeypatch.setattr(parallel, "extract_document", _logging_extract(log))
    files = [r.document.source for r in seed_records[3:]]

    result = CliRunner().invoke(main, ["ingest", "--jobs", jobs, "--db", store_location, str(folder), *files])
    assert result.exit_code == 1, result.output
    assert result.stdout == "summitry: 5 new, 0 already present, 2 rejected\n"
    rejected = [line for line in result.stderr.splitlines() if line.startswith("summitry: rejected ")]
    assert rejected == [
        f"summitry: rejected {corrupt}: not a readable Parquet file (Parquet magic bytes not found in footer. "
        "Either the file is corrupted or this is not a parquet file.)",
        f"summitry: rejected {headless}: not a summitry shard: no column record (has doc_id, source, date, text, mentions)",
    ]
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted(r.document.id for r in seed_records[3:])
    engine = open_store(store_location)
    try:
        assert dump(engine) == reference_contents
    finally:
        engine.dispose()
    rerun = CliRunner().invoke(main, ["ingest", "--jobs", jobs, "--db", store_location, str(folder / "part-00000.parquet")])
    assert rerun.exit_code == 0 and rerun.stdout == "summitry: 0 new, 3 already present, 0 rejected\n"


def test_where_an_event_date_came_from_survives_the_store(store) -> None:
    from summitry.views.source import stored_records

    text = "李强同埃塞俄比亚总理会谈\n央视网消息（新闻联播）：欢迎仪式后，国务院总理李强同埃塞俄比亚总理阿比举行会谈。"
    record = extract_document(_document(text, "readout.txt"))
    assert {e.date_from for e in record.events if e.type == "CONSULT"} == {"publication"}
    ingest_records(store, [record])
    (back,) = stored_records(store)
    assert back.events == record.events
