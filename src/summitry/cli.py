"""The ``summitry`` command: thin wrappers that turn stage results into lines and exit codes."""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import json
import os
import signal
import sys
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, TypeVar

import click

# Only what every command needs is imported here (click and two small modules); each command
# imports the rest itself, so `summitry --help` loads neither the readers, the worker pool, the
# store, Rich nor the pipeline's dictionaries, and a one-file `extract` no store or web package
# (tests/test_cli_imports.py holds the line).
from summitry.defaults import BATCH_SIZE, DEFAULT_TIME_LIMIT, DEFAULT_URL
from summitry.errors import SummitryError, mask_password

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from summitry.ingest import Rejection
    from summitry.model import Document, Record
    from summitry.store import IngestSummary, SearchHit
    from summitry.views.evidence import Source
    from summitry.views.ledger import Commitment
    from summitry.views.readouts import Readouts
    from summitry.views.timeline import Timeline


# A command function, before or after its options are put on it.
_Command = TypeVar("_Command", bound=Callable[..., Any])

# What a reader yields: a Document or a Rejection.
_Item = TypeVar("_Item")


def _db_option(function: _Command) -> _Command:
    return click.option("--db", "database", default=DEFAULT_URL, show_default=True, help="SQLAlchemy URL, or a SQLite file path.")(function)


