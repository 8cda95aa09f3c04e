"""The ``summitry`` command: thin wrappers that turn stage results into lines and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from summitry.actors import KnowledgeBaseError
from summitry.evaluate import score_mentions
from summitry.events.scoring import score_meetings
from summitry.ingest import Rejection, read_documents
from summitry.model import Record
from summitry.parallel import extract_stream
from summitry.pipeline import extract_document
from summitry.record import record_to_json
from summitry.store import (
    BATCH_SIZE,
    DEFAULT_URL,
    IngestSummary,
    InvalidQuery,
    SearchHit,
    StoreError,
    ingest_records,
    open_store,
    search,
    store_url,
)

_errors = Console(stderr=True)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and rename it into place only when complete."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent or ".", delete=False, suffix=".partial")
    try:
        with handle:
            yield handle
        os.replace(handle.name, target)
    except BaseException:
        os.unlink(handle.name)
        raise


def _reject(rejection: Rejection, rejected: list[Rejection]) -> None:
    rejected.append(rejection)
    _errors.print(f"summitry: rejected {rejection.path}: {rejection.reason}", markup=False, highlight=False, soft_wrap=True)


def _records(paths: tuple[str, ...], date: dt.date | None, rejected: list[Rejection]) -> Iterator[Record]:
    for item in read_documents(paths, default_date=date, stdin=sys.stdin.buffer):
        if isinstance(item, Rejection):
            _reject(item, rejected)
        else:
            yield extract_document(item)


@click.group()
@click.version_option(package_name="summitry")
def main() -> None:
    """Turn Chinese-language diplomacy news into a verifiable record of who met whom, and for how much."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("-o", "--output", help="Write JSON Lines to this file (written whole or not at all) instead of stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: every core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask cluster writing Parquet shards.")
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786), with --engine dask.")
@click.option("--output-dir", type=click.Path(file_okay=False), help="Directory for the Parquet shards, with --engine dask.")
def extract(
    paths: tuple[str, ...], date: dt.date | None, output: str | None, jobs: int | None,
    engine: str, scheduler: str | None, output_dir: str | None,
) -> None:
    """Print one JSON object per document found in PATHS (files, directories, - for stdin)."""
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
            with _output(output) as sink:
                for outcome in extract_stream(documents, jobs):
                    if isinstance(outcome, Rejection):
                        _reject(outcome, rejected)
                    else:
                        sink.write(json.dumps(record_to_json(outcome), ensure_ascii=False, allow_nan=False) + "\n")
    except KnowledgeBaseError as error:
        raise click.ClickException(f"knowledge base is invalid: {error}") from None
    except (ImportError, FileExistsError) as error:
        raise click.ClickException(str(error)) from None
    if rejected:
        sys.exit(1)


def _print_scores(scores, as_json: bool, show_misses: bool, meetings=None) -> None:
    rows = [
        ("person precision", scores.persons.precision),
        ("person recall", scores.persons.recall),
        ("person F1", scores.persons.f1),
        ("country precision", scores.countries.precision),
        ("country recall", scores.countries.recall),
        ("country F1", scores.countries.f1),
        ("surface recall", scores.surface_recall.value),
        ("quantity accuracy", scores.quantity_accuracy.value),
        ("quantity precision", scores.quantity_precision.value),
        ("time accuracy", scores.time_accuracy.value),
        ("organization recall (not a target)", scores.organization_recall.value),
        ("place recall (not a target)", scores.place_recall.value),
    ]
    if as_json:
        payload = {name.split(" (")[0].replace(" ", "_").lower(): round(value, 4) for name, value in rows}
        payload["span_errors"] = scores.span_errors
        payload["misses"] = list(scores.misses)
        if meetings:
            lenient, strict = meetings
            payload["meeting_recall"] = round(lenient.recall, 4)
            payload["meeting_precision"] = round(lenient.precision, 4)
            payload["meeting_precision_strict"] = round(strict.precision, 4)
            payload["meeting_misses"] = list(lenient.misses)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    table = Table(title="mentions")
    table.add_column("measure")
    table.add_column("score", justify="right")
    for name, value in rows:
        table.add_row(name, f"{value:.3f}")
    table.add_row("span errors", str(scores.span_errors))
    Console().print(table)
    if show_misses:
        for miss in scores.misses:
            click.echo(f"  miss: {miss}")
    if meetings:
        lenient, strict = meetings
        events_table = Table(title="events: meetings")
        events_table.add_column("measure")
        events_table.add_column("score", justify="right")
        events_table.add_row("meeting recall (core)", f"{lenient.recall:.3f}")
        events_table.add_row("meeting precision", f"{lenient.precision:.3f}")
        events_table.add_row("meeting precision (undated reports count as errors)", f"{strict.precision:.3f}")
        Console().print(events_table)
        if show_misses:
            for miss in lenient.misses:
                click.echo(f"  meeting: {miss}")


