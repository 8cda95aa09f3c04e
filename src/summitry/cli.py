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
from rich.table import Table

from summitry.actors import KnowledgeBaseError
from summitry.evaluate import score_mentions
from summitry.ingest import Rejection, read_documents
from summitry.model import Record
from summitry.pipeline import extract_document
from summitry.record import record_to_json

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


def _records(paths: tuple[str, ...], date: dt.date | None, rejected: list[Rejection]) -> Iterator[Record]:
    for item in read_documents(paths, default_date=date, stdin=sys.stdin.buffer):
        if isinstance(item, Rejection):
            rejected.append(item)
            _errors.print(f"summitry: rejected {item.path}: {item.reason}", markup=False, highlight=False)
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
def extract(paths: tuple[str, ...], date: dt.date | None, output: str | None) -> None:
    """Print one JSON object per document found in PATHS (files, directories, - for stdin)."""
    rejected: list[Rejection] = []
    try:
        with _output(output) as sink:
            for record in _records(paths, date, rejected):
                sink.write(json.dumps(record_to_json(record), ensure_ascii=False) + "\n")
    except KnowledgeBaseError as error:
        raise click.ClickException(f"knowledge base is invalid: {error}") from None
    if rejected:
        sys.exit(1)


def _print_scores(scores, as_json: bool, show_misses: bool) -> None:
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


@main.command(name="eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold file (seeds-mentions.json).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, help="Publication date for documents that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses/--no-misses", default=True, help="List what was missed or extra.")
def evaluate(gold_path: str, paths: tuple[str, ...], date: dt.date | None, as_json: bool, misses: bool) -> None:
    """Score extraction of PATHS against a gold file, as ../shared/gold/README.md describes."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rejected: list[Rejection] = []
    records = list(_records(paths, date, rejected))
    _print_scores(score_mentions(records, gold), as_json, misses)


if __name__ == "__main__":
    main()