def _warn(line: str) -> None:
    """One line for the user on standard error, printed as it is (no markup, no wrapping)."""
    click.echo(line, err=True)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _jobs(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int:
    """--jobs capped at the cores here (parallel.usable_jobs), saying so on stderr."""
    from summitry.parallel import usable_jobs

    jobs, note = usable_jobs(value)
    if note:
        _warn(f"summitry: {note}")
    return jobs


_time_limit_option = click.option(
    "--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT, show_default=True,
    help="CPU seconds one document may take before it is rejected (0: no limit).",
)


def _reject(rejection: Rejection, rejected: list[Rejection]) -> None:
    rejected.append(rejection)
    _warn(f"summitry: rejected {rejection.path}: {rejection.reason}")


def _records(paths: tuple[str, ...], date: dt.date | None, rejected: list[Rejection]) -> Iterator[Record]:
    from summitry.ingest import Rejection, read_documents
    from summitry.pipeline import extract_document

    for item in read_documents(paths, default_date=date, stdin=sys.stdin.buffer):
        if isinstance(item, Rejection):
            _reject(item, rejected)
        else:
            yield extract_document(item)


# A write to standard output that the device refused: the disk is full, the reader went away.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT})


# The optional packages, by the extra of pyproject.toml that installs them: a command that
# meets one missing says which extra to install instead of failing on the import.
_EXTRA_OF_PACKAGE = {
    "fastapi": "web", "starlette": "web", "uvicorn": "web", "jinja2": "web", "markupsafe": "web",
    "psycopg": "pg", "psycopg_binary": "pg",
    "pyarrow": "parquet",
    "dask": "dask", "distributed": "dask",
}


def _missing_extra(error: BaseException) -> tuple[str, str] | None:
    """(package, extra) when the error is, or was raised while handling, the import of an
    optional package that is not installed (the store wraps its driver's import error)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ModuleNotFoundError):
            package = (seen.name or "").partition(".")[0]
            if package in _EXTRA_OF_PACKAGE:
                return package, _EXTRA_OF_PACKAGE[package]
        seen = seen.__cause__ or seen.__context__
    return None


class SummitryGroup(click.Group):
    """The one place an error becomes what the user reads: a ``SummitryError`` is its one line,
    a missing optional package names the extra to install, any other exception is one line
    naming the command (its traceback only with SUMMITRY_DEBUG=1), and each a non-zero exit,
    so no command needs a try/except of its own for them."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the last resort: a bug still ends in one line
            missing = _missing_extra(error)
            command = ctx.invoked_subcommand or ctx.info_name
            if missing is not None:
                package, extra = missing
                _fail(ctx, f"{command} needs {package}, which is not installed: pip install 'summitry[{extra}]'")
            elif isinstance(error, SummitryError):
                _fail(ctx, error.describe())
            elif isinstance(error, OSError) and error.errno in _OUTPUT_ERRNOS and error.filename is None:
                _silence_stdout()
                if error.errno == errno.EPIPE:
                    ctx.exit(1)  # the reader stopped reading (| head): nothing to tell it
                _fail(ctx, f"cannot write the output: {error.strerror or error}")
            else:
                _internal_error(ctx, error)


def _internal_error(ctx: click.Context, error: Exception) -> None:
    if os.environ.get("SUMMITRY_DEBUG") == "1":
        traceback.print_exception(error)
    command = ctx.invoked_subcommand or ctx.info_name
    _fail(ctx, f"internal error in {command}: {type(error).__name__}: {mask_password(str(error))}"
          + ("" if os.environ.get("SUMMITRY_DEBUG") == "1" else " (SUMMITRY_DEBUG=1 shows the traceback)"))


def _fail(ctx: click.Context, line: str) -> None:
    click.echo(f"summitry: {line}", err=True)
    ctx.exit(1)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush of what the device
    refused does not print a second error on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _print_version(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    """``summitry, version 0.1.0 (compiled with mypyc: events/arguments, ...)`` or ``(pure
    Python (why))``: which build runs, decided as the imports decide it (summitry._build)."""
    if not value or context.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    from summitry import _build

    try:
        number = version("summitry")
    except PackageNotFoundError:
        number = "unknown"
    click.echo(f"summitry, version {number} ({_build.current().describe()})")
    context.exit()


@click.group(cls=SummitryGroup)
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
    help="Show the version and which build runs (compiled or pure Python), and exit.",
)
def main() -> None:
    """Turn Chinese-language diplomacy news into a verifiable record of who met whom, and for how much."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("-o", "--output", help="Write JSON Lines to this file (written whole or not at all) instead of stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), callback=_jobs, help="Worker processes (default and most: every core).")
@_time_limit_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask cluster writing Parquet shards.")
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786), with --engine dask.")
@click.option("--output-dir", type=click.Path(file_okay=False), help="Directory for the Parquet shards, with --engine dask.")
def extract(
    paths: tuple[str, ...], date: dt.date | None, output: str | None, jobs: int | None, time_limit: float,
    engine: str, scheduler: str | None, output_dir: str | None,
) -> None:
    """Print one JSON object per document found in PATHS (files, directories, - for stdin)."""
    from summitry.ingest import Rejection, read_documents
    from summitry.output import open_output
    from summitry.parallel import extract_stream

    rejected: list[Rejection] = []
    documents = read_documents(paths, default_date=date, stdin=sys.stdin.buffer)
    try:
        if engine == "dask":
            if not scheduler or not output_dir or output:
                raise click.UsageError("--engine dask needs --scheduler and --output-dir (and no -o)")
            from summitry.cluster import extract_on_cluster

            for rejection in extract_on_cluster(documents, scheduler, output_dir):
                _reject(rejection, rejected)
        else:
            counted, documents = _count_ahead(documents, 2)
            if counted < 2:  # one document: forking workers costs more CPU than extracting it here
                jobs = 1
            with open_output(output) as sink:
                for outcome in extract_stream(documents, jobs, then=_json_line, time_limit=time_limit or None):
                    if isinstance(outcome, Rejection):
                        _reject(outcome, rejected)
                    else:
                        sink.write(outcome)
    except (ImportError, FileExistsError) as error:
        raise click.ClickException(str(error)) from None
    if rejected:
        sys.exit(1)


def _count_ahead(items: Iterator[_Item], most: int) -> tuple[int, Iterator[_Item]]:
    """How many Documents the stream holds, counted up to ``most`` by reading that far ahead,
    and the stream itself, whole and in order (the items read ahead come first)."""
    from summitry.model import Document

    ahead: list[_Item] = []
    counted = 0
    for item in items:
        ahead.append(item)
        counted += isinstance(item, Document)
        if counted == most:
            break
    return counted, itertools.chain(ahead, items)


def _json_line(record: Record) -> str | Rejection:
    """The output line, made where the record is (in the worker: a string crosses back to the
    parent more cheaply than the Record's objects); a record JSON cannot hold is rejected."""
    from summitry.ingest import Rejection
    from summitry.record import record_json

    try:
        return record_json(record) + "\n"
    except ValueError as error:
        return Rejection(record.document.source, f"record not writable as JSON ({error})")


@main.command(name="eval")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False), help="Gold file (seeds-mentions.json).")
@click.argument("paths", nargs=-1)
@click.option("--date", callback=_parse_date, help="Publication date for documents that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses/--no-misses", default=True, help="List what was missed or extra.")
@click.option(
    "--meetings-gold",
    type=click.Path(exists=True, dir_okay=False),
    help="Also score meeting events, and the meetings and ledger views, against this file (seeds-meetings-ledger.json).",
)
@click.option("--store", "store", help="Score the records of this store (URL or SQLite file) instead of extracting PATHS.")
@click.option("--events-gold", metavar="FILE", help="Score events, views and officials of the articles of this gold file (docs/evaluation/GOLD.md); PATHS is the cache folder. Misses only with --misses.")
@click.option("--challenge", metavar="DIR", help="Score the challenge set in this folder (tests/challenge) per error class, against its pins.")
@click.option("--pin", is_flag=True, help="With --challenge: write today's class scores and the set's hash to its pins.json.")
@click.option(
    "--headlines",
    "headlines_corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="Score the meetings every leader-meeting headline of this JSON Lines news corpus promises, and count credit parties.",
)
@click.pass_context
def evaluate(
    ctx: click.Context, gold_path: str | None, paths: tuple[str, ...], date: dt.date | None, as_json: bool, misses: bool,
    meetings_gold: str | None, store: str | None, events_gold: str | None, challenge: str | None, pin: bool,
    headlines_corpus: str | None,
) -> None:
    """Score extraction of PATHS (or a store's records) against gold files, as ../shared/gold/README.md describes."""
    if events_gold or challenge or pin:
        from summitry.evaluation.cli import run_evaluation

        explicit_misses = misses and ctx.get_parameter_source("misses") is not click.core.ParameterSource.DEFAULT
        run_evaluation(events_gold, challenge, pin, paths, as_json, explicit_misses)
        return
    if headlines_corpus:
        from summitry.evaluation.cli import run_headlines

        run_headlines(_headline_records(headlines_corpus, date, store), as_json, misses)
        return
    if not gold_path and not meetings_gold:
        raise click.UsageError("give --gold, --meetings-gold, --headlines or any of them")
    if bool(paths) == bool(store):
        raise click.UsageError("give PATHS to extract or --store to read, not both or neither")
    from summitry.evaluation.cli import run_seed_gold

    rejected: list[Rejection] = []
    records = _stored(store) if store else list(_records(paths, date, rejected))
    run_seed_gold(records, gold_path, meetings_gold, as_json, misses)


