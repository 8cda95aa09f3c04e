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
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain
from typing import Any, TypeVar, cast, overload

from summitry.defaults import DEFAULT_TIME_LIMIT
from summitry.errors import DataFileError
from summitry.ingest import Rejection
from summitry.model import Document, Record

# Two documents per worker keep every worker busy while the parent writes the previous result.
IN_FLIGHT_PER_JOB = 2

# A broken knowledge base, lexicon or data file breaks every document: stop the batch, do not reject each.
SETUP_ERRORS = (DataFileError,)

T = TypeVar("T")

# How often a worker checks that its parent is alive (see _exit_with_parent).
PARENT_CHECK_SECONDS = 0.5

# CPU seconds between the time limit's later reminders, should the first raise be swallowed.
RETRY_SECONDS = 0.05

# More workers than cores only contend for them (and --jobs 1000 forked 1,000 processes).
FORCE_JOBS_VARIABLE = "SUMMITRY_FORCE_JOBS"


def extract_document(document: Document) -> Record:
    """The pipeline's ``extract_document``, imported on the first document: a command that
    extracts nothing (``--help``, a store's views) never loads the dictionaries and automata."""
    from summitry.pipeline import extract_document as extract

    return extract(document)


class TookTooLong(Exception):
    """Raised inside a document's extraction when its time limit runs out."""


