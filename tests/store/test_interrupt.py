"""An ingest killed halfway, then run again, leaves the store a clean run would have made.

``summitry ingest`` runs as a real process over two thousand distinct documents
(seed sentences behind a numbered first line), extracting in-process (``--jobs 1``) or in
two workers; the test waits until some batches are committed, stops the process with
SIGKILL or SIGINT, checks that only whole batches were written, reruns the same command,
and compares every row of every table with a store filled by one uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from summitry.cli import main
from summitry.store import BATCH_SIZE, IngestSummary, open_store
from summitry.store.schema import documents, sentence_search, sentences
from summitry.text import split_sentences
from tests.store.conftest import SEEDS, dump

# Forty batches: enough that a stop lands mid-run, few enough that each case (stopped and
# resumed, for two signals, two job counts and two backends) takes about ten seconds.
DOCUMENTS = 2000  # "a few thousand": the size, kept at the low end for CI time
# Stop once this many documents are committed: well before the end, after several batches.
KILL_AFTER = 5 * BATCH_SIZE
DATE = "2025-10-30"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """DOCUMENTS small files, each a seed sentence made distinct by a numbered first line."""
    seed_sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for span in split_sentences(text):
            sentence = text[span.start : span.end]
            if not sentence.startswith("date ") and len(sentence) >= 10:
                seed_sentences.append(sentence)
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(DOCUMENTS):
        (folder / f"{n:05d}.txt").write_text(f"第{n}篇\n{seed_sentences[n % len(seed_sentences)]}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_contents(corpus: Path, tmp_path_factory) -> dict:
    """Every row of a store filled by one uninterrupted ingest of the corpus.

    One SQLite store is the reference for both backends: a PostgreSQL store of the same
    documents must come out identical, row for row.
    """
    location = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    result = subprocess.run(_ingest_command(corpus, location, "1"), env=_ENVIRONMENT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    engine = open_store(location)
    try:
        return dump(engine)
    finally:
        engine.dispose()


# The same hash seed in every run: this test is about the store, and extraction that
# depended on set order would otherwise make two clean runs differ.
_ENVIRONMENT = {**os.environ, "PYTHONHASHSEED": "0"}


def _ingest_command(corpus: Path, location: str, jobs: str) -> list[str]:
    return [sys.executable, "-m", "summitry.cli", "ingest", str(corpus), "--db", location, "--date", DATE, "--jobs", jobs]


def _stored_count(engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(documents))


def _start_and_stop(command: list[str], engine, stop: signal.Signals) -> subprocess.CompletedProcess:
    process = subprocess.Popen(command, env=_ENVIRONMENT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    try:
        while _stored_count(engine) < KILL_AFTER:
            assert process.poll() is None, f"ingest ended before it could be stopped: {process.communicate()}"
            assert time.monotonic() < deadline, "ingest stored too little in 60 s"
            time.sleep(0.02)
        process.send_signal(stop)
        # Output ends when every holder of the pipes is gone: workers orphaned by a SIGKILL too.
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _assert_same_store(contents: dict, clean: dict) -> None:
    """Row counts, then document ids, then every row: the first difference is the one reported."""
    assert {table: len(rows) for table, rows in contents.items()} == {table: len(rows) for table, rows in clean.items()}
    assert [row["id"] for row in contents["documents"]] == [row["id"] for row in clean["documents"]]
    for table, rows in clean.items():
        assert contents[table] == rows, f"{table} differs from the clean run's"


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["jobs1", "jobs2"])
@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_an_interrupted_ingest_resumes_to_the_same_store(store_location, corpus, clean_contents, stop, jobs) -> None:
    engine = open_store(store_location)
    try:
        stopped = _start_and_stop(_ingest_command(corpus, store_location, jobs), engine, stop)
        if stop == signal.SIGKILL:
            assert stopped.returncode == -signal.SIGKILL
        else:
            assert stopped.returncode == 130, stopped.stderr
            assert "interrupted" in stopped.stderr and "Traceback" not in stopped.stderr

        # Only whole batches, and only whole documents, were written.
        stored = _stored_count(engine)
        assert KILL_AFTER <= stored < DOCUMENTS
        assert stored % BATCH_SIZE == 0
        with engine.connect() as connection:
            without_sentences = connection.scalar(
                select(func.count()).select_from(documents).where(
                    ~select(sentences.c.doc_id).where(sentences.c.doc_id == documents.c.id).exists()
                )
            )
            sentence_rows = connection.scalar(select(func.count()).select_from(sentences))
            search_rows = connection.scalar(select(func.count()).select_from(sentence_search))
        assert without_sentences == 0 and sentence_rows == search_rows

        resumed = subprocess.run(
            _ingest_command(corpus, store_location, jobs), env=_ENVIRONMENT, capture_output=True, text=True, timeout=120, check=False
        )
        assert resumed.returncode == 0, resumed.stderr
        assert f"{DOCUMENTS - stored} new, {stored} already present, 0 rejected" in resumed.stdout
        _assert_same_store(dump(engine), clean_contents)
    finally:
        engine.dispose()


def _swallowed_interrupt() -> None:
    """Ctrl-C landing where Python cannot raise out of (a weakref callback, a ``__del__``): the
    KeyboardInterrupt is printed as "ignored" and the run goes on."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.5)  # the handler runs at the next bytecode boundary
    except KeyboardInterrupt:
        pass


@pytest.mark.parametrize("then", ["error", "next-batch"])
def test_a_swallowed_interrupt_still_ends_the_ingest_as_interrupted(tmp_path: Path, monkeypatch, then: str) -> None:
    """After a swallowed Ctrl-C, an error over half-made state is the interruption's (exit 130,
    "interrupted"), never an internal error; and the next batch boundary stops the run."""
    batches: list[int] = []

    def ingest_records(_engine, _inputs, *, on_progress, **_kwargs):
        on_progress(IngestSummary(new=20))
        batches.append(1)
        _swallowed_interrupt()
        if then == "error":
            raise AssertionError("state the interrupted callback left half-made")
        on_progress(IngestSummary(new=40))
        batches.append(2)  # never reached: the batch boundary raises
        return IngestSummary(new=40)

    monkeypatch.setattr("summitry.store.ingest_records", ingest_records)
    article = tmp_path / "a.txt"
    article.write_text("美國總統川普30日在釜山與國家主席習近平會談。", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(tmp_path / "s.db"), "--date", DATE, "--jobs", "1"])
    assert result.exit_code == 130, result.stderr
    assert "interrupted after storing" in result.stderr and "internal error" not in result.stderr
    assert batches == [1]