def _headline_records(corpus: str, date: dt.date | None, store: str | None) -> Iterator[Record]:
    """``eval --headlines``'s records: every story of the corpus extracted (in worker processes),
    or, when ``store`` is given (a store the corpus was ingested into), read from it a month of
    publication at a time, so memory holds one month, not the corpus."""
    from summitry.ingest import Rejection, read_documents
    from summitry.parallel import extract_stream

    if store:
        from summitry.store import open_store, store_failures
        from summitry.views.source import records_by_month

        engine = open_store(store, read_only=True)
        try:
            with store_failures(engine.url):
                yield from records_by_month(engine)
        finally:
            engine.dispose()
        return
    rejected: list[Rejection] = []
    for item in extract_stream(read_documents([corpus], default_date=date)):
        if isinstance(item, Rejection):
            _reject(item, rejected)
        else:
            yield item


@contextmanager
def _ingest_progress(enabled: bool) -> Iterator[Callable[[IngestSummary], None]]:
    """A live count of documents on a terminal; a no-op when output goes to a file or pipe."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if not enabled:
        yield lambda summary: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console()) as progress:
        task = progress.add_task("ingest", total=None, counts="")

        def show(summary: IngestSummary) -> None:
            refreshed = f"{summary.refreshed} re-extracted · " if summary.refreshed else ""
            counts = f"{refreshed}{summary.new} new · {summary.present} already present · {len(summary.rejected)} rejected"
            progress.update(task, counts=counts)

        yield show


@main.command()
@click.argument("paths", nargs=-1)
@_db_option
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--refresh", is_flag=True, help="First re-extract, in place, the stored documents an older extractor made.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), callback=_jobs, help="Worker processes extracting (default and most: every core).")
@_time_limit_option
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=BATCH_SIZE, show_default=True, help="Documents per transaction.")
def ingest(
    paths: tuple[str, ...], database: str, date: dt.date | None, refresh: bool, jobs: int | None, time_limit: float, batch_size: int
) -> None:
    """Extract PATHS and store them; stored documents are skipped, so a rerun resumes an interrupted one.

    Parquet shards written by `extract --engine dask` (a directory of part-*.parquet, or the
    files) are stored as they are, without extracting again. With --refresh (PATHS may then be
    left out), stored documents whose records another version of summitry made are extracted
    again first, in place and resumably.
    """
    from summitry.shards import ingest_inputs
    from summitry.store import IngestSummary, count_stale, ingest_records, open_store, refresh_records, store_failures

    if not paths and not refresh:
        raise click.UsageError("give PATHS to ingest, or --refresh to re-extract stale stored documents")
    engine = open_store(database)
    latest = IngestSummary()
    interruption = _Interruption()

    def track(summary: IngestSummary) -> None:
        nonlocal latest
        latest = summary
        show(summary)
        interruption.check()  # a Ctrl-C that some callback swallowed stops the run here

    try:
        with interruption, store_failures(engine.url), _ingest_progress(sys.stdout.isatty()) as show:
            refreshed = IngestSummary()
            if refresh:
                refreshed = refresh_records(engine, jobs=jobs, batch_size=batch_size, on_progress=track, time_limit=time_limit or None)
            summary = IngestSummary()
            if paths:
                inputs = ingest_inputs(paths, date, sys.stdin.buffer)
                summary = ingest_records(engine, inputs, jobs=jobs, batch_size=batch_size, on_progress=track, time_limit=time_limit or None)
            stale = count_stale(engine)
    except KeyboardInterrupt:
        _report_interruption(latest)
    except Exception:
        if not interruption.seen:
            raise
        _report_interruption(latest)  # an error after Ctrl-C is the interruption's, not a bug to report
    finally:
        engine.dispose()
    if refresh:
        click.echo(f"summitry: {refreshed.refreshed} re-extracted, {len(refreshed.rejected)} rejected (kept as they were)")
    if paths:
        click.echo(f"summitry: {summary.new} new, {summary.present} already present, {len(summary.rejected)} rejected")
    if stale:
        click.echo(f"summitry: {stale} stored documents were made by another version of summitry; `summitry ingest --refresh` re-extracts them")
    for rejection in refreshed.rejected + summary.rejected:
        click.echo(f"summitry: rejected {rejection.path}: {rejection.reason}", err=True)
    if refreshed.rejected or summary.rejected:
        sys.exit(1)


class _Interruption:
    """Ctrl-C (SIGINT) during an ingest, remembered as well as raised.

    Python cannot raise out of some places a signal lands in — a garbage-collection or weakref
    callback, a ``__del__`` (SQLAlchemy's connection pool runs such callbacks): there the
    KeyboardInterrupt is printed as "ignored" and the run goes on, perhaps over state the
    interrupted callback left half-made. So the handler also sets ``seen``: the next batch
    boundary stops the run, and an error that follows the signal is reported as the
    interruption it is, never as an internal error."""

    def __init__(self) -> None:
        self.seen = False
        self._previous: object = None

    def _handle(self, _signal: int, _frame: object) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt

    def __enter__(self) -> _Interruption:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]


def _report_interruption(latest: IngestSummary) -> None:
    _warn(f"summitry: interrupted after storing {latest.new} new and refreshing {latest.refreshed} documents; run the same command again to resume")
    sys.exit(130)


def _print_hits(hits: list[SearchHit]) -> None:
    """Hits grouped under their document, matches highlighted (plain text off a terminal)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    shown_doc = None
    for hit in hits:
        if hit.doc_id != shown_doc:
            shown_doc = hit.doc_id
            date = hit.date.isoformat() if hit.date else "undated"
            header = Text.assemble((hit.doc_id, "bold"), f"  {date}  ", (hit.source, "cyan"))
            if hit.title:
                header.append(f"  {hit.title}", "italic")
            console.print(header, soft_wrap=True)
        line = Text(f"  [{hit.sentence.start}:{hit.sentence.end}] ")
        offset = len(line) - hit.sentence.start
        line.append(hit.sentence_text)
        for match in hit.matches:
            line.stylize("bold black on yellow", match.start + offset, match.end + offset)
        console.print(line, soft_wrap=True)


@main.command(name="search")
@click.argument("query")
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per matching sentence.")
def search_command(query: str, database: str, limit: int, as_json: bool) -> None:
    """Find QUERY in stored sentences; Simplified finds Traditional and the reverse."""
    from summitry.store import hit_json, open_store, search, store_failures

    engine = open_store(database, read_only=True)
    try:
        with store_failures(engine.url):
            hits = search(engine, query, limit)
    finally:
        engine.dispose()
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit_json(hit), ensure_ascii=False))
    elif hits:
        _print_hits(hits)
    else:
        _warn(f"summitry: no sentence contains {query!r}")