def usable_jobs(requested: int | None) -> tuple[int, str | None]:
    """The worker count to run: ``requested`` (default: every core) capped at the cores this
    process may use, unless $SUMMITRY_FORCE_JOBS is 1; and a note saying so when capped."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if requested is None or requested <= cores or os.environ.get(FORCE_JOBS_VARIABLE) == "1":
        return requested or cores, None
    return cores, f"--jobs {requested} is more than the {cores} cores here: running {cores} (set {FORCE_JOBS_VARIABLE}=1 to force)"


@overload
def extract_stream(
    items: Iterable[Document | Record | Rejection],
    jobs: int | None = None,
    then: None = None,
    ahead: int = 0,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Generator[Record | Rejection, None, None]: ...


@overload
def extract_stream(
    items: Iterable[Document | Record | Rejection],
    jobs: int | None = None,
    *,
    then: Callable[[Record], T | Rejection],
    ahead: int = 0,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Generator[T | Rejection, None, None]: ...


def extract_stream(
    items: Iterable[Document | Record | Rejection],
    jobs: int | None = None,
    then: Callable[[Record], T | Rejection] | None = None,
    ahead: int = 0,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Generator[Record | T | Rejection, None, None]:
    """Each Document as its Record, and each Record or Rejection as it is, in input order.

    ``jobs`` worker processes (default: every core) run ``extract_document``; with one job
    the documents are extracted in this process. A document whose extraction fails comes
    back as a Rejection naming it, so one bad document never stops the batch. Records pass
    through (``summitry ingest`` mixes extracted shards with documents), and the pool starts
    only when the first Document comes, so a stream with none costs no workers.

    ``then``, a module-level function that reports its own failures as Rejections, turns each
    Record into what comes out instead, where the Record is made: in the worker, so the
    parent neither does that work nor unpickles the Record (the store's rows, for ingest).
    ``ahead`` more documents are kept in flight for a consumer that pauses between bursts
    (ingest writes a batch at a time), so the workers stay busy meanwhile.
    A document that takes more than ``time_limit`` CPU seconds (None: no limit) is rejected.
    """
    jobs = jobs or os.cpu_count() or 1
    items = iter(items)
    warm = False
    for item in items:
        if isinstance(item, Rejection):
            yield item
        elif isinstance(item, Record):
            yield then(item) if then else item
        elif jobs == 1:
            if not warm:  # loading the knowledge base is no document's time
                _warm_up()
                warm = True
            yield _extract_here(item, then, time_limit)
        else:
            yield from _extract_in_pool(chain([item], items), jobs, then, IN_FLIGHT_PER_JOB * jobs + ahead, time_limit)
            return


def _extract_in_pool(
    items: Iterator[Document | Record | Rejection],
    jobs: int,
    then: Callable[[Record], T | Rejection] | None,
    window: int,
    time_limit: float | None,
) -> Iterator[Record | T | Rejection]:
    _warm_up()  # forked workers inherit the loaded knowledge base and built automata
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context(), initializer=_start_worker) as pool:
        pending: deque[tuple[Document, Future[Any]] | Record | T | Rejection] = deque()
        for item in items:
            if isinstance(item, Document):
                pending.append((item, pool.submit(_extract_in_worker, item, then, time_limit)))
            else:
                pending.append(then(item) if then and isinstance(item, Record) else item)
            if len(pending) >= window:
                yield _outcome(pending.popleft())
        while pending:
            yield _outcome(pending.popleft())


def extract_or_reject(
    document: Document, time_limit: float | None = None, extract: Callable[[Document], Record] | None = None
) -> Record | Rejection:
    """The one per-document function every engine runs (this pool, a Dask worker, a
    Pipeline's ``pipe``): the Record ``extract`` makes, or a Rejection naming the document if
    it fails on it or takes more than ``time_limit`` CPU seconds (None: no limit; only
    enforced in a process's main thread). ``extract`` defaults to the shipped pipeline's
    ``extract_document``, looked up when called."""
    try:
        with _time_limit(time_limit):
            return (extract or extract_document)(document)
    except TookTooLong:
        return Rejection(document.source, f"took longer than {time_limit:g} s (CPU time)")
    except SETUP_ERRORS:
        raise
    except Exception as error:  # a bug met by one document: report it, keep the batch going
        return Rejection(document.source, f"extraction failed ({type(error).__name__}: {error})")


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TookTooLong in the block once it has used ``seconds`` of the process's CPU time
    (a profiling timer: a busy shared machine does not count against the document).

    Python cannot raise out of some places a signal may land in (a garbage-collection or
    weakref callback, a ``__del__``): it prints the exception as "ignored" and goes on. So the
    timer keeps firing every RETRY_SECONDS until the block ends, and a block that still ends
    normally after its time ran out raises TookTooLong all the same."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    expired = False

    def stop(_signal: int, _frame: object) -> None:
        nonlocal expired
        expired = True
        raise TookTooLong

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds, RETRY_SECONDS)
    try:
        yield
    finally:
        _disarm(previous)
    if expired:
        raise TookTooLong


def _disarm(previous: signal.Handlers | Callable[..., Any] | int | None) -> None:
    """Stop the timer and restore the previous handler, even if one last tick lands meanwhile."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
            return
        except TookTooLong:
            continue


def _extract_here(
    document: Document, then: Callable[[Record], T | Rejection] | None, time_limit: float | None = None
) -> Record | T | Rejection:
    outcome = extract_or_reject(document, time_limit)
    return then(outcome) if then and isinstance(outcome, Record) else outcome


def _extract_in_worker(
    document: Document, then: Callable[[Record], T | Rejection] | None, time_limit: float | None
) -> Record | T | Rejection:
    """A bare Record comes back without its Document: the parent still holds it, so the text
    (the bulk of the bytes) crosses between processes once, not twice."""
    outcome = _extract_here(document, then, time_limit)
    return dataclasses.replace(outcome, document=cast(Document, None)) if isinstance(outcome, Record) else outcome  # _outcome puts it back


def _outcome(entry: tuple[Document, Future[Any]] | Record | T | Rejection) -> Record | T | Rejection:
    if not isinstance(entry, tuple):
        return entry
    document, future = entry
    outcome = future.result()
    return dataclasses.replace(outcome, document=document) if isinstance(outcome, Record) else outcome


def _start_worker() -> None:
    """Ctrl-C is the parent's to handle (it stops reading and lets the documents in flight
    finish); workers ignore it rather than each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _warm_up()


def _exit_with_parent() -> None:
    """A parent killed outright (SIGKILL) cannot stop its pool, and a worker would wait forever
    on a queue nobody writes, holding the parent's output pipes open: each worker watches for
    being orphaned and then exits. Extraction writes nothing, so leaving mid-document is safe."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="summitry-parent-watch", daemon=True).start()


def _warm_up() -> None:
    """Load what every document needs (knowledge base, automata, lexicons, patterns) up front."""
    extract_document(Document(id="warm-up", source="<warm-up>", text="美國總統川普29日表示，將投資3500億美元。", date=dt.date(2025, 10, 30)))


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and cheap (Linux): workers start at once with the warm parent's
    state. Elsewhere the platform's default, and each worker warms up from the disk cache."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