@main.command(name="eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold file (seeds-mentions.json).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, help="Publication date for documents that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses/--no-misses", default=True, help="List what was missed or extra.")
@click.option(
    "--meetings-gold",
    type=click.Path(exists=True, dir_okay=False),
    help="Also score meeting events against this file (seeds-meetings-ledger.json).",
)
def evaluate(
    gold_path: str, paths: tuple[str, ...], date: dt.date | None, as_json: bool, misses: bool, meetings_gold: str | None
) -> None:
    """Score extraction of PATHS against a gold file, as ../shared/gold/README.md describes."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rejected: list[Rejection] = []
    records = list(_records(paths, date, rejected))
    meetings = None
    if meetings_gold:
        gold_meetings = json.loads(Path(meetings_gold).read_text(encoding="utf-8"))["meetings"]
        meetings = (score_meetings(records, gold_meetings), score_meetings(records, gold_meetings, unspecific_is_error=True))
    _print_scores(score_mentions(records, gold), as_json, misses, meetings)


def _open_store(location: str, must_exist: bool = False) -> Engine:
    """The store at ``location`` (a URL or a SQLite file), or one clear error line."""
    try:
        url = store_url(location)
        if must_exist and url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_file():
            raise click.ClickException(f"no store at {url.database}: `summitry ingest` makes one")
        return open_store(location)
    except StoreError as error:
        raise click.ClickException(f"cannot open the store {error}") from None


@contextmanager
def _ingest_progress(enabled: bool) -> Iterator:
    """A live count of documents on a terminal; a no-op when output goes to a file or pipe."""
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
            counts = f"{summary.new} new · {summary.present} already present · {len(summary.rejected)} rejected"
            progress.update(task, counts=counts)

        yield show


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "database", default=DEFAULT_URL, show_default=True, help="SQLAlchemy URL, or a SQLite file path.")
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True, help="Documents per transaction.")
def ingest(paths: tuple[str, ...], database: str, date: dt.date | None, batch_size: int) -> None:
    """Extract PATHS and store them; stored documents are skipped, so a rerun resumes an interrupted one."""
    engine = _open_store(database)
    latest = IngestSummary()

    def track(summary: IngestSummary) -> None:
        nonlocal latest
        latest = summary
        show(summary)

    try:
        with _ingest_progress(sys.stdout.isatty()) as show:
            documents = read_documents(paths, default_date=date, stdin=sys.stdin.buffer)
            summary = ingest_records(engine, documents, batch_size=batch_size, on_progress=track)
    except KeyboardInterrupt:
        _errors.print(
            f"summitry: interrupted after storing {latest.new} new documents; run the same command again to resume",
            markup=False,
            highlight=False,
        )
        sys.exit(130)
    except KnowledgeBaseError as error:
        raise click.ClickException(f"knowledge base is invalid: {error}") from None
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise click.ClickException(f"the store {database} failed: {reason}") from None
    finally:
        engine.dispose()
    click.echo(f"summitry: {summary.new} new, {summary.present} already present, {len(summary.rejected)} rejected")
    for rejection in summary.rejected:
        click.echo(f"summitry: rejected {rejection.path}: {rejection.reason}", err=True)
    if summary.rejected:
        sys.exit(1)


def _hit_json(hit: SearchHit) -> dict:
    return {
        "doc": hit.doc_id,
        "source": hit.source,
        "date": hit.date.isoformat() if hit.date else None,
        "title": hit.title,
        "sentence": {"start": hit.sentence.start, "end": hit.sentence.end, "text": hit.sentence_text},
        "matches": [{"start": m.start, "end": m.end, "text": hit.matched_text(m)} for m in hit.matches],
    }


def _print_hits(hits: list[SearchHit]) -> None:
    """Hits grouped under their document, matches highlighted (plain text off a terminal)."""
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
@click.option("--db", "database", default=DEFAULT_URL, show_default=True, help="SQLAlchemy URL, or a SQLite file path.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per matching sentence.")
def search_command(query: str, database: str, limit: int, as_json: bool) -> None:
    """Find QUERY in stored sentences; Simplified finds Traditional and the reverse."""
    engine = _open_store(database, must_exist=True)
    try:
        hits = search(engine, query, limit)
    except InvalidQuery as error:
        raise click.ClickException(f"cannot search for {error}") from None
    finally:
        engine.dispose()
    if as_json:
        for hit in hits:
            click.echo(json.dumps(_hit_json(hit), ensure_ascii=False))
    elif hits:
        _print_hits(hits)
    else:
        _errors.print(f"summitry: no sentence contains {query!r}", markup=False, highlight=False)


if __name__ == "__main__":
    main()