# -- views ------------------------------------------------------------------------------------
def _partial_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD: a view's date may be of any of these precisions."""
    if value is None:
        return None
    for length, pattern in ((4, "%Y"), (7, "%Y-%m"), (10, "%Y-%m-%d")):
        if len(value) == length:
            try:
                dt.datetime.strptime(value, pattern)
                return value
            except ValueError:
                break
    raise click.BadParameter(f"{value!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")


def _stored(database: str) -> list[Record]:
    """Every record of the store (``StoreError``/``UnreadableRecord`` if it cannot give them)."""
    from summitry.store import open_store, store_failures
    from summitry.views.source import stored_records

    engine = open_store(database, read_only=True)
    try:
        with store_failures(engine.url):
            return stored_records(engine)
    finally:
        engine.dispose()


@contextmanager
def _views(database: str) -> Iterator[Connection]:
    """A read-only connection to the store's view tables (``StoreError`` if it cannot give one):
    the view commands query the merged views, never every record."""
    from summitry.store import open_store, store_failures

    engine = open_store(database, read_only=True)
    try:
        with store_failures(engine.url), engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _echo_json(payload: Any) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))


def _documents(sources: Sequence[Source]) -> str:
    """"3 in 2 docs": how much evidence stands behind a row (--json lists every source)."""
    documents = len({s.doc for s in sources})
    return f"{len(sources)} in {documents} doc{'s' if documents != 1 else ''}"


