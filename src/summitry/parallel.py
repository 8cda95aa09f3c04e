"""Many documents on one machine: the per-document pipeline in a pool of worker processes.

Documents stream in from ``read_documents`` and records stream out in input order. At most
``IN_FLIGHT_PER_JOB × jobs`` documents are read ahead of the output, so memory is bounded by
the largest documents in that window, never by the size of the input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from summitry.actors import KnowledgeBaseError
from summitry.ingest import Rejection
from summitry.measure.lexicon import InvalidLexicon
from summitry.model import Document, Record
from summitry.pipeline import extract_document

# Two documents per worker keep every worker busy while the parent writes the previous result.
IN_FLIGHT_PER_JOB = 2

# A broken knowledge base or lexicon breaks every document: stop the batch, do not reject each.
SETUP_ERRORS = (KnowledgeBaseError, InvalidLexicon)


def extract_stream(items: Iterable[Document | Rejection], jobs: int | None = None) -> Iterator[Record | Rejection]:
    """Each Document as its Record and each Rejection as it is, in input order.

    ``jobs`` worker processes (default: every core) run ``extract_document``; with one job
    the documents are extracted in this process. A document whose extraction fails comes
    back as a Rejection naming it, so one bad document never stops the batch.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for item in items:
            yield item if isinstance(item, Rejection) else _extract_or_reject(item)
        return
    _warm_up()  # forked workers inherit the loaded knowledge base and built automata
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context(), initializer=_start_worker) as pool:
        pending: deque[tuple[Document, Future[Record | Rejection]] | Rejection] = deque()
        for item in items:
            pending.append(item if isinstance(item, Rejection) else (item, pool.submit(_extract_in_worker, item)))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield _outcome(pending.popleft())
        while pending:
            yield _outcome(pending.popleft())


def _extract_or_reject(document: Document) -> Record | Rejection:
    try:
        return extract_document(document)
    except SETUP_ERRORS:
        raise
    except Exception as error:  # a bug met by one document: report it, keep the batch going
        return Rejection(document.source, f"extraction failed ({type(error).__name__}: {error})")


def _extract_in_worker(document: Document) -> Record | Rejection:
    """The Record without its Document: the parent still holds it, so the text (the bulk of
    the bytes) crosses between processes once, not twice."""
    outcome = _extract_or_reject(document)
    return outcome if isinstance(outcome, Rejection) else dataclasses.replace(outcome, document=None)


def _outcome(entry: tuple[Document, Future[Record | Rejection]] | Rejection) -> Record | Rejection:
    if isinstance(entry, Rejection):
        return entry
    document, future = entry
    outcome = future.result()
    return outcome if isinstance(outcome, Rejection) else dataclasses.replace(outcome, document=document)


def _start_worker() -> None:
    """Ctrl-C is the parent's to handle (it stops reading and lets the documents in flight
    finish); workers ignore it rather than each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()


def _warm_up() -> None:
    """Load what every document needs (knowledge base, automata, lexicons, patterns) up front."""
    extract_document(Document(id="warm-up", source="<warm-up>", text="美國總統川普29日表示，將投資3500億美元。", date=dt.date(2025, 10, 30)))


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and cheap (Linux): workers start at once with the warm parent's
    state. Elsewhere the platform's default, and each worker warms up from the disk cache."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
