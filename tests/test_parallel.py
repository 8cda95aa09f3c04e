"""The process pool: the same records as one process, in input order, with bounded read-ahead."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry import parallel
from summitry.cli import main
from summitry.ingest import Rejection, read_documents
from summitry.model import Document, Record
from summitry.record import record_to_json
from tests.conftest import SEEDS

SENTENCES = [
    "美國總統川普29日在慶州會見中國國家主席習近平。",
    "日本首相高市早苗28日在東京會見川普，雙方簽署稀土協議。",
    "北約峰會承諾成員國須在2035年前將國防開支提高至GDP的5%。",
    "南韓承諾對美投資3500億美元，其中2000億美元為現金。",
]


def _documents(tmp_path: Path) -> list[Document | Rejection]:
    for number, sentence in enumerate(SENTENCES):
        (tmp_path / f"{number}.txt").write_text(f"date 2025-10-30 {sentence}", encoding="utf-8")
    (tmp_path / "2b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return list(read_documents([str(SEEDS), str(tmp_path)]))


def _as_json(outcomes) -> list:
    return [outcome if isinstance(outcome, Rejection) else record_to_json(outcome) for outcome in outcomes]


def test_two_workers_give_the_records_of_one_process_in_input_order(tmp_path: Path) -> None:
    items = _documents(tmp_path)
    assert any(isinstance(item, Rejection) for item in items)
    one = _as_json(parallel.extract_stream(items, jobs=1))
    two = list(parallel.extract_stream(items, jobs=2))
    assert _as_json(two) == one
    assert [o.document if isinstance(o, Record) else o for o in two] == items  # each Record keeps its own Document


@pytest.mark.parametrize("ahead", [0, 5])
def test_no_more_documents_are_read_ahead_than_the_window(tmp_path: Path, ahead: int) -> None:
    items = [item for item in _documents(tmp_path) if isinstance(item, Document)] * 3
    read = 0

    def counting() -> Iterator[Document]:
        nonlocal read
        for number, item in enumerate(items):
            read += 1
            yield Document(id=f"{item.id}-{number}", source=f"{item.source}#{number}", text=item.text, date=item.date)

    window = parallel.IN_FLIGHT_PER_JOB * 2 + ahead
    leads = [read - written for written, _ in enumerate(parallel.extract_stream(counting(), jobs=2, ahead=ahead), start=1)]
    assert len(leads) == len(items)
    assert max(leads) == window - 1  # the window is used, and never exceeded


def test_a_document_that_breaks_the_pipeline_is_rejected_and_the_rest_go_on(tmp_path: Path, monkeypatch) -> None:
    real = parallel.extract_document

    def fragile(document: Document) -> Record:
        if document.source.endswith("1.txt"):
            raise RuntimeError("simulated bug")
        return real(document)

    monkeypatch.setattr(parallel, "extract_document", fragile)  # forked workers inherit it
    items = _documents(tmp_path)
    for jobs in (1, 2):
        outcomes = list(parallel.extract_stream(items, jobs=jobs))
        failed = [o for o in outcomes if isinstance(o, Rejection) and "simulated bug" in o.reason]
        assert [rejection.path for rejection in failed] == [str(tmp_path / "1.txt")]
        assert failed[0].reason == "extraction failed (RuntimeError: simulated bug)"
        assert len(outcomes) == len(items)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_jobs_write_the_same_output_file(tmp_path: Path, jobs: str) -> None:
    reference = CliRunner().invoke(main, ["extract", "--jobs", "1", str(SEEDS)])
    output = tmp_path / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", "--jobs", jobs, "-o", str(output), str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8") == reference.stdout
    assert [json.loads(line)["doc"]["source"] for line in reference.stdout.splitlines()] == sorted(
        str(path) for path in SEEDS.glob("*.txt")
    )


def _summary_line(record: Record) -> str | Rejection:
    """A ``then`` for the tests: module-level, so the pool can send it to its workers."""
    if "高市" in record.document.text:
        return Rejection(record.document.source, "then refused it")
    return f"{record.document.id} {len(record.mentions)} mentions, {len(record.events)} events, pid {os.getpid()}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_turns_each_record_into_its_result_where_it_is_made(tmp_path: Path, jobs: int) -> None:
    items = _documents(tmp_path)
    extracted = [o for o in parallel.extract_stream(items, jobs=1) if isinstance(o, Record)]
    # A Record already made (as ingest reads from a shard) passes through ``then`` too, in order.
    outcomes = list(parallel.extract_stream([extracted[0], *items], jobs=jobs, then=_summary_line))
    lines = [o.rsplit(" pid ", 1) for o in outcomes if isinstance(o, str)]
    expected = [_summary_line(r) for r in [extracted[0], *extracted]]
    assert [line for line, _ in lines] == [e.rsplit(" pid ", 1)[0] for e in expected if isinstance(e, str)]
    assert [o for o in outcomes if isinstance(o, Rejection) and o.reason == "then refused it"] == [
        e for e in expected if isinstance(e, Rejection)
    ]
    workers = {int(pid) for _, pid in lines[1:]}  # the first came through as a Record, in this process
    assert (workers == {os.getpid()}) is (jobs == 1)


def test_a_stream_without_documents_starts_no_pool(tmp_path: Path, monkeypatch) -> None:
    records = [o for o in parallel.extract_stream(_documents(tmp_path), jobs=1) if isinstance(o, Record)]

    def no_pool(*_args, **_kwargs):
        raise AssertionError("a pool was started for records that need no extraction")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    items = [*records, Rejection("gone.txt", "No such file")]
    assert list(parallel.extract_stream(items, jobs=2)) == items


def test_more_jobs_than_cores_are_capped_and_said_unless_forced(monkeypatch) -> None:
    cores = len(os.sched_getaffinity(0))
    jobs, note = parallel.usable_jobs(1000)
    assert jobs == cores and note and f"running {cores}" in note
    assert parallel.usable_jobs(cores) == (cores, None)
    monkeypatch.setenv("SUMMITRY_FORCE_JOBS", "1")
    assert parallel.usable_jobs(1000) == (1000, None)


def test_extract_with_a_thousand_jobs_starts_no_more_workers_than_cores(tmp_path: Path, monkeypatch) -> None:
    started = []
    real_pool = parallel._extract_in_pool

    def counting(items, jobs, *rest):
        started.append(jobs)
        return real_pool(items, jobs, *rest)

    monkeypatch.setattr(parallel, "_extract_in_pool", counting)
    monkeypatch.delenv("SUMMITRY_FORCE_JOBS", raising=False)
    article = tmp_path / "a.txt"
    article.write_text(f"date 2025-10-30 {SENTENCES[0]}", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--jobs", "1000"])
    assert result.exit_code == 0, result.output
    assert started in ([], [len(os.sched_getaffinity(0))]) and started != [1000]
    assert "--jobs 1000 is more than the" in result.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_its_time_limit_is_rejected_by_name_and_the_run_goes_on(jobs: int) -> None:
    long_text = "\n".join(SENTENCES * 400)  # some 12,000 characters: well over 0.05 s of CPU
    documents = [
        Document(id="long", source="long.txt", text=long_text, date=None),
        Document(id="short", source="short.txt", text=SENTENCES[0], date=None),
    ]
    outcomes = list(parallel.extract_stream(documents, jobs, time_limit=0.05))
    assert outcomes[0] == Rejection("long.txt", "took longer than 0.05 s (CPU time)")
    assert isinstance(outcomes[1], Record) and outcomes[1].document.source == "short.txt"


def _burn(cpu_seconds: float, swallow: int) -> None:
    """CPU work that swallows the first ``swallow`` TookTooLong raised in it, as Python does
    with an exception raised in a garbage-collection callback or a ``__del__``."""
    end = time.process_time() + cpu_seconds
    while time.process_time() < end:
        try:
            sum(range(1000))
        except parallel.TookTooLong:
            if swallow == 0:
                raise
            swallow -= 1


@pytest.mark.parametrize("swallow", [1, 10**9], ids=["first raise swallowed", "every raise swallowed"])
def test_the_time_limit_holds_when_its_raise_is_swallowed(monkeypatch, swallow: int) -> None:
    extract = parallel.extract_document
    monkeypatch.setattr(parallel, "extract_document", lambda document: (_burn(0.5, swallow), extract(document))[1])
    document = Document(id="d", source="d.txt", text=SENTENCES[0], date=None)
    assert parallel.extract_or_reject(document, time_limit=0.05) == Rejection("d.txt", "took longer than 0.05 s (CPU time)")
    assert signal.getsignal(signal.SIGPROF) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_time_limit_is_an_option_of_extract(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("\n".join(SENTENCES * 400), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--jobs", "1", "--time-limit", "0.05"])
    assert result.exit_code == 1
    assert f"rejected {article}: took longer than 0.05 s" in result.stderr