def _json_option(function: _Command) -> _Command:
    return click.option("--json", "as_json", is_flag=True, help="Print SCHEMA.md §2's JSON instead of a table.")(function)


@main.command(name="meetings")
@click.option("--actor", help="Only meetings of this actor (English name, id or alias; a country includes its people).")
@click.option("--since", callback=_partial_date, help="Only meetings on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", callback=_partial_date, help="Only meetings on or before this date (YYYY[-MM[-DD]]).")
@_db_option
@_json_option
def meetings_command(actor: str | None, since: str | None, until: str | None, database: str, as_json: bool) -> None:
    """Every distinct meeting in the store, each with every sentence that reports it."""
    from summitry.views.shape import views_json
    from summitry.views.source import MeetingFilter, stored_actors, stored_meetings

    with _views(database) as connection:
        wanted = (stored_actors(connection).resolve(actor),) if actor is not None else ()
        rows = stored_meetings(connection, MeetingFilter(wanted, since, until))
    if as_json:
        _echo_json(views_json(rows))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"meetings ({len(rows)})")
    for column in ("id", "date"):
        table.add_column(column, no_wrap=True)
    for column in ("participants", "place", "mode", "status", "sources"):
        table.add_column(column, overflow="fold")
    for m in rows:
        table.add_row(m.id, m.date or "—", " · ".join(m.names), m.place or "—", m.mode or "—", m.status, _documents(m.sources))
    Console().print(table)


