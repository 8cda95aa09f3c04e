"""Terminal tables and JSON for `summitry eval --events-gold` and `--challenge`.

The tables are for a person reading at a glance (counts and ratios side by side); ``--json``
gives scripts the same numbers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from summitry.evaluation.challenge import ChallengeReport
from summitry.evaluation.events import FIELDS, EventsReport, Tally

REFILL = "refill it as docs/evaluation/README.md says (the address's excerpt from the `pages` search corpus, a `date` first line)"


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.0%})" if total else "0/0"


def _echo_json(payload: dict[str, Any], show_misses: bool) -> None:
    if not show_misses:
        payload.pop("misses", None)
    click.echo(json.dumps(payload, ensure_ascii=False, indent=1))


def _table(title: str, *columns: str) -> Table:
    """A table whose first column names the row and whose others hold numbers."""
    table = Table(title=title)
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def _tally_row(name: str, tally: Tally) -> list[str]:
    return [name, _share(tally.right, tally.total), str(tally.fully_right), str(tally.missed), str(tally.spurious)]


def print_events_report(report: EventsReport, gold_name: str, cache_dir: str, as_json: bool, show_misses: bool) -> None:
    if report.skipped:
        missing = ", ".join(f"{Path(cache_dir) / article}.txt" for article in report.skipped)
        click.echo(f"skipped {len(report.skipped)} article(s), no cache file: {missing}; {REFILL}", err=True)
    for article, reason in report.unreadable:
        click.echo(f"skipped {Path(cache_dir) / article}.txt: {reason}; {REFILL}", err=True)
    if as_json:
        _echo_json(report.as_json(), show_misses)
        return
    console = Console()
    title = f"events: {gold_name} ({len(report.articles)} articles scored, {len(report.skipped) + len(report.unreadable)} skipped)"
    events = _table(title, "events", "right / total", "fully right", "missed", "spurious")
    events.add_row(*_tally_row("all", report.events), style="bold")
    for name, tally in report.by_type().items():
        events.add_row(*_tally_row(name, tally))
    console.print(events)
    errors = _table("wrong events by the first failing field", "error class", "events")
    counts = report.errors()
    for name in FIELDS:
        errors.add_row(name, str(counts[name]))
    for name in ("place", "amounts", "mode"):
        errors.add_row(f"{name} (of events otherwise right)" if name != "mode" else "mode (counted apart)", str(counts[name]))
    console.print(errors)
    views = _table("views and officials, per article", "measure", "score")
    for label, pick in (("meetings view", "meetings"), ("ledger", "ledger")):
        recall, precision = report.view_scores(pick)
        views.add_row(f"{label} recall (core)", f"{recall:.3f}")
        views.add_row(f"{label} precision", f"{precision:.3f}")
    views.add_row("officials linked", _share(*report.officials))
    console.print(views)
    if show_misses:
        for line in report.misses():
            click.echo(f"  {line}")


def print_challenge_report(report: ChallengeReport, pins: dict[str, Any] | None, as_json: bool, show_misses: bool) -> None:
    if as_json:
        _echo_json({**report.as_json(), "pins": pins}, show_misses)
        return
    console = Console()
    title = f"challenge set {report.digest}: {len(report.results)} items, {report.sentences} sentences"
    table = _table(title, "error class", "items right", "pinned")
    pinned = (pins or {}).get("classes", {}) if (pins or {}).get("hash") == report.digest else {}
    for name, (hits, total) in report.by("error_class").items():
        pin = pinned.get(name, {}).get("score")
        table.add_row(name, _share(hits, total), f"{pin:.0%}" if pin is not None else "-")
    console.print(table)
    outlets = _table("by outlet style", "outlet", "items right")
    for name, (hits, total) in report.by("outlet").items():
        outlets.add_row(name, _share(hits, total))
    console.print(outlets)
    if show_misses:
        for line in report.misses():
            click.echo(f"  {line}")