def _amount_cell(commitment: Commitment) -> str:
    from summitry.views.ledger import describe_amount

    return describe_amount(commitment.amount) if commitment.amount else "—"


@main.command(name="ledger")
@click.option("--pledger", help="Only commitments of this pledger (a country includes its companies and people).")
@click.option("--beneficiary", help="Only commitments to this beneficiary.")
@_db_option
@_json_option
def ledger_command(pledger: str | None, beneficiary: str | None, database: str, as_json: bool) -> None:
    """Every commitment with a stake in the store: pledges, purchases, demands, tariff changes, approvals."""
    from summitry.views.shape import views_json
    from summitry.views.source import LedgerFilter, stored_actors, stored_ledger

    with _views(database) as connection:
        actors = stored_actors(connection)
        wanted = LedgerFilter(
            pledgers=actors.resolve(pledger) if pledger is not None else None,
            beneficiaries=actors.resolve(beneficiary) if beneficiary is not None else None,
        )
        rows = stored_ledger(connection, wanted)
    if as_json:
        _echo_json(views_json(rows))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"commitments ({len(rows)})")
    table.add_column("id", no_wrap=True)
    for column in ("pledger", "beneficiary", "item", "amount", "deadline", "status", "sources"):
        table.add_column(column, overflow="fold")
    for c in rows:
        table.add_row(
            c.id, c.pledger_name, c.beneficiary_name or "—", c.item, _amount_cell(c), c.deadline or "—", c.status, _documents(c.sources)
        )
    Console().print(table)


def _print_readouts(result: Readouts) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{' · '.join(result.names)} {result.date or ''} — what each side says")
    table.add_column("topic")
    for side in result.sides:
        table.add_column(side.name, overflow="fold")
    topics = list(dict.fromkeys(t.topic for side in result.sides for t in side.topics))
    by_side = [{t.topic: t.evidence for t in side.topics} for side in result.sides]
    order = {topic: i for i, topic in enumerate(topics)}
    for topic in sorted(topics, key=order.__getitem__):
        cells = []
        for found in by_side:
            evidence = found.get(topic)
            if not evidence:
                cells.append("—")
                continue
            first = evidence[0].text.replace("\n", " ")
            more = f" (+{len(evidence) - 1})" if len(evidence) > 1 else ""
            cells.append((first[:60] + "…" if len(first) > 60 else first) + more)
        table.add_row(topic, *cells)
    Console().print(table)
    for side in result.sides:
        only = result.only_in.get(side.actor, ())
        click.echo(f"only {side.name}: {', '.join(only) if only else 'nothing'}")


@main.command(name="readouts")
@click.argument("meeting_id")
@_db_option
@_json_option
def readouts_command(meeting_id: str, database: str, as_json: bool) -> None:
    """The topics each side's statements on one meeting cover, side by side (MEETING_ID from `summitry meetings`)."""
    from summitry.views.shape import view_json
    from summitry.views.source import stored_readouts

    with _views(database) as connection:
        result = stored_readouts(connection, meeting_id)
    if as_json:
        _echo_json(view_json(result))
    else:
        _print_readouts(result)


def _print_timeline(timeline: Timeline) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{timeline.name} ({timeline.actor}) — {len(timeline.entries)} entries")
    for column in ("date", "kind", "summary", "status", "sources"):
        table.add_column(column, overflow="fold")
    for entry in timeline.entries:
        table.add_row(entry.date or "—", entry.kind.replace("_", " "), entry.summary, entry.status, _documents(entry.sources))
    Console().print(table)


@main.command(name="actor")
@click.argument("name")
@_db_option
@_json_option
def actor_command(name: str, database: str, as_json: bool) -> None:
    """One actor's meetings, commitments made and received, and claims (NAME: English name, id or alias)."""
    from summitry.views.source import stored_timeline
    from summitry.views.shape import view_json

    with _views(database) as connection:
        timeline = stored_timeline(connection, name)
    if as_json:
        _echo_json(view_json(timeline))
    else:
        _print_timeline(timeline)


# -- outputs: web app, reports, exports -----------------------------------------------------------
@main.command(name="serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", help="Require this token of every request (made up and printed when --host is not loopback).")
@click.option("--no-auth", is_flag=True, help="Serve beyond loopback without a token.")
def serve_command(database: str, host: str, port: int, token: str | None, no_auth: bool) -> None:
    """A local web app over the store: search, meetings, ledger, actors, documents, and a JSON API at /api."""
    import secrets

    import uvicorn

    from summitry.web import create_app
    from summitry.store import open_store
    from summitry.web.guard import LOOPBACK_NAMES, is_loopback

    engine = open_store(database, read_only=True)
    allowed = list(LOOPBACK_NAMES)
    shown_host = f"[{host}]" if ":" in host else host
    if not is_loopback(host):
        wildcard = host in ("0.0.0.0", "::", "")
        allowed.append("*" if wildcard else host)
        _warn(f"summitry: warning: --host {host} serves the store to {'every network this machine is on' if wildcard else 'the network'}")
        if token is None and not no_auth:
            token = secrets.token_urlsafe(24)
    suffix = f"?token={token}" if token else ""
    click.echo(f"summitry: serving {mask_password(database)} at http://{shown_host}:{port}/{suffix} (Ctrl-C stops)")
    try:
        uvicorn.run(create_app(engine, allowed, token), host=host, port=port, log_level="warning")
    finally:
        engine.dispose()


@main.command(name="report")
@click.option("--actor", help="A report on this actor (English name, id or alias).")
@click.option("--meeting", "meeting_id", help="A report on this meeting (an id from `summitry meetings`).")
@click.option("--ledger", "on_ledger", is_flag=True, help="A report on the whole commitments ledger.")
@click.option("-o", "--output", required=True, help="FILE.html (self-contained, charts inline) or FILE.md.")
@_db_option
def report_command(actor: str | None, meeting_id: str | None, on_ledger: bool, output: str, database: str) -> None:
    """Write a report an analyst can send: tables, charts and every sentence of evidence in one file."""
    from summitry.output import open_output
    from summitry.report import build_report

    if sum(bool(choice) for choice in (actor, meeting_id, on_ledger)) != 1:
        raise click.UsageError("give exactly one of --actor, --meeting, --ledger")
    suffix = Path(output).suffix.lower()
    formats = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
    if suffix not in formats:
        raise click.UsageError(f"-o must name a .html or .md file, not {output!r}")
    records = _stored(database)
    text = build_report(records, actor=actor, meeting=meeting_id, ledger=on_ledger, format=formats[suffix])
    with open_output(output) as sink:
        sink.write(text)
    click.echo(f"summitry: wrote {output}")


@main.command(name="export")
@click.option("--format", "export_format", required=True, type=click.Choice(["csv", "parquet", "jsonl", "plover", "cameo"]),
              help="csv/parquet/jsonl: events and ledger tables; plover: PLOVER JSON Lines; cameo: GDELT-style event TSV.")
@click.option("-o", "--output-dir", default=".", show_default=True, type=click.Path(file_okay=False), help="Directory for the files.")
@_db_option
def export_command(export_format: str, output_dir: str, database: str) -> None:
    """Write the store's events (and ledger) in files the field's tools read; prints each path written."""
    from summitry.export import export_records

    try:
        paths = export_records(_stored(database), export_format, output_dir)
    except OSError as error:
        raise click.ClickException(f"cannot write to {output_dir}: {error.strerror or error}") from None
    for path in paths:
        click.echo(str(path))


if __name__ == "__main__":
    main()
